//! Gazetteers: countries, places, people and outlets from `index-schema/`,
//! loaded once and matched in one pass with Aho-Corasick.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use rustc_hash::FxHasher;

use super::tsv::{rows, values, word_set};

const COUNTRIES: &str = include_str!("../../index-schema/gazetteer/countries.tsv");
const PLACES: &str = include_str!("../../index-schema/gazetteer/places.tsv");
const PEOPLE: &str = include_str!("../../index-schema/gazetteer/people.tsv");
/// Names in other languages and scripts (CLDR, hand list of people) from
/// `names_i18n.tsv`, as static tables made by build.rs: 27,000 names parsed
/// and hashed at every start doubled the time of a `search` process.
mod i18n {
    use super::Entity;

    /// A name: byte range in `NAMES`, its meanings' range in `ENTITIES`.
    pub struct I18nForm {
        pub name: (u32, u32),
        pub entities: (u32, u32),
        pub ambiguous: bool,
    }

    include!(concat!(env!("OUT_DIR"), "/names_i18n.rs"));

    pub fn name(form: usize) -> &'static str {
        let (start, end) = FORMS[form].name;
        &NAMES[start as usize..end as usize]
    }

    pub fn entities(form: usize) -> &'static [Entity] {
        let (start, end) = FORMS[form].entities;
        &ENTITIES[start as usize..end as usize]
    }

    /// The form whose name is `lower` in lower case.
    pub fn by_lower(lower: &str) -> Option<usize> {
        let key = |&(start, end, _): &(u32, u32, u32)| &LOWER_NAMES[start as usize..end as usize];
        let at = BY_LOWER.binary_search_by(|row| key(row).cmp(lower)).ok()?;
        Some(BY_LOWER[at].2 as usize)
    }
}
const GIVEN_NAMES: &str = include_str!("../../index-schema/gazetteer/given_names.txt");
const AMBIGUOUS: &str = include_str!("../../index-schema/gazetteer/ambiguous.tsv");
const CUES: &str = include_str!("../../index-schema/person_cues.tsv");

pub type CountryId = u32;
pub type PlaceId = u32;
pub type PersonId = u32;

/// What a surface form found in text refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

/// The surfaces as an automaton tried only where a word starts with two
/// bytes some surface starts with: most words start none ("The", "said"),
/// so most text is skipped without entering the automaton.
struct Matcher {
    automaton: AhoCorasick,
    starts: Box<[bool]>,
}

/// The index of a text's two bytes from `at` in `Matcher::starts` (0 past the end).
fn start_key(bytes: &[u8], at: usize) -> usize {
    usize::from(bytes[at]) << 8 | usize::from(bytes.get(at + 1).copied().unwrap_or(0))
}

fn starts_alphanumeric(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_alphanumeric)
}

/// Scripts written without spaces between words (Han, kana, Thai...) or
/// with particles glued to names (Hangul): a name there has no word edges.
fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF
        | 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF
        | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Whether a word starts at byte `at`: no letter or digit just before it.
fn word_starts(text: &str, at: usize) -> bool {
    match text.as_bytes()[..at].last() {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    }
}

/// One surface form and every entity it may mean.
pub struct Form {
    /// Almost always one or two: inline, no allocation per form.
    pub entities: smallvec::SmallVec<[Entity; 2]>,
    /// Listed in ambiguous.tsv: also a person's name or a common word.
    pub ambiguous: bool,
}

pub struct Gazetteer {
    pub countries: Vec<String>,
    pub places: Vec<Place>,
    pub people: Vec<String>,
    /// The forms of the English tables; those of `i18n` follow them.
    forms: Vec<Form>,
    /// The forms of `i18n::I18N_FORMS`, made when a name in another script
    /// is first met (extraction, or a query naming one).
    i18n_forms: OnceLock<Vec<Form>>,
    /// Built on first use: search only looks names up, indexing scans texts.
    matcher: OnceLock<Matcher>,
    /// Hash of the lower-cased surface form -> form index, for datelines and
    /// filters (hashed as it lowers, so loading allocates no key strings).
    by_lower: HashMap<u64, u32>,
    /// Surface form of each form, as written in the data.
    surfaces: Vec<&'static str>,
    given_names: OnceLock<HashSet<String>>,
    /// Surname -> people of the gazetteer who carry it, built on first use.
    by_surname: OnceLock<HashMap<String, Vec<PersonId>>>,
    pub titles: HashSet<String>,
    pub cue_after: HashSet<String>,
    pub not_name: HashSet<String>,
    pub org_words: HashSet<String>,
    pub surname_first: HashSet<String>,
}

/// Every `search` process loads the gazetteers before it answers, so the
/// tables hash with Fx (short keys, no untrusted input) and borrow the
/// embedded data instead of copying it.
fn fast_map<K, V>(capacity: usize) -> HashMap<K, V> {
    HashMap::with_capacity_and_hasher(capacity, Default::default())
}

/// The hash of a name's lower-case form, computed without building it.
fn caseless_hash(name: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = FxHasher::default();
    if name.is_ascii() {
        // The same hash as below, without decoding.
        for b in name.bytes() {
            hasher.write_u32(u32::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in name.chars() {
            if c.is_ascii() {
                hasher.write_u32(u32::from(c.to_ascii_lowercase()));
            } else if let Some(lower) = simple_lower(c) {
                hasher.write_u32(lower as u32);
            } else {
                for lower in c.to_lowercase() {
                    hasher.write_u32(lower as u32);
                }
            }
        }
    }
    hasher.finish()
}

/// The lower case of a character whose lower case is one character found
/// without the case tables: caseless scripts, Latin-1 and basic Cyrillic
/// (the names in other scripts are mostly these).
fn simple_lower(c: char) -> Option<char> {
    let code = c as u32;
    let lower = match code {
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        0xDF..=0xFF => code,
        0x0400..=0x040F => code + 0x50,
        0x0410..=0x042F => code + 0x20,
        0x0430..=0x045F => code,
        _ if is_caseless(c) => code,
        _ => return None,
    };
    char::from_u32(lower)
}

/// Scripts without letter case (Hebrew, Arabic, Indic, Thai, Hangul, kana,
/// CJK): lower-casing leaves them as they are, so the names in other scripts
/// loaded at every start skip the case tables.
fn is_caseless(c: char) -> bool {
    matches!(
        c as u32,
        0x0590..=0x08FF
            | 0x0900..=0x0DFF
            | 0x0E00..=0x0EFF
            | 0x1100..=0x11FF
            | 0x2E80..=0x9FFF
            | 0xAC00..=0xD7AF
            | 0xF900..=0xFAFF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFF
    )
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
        let mut forms: Vec<(&'static str, Entity)> = Vec::with_capacity(16_384);
        let mut countries = Vec::new();
        let mut country_ids = fast_map(512);
        for row in rows(COUNTRIES) {
            let id = countries.len() as CountryId;
            country_ids.insert(row[0], id);
            forms.push((row[0], Entity::Country(id)));
            for alias in values(&row, 1) {
                forms.push((alias, Entity::Country(id)));
            }
            for adjective in values(&row, 2) {
                forms.push((adjective, Entity::Demonym(id)));
            }
            countries.push(row[0].to_string());
        }
        let mut places = Vec::new();
        for row in rows(PLACES) {
            let Some(&country) = row.get(1).and_then(|c| country_ids.get(*c)) else {
                continue;
            };
            let id = places.len() as PlaceId;
            forms.push((row[0], Entity::Place(id)));
            for alias in values(&row, 3) {
                forms.push((alias, Entity::Place(id)));
            }
            places.push(Place {
                name: row[0].to_string(),
                country,
            });
        }
        let mut people = Vec::new();
        for row in rows(PEOPLE) {
            let id = people.len() as PersonId;
            forms.push((row[0], Entity::Person(id)));
            for alias in values(&row, 1) {
                forms.push((alias, Entity::Person(id)));
            }
            people.push(row[0].to_string());
        }
        let mut ambiguous: HashMap<&str, ()> = fast_map(1024);
        ambiguous.extend(rows(AMBIGUOUS).map(|r| (r[0], ())));

        // One form per distinct surface string, carrying all its meanings.
        let mut index: HashMap<&str, u32> = fast_map(forms.len());
        let mut merged: Vec<Form> = Vec::with_capacity(forms.len());
        let mut surfaces: Vec<&'static str> = Vec::with_capacity(forms.len());
        for (surface, entity) in forms {
            let i = *index.entry(surface).or_insert_with(|| {
                merged.push(Form {
                    entities: smallvec::SmallVec::new(),
                    ambiguous: ambiguous.contains_key(surface),
                });
                surfaces.push(surface);
                (merged.len() - 1) as u32
            }) as usize;
            if !merged[i].entities.contains(&entity) {
                merged[i].entities.push(entity);
            }
        }
        let mut by_lower = fast_map(surfaces.len());
        for (i, p) in surfaces.iter().enumerate() {
            by_lower.entry(caseless_hash(p)).or_insert(i as u32);
        }
        Gazetteer {
            countries,
            places,
            people,
            forms: merged,
            i18n_forms: OnceLock::new(),
            matcher: OnceLock::new(),
            by_lower,
            surfaces,
            given_names: OnceLock::new(),
            by_surname: OnceLock::new(),
            titles: word_set(CUES, "title"),
            cue_after: word_set(CUES, "cue_after"),
            not_name: word_set(CUES, "not_name"),
            org_words: word_set(CUES, "org_word"),
            surname_first: word_set(CUES, "surname_first"),
        }
    }

    /// Surname -> people of the gazetteer who carry it (for "President Reagan").
    pub fn by_surname(&self) -> &HashMap<String, Vec<PersonId>> {
        self.by_surname.get_or_init(|| {
            let mut map: HashMap<String, Vec<PersonId>> = HashMap::default();
            for (id, name) in self.people.iter().enumerate() {
                if let Some(last) = name.split_whitespace().last() {
                    map.entry(last.to_string())
                        .or_default()
                        .push(id as PersonId);
                }
            }
            map
        })
    }

    fn matcher(&self) -> &Matcher {
        self.matcher.get_or_init(|| {
            // Pattern n is form n: the English forms, then those of i18n.
            let surfaces = || {
                let i18n = (0..i18n::FORMS.len()).map(i18n::name);
                self.surfaces.iter().copied().chain(i18n)
            };
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(surfaces())
                .expect("gazetteer patterns build an automaton");
            let mut starts = vec![false; 1 << 16].into_boxed_slice();
            for surface in surfaces().map(str::as_bytes) {
                match surface {
                    [] => {}
                    // One byte: any byte may follow.
                    [first] => {
                        let base = usize::from(*first) << 8;
                        starts[base..base + 256].fill(true);
                    }
                    _ => starts[start_key(surface, 0)] = true,
                }
            }
            Matcher { automaton, starts }
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

    /// Every whole-word gazetteer form in `text`, the longest where several
    /// start at one word.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let Matcher { automaton, starts } = self.matcher();
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            // Skip to the next byte some surface starts with, at a word start.
            if !starts[start_key(bytes, at)] || !text.is_char_boundary(at) {
                at += 1;
                continue;
            }
            let glued = text[at..].chars().next().is_some_and(unspaced);
            if !glued && !word_starts(text, at) {
                at += 1;
                continue;
            }
            let input = Input::new(text).range(at..).anchored(Anchored::Yes);
            match automaton.find(input) {
                Some(m) if glued || !starts_alphanumeric(&text[m.end()..]) => {
                    hits.push(Hit {
                        start: at,
                        end: m.end(),
                        form: m.pattern().as_usize(),
                    });
                    at = m.end();
                }
                _ => at += 1,
            }
        }
        hits
    }

    /// Looks a name up regardless of case ("SEOUL" in a dateline, "north korea" in a filter).
    pub fn lookup(&self, name: &str) -> Option<&Form> {
        self.lookup_form(name).map(|(_, form)| form)
    }

    /// Every name of an entity ("North Korea", "DPRK", "N. Korea"), for query expansion.
    /// A scan, not a table: a query asks this once or twice, and a scan of
    /// the forms costs less than building the table at every start.
    pub fn names_of(&self, entity: Entity) -> Vec<&str> {
        self.forms
            .iter()
            .zip(&self.surfaces)
            .filter(|(form, _)| form.entities.contains(&entity))
            .map(|(_, surface)| *surface)
            .collect()
    }

    /// The entity's names from `names_i18n.tsv` that English tables lack
    /// (巴西, Бразилии...), in the file's order: searched only where the
    /// index has other languages.
    pub fn names_in_other_languages(&self, entity: Entity) -> Vec<&str> {
        let table = &i18n::BY_ENTITY;
        let from = table.partition_point(|(e, _)| *e < entity);
        let to = from + table[from..].partition_point(|(e, _)| *e == entity);
        let mut forms: Vec<u32> = table[from..to].iter().map(|(_, i)| *i).collect();
        forms.sort_unstable();
        forms.into_iter().map(|i| i18n::name(i as usize)).collect()
    }

    /// The form at an index `find` or `lookup_form` gave.
    /// A form of names_i18n.tsv only (no English table has its surface).
    pub fn is_i18n(&self, index: usize) -> bool {
        index >= self.forms.len()
    }

    pub fn form(&self, index: usize) -> &Form {
        match index.checked_sub(self.forms.len()) {
            None => &self.forms[index],
            Some(i) => &self.i18n_forms()[i],
        }
    }

    fn i18n_forms(&self) -> &[Form] {
        self.i18n_forms.get_or_init(|| {
            (0..i18n::FORMS.len())
                .map(|i| Form {
                    entities: i18n::entities(i).iter().copied().collect(),
                    ambiguous: i18n::FORMS[i].ambiguous,
                })
                .collect()
        })
    }

    /// The form a name is, with its surface, ignoring case.
    pub fn lookup_form(&self, name: &str) -> Option<(usize, &Form)> {
        let name = name.trim();
        let Some(&i) = self.by_lower.get(&caseless_hash(name)) else {
            return self.lookup_i18n(name);
        };
        let i = i as usize;
        // Equal hashes of different names are possible in principle: check.
        let surface = self.surfaces[i];
        let same = if surface.is_ascii() && name.is_ascii() {
            surface.eq_ignore_ascii_case(name)
        } else {
            surface
                .chars()
                .flat_map(char::to_lowercase)
                .eq(name.chars().flat_map(char::to_lowercase))
        };
        same.then(|| (i, &self.forms[i]))
    }

    /// A name of `names_i18n.tsv`, ignoring case: a binary search of the
    /// static table, so a name that is none loads nothing.
    fn lookup_i18n(&self, name: &str) -> Option<(usize, &Form)> {
        if name.is_empty() {
            return None;
        }
        let lower: String = name.chars().flat_map(char::to_lowercase).collect();
        let i = i18n::by_lower(&lower)?;
        Some((self.forms.len() + i, &self.i18n_forms()[i]))
    }

    pub fn surface(&self, form: usize) -> &str {
        match form.checked_sub(self.surfaces.len()) {
            None => self.surfaces[form],
            Some(i) => i18n::name(i),
        }
    }

    pub fn country_of(&self, entity: Entity) -> Option<CountryId> {
        match entity {
            Entity::Country(c) | Entity::Demonym(c) => Some(c),
            Entity::Place(p) => Some(self.places[p as usize].country),
            Entity::Person(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_lower_cases_agree_with_unicode() {
        for range in [
            0x0590..=0x08FF,
            0x0900..=0x0DFF,
            0x0E00..=0x0EFF,
            0x1100..=0x11FF,
            0x2E80..=0x9FFF,
            0xAC00..=0xD7AF,
            0xF900..=0xFAFF,
            0xFB50..=0xFDFF,
            0xFE70..=0xFEFF,
        ] {
            for c in range.filter_map(char::from_u32) {
                assert!(is_caseless(c));
                let lower: String = c.to_lowercase().collect();
                assert_eq!(lower, c.to_string(), "{c:?}");
            }
        }
        for c in (0xC0..=0x45F).filter_map(char::from_u32) {
            if let Some(lower) = simple_lower(c) {
                let expected: Vec<char> = c.to_lowercase().collect();
                assert_eq!(vec![lower], expected, "{c:?}");
            }
        }
        assert_eq!(caseless_hash("Бразилия"), caseless_hash("БРАЗИЛИЯ"));
        assert_eq!(caseless_hash("ÉLYSÉE"), caseless_hash("élysée"));
        assert_eq!(caseless_hash("Korea"), caseless_hash("KOREA"));
        assert_ne!(caseless_hash("巴西"), caseless_hash("巴"));
    }

    /// The tables build.rs made give each name of `names_i18n.tsv` what the
    /// file says it names, under the ids the English tables give at load.
    #[test]
    fn names_in_other_scripts_match_their_file() {
        let gaz = Gazetteer::load();
        let file = include_str!("../../index-schema/gazetteer/names_i18n.tsv");
        let mut expected: HashMap<&str, Vec<String>> = HashMap::default();
        for row in rows(file) {
            for name in values(&row, 3) {
                expected.entry(name).or_default().push(row[1].to_string());
            }
        }
        assert!(expected.len() > 20_000, "{}", expected.len());
        let canonical = |e: &Entity| match *e {
            Entity::Country(c) | Entity::Demonym(c) => gaz.countries[c as usize].clone(),
            Entity::Place(p) => gaz.places[p as usize].name.clone(),
            Entity::Person(p) => gaz.people[p as usize].clone(),
        };
        for (name, canonicals) in &expected {
            let (index, form) = gaz.lookup_form(name).expect(name);
            assert_eq!(gaz.surface(index).to_lowercase(), name.to_lowercase());
            for e in &form.entities {
                assert!(canonicals.contains(&canonical(e)), "{name}: {e:?}");
                let others = gaz.names_in_other_languages(*e);
                assert!(others.contains(&gaz.surface(index)), "{name}");
            }
        }
        let lower: Vec<&str> = i18n::BY_LOWER
            .iter()
            .map(|&(start, end, _)| &i18n::LOWER_NAMES[start as usize..end as usize])
            .collect();
        assert!(lower.windows(2).all(|w| w[0] < w[1]));
        assert!(i18n::BY_ENTITY.windows(2).all(|w| w[0] <= w[1]));
        // Found in running text, with the form the lookups give.
        let text = "蓬佩奥访问平壤。";
        let hits = gaz.find(text);
        let found: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(found, ["蓬佩奥", "平壤"]);
        let pompeo = gaz.form(hits[0].form);
        assert_eq!(canonical(&pompeo.entities[0]), "Mike Pompeo");
        assert!(gaz.lookup("not a name anywhere").is_none());
        assert!(gaz.lookup("").is_none());
    }
}
