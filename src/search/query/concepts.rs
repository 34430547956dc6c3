//! What a run of typed words means: one concept with all its spellings.
//! A name ("DPRK", "Kim Jong Un") brings every alias the gazetteer knows and
//! the canonical name the index's people, places or countries fields hold;
//! an ordinal brings its other spelling ("fourth", "4th"); function words
//! ("to", "the") mean nothing on their own.

use std::sync::OnceLock;

use crate::extract::{Entity, Gazetteer};

const ORDINALS: &[(&str, &str)] = &[
    ("first", "1st"),
    ("second", "2nd"),
    ("third", "3rd"),
    ("fourth", "4th"),
    ("fifth", "5th"),
    ("sixth", "6th"),
    ("seventh", "7th"),
    ("eighth", "8th"),
    ("ninth", "9th"),
    ("tenth", "10th"),
    ("eleventh", "11th"),
    ("twelfth", "12th"),
];
/// Longest name, in words, looked up in the gazetteer.
pub const MAX_NAME_WORDS: usize = 4;
/// More names than this for one thing is noise in a query.
const MAX_ALIASES: usize = 12;

const STOP_WORDS: &str = include_str!("../../../index-schema/stopwords.txt");

/// The word without what surrounds it in running text: "Pompeo's" is
/// Pompeo, "(Reuters)" Reuters, "Korea:" Korea; "U.S." keeps its dots.
pub fn bare(word: &str) -> &str {
    let word =
        word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != '’');
    let word = ["'s", "’s", "'S", "’S", "'", "’"]
        .iter()
        .find_map(|p| word.strip_suffix(p))
        .unwrap_or(word);
    let word = word.trim_start_matches(['\'', '’', '.']);
    // A full stop ends a sentence unless the word is an abbreviation (U.S.).
    if word.ends_with('.') && !word[..word.len() - 1].contains('.') {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// A function word ("to", "the", "with"). In capitals it may be an acronym
/// ("IT", "NO"), unless the whole query is in capitals as wire headlines are.
pub fn is_stop_word(word: &str, all_capitals: bool) -> bool {
    // Language detection asks this of the first words of every article.
    static WORDS: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        STOP_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    let word = bare(word);
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return words.contains(word);
    }
    let acronym = !all_capitals && word.chars().filter(|c| c.is_uppercase()).count() >= 2;
    !acronym && words.contains(word.to_lowercase().as_str())
}

/// "fourth" for "4th" and the other way round.
pub fn ordinal_twin(word: &str) -> Option<&'static str> {
    let lower = bare(word).to_lowercase();
    ORDINALS.iter().find_map(|(w, d)| {
        if lower == *w {
            Some(*d)
        } else if lower == *d {
            Some(*w)
        } else {
            None
        }
    })
}

/// A person, place or country a phrase names unambiguously, with every name
/// it goes by (the typed spelling first). A short lower-case word ("us") is
/// not taken for a name.
pub fn named_entity(gaz: &Gazetteer, phrase: &str) -> Option<(Entity, Vec<String>)> {
    let (index, form) = gaz.lookup_form(phrase)?;
    if form.ambiguous {
        return None;
    }
    let surface = gaz.surface(index);
    if !phrase.contains(' ') && surface != phrase && phrase.chars().count() < 4 {
        return None;
    }
    let entity = *form
        .entities
        .iter()
        .find(|e| !matches!(e, Entity::Demonym(_)))?;
    let mut names: Vec<String> = gaz.names_of(entity).into_iter().map(String::from).collect();
    names.sort_by_key(|n| n.to_lowercase() != phrase.to_lowercase());
    names.dedup();
    names.truncate(MAX_ALIASES);
    Some((entity, names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_words() {
        assert_eq!(bare("Pompeo's"), "Pompeo");
        assert_eq!(bare("Kim’s"), "Kim");
        assert_eq!(bare("(Reuters)"), "Reuters");
        assert_eq!(bare("Korea:"), "Korea");
        assert_eq!(bare("U.S."), "U.S.");
        assert_eq!(bare("talks."), "talks");
        assert_eq!(bare("states'"), "states");
        assert_eq!(bare("'Marxists'"), "Marxists");
        assert_eq!(bare("!!!"), "");
    }

    #[test]
    fn names_ordinals_function_words() {
        let gaz = Gazetteer::load();
        let (_, names) = named_entity(&gaz, "DPRK").unwrap();
        assert!(names.iter().any(|n| n == "North Korea"), "{names:?}");
        let (_, names) = named_entity(&gaz, "Kim Jong Un").unwrap();
        assert!(names.iter().any(|n| n == "Kim Jong-un"), "{names:?}");
        assert!(named_entity(&gaz, "us").is_none());
        assert_eq!(ordinal_twin("Fourth"), Some("4th"));
        assert_eq!(ordinal_twin("4th,"), Some("fourth"));
        assert!(is_stop_word("The", false));
        assert!(!is_stop_word("IT", false));
        assert!(is_stop_word("TO", true));
        assert!(!is_stop_word("budget", false));
    }
}
