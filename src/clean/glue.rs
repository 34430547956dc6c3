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

/// Whether a sentence may be glued to the next: `.`, `!` or `?` right before
/// a capital or a quote. Most paragraphs have none and are not copied.
fn may_be_glued(text: &str) -> bool {
    let bytes = text.as_bytes();
    (0..bytes.len()).any(|i| {
        matches!(bytes[i], b'.' | b'!' | b'?')
            && text[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || is_open_quote(c) || is_close_quote(c))
    })
}

pub fn repair(text: &str) -> Cow<'_, str> {
    if !may_be_glued(text) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    // Straight double quotes open and close alike; count them to know which.
    let mut straight_quotes = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        out.push(c);
        if c == '"' {
            straight_quotes += 1;
        }
        if matches!(c, '.' | '!' | '?') && i + 1 < chars.len() {
            let word_start = chars[..i]
                .iter()
                .rposition(|c| !c.is_alphanumeric())
                .map_or(0, |p| p + 1);
            let word: String = chars[word_start..i].iter().collect();
            // Inside a URL, e-mail or file name the next token is no sentence.
            let token_start = chars[..i]
                .iter()
                .rposition(|c| c.is_whitespace())
                .map_or(0, |p| p + 1);
            let token: String = chars[token_start..i].iter().collect();
            let in_link = token.contains("://") || token.contains('@') || token.starts_with("www");
            let sentence_end = c != '.' || ends_sentence(&word);
            if sentence_end && !in_link {
                let next = chars[i + 1];
                if next.is_uppercase() {
                    out.push(' ');
                } else if (is_close_quote(next) || is_open_quote(next))
                    && chars.get(i + 2).is_some_and(|c| c.is_uppercase())
                {
                    // `summit."It` closes a quote; `Thursday."This` opens one.
                    let closes = if next == '"' {
                        straight_quotes % 2 == 1
                    } else {
                        is_close_quote(next)
                    };
                    if closes {
                        out.push(next);
                        if next == '"' {
                            straight_quotes += 1;
                        }
                        out.push(' ');
                        i += 1;
                    } else {
                        out.push(' ');
                    }
                }
            }
        }
        i += 1;
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
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
