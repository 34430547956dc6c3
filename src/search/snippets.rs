//! Snippets: the best few passages of a text for a query, cut at sentence or
//! word boundaries, with every match highlighted: stemmed forms ("visits" for
//! "visit"), and phrases only where the words stand together.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

use serde::Serialize;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

/// A passage and where its highlights are, in characters of `text`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Fragment {
    pub text: String,
    pub highlights: Vec<(usize, usize)>,
}

/// What to highlight: single analysed terms and analysed phrases.
pub struct Highlighter {
    analyzer: TextAnalyzer,
    terms: HashSet<String>,
    phrases: Vec<Vec<String>>,
    /// First two letters of every term: a word that starts otherwise cannot
    /// stem to a term, so most words of a text skip the stemmer.
    prefixes: HashSet<String>,
    light: TextAnalyzer,
}

fn prefix2(word: &str) -> String {
    word.chars().take(2).collect()
}

/// Words lower-cased and accent-folded but not stemmed: the cheap first pass.
fn light_analyzer() -> TextAnalyzer {
    use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer};
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

struct Tok {
    start: usize,
    end: usize,
    text: String,
}

impl Highlighter {
    pub fn new(
        mut analyzer: TextAnalyzer,
        words: &[String],
        phrase_texts: &[String],
    ) -> Highlighter {
        let mut terms = HashSet::new();
        for w in words {
            for t in analyze(&mut analyzer, w) {
                terms.insert(t.text);
            }
        }
        let phrases = phrase_texts
            .iter()
            .map(|p| {
                analyze(&mut analyzer, p)
                    .into_iter()
                    .map(|t| t.text)
                    .collect::<Vec<_>>()
            })
            .filter(|p: &Vec<String>| !p.is_empty())
            .collect();
        let mut light = light_analyzer();
        let mut prefixes = HashSet::new();
        for w in words.iter().chain(phrase_texts) {
            for t in analyze(&mut light, w) {
                prefixes.insert(prefix2(&t.text));
            }
        }
        Highlighter {
            analyzer,
            terms,
            phrases,
            prefixes,
            light,
        }
    }

    /// Highlights words whose stem is one of these (fuzzy matches found in the index).
    pub fn add_stems(&mut self, stems: impl IntoIterator<Item = String>) {
        for stem in stems {
            self.prefixes.insert(prefix2(&stem));
            self.terms.insert(stem);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phrases.is_empty()
    }

    /// Could `word` stem to a query term? Its first two letters, lower-cased
    /// and folded, must be a term's: most words of a text fail this cheaply.
    fn may_match(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let n = bytes.len().min(2);
        if bytes[..n].is_ascii() {
            let lower = [
                bytes[0].to_ascii_lowercase(),
                bytes.get(1).map_or(0, u8::to_ascii_lowercase),
            ];
            return std::str::from_utf8(&lower[..n]).is_ok_and(|p| self.prefixes.contains(p));
        }
        let mut light = self.light.clone();
        analyze(&mut light, word)
            .first()
            .is_some_and(|t| self.prefixes.contains(&prefix2(&t.text)))
    }

    /// Byte ranges of `text` to highlight.
    fn matches(&self, text: &str) -> Vec<(usize, usize)> {
        if self.is_empty() {
            return Vec::new();
        }
        let mut analyzer = self.analyzer.clone();
        let mut stems: HashMap<&str, String, BuildHasherDefault<FxHasher>> = Default::default();
        let mut toks: Vec<Tok> = Vec::new();
        for (start, end) in words(text) {
            let word = &text[start..end];
            // What the index's analyzer drops (RemoveLongFilter) cannot match.
            if word.len() >= MAX_WORD_BYTES {
                continue;
            }
            // Words that cannot stem to a term stay unallocated and unmatched.
            let text = if self.may_match(word) {
                stems
                    .entry(word)
                    .or_insert_with(|| {
                        analyze(&mut analyzer, word)
                            .pop()
                            .map(|s| s.text)
                            .unwrap_or_default()
                    })
                    .clone()
            } else {
                String::new()
            };
            toks.push(Tok { start, end, text });
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let phrase = self.phrases.iter().find(|p| {
                i + p.len() <= toks.len() && p.iter().zip(&toks[i..]).all(|(w, t)| *w == t.text)
            });
            if let Some(p) = phrase {
                out.push((toks[i].start, toks[i + p.len() - 1].end));
                i += p.len();
            } else {
                if self.terms.contains(&toks[i].text) {
                    out.push((toks[i].start, toks[i].end));
                }
                i += 1;
            }
        }
        out
    }

    /// The whole text with its highlights (for titles).
    pub fn highlight_all(&self, text: &str) -> Fragment {
        let spans = self.matches(text);
        let mut f = to_fragment(text, 0, text.len(), &spans, false, false);
        // Whole texts keep their paragraphs.
        f.text = text.to_string();
        f
    }

    /// Up to `count` passages of about `size` characters, best first.
    pub fn fragments(&self, text: &str, count: usize, size: usize) -> Vec<Fragment> {
        if count == 0 || text.is_empty() {
            return Vec::new();
        }
        let spans = self.matches(text);
        if spans.is_empty() {
            let end = cut_end(text, 0, size);
            return vec![to_fragment(text, 0, end, &[], false, end < text.len())];
        }
        // Candidate windows start at each match; score by distinct matched words.
        let mut kinds: Vec<String> = Vec::new();
        let kind_of: Vec<usize> = spans
            .iter()
            .map(|(a, b)| {
                let word = text[*a..*b].to_lowercase();
                kinds.iter().position(|k| *k == word).unwrap_or_else(|| {
                    kinds.push(word);
                    kinds.len() - 1
                })
            })
            .collect();
        let mut seen = vec![false; kinds.len()];
        let mut windows: Vec<(f32, usize, usize)> = Vec::with_capacity(spans.len());
        for &(s, _) in &spans {
            let start = cut_start(text, s, size / 3);
            let end = cut_end(text, start, size);
            seen.fill(false);
            let (mut distinct, mut inside) = (0, 0);
            // Spans are in text order and do not overlap.
            for (i, &(a, b)) in spans.iter().enumerate() {
                if a < start {
                    continue;
                }
                if a >= end {
                    break;
                }
                if b <= end {
                    inside += 1;
                    if !std::mem::replace(&mut seen[kind_of[i]], true) {
                        distinct += 1;
                    }
                }
            }
            let score = distinct as f32 + 0.1 * inside as f32;
            windows.push((score, start, end));
        }
        windows.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut chosen: Vec<(usize, usize)> = Vec::new();
        for (_, start, end) in windows {
            if chosen.len() >= count {
                break;
            }
            if chosen.iter().all(|&(s, e)| end <= s || start >= e) {
                chosen.push((start, end));
            }
        }
        chosen
            .into_iter()
            .map(|(start, end)| {
                let inside: Vec<(usize, usize)> = spans
                    .iter()
                    .copied()
                    .filter(|(a, b)| *a >= start && *b <= end)
                    .collect();
                let lead = start > 0 && !text[..start].ends_with('\n');
                to_fragment(text, start, end, &inside, lead, end < text.len())
            })
            .collect()
    }
}

/// Longest word the index keeps, as `news_analyzer`'s RemoveLongFilter.
const MAX_WORD_BYTES: usize = 40;

/// Byte ranges of the words of `text`: runs of letters and digits, as
/// tantivy's SimpleTokenizer cuts them, without building a token per word.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Tok> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push(Tok {
            start: t.offset_from,
            end: t.offset_to,
            text: t.text.clone(),
        });
    }
    out
}

/// Backs up from `at` to the start of its sentence if that is near, else to a word start.
fn cut_start(text: &str, at: usize, reach: usize) -> usize {
    let floor = floor_boundary(text, at.saturating_sub(reach));
    let before = &text[floor..at];
    if let Some(p) = before.rfind(['.', '!', '?', '\n']) {
        let mut s = floor + p + 1;
        // The closing quote and space after a full stop belong to the sentence before.
        while s < at && text[s..].starts_with(['"', '”', '’', '\'', ')', ' ']) {
            s += text[s..].chars().next().map_or(1, char::len_utf8);
        }
        return s;
    }
    if floor == 0 {
        return 0;
    }
    match before.find(' ') {
        Some(p) => floor + p + 1,
        None => at,
    }
}

/// Ends about `size` bytes after `start`, at a sentence end if one is close, else at a word end.
fn cut_end(text: &str, start: usize, size: usize) -> usize {
    let limit = floor_boundary(text, (start + size).min(text.len()));
    if limit >= text.len() {
        return text.len();
    }
    let window = &text[start..limit];
    if let Some(p) = window.rfind(['.', '!', '?']) {
        if p > size / 2 {
            return start + p + 1;
        }
    }
    match window.rfind([' ', '\n']) {
        Some(p) if p > 0 => start + p,
        _ => limit,
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn to_fragment(
    text: &str,
    start: usize,
    end: usize,
    spans: &[(usize, usize)],
    lead: bool,
    trail: bool,
) -> Fragment {
    let body = &text[start..end];
    let prefix = if lead { "…" } else { "" };
    let mut out = String::from(prefix);
    let offset_chars = prefix.chars().count();
    // Paragraph breaks inside a passage read as one line.
    out.push_str(&body.replace('\n', " "));
    if trail {
        out.push('…');
    }
    let highlights = spans
        .iter()
        .map(|&(a, b)| {
            let s = offset_chars + text[start..a].chars().count();
            (s, s + text[a..b].chars().count())
        })
        .collect();
    Fragment {
        text: out,
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::news_analyzer;

    fn h(words: &[&str], phrases: &[&str]) -> Highlighter {
        let w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        let p: Vec<String> = phrases.iter().map(|s| s.to_string()).collect();
        Highlighter::new(news_analyzer(), &w, &p)
    }

    fn marked(f: &Fragment) -> String {
        let chars: Vec<char> = f.text.chars().collect();
        let mut out = String::new();
        for (i, c) in chars.iter().enumerate() {
            if f.highlights.iter().any(|(s, _)| *s == i) {
                out.push('[');
            }
            out.push(*c);
            if f.highlights.iter().any(|(_, e)| *e == i + 1) {
                out.push(']');
            }
        }
        out
    }

    #[test]
    fn stems_are_highlighted() {
        let f = h(&["visit"], &[]).highlight_all("Pompeo visits Pyongyang after earlier visit");
        assert_eq!(
            marked(&f),
            "Pompeo [visits] Pyongyang after earlier [visit]"
        );
    }

    #[test]
    fn phrases_only_where_together() {
        let f = h(&[], &["fourth visit"]).highlight_all("a fourth trip, a visit, the fourth visit");
        assert_eq!(marked(&f), "a fourth trip, a visit, the [fourth visit]");
    }

    #[test]
    fn fragments_are_bounded_and_best_first() {
        let text = "Nothing here at all. Filler sentence number two. Pompeo made a fourth visit to Pyongyang. More filler text follows here. And Pompeo again.";
        let frags = h(&["Pompeo", "fourth", "visit"], &[]).fragments(text, 2, 60);
        assert_eq!(frags.len(), 2);
        assert!(
            frags[0].text.starts_with("…Pompeo made a fourth visit"),
            "{}",
            frags[0].text
        );
        assert_eq!(frags[0].highlights.len(), 3);
    }
}
