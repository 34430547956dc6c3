//! Each command's runner, one file a command (main.rs only dispatches).

pub mod quotes;
pub mod serve;
