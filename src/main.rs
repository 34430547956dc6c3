//! The command line: argument definitions and the glue between stages.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand};
use rayon::prelude::*;

mod cli;

use communique::bench;
use communique::clean::{Cleaner, Furniture};
use communique::extract::Extractor;
use communique::index::{self, BuildOptions, store};
use communique::ingest::{self, Item};
use communique::render::{self, ColorChoice, Style};
use communique::search::views::{self, Grouping, SearchOutcome, SearchParams};
use communique::search::{Engine, Interval, SearchRequest, SortOrder, parse_period};

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
    Index(IndexArgs),
    /// Search the index: ranked hits with highlighted snippets and facet counts.
    ///
    /// Examples:
    ///   communique search "Pompeo fourth visit"
    ///   communique search '"fourth visit" person:"Kim Jong Un" -outlet:Breitbart' --json
    ///   communique search 'sanctions country:Iran' --since 2018 --sort date
    #[command(verbatim_doc_comment)]
    Search(SearchArgs),
    /// Run ingest, cleaning and extraction without indexing; print each article.
    ///
    /// Examples:
    ///   communique extract corpus/
    ///   communique extract corpus/ --json
    #[command(verbatim_doc_comment)]
    Extract(ExtractArgs),
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
    Show(ShowArgs),
    /// Articles most like one article (by its distinctive words).
    ///
    /// Example:
    ///   communique similar reuters-9693 -n 5
    #[command(verbatim_doc_comment)]
    Similar(SimilarArgs),
    /// Matching articles per period and per outlet, country or person, as a chart, JSON, CSV or SVG.
    ///
    /// Examples:
    ///   communique timeline "summit" --by outlet --interval month
    ///   communique timeline 'country:"North Korea"' --by outlet --normalize --svg nk.svg
    #[command(verbatim_doc_comment)]
    Timeline(TimelineArgs),
    /// Group near-duplicate articles (wire copy, updates) of files or folders; JSON Lines {id, group}.
    ///
    /// Example:
    ///   communique duplicates corpus/ --threshold 0.5
    #[command(verbatim_doc_comment)]
    Duplicates(DuplicatesArgs),
    /// Measure query latency over a query set, or time a fresh index build.
    ///
    /// Examples:
    ///   communique bench --index /tmp/reuters-index --queries benches/queries.txt --json
    ///   communique bench --index-corpus ../shared/corpora/reuters21578 --runs 3
    #[command(verbatim_doc_comment)]
    Bench(BenchArgs),
    /// Print the index schema (the content of index-schema/schema.json).
    ///
    /// Example:
    ///   communique schema > schema.json
    #[command(verbatim_doc_comment)]
    Schema,
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
struct IndexLocation {
    /// Index folder [default: $COMMUNIQUE_INDEX, else .communique in the current folder].
    /// e.g. --index ~/news-index
    #[arg(long, value_name = "DIR", global = true)]
    index: Option<PathBuf>,
}

impl IndexLocation {
    fn root(&self) -> PathBuf {
        self.index.clone().unwrap_or_else(store::default_root)
    }
}

/// `--since` / `--until`, shared by the commands that filter by date.
#[derive(Args)]
struct DateRange {
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
    fn bounds(&self) -> Result<Bounds> {
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

#[derive(Args)]
struct IndexArgs {
    /// Folder of articles, read recursively. e.g. corpus/
    corpus: PathBuf,
    #[command(flatten)]
    location: IndexLocation,
    /// Exit with status 3 when any file or record was skipped. e.g. --strict in CI
    #[arg(long)]
    strict: bool,
    /// Build a fresh index even when one of this folder exists (default: update it,
    /// re-reading only new and changed files and removing deleted ones). e.g. --rebuild
    #[arg(long)]
    rebuild: bool,
    /// Threads for tantivy's writer [default: one per core; cleaning and
    /// extraction use every core too]. e.g. --threads 1
    #[arg(long)]
    threads: Option<usize>,
    /// No progress bar and no summary. e.g. -q in scripts
    #[arg(long, short)]
    quiet: bool,
    /// List every skipped file, not just the first 20. e.g. -v
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Args)]
struct SearchArgs {
    /// The query, typed or pasted as it is: words, "exact phrases", +must, -not,
    /// AND/OR/NOT, (groups), word~, title:/body:, outlet:/person:/place:/country:/author:.
    /// e.g. 'Pompeo "fourth visit" country:"North Korea" -outlet:Breitbart'
    ///
    /// Syntax counts only where it cannot be text; everything else is words:
    ///   Pompeo's fourth visit      words; "Pompeo's" finds Pompeo; fourth = 4th
    ///   Opinion: Kim's letter      "Opinion:" names no field: a word like the others
    ///   purolator <pcc> quits      <pcc> is the word pcc; & % / ^ * ? ! @ # emoji: text
    ///   "fourth visit"             a phrase, word for word, unstemmed ("fourth visit"~2: 2 apart)
    ///   +Pompeo -Trump             + and - only at the start of a word: required, excluded
    ///   Pompeo AND Kim             AND/OR/NOT only in capitals between terms; a query typed
    ///   visit OR trip              all in capitals (a wire headline) has no operators or signs
    ///   Kim (Moon OR Trump)        parentheses group; AND binds tighter than OR, both
    ///                              tighter than words side by side
    ///   Pompao~  Pompao~1          fuzzy: within 1-2 edits (--fuzzy: every word)
    ///   title:visit body:"a b"     search one field; title:(a b) every word inside
    ///   person:"Kim Jong Un"       filter on canonical names, any alias; also outlet:,
    ///   country:(Japan OR China)   place:, author: (and plurals); -country:Japan excludes
    /// A known field followed by a space ("person: Pompeo") is read as words, with a notice.
    /// An unclosed quote or parenthesis closes at the end of the query, with a notice
    /// (stderr; "notices" in --json). Errors only for an empty query, one over 4,000
    /// characters, control characters and a filter without a value, with the position.
    query: String,
    #[command(flatten)]
    location: IndexLocation,
    /// Hits to show. e.g. -n 3
    #[arg(long, short = 'n', default_value_t = 10)]
    limit: usize,
    /// Hits to skip (for paging). e.g. --offset 10 for the second page
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Order of hits. e.g. --sort date (newest first)
    #[arg(long, value_enum, default_value_t = SortOrder::Relevance)]
    sort: SortOrder,
    #[command(flatten)]
    dates: DateRange,
    /// Snippet fragments per hit. e.g. --fragments 0 for titles only
    #[arg(long, default_value_t = 2)]
    fragments: usize,
    /// Approximate characters per fragment. e.g. --fragment-size 400
    #[arg(long, default_value_t = 200)]
    fragment_size: usize,
    /// Values shown per facet. e.g. --facet-limit 25
    #[arg(long, default_value_t = 10)]
    facet_limit: usize,
    /// Date facet buckets [default: chosen from the span of the matches]. e.g. --interval week
    #[arg(long, value_enum)]
    interval: Option<Interval>,
    /// Only facet counts, no hits. e.g. --facet-only --facet outlet
    #[arg(long)]
    facet_only: bool,
    /// One JSON object on stdout (highlights as character offsets). e.g. --json | jq .total
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// CSV on stdout for spreadsheets, one row a hit: rank, score, id, title, outlet,
    /// date, url, people, places (lists joined with "; "). e.g. --csv -n 100 > hits.csv
    #[arg(long, conflicts_with_all = ["html", "facet_only"])]
    csv: bool,
    /// Colour highlights: auto (on a terminal, unless NO_COLOR is set), always, never.
    /// e.g. --color always | less -R
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Highlight with <mark> tags. e.g. --html > hits.html
    #[arg(long)]
    html: bool,
    /// Facets to count, repeatable: outlet, people, places, countries, authors, speakers
    /// (who is quoted), language, date
    /// [default: all]. e.g. --facet people --facet date
    #[arg(long = "facet", value_name = "FIELD")]
    facet: Vec<String>,
    /// Only articles in this language: an ISO 639-1 code or a name, as `lang:` takes.
    /// e.g. --lang fr, --lang Korean
    #[arg(long, value_name = "LANGUAGE")]
    lang: Option<String>,
    /// Match every word within one or two typos (a single word: write it `word~`).
    /// e.g. "Pompao visit" --fuzzy
    #[arg(long)]
    fuzzy: bool,
    /// Show near-duplicates (the same wire story in several outlets) as separate hits.
    /// e.g. --no-collapse
    #[arg(long)]
    no_collapse: bool,
    /// Show, for each hit, which fields and terms matched and what each added to the score.
    /// e.g. --explain -n 3
    #[arg(long)]
    explain: bool,
    /// `outlet`: the best hit per outlet (how each outlet covered it); `story`: the
    /// stories among the matches (articles about one event across outlets).
    /// e.g. --group-by outlet
    #[arg(long, value_name = "FIELD", value_parser = ["outlet", "story"])]
    group_by: Option<String>,
}

#[derive(Args)]
struct ShowArgs {
    /// Article id, as printed by search. e.g. reuters-9693
    id: String,
    #[command(flatten)]
    location: IndexLocation,
    /// Highlight this query's matches in the article. e.g. -q "fourth visit"
    #[arg(long, short)]
    query: Option<String>,
    /// The article and its metadata as one JSON object. e.g. --json | jq .people
    #[arg(long)]
    json: bool,
    /// Colour highlights: auto, always, never. e.g. --color never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Args)]
struct SimilarArgs {
    /// Article id, as printed by search. e.g. reuters-9693
    id: String,
    #[command(flatten)]
    location: IndexLocation,
    /// Articles to show. e.g. -n 5
    #[arg(long, short = 'n', default_value_t = 10)]
    limit: usize,
    /// One JSON object on stdout. e.g. --json
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct BenchArgs {
    #[command(flatten)]
    location: IndexLocation,
    /// Query file, one query a line (or class<TAB>query) [default: benches/queries.txt].
    /// e.g. --queries ../shared/peers/queries.txt
    #[arg(long, value_name = "FILE")]
    queries: Option<PathBuf>,
    /// Timed passes over the query set (each query's latency is its median). e.g. --runs 10
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Untimed passes first, to warm caches. e.g. --warmup 0 for cold figures
    #[arg(long, default_value_t = 1)]
    warmup: usize,
    /// Instead of queries, time fresh index builds of this folder. e.g. --index-corpus corpus/
    #[arg(long, value_name = "DIR")]
    index_corpus: Option<PathBuf>,
    /// Writer threads for --index-corpus [default: one per core]. e.g. --threads 1
    #[arg(long)]
    threads: Option<usize>,
    /// Facets to count per query, repeatable [default: all, as search]. e.g. --facet outlet
    /// --facet people --facet places --facet date (the speed issue's workload)
    #[arg(long = "facet", value_name = "FIELD")]
    facet: Vec<String>,
    /// One JSON object on stdout. e.g. --json | jq .p50_ms
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct TimelineArgs {
    /// The query, as for search. e.g. 'summit country:Singapore'
    query: String,
    #[command(flatten)]
    location: IndexLocation,
    /// One line per outlet, country or person [default: one line for all matches].
    /// e.g. --by outlet
    #[arg(long, value_enum)]
    by: Option<communique::search::timeline::GroupBy>,
    /// Period length [default: chosen from the span of the matches]. e.g. --interval week
    #[arg(long, value_enum)]
    interval: Option<Interval>,
    /// Divide by the group's (an outlet's) or everyone's articles in each period: the
    /// share of attention. e.g. --by outlet --normalize
    #[arg(long)]
    normalize: bool,
    /// Groups shown, largest first. e.g. --top 3
    #[arg(long, default_value_t = 8)]
    top: usize,
    #[command(flatten)]
    dates: DateRange,
    /// One JSON object on stdout. e.g. --json
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// CSV on stdout: period, group, count (share with --normalize). e.g. --csv > t.csv
    #[arg(long)]
    csv: bool,
    /// Also write a line chart to this SVG file. e.g. --svg coverage.svg
    #[arg(long, value_name = "FILE")]
    svg: Option<PathBuf>,
}

#[derive(Args)]
struct DuplicatesArgs {
    /// Files or folders to read. e.g. corpus/ more/wire.jsonl
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Estimated Jaccard similarity of word 4-shingles above which two articles are one
    /// story. e.g. --threshold 0.7 for closer copies only
    #[arg(long, default_value_t = communique::coverage::DEFAULT_THRESHOLD)]
    threshold: f32,
}

#[derive(Args)]
struct ExtractArgs {
    /// Files or folders to read. e.g. corpus/
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// JSON Lines, one article a line (the default is a short readable listing). e.g. --json
    #[arg(long)]
    json: bool,
}

/// `println!` that returns write errors (a closed pipe) instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Index(args) => run_index(args),
        Command::Search(args) => run_search(args),
        Command::Extract(args) => run_extract(args),
        Command::Bench(args) => run_bench(args),
        Command::Duplicates(args) => run_duplicates(args),
        Command::Timeline(args) => run_timeline(args),
        Command::Show(args) => run_show(args),
        Command::Quotes(args) => cli::quotes::run(args),
        Command::Similar(args) => run_similar(args),
        Command::Serve(args) => cli::serve::run(args),
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

fn run_index(args: IndexArgs) -> Result<ExitCode> {
    let root = args.location.root();
    let mut options = BuildOptions::new(args.corpus.clone(), root.clone());
    options.progress = !args.quiet && std::io::stderr().is_terminal();
    options.rebuild = args.rebuild;
    if let Some(t) = args.threads {
        options.threads = t.max(1);
    }
    let report = index::build(&options)?;
    if !args.quiet {
        let mut summary = render::render_summary(&report, &root.display().to_string());
        if args.verbose {
            for skip in report.skips.iter().skip(20) {
                summary.push_str(&format!("  {skip}\n"));
            }
        }
        eprint!("{summary}");
    }
    if args.strict && report.lost_anything() {
        return Ok(ExitCode::from(3));
    }
    if report.articles == 0 && report.update.is_none() {
        eprintln!(
            "communique: no article could be indexed from {}; any previous index at {} is kept",
            args.corpus.display(),
            root.display()
        );
        return Ok(ExitCode::from(4));
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens the index to search. At the default location, a missing index, or
/// one from an older version, is (re)built from `./corpus` first, so a new
/// user's first command works.
fn open_engine(location: &IndexLocation) -> Result<Engine> {
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

fn run_search(args: SearchArgs) -> Result<ExitCode> {
    let engine = open_engine(&args.location)?;
    let (since, until) = args.dates.bounds()?;
    let params = SearchParams {
        request: SearchRequest {
            query: args.query.clone(),
            limit: args.limit,
            offset: args.offset,
            sort: args.sort,
            since,
            until,
            fragments: args.fragments,
            fragment_size: args.fragment_size,
            facet_limit: args.facet_limit,
            fuzzy: args.fuzzy,
            explain: args.explain,
            collapse: !args.no_collapse,
            language: args.lang.clone(),
            ..SearchRequest::default()
        },
        interval: args.interval,
        facet_only: args.facet_only,
        facets: args.facet.clone(),
        group_by: args.group_by.as_deref().and_then(Grouping::parse),
    };
    let outcome = engine.run_search(&params)?;
    let mut stdout = std::io::stdout().lock();
    if args.json {
        let value = render::search_json(&params, &outcome);
        writeln!(stdout, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.csv {
        if let SearchOutcome::Hits(results) = &outcome {
            for notice in &results.notices {
                eprintln!("note: {notice}");
            }
        }
        write!(stdout, "{}", render::search_csv(&outcome, args.offset)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let text = match &outcome {
        SearchOutcome::Stories {
            considered,
            stories,
        } => {
            let text = communique::search::stories::render_text(*considered, stories);
            format!("{}\n", text.trim_end())
        }
        SearchOutcome::Hits(results) => {
            for notice in &results.notices {
                eprintln!("note: {notice}");
            }
            render::render_results(
                results,
                &Style::resolve(args.color, args.html),
                args.facet_limit,
                args.interval,
                !args.facet_only,
            )
        }
    };
    write!(stdout, "{text}")?;
    Ok(ExitCode::SUCCESS)
}

/// Every article of the given files and folders, cleaned and extracted, with
/// problems reported on stderr.
fn read_prepared(
    paths: &[PathBuf],
    mut each: impl FnMut(&communique::Article) -> Result<()>,
) -> Result<()> {
    let cleaner = Cleaner::new();
    let extractor = Extractor::shared();
    for (_, discovery) in ingest::discover_paths(paths) {
        for skip in &discovery.skips {
            eprintln!("skipped {skip}");
        }
        for file in &discovery.files {
            let mut articles = Vec::new();
            ingest::read_file(file, &discovery.metadata, &mut |item| match item {
                Item::Article(a) => articles.push(a),
                Item::Skip(s) => eprintln!("skipped {s}"),
            });
            let learned = {
                let refs: Vec<&communique::Article> = articles.iter().map(|a| a.as_ref()).collect();
                Furniture::learn(&refs)
            };
            articles
                .par_iter_mut()
                .for_each(|a| index::prepare_with(a, &cleaner, &learned, extractor));
            for a in &articles {
                each(a)?;
            }
        }
    }
    Ok(())
}

fn run_duplicates(args: DuplicatesArgs) -> Result<ExitCode> {
    use communique::coverage::{Fingerprint, group_near_duplicates};
    let mut ids = Vec::new();
    let mut prints = Vec::new();
    read_prepared(&args.paths, |a| {
        ids.push(a.id.clone());
        prints.push(Fingerprint::of(&a.body));
        Ok(())
    })?;
    let groups = group_near_duplicates(&prints, args.threshold);
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for (i, g) in groups.iter().enumerate() {
        writeln!(
            stdout,
            "{}",
            serde_json::json!({"id": ids[i], "group": ids[*g]})
        )?;
    }
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run_extract(args: ExtractArgs) -> Result<ExitCode> {
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    read_prepared(&args.paths, |a| {
        if args.json {
            writeln!(stdout, "{}", render::article_json(a))?;
        } else {
            writeln!(
                stdout,
                "{}\n  {} · {} · by {}\n  people: {}\n  places: {}\n  countries: {}\n",
                a.title,
                a.outlet.as_deref().unwrap_or("unknown outlet"),
                a.date
                    .as_ref()
                    .map(communique::article::format_date)
                    .unwrap_or_else(|| "undated".into()),
                a.authors.join(", "),
                a.people.join(", "),
                a.places.join(", "),
                a.countries.join(", ")
            )?;
        }
        Ok(())
    })?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run_bench(args: BenchArgs) -> Result<ExitCode> {
    if let Some(corpus) = &args.index_corpus {
        let report = bench::bench_indexing(corpus, args.runs, args.threads)?;
        if args.json {
            outln!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            outln!(
                "indexed {} articles ({:.1} MB of text) in {:.2} s median (min {:.2}, max {:.2}; {} runs)\n{:.0} docs/s, {:.1} MB/s, peak memory {:.0} MB, index {:.1} MB",
                report.articles,
                report.input_bytes as f64 / 1e6,
                report.wall_s_median,
                report.wall_s_min,
                report.wall_s_max,
                report.runs,
                report.docs_per_s,
                report.mb_per_s,
                report.peak_rss_mb,
                report.index_bytes as f64 / 1e6
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let root = args.location.root();
    let engine = Engine::open(&root)?;
    let path = args
        .queries
        .clone()
        .unwrap_or_else(|| PathBuf::from("benches/queries.txt"));
    let queries = bench::read_queries(&path)?;
    let mut template = SearchRequest::default();
    views::choose_facets(&args.facet, &mut template)?;
    let report = bench::bench_queries(&engine, &queries, &template, args.runs, args.warmup);
    // Exit 1 when any query failed to run, so a script or CI notices.
    let status = if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    };
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(status);
    }
    let line = |name: &str, l: &bench::Latency| {
        format!(
            "{name:<12} {:>5} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>9.0}",
            l.queries, l.p50_ms, l.p95_ms, l.p99_ms, l.max_ms, l.mean_ms, l.qps
        )
    };
    outln!(
        "{:<12} {:>5} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9}",
        "class",
        "n",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "mean ms",
        "qps"
    );
    outln!("{}", line("all", &report.overall));
    for (class, l) in &report.classes {
        let name = serde_json::to_value(class)?
            .as_str()
            .unwrap_or_default()
            .to_string();
        outln!("{}", line(&name, l));
    }
    let b = &report.breakdown_ms;
    outln!(
        "mean per query: query {:.3} ms, collect {:.3}, facets {:.3}, fetch {:.3}, snippets {:.3} ({} runs after {} warm-up)",
        b.query_ms,
        b.collect_ms,
        b.facets_ms,
        b.fetch_ms,
        b.snippets_ms,
        report.runs,
        report.warmup
    );
    for f in &report.failed {
        eprintln!("failed: {}: {}", f.query, f.error);
    }
    Ok(status)
}

fn run_show(args: ShowArgs) -> Result<ExitCode> {
    let engine = Engine::open(&args.location.root())?;
    let view = engine.article_view(&args.id, args.query.as_deref())?;
    if args.json {
        let value = render::article_view_json(&view);
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        let style = Style::resolve(args.color, false);
        print!("{}", render::render_article(&view.hit, &view.body, &style));
    }
    Ok(ExitCode::SUCCESS)
}

fn run_similar(args: SimilarArgs) -> Result<ExitCode> {
    let engine = Engine::open(&args.location.root())?;
    let hits = engine.similar_hits(&args.id, args.limit)?;
    if args.json {
        let value = render::similar_json(&args.id, &hits);
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        for (i, h) in hits.iter().enumerate() {
            outln!(
                "{:>2}. {}  [{:.2}]\n    {} · {} · {}",
                i + 1,
                h.title,
                h.score,
                h.outlet.as_deref().unwrap_or("unknown outlet"),
                h.date.as_deref().unwrap_or("undated"),
                h.id
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_timeline(args: TimelineArgs) -> Result<ExitCode> {
    use communique::search::timeline;
    let engine = open_engine(&args.location)?;
    let (since, until) = args.dates.bounds()?;
    let request = SearchRequest {
        since,
        until,
        ..SearchRequest::default()
    };
    let t = engine.timeline(
        &args.query,
        args.by,
        args.interval,
        args.normalize,
        args.top,
        &request,
    )?;
    if let Some(path) = &args.svg {
        std::fs::write(path, timeline::render_svg(&t))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let text = if args.json {
        serde_json::to_string_pretty(&t)?
    } else if args.csv {
        timeline::render_csv(&t)
    } else {
        timeline::render_text(&t)
    };
    outln!("{}", text.trim_end());
    Ok(ExitCode::SUCCESS)
}
