//! CSV for spreadsheets: one row a hit, with a header row.

use anyhow::{Result, bail};

use crate::search::views::SearchOutcome;

/// The header row of `search --csv`.
pub const CSV_COLUMNS: [&str; 9] = [
    "rank", "score", "id", "title", "outlet", "date", "url", "people", "places",
];

/// `search --csv`: the header, then one row a hit (rank counts from `offset` + 1;
/// people and places joined with "; "; empty cells for a missing outlet, date or
/// url). Quoting is the csv crate's (RFC 4180: a field with a comma, quote or line
/// break is quoted, quotes doubled). Stories are not hits and have no rows.
pub fn search_csv(outcome: &SearchOutcome, offset: usize) -> Result<String> {
    let results = match outcome {
        SearchOutcome::Hits(results) => results,
        SearchOutcome::Stories { .. } => {
            bail!("--csv lists hits; --group-by story gives stories (use --json for those)")
        }
    };
    let mut out = ::csv::Writer::from_writer(Vec::new());
    out.write_record(CSV_COLUMNS)?;
    for (i, h) in results.hits.iter().enumerate() {
        out.write_record([
            (offset + i + 1).to_string(),
            format!("{:.4}", h.score),
            h.id.clone(),
            h.title.clone(),
            h.outlet.clone().unwrap_or_default(),
            h.date.clone().unwrap_or_default(),
            h.url.clone().unwrap_or_default(),
            h.people.join("; "),
            h.places.join("; "),
        ])?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes)?)
}
