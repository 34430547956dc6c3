//! "Did you mean": for a typed word the index lacks, the closest word the
//! index has, as articles spell it (not a stem), with the rest of the query
//! kept as typed.

use tantivy::Term;
use tantivy::schema::Field;

use super::Engine;
use super::query::Word;
use crate::index::schema::{analyze, exact_analyzer, news_analyzer};

/// Shorter words are too often right to correct ("Kim", "Moon").
const MIN_CORRECTED_CHARS: usize = 4;
const MAX_EDITS: usize = 2;

impl Engine {
    /// The query with each unknown word replaced by its closest indexed
    /// word (fewest edits, then most frequent). None when every word is known.
    pub fn suggest(&self, query: &str, typed: &[Word]) -> Option<String> {
        let mut chars: Vec<char> = query.chars().collect();
        let mut replacements: Vec<(usize, usize, String)> = Vec::new();
        for word in typed {
            for (offset, piece) in alphanumeric_runs(&word.text) {
                if let Some(better) = self.correction(&piece) {
                    let start = word.span.start + offset;
                    let end = start + piece.chars().count();
                    replacements.push((start, end, same_case(&piece, &better)));
                }
            }
        }
        if replacements.is_empty() {
            return None;
        }
        replacements.sort_by_key(|r| std::cmp::Reverse(r.0));
        replacements.dedup_by_key(|r| r.0);
        for (start, end, text) in replacements {
            if end <= chars.len() {
                chars.splice(start..end, text.chars());
            }
        }
        Some(chars.into_iter().collect())
    }

    /// The indexed word to offer for `piece`, if the index lacks it.
    fn correction(&self, piece: &str) -> Option<String> {
        if piece.chars().count() < MIN_CORRECTED_CHARS || !piece.chars().any(char::is_alphabetic) {
            return None;
        }
        let searcher = self.reader.searcher();
        let known = |field: Field, text: &str| {
            searcher
                .doc_freq(&Term::from_field_text(field, text))
                .unwrap_or(0)
                > 0
        };
        let stems = analyze(&mut news_analyzer(), piece);
        let [stem] = stems.as_slice() else {
            return None;
        };
        if known(self.fields.body, stem) || known(self.fields.title, stem) {
            return None;
        }
        let [written] = analyze(&mut exact_analyzer(), piece).try_into().ok()?;
        self.near_terms(self.fields.body_exact, &written, MAX_EDITS)
            .into_iter()
            .min_by(|a, b| a.2.cmp(&b.2).then(b.1.cmp(&a.1)))
            .map(|(term, _, _)| term)
    }

    /// Terms of `field` within `max_distance` edits of `text` (same first
    /// letter), with their document frequency and distance.
    pub fn near_terms(
        &self,
        field: Field,
        text: &str,
        max_distance: usize,
    ) -> Vec<(String, u64, usize)> {
        let searcher = self.reader.searcher();
        let first: String = text.chars().take(1).collect();
        let mut found: Vec<(String, u64, usize)> = Vec::new();
        for segment in searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(field) else {
                continue;
            };
            let Ok(mut stream) = inverted.terms().range().ge(first.as_bytes()).into_stream() else {
                continue;
            };
            while stream.advance() {
                let Ok(candidate) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if !candidate.starts_with(&first) {
                    break;
                }
                if candidate.len().abs_diff(text.len()) > max_distance {
                    continue;
                }
                let d = levenshtein(text, candidate);
                if d <= max_distance && !found.iter().any(|(t, _, _)| t == candidate) {
                    found.push((candidate.to_string(), stream.value().doc_freq as u64, d));
                }
            }
        }
        found
    }

    /// The people-field value a typed name equals ("james baker" -> "James
    /// Baker"), for names extraction found that the gazetteer lacks.
    pub fn indexed_person(&self, phrase: &str) -> Option<String> {
        let searcher = self.reader.searcher();
        [phrase.to_string(), title_case(phrase)]
            .into_iter()
            .find(|name| {
                searcher
                    .doc_freq(&Term::from_field_text(self.fields.people, name))
                    .unwrap_or(0)
                    > 0
            })
    }
}

/// Runs of letters and digits in a word, with their character offsets: the
/// pieces the analyzers make words of ("Pompao's" has "Pompao" and "s").
fn alphanumeric_runs(word: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, c) in word.chars().enumerate() {
        if c.is_alphanumeric() {
            current.get_or_insert_with(|| (i, String::new())).1.push(c);
        } else if let Some(run) = current.take() {
            out.push(run);
        }
    }
    out.extend(current);
    out
}

/// The suggestion in the case it was typed in: "Pompao" -> "Pompeo".
fn same_case(typed: &str, suggestion: &str) -> String {
    let letters: Vec<char> = typed.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return suggestion.to_uppercase();
    }
    if typed.chars().next().is_some_and(char::is_uppercase) {
        return title_case(suggestion);
    }
    suggestion.to_string()
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
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
    fn pieces_and_case() {
        assert_eq!(
            alphanumeric_runs("Pompao's"),
            vec![(0, "Pompao".to_string()), (7, "s".to_string())]
        );
        assert!(alphanumeric_runs("&").is_empty());
        assert_eq!(same_case("Pompao", "pompeo"), "Pompeo");
        assert_eq!(same_case("POMPAO", "pompeo"), "POMPEO");
        assert_eq!(same_case("pompao", "pompeo"), "pompeo");
        assert_eq!(title_case("james baker"), "James Baker");
    }

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("pompao", "pompeo"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
    }
}
