//! Turns `index-schema/gazetteer/names_i18n.tsv` (27,000 names in other
//! scripts) into static tables, so that a `search` process does not parse and
//! hash them at every start: a lookup is a binary search, an expansion a
//! range of a sorted table. The TSV stays the one source of the data.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

const GAZETTEER: &str = "index-schema/gazetteer";

/// The data rows of a TSV file, as `src/extract/tsv.rs` reads them.
fn rows(source: &str) -> impl Iterator<Item = Vec<&str>> {
    source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn values<'a>(row: &[&'a str], i: usize) -> impl Iterator<Item = &'a str> {
    row.get(i)
        .copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

fn read(name: &str) -> String {
    let path = Path::new(GAZETTEER).join(name);
    println!("cargo::rerun-if-changed={}", path.display());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The lower case `Gazetteer::lookup_form` compares: character by character
/// (no final-sigma rule), the same on both sides.
fn caseless(name: &str) -> String {
    name.chars().flat_map(char::to_lowercase).collect()
}

/// An entity as `Gazetteer::load` numbers it: the row among the rows kept.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Entity {
    // Same variant order as `gazetteer::Entity`, so the derived orders agree.
    Country(u32),
    Place(u32),
    Person(u32),
}

impl Entity {
    fn rust(self) -> String {
        match self {
            Entity::Country(id) => format!("Entity::Country({id})"),
            Entity::Place(id) => format!("Entity::Place({id})"),
            Entity::Person(id) => format!("Entity::Person({id})"),
        }
    }
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let countries = read("countries.tsv");
    let places = read("places.tsv");
    let people = read("people.tsv");
    let names = read("names_i18n.tsv");
    let ambiguous = read("ambiguous.tsv");

    let country_ids: HashMap<&str, u32> = rows(&countries)
        .enumerate()
        .map(|(i, r)| (r[0], i as u32))
        .collect();
    // A place whose country is unknown is skipped at load: not numbered.
    let place_ids: HashMap<&str, u32> = rows(&places)
        .filter(|r| r.get(1).is_some_and(|c| country_ids.contains_key(c)))
        .enumerate()
        .map(|(i, r)| (r[0], i as u32))
        .collect();
    let person_ids: HashMap<&str, u32> = rows(&people)
        .enumerate()
        .map(|(i, r)| (r[0], i as u32))
        .collect();
    let ambiguous: HashSet<&str> = rows(&ambiguous).map(|r| r[0]).collect();
    // The English tables' names, which `Gazetteer::load` keeps as they are.
    let english: HashSet<String> = rows(&countries)
        .flat_map(|r| [0, 1, 2].map(|c| values(&r, c).map(caseless).collect::<Vec<_>>()))
        .chain(rows(&places).flat_map(|r| [0, 3].map(|c| values(&r, c).map(caseless).collect())))
        .chain(rows(&people).flat_map(|r| [0, 1].map(|c| values(&r, c).map(caseless).collect())))
        .flatten()
        .collect();

    // One form per distinct name, in the order of the file, with all it names.
    let mut forms: Vec<(&str, Vec<Entity>)> = Vec::new();
    let mut form_of: HashMap<&str, usize> = HashMap::new();
    for row in rows(&names) {
        let canonical = row.get(1).copied().unwrap_or("");
        let entity = match row[0] {
            "country" => country_ids.get(canonical).map(|&c| Entity::Country(c)),
            "place" => place_ids.get(canonical).map(|&p| Entity::Place(p)),
            "person" => person_ids.get(canonical).map(|&p| Entity::Person(p)),
            _ => None,
        };
        let Some(entity) = entity else { continue };
        for name in values(&row, 3) {
            // gen_names_i18n.py leaves these out; one left in would give an
            // English name a second meaning.
            if english.contains(&caseless(name)) {
                println!("cargo::warning=names_i18n.tsv: {name} is also an English name; left out");
                continue;
            }
            let i = *form_of.entry(name).or_insert_with(|| {
                forms.push((name, Vec::new()));
                forms.len() - 1
            });
            if !forms[i].1.contains(&entity) {
                forms[i].1.push(entity);
            }
        }
    }

    let mut by_lower: Vec<(String, usize)> = forms
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (caseless(name), i))
        .collect();
    // Two names equal but for case: the first in the file answers, as at load.
    by_lower.sort();
    by_lower.dedup_by(|b, a| a.0 == b.0);
    let mut by_entity: Vec<(Entity, usize)> = forms
        .iter()
        .enumerate()
        .flat_map(|(i, (_, entities))| entities.iter().map(move |&e| (e, i)))
        .collect();
    by_entity.sort();

    // Strings and slices in one blob each, addressed by offsets: a static
    // table of `&str` needs a relocation per entry at every start.
    let mut names = String::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut form_rows = String::new();
    for (name, meanings) in &forms {
        let _ = writeln!(
            form_rows,
            "I18nForm {{ name: ({}, {}), entities: ({}, {}), ambiguous: {} }},",
            names.len(),
            names.len() + name.len(),
            entities.len(),
            entities.len() + meanings.len(),
            ambiguous.contains(name)
        );
        names.push_str(name);
        entities.extend(meanings);
    }
    let mut lower_names = String::new();
    let mut lower_rows = String::new();
    for (lower, i) in &by_lower {
        let start = lower_names.len();
        lower_names.push_str(lower);
        let _ = writeln!(lower_rows, "({start}, {}, {i}),", lower_names.len());
    }

    let mut out = String::with_capacity(4 << 20);
    out.push_str("// Generated by build.rs from index-schema/gazetteer/names_i18n.tsv.\n");
    let _ = writeln!(
        out,
        "/// Every name, one after another.\npub static NAMES: &str = {names:?};"
    );
    let _ = writeln!(
        out,
        "/// Each name once, in the file's order (byte ranges in NAMES and ENTITIES).\n\
         pub static FORMS: [I18nForm; {}] = [\n{form_rows}];",
        forms.len()
    );
    let entity_rows: Vec<String> = entities.iter().map(|e| e.rust()).collect();
    let _ = writeln!(
        out,
        "/// What the names name, a run for each form.\n\
         pub static ENTITIES: [Entity; {}] = [{}];",
        entities.len(),
        entity_rows.join(", ")
    );
    let _ = writeln!(
        out,
        "/// The names in lower case, one after another.\npub static LOWER_NAMES: &str = {lower_names:?};"
    );
    let _ = writeln!(
        out,
        "/// (start, end) in LOWER_NAMES -> index in FORMS, sorted by the lower case.\n\
         pub static BY_LOWER: [(u32, u32, u32); {}] = [\n{lower_rows}];",
        by_lower.len()
    );
    let by_entity_rows: Vec<String> = by_entity
        .iter()
        .map(|(e, i)| format!("({}, {i})", e.rust()))
        .collect();
    let _ = writeln!(
        out,
        "/// Entity -> index in FORMS, sorted by entity.\n\
         pub static BY_ENTITY: [(Entity, u32); {}] = [\n{}];",
        by_entity.len(),
        by_entity_rows.join(",\n")
    );

    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = Path::new(&dir).join("names_i18n.rs");
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
