//! Gazetteers: countries, places, people and outlets from `index-schema/`,
//! loaded once and matched in one pass with Aho-Corasick.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, MatchKind};

use super::tsv::{rows, values, word_set};

const COUNTRIES: &str = include_str!("../../index-schema/gazetteer/countries.tsv");
const PLACES: &str = include_str!("../../index-schema/gazetteer/places.tsv");
const PEOPLE: &str = include_str!("../../index-schema/gazetteer/people.tsv");
const GIVEN_NAMES: &str = include_str!("../../index-schema/gazetteer/given_names.txt");
const AMBIGUOUS: &str = include_str!("../../index-schema/gazetteer/ambiguous.tsv");
const CUES: &str = include_str!("../../index-schema/person_cues.tsv");

pub type CountryId = u32;
pub type PlaceId = u32;
pub type PersonId = u32;

/// What a surface form found in text refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    /// The country named ("North Korea", "DPRK").
    Country(CountryId),
    /// An adjective or demonym ("North Korean", "Soviet"): counts for the country only.
    Demonym(CountryId),
    Place(PlaceId),
    Person(PersonId),
}

pub struct Place {
    pub name: String,
    pub country: CountryId,
}

/// One surface form and every entity it may mean.
pub struct Form {
    pub entities: Vec<Entity>,
    /// Listed in ambiguous.tsv: also a person's name or a common word.
    pub ambiguous: bool,
}

pub struct Gazetteer {
    pub countries: Vec<String>,
    pub places: Vec<Place>,
    pub people: Vec<String>,
    pub forms: Vec<Form>,
    /// Built on first use: search only looks names up, indexing scans texts.
    matcher: std::sync::OnceLock<AhoCorasick>,
    /// Lower-cased surface form -> form index, for datelines and filters.
    by_lower: HashMap<String, usize>,
    /// Surface form of each form, as written in the data.
    surfaces: Vec<String>,
    /// Entity -> the forms that name it (not its demonyms).
    names_of: HashMap<Entity, Vec<usize>>,
    given_names: std::sync::OnceLock<HashSet<String>>,
    pub titles: HashSet<String>,
    pub cue_after: HashSet<String>,
    pub not_name: HashSet<String>,
    pub org_words: HashSet<String>,
    pub surname_first: HashSet<String>,
    /// Surname -> people of the gazetteer who carry it (for "President Reagan").
    pub by_surname: HashMap<String, Vec<PersonId>>,
}

/// A gazetteer hit in a text, in bytes.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub form: usize,
}

impl Gazetteer {
    pub fn load() -> Gazetteer {
        let mut forms: Vec<(String, Entity)> = Vec::new();
        let mut countries = Vec::new();
        let mut country_ids = HashMap::new();
        for row in rows(COUNTRIES) {
            let id = countries.len() as CountryId;
            let name = row[0].to_string();
            country_ids.insert(name.clone(), id);
            forms.push((name.clone(), Entity::Country(id)));
            for alias in values(&row, 1) {
                forms.push((alias.to_string(), Entity::Country(id)));
            }
            for adjective in values(&row, 2) {
                forms.push((adjective.to_string(), Entity::Demonym(id)));
            }
            countries.push(name);
        }
        let mut places = Vec::new();
        for row in rows(PLACES) {
            let Some(&country) = row.get(1).and_then(|c| country_ids.get(*c)) else {
                continue;
            };
            let id = places.len() as PlaceId;
            forms.push((row[0].to_string(), Entity::Place(id)));
            for alias in values(&row, 3) {
                forms.push((alias.to_string(), Entity::Place(id)));
            }
            places.push(Place {
                name: row[0].to_string(),
                country,
            });
        }
        let mut people = Vec::new();
        let mut by_surname: HashMap<String, Vec<PersonId>> = HashMap::new();
        for row in rows(PEOPLE) {
            let id = people.len() as PersonId;
            forms.push((row[0].to_string(), Entity::Person(id)));
            for alias in values(&row, 1) {
                forms.push((alias.to_string(), Entity::Person(id)));
            }
            if let Some(last) = row[0].split_whitespace().last() {
                by_surname.entry(last.to_string()).or_default().push(id);
            }
            people.push(row[0].to_string());
        }
        let ambiguous: HashSet<&str> = rows(AMBIGUOUS).map(|r| r[0]).collect();

        // One form per distinct surface string, carrying all its meanings.
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut merged: Vec<Form> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        for (surface, entity) in forms {
            let i = *index.entry(surface.clone()).or_insert_with(|| {
                merged.push(Form {
                    entities: Vec::new(),
                    ambiguous: ambiguous.contains(surface.as_str()),
                });
                patterns.push(surface.clone());
                merged.len() - 1
            });
            if !merged[i].entities.contains(&entity) {
                merged[i].entities.push(entity);
            }
        }
        let mut by_lower = HashMap::new();
        let mut names_of: HashMap<Entity, Vec<usize>> = HashMap::new();
        for (i, p) in patterns.iter().enumerate() {
            by_lower.entry(p.to_lowercase()).or_insert(i);
            for e in &merged[i].entities {
                if !matches!(e, Entity::Demonym(_)) {
                    names_of.entry(*e).or_default().push(i);
                }
            }
        }
        Gazetteer {
            countries,
            places,
            people,
            forms: merged,
            matcher: std::sync::OnceLock::new(),
            by_lower,
            surfaces: patterns,
            names_of,
            given_names: std::sync::OnceLock::new(),
            titles: word_set(CUES, "title"),
            cue_after: word_set(CUES, "cue_after"),
            not_name: word_set(CUES, "not_name"),
            org_words: word_set(CUES, "org_word"),
            surname_first: word_set(CUES, "surname_first"),
            by_surname,
        }
    }

    fn matcher(&self) -> &AhoCorasick {
        self.matcher.get_or_init(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&self.surfaces)
                .expect("gazetteer patterns build an automaton")
        })
    }

    /// Given names from `given_names.txt`, parsed on first use.
    pub fn given_names(&self) -> &HashSet<String> {
        self.given_names.get_or_init(|| {
            GIVEN_NAMES
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect()
        })
    }

    /// Every whole-word gazetteer form in `text`, longest first where they overlap.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.matcher()
            .find_iter(text)
            .filter(|m| {
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                let boundary = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric());
                boundary(before) && boundary(after)
            })
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                form: m.pattern().as_usize(),
            })
            .collect()
    }

    /// Looks a name up regardless of case ("SEOUL" in a dateline, "north korea" in a filter).
    pub fn lookup(&self, name: &str) -> Option<&Form> {
        self.lookup_form(name).map(|(_, form)| form)
    }

    /// Every name of an entity ("North Korea", "DPRK", "N. Korea"), for query expansion.
    pub fn names_of(&self, entity: Entity) -> Vec<&str> {
        self.names_of
            .get(&entity)
            .map(|forms| forms.iter().map(|&i| self.surfaces[i].as_str()).collect())
            .unwrap_or_default()
    }

    /// The form a name is, with its surface, ignoring case.
    pub fn lookup_form(&self, name: &str) -> Option<(usize, &Form)> {
        self.by_lower
            .get(&name.trim().to_lowercase())
            .map(|&i| (i, &self.forms[i]))
    }

    pub fn surface(&self, form: usize) -> &str {
        &self.surfaces[form]
    }

    pub fn country_of(&self, entity: Entity) -> Option<CountryId> {
        match entity {
            Entity::Country(c) | Entity::Demonym(c) => Some(c),
            Entity::Place(p) => Some(self.places[p as usize].country),
            Entity::Person(_) => None,
        }
    }
}
