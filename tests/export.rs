//! `communique export` end to end: the seeds and a Reuters slice exported in
//! every format, read back by pyarrow, DuckDB and PyYAML
//! (tests/python/check_export.py, in the venv `.ci/run` makes from
//! tests/python/requirements.txt; a missing venv fails the test).

mod common;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use serde_json::Value;

fn python() -> PathBuf {
    let python = std::env::var_os("COMMUNIQUE_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("tests/python/.venv/bin/python"));
    assert!(
        python.exists(),
        "no Python with DuckDB and pyarrow at {}: run `python3 -m venv tests/python/.venv && tests/python/.venv/bin/pip install -r tests/python/requirements.txt` (.ci/run does)",
        python.display()
    );
    python
}

/// The seeds and the first 400 Reuters articles, in one corpus folder.
fn seeds_and_reuters(tmp: &TempDir) -> PathBuf {
    let corpus = seeds_corpus(tmp.path());
    fs::write(corpus.join("reuters.jsonl"), reuters_head(400)).unwrap();
    corpus
}

fn export(root: &Path, format: &str, out: &Path, extra: &[&str]) -> std::process::Output {
    let root = root.to_str().unwrap();
    let out = out.to_str().unwrap();
    let mut args = vec!["export", "--index", root, "--format", format, out];
    args.extend_from_slice(extra);
    run(Path::new("/"), &args)
}

fn export_ok(root: &Path, format: &str, out: &Path) {
    let o = export(root, format, out, &[]);
    assert!(o.status.success(), "export {format}: {}", describe(&o));
}

fn jsonl(path: &Path) -> Vec<Value> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn every_format_reads_back_with_the_right_types_and_rows() {
    let tmp = TempDir::new("export-all");
    let corpus = seeds_and_reuters(&tmp);
    let root = tmp.join("index");
    index_ok(&corpus, &root);
    let out = tmp.join("out");
    fs::create_dir(&out).unwrap();
    for (format, name) in [
        ("jsonl", "a.jsonl"),
        ("csv", "a.csv"),
        ("parquet", "a.parquet"),
        ("opensearch", "os"),
        ("quickwit", "qw"),
    ] {
        export_ok(&root, format, &out.join(name));
    }
    let rows = jsonl(&out.join("a.jsonl"));
    assert_eq!(
        rows.len(),
        400,
        "every article of the index (2 of the 402 are exact copies)"
    );
    let check = Command::new(python())
        .arg(repo().join("tests/python/check_export.py"))
        .arg(&out)
        .arg(repo().join("index-schema/schema.json"))
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    // Nothing is left half-written beside the outputs.
    let partial: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(partial.is_empty());
}

#[test]
fn json_lines_are_what_extract_prints() {
    let tmp = TempDir::new("export-extract");
    let corpus = seeds_and_reuters(&tmp);
    let root = tmp.join("index");
    let built = index_ok(&corpus, &root);
    let copies = format!("{}{}", stdout(&built), stderr(&built))
        .matches("duplicate article (same text as")
        .count();
    let out = tmp.join("a.jsonl");
    export_ok(&root, "jsonl", &out);
    let exported: HashMap<String, Value> = jsonl(&out)
        .into_iter()
        .map(|v| (v["id"].as_str().unwrap().to_string(), v))
        .collect();
    let o = run(tmp.path(), &["extract", "--json", corpus.to_str().unwrap()]);
    assert!(o.status.success(), "{}", describe(&o));
    let extracted: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // The index keeps one of exact copies (it says which it skipped).
    assert_eq!(extracted.len(), exported.len() + copies);
    assert!(copies > 0);
    for e in &extracted {
        let id = e["id"].as_str().unwrap();
        let Some(x) = exported.get(id) else {
            continue;
        };
        for (key, value) in e.as_object().unwrap() {
            assert_eq!(&x[key], value, "{id}: {key} differs from extract --json");
        }
        let extra: Vec<&String> = x
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| e.get(k.as_str()).is_none())
            .collect();
        assert_eq!(extra, ["speakers", "duplicate_group"], "{id}");
    }
    // The seeds quote people: their quotations come through with speakers.
    let quoted = exported
        .values()
        .filter(|v| v["path"].as_str().unwrap().ends_with(".txt"))
        .flat_map(|v| v["quotes"].as_array().unwrap().clone())
        .filter(|q| q["speaker"].is_string())
        .count();
    assert!(quoted > 0, "the seeds' quotations have speakers");
}

#[test]
fn a_query_and_dates_select_what_search_finds() {
    let tmp = TempDir::new("export-query");
    let corpus = seeds_and_reuters(&tmp);
    let root = tmp.join("index");
    index_ok(&corpus, &root);
    let out = tmp.join("q.jsonl");
    let o = export(
        &root,
        "jsonl",
        &out,
        &["--query", "oil prices", "--since", "1987-03-01"],
    );
    assert!(o.status.success(), "{}", describe(&o));
    let rows = jsonl(&out);
    let found = search(
        &root,
        "oil prices",
        &["--since", "1987-03-01", "--limit", "1000", "--no-collapse"],
    );
    assert_eq!(rows.len() as u64, total(&found));
    assert!(!rows.is_empty() && rows.len() < 400);
    let mut ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut hits: Vec<&str> = hits(&found)
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    ids.sort();
    hits.sort();
    assert_eq!(ids, hits);
    for r in &rows {
        assert!(r["date"].as_str().unwrap() >= "1987-03-01");
    }
}

#[test]
fn copies_of_one_story_share_a_duplicate_group() {
    let tmp = TempDir::new("export-groups");
    let corpus = seeds_corpus(tmp.path());
    // The first seed again under another name and outlet line: a wire copy.
    let seed = fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .unwrap();
    let text = fs::read_to_string(&seed).unwrap();
    fs::write(
        corpus.join("copy.txt"),
        format!("Another headline\n\n{text}"),
    )
    .unwrap();
    let root = tmp.join("index");
    index_ok(&corpus, &root);
    let out = tmp.join("g.jsonl");
    export_ok(&root, "jsonl", &out);
    let rows = jsonl(&out);
    assert_eq!(rows.len(), 3);
    let group_of = |name: &str| {
        rows.iter()
            .find(|r| r["path"].as_str().unwrap().ends_with(name))
            .map(|r| r["duplicate_group"].as_str().unwrap().to_string())
            .unwrap()
    };
    let seed_name = seed.file_name().unwrap().to_str().unwrap();
    assert_eq!(group_of("copy.txt"), group_of(seed_name));
    let groups: std::collections::HashSet<&str> = rows
        .iter()
        .map(|r| r["duplicate_group"].as_str().unwrap())
        .collect();
    assert_eq!(groups.len(), 2, "the other seed is a story of its own");
}

#[test]
fn bad_targets_are_clear_errors_and_change_nothing() {
    let tmp = TempDir::new("export-errors");
    let root = seeds_index(&tmp);
    // A cluster export never writes into a folder that holds other files.
    let busy = tmp.join("busy");
    fs::create_dir(&busy).unwrap();
    fs::write(busy.join("notes.txt"), "mine").unwrap();
    let o = export(&root, "opensearch", &busy, &[]);
    assert_one_line_error(&o, "export into a non-empty folder");
    assert!(stderr(&o).contains("not empty"), "{}", describe(&o));
    assert_eq!(fs::read_dir(&busy).unwrap().count(), 1);
    // A file in a folder that does not exist: the path is named, no partial file.
    let o = export(&root, "parquet", &tmp.join("missing/a.parquet"), &[]);
    assert_one_line_error(&o, "export into a missing folder");
    assert!(stderr(&o).contains("missing/a.parquet"), "{}", describe(&o));
    // A query that does not parse names its position.
    let o = export(&root, "csv", &tmp.join("a.csv"), &["--query", "said:"]);
    assert_one_line_error(&o, "export with a bad query");
    assert!(!tmp.join("a.csv").exists());
}
