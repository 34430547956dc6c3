//! The query language, in stages: `lexer` (text to tokens: syntax only where
//! it cannot be text), `grammar` (tokens to the typed `tree`), `concepts`
//! (what a run of words means: a name and its aliases, an ordinal's twin,
//! a function word), `compile` (tree to tantivy queries). tantivy's own
//! query parser never sees what a reader typed.

pub mod compile;
pub mod concepts;
pub mod grammar;
pub mod lexer;
pub mod tree;

pub use compile::{Compiled, Marks, TITLE_WEIGHT, compile, compile_filters};
pub use grammar::parse;
pub use lexer::MAX_QUERY_CHARS;
pub use tree::{
    Clause, Filter, NameField, Node, Occur, Phrase, QueryError, QueryTree, Scope, Span, Word,
};
