//! `communique export`: the index's articles out to a table or a cluster.

use super::prelude::*;
use communique::export::{self, ExportOptions, Format};

#[derive(Args)]
pub(crate) struct ExportArgs {
    /// The file to write (jsonl, csv, parquet) or a new folder (opensearch, quickwit).
    /// e.g. articles.parquet
    #[arg(value_name = "OUT")]
    out: PathBuf,
    #[arg(long, value_enum)]
    format: Format,
    /// Only the articles this query matches, as search reads it [default: every
    /// article]. e.g. --query 'Pompeo said:"Kim Jong Un"'
    #[arg(long, short = 'q', value_name = "QUERY")]
    query: Option<String>,
    /// Only articles in this language (ISO 639-1 code or name). e.g. --lang ko
    #[arg(long)]
    lang: Option<String>,
    #[command(flatten)]
    dates: DateRange,
    #[command(flatten)]
    location: IndexLocation,
    /// No summary on stderr. e.g. --quiet
    #[arg(long)]
    quiet: bool,
}

pub(crate) fn run_export(args: ExportArgs) -> Result<ExitCode> {
    let engine = open_engine(&args.location)?;
    let (since, until) = args.dates.bounds()?;
    let options = ExportOptions {
        format: args.format,
        out: args.out,
        request: SearchRequest {
            query: args.query.unwrap_or_default(),
            since,
            until,
            language: args.lang,
            ..SearchRequest::default()
        },
        progress: std::io::stderr().is_terminal() && !args.quiet,
    };
    let report = export::export(&engine, &options)?;
    if !args.quiet {
        let bytes: u64 = report.files.iter().map(|(_, n)| n).sum();
        eprintln!(
            "exported {} articles to {} ({} file{}, {:.1} MB) in {:.1} s",
            report.articles,
            options.out.display(),
            report.files.len(),
            if report.files.len() == 1 { "" } else { "s" },
            bytes as f64 / 1e6,
            report.seconds
        );
    }
    Ok(ExitCode::SUCCESS)
}
