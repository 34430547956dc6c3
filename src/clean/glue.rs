//! Repairs sentences glued together where markup was stripped
//! ("in Singapore.Secretary of State" -> "in Singapore. Secretary of State"),
//! leaving abbreviations ("U.S.", "p.m."), decimals and URLs alone.

use std::borrow::Cow;

use rustc_hash::FxHashSet as HashSet;

use aho_corasick::{AhoCorasick, MatchKind};

/// Outlet names that scraped link text leaves glued to the next word
/// ("sources who spoke with JoongAng Ilbothe discussions"), and the words that
/// may follow them (`glued_word` rows of `index-schema/boilerplate.tsv`).
pub struct GluedNames {
    /// The few words, searched first: they are short and common, so the scan
    /// is fast, and only their glued occurrences look back for a name.
    words: AhoCorasick,
    names: HashSet<String>,
    longest_name: usize,
}

impl GluedNames {
    pub fn new(names: &[String], words: &[String]) -> GluedNames {
        let names: HashSet<String> = names
            .iter()
            .filter(|n| n.chars().count() >= 3)
            .cloned()
            .collect();
        GluedNames {
            words: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(words)
                .expect("glued words build an automaton"),
            longest_name: names.iter().map(String::len).max().unwrap_or(0),
            names,
        }
    }

    /// "JoongAng Ilbothe discussions" -> "JoongAng Ilbo the discussions": a
    /// space after a name (matched as written) when one of the words follows
    /// it glued and whole.
    pub fn repair<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let mut out = String::new();
        let mut copied = 0;
        for m in self.words.find_iter(text) {
            let (at, end) = (m.start(), m.end());
            let glued = text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let whole = !text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if glued && whole && at >= copied && self.name_ends_at(text, at) {
                out.push_str(&text[copied..at]);
                out.push(' ');
                copied = at;
            }
        }
        if copied == 0 {
            return Cow::Borrowed(text);
        }
        out.push_str(&text[copied..]);
        Cow::Owned(out)
    }

    /// Whether a known name, starting at a word start, ends at byte `at`.
    fn name_ends_at(&self, text: &str, at: usize) -> bool {
        let floor = at.saturating_sub(self.longest_name);
        text[..at]
            .char_indices()
            .rev()
            .take_while(|(i, _)| *i >= floor)
            .any(|(i, _)| {
                let starts_word = !text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                starts_word && self.names.contains(&text[i..at])
            })
    }
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '‘')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '”' | '’')
}

/// True when the word before a full stop looks like the end of a sentence
/// rather than an initial or an abbreviation: at least two letters, one of
/// them lower-case ("Thursday", "summit"), or a number ("July 6.").
fn ends_sentence(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let lower = word.chars().any(|c| c.is_lowercase());
    let digits = !word.is_empty() && word.chars().all(|c| c.is_ascii_digit());
    (letters >= 2 && lower) || digits
}

/// The word (letters and digits) and the token (up to white space) that end
/// at byte `at`.
fn word_and_token_before(text: &str, at: usize) -> (&str, &str) {
    let start_after = |stop: fn(char) -> bool| {
        text[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| stop(c))
            .map_or(0, |(p, c)| p + c.len_utf8())
    };
    let word_start = start_after(|c| !c.is_alphanumeric());
    let token_start = start_after(char::is_whitespace);
    (&text[word_start..at], &text[token_start..at])
}

/// Splits sentences glued at `.`, `!` or `?` right before a capital or a
/// quote. Only those places are looked at: most paragraphs have none and are
/// not copied (reading every paragraph as characters was 2% of a build).
pub fn repair(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    // Straight double quotes open and close alike; count them to know which.
    let mut straight_quotes = 0usize;
    let mut counted_to = 0;
    let mut i = 0;
    while i < bytes.len() {
        // The next sentence mark, found with SIMD: a byte loop here was 1% of a build.
        let Some(mark) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]) else {
            break;
        };
        i += mark;
        let mut rest = text[i + 1..].chars();
        let Some(next) = rest.next() else {
            break;
        };
        let quote_then_capital = (is_close_quote(next) || is_open_quote(next))
            && rest.next().is_some_and(char::is_uppercase);
        if !next.is_uppercase() && !quote_then_capital {
            i += 1;
            continue;
        }
        let (word, token) = word_and_token_before(text, i);
        // Inside a URL, e-mail or file name the next token is no sentence.
        let in_link = token.contains("://") || token.contains('@') || token.starts_with("www");
        let sentence_end = bytes[i] != b'.' || ends_sentence(word);
        if !sentence_end || in_link {
            i += 1;
            continue;
        }
        straight_quotes += bytes[counted_to..i].iter().filter(|&&b| b == b'"').count();
        counted_to = i;
        out.push_str(&text[copied..=i]);
        copied = i + 1;
        // `summit."It` closes a quote; `Thursday."This` opens one.
        let closes = !next.is_uppercase()
            && if next == '"' {
                straight_quotes % 2 == 1
            } else {
                is_close_quote(next)
            };
        if closes {
            out.push(next);
            copied += next.len_utf8();
            if next == '"' {
                straight_quotes += 1;
                counted_to = copied;
            }
        }
        out.push(' ');
        i = copied;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::{GluedNames, repair};

    #[test]
    fn names_glued_to_a_word_are_split() {
        let names = ["JoongAng Ilbo".to_string(), "Time".to_string()];
        let words = ["the".to_string(), "said".to_string()];
        let g = GluedNames::new(&names, &words);
        assert_eq!(
            g.repair("who spoke with JoongAng Ilbothe discussions"),
            "who spoke with JoongAng Ilbo the discussions"
        );
        assert_eq!(g.repair("Timesaid so"), "Time said so");
        // Not whole, not a listed word, or the name inside a longer word: left alone.
        let kept = "Timely news, Timethe1, Times, Timeless, Lifetimethe, LifeTimethe";
        assert_eq!(g.repair(kept), kept);
    }

    #[test]
    fn glued_sentences_are_split() {
        assert_eq!(
            repair("summit in Singapore.Secretary of State"),
            "summit in Singapore. Secretary of State"
        );
        assert_eq!(repair("June.On Thursday"), "June. On Thursday");
        assert_eq!(
            repair("on July 6.Andrew Harnik"),
            "on July 6. Andrew Harnik"
        );
    }

    #[test]
    fn quotes_go_with_their_sentence() {
        assert_eq!(
            repair(r#"he "will meet for a second U.S.-North summit."It would be"#),
            r#"he "will meet for a second U.S.-North summit." It would be"#
        );
        assert_eq!(
            repair(r#"said Thursday."This is a huge change," he said."#),
            r#"said Thursday. "This is a huge change," he said."#
        );
        assert_eq!(repair("it ended.”Then"), "it ended.” Then");
    }

    #[test]
    fn abbreviations_decimals_and_urls_survive() {
        for s in [
            "the U.S. would need",
            "U.S.-North Korean diplomacy",
            "at 5 p.m. Eastern",
            "grew 3.5 percent",
            "see https://www.NBCNews.com/World for more",
            "email bkew@breitbart.com now",
            "Mr. Pompeo",
        ] {
            assert_eq!(repair(s), s);
        }
    }
}
