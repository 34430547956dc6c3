//! Tokens to the query tree.
//!
//! ```text
//! query   := seq
//! seq     := or*                       side by side: each a clause of the group
//! or      := and ("OR" and)*           alternatives: one concept
//! and     := unary ("AND" unary)*      every operand required
//! unary   := "NOT" unary | SIGN primary | primary
//! primary := WORD | PHRASE | "(" seq ")" | FIELD primary
//! ```
//! `AND` binds tighter than `OR`, and both tighter than words side by side:
//! `Pompeo visit OR trip` is `Pompeo (visit OR trip)`. An operator with no
//! term on one side is a word.

use super::lexer::{FieldName, Token, TokenKind, lex};
use super::tree::{Clause, Filter, Node, Occur, Phrase, QueryError, QueryTree, Scope, Word};

/// Parses what a reader typed. Errors only for what cannot be text (see
/// `QueryError`); quotes and parentheses left open are closed at the end,
/// with a notice.
pub fn parse(query: &str) -> Result<QueryTree, QueryError> {
    let lexed = lex(query)?;
    let mut parser = Parser {
        tokens: lexed.tokens,
        at: 0,
        notices: lexed.notices,
    };
    let root = parser.seq()?;
    Ok(QueryTree {
        root,
        notices: parser.notices,
        all_capitals: lexed.all_capitals,
    })
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
    notices: Vec<String>,
}

/// What `and` found: one clause, or the operands of an AND chain (which,
/// side by side with other clauses, join their group as required clauses).
enum Operand {
    One(Clause),
    All(Vec<Clause>),
}

impl Parser {
    fn peek(&self, offset: usize) -> Option<&TokenKind> {
        self.tokens.get(self.at + offset).map(|t| &t.kind)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    /// Whether the token at `offset` can start a term.
    fn starts_term(&self, offset: usize) -> bool {
        match self.peek(offset) {
            Some(TokenKind::Not) => self.starts_term(offset + 1),
            Some(TokenKind::Close | TokenKind::And | TokenKind::Or) | None => false,
            Some(_) => true,
        }
    }

    fn seq(&mut self) -> Result<Vec<Clause>, QueryError> {
        let mut clauses = Vec::new();
        while let Some(kind) = self.peek(0) {
            if *kind == TokenKind::Close {
                self.at += 1;
                break;
            }
            match self.or()? {
                Some(Operand::One(c)) => clauses.push(c),
                Some(Operand::All(all)) => clauses.extend(all),
                None => {}
            }
        }
        Ok(clauses)
    }

    fn or(&mut self) -> Result<Option<Operand>, QueryError> {
        let Some(first) = self.and()? else {
            return Ok(None);
        };
        let mut alternatives = Vec::new();
        while self.peek(0) == Some(&TokenKind::Or) && self.starts_term(1) {
            self.at += 1;
            if let Some(next) = self.and()? {
                alternatives.push(into_clause(next));
            }
        }
        if alternatives.is_empty() {
            return Ok(Some(first));
        }
        alternatives.insert(0, into_clause(first));
        Ok(Some(Operand::One(Clause {
            occur: Occur::Should,
            node: Node::Any(alternatives),
        })))
    }

    fn and(&mut self) -> Result<Option<Operand>, QueryError> {
        let Some(first) = self.unary()? else {
            return Ok(None);
        };
        let mut operands = vec![first];
        while self.peek(0) == Some(&TokenKind::And) && self.starts_term(1) {
            self.at += 1;
            if let Some(next) = self.unary()? {
                operands.push(next);
            }
        }
        if operands.len() == 1 {
            return Ok(operands.pop().map(Operand::One));
        }
        for c in &mut operands {
            if c.occur == Occur::Should {
                c.occur = Occur::Must;
            }
        }
        Ok(Some(Operand::All(operands)))
    }

    fn unary(&mut self) -> Result<Option<Clause>, QueryError> {
        match self.peek(0) {
            Some(TokenKind::Not) if self.starts_term(1) => {
                self.at += 1;
                Ok(self.unary()?.map(|c| Clause {
                    occur: Occur::MustNot,
                    node: c.node,
                }))
            }
            Some(TokenKind::Sign(occur)) => {
                let occur = *occur;
                self.at += 1;
                Ok(self
                    .primary(Scope::TitleAndBody)?
                    .map(|node| Clause { occur, node }))
            }
            _ => Ok(self.primary(Scope::TitleAndBody)?.map(|node| Clause {
                occur: Occur::Should,
                node,
            })),
        }
    }

    fn primary(&mut self, scope: Scope) -> Result<Option<Node>, QueryError> {
        let Some(token) = self.next() else {
            return Ok(None);
        };
        let span = token.span;
        Ok(match token.kind {
            TokenKind::Word { text, fuzzy } => Some(Node::Word(Word {
                text,
                span,
                scope,
                fuzzy,
            })),
            TokenKind::Phrase { text, slop } => {
                if text.trim().is_empty() {
                    self.notices.push(format!(
                        "empty quotes at character {} ignored",
                        span.start + 1
                    ));
                    None
                } else {
                    Some(Node::Phrase(Phrase {
                        text,
                        span,
                        scope,
                        slop,
                    }))
                }
            }
            TokenKind::Open => {
                let inner = self.seq()?;
                (!inner.is_empty()).then(|| Node::Group(scoped(inner, scope)))
            }
            // A stray operator (the lexer only makes these between words) is a word.
            kind @ (TokenKind::And | TokenKind::Or | TokenKind::Not) => {
                let text = match kind {
                    TokenKind::And => "AND",
                    TokenKind::Or => "OR",
                    _ => "NOT",
                };
                Some(Node::Word(Word {
                    text: text.into(),
                    span,
                    scope,
                    fuzzy: None,
                }))
            }
            TokenKind::Close => None,
            TokenKind::Sign(_) => self.primary(scope)?,
            TokenKind::Field(FieldName::Text(inner)) => self.primary(inner)?,
            TokenKind::Field(FieldName::Names(field)) => {
                let value = self.primary(Scope::TitleAndBody)?;
                let node = value.and_then(|v| as_filter(v, field));
                if node.is_none() {
                    let name = field.index_field();
                    return Err(QueryError {
                        message: format!(
                            "{name} filter needs a value, e.g. {name}:\"North Korea\""
                        ),
                        position: Some(span.start),
                    });
                }
                node
            }
        })
    }
}

fn into_clause(operand: Operand) -> Clause {
    match operand {
        Operand::One(c) => c,
        Operand::All(all) => Clause {
            occur: Occur::Should,
            node: Node::Group(all),
        },
    }
}

/// `title:(a "b c")`: the field applies to every word and phrase inside.
fn scoped(clauses: Vec<Clause>, scope: Scope) -> Vec<Clause> {
    if scope == Scope::TitleAndBody {
        return clauses;
    }
    clauses
        .into_iter()
        .map(|c| Clause {
            occur: c.occur,
            node: with_scope(c.node, scope),
        })
        .collect()
}

fn with_scope(node: Node, scope: Scope) -> Node {
    match node {
        Node::Word(w) => Node::Word(Word { scope, ..w }),
        Node::Phrase(p) => Node::Phrase(Phrase { scope, ..p }),
        Node::Group(inner) => Node::Group(scoped(inner, scope)),
        Node::Any(inner) => Node::Any(scoped(inner, scope)),
        filter @ Node::Filter(_) => filter,
    }
}

/// `person:(Pompeo OR Nauert)`: every word or phrase inside names a value.
fn as_filter(node: Node, field: super::tree::NameField) -> Option<Node> {
    let filter = |value: String, span| {
        let value = value.trim().to_string();
        (!value.is_empty()).then_some(Node::Filter(Filter { field, value, span }))
    };
    match node {
        Node::Word(w) => filter(w.text, w.span),
        Node::Phrase(p) => filter(p.text, p.span),
        Node::Filter(f) => Some(Node::Filter(f)),
        Node::Group(inner) | Node::Any(inner) if inner.is_empty() => None,
        Node::Group(inner) => Some(Node::Group(filters_of(inner, field)?)),
        Node::Any(inner) => Some(Node::Any(filters_of(inner, field)?)),
    }
}

fn filters_of(clauses: Vec<Clause>, field: super::tree::NameField) -> Option<Vec<Clause>> {
    clauses
        .into_iter()
        .map(|c| {
            Some(Clause {
                occur: c.occur,
                node: as_filter(c.node, field)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tree::NameField;
    use super::*;

    fn words(clauses: &[Clause]) -> Vec<(Occur, String)> {
        clauses
            .iter()
            .map(|c| match &c.node {
                Node::Word(w) => (c.occur, w.text.clone()),
                Node::Phrase(p) => (c.occur, format!("\"{}\"", p.text)),
                Node::Filter(f) => (c.occur, format!("{:?}={}", f.field, f.value)),
                Node::Group(g) => (c.occur, format!("({})", render(g))),
                Node::Any(g) => (c.occur, format!("any({})", render(g))),
            })
            .collect()
    }

    fn render(clauses: &[Clause]) -> String {
        words(clauses)
            .into_iter()
            .map(|(o, w)| match o {
                Occur::Must => format!("+{w}"),
                Occur::MustNot => format!("-{w}"),
                Occur::Should => w,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn tree(q: &str) -> String {
        render(&parse(q).unwrap().root)
    }

    #[test]
    fn headlines_are_words() {
        assert_eq!(
            tree("Opinion: Benghazi, Bergdahl and Hamas"),
            "Opinion: Benghazi, Bergdahl and Hamas"
        );
        assert_eq!(
            tree("Pompeo's fourth visit to Pyongyang"),
            "Pompeo's fourth visit to Pyongyang"
        );
        assert_eq!(
            tree("purolator <pcc> director quits"),
            "purolator <pcc> director quits"
        );
    }

    #[test]
    fn operators_between_terms_only() {
        assert_eq!(tree("a AND b c"), "+a +b c");
        assert_eq!(tree("a b OR c d"), "a any(b c) d");
        assert_eq!(tree("a AND b OR c"), "any((+a +b) c)");
        assert_eq!(tree("a NOT b"), "a -b");
        assert_eq!(tree("NOT b"), "-b");
        assert_eq!(tree("pompeo AND"), "pompeo AND");
        assert_eq!(tree("OR visit"), "OR visit");
        assert_eq!(tree("a OR OR b"), "a any(OR b)", "the first OR is a word");
        assert_eq!(tree("NOT"), "NOT");
    }

    #[test]
    fn groups_fields_and_filters() {
        assert_eq!(tree("-(a b) c"), "-(a b) c");
        assert_eq!(tree("((((pompeo))))"), "((((pompeo))))");
        let t = parse("title:(a \"b c\")").unwrap();
        let mut scopes = Vec::new();
        t.walk(|n, _| match n {
            Node::Word(w) => scopes.push(w.scope),
            Node::Phrase(p) => scopes.push(p.scope),
            _ => {}
        });
        assert_eq!(scopes, vec![Scope::Title, Scope::Title]);
        assert_eq!(
            tree("person:(Pompeo OR \"Heather Nauert\") -country:Japan"),
            "(any(People=Pompeo People=Heather Nauert)) -Countries=Japan"
        );
        let f = parse("x person:\"Kim Jong Un\"").unwrap();
        assert_eq!(f.filters()[0].field, NameField::People);
        assert_eq!(f.filters()[0].value, "Kim Jong Un");
    }

    #[test]
    fn only_what_cannot_be_text_is_an_error() {
        assert!(parse("person:\"\"").is_err());
        assert!(parse("person:").is_err());
        assert!(parse("").is_err());
        for fine in ["\"\"", "***", "\\", ":", ")(", "a b)", "[1 TO 2]", "\"a"] {
            assert!(parse(fine).is_ok(), "{fine}");
        }
        let t = parse("\"\" visit").unwrap();
        assert_eq!(render(&t.root), "visit");
        assert_eq!(t.notices.len(), 1);
    }
}
