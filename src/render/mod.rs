//! Render: search results as text for people or JSON for programs.

mod json;
mod text;

pub use json::{results_json, article_json};
pub use text::{Style, render_results, render_summary};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}
