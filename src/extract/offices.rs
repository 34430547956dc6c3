//! Offices and their holders by date (index-schema/offices.tsv), and the
//! phrases that name an office (index-schema/office_titles.tsv): "the Russian
//! president" in an article of 2019 is Vladimir Putin. A state's office is
//! never the nation's ("the Kansas secretary of state"), a former or deputy
//! holder is nobody in particular, and an undated article infers nothing.

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

use super::gazetteer::{Entity, Gazetteer};
use super::people::PersonMention;
use super::tsv::{rows, values};
use crate::article::OfficeRef;

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
    /// A title -> offices it never names ("leader" is not Germany's president).
    not: HashMap<String, Vec<String>>,
    never: Vec<String>,
    /// Finds the titles in running text, whatever their case.
    title_finder: Option<AhoCorasick>,
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
        let mut not: HashMap<String, Vec<String>> = HashMap::default();
        for r in rows(TITLES) {
            match r[0] {
                "title" if r.len() >= 3 => {
                    titles.push((r[1].to_string(), values(&r, 2).map(String::from).collect()))
                }
                "fixed" if r.len() >= 3 => {
                    fixed.insert(r[1].to_string(), r[2].to_string());
                }
                "never" => never.extend(values(&r, 1).map(String::from)),
                "not" if r.len() >= 3 => not
                    .entry(r[1].to_string())
                    .or_default()
                    .extend(values(&r, 2).map(String::from)),
                _ => {}
            }
        }
        titles.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        // Each title as news writes it ("president", "President", "Prime
        // Minister", "Prime minister"): case-sensitive patterns keep the
        // searcher's fast prefilter, which case folding would cost.
        let mut spellings: Vec<String> = Vec::new();
        for (title, _) in &titles {
            let capitalised = capitalise_first(title);
            let every_word = title
                .split(' ')
                .map(headline_word)
                .collect::<Vec<_>>()
                .join(" ");
            for s in [title.clone(), capitalised, every_word] {
                if !spellings.contains(&s) {
                    spellings.push(s);
                }
            }
        }
        let title_finder = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&spellings)
            .ok();
        Offices {
            terms,
            titles,
            fixed,
            not,
            never,
            title_finder,
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
        let not = self.not.get(title.as_str());
        roles
            .iter()
            .map(|role| format!("{role} of {country}"))
            .filter(|office| !not.is_some_and(|n| n.contains(office)))
            .find_map(|office| self.known(&office))
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

/// An office named in an article's text, resolved on its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedOffice {
    /// Byte offsets of the mention in the text.
    pub start: usize,
    pub end: usize,
    /// Where the title itself starts, after its qualifier ("foreign minister"
    /// in "the Turkish foreign minister"): how the article names it later.
    pub title_start: usize,
    pub office: OfficeRef,
    /// The holder's name follows ("Secretary of State Mike Pompeo").
    pub before_holder: bool,
}

/// A title's word as a headline or a name's title writes it: "Secretary-General",
/// "U.N.", "of" and "the" as they are.
fn headline_word(word: &str) -> String {
    match word {
        "of" | "the" | "to" => word.to_string(),
        "u.n." | "un" => word.to_uppercase(),
        _ => word
            .split('-')
            .map(capitalise_first)
            .collect::<Vec<_>>()
            .join("-"),
    }
}

fn capitalise_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Words before a title that may qualify it ("the Russian", "South Korea's").
const MAX_QUALIFIER_WORDS: usize = 4;

/// Every office `text` names that resolves to its holder on `date`: "the
/// Russian president", "South Korea's foreign minister", "the secretary of
/// state", "Secretary of State Mike Pompeo". Not "a former secretary of
/// state", "the Kansas secretary of state", "ex-president", nor a title
/// before someone who did not hold it that day ("Secretary of State Hillary
/// Clinton" in 2019 speaks of the past). An undated article names none.
pub fn named(
    offices: &Offices,
    gaz: &Gazetteer,
    text: &str,
    people: &[PersonMention],
    date: Option<NaiveDate>,
) -> Vec<NamedOffice> {
    let (Some(date), Some(finder)) = (date, offices.title_finder.as_ref()) else {
        return Vec::new();
    };
    let never = |word: &str| {
        let lower = word.to_lowercase();
        offices.never.contains(&lower)
    };
    let mut found = Vec::new();
    for m in finder.find_iter(text) {
        let (title_start, mut end) = (m.start(), m.end());
        let before = text[..title_start].chars().next_back();
        let after = text[end..].chars().next();
        // Whole words only; "ex-president", "president-elect" are no holder.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '-')
            || after.is_some_and(|c| c.is_alphanumeric() || c == '-')
        {
            continue;
        }
        // "Secretary-General of NATO": a fixed mention that runs on.
        let title_lower = text[title_start..end].to_lowercase();
        for key in offices.fixed.keys() {
            if let Some(rest) = key.strip_prefix(title_lower.as_str())
                && rest.starts_with(' ')
                && text
                    .get(end..end + rest.len())
                    .is_some_and(|t| t.eq_ignore_ascii_case(rest))
            {
                end += rest.len();
            }
        }
        let words = words_before(text, title_start);
        if words.first().is_some_and(|(_, w)| never(w)) {
            continue;
        }
        let next_person = people
            .iter()
            .find(|p| p.start > end && text[end..p.start].trim().is_empty());
        let resolve = |start: usize| {
            let office = offices.mention(gaz, &text[start..end])?;
            let holder = offices.holder(&office, date)?;
            Some((office, holder))
        };
        let mut resolved = (1..=words.len()).rev().find_map(|k| {
            let outside = words.get(k).map(|(_, w)| *w);
            // A qualifier starts with "the" or a capital ("Russian", "U.S.",
            // "South Korea's"): "said the president" is tried as "the president" only.
            let first = words[k - 1].1;
            let may_qualify = first.starts_with(char::is_uppercase) || first == "the";
            if !may_qualify || outside.is_some_and(never) {
                return None;
            }
            resolve(words[k - 1].0).map(|r| (words[k - 1].0, r))
        });
        // A bare title resolves only before its holder's name.
        if resolved.is_none() && next_person.is_some() {
            resolved = resolve(title_start).map(|r| (title_start, r));
        }
        let Some((start, (office, holder))) = resolved else {
            continue;
        };
        let before_holder = match next_person {
            Some(p) if p.canonical == holder => true,
            // Someone else after the title: another time's holder.
            Some(_) => continue,
            None if start == title_start => continue,
            None => false,
        };
        found.push(NamedOffice {
            start,
            end,
            title_start,
            office: OfficeRef {
                mention: text[start..end].to_string(),
                office: office.office,
                holder: holder.to_string(),
            },
            before_holder,
        });
    }
    found
}

/// Up to `MAX_QUALIFIER_WORDS` words right before `at`, nearest first, with
/// their start offsets, stopping at punctuation and line breaks ("U.S." and
/// "Korea's" are words).
fn words_before(text: &str, at: usize) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut end = at;
    while words.len() < MAX_QUALIFIER_WORDS {
        let Some(head) = text[..end].strip_suffix(' ') else {
            break;
        };
        let start = head.rfind([' ', '\n']).map_or(0, |i| i + 1);
        let word = &head[start..];
        let abbreviation = word.strip_suffix('.').is_some_and(|w| w.contains('.'));
        if word.is_empty()
            || word.ends_with([',', ';', ':', ')', '"', '“', '”', '—'])
            || (word.ends_with('.') && !abbreviation)
        {
            break;
        }
        words.push((start, word));
        end = start;
    }
    words
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
    fn new_offices_resolve() {
        assert_eq!(
            holder("the Brazilian president", "2019-06-01").as_deref(),
            Some("Jair Bolsonaro")
        );
        assert_eq!(
            holder("Australia's foreign minister", "2015-03-01").as_deref(),
            Some("Julie Bishop")
        );
        assert_eq!(
            holder("the Saudi crown prince", "2018-10-10").as_deref(),
            Some("Mohammed bin Salman")
        );
        assert_eq!(
            holder("the Emir of Qatar", "2017-06-10").as_deref(),
            Some("Tamim bin Hamad Al Thani")
        );
        assert_eq!(
            holder("the European Commission president", "2016-06-24").as_deref(),
            Some("Jean-Claude Juncker")
        );
        // A ceremonial president is no country's leader.
        assert_eq!(
            holder("the German president", "2018-05-07").as_deref(),
            Some("Frank-Walter Steinmeier")
        );
        assert_eq!(
            holder("the German leader", "2018-05-07").as_deref(),
            Some("Angela Merkel")
        );
        assert_eq!(
            holder("the Israeli leader", "2018-05-07").as_deref(),
            Some("Benjamin Netanyahu")
        );
        assert_eq!(
            holder("the Russian leader", "2018-05-07").as_deref(),
            Some("Vladimir Putin")
        );
        // Suspended and interim presidents are nobody: Brazil, 2016-06.
        assert_eq!(holder("the Brazilian president", "2016-06-01"), None);
    }

    #[test]
    fn gulf_korean_and_earlier_offices_resolve() {
        let cases = [
            (
                "the South Korean prime minister",
                "2020-06-01",
                "Chung Sye-kyun",
            ),
            (
                "Kuwait's foreign minister",
                "2015-05-01",
                "Sabah Al-Khalid Al-Sabah",
            ),
            (
                "the Kuwaiti prime minister",
                "2013-03-01",
                "Jaber Al-Mubarak Al-Sabah",
            ),
            (
                "the Emirati foreign minister",
                "2017-06-05",
                "Abdullah bin Zayed",
            ),
            (
                "the UAE prime minister",
                "2015-01-01",
                "Mohammed bin Rashid Al Maktoum",
            ),
            (
                "Bahrain's foreign minister",
                "2017-06-05",
                "Khalid bin Ahmed Al Khalifa",
            ),
            ("the Syrian prime minister", "2018-01-01", "Imad Khamis"),
            ("Japan's foreign minister", "1990-01-01", "Taro Nakayama"),
            (
                "the Italian foreign minister",
                "1987-06-01",
                "Giulio Andreotti",
            ),
            ("the Japanese emperor", "1987-04-01", "Emperor Hirohito"),
        ];
        for (phrase, date, expected) in cases {
            assert_eq!(
                holder(phrase, date).as_deref(),
                Some(expected),
                "{phrase} {date}"
            );
        }
        // Acting between two holders (Hong Nam-ki, 2021), and a change known
        // only to the month (Kuwait's foreign minister, December 2019): nobody.
        assert_eq!(
            holder("the South Korean prime minister", "2021-04-30"),
            None
        );
        assert_eq!(holder("Kuwait's foreign minister", "2019-12-20"), None);
        // Kuwait's leader is the emir, not the prime minister.
        assert_eq!(holder("the Kuwaiti leader", "2015-05-01"), None);
    }

    fn named_in(text: &str, date: &str) -> Vec<(String, String, bool)> {
        let ex = crate::extract::Extractor::shared();
        let gaz = &ex.gazetteer;
        let hits = gaz.find(text);
        let people = crate::extract::people::PeopleFinder::new(gaz).find(text, &hits);
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        named(&ex.offices, gaz, text, &people, date)
            .into_iter()
            .map(|n| (n.office.mention, n.office.holder, n.before_holder))
            .collect()
    }

    #[test]
    fn titles_are_found_as_news_writes_them() {
        let found = |text: &str| named_in(text, "2018-09-20").len();
        assert_eq!(
            found("the U.S. Ambassador to the United Nations Nikki Haley spoke"),
            1
        );
        assert_eq!(found("UN Secretary-General Antonio Guterres spoke"), 1);
        assert_eq!(found("the Japanese Prime Minister spoke"), 1);
        assert_eq!(found("the Japanese prime minister spoke"), 1);
    }

    #[test]
    fn offices_in_running_text() {
        let text = "The Russian president met South Korea's foreign minister. \
                    Secretary of State Mike Pompeo said so, and the secretary of state left. \
                    A former secretary of state, the Kansas secretary of state and \
                    ex-president Medvedev said nothing; Secretary of State Hillary Clinton neither.";
        let found = named_in(text, "2018-09-20");
        let mentions: Vec<&str> = found.iter().map(|(m, _, _)| m.as_str()).collect();
        assert_eq!(
            mentions,
            [
                "The Russian president",
                "South Korea's foreign minister",
                "Secretary of State",
                "the secretary of state"
            ]
        );
        assert_eq!(found[0].1, "Vladimir Putin");
        assert_eq!(found[1].1, "Kang Kyung-wha");
        assert!(found[2].2 && !found[3].2);
        assert!(named_in(text, "not a date").is_empty());
    }

    #[test]
    fn new_holders_are_people_the_title_stands_before() {
        let found = named_in(
            "South Korean Prime Minister Chung Sye-kyun met Kuwaiti Foreign Minister \
             Ahmad Nasser Al-Mohammad Al-Sabah.",
            "2020-06-01",
        );
        let holders: Vec<(&str, bool)> = found.iter().map(|(_, h, b)| (h.as_str(), *b)).collect();
        assert_eq!(
            holders,
            [
                ("Chung Sye-kyun", true),
                ("Ahmad Nasser Al-Mohammad Al-Sabah", true)
            ]
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
