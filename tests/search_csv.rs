//! `communique search --csv`: the real binary's CSV parsed back with the csv
//! crate and compared, field by field, with the same search's `--json`.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use serde_json::Value;

const COLUMNS: [&str; 9] = [
    "rank", "score", "id", "title", "outlet", "date", "url", "people", "places",
];

fn search_csv(root: &Path, query: &str, extra: &[&str]) -> std::process::Output {
    command(root.parent().unwrap())
        .arg("search")
        .arg(query)
        .arg("--index")
        .arg(root)
        .arg("--csv")
        .args(extra)
        .output()
        .expect("run communique search --csv")
}

/// The header and the rows, parsed by a real CSV reader (RFC 4180 quoting).
fn parse(out: &std::process::Output) -> (Vec<String>, Vec<Vec<String>>) {
    assert_no_panic(out, "search --csv");
    assert!(
        out.status.success(),
        "search --csv failed\n{}",
        describe(out)
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(out.stdout.as_slice());
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("not CSV ({e})\n{}", describe(out)))
                .iter()
                .map(String::from)
                .collect()
        })
        .collect();
    (header, rows)
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

fn joined(v: &Value) -> String {
    strs(v).join("; ")
}

/// Every row is the JSON hit of the same rank, field by field.
fn assert_rows_match(rows: &[Vec<String>], json: &Value, offset: usize) {
    let hits = hits(json);
    assert_eq!(rows.len(), hits.len(), "one row a hit: {rows:?}");
    for (i, (row, hit)) in rows.iter().zip(hits).enumerate() {
        assert_eq!(row.len(), COLUMNS.len(), "row {i}: {row:?}");
        assert_eq!(row[0], (offset + i + 1).to_string(), "rank of row {i}");
        let score: f64 = row[1].parse().expect("score is a number");
        let want = hit["score"].as_f64().unwrap();
        assert!((score - want).abs() < 1e-3, "score {score} vs {want}");
        assert_eq!(row[2], text(&hit["id"]));
        assert_eq!(row[3], text(&hit["title"]));
        assert_eq!(row[4], text(&hit["outlet"]));
        assert_eq!(row[5], text(&hit["date"]));
        assert_eq!(row[6], text(&hit["url"]));
        assert_eq!(row[7], joined(&hit["people"]));
        assert_eq!(row[8], joined(&hit["places"]));
    }
}

#[test]
fn reuters_slice_rows_are_the_json_hits() {
    let tmp = TempDir::new("csv-reuters");
    let corpus = tmp.join("reuters");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(corpus.join("slice.jsonl"), reuters_head(400)).unwrap();
    let root = tmp.join("index");
    index_ok(&corpus, &root);

    let json = search(&root, "oil prices", &["-n", "25"]);
    let (header, rows) = parse(&search_csv(&root, "oil prices", &["-n", "25"]));
    assert_eq!(header, COLUMNS);
    assert!(rows.len() >= 10, "the slice has oil stories: {rows:?}");
    assert_rows_match(&rows, &json, 0);
    assert!(
        rows.iter()
            .any(|r| r[7].contains("; ") || r[8].contains("; ")),
        "some hit names two people or places: {rows:?}"
    );

    // The second page counts its ranks on from the first.
    let json = search(&root, "oil prices", &["-n", "5", "--offset", "5"]);
    let (_, rows) = parse(&search_csv(
        &root,
        "oil prices",
        &["-n", "5", "--offset", "5"],
    ));
    assert_eq!(rows.len(), 5);
    assert_rows_match(&rows, &json, 5);

    // No match: the header alone.
    let out = search_csv(&root, "zzyzxqqq", &[]);
    let (header, rows) = parse(&out);
    assert_eq!(header, COLUMNS);
    assert!(rows.is_empty());
    assert_eq!(stdout(&out).lines().count(), 1);
}

#[test]
fn commas_and_quotes_in_fields_survive_the_round_trip() {
    let tmp = TempDir::new("csv-quoting");
    let corpus = tmp.join("tricky");
    fs::create_dir_all(&corpus).unwrap();
    let title = r#"Envoy says "no deal, not now"; Pompeo, Kim talks end"#;
    let record = serde_json::json!({
        "id": "tricky,\"1\"",
        "title": title,
        "body": "Secretary of State Mike Pompeo said on Thursday that talks with Kim Jong Un in Pyongyang had ended without a deal. South Korean President Moon Jae-in said in Seoul that he hoped the talks would resume.",
        "outlet": "Reuters",
        "date": "2018-10-07",
        "url": "https://example.com/a?b=1,2&c=\"3\"",
    });
    fs::write(corpus.join("tricky.jsonl"), format!("{record}\n")).unwrap();
    let root = tmp.join("index");
    index_ok(&corpus, &root);

    let out = search_csv(&root, "Pompeo talks", &[]);
    let raw = stdout(&out);
    // Quotes are doubled inside a quoted field.
    assert!(
        raw.contains(r#""Envoy says ""no deal, not now""; Pompeo, Kim talks end""#),
        "{raw}"
    );
    let (_, rows) = parse(&out);
    assert_eq!(rows.len(), 1, "{raw}");
    let json = search(&root, "Pompeo talks", &[]);
    assert_rows_match(&rows, &json, 0);
    assert_eq!(rows[0][2], "tricky,\"1\"");
    assert_eq!(rows[0][3], title);
    assert_eq!(rows[0][6], "https://example.com/a?b=1,2&c=\"3\"");
    assert!(rows[0][7].contains("Mike Pompeo"), "{:?}", rows[0]);
    assert!(rows[0][8].contains("; "), "places listed: {:?}", rows[0]);
}

#[test]
fn csv_refuses_what_has_no_rows() {
    let tmp = TempDir::new("csv-refuse");
    let root = seeds_index(&tmp);
    let stories = search_csv(&root, SEEDS_QUERY, &["--group-by", "story"]);
    assert_one_line_error(&stories, "--csv --group-by story");
    assert!(stderr(&stories).contains("--csv"), "{}", describe(&stories));
    let both = search_csv(&root, SEEDS_QUERY, &["--json"]);
    assert!(
        !both.status.success(),
        "--csv with --json: {}",
        describe(&both)
    );
    assert_no_panic(&both, "--csv --json");
}
