//! Quotations and speakers against hand-made labels: the articles of
//! `tests/data/quotes_gold.jsonl` (16 articles, 70 quotations) and of the
//! held-out `tests/data/quotes_heldout.jsonl` (9 articles, 72 quotations) are
//! read from the seeds and the shared corpora, run through the real binary
//! (`communique extract --json`) and scored as `scripts/measure_quotes.py`
//! scores them: a quotation matches a label of the same article when their
//! words agree to 80% (twice the longest common word subsequence over both
//! lengths), one to one; a pair is right when the speakers agree too. The
//! floors sit a little below what the extractor reaches, so a regression
//! fails here. The seeds are held to every quotation with its speaker.

mod common;

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use serde_json::Value;

/// Measured: gold pairs P 0.971 R 0.957; held-out P 0.943 R 0.917.
const GOLD_PRECISION_FLOOR: f64 = 0.95;
const GOLD_RECALL_FLOOR: f64 = 0.93;
const HELDOUT_PRECISION_FLOOR: f64 = 0.92;
const HELDOUT_RECALL_FLOOR: f64 = 0.89;

struct Label {
    source: String,
    id: String,
    text: String,
    speakers: Vec<String>,
}

fn labels(file: &str) -> Vec<Label> {
    let text =
        std::fs::read_to_string(common::repo().join("tests/data").join(file)).expect("labels");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("labels are JSON lines");
            let mut speakers: Vec<String> = v["speaker"]
                .as_str()
                .map(String::from)
                .into_iter()
                .collect();
            if let Some(a) = v["speaker_aliases"].as_array() {
                speakers.extend(a.iter().filter_map(|s| s.as_str().map(String::from)));
            }
            Label {
                source: v["source"].as_str().unwrap_or_default().to_string(),
                id: v["id"].as_str().unwrap_or_default().to_string(),
                text: v["text"].as_str().unwrap_or_default().to_string(),
                speakers,
            }
        })
        .collect()
}

/// The labelled articles, as the corpora give them, in `dir`.
fn corpus(labels: &[Label], dir: &Path) {
    let mut wanted: HashMap<&str, HashSet<&str>> = HashMap::new();
    for l in labels {
        wanted
            .entry(l.source.as_str())
            .or_default()
            .insert(l.id.as_str());
    }
    for id in wanted.get("seeds").into_iter().flatten() {
        std::fs::copy(common::repo().join("corpus").join(id), dir.join(id)).expect("copy a seed");
    }
    std::fs::copy(
        common::repo().join("corpus/metadata.jsonl"),
        dir.join("metadata.jsonl"),
    )
    .expect("seed metadata");
    let mut out = std::fs::File::create(dir.join("records.jsonl")).expect("records");
    for (source, path) in [
        (
            "allsides",
            "../shared/corpora/article-bias-prediction/data.jsonl.gz",
        ),
        ("reuters", "../shared/corpora/reuters21578/data.jsonl.gz"),
    ] {
        let Some(ids) = wanted.get(source) else {
            continue;
        };
        let path = common::repo().join(path);
        assert!(
            path.is_file(),
            "the shared research corpus is missing: {}",
            path.display()
        );
        let reader = BufReader::new(flate2::read::GzDecoder::new(
            std::fs::File::open(&path).unwrap(),
        ));
        let mut found = 0;
        for line in reader.lines() {
            let line = line.expect("read the corpus");
            let v: Value = serde_json::from_str(&line).expect("JSON lines");
            if v["id"].as_str().is_some_and(|id| ids.contains(id)) {
                writeln!(out, "{line}").unwrap();
                found += 1;
                if found == ids.len() {
                    break;
                }
            }
        }
        assert_eq!(
            found,
            ids.len(),
            "every labelled {source} article is in the corpus"
        );
    }
}

/// The quotations `communique extract --json` finds, by article id.
fn extracted(dir: &Path) -> HashMap<String, Vec<Value>> {
    let out = std::process::Command::new(common::bin())
        .args(["extract", "--json"])
        .arg(dir)
        .output()
        .expect("run communique extract");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("extract --json lines");
            let quotes = v["quotes"].as_array().cloned().unwrap_or_default();
            (v["id"].as_str().unwrap_or_default().to_string(), quotes)
        })
        .collect()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// 2·LCS / (|a| + |b|) over words.
fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut prev = 0;
        for (j, y) in b.iter().enumerate() {
            let keep = row[j + 1];
            row[j + 1] = if x == y {
                prev + 1
            } else {
                row[j + 1].max(row[j])
            };
            prev = keep;
        }
    }
    2.0 * row[b.len()] as f64 / (a.len() + b.len()) as f64
}

/// A name ignoring case, punctuation, spaces and a leading "The".
fn key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

struct Score {
    gold: usize,
    predicted: usize,
    pairs: usize,
    /// (label text, gold speakers, predicted speaker) of wrong persons.
    wrong_person: Vec<String>,
}

fn score(labels: &[Label], found: &HashMap<String, Vec<Value>>) -> Score {
    let mut by_article: HashMap<&str, Vec<&Label>> = HashMap::new();
    for l in labels {
        by_article.entry(l.id.as_str()).or_default().push(l);
    }
    let (mut predicted, mut pairs) = (0, 0);
    let mut wrong_person = Vec::new();
    for (id, golds) in by_article {
        let preds = found.get(id).cloned().unwrap_or_default();
        predicted += preds.len();
        let mut scored = Vec::new();
        for (i, p) in preds.iter().enumerate() {
            let pw = words(p["text"].as_str().unwrap_or_default());
            for (j, g) in golds.iter().enumerate() {
                let r = similarity(&pw, &words(&g.text));
                if r >= 0.8 {
                    scored.push((r, i, j));
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (mut used_p, mut used_g) = (HashSet::new(), HashSet::new());
        for (_, i, j) in scored {
            if used_p.contains(&i) || used_g.contains(&j) {
                continue;
            }
            used_p.insert(i);
            used_g.insert(j);
            let speaker = preds[i]["speaker"].as_str();
            let gold = &golds[j].speakers;
            let right = match speaker {
                None => gold.is_empty(),
                Some(s) => gold.iter().any(|g| key(g) == key(s)),
            };
            if right {
                pairs += 1;
            } else if speaker.is_some() && preds[i]["speaker_kind"] == "person" {
                wrong_person.push(format!(
                    "{:?}: gold {:?}, got {:?}",
                    golds[j].text, gold, speaker
                ));
            }
        }
    }
    Score {
        gold: labels.len(),
        predicted,
        pairs,
        wrong_person,
    }
}

fn measure(file: &str) -> Score {
    let labels = labels(file);
    let dir = common::TempDir::new("quotes-gold");
    corpus(&labels, dir.path());
    score(&labels, &extracted(dir.path()))
}

fn check(file: &str, precision_floor: f64, recall_floor: f64) {
    let s = measure(file);
    let precision = s.pairs as f64 / s.predicted.max(1) as f64;
    let recall = s.pairs as f64 / s.gold.max(1) as f64;
    eprintln!(
        "{file}: {} labels, {} extracted, pairs P {precision:.3} R {recall:.3}",
        s.gold, s.predicted
    );
    assert!(s.gold >= 60, "the label set is too small: {}", s.gold);
    assert!(
        precision >= precision_floor,
        "{file}: pair precision {precision:.3} < {precision_floor}"
    );
    assert!(
        recall >= recall_floor,
        "{file}: pair recall {recall:.3} < {recall_floor}"
    );
    assert!(
        s.wrong_person.is_empty(),
        "a quotation given to a person who did not say it: {:?}",
        s.wrong_person
    );
}

#[test]
fn gold_pairs_hold_their_floors() {
    check("quotes_gold.jsonl", GOLD_PRECISION_FLOOR, GOLD_RECALL_FLOOR);
}

#[test]
fn heldout_pairs_hold_their_floors() {
    check(
        "quotes_heldout.jsonl",
        HELDOUT_PRECISION_FLOOR,
        HELDOUT_RECALL_FLOOR,
    );
}

/// Every quotation of the two seeds, found, with its speaker; the one whose
/// speaker only a reader can tell ("The 54-year-old former CIA Director has
/// indicated that ... the "complete, verifiable..."") is left unnamed, never
/// given to someone else.
#[test]
fn seeds_every_quotation_with_its_speaker() {
    let labels: Vec<Label> = labels("quotes_gold.jsonl")
        .into_iter()
        .filter(|l| l.source == "seeds")
        .collect();
    assert_eq!(labels.len(), 11);
    let found = extracted(&common::repo().join("corpus"));
    let s = score(&labels, &found);
    let total: usize = found.values().map(Vec::len).sum();
    assert_eq!(total, 11, "a quotation too many or missing: {found:?}");
    assert_eq!(s.pairs, 10, "{found:?}");
    assert!(s.wrong_person.is_empty(), "{:?}", s.wrong_person);
    let nbc = &found["000_3af7680843796fe3.txt"];
    let speakers: Vec<&str> = nbc
        .iter()
        .map(|q| q["speaker"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(
        speakers,
        [
            "Moon Jae-in",
            "Moon Jae-in",
            "Jeffrey Lewis",
            "Jeffrey Lewis"
        ]
    );
    let breitbart = &found["003_75fbc481610a8632.txt"];
    let speakers: Vec<(&str, &str)> = breitbart
        .iter()
        .map(|q| {
            (
                q["speaker"].as_str().unwrap_or("-"),
                q["speaker_kind"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        speakers,
        [
            ("Heather Nauert", "person"),
            ("Heather Nauert", "person"),
            ("Heather Nauert", "person"),
            ("JoongAng Ilbo", "outlet"),
            ("JoongAng Ilbo", "outlet"),
            ("-", "-"),
            ("Mike Pompeo", "person"),
        ]
    );
    // Offsets are characters of the body.
    let out = std::process::Command::new(common::bin())
        .args(["extract", "--json"])
        .arg(common::repo().join("corpus"))
        .output()
        .unwrap();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let body: Vec<char> = v["body"].as_str().unwrap().chars().collect();
        for q in v["quotes"].as_array().unwrap() {
            let (s, e) = (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                body[s..e].iter().collect::<String>(),
                q["text"].as_str().unwrap()
            );
        }
    }
}
