//! The boilerplate rules of `index-schema/boilerplate.tsv`, compiled once.

use std::collections::HashSet;

use regex::RegexSet;

const BOILERPLATE: &str = include_str!("../../index-schema/boilerplate.tsv");

/// Longer paragraphs skip the regular expressions (credits, bylines, widgets are short).
const REGEX_MAX_BYTES: usize = 400;

/// What a line of scraped text is, as far as the rules can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Story,
    Furniture,
    /// Furniture that also ends the story: related links, "You might also like".
    Tail,
    Credit,
    Byline,
}

pub struct Patterns {
    lines: HashSet<String>,
    prefixes: Vec<String>,
    tails: Vec<String>,
    /// Words split off an outlet's name they were glued to (see glue.rs).
    pub glued_words: Vec<String>,
    furniture: RegexSet,
    credits: RegexSet,
    bylines: RegexSet,
}

fn build_set(patterns: &[String], case_insensitive: bool) -> RegexSet {
    let flag = if case_insensitive { "(?i)" } else { "" };
    // An ASCII word boundary keeps the fast lazy DFA; a Unicode one forces the
    // much slower PikeVM on every paragraph.
    RegexSet::new(
        patterns
            .iter()
            .map(|p| format!("{flag}{}", p.replace(r"\b", r"(?-u:\b)"))),
    )
    .unwrap_or_else(|e| panic!("index-schema/boilerplate.tsv has a bad regex: {e}"))
}

/// Lines compare on their letters: case, spacing and a trailing colon do not matter.
pub fn line_key(line: &str) -> String {
    let mut key = lower_words(line);
    let kept = key.trim_end_matches(':').trim_end().len();
    key.truncate(kept);
    key
}

/// The line lower-cased with its white space collapsed: what the rules compare.
fn lower_words(line: &str) -> String {
    if super::is_collapsed(line) {
        return line.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

impl Patterns {
    pub fn load() -> Patterns {
        Patterns::parse(BOILERPLATE)
    }

    pub fn parse(source: &str) -> Patterns {
        let mut lines = HashSet::new();
        let mut prefixes = Vec::new();
        let mut tails = Vec::new();
        let mut glued_words = Vec::new();
        let (mut furniture, mut credits, mut bylines) = (Vec::new(), Vec::new(), Vec::new());
        for row in source.lines() {
            if row.starts_with('#') || row.trim().is_empty() {
                continue;
            }
            let Some((kind, pattern)) = row.split_once('\t') else {
                continue;
            };
            match kind {
                "line" => {
                    lines.insert(line_key(pattern));
                }
                "prefix" => prefixes.push(pattern.to_lowercase()),
                "tail" => tails.push(line_key(pattern)),
                "glued_word" => glued_words.push(pattern.trim().to_string()),
                "regex" => furniture.push(pattern.to_string()),
                "credit" => credits.push(pattern.to_string()),
                "byline" | "signoff" => bylines.push(pattern.to_string()),
                other => panic!("index-schema/boilerplate.tsv: unknown kind {other:?}"),
            }
        }
        Patterns {
            lines,
            prefixes,
            tails,
            glued_words,
            furniture: build_set(&furniture, true),
            credits: build_set(&credits, false),
            bylines: build_set(&bylines, false),
        }
    }

    pub fn classify(&self, line: &str) -> LineKind {
        let lower = lower_words(line);
        let key = lower.trim_end_matches(':').trim_end();
        if self.tails.iter().any(|t| {
            key.strip_prefix(t.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        }) {
            return LineKind::Tail;
        }
        if self.lines.contains(key) {
            return LineKind::Furniture;
        }
        if self.prefixes.iter().any(|p| lower.starts_with(p.as_str())) {
            return LineKind::Furniture;
        }
        // The patterns describe short lines; a long paragraph is story.
        if line.len() > REGEX_MAX_BYTES {
            return LineKind::Story;
        }
        if self.furniture.is_match(line) {
            return LineKind::Furniture;
        }
        if self.bylines.is_match(line) {
            return LineKind::Byline;
        }
        if self.credits.is_match(line) {
            return LineKind::Credit;
        }
        LineKind::Story
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_furniture_is_recognised() {
        let p = Patterns::load();
        assert_eq!(
            p.classify("Share this articleComments"),
            LineKind::Furniture
        );
        assert_eq!(p.classify("COMMENTS"), LineKind::Furniture);
        assert_eq!(p.classify("You might also like"), LineKind::Tail);
        assert_eq!(p.classify("AP Photo/Mark J. Terrill"), LineKind::Credit);
        assert_eq!(
            p.classify("By Alexander Smith and Associated Press with NBC News World News"),
            LineKind::Byline
        );
        assert_eq!(
            p.classify("Follow Ben Kew on Facebook, Twitter at @ben_kew, or email him at bkew@breitbart.com."),
            LineKind::Byline
        );
        assert_ne!(
            p.classify("Latest news bulletin | November 28th – Midday"),
            LineKind::Story
        );
        assert_eq!(
            p.classify("North Korean leader Kim Jong Un wants Secretary of State Mike Pompeo make another visit."),
            LineKind::Story
        );
    }
}
