//! Every real headline runs: titles and first sentences, verbatim, as a
//! reader pastes them. A committed slice (tests/data/raw_queries.txt) and a
//! seeded sample drawn afresh from ../shared/corpora, each run through the
//! library against one index. `scripts/raw_queries.py` runs all ~80,000.

mod common;

use std::io::{BufRead, BufReader};
use std::sync::OnceLock;

use communique::index::{self, BuildOptions};
use communique::search::{Engine, SearchRequest};

/// The seeds plus 2,000 Reuters articles: enough vocabulary for suggestions
/// and aliases to be exercised, built in a second or two.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let tmp = std::env::temp_dir().join(format!("communique-raw-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        let corpus = tmp.join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        let manifest = env!("CARGO_MANIFEST_DIR");
        for seed in std::fs::read_dir(format!("{manifest}/corpus")).unwrap() {
            let seed = seed.unwrap().path();
            std::fs::copy(&seed, corpus.join(seed.file_name().unwrap())).unwrap();
        }
        let reuters: Vec<String> = read_corpus("reuters21578").take(2000).collect::<Vec<_>>();
        std::fs::write(corpus.join("reuters.jsonl"), reuters.join("\n")).unwrap();
        let root = tmp.join("index");
        index::build(&BuildOptions::new(corpus, root.clone())).expect("build the test index");
        Engine::open(&root).expect("open the test index")
    })
}

/// The JSON lines of a shared corpus.
fn read_corpus(name: &str) -> impl Iterator<Item = String> {
    let path = common::shared_corpus(name).join("data.jsonl.gz");
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the shared corpora belong beside the project)",
            path.display()
        )
    });
    BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map(|l| l.expect("readable corpus line"))
}

/// A title or a body's first sentence, as a search box receives it (tabs
/// and line breaks are spaces there).
fn as_typed(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn first_sentence(body: &str) -> String {
    let body = body.trim_start();
    let end = body
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && body[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map_or(body.len().min(300), |(i, c)| i + c.len_utf8());
    body[..body.floor_char_boundary(end)].to_string()
}

/// Runs each query; returns the ones that failed, with their errors.
fn failures(queries: &[String]) -> Vec<String> {
    let engine = engine();
    queries
        .iter()
        .filter(|q| !q.trim().is_empty())
        .filter_map(|q| {
            let request = SearchRequest {
                query: q.clone(),
                limit: 3,
                ..SearchRequest::default()
            };
            engine.search(&request).err().map(|e| format!("{q:?}: {e}"))
        })
        .collect()
}

fn assert_all_run(queries: &[String], what: &str) {
    let failed = failures(queries);
    assert!(
        failed.is_empty(),
        "{} of {} {what} failed to run, e.g.:\n{}",
        failed.len(),
        queries.len(),
        failed
            .iter()
            .take(15)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn committed_slice_of_real_queries_runs() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/raw_queries.txt"
    ))
    .unwrap();
    // Three header lines; every other line is a query, even one starting with '#'.
    let queries: Vec<String> = text.lines().skip(3).map(String::from).collect();
    assert!(queries.len() >= 2000, "{}", queries.len());
    assert_all_run(&queries, "committed queries");
}

#[test]
fn fresh_seeded_sample_of_headlines_runs() {
    // Every 13th AllSides article (title and first sentence) and every 10th
    // Reuters title: 2,334 + 2,024 + 1,904 queries, drawn as they are.
    let mut queries = Vec::new();
    for (i, line) in read_corpus("article-bias-prediction").enumerate() {
        if i % 13 != 5 {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        queries.push(as_typed(v["title"].as_str().unwrap_or_default()));
        queries.push(as_typed(&first_sentence(
            v["body"].as_str().unwrap_or_default(),
        )));
    }
    for (i, line) in read_corpus("reuters21578").enumerate() {
        if i % 10 == 7 {
            let v: serde_json::Value = serde_json::from_str(&line).unwrap();
            queries.push(as_typed(v["title"].as_str().unwrap_or_default()));
        }
    }
    assert!(queries.len() >= 4000, "{}", queries.len());
    assert_all_run(&queries, "headlines and first sentences");
}
