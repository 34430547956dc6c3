//! Repairs sentences glued together where markup was stripped
//! ("in Singapore.Secretary of State" -> "in Singapore. Secretary of State"),
//! leaving abbreviations ("U.S.", "p.m."), decimals and URLs alone.

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

pub fn repair(text: &str) -> String {
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
    out
}

#[cfg(test)]
mod tests {
    use super::repair;

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
