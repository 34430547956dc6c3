//! Query understanding: every alias of a named person, place or country,
//! ordinals in words and digits ("fourth" and "4th"), fuzzy words (`word~`),
//! and "did you mean" from the index's own terms.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::extract::{Entity, Gazetteer};

use super::query::ParsedQuery;

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
const MAX_ALIAS_WORDS: usize = 4;
/// More names than this for one thing is noise in a query.
const MAX_ALIASES: usize = 12;

const STOP_WORDS: &str = include_str!("../../index-schema/stopwords.txt");

/// A function word ("to", "the", "with") as typed in lower case or capitalised;
/// in capitals it may be an acronym ("IT", "NO"), so it stays.
fn is_stop_word(token: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        STOP_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    let acronym = token.chars().filter(|c| c.is_uppercase()).count() >= 2;
    !acronym && words.contains(token.to_lowercase().as_str())
}

/// A word of the free text we may rewrite: no operator, field, quote or group.
fn is_plain(token: &str) -> bool {
    !token.is_empty()
        && !matches!(token, "AND" | "OR" | "NOT")
        && token
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '\''))
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', ""))
}

/// Splits query text into tokens, a quoted phrase being one token.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_quote = false;
    for c in text.chars() {
        if c == '"' {
            in_quote = !in_quote;
        }
        if c.is_whitespace() && !in_quote {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Rewrites `parsed.text` so names match all their aliases and ordinals both
/// spellings; adds what it added to the words and phrases to highlight.
/// Returns the words marked fuzzy (`word~`), without their marks.
pub fn expand(parsed: &mut ParsedQuery, gaz: &Gazetteer, all_fuzzy: bool) -> Vec<(String, bool)> {
    let toks = tokens(&parsed.text);
    // In plain words, function words go ("Pompeo visit to Pyongyang" would
    // otherwise match every article that has "to"), unless nothing else is left.
    let drop_stop_words = parsed.plain_words.is_some() && toks.iter().any(|t| !is_stop_word(t));
    let mut out: Vec<String> = Vec::new();
    let mut fuzzy = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Longest run of plain words that names something.
        let mut matched = None;
        for n in (1..=MAX_ALIAS_WORDS.min(toks.len() - i)).rev() {
            let run = &toks[i..i + n];
            if !run.iter().all(|t| is_plain(t)) {
                continue;
            }
            let phrase = run.join(" ");
            if let Some(names) = alias_names(gaz, &phrase) {
                matched = Some((n, names));
                break;
            }
        }
        if let Some((n, names)) = matched {
            for name in &names {
                if name.contains(' ') {
                    parsed.phrases.push(name.clone());
                } else {
                    parsed.words.push(name.clone());
                }
            }
            let group: Vec<String> = names.iter().map(|n| quote(n)).collect();
            out.push(format!("({})", group.join(" OR ")));
            i += n;
            continue;
        }
        let tok = &toks[i];
        let (prefix, word) = match tok.strip_prefix(['+', '-']) {
            Some(rest) => (&tok[..1], rest),
            None => ("", tok.as_str()),
        };
        if let Some((base, _)) = word
            .split_once('~')
            .filter(|(b, _)| is_plain(b) && !b.is_empty())
        {
            if prefix != "-" {
                fuzzy.push((base.to_string(), prefix == "+"));
            }
            out.push(format!("{prefix}{base}"));
        } else if all_fuzzy && is_plain(word) && prefix != "-" && word.chars().count() > 3 {
            fuzzy.push((word.to_string(), prefix == "+"));
            out.push(tok.clone());
        } else if let Some(other) = ordinal_twin(word) {
            if prefix != "-" {
                parsed.words.push(other.to_string());
            }
            out.push(format!("{prefix}({word} OR {other})"));
        } else if !(drop_stop_words && is_stop_word(tok)) {
            out.push(tok.clone());
        }
        i += 1;
    }
    if drop_stop_words {
        parsed.words.retain(|w| !is_stop_word(w));
    }
    parsed.text = out.join(" ");
    fuzzy
}

fn ordinal_twin(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
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

/// The names of the person, place or country `phrase` names, if it names one
/// unambiguously. A short lower-case word ("us") is not taken for a name.
fn alias_names(gaz: &Gazetteer, phrase: &str) -> Option<Vec<String>> {
    let (index, form) = gaz.lookup_form(phrase)?;
    if form.ambiguous {
        return None;
    }
    let surface = gaz.surface(index);
    if !phrase.contains(' ') && surface != phrase && phrase.chars().count() < 4 {
        return None;
    }
    let entity = form
        .entities
        .iter()
        .find(|e| !matches!(e, Entity::Demonym(_)))?;
    let mut names: Vec<String> = gaz
        .names_of(*entity)
        .into_iter()
        .map(String::from)
        .collect();
    names.sort_by_key(|n| n.to_lowercase() != phrase.to_lowercase());
    names.dedup();
    names.truncate(MAX_ALIASES);
    (names.len() > 1).then_some(names)
}

/// Edit distance, for suggestions (short words only, so quadratic is fine).
pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_and_fuzzy() {
        let gaz = Gazetteer::load();
        let mut q = super::super::query::parse("pompao~ fourth visit").unwrap();
        let fuzzy = expand(&mut q, &gaz, false);
        assert_eq!(fuzzy, vec![("pompao".to_string(), false)]);
        assert_eq!(q.text, "pompao (fourth OR 4th) visit");
    }

    #[test]
    fn aliases_expand() {
        let gaz = Gazetteer::load();
        let mut q = super::super::query::parse("DPRK talks").unwrap();
        expand(&mut q, &gaz, false);
        assert!(q.text.contains("\"North Korea\""), "{}", q.text);
        assert!(q.text.ends_with(" talks"));
        let mut q = super::super::query::parse("Kim Jong Un").unwrap();
        expand(&mut q, &gaz, false);
        assert!(q.text.contains("\"Kim Jong-un\""), "{}", q.text);
        // Lower-case "us" is not the United States ("with" goes: a function word).
        let mut q = super::super::query::parse("talks with us").unwrap();
        expand(&mut q, &gaz, false);
        assert_eq!(q.text, "talks us");
    }

    #[test]
    fn function_words_leave_plain_queries_only() {
        let gaz = Gazetteer::load();
        let expanded = |query: &str| {
            let mut q = super::super::query::parse(query).unwrap();
            expand(&mut q, &gaz, false);
            q
        };
        let q = expanded("Pompeo fourth visit to Pyongyang");
        assert!(!q.text.split(' ').any(|w| w == "to"), "{}", q.text);
        assert!(q.text.contains("Pyongyang"), "{}", q.text);
        assert!(!q.words.iter().any(|w| w == "to"), "{:?}", q.words);
        // A name with a function word inside is still one name.
        let q = expanded("Republic of Korea talks");
        assert!(q.text.contains("\"South Korea\""), "{}", q.text);
        // Capitals may be an acronym; quotes, required words and operators are
        // the user's; a query of function words only is left whole.
        assert_eq!(expanded("IT budget").text, "IT budget");
        assert_eq!(expanded("The budget").text, "budget");
        for kept in [
            "\"visit to Pyongyang\"",
            "+to Pyongyang",
            "to be or not to be",
        ] {
            let q = expanded(kept);
            assert!(q.text.contains("to"), "{kept}: {}", q.text);
        }
    }

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("pompao", "pompeo"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
    }
}
