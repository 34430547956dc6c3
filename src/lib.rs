//! communique: a search engine for diplomatic news coverage.
//!
//! The pipeline, one module a stage: [`ingest`] reads a corpus folder into raw
//! [`Article`]s, [`clean`] strips furniture from their text, [`extract`] finds
//! outlet, date, authors, people and places, [`index`] writes them to a
//! tantivy index, [`search`] answers queries with hits, snippets and facets,
//! [`render`] prints those for people or programs, and [`serve`] offers them
//! as a web page and a JSON API; [`export`] writes the articles out as tables
//! or as files a search cluster loads.

pub mod article;
pub mod bench;
pub mod clean;
pub mod coverage;
pub mod export;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod lang;
pub mod render;
pub mod search;
pub mod serve;

pub use article::Article;
