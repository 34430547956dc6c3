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
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut gap_clean = true;
    while let Some(&(i, c)) = chars.peek() {
        if !c.is_alphanumeric() {
            if c == '\n' || !(c == ' ' || c == '\t' || c == '\u{a0}') {
                gap_clean = false;
            }
            chars.next();
            continue;
        }
        let start = i;
        let mut end = i;
        while let Some(&(j, c)) = chars.peek() {
            if is_word_char(c) {
                end = j + c.len_utf8();
                chars.next();
            } else if c == '.' {
                // A dot belongs to initials and abbreviations ("A.", "U.S.", "Mr.").
                let segment = text[start..end].rsplit('.').next().unwrap_or("");
                let initial =
                    segment.chars().count() == 1 && segment.chars().all(char::is_uppercase);
                if initial || ABBREVIATIONS.contains(&&text[start..end]) {
                    end = j + 1;
                    chars.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let mut word = &text[start..end];
        // Possessives name the owner: "Pompeo's" is Pompeo.
        let mut possessive = false;
        for suffix in ["'s", "’s", "'", "’"] {
            if let Some(stripped) = word.strip_suffix(suffix)
                && !stripped.is_empty()
            {
                word = stripped;
                possessive = true;
                break;
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
