//! The query language: tantivy's syntax (words, "phrases", +must, -not,
//! AND/OR, title:/body:) plus our filters on canonical names (`outlet:`,
//! `person:`, `place:`, `country:`, `author:`) that match any alias.

use std::fmt;

/// A filter on one of the canonical-name fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    /// Index field: outlet, people, places, countries or authors.
    pub field: &'static str,
    pub value: String,
    pub negated: bool,
}

/// A query split into its free text (for tantivy's parser) and our filters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedQuery {
    pub text: String,
    pub filters: Vec<Filter>,
    /// Phrases (alias names) and loose words of the text, for highlighting;
    /// excluded words are left out.
    pub phrases: Vec<String>,
    /// Quoted phrases: matched and highlighted word for word, unstemmed.
    pub exact_phrases: Vec<String>,
    pub words: Vec<String>,
    /// The query was plain words only (no quotes, operators, groups or fields):
    /// ranking may then reward the words standing together.
    pub plain_words: Option<Vec<String>>,
}

/// A query we cannot run, with the character position of the problem.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryError {
    pub message: String,
    pub position: Option<usize>,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(p) => write!(f, "{} (at character {})", self.message, p + 1),
            None => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for QueryError {}

const FILTERS: &[(&str, &str)] = &[
    ("outlet", "outlet"),
    ("source", "outlet"),
    ("person", "people"),
    ("people", "people"),
    ("place", "places"),
    ("places", "places"),
    ("country", "countries"),
    ("countries", "countries"),
    ("author", "authors"),
    ("authors", "authors"),
];
/// Fields tantivy's parser handles itself.
const TEXT_FIELDS: &[&str] = &["title", "body"];
const OPERATORS: &[&str] = &["AND", "OR", "NOT"];
/// A query longer than this is a mistake (a pasted document), not a search.
pub const MAX_QUERY_CHARS: usize = 4000;

fn err(message: impl Into<String>, position: Option<usize>) -> QueryError {
    QueryError {
        message: message.into(),
        position,
    }
}

pub fn parse(query: &str) -> Result<ParsedQuery, QueryError> {
    // Typographic quotes (a phrase pasted from a word processor or an article)
    // quote as '"' does; one character for one, so error positions still hold.
    let query: String = query
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' | '‟' | '«' | '»' => '"',
            other => other,
        })
        .collect();
    let query = query.as_str();
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(err(
            format!(
                "query is {} characters long; the limit is {MAX_QUERY_CHARS}",
                query.chars().count()
            ),
            None,
        ));
    }
    if let Some((i, c)) = query
        .char_indices()
        .find(|(_, c)| c.is_control() && !c.is_whitespace())
    {
        return Err(err(
            format!("control character U+{:04X} in query", c as u32),
            Some(char_pos(query, i)),
        ));
    }
    let chars: Vec<(usize, char)> = query.char_indices().collect();
    let mut parsed = ParsedQuery::default();
    let mut text_parts: Vec<String> = Vec::new();
    let mut depth = 0i32;
    let mut i = 0;
    while i < chars.len() {
        let (byte, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // One token: up to whitespace outside quotes.
        let start = i;
        let mut in_quote = false;
        let mut quote_start = 0;
        while i < chars.len() && (in_quote || !chars[i].1.is_whitespace()) {
            match chars[i].1 {
                '"' => {
                    in_quote = !in_quote;
                    quote_start = i;
                }
                '(' if !in_quote => depth += 1,
                ')' if !in_quote => {
                    depth -= 1;
                    if depth < 0 {
                        return Err(err("unbalanced ')'", Some(i)));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if in_quote {
            return Err(err("unclosed quote", Some(quote_start)));
        }
        let end_byte = chars.get(i).map_or(query.len(), |(b, _)| *b);
        let token = &query[byte..end_byte];
        let (negated, body) = match token.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, token.strip_prefix('+').unwrap_or(token)),
        };
        if let Some((name, value)) = body.split_once(':') {
            let name_lower = name.to_lowercase();
            if let Some((_, field)) = FILTERS.iter().find(|(n, _)| *n == name_lower) {
                let value = value.trim_matches('"').trim();
                if value.is_empty() {
                    return Err(err(
                        format!("{name}: needs a value, e.g. {name}:\"North Korea\""),
                        Some(start),
                    ));
                }
                parsed.filters.push(Filter {
                    field,
                    value: value.to_string(),
                    negated,
                });
                continue;
            }
            let plain = name.trim_start_matches('(');
            if !TEXT_FIELDS.contains(&plain)
                && !name.contains('"')
                && plain.chars().all(char::is_alphanumeric)
                && !plain.is_empty()
            {
                let known: Vec<&str> = FILTERS
                    .iter()
                    .map(|(n, _)| *n)
                    .chain(TEXT_FIELDS.iter().copied())
                    .collect();
                return Err(err(
                    format!("unknown field '{plain}:' (known: {})", known.join(", ")),
                    Some(start),
                ));
            }
        }
        if OPERATORS.contains(&token) || token == "+" || token == "-" {
            let next_is_term = chars[i..].iter().any(|(_, c)| !c.is_whitespace());
            let has_left = !text_parts.is_empty() || token == "NOT";
            if !next_is_term || (!has_left && token != "NOT") || token == "+" || token == "-" {
                return Err(err(
                    format!("'{token}' needs a term on each side"),
                    Some(start),
                ));
            }
        } else if !negated && !body.starts_with("NOT") {
            collect_highlight_terms(body, &mut parsed);
        }
        let exact = exact_phrase(token).map_err(|message| err(message, Some(start)))?;
        text_parts.push(exact.unwrap_or_else(|| token.to_string()));
    }
    if depth > 0 {
        return Err(err("unclosed '('", None));
    }
    parsed.text = text_parts.join(" ");
    let plain = !text_parts.is_empty()
        && text_parts.iter().all(|t| {
            !OPERATORS.contains(&t.as_str())
                && t.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.' | ','))
        });
    if plain {
        parsed.plain_words = Some(text_parts.clone());
    }
    Ok(parsed)
}

fn collect_highlight_terms(token: &str, parsed: &mut ParsedQuery) {
    let token =
        token.split_once(':').map_or(
            token,
            |(f, v)| {
                if TEXT_FIELDS.contains(&f) { v } else { token }
            },
        );
    let token = token.trim_matches(|c| c == '(' || c == ')');
    if let Some(phrase) = token.strip_prefix('"') {
        let phrase = phrase.split('"').next().unwrap_or("");
        if !phrase.trim().is_empty() {
            parsed.exact_phrases.push(phrase.to_string());
        }
    } else {
        let word = token
            .split(['~', '^'])
            .next()
            .unwrap_or("")
            .trim_end_matches('*');
        if !word.is_empty() {
            parsed.words.push(word.to_string());
        }
    }
}

/// A quoted phrase searches the unstemmed copies of title and body, so
/// `"visits"` finds "visits" and not "visit": `+("a b"~1)` becomes
/// `+((title_exact:"a b"~1 OR body_exact:"a b"~1))`, `title:"a b"` becomes
/// `title_exact:"a b"`. Returns `None` for a token without a quoted phrase,
/// an error for what the rewrite would only make obscure (`""`, `"a"~x`).
fn exact_phrase(token: &str) -> Result<Option<String>, String> {
    let sign_len = usize::from(token.starts_with(['+', '-']));
    let (sign, rest) = token.split_at(sign_len);
    let opened = rest.len() - rest.trim_start_matches('(').len();
    let (parens, rest) = rest.split_at(opened);
    let (field, rest) = match rest.split_once(':') {
        Some(("title", r)) => (Some("title_exact"), r),
        Some(("body", r)) => (Some("body_exact"), r),
        _ => (None, rest),
    };
    let Some(inner) = rest.strip_prefix('"') else {
        return Ok(None);
    };
    let Some(close) = inner.find('"') else {
        return Ok(None);
    };
    if inner[..close].trim().is_empty() {
        return Err("empty quotes: put words between them".to_string());
    }
    let phrase = &rest[..close + 2];
    let tail = &rest[close + 2..];
    let closes = tail.len() - tail.trim_end_matches(')').len();
    let (modifiers, closing) = tail.split_at(tail.len() - closes);
    if !modifiers_are_valid(modifiers) {
        return Err(format!(
            "after a quoted phrase, {modifiers:?} is not ~N (words apart) or ^N (weight), \
             e.g. \"fourth visit\"~2"
        ));
    }
    let query = match field {
        Some(f) => format!("{f}:{phrase}{modifiers}"),
        None => format!("(title_exact:{phrase}{modifiers} OR body_exact:{phrase}{modifiers})"),
    };
    Ok(Some(format!("{sign}{parens}{query}{closing}")))
}

/// `~2`, `^1.5`, both, or nothing.
fn modifiers_are_valid(modifiers: &str) -> bool {
    let mut rest = modifiers;
    while let Some(mark) = rest.chars().next() {
        let number = &rest[mark.len_utf8()..];
        let len = number
            .find(|c: char| !(c.is_ascii_digit() || (mark == '^' && c == '.')))
            .unwrap_or(number.len());
        if !matches!(mark, '~' | '^') || len == 0 {
            return false;
        }
        rest = &number[len..];
    }
    true
}

fn char_pos(s: &str, byte: usize) -> usize {
    s[..byte].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_split_from_text() {
        let q = parse(r#"Pompeo visit person:"Kim Jong Un" -country:Japan outlet:NBC"#).unwrap();
        assert_eq!(q.text, "Pompeo visit");
        assert_eq!(q.filters.len(), 3);
        assert_eq!(q.filters[0].field, "people");
        assert_eq!(q.filters[0].value, "Kim Jong Un");
        assert!(q.filters[1].negated);
        assert_eq!(q.words, vec!["Pompeo", "visit"]);
    }

    #[test]
    fn phrases_and_exclusions_for_highlighting() {
        let q = parse(r#""fourth visit" Pompeo -Trump"#).unwrap();
        assert_eq!(q.exact_phrases, vec!["fourth visit"]);
        assert_eq!(q.words, vec!["Pompeo"]);
        assert_eq!(
            q.text,
            r#"(title_exact:"fourth visit" OR body_exact:"fourth visit") Pompeo -Trump"#
        );
    }

    #[test]
    fn quoted_phrases_search_the_unstemmed_fields() {
        let text = |q: &str| parse(q).unwrap().text;
        assert_eq!(text(r#"title:"Visits""#), r#"title_exact:"Visits""#);
        assert_eq!(text(r#"body:"a b"~2"#), r#"body_exact:"a b"~2"#);
        assert_eq!(
            text(r#"-("a b")"#),
            r#"-((title_exact:"a b" OR body_exact:"a b"))"#
        );
        assert_eq!(text(r#"+"a""#), r#"+(title_exact:"a" OR body_exact:"a")"#);
        assert_eq!(text("plain words"), "plain words");
        assert_eq!(
            text(r#""a b"~2^1.5"#),
            r#"(title_exact:"a b"~2^1.5 OR body_exact:"a b"~2^1.5)"#
        );
        assert!(parse(r#""""#).unwrap_err().message.contains("empty quotes"));
        assert!(parse(r#"x "a"~"#).unwrap_err().message.contains("~N"));
        assert_eq!(parse(r#"x "a"~y"#).unwrap_err().position, Some(2));
        assert!(
            parse(r#""a"é"#).is_err(),
            "no panic on a multibyte modifier"
        );
        assert_eq!(
            parse("“fourth visit”").unwrap().exact_phrases,
            vec!["fourth visit"],
            "typographic quotes quote"
        );
    }

    #[test]
    fn bad_queries_say_where() {
        assert_eq!(parse(r#"a "b c"#).unwrap_err().position, Some(2));
        assert!(parse("(a b").unwrap_err().message.contains("unclosed"));
        assert!(parse("a b)").unwrap_err().message.contains("unbalanced"));
        assert!(parse("AND").is_err());
        assert!(parse("a OR").is_err());
        assert!(
            parse("foo:bar")
                .unwrap_err()
                .message
                .contains("unknown field")
        );
        assert!(parse("a\u{7}b").is_err());
        assert!(parse(&"x ".repeat(3000)).is_err());
        assert!(parse("person:").is_err());
    }
}
