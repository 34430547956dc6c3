//! The command line: the commands and the arguments they share; each
//! command's arguments and runner live in `cli/`, main only dispatches.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand};

/// `println!` that returns write errors (a closed pipe) instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}

mod cli;

use communique::index::{self, BuildOptions, store};
use communique::render;
use communique::search::{Engine, parse_period};

/// Search engine for diplomatic news coverage: index a folder of articles,
/// then ask who covered what, when, and who was named.
#[derive(Parser)]
#[command(name = "communique", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build a fresh index from a folder of articles (.txt, .md, .json, .jsonl, .html, and .gz of those).
    ///
    /// Examples:
    ///   communique index corpus/
    ///   communique index ~/news --index ~/news-index --strict
    #[command(verbatim_doc_comment)]
    Index(cli::index::IndexArgs),
    /// Search the index: ranked hits with highlighted snippets and facet counts.
    ///
    /// Examples:
    ///   communique search "Pompeo fourth visit"
    ///   communique search '"fourth visit" person:"Kim Jong Un" -outlet:Breitbart' --json
    ///   communique search 'sanctions country:Iran' --since 2018 --sort date
    #[command(verbatim_doc_comment)]
    Search(cli::search::SearchArgs),
    /// Run ingest, cleaning and extraction without indexing; print each article.
    ///
    /// Examples:
    ///   communique extract corpus/
    ///   communique extract corpus/ --json
    #[command(verbatim_doc_comment)]
    Extract(cli::extract::ExtractArgs),
    /// Who said what about a query: the matching articles' quotations that match its words.
    ///
    /// Examples:
    ///   communique quotes denuclearization
    ///   communique quotes 'sanctions country:Iran' --by speaker --json
    ///   communique quotes summit --speaker Pompeo --csv > pompeo.csv
    #[command(verbatim_doc_comment)]
    Quotes(cli::quotes::QuotesArgs),
    /// Print one whole cleaned article with its metadata.
    ///
    /// Example:
    ///   communique show 000_3af7680843796fe3.txt --query "fourth visit"
    #[command(verbatim_doc_comment)]
    Show(cli::show::ShowArgs),
    /// Articles most like one article (by its distinctive words).
    ///
    /// Example:
    ///   communique similar reuters-9693 -n 5
    #[command(verbatim_doc_comment)]
    Similar(cli::show::SimilarArgs),
    /// Matching articles per period and per outlet, country or person, as a chart, JSON, CSV or SVG.
    ///
    /// Examples:
    ///   communique timeline "summit" --by outlet --interval month
    ///   communique timeline 'country:"North Korea"' --by outlet --normalize --svg nk.svg
    #[command(verbatim_doc_comment)]
    Timeline(cli::timeline::TimelineArgs),
    /// Group near-duplicate articles (wire copy, updates) of files or folders; JSON Lines {id, group}.
    ///
    /// Example:
    ///   communique duplicates corpus/ --threshold 0.5
    #[command(verbatim_doc_comment)]
    Duplicates(cli::extract::DuplicatesArgs),
    /// Measure query latency over a query set, or time a fresh index build.
    ///
    /// Examples:
    ///   communique bench --index /tmp/reuters-index --queries benches/queries.txt --json
    ///   communique bench --index-corpus ../shared/corpora/reuters21578 --runs 3
    #[command(verbatim_doc_comment)]
    Bench(cli::bench::BenchArgs),
    /// Print the index schema (the content of index-schema/schema.json).
    ///
    /// Example:
    ///   communique schema > schema.json
    #[command(verbatim_doc_comment)]
    Schema,
    /// Write the index's articles, cleaned and with every extracted field, to a table
    /// for pandas, R, DuckDB or a spreadsheet, or to files a search cluster loads.
    /// Streamed: memory stays flat whatever the size of the index.
    ///
    /// Formats: jsonl (as `extract --json`), csv (lists joined with "; ", quotes as
    /// JSON), parquet (list columns, quotation structs, a UTC timestamp); opensearch
    /// (a folder: index-template.json for OpenSearch or Elasticsearch 8, bulk-NNNN.ndjson
    /// files of at most 50 MB, a README with the curl commands) and quickwit (a folder:
    /// index-config.yaml and docs-NNNN.ndjson). Every row has a duplicate_group: the id
    /// of the first article of its near-duplicate group, over the whole index.
    ///
    /// Examples:
    ///   communique export --format parquet articles.parquet
    ///   communique export --format csv --query 'Pompeo Pyongyang' --since 2018 pompeo.csv
    ///   communique export --format opensearch cluster-load/
    #[command(verbatim_doc_comment)]
    Export(cli::export::ExportArgs),
    /// Serve a web page and a JSON API over the index.
    ///
    /// Examples:
    ///   communique serve --open
    ///   communique serve --index ~/news-index --port 8080 --cors http://localhost:8888
    #[command(verbatim_doc_comment)]
    Serve(cli::serve::ServeArgs),
    /// Print a shell completion script: bash, zsh, fish or powershell.
    ///
    /// Examples:
    ///   communique completions bash > ~/.local/share/bash-completion/completions/communique
    ///   communique completions zsh > ~/.zfunc/_communique
    ///   communique completions fish > ~/.config/fish/completions/communique.fish
    #[command(verbatim_doc_comment)]
    Completions(cli::completions::CompletionsArgs),
    /// Print the man page (roff).
    ///
    /// Example:
    ///   communique man > ~/.local/share/man/man1/communique.1
    #[command(verbatim_doc_comment)]
    Man,
}

#[derive(Args)]
pub(crate) struct IndexLocation {
    /// Index folder [default: $COMMUNIQUE_INDEX, else .communique in the current folder].
    /// e.g. --index ~/news-index
    #[arg(long, value_name = "DIR", global = true)]
    pub(crate) index: Option<PathBuf>,
}

impl IndexLocation {
    pub(crate) fn root(&self) -> PathBuf {
        self.index.clone().unwrap_or_else(store::default_root)
    }
}

/// `--since` / `--until`, shared by the commands that filter by date.
#[derive(Args)]
pub(crate) struct DateRange {
    /// Only articles on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.
    /// e.g. --since 2018-06
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only articles on or before this date (the whole month or year if given so).
    /// e.g. --until 2018 (to the end of 2018)
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
}

type Bounds = (
    Option<chrono::DateTime<chrono::Utc>>,
    Option<chrono::DateTime<chrono::Utc>>,
);

impl DateRange {
    pub(crate) fn bounds(&self) -> Result<Bounds> {
        let since = self
            .since
            .as_deref()
            .map(|s| parse_period(s, false))
            .transpose()
            .context("--since")?;
        let until = self
            .until
            .as_deref()
            .map(|s| parse_period(s, true))
            .transpose()
            .context("--until")?;
        Ok((since, until))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Index(args) => cli::index::run_index(args),
        Command::Search(args) => cli::search::run_search(args),
        Command::Extract(args) => cli::extract::run_extract(args),
        Command::Bench(args) => cli::bench::run_bench(args),
        Command::Duplicates(args) => cli::extract::run_duplicates(args),
        Command::Timeline(args) => cli::timeline::run_timeline(args),
        Command::Show(args) => cli::show::run_show(args),
        Command::Quotes(args) => cli::quotes::run(args),
        Command::Similar(args) => cli::show::run_similar(args),
        Command::Serve(args) => cli::serve::run(args),
        Command::Export(args) => cli::export::run_export(args),
        Command::Completions(args) => cli::completions::run_completions(args, Cli::command()),
        Command::Man => cli::completions::run_man(Cli::command()),
        Command::Schema => writeln!(std::io::stdout().lock(), "{}", schema_document())
            .map(|_| ExitCode::SUCCESS)
            .map_err(anyhow::Error::from),
    };
    match result {
        Ok(code) => code,
        // Output piped into `head` that closed early is not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("communique: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn schema_document() -> String {
    let doc = serde_json::json!({
        "schema_version": index::SCHEMA_VERSION,
        "tokenizers": {
            "news": "SimpleTokenizer, RemoveLongFilter(40), LowerCaser, AsciiFoldingFilter, Stemmer(English)"
        },
        "fields": index::build_schema(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Opens the index to search. At the default location, a missing index, or
/// one from an older version, is (re)built from `./corpus` first, so a new
/// user's first command works.
pub(crate) fn open_engine(location: &IndexLocation) -> Result<Engine> {
    let root = location.root();
    if location.index.is_none() && !store::usable(&root) {
        build_from_local_corpus(&root)?;
    }
    Engine::open(&root)
}

fn build_from_local_corpus(root: &Path) -> Result<()> {
    let corpus = Path::new("corpus");
    if !corpus.is_dir() {
        return Ok(());
    }
    eprintln!(
        "no index yet: building one from {} into {}",
        corpus.display(),
        root.display()
    );
    let mut options = BuildOptions::new(corpus.to_path_buf(), root.to_path_buf());
    options.progress = std::io::stderr().is_terminal();
    options.rebuild = true;
    let report = index::build(&options)?;
    eprint!(
        "{}",
        render::render_summary(&report, &root.display().to_string())
    );
    Ok(())
}
