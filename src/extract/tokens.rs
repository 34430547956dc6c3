//! Word tokens with byte offsets, keeping what names need: initials ("A."),
//! abbreviations ("Mr.", "U.S."), hyphens and apostrophes inside words.

#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Only spaces separate it from the previous token (no punctuation or line break).
    pub joined: bool,
    /// Written with a possessive ending ("Reagan's"), which ends a name.
    pub possessive: bool,
}

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Jr", "Sr", "St", "Prof",
    "Rev", "Capt", "Adm", "Maj", "Sgt", "Sens", "Reps", "Gens", "Mt", "Ft",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'
}

pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    let mut gap_clean = true;
    let mut i = 0;
    while i < text.len() {
        let (c, width) = char_at(text, i);
        if !c.is_alphanumeric() {
            if c == '\n' || !(c == ' ' || c == '\t' || c == '\u{a0}') {
                gap_clean = false;
            }
            i += width;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < text.len() {
            let (c, width) = char_at(text, end);
            if is_word_char(c) {
                end += width;
            } else if c == '.' && takes_dot(&text[start..end]) {
                end += 1;
            } else {
                break;
            }
        }
        i = end;
        let mut word = &text[start..end];
        // Possessives name the owner: "Pompeo's" is Pompeo.
        let mut possessive = false;
        if word.ends_with(['s', '\'', '’']) {
            for suffix in ["'s", "’s", "'", "’"] {
                if let Some(stripped) = word.strip_suffix(suffix)
                    && !stripped.is_empty()
                {
                    word = stripped;
                    possessive = true;
                    break;
                }
            }
        }
        let word = word.trim_end_matches(['-']);
        if !word.is_empty() {
            tokens.push(Token {
                start,
                end: start + word.len(),
                text: word,
                joined: gap_clean && !tokens.is_empty(),
                possessive,
            });
        }
        gap_clean = true;
    }
    tokens
}

/// The character at byte `at` (a character boundary) and its width, without
/// decoding ASCII.
pub fn char_at(text: &str, at: usize) -> (char, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        return (char::from(byte), 1);
    }
    let c = text[at..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// A dot belongs to initials and abbreviations ("A.", "U.S.", "Mr.").
fn takes_dot(word: &str) -> bool {
    let segment = word.rsplit('.').next().unwrap_or("");
    let mut chars = segment.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    initial || ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_initials_and_hyphens() {
        let toks: Vec<&str> = tokenize("James A. Baker met Moon Jae-in. Pompeo's U.S. trip")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            toks,
            vec![
                "James", "A.", "Baker", "met", "Moon", "Jae-in", "Pompeo", "U.S.", "trip"
            ]
        );
    }

    #[test]
    fn punctuation_breaks_joins() {
        let toks = tokenize("Seoul, Moon said.\nKim");
        assert!(!toks[1].joined);
        assert!(toks[2].joined);
        assert!(!toks[3].joined);
    }
}
