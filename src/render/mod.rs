//! Render: search results as text for people, JSON for programs, CSV for spreadsheets.

mod csv_rows;
mod json;
mod progress;
mod text;

pub use csv_rows::{CSV_COLUMNS, search_csv};
pub use json::{article_json, article_view_json, results_json, search_json, similar_json};
pub use progress::progress_bar;
pub use text::{Style, quoted, render_article, render_results, render_summary};

use crate::search::Hit;

/// Keeps each outlet's best hit, in rank order, at most `limit` outlets.
pub fn best_per_outlet(hits: Vec<Hit>, limit: usize) -> Vec<Hit> {
    let mut seen = std::collections::HashSet::new();
    hits.into_iter()
        .filter(|h| seen.insert(h.outlet.clone()))
        .take(limit)
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}
