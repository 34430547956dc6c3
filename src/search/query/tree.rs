//! The query tree: what a reader asked for, once parsed. Every later step
//! (compiling, highlighting, suggestions, benchmark classes) reads this tree,
//! never the text again.

use std::fmt;

/// Characters `start..end` of the query as typed (not bytes: error messages
/// and suggestions speak in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// How a clause takes part in its group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occur {
    /// Plain: matches add to the score; articles with every concept rank first.
    Should,
    /// `+word`, or an operand of `AND`.
    Must,
    /// `-word`, or after `NOT`.
    MustNot,
}

/// Which text fields a word or phrase searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    TitleAndBody,
    Title,
    Body,
}

/// A field of canonical names that `name:value` filters on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameField {
    Outlet,
    People,
    Places,
    Countries,
    Authors,
    /// `said:Pompeo`: articles that quote the person.
    Speakers,
    Language,
}

impl NameField {
    /// The index field holding these names.
    pub fn index_field(self) -> &'static str {
        match self {
            NameField::Outlet => "outlet",
            NameField::People => "people",
            NameField::Places => "places",
            NameField::Countries => "countries",
            NameField::Authors => "authors",
            NameField::Speakers => "speakers",
            NameField::Language => "language",
        }
    }

    /// The index field a filter matches: people, places and countries
    /// match every name an article has, not only the salient ones.
    pub fn filter_field(self) -> &'static str {
        match self {
            NameField::People => "people_named",
            NameField::Places => "places_named",
            NameField::Countries => "countries_named",
            other => other.index_field(),
        }
    }
}

/// A word as typed (`Pompeo's`, `<pcc>`, `4th`), analysed only when compiled.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    pub span: Span,
    pub scope: Scope,
    /// `word~` (None: the default distance for its length) or `word~N`.
    pub fuzzy: Option<Option<u8>>,
}

/// A quoted phrase: matched word for word, unstemmed.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub text: String,
    pub span: Span,
    pub scope: Scope,
    /// `"a b"~N`: the words may stand up to N positions apart.
    pub slop: u32,
}

/// `person:"Kim Jong Un"`: articles whose extracted names include it (any alias).
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    pub field: NameField,
    pub value: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Word(Word),
    Phrase(Phrase),
    Filter(Filter),
    /// Clauses side by side (the whole query, or parentheses).
    Group(Vec<Clause>),
    /// `a OR b OR c`: alternatives of one concept.
    Any(Vec<Clause>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub occur: Occur,
    pub node: Node,
}

/// A parsed query: the tree, and what the parser repaired on the way.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QueryTree {
    pub root: Vec<Clause>,
    /// One line each: an unclosed quote or parenthesis closed at the end, ...
    pub notices: Vec<String>,
    /// Typed all in capitals (as wire headlines are): AND/OR/NOT are words
    /// then, and capitals say nothing about acronyms.
    pub all_capitals: bool,
}

impl QueryTree {
    /// Every clause of the tree, depth first, with the occur it inherits
    /// (a word under `-( ... )` is excluded whatever its own mark).
    pub fn walk(&self, mut visit: impl FnMut(&Node, Occur)) {
        fn go(clauses: &[Clause], parent: Occur, visit: &mut impl FnMut(&Node, Occur)) {
            for clause in clauses {
                let occur = if parent == Occur::MustNot || clause.occur == Occur::MustNot {
                    Occur::MustNot
                } else {
                    clause.occur
                };
                visit(&clause.node, occur);
                if let Node::Group(inner) | Node::Any(inner) = &clause.node {
                    go(inner, occur, visit);
                }
            }
        }
        go(&self.root, Occur::Should, &mut visit);
    }

    /// The filters anywhere in the tree.
    pub fn filters(&self) -> Vec<&Filter> {
        let mut out = Vec::new();
        fn go<'a>(clauses: &'a [Clause], out: &mut Vec<&'a Filter>) {
            for c in clauses {
                match &c.node {
                    Node::Filter(f) => out.push(f),
                    Node::Group(inner) | Node::Any(inner) => go(inner, out),
                    _ => {}
                }
            }
        }
        go(&self.root, &mut out);
        out
    }

    /// Nothing but words side by side: no quotes, signs, operators, groups or fields.
    pub fn is_plain_words(&self) -> bool {
        !self.root.is_empty()
            && self.root.iter().all(|c| {
                c.occur == Occur::Should
                    && matches!(&c.node, Node::Word(w) if w.scope == Scope::TitleAndBody && w.fuzzy.is_none())
            })
    }
}

/// A query we cannot run: empty, too long, a control character, a filter
/// without a value. Everything else is text.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryError {
    pub message: String,
    /// Character position (0-based) of the problem.
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
