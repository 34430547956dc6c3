//! Each command's runner, one file a command (main.rs only dispatches).

pub mod completions;
pub mod quotes;
pub mod serve;
