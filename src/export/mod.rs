//! Export: the index's articles, cleaned and extracted, out to tables for
//! analysis (JSON Lines, CSV, Parquet) or to files a search cluster loads
//! (OpenSearch / Elasticsearch, Quickwit). Streamed: one article in memory at
//! a time, whatever the size of the index.

pub mod cluster;
pub mod rows;
pub mod table;
mod yaml;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;

use crate::search::{Engine, SearchRequest, query};
pub use rows::ExportRow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// One JSON object a line, as `extract --json` prints (one file).
    Jsonl,
    /// One row an article, lists joined with "; " (one file).
    Csv,
    /// Typed columns: lists, a list of quotation structs, a timestamp (one file).
    Parquet,
    /// A folder: index template and `_bulk` files for OpenSearch or Elasticsearch 8.
    Opensearch,
    /// A folder: index config and NDJSON documents for Quickwit.
    Quickwit,
}

/// What to export: a query and filters (none: every article), and where.
pub struct ExportOptions {
    pub format: Format,
    pub out: PathBuf,
    pub request: SearchRequest,
    /// Draw a progress bar on stderr.
    pub progress: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportReport {
    pub articles: u64,
    pub files: Vec<(PathBuf, u64)>,
    pub seconds: f64,
}

/// Where rows go: a file or a folder of files in one format.
pub(crate) trait Sink {
    fn write(&mut self, row: &ExportRow) -> Result<()>;
    /// Flushes and closes; returns the files written.
    fn finish(self: Box<Self>) -> Result<Vec<PathBuf>>;
}

fn open_sink(
    format: Format,
    out: &Path,
    schema: &tantivy::schema::Schema,
) -> Result<Box<dyn Sink>> {
    Ok(match format {
        Format::Jsonl => Box::new(table::JsonLines::create(out)?),
        Format::Csv => Box::new(table::Csv::create(out)?),
        Format::Parquet => Box::new(table::Parquet::create(out)?),
        Format::Opensearch => Box::new(cluster::ClusterFolder::opensearch(out, schema)?),
        Format::Quickwit => Box::new(cluster::ClusterFolder::quickwit(out, schema)?),
    })
}

/// Writes every article the request selects (its query, or every article
/// when the query is empty, within its dates and language).
pub fn export(engine: &Engine, options: &ExportOptions) -> Result<ExportReport> {
    let started = std::time::Instant::now();
    let request = &options.request;
    let query = if request.query.trim().is_empty() {
        query::compile_filters(engine, request)
    } else {
        engine.compile(&request.query, request)?.query
    };
    // Counting is a pass over the matches: only a drawn bar needs the total.
    let total = if options.progress {
        query.count(&engine.reader.searcher())? as u64
    } else {
        0
    };
    let bar = crate::render::progress_bar(
        options.progress,
        total,
        "{spinner} exporting [{bar:30}] {pos}/{len} articles ({elapsed})",
    );
    // One-file formats are written beside OUT and renamed when complete, so
    // an interrupted export never leaves a truncated file under OUT's name.
    let one_file = matches!(
        options.format,
        Format::Jsonl | Format::Csv | Format::Parquet
    );
    let target = if one_file {
        partial_path(&options.out)
    } else {
        options.out.clone()
    };
    let mut articles = 0u64;
    let result = (|| {
        let mut sink = open_sink(options.format, &target, &engine.index.schema())?;
        rows::for_each_row(engine, query.as_ref(), |row| {
            sink.write(&row)
                .with_context(|| format!("cannot write article {}", row.article.id))?;
            articles += 1;
            bar.inc(1);
            Ok(())
        })?;
        sink.finish()
    })();
    bar.finish_and_clear();
    let mut written = match result {
        Ok(written) => written,
        Err(e) => {
            if one_file {
                let _ = std::fs::remove_file(&target);
            }
            return Err(e);
        }
    };
    if one_file {
        std::fs::rename(&target, &options.out)
            .with_context(|| format!("cannot write {}", options.out.display()))?;
        written = vec![options.out.clone()];
    }
    let files = written
        .into_iter()
        .map(|p| {
            let size = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
            (p, size)
        })
        .collect();
    Ok(ExportReport {
        articles,
        files,
        seconds: started.elapsed().as_secs_f64(),
    })
}

fn partial_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    out.with_file_name(name)
}
