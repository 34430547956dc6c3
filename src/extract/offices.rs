//! Offices and their holders by date (index-schema/offices.tsv), and the
//! phrases that name an office (index-schema/office_titles.tsv): "the Russian
//! president" in an article of 2019 is Vladimir Putin. A state's office is
//! never the nation's ("the Kansas secretary of state"), a former or deputy
//! holder is nobody in particular, and an undated article infers nothing.

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

use super::gazetteer::{Entity, Gazetteer};
use super::tsv::{rows, values};

const OFFICES: &str = include_str!("../../index-schema/offices.tsv");
const TITLES: &str = include_str!("../../index-schema/office_titles.tsv");

struct Term {
    holder: String,
    start: NaiveDate,
    /// The successor's first day; none while in office.
    end: Option<NaiveDate>,
}

pub struct Offices {
    terms: HashMap<String, Vec<Term>>,
    /// Title after a country -> roles, longest title first.
    titles: Vec<(String, Vec<String>)>,
    /// A whole mention -> its office.
    fixed: HashMap<String, String>,
    never: Vec<String>,
}

/// A mention of an office in text, resolved to the office's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeMention {
    pub office: String,
}

impl Offices {
    pub fn load() -> Offices {
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let mut terms: HashMap<String, Vec<Term>> = HashMap::default();
        for r in rows(OFFICES).filter(|r| r.len() >= 3) {
            let Some(start) = date(r[2]) else { continue };
            terms.entry(r[0].to_string()).or_default().push(Term {
                holder: r[1].to_string(),
                start,
                end: r.get(3).and_then(|e| date(e)),
            });
        }
        let mut titles = Vec::new();
        let mut fixed = HashMap::default();
        let mut never = Vec::new();
        for r in rows(TITLES) {
            match r[0] {
                "title" if r.len() >= 3 => {
                    titles.push((r[1].to_string(), values(&r, 2).map(String::from).collect()))
                }
                "fixed" if r.len() >= 3 => {
                    fixed.insert(r[1].to_string(), r[2].to_string());
                }
                "never" => never.extend(values(&r, 1).map(String::from)),
                _ => {}
            }
        }
        titles.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        Offices {
            terms,
            titles,
            fixed,
            never,
        }
    }

    /// The office a whole phrase names ("The Secretary of State", "Russia's
    /// president", "South Korean President"), if the table knows it.
    pub fn mention(&self, gaz: &Gazetteer, phrase: &str) -> Option<OfficeMention> {
        let lower = phrase.to_lowercase().replace('’', "'");
        let words: Vec<&str> = lower.split_whitespace().collect();
        let words = match words.first() {
            Some(&"the") => &words[1..],
            _ => &words[..],
        };
        if words.is_empty() || words.len() > 8 {
            return None;
        }
        let text = words.join(" ");
        if let Some(office) = self.fixed.get(&text) {
            return self.known(office);
        }
        let (title, roles) = self
            .titles
            .iter()
            .find(|(t, _)| text.ends_with(t.as_str()) && text.len() > t.len())?;
        let qualifier = text[..text.len() - title.len()].trim_end();
        if !text[..text.len() - title.len()].ends_with(' ') {
            return None;
        }
        let qualifier = qualifier
            .strip_suffix("'s")
            .or_else(|| qualifier.strip_suffix('\''))
            .unwrap_or(qualifier);
        if qualifier
            .split([' ', '-'])
            .any(|w| self.never.iter().any(|n| n == w))
        {
            return None;
        }
        // The country, or an organisation the table has ("NATO", "UN").
        let country = match gaz.lookup(qualifier).and_then(|form| {
            form.entities.iter().find_map(|e| match e {
                Entity::Country(c) | Entity::Demonym(c) => Some(*c),
                _ => None,
            })
        }) {
            Some(c) => gaz.countries[c as usize].clone(),
            None => return None,
        };
        roles
            .iter()
            .find_map(|role| self.known(&format!("{role} of {country}")))
    }

    fn known(&self, office: &str) -> Option<OfficeMention> {
        self.terms.contains_key(office).then(|| OfficeMention {
            office: office.to_string(),
        })
    }

    /// Who held an office on a day.
    pub fn holder(&self, office: &OfficeMention, date: NaiveDate) -> Option<&str> {
        self.terms
            .get(&office.office)?
            .iter()
            .find(|t| t.start <= date && t.end.is_none_or(|e| date < e))
            .map(|t| t.holder.as_str())
    }

    /// Whether a person held an office on a day ("Secretary of State Mike Pompeo").
    pub fn held(&self, office: &OfficeMention, person: &str, date: NaiveDate) -> bool {
        self.holder(office, date).is_some_and(|h| h == person)
    }
}

impl Default for Offices {
    fn default() -> Self {
        Offices::load()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holder(phrase: &str, date: &str) -> Option<String> {
        let gaz = &crate::extract::Extractor::shared().gazetteer;
        let offices = Offices::load();
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        let m = offices.mention(gaz, phrase)?;
        offices.holder(&m, date).map(String::from)
    }

    #[test]
    fn offices_resolve_to_the_holder_of_the_day() {
        assert_eq!(
            holder("the Russian president", "2019-03-01").as_deref(),
            Some("Vladimir Putin")
        );
        assert_eq!(
            holder("Russia's president", "2010-03-01").as_deref(),
            Some("Dmitry Medvedev")
        );
        assert_eq!(
            holder("The Secretary of State", "2019-11-18").as_deref(),
            Some("Mike Pompeo")
        );
        assert_eq!(
            holder("the secretary of state", "2010-06-01").as_deref(),
            Some("Hillary Clinton")
        );
        assert_eq!(
            holder("South Korea's foreign minister", "2018-09-20").as_deref(),
            Some("Kang Kyung-wha")
        );
        assert_eq!(
            holder("Japan's prime minister", "1988-01-05").as_deref(),
            Some("Noboru Takeshita")
        );
        assert_eq!(
            holder("the West German chancellor", "1987-04-03").as_deref(),
            Some("Helmut Kohl")
        );
    }

    #[test]
    fn state_former_and_undated_offices_are_nobody() {
        assert_eq!(holder("the Kansas secretary of state", "2019-11-18"), None);
        assert_eq!(
            holder("the North Dakota secretary of state", "2019-11-18"),
            None
        );
        assert_eq!(holder("a former secretary of state", "2019-11-18"), None);
        assert_eq!(holder("the former Russian president", "2019-11-18"), None);
        assert_eq!(holder("the president", "2019-11-18"), None);
        // Between two terms (an interim), nobody.
        assert_eq!(holder("the South Korean president", "2017-04-01"), None);
    }
}
