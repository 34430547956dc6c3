//! Every language the coverage comes in, end to end on the real binary: a
//! slice of itn-multilingual (read from ../shared at test time, its `lang`
//! field withheld) and a Chinese and a Korean Pompeo/Pyongyang article.

mod common;

use std::collections::HashSet;
use std::fs;
use std::io::{BufRead, BufReader};

use common::*;
use serde_json::{Value, json};

/// Blurbs in these languages (all of them, so names and countries recur).
const LANGS: &[&str] = &["zh", "ko", "ru", "ar", "th", "fr", "pt", "fa", "uk", "en"];

struct Blurb {
    id: String,
    lang: String,
    text: String,
}

/// Writes the slice without its `lang` field plus the fixtures; returns the blurbs.
fn corpus(tmp: &TempDir) -> (std::path::PathBuf, Vec<Blurb>) {
    let gz = shared_corpus("itn-multilingual").join("data.jsonl.gz");
    let reader = BufReader::new(flate2::read::GzDecoder::new(
        fs::File::open(&gz).expect("open itn-multilingual"),
    ));
    let dir = tmp.join("corpus");
    fs::create_dir_all(&dir).unwrap();
    let mut lines = String::new();
    let mut blurbs = Vec::new();
    for line in reader.lines() {
        let r: Value = serde_json::from_str(&line.unwrap()).unwrap();
        let lang = r["lang"].as_str().unwrap_or("").to_string();
        if !LANGS.contains(&lang.as_str()) {
            continue;
        }
        let rec = json!({"id": r["id"], "title": r["title"], "body": r["body"], "date": r["date"]});
        lines.push_str(&rec.to_string());
        lines.push('\n');
        blurbs.push(Blurb {
            id: r["id"].as_str().unwrap_or("").to_string(),
            text: format!(
                "{}\n{}",
                r["title"].as_str().unwrap_or(""),
                r["body"].as_str().unwrap_or("")
            ),
            lang,
        });
    }
    fs::write(dir.join("itn.jsonl"), lines).unwrap();
    for f in ["pompeo_zh.txt", "pompeo_ko.txt"] {
        fs::copy(fixtures().join("multilingual").join(f), dir.join(f)).unwrap();
    }
    // Declared language wins over what the text looks like.
    fs::write(
        dir.join("declared.json"),
        json!({"id": "declared", "lang": "pt-BR", "title": "Lula in Brasilia",
               "body": "The president met the foreign minister in Brasilia on Tuesday."})
        .to_string(),
    )
    .unwrap();
    (dir, blurbs)
}

fn ids(v: &Value) -> HashSet<String> {
    hits(v)
        .iter()
        .filter_map(|h| h["id"].as_str().map(String::from))
        .collect()
}

const ALL: &[&str] = &["--limit", "5000", "--no-collapse", "--fragments", "0"];

#[test]
fn languages_names_and_countries_across_scripts() {
    let tmp = TempDir::new("multilingual");
    let (dir, blurbs) = corpus(&tmp);
    let root = tmp.join("index");
    index_ok(&dir, &root);

    // Extraction of the fixtures: language and names in their own scripts.
    for (file, lang) in [("pompeo_zh.txt", "zh"), ("pompeo_ko.txt", "ko")] {
        let o = run(
            tmp.path(),
            &["extract", dir.join(file).to_str().unwrap(), "--json"],
        );
        let a: Value = serde_json::from_str(stdout(&o).trim()).expect("extract --json");
        assert_eq!(a["language"], lang, "{a}");
        for (field, name) in [
            ("people", "Mike Pompeo"),
            ("places", "Pyongyang"),
            ("countries", "North Korea"),
        ] {
            assert!(
                a[field].as_array().unwrap().iter().any(|v| v == name),
                "{file}: {field} lacks {name}: {a}"
            );
        }
    }

    // An English query word finds both through the gazetteer's aliases.
    let found = ids(&search(&root, "Pompeo", ALL));
    assert!(
        found.contains("pompeo_zh.txt") && found.contains("pompeo_ko.txt"),
        "{found:?}"
    );

    // Every indexed blurb of a language, by the language filter.
    let indexed = |lang: &str| ids(&search(&root, &format!("lang:{lang}"), ALL));
    let zh = indexed("zh");
    assert!(zh.len() > 100, "{} Chinese blurbs indexed", zh.len());
    assert_eq!(zh, ids(&search(&root, "lang:Chinese", ALL)));
    // Cross-language: the Chinese name of Brazil finds Korean blurbs (브라질),
    // and --lang keeps only Korean ones.
    let korean = search(&root, "巴西", &[ALL, &["--lang", "ko"]].concat());
    assert!(total(&korean) > 0, "{korean}");
    assert!(
        hits(&korean).iter().all(|h| h["language"] == "ko"),
        "{korean}"
    );

    // A quoted Chinese name finds the blurbs that hold it (Bolsonaro, Lula).
    for name in ["博索纳罗", "卢拉"] {
        let holding: HashSet<String> = blurbs
            .iter()
            .filter(|b| b.lang == "zh" && zh.contains(&b.id) && b.text.contains(name))
            .map(|b| b.id.clone())
            .collect();
        assert!(!holding.is_empty(), "{name} in the slice");
        let got = ids(&search(&root, &format!("\"{name}\""), ALL));
        let missed: Vec<_> = holding.difference(&got).collect();
        assert!(missed.is_empty(), "\"{name}\" misses {missed:?}");
    }

    // country:Brazil across scripts: blurbs naming Brazil in their own language.
    let local = [
        ("zh", "巴西"),
        ("ko", "브라질"),
        ("ru", "Бразили"),
        ("ar", "البرازيل"),
        ("fr", "Brésil"),
        ("pt", "Brasil"),
    ];
    let brazil = ids(&search(&root, "country:Brazil", ALL));
    let mut holding = 0;
    let mut got = 0;
    for (lang, name) in local {
        let idx = indexed(lang);
        for b in blurbs
            .iter()
            .filter(|b| b.lang == lang && idx.contains(&b.id) && b.text.contains(name))
        {
            holding += 1;
            got += usize::from(brazil.contains(&b.id));
        }
    }
    assert!(holding > 20, "{holding} blurbs name Brazil");
    assert!(
        got as f64 >= 0.9 * holding as f64,
        "country:Brazil found {got} of {holding}"
    );

    // Metadata wins; the facet counts languages.
    let declared = search(&root, "Brasilia", &["--lang", "pt"]);
    assert!(ids(&declared).contains("declared"), "{declared}");
    let facet = search(&root, "Brazil", &["--facet", "language"]);
    let langs: Vec<&str> = facet["facets"]["language"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["value"].as_str())
        .collect();
    assert!(langs.len() >= 3, "{langs:?}");
}
