//! Bench: query latency over a query set with the full `search` work (top 10,
//! facets over all matches, snippets), and timed index builds.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::index::{self, BuildOptions};
use crate::search::{Engine, SearchRequest, Timings, query};

/// The kinds of query reported apart: their costs differ by orders of magnitude.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum QueryClass {
    SingleTerm,
    MultiTerm,
    Phrase,
    Boolean,
    Filtered,
}

/// A query's class, read from its tree (a query that does not parse counts
/// as the words it has).
pub fn classify(q: &str) -> QueryClass {
    let Ok(tree) = query::parse(q) else {
        return QueryClass::SingleTerm;
    };
    if !tree.filters().is_empty() {
        return QueryClass::Filtered;
    }
    let mut boolean = false;
    let mut phrase = false;
    let mut words = 0;
    tree.walk(|node, occur| {
        boolean |= occur != query::Occur::Should || matches!(node, query::Node::Any(_));
        phrase |= matches!(node, query::Node::Phrase(_));
        words += usize::from(matches!(node, query::Node::Word(_)));
    });
    if boolean {
        QueryClass::Boolean
    } else if phrase {
        QueryClass::Phrase
    } else if words > 1 {
        QueryClass::MultiTerm
    } else {
        QueryClass::SingleTerm
    }
}

/// Reads a query file: one query a line, `#` comments; a `class<TAB>query`
/// line (the peers' format) keeps only the query.
pub fn read_queries(path: &Path) -> Result<Vec<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(text
        .lines()
        .map(|l| l.rsplit('\t').next().unwrap_or(l).trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect())
}

#[derive(Debug, Clone, Serialize)]
pub struct Latency {
    pub queries: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub mean_ms: f64,
    pub qps: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct QueryBench {
    #[serde(flatten)]
    pub overall: Latency,
    pub runs: usize,
    pub warmup: usize,
    pub classes: Vec<(QueryClass, Latency)>,
    /// Mean milliseconds per query spent in each part of the search.
    pub breakdown_ms: Timings,
    /// Queries that did not run: every query a reader types should.
    pub failed: Vec<FailedQuery>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FailedQuery {
    pub query: String,
    pub error: String,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p / 100.0 * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    percentile(&v, 50.0)
}

fn latency(per_query_ms: &[f64]) -> Latency {
    let mut v = per_query_ms.to_vec();
    v.sort_by(f64::total_cmp);
    let total: f64 = v.iter().sum();
    Latency {
        queries: v.len(),
        p50_ms: percentile(&v, 50.0),
        p95_ms: percentile(&v, 95.0),
        p99_ms: percentile(&v, 99.0),
        max_ms: v.last().copied().unwrap_or(0.0),
        mean_ms: if v.is_empty() {
            0.0
        } else {
            total / v.len() as f64
        },
        qps: if total > 0.0 {
            v.len() as f64 / (total / 1000.0)
        } else {
            0.0
        },
    }
}

/// Each query's latency is its median over `runs` passes, after `warmup` passes.
/// `template` carries everything but the query (which facets, how many hits).
pub fn bench_queries(
    engine: &Engine,
    queries: &[String],
    template: &SearchRequest,
    runs: usize,
    warmup: usize,
) -> QueryBench {
    let runs = runs.max(1);
    let mut samples: Vec<Vec<f64>> = vec![Vec::new(); queries.len()];
    let mut parts = Timings::default();
    let mut failed = Vec::new();
    let mut ok = vec![true; queries.len()];
    for pass in 0..warmup + runs {
        for (i, q) in queries.iter().enumerate() {
            if !ok[i] {
                continue;
            }
            let request = SearchRequest {
                query: q.clone(),
                ..template.clone()
            };
            let t = Instant::now();
            let result = engine.search(&request);
            let elapsed = t.elapsed().as_secs_f64() * 1000.0;
            match result {
                Ok(r) if pass >= warmup => {
                    samples[i].push(elapsed);
                    parts.query_ms += r.timings.query_ms;
                    parts.collect_ms += r.timings.collect_ms;
                    parts.facets_ms += r.timings.facets_ms;
                    parts.fetch_ms += r.timings.fetch_ms;
                    parts.snippets_ms += r.timings.snippets_ms;
                }
                Ok(_) => {}
                Err(e) => {
                    ok[i] = false;
                    failed.push(FailedQuery {
                        query: q.clone(),
                        error: e.to_string(),
                    });
                }
            }
        }
    }
    let per_query: Vec<(QueryClass, f64)> = queries
        .iter()
        .zip(&samples)
        .filter(|(_, s)| !s.is_empty())
        .map(|(q, s)| (classify(q), median(s)))
        .collect();
    let n = per_query.len() as f64 * runs as f64;
    let scale = |x: f64| if n > 0.0 { x / n } else { 0.0 };
    let breakdown_ms = Timings {
        query_ms: scale(parts.query_ms),
        collect_ms: scale(parts.collect_ms),
        facets_ms: scale(parts.facets_ms),
        fetch_ms: scale(parts.fetch_ms),
        snippets_ms: scale(parts.snippets_ms),
    };
    let mut classes: Vec<QueryClass> = per_query.iter().map(|(c, _)| *c).collect();
    classes.sort();
    classes.dedup();
    QueryBench {
        overall: latency(&per_query.iter().map(|(_, ms)| *ms).collect::<Vec<_>>()),
        runs,
        warmup,
        classes: classes
            .into_iter()
            .map(|c| {
                let v: Vec<f64> = per_query
                    .iter()
                    .filter(|(k, _)| *k == c)
                    .map(|(_, ms)| *ms)
                    .collect();
                (c, latency(&v))
            })
            .collect(),
        breakdown_ms,
        failed,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct IndexBench {
    pub corpus: String,
    pub runs: usize,
    pub articles: u64,
    pub input_bytes: u64,
    pub wall_s_median: f64,
    pub wall_s_min: f64,
    pub wall_s_max: f64,
    pub docs_per_s: f64,
    pub mb_per_s: f64,
    pub peak_rss_mb: f64,
    pub index_bytes: u64,
}

/// The process's peak resident memory so far (VmHWM), in MB.
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn dir_size(path: &Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// Builds `corpus` from scratch `runs` times into a scratch folder.
pub fn bench_indexing(corpus: &Path, runs: usize, threads: Option<usize>) -> Result<IndexBench> {
    let scratch: PathBuf =
        std::env::temp_dir().join(format!("communique-bench-{}", std::process::id()));
    let mut walls = Vec::new();
    let mut last = None;
    for _ in 0..runs.max(1) {
        let _ = std::fs::remove_dir_all(&scratch);
        let mut options = BuildOptions::new(corpus.to_path_buf(), scratch.clone());
        if let Some(t) = threads {
            options.threads = t.max(1);
        }
        let t = Instant::now();
        let report = index::build(&options)?;
        walls.push(t.elapsed().as_secs_f64());
        last = Some(report);
    }
    let report = last.context("no run")?;
    let index_bytes = dir_size(&scratch);
    let _ = std::fs::remove_dir_all(&scratch);
    let wall = median(&walls);
    Ok(IndexBench {
        corpus: corpus.display().to_string(),
        runs: walls.len(),
        articles: report.articles,
        input_bytes: report.bytes,
        wall_s_median: wall,
        wall_s_min: walls.iter().copied().fold(f64::INFINITY, f64::min),
        wall_s_max: walls.iter().copied().fold(0.0, f64::max),
        docs_per_s: report.articles as f64 / wall,
        mb_per_s: report.bytes as f64 / 1e6 / wall,
        peak_rss_mb: peak_rss_mb(),
        index_bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify("summit"), QueryClass::SingleTerm);
        assert_eq!(classify("trade talks"), QueryClass::MultiTerm);
        assert_eq!(classify("\"trade deficit\""), QueryClass::Phrase);
        assert_eq!(classify("+oil -opec"), QueryClass::Boolean);
        assert_eq!(classify("oil country:Iran"), QueryClass::Filtered);
    }

    #[test]
    fn percentiles() {
        let l = latency(&[1.0, 2.0, 3.0, 4.0, 100.0]);
        assert_eq!(l.p50_ms, 3.0);
        assert_eq!(l.max_ms, 100.0);
        assert_eq!(l.queries, 5);
    }
}
