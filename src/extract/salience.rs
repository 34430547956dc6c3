//! How often and where an article names each person, place and country,
//! and which of them it is about (the salient ones): filters match every
//! name an article has, facets count the salient ones.

use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

use super::outlet::Outlets;
use super::people::name_key;
use super::tsv::rows;
use crate::article::{Mention, MentionKind};

/// Where a name stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Dateline,
    Title,
    /// The first paragraph of the body.
    Lead,
    Rest,
}

/// What one article says of one name.
#[derive(Debug, Clone, Copy, Default)]
pub struct Count {
    pub count: u32,
    pub in_title: bool,
    /// In the dateline or the lead.
    pub in_lead: bool,
    pub dateline: bool,
}

impl Count {
    pub fn add(&mut self, part: Part) {
        self.count += 1;
        match part {
            Part::Dateline => {
                self.dateline = true;
                self.in_lead = true;
            }
            Part::Title => self.in_title = true,
            Part::Lead => self.in_lead = true,
            Part::Rest => {}
        }
    }

    pub fn merge(&mut self, other: &Count) {
        self.count += other.count;
        self.in_title |= other.in_title;
        self.in_lead |= other.in_lead;
        self.dateline |= other.dateline;
    }

    pub fn mention(&self, name: String, kind: MentionKind, salient: bool) -> Mention {
        Mention {
            name,
            kind,
            count: self.count,
            in_title: self.in_title,
            in_lead: self.in_lead,
            salient,
        }
    }
}

/// Every person named is one the article is about: Reuters' PEOPLE lists
/// people named once deep in the body often enough (a rule of title, lead or
/// two mentions keeps 0.93 of them against 0.99 for all; see the README's
/// Measurements), so salience orders rather than drops people.
pub fn person(_: &Count) -> bool {
    true
}

/// A place the title, dateline or lead names, or the text names twice:
/// "Washington" once in the tenth paragraph is not where the story is.
pub fn place(count: &Count) -> bool {
    count.in_title || count.in_lead || count.count >= 2
}

const NOT_PEOPLE: &str = include_str!("../../index-schema/not_people.tsv");

/// Names of index-schema/not_people.tsv by key; the multi-word ones also as prefixes.
struct NotPeople {
    names: HashSet<String>,
    prefixes: HashSet<String>,
}

fn not_people() -> &'static NotPeople {
    static TABLE: OnceLock<NotPeople> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut names = HashSet::default();
        let mut prefixes = HashSet::default();
        for row in rows(NOT_PEOPLE).filter(|r| r.len() >= 2) {
            for name in super::tsv::values(&row, 1) {
                names.insert(name_key(name));
                if name.contains(' ') {
                    prefixes.insert(name.to_string());
                }
            }
        }
        NotPeople { names, prefixes }
    })
}

/// Papers, agencies, channels and groups that read like people's names
/// ("Le Parisien", "BFM TV", "Al Jazeera English", "Al Qaeda-linked").
pub fn not_a_person(name: &str, outlets: &Outlets, given_names: &HashSet<String>) -> bool {
    let table = not_people();
    if table.names.contains(&name_key(name)) {
        return true;
    }
    // A listed name followed by more words ("Al Qaeda-linked"): look up each
    // start of the name that ends before a space or hyphen.
    let prefixed = name
        .match_indices([' ', '-'])
        .any(|(at, _)| table.prefixes.contains(&name[..at]));
    // A columnist's page is an outlet and a person ("Ben Shapiro").
    let outlet = outlets.is_outlet_name(name)
        && name.contains(' ')
        && name
            .split_whitespace()
            .next()
            .is_some_and(|first| !given_names.contains(first));
    prefixed || outlet
}

/// A mention as the index stores it: name, kind, count and the three flags
/// as bits (title 1, lead 2, salient 4). Field names in every mention were
/// two thirds of the stored JSON, a fifth of the document store.
#[derive(serde::Serialize, serde::Deserialize)]
struct Stored(String, MentionKind, u32, u8);

/// The mentions of an article as the `mentions` field stores them.
pub fn encode(mentions: &[Mention]) -> String {
    let stored: Vec<Stored> = mentions
        .iter()
        .map(|m| {
            let flags = u8::from(m.in_title) | u8::from(m.in_lead) << 1 | u8::from(m.salient) << 2;
            Stored(m.name.clone(), m.kind, m.count, flags)
        })
        .collect();
    serde_json::to_string(&stored).unwrap_or_default()
}

/// The mentions of a stored article; an unreadable value gives none.
pub fn decode(stored: &str) -> Vec<Mention> {
    let Ok(stored) = serde_json::from_str::<Vec<Stored>>(stored) else {
        return Vec::new();
    };
    stored
        .into_iter()
        .map(|Stored(name, kind, count, flags)| Mention {
            name,
            kind,
            count,
            in_title: flags & 1 != 0,
            in_lead: flags & 2 != 0,
            salient: flags & 4 != 0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_mentions_round_trip() {
        let mentions = vec![
            Mention {
                name: "Stephen Moore".into(),
                kind: MentionKind::Person,
                count: 14,
                in_title: true,
                in_lead: false,
                salient: true,
            },
            Mention {
                name: "Pyeongchang \"Olympic\" \\ Village".into(),
                kind: MentionKind::Place,
                count: 1,
                in_title: false,
                in_lead: true,
                salient: false,
            },
        ];
        let stored = super::encode(&mentions);
        assert_eq!(super::decode(&stored), mentions);
        assert!(super::decode("not json").is_empty());
    }

    #[test]
    fn papers_channels_and_groups_are_no_people() {
        let ex = crate::extract::Extractor::shared();
        let given = ex.gazetteer.given_names();
        let no = |n: &str| not_a_person(n, &ex.outlets, given);
        for name in [
            "Le Parisien",
            "BFM TV",
            "Agence France-Presse",
            "Al Jazeera English",
            "Al Qaeda-affiliated",
            "Washington Post",
        ] {
            assert!(no(name), "{name}");
        }
        for name in ["Ben Shapiro", "Marine Le Pen", "Al Gore", "Rand Paul"] {
            assert!(!no(name), "{name}");
        }
    }

    #[test]
    fn places_are_salient_in_title_lead_or_twice() {
        let mut once = Count::default();
        once.add(Part::Rest);
        assert!(!place(&once));
        once.add(Part::Rest);
        assert!(place(&once));
        let mut lead = Count::default();
        lead.add(Part::Lead);
        assert!(place(&lead) && lead.in_lead && lead.count == 1);
    }
}
