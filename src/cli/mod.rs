//! Each command's runner and arguments, one file a command (main.rs only dispatches).

pub mod bench;
pub mod completions;
pub mod export;
pub mod extract;
pub mod index;
pub mod quotes;
pub mod search;
pub mod serve;
pub mod show;
pub mod timeline;

/// What the runners share: the standard and library items they all use,
/// and the arguments main.rs defines for every command.
mod prelude {
    #![allow(unused_imports)]
    pub(crate) use std::io::{IsTerminal, Write};
    pub(crate) use std::path::{Path, PathBuf};
    pub(crate) use std::process::ExitCode;

    pub(crate) use anyhow::{Context, Result};
    pub(crate) use clap::Args;

    pub(crate) use communique::index::{self, BuildOptions, store};
    pub(crate) use communique::render::{self, ColorChoice, Style};
    pub(crate) use communique::search::{Engine, Interval, SearchRequest, SortOrder};

    pub(crate) use crate::{DateRange, IndexLocation, open_engine};
}
