//! `communique bench`: query latency over a query set, or timed index builds.

use super::prelude::*;
use communique::bench;
use communique::search::views;

#[derive(Args)]
pub(crate) struct BenchArgs {
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

pub(crate) fn run_bench(args: BenchArgs) -> Result<ExitCode> {
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
