//! Criterion benches for the three hot paths, so regressions show:
//! `cargo bench --bench pipeline`. They run on the bundled seeds and, when the
//! shared corpora are beside the repository, on the first 2,000 Reuters articles.

use std::io::Read;
use std::path::{Path, PathBuf};

use communique::clean::Cleaner;
use communique::extract::Extractor;
use communique::index::{self, BuildOptions};
use communique::ingest::{self, Item};
use communique::search::{Engine, SearchRequest};
use criterion::{Criterion, criterion_group, criterion_main};
use tantivy::tokenizer::TokenStream;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A corpus folder: the seeds plus a Reuters slice when available.
fn corpus() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("communique-bench-corpus-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(repo().join("corpus")).unwrap().flatten() {
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    let reuters = repo().join("../shared/corpora/reuters21578/data.jsonl.gz");
    if let Ok(file) = std::fs::File::open(reuters) {
        let mut text = String::new();
        flate2::read::GzDecoder::new(file)
            .read_to_string(&mut text)
            .unwrap();
        let slice: Vec<&str> = text.lines().take(2000).collect();
        std::fs::write(dir.join("reuters.jsonl"), slice.join("\n")).unwrap();
    }
    dir
}

fn raw_articles(dir: &Path) -> Vec<communique::Article> {
    let discovery = ingest::discover(dir);
    let mut out = Vec::new();
    for file in &discovery.files {
        ingest::read_file(file, &discovery.metadata, &mut |item| {
            if let Item::Article(a) = item {
                out.push(*a);
            }
        });
    }
    out
}

fn benches(c: &mut Criterion) {
    // What every `search` process pays before it can answer.
    c.bench_function("startup: load gazetteers", |b| b.iter(Extractor::new));
    let dir = corpus();
    let raw = raw_articles(&dir);
    let cleaner = Cleaner::new();
    let extractor = Extractor::shared();
    c.bench_function(&format!("clean+extract {} articles", raw.len()), |b| {
        b.iter(|| {
            for a in &raw {
                let mut a = a.clone();
                index::prepare(&mut a, &cleaner, extractor);
            }
        })
    });
    // What the writer threads do to every title and body, twice (stemmed and exact).
    let prepared: Vec<communique::Article> = raw
        .iter()
        .map(|a| {
            let mut a = a.clone();
            index::prepare(&mut a, &cleaner, extractor);
            a
        })
        .collect();
    let mut news = index::schema::news_analyzer();
    let mut exact = index::schema::exact_analyzer();
    c.bench_function(&format!("analyze {} bodies", prepared.len()), |b| {
        b.iter(|| {
            let mut terms = 0;
            for a in &prepared {
                for analyzer in [&mut news, &mut exact] {
                    let mut stream = analyzer.token_stream(&a.body);
                    while stream.advance() {
                        terms += stream.token().text.len();
                    }
                }
            }
            terms
        })
    });
    let root = dir.join(".index");
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("build", |b| {
        b.iter(|| {
            let mut options = BuildOptions::new(dir.clone(), root.clone());
            options.rebuild = true;
            index::build(&options).unwrap()
        })
    });
    group.finish();
    // A filter that skipped the build bench (`cargo bench -- search`) still needs an index.
    if Engine::open(&root).is_err() {
        index::build(&BuildOptions::new(dir.clone(), root.clone())).unwrap();
    }
    let engine = Engine::open(&root).unwrap();
    for query in [
        "Pompeo fourth visit",
        "\"trade deficit\"",
        "oil country:Japan",
        "+baker -volcker",
    ] {
        let request = SearchRequest {
            query: query.to_string(),
            ..SearchRequest::default()
        };
        c.bench_function(&format!("search {query}"), |b| {
            b.iter(|| engine.search(&request).unwrap())
        });
    }
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
