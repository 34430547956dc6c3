//! Extract: who, where, which outlet and when, under canonical names, so that
//! facets count one value per real-world thing and filters match any alias.

pub mod date;
pub mod gazetteer;
pub mod outlet;
mod people;
mod tokens;
mod tsv;

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::article::Article;
pub use gazetteer::{Entity, Gazetteer};
pub use outlet::Outlets;
use people::{PeopleFinder, PersonMention};
pub use people::name_key;

/// Everything extraction knows, loaded once per process.
pub struct Extractor {
    pub gazetteer: Gazetteer,
    pub outlets: Outlets,
}

impl Extractor {
    pub fn new() -> Extractor {
        Extractor {
            gazetteer: Gazetteer::load(),
            outlets: Outlets::load(),
        }
    }

    /// The process-wide extractor: the gazetteers are parsed on first use only.
    pub fn shared() -> &'static Extractor {
        static SHARED: OnceLock<Extractor> = OnceLock::new();
        SHARED.get_or_init(Extractor::new)
    }

    pub fn extract(&self, article: &mut Article) {
        self.resolve_outlet(article);
        self.resolve_date(article);
        article.authors = outlet::authors(&article.raw.authors, &article.raw.bylines, &self.outlets);

        let text = format!("{}\n\n{}", article.title, article.body);
        let hits = self.gazetteer.find(&text);
        let mentions = PeopleFinder::new(&self.gazetteer).find(&text, &hits);
        let author_keys: HashSet<String> = article.authors.iter().map(|a| name_key(a)).collect();
        let mut seen = HashSet::new();
        article.people = mentions
            .iter()
            .map(|m| m.canonical.clone())
            .filter(|p| !author_keys.contains(&name_key(p)) && seen.insert(name_key(p)))
            .collect();

        let (places, countries) = self.places(&text, &hits, &mentions, article.raw.dateline.as_deref());
        article.places = places;
        article.countries = countries;
    }

    fn resolve_outlet(&self, article: &mut Article) {
        let outlets = &self.outlets;
        article.outlet = article
            .raw
            .outlet
            .as_deref()
            .map(|o| outlets.canonical(o))
            .or_else(|| article.url.as_deref().and_then(|u| outlets.from_url(u)))
            .or_else(|| outlets.from_bylines(&article.raw.bylines));
    }

    fn resolve_date(&self, article: &mut Article) {
        article.date = article
            .raw
            .date
            .as_deref()
            .and_then(date::parse_date)
            .or_else(|| article.url.as_deref().and_then(date::date_from_url));
    }

    /// Places named (countries included) and the countries they are in.
    /// A name inside a person's name is no place ("Paris Hilton"); an
    /// ambiguous one next to a capitalised word is left out ("Chad Smith").
    fn places(
        &self,
        text: &str,
        hits: &[gazetteer::Hit],
        people: &[PersonMention],
        dateline: Option<&str>,
    ) -> (Vec<String>, Vec<String>) {
        let gaz = &self.gazetteer;
        let mut places = Vec::new();
        let mut countries = Vec::new();
        let add = |entity: Entity, places: &mut Vec<String>, countries: &mut Vec<String>| {
            match entity {
                Entity::Country(c) => places.push(gaz.countries[c as usize].clone()),
                Entity::Place(p) => places.push(gaz.places[p as usize].name.clone()),
                _ => {}
            }
            if let Some(c) = gaz.country_of(entity) {
                countries.push(gaz.countries[c as usize].clone());
            }
        };
        if let Some(line) = dateline {
            let head = line.split(',').next().unwrap_or("");
            if let Some(form) = gaz.lookup(head) {
                if let Some(&e) = form.entities.iter().find(|e| !matches!(e, Entity::Person(_))) {
                    add(e, &mut places, &mut countries);
                }
            }
        }
        for hit in hits {
            if people.iter().any(|m| hit.start < m.end && m.start < hit.end) {
                continue;
            }
            let form = &gaz.forms[hit.form];
            if form.ambiguous && next_to_name(text, hit.start, hit.end) {
                continue;
            }
            let entity = form
                .entities
                .iter()
                .find(|e| matches!(e, Entity::Country(_) | Entity::Demonym(_)))
                .or_else(|| form.entities.iter().find(|e| matches!(e, Entity::Place(_))));
            if let Some(&e) = entity {
                add(e, &mut places, &mut countries);
            }
        }
        (unique(places.into_iter()), unique(countries.into_iter()))
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// A capitalised word right before or after: "Michael Jordan", "Chad Smith".
fn next_to_name(text: &str, start: usize, end: usize) -> bool {
    let after = text[end..].strip_prefix(' ').unwrap_or("");
    let before = text[..start].strip_suffix(' ').unwrap_or("");
    let next_cap = after.chars().next().is_some_and(char::is_uppercase);
    let prev_word = before.rsplit([' ', '\n']).next().unwrap_or("");
    let prev_cap = prev_word.chars().next().is_some_and(char::is_uppercase)
        && !prev_word.ends_with(['.', ',', ':', ';']);
    next_cap || prev_cap
}

fn unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    items.filter(|i| seen.insert(i.clone())).collect()
}
