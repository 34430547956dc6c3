//! Query text to tokens. Syntax is read only where it cannot be text: a sign
//! at the start of a word, a known field name before `:`, a quote, a
//! parenthesis that opens or closes a group, `~` ending a word. Everything
//! else (apostrophes, `<pcc>`, `Opinion:`, `&`, emoji) stays in words.

use super::tree::{NameField, Occur, QueryError, Scope, Span};

/// A query longer than this is a pasted document, not a search.
pub const MAX_QUERY_CHARS: usize = 4000;
/// `word~3` and beyond match nearly anything: fuzzy distances stop at 2.
pub const MAX_FUZZY_DISTANCE: u8 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldName {
    Text(Scope),
    Names(NameField),
}

/// The field names `name:` understands; any other `word:` is text.
pub const FIELD_NAMES: &[(&str, FieldName)] = &[
    ("title", FieldName::Text(Scope::Title)),
    ("body", FieldName::Text(Scope::Body)),
    ("outlet", FieldName::Names(NameField::Outlet)),
    ("outlets", FieldName::Names(NameField::Outlet)),
    ("source", FieldName::Names(NameField::Outlet)),
    ("person", FieldName::Names(NameField::People)),
    ("people", FieldName::Names(NameField::People)),
    ("place", FieldName::Names(NameField::Places)),
    ("places", FieldName::Names(NameField::Places)),
    ("country", FieldName::Names(NameField::Countries)),
    ("countries", FieldName::Names(NameField::Countries)),
    ("author", FieldName::Names(NameField::Authors)),
    ("authors", FieldName::Names(NameField::Authors)),
    ("said", FieldName::Names(NameField::Speakers)),
    ("speaker", FieldName::Names(NameField::Speakers)),
    ("speakers", FieldName::Names(NameField::Speakers)),
    ("lang", FieldName::Names(NameField::Language)),
    ("language", FieldName::Names(NameField::Language)),
];

#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind {
    Word {
        text: String,
        fuzzy: Option<Option<u8>>,
    },
    Phrase {
        text: String,
        slop: u32,
    },
    Open,
    Close,
    And,
    Or,
    Not,
    /// `+` or `-` glued to what follows.
    Sign(Occur),
    /// `title:`, `person:`... glued to what follows.
    Field(FieldName),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

/// What the lexer made of a query: its tokens and what it repaired.
#[derive(Debug, Default)]
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub notices: Vec<String>,
    pub all_capitals: bool,
}

fn err(message: impl Into<String>, position: Option<usize>) -> QueryError {
    QueryError {
        message: message.into(),
        position,
    }
}

/// Typographic quotes (pasted from a word processor or an article) quote as
/// `"` does: one character for one, so positions still hold.
fn plain_quote(c: char) -> char {
    match c {
        '“' | '”' | '„' | '‟' | '«' | '»' => '"',
        other => other,
    }
}

/// C1 controls (U+0080..U+009F) come from text decoded with the wrong
/// encoding ("Ã¢â‚¬Â\u{9d}" in scraped headlines): pasted, not typed, so
/// they separate words instead of failing the query.
fn is_c1_control(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

pub fn lex(query: &str) -> Result<Lexed, QueryError> {
    let mut chars: Vec<char> = query.chars().map(plain_quote).collect();
    let mut notices = Vec::new();
    if let Some(i) = chars.iter().position(|&c| is_c1_control(c)) {
        notices.push(format!(
            "control character U+{:04X} at character {} (from mis-decoded text) read as a space",
            chars[i] as u32,
            i + 1
        ));
        for c in chars.iter_mut().filter(|c| is_c1_control(**c)) {
            *c = ' ';
        }
    }
    if chars.len() > MAX_QUERY_CHARS {
        return Err(err(
            format!(
                "query is {} characters long; the limit is {MAX_QUERY_CHARS}",
                chars.len()
            ),
            None,
        ));
    }
    if let Some(i) = chars
        .iter()
        .position(|c| c.is_control() && !c.is_whitespace())
    {
        return Err(err(
            format!("control character U+{:04X} in query", chars[i] as u32),
            Some(i),
        ));
    }
    if chars.iter().all(|c| c.is_whitespace()) {
        return Err(err("empty query: type some words to search for", None));
    }
    let all_capitals = !chars.iter().any(|c| c.is_lowercase());
    let mut lexer = Lexer {
        chars,
        at: 0,
        depth: Vec::new(),
        out: Lexed {
            all_capitals,
            notices,
            ..Lexed::default()
        },
    };
    lexer.run()?;
    for open in std::mem::take(&mut lexer.depth) {
        lexer.out.notices.push(format!(
            "unclosed '(' at character {}: closed at the end of the query",
            open + 1
        ));
    }
    Ok(lexer.out)
}

struct Lexer {
    chars: Vec<char>,
    at: usize,
    /// Positions of the groups still open.
    depth: Vec<usize>,
    out: Lexed,
}

impl Lexer {
    fn peek(&self, offset: usize) -> Option<char> {
        self.chars.get(self.at + offset).copied()
    }

    fn push(&mut self, kind: TokenKind, start: usize) {
        self.out.tokens.push(Token {
            kind,
            span: Span {
                start,
                end: self.at,
            },
        });
    }

    fn glued_to_more(&self, offset: usize) -> bool {
        self.peek(offset).is_some_and(|c| !c.is_whitespace())
    }

    fn run(&mut self) -> Result<(), QueryError> {
        while self.at < self.chars.len() {
            if self.chars[self.at].is_whitespace() {
                self.at += 1;
                continue;
            }
            self.prefixes()?;
            if self.at >= self.chars.len() || self.chars[self.at].is_whitespace() {
                continue;
            }
            if self.chars[self.at] == '"' {
                self.phrase();
            } else {
                self.word();
            }
        }
        Ok(())
    }

    /// Opening parentheses, one sign, one field name: whatever starts a term.
    fn prefixes(&mut self) -> Result<(), QueryError> {
        let mut signed = false;
        let mut fielded = false;
        while let Some(c) = self.peek(0) {
            let start = self.at;
            if c == '(' {
                self.depth.push(start);
                self.at += 1;
                self.push(TokenKind::Open, start);
            } else if (c == '+' || c == '-')
                && !signed
                && !fielded
                && !self.out.all_capitals
                && self.glued_to_more(1)
            {
                let next = self.peek(1).unwrap_or(' ');
                if next == '+' || next == '-' {
                    return Ok(());
                }
                signed = true;
                self.at += 1;
                let occur = if c == '+' {
                    Occur::Must
                } else {
                    Occur::MustNot
                };
                self.push(TokenKind::Sign(occur), start);
            } else if let Some((len, field)) = self.field_name().filter(|_| !fielded) {
                let after = self.at + len + 1;
                if self.chars.get(after).is_some_and(|c| !c.is_whitespace()) {
                    fielded = true;
                    self.at = after;
                    self.push(TokenKind::Field(field), start);
                    continue;
                }
                let name: String = self.chars[start..start + len].iter().collect();
                if self.chars[after..].iter().all(|c| c.is_whitespace()) {
                    return Err(err(
                        format!(
                            "{name}: needs a value right after the colon, e.g. {name}:\"North Korea\""
                        ),
                        Some(start),
                    ));
                }
                self.out.notices.push(format!(
                    "'{name}:' at character {} is followed by a space, so it was read as a word; \
                     write {name}:value to search that field",
                    start + 1
                ));
                return Ok(());
            } else {
                return Ok(());
            }
        }
        Ok(())
    }

    /// A known field name (any case) followed by ':' at the cursor: its length.
    fn field_name(&self) -> Option<(usize, FieldName)> {
        let rest = &self.chars[self.at..];
        let len = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        if len == 0 || rest.get(len) != Some(&':') {
            return None;
        }
        let name: String = rest[..len].iter().collect::<String>().to_ascii_lowercase();
        FIELD_NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| (len, *f))
    }

    fn phrase(&mut self) {
        let start = self.at;
        self.at += 1;
        let close = self.chars[self.at..].iter().position(|&c| c == '"');
        let end = close.map_or(self.chars.len(), |c| self.at + c);
        let text: String = self.chars[self.at..end].iter().collect();
        if close.is_none() {
            self.out.notices.push(format!(
                "unclosed quote at character {}: closed at the end of the query",
                start + 1
            ));
            self.at = end;
        } else {
            self.at = end + 1;
        }
        let mut slop = 0;
        if self.peek(0) == Some('~') {
            let digits = self.chars[self.at + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits > 0 {
                let number: String = self.chars[self.at + 1..self.at + 1 + digits]
                    .iter()
                    .collect();
                slop = number.parse::<u32>().unwrap_or(u32::MAX).min(100);
                self.at += 1 + digits;
            }
        }
        self.push(TokenKind::Phrase { text, slop }, start);
        self.closing_parens();
    }

    fn word(&mut self) {
        let start = self.at;
        while let Some(c) = self.peek(0) {
            if c.is_whitespace() || c == '"' {
                break;
            }
            self.at += 1;
        }
        // Closing parentheses end a word only while a group is open:
        // "Reuters)" with none open is text.
        let mut end = self.at;
        let mut closes = 0;
        while end > start && self.chars[end - 1] == ')' && closes < self.depth.len() {
            end -= 1;
            closes += 1;
        }
        let raw: String = self.chars[start..end].iter().collect();
        self.at = end;
        if !raw.is_empty() {
            let kind = match raw.as_str() {
                "AND" if !self.out.all_capitals => TokenKind::And,
                "OR" if !self.out.all_capitals => TokenKind::Or,
                "NOT" if !self.out.all_capitals => TokenKind::Not,
                _ => {
                    let (text, fuzzy) = split_fuzzy(&raw);
                    TokenKind::Word { text, fuzzy }
                }
            };
            self.push(kind, start);
        }
        self.closing_parens();
    }

    fn closing_parens(&mut self) {
        while self.peek(0) == Some(')') && !self.depth.is_empty() {
            let start = self.at;
            self.depth.pop();
            self.at += 1;
            self.push(TokenKind::Close, start);
        }
    }
}

/// `pompao~` or `pompao~1`: the word and its fuzziness; `~` elsewhere is text.
fn split_fuzzy(raw: &str) -> (String, Option<Option<u8>>) {
    if let Some((base, mark)) = raw.rsplit_once('~')
        && base.chars().any(char::is_alphanumeric)
        && mark.chars().all(|c| c.is_ascii_digit())
        && mark.len() <= 2
    {
        let distance = mark.parse::<u8>().ok().map(|d| d.min(MAX_FUZZY_DISTANCE));
        return (base.to_string(), Some(distance));
    }
    (raw.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(q: &str) -> Vec<TokenKind> {
        lex(q).unwrap().tokens.into_iter().map(|t| t.kind).collect()
    }

    fn word(text: &str) -> TokenKind {
        TokenKind::Word {
            text: text.into(),
            fuzzy: None,
        }
    }

    #[test]
    fn punctuation_stays_in_words() {
        assert_eq!(
            kinds("Pompeo's <pcc> Opinion: 2:58 rock & roll"),
            ["Pompeo's", "<pcc>", "Opinion:", "2:58", "rock", "&", "roll"]
                .map(word)
                .to_vec()
        );
        assert_eq!(kinds("Reuters) a-b"), [word("Reuters)"), word("a-b")]);
    }

    #[test]
    fn syntax_where_unambiguous() {
        use TokenKind::*;
        assert_eq!(
            kinds("-(a b) +title:\"x y\"~2 person:Kim-Jong-un c~"),
            vec![
                Sign(Occur::MustNot),
                Open,
                word("a"),
                word("b"),
                Close,
                Sign(Occur::Must),
                Field(FieldName::Text(Scope::Title)),
                Phrase {
                    text: "x y".into(),
                    slop: 2
                },
                Field(FieldName::Names(NameField::People)),
                word("Kim-Jong-un"),
                Word {
                    text: "c".into(),
                    fuzzy: Some(None)
                },
            ]
        );
        assert_eq!(kinds("a AND b"), vec![word("a"), And, word("b")]);
        assert_eq!(
            kinds("A AND B"),
            vec![word("A"), word("AND"), word("B")],
            "a query all in capitals has no operators"
        );
        assert_eq!(
            kinds("SUGAR CARGOES SOLD -TRADE"),
            ["SUGAR", "CARGOES", "SOLD", "-TRADE"].map(word).to_vec(),
            "nor signs: a wire headline's '-TRADE' names its desk"
        );
    }

    #[test]
    fn repairs_and_errors() {
        let l = lex("\"fourth visit").unwrap();
        assert_eq!(l.notices.len(), 1);
        assert!(l.notices[0].contains("unclosed quote at character 1"));
        let l = lex("(a b").unwrap();
        assert!(l.notices[0].contains("unclosed '('"), "{:?}", l.notices);
        let l = lex("person: Pompeo").unwrap();
        assert_eq!(l.tokens.len(), 2);
        assert!(l.notices[0].contains("followed by a space"));
        assert_eq!(lex("a person:").unwrap_err().position, Some(2));
        assert!(lex("   ").unwrap_err().message.contains("empty"));
        assert_eq!(lex("a\u{7}b").unwrap_err().position, Some(1));
        let l = lex("cool Ã¢â‚¬â€\u{9d} especially").unwrap();
        assert_eq!(l.tokens.len(), 3);
        assert!(l.notices[0].contains("U+009D"), "{:?}", l.notices);
        assert!(lex(&"x ".repeat(3000)).is_err());
    }
}
