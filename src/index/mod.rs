//! Index: the schema, and building and opening indexes on disk.

mod build;
pub mod schema;
mod stem_cache;
pub mod store;
pub mod stored;
mod words;

pub use build::{
    BuildOptions, BuildReport, UpdateCounts, build, prepare, prepare_with, to_document,
};
pub use schema::{Fields, SCHEMA_VERSION, build_schema};
