//! Each command's runner, one file a command; `main.rs` only parses and dispatches.

pub mod quotes;
