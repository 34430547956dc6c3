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
    furniture: Rules,
    credits: Rules,
    bylines: Rules,
    /// The longest `line` key, the longest `tail` or `prefix`: what decides
    /// how much of a line must be lower-cased to compare it.
    longest_line: usize,
    longest_head: usize,
}

/// Regular expressions of one kind, split in two sets: those anchored at a
/// line's start give up after a few bytes of most lines, and the others
/// start with a literal the regex engine scans for. One set of both kinds
/// ran a DFA over every short paragraph (3% of a build).
struct Rules {
    anchored: RegexSet,
    floating: RegexSet,
}

impl Rules {
    fn new(patterns: &[String], case_insensitive: bool) -> Rules {
        let (anchored, floating): (Vec<&String>, Vec<&String>) =
            patterns.iter().partition(|p| p.starts_with('^'));
        Rules {
            anchored: build_set(&anchored, case_insensitive),
            floating: build_set(&floating, case_insensitive),
        }
    }

    fn is_match(&self, line: &str) -> bool {
        self.anchored.is_match(line) || self.floating.is_match(line)
    }
}

fn build_set(patterns: &[&String], case_insensitive: bool) -> RegexSet {
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

/// The first `chars` characters of `line`.
fn head(line: &str, chars: usize) -> &str {
    line.char_indices()
        .nth(chars)
        .map_or(line, |(at, _)| &line[..at])
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
    if line.is_ascii() && super::is_collapsed(line) {
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
        let longest_line = lines.iter().map(String::len).max().unwrap_or(0);
        let longest_head = prefixes
            .iter()
            .chain(&tails)
            .map(String::len)
            .max()
            .unwrap_or(0);
        Patterns {
            lines,
            prefixes,
            tails,
            glued_words,
            furniture: Rules::new(&furniture, true),
            credits: Rules::new(&credits, false),
            bylines: Rules::new(&bylines, false),
            longest_line,
            longest_head,
        }
    }

    pub fn classify(&self, line: &str) -> LineKind {
        // A line three times longer than any `line` key cannot be one (a
        // character lower-cases to at least a third of its bytes): only its
        // head is lower-cased, enough to compare the tails and prefixes and
        // to see what follows them.
        let whole = line.len() <= 3 * self.longest_line;
        let lower = if whole {
            lower_words(line)
        } else {
            lower_words(head(line, self.longest_head + 2))
        };
        let key = if whole {
            lower.trim_end_matches(':').trim_end()
        } else {
            lower.as_str()
        };
        if self.tails.iter().any(|t| {
            key.strip_prefix(t.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        }) {
            return LineKind::Tail;
        }
        if whole && self.lines.contains(key) {
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
