//! Names people can trust (issue 15), end to end on short excerpts of real
//! AllSides articles (tests/data/allsides_names.jsonl): mention counts and
//! salience, filters on every name and facets on the salient ones, person
//! names, repaired titles and bodies, authors and offices.

mod common;

use common::*;
use serde_json::Value;
use std::collections::HashMap;

fn extracted(tmp: &TempDir) -> HashMap<String, Value> {
    let corpus = tmp.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(
        repo().join("tests/data/allsides_names.jsonl"),
        corpus.join("allsides_names.jsonl"),
    )
    .unwrap();
    let o = run(tmp.path(), &["extract", "--json", corpus.to_str().unwrap()]);
    assert_no_panic(&o, "extract");
    assert!(o.status.success(), "{}", describe(&o));
    stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("one JSON object a line"))
        .map(|v| (v["id"].as_str().unwrap().to_string(), v))
        .collect()
}

fn mention<'a>(a: &'a Value, kind: &str, name: &str) -> Option<&'a Value> {
    a["mentions"]
        .as_array()?
        .iter()
        .find(|m| m["kind"] == kind && m["name"] == name)
}

#[test]
fn extract_counts_names_repairs_text_and_resolves_offices() {
    let tmp = TempDir::new("names-trust");
    let all = extracted(&tmp);
    assert_eq!(all.len(), 8);

    let carter = &all["vagBOB564uxoygeW"];
    assert_eq!(
        carter["title"],
        "Jimmy Carter says Mideast peace is ‘vanishing’"
    );
    // Named once in passing: mentioned, not what the article is about.
    for country in ["Norway", "Ireland", "Egypt"] {
        let m = mention(carter, "country", country)
            .unwrap_or_else(|| panic!("{country} not in {}", carter["mentions"]));
        assert_eq!(m["salient"], false, "{m}");
        assert!(m["count"].as_u64().unwrap() >= 1);
    }
    let israel = mention(carter, "country", "Israel").unwrap();
    assert!(
        israel["salient"] == true && israel["in_lead"] == true,
        "{israel}"
    );
    assert!(strs(&carter["countries"]).contains(&"Israel".to_string()));
    assert!(!strs(&carter["countries"]).contains(&"Norway".to_string()));

    let mandela = &all["PODMhxAgoDk57hDR"];
    assert!(mention(mandela, "country", "South Africa").is_some());

    let syria = &all["B880VcKT2jeTcQrI"];
    let people = strs(&syria["people"]);
    assert!(people.contains(&"James Clapper".to_string()), "{people:?}");
    assert!(people.iter().all(|p| !p.ends_with("Jr.")), "{people:?}");
    let offices: Vec<(String, String)> = syria["offices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["mention"].as_str().unwrap().to_string(),
                o["holder"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        offices.contains(&("Defense Secretary".into(), "Chuck Hagel".into())),
        "{offices:?}"
    );
    assert!(
        offices.contains(&("the Syrian leader".into(), "Bashar al-Assad".into())),
        "{offices:?}"
    );

    let senators = strs(&all["nxpEK0l6xyq8kEo0"]["people"]);
    assert!(senators.contains(&"Rand Paul".to_string()), "{senators:?}");
    assert!(
        senators.iter().all(|p| !p.starts_with("Senators")),
        "{senators:?}"
    );

    let nepal = &all["01jT0YSxhaABWy87"];
    assert!(
        !nepal["body"]
            .as_str()
            .unwrap()
            .starts_with("Another Powerful Earthquake"),
        "the title repeated as the first line stays: {}",
        nepal["body"]
    );

    let paris = &all["ngcpScLoSwQjYU9A"];
    assert_eq!(
        paris["title"],
        "Paris Wakes Up to Violent Hangover as Macron Vows Strong Action"
    );
    let people = strs(&paris["people"]);
    for outlet in ["BFM TV", "BFM", "Agence France-Presse"] {
        assert!(!people.contains(&outlet.to_string()), "{people:?}");
    }
    assert!(
        paris["offices"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["office"] == "President of France" && o["holder"] == "Emmanuel Macron"),
        "{}",
        paris["offices"]
    );

    assert_eq!(
        strs(&all["EfEMsu1mGoZX6fGC"]["authors"]),
        ["Stephan Haggard"]
    );
    // Seven names of a related-articles widget: the byline's one stays.
    assert_eq!(strs(&all["Bd9WmqinHXaQeF23"]["authors"]).len(), 1);
}

#[test]
fn filters_match_every_name_and_facets_count_the_salient_ones() {
    let tmp = TempDir::new("names-trust-index");
    let corpus = tmp.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(
        repo().join("tests/data/allsides_names.jsonl"),
        corpus.join("allsides_names.jsonl"),
    )
    .unwrap();
    let root = tmp.join("index");
    index_ok(&corpus, &root);

    // Egypt is named in passing only: the filter finds the article, the
    // countries facet does not count it as about Egypt.
    let egypt = search(&root, "country:Egypt", &["--facet", "countries"]);
    assert_eq!(total(&egypt), 1, "{egypt}");
    assert_eq!(hits(&egypt)[0]["id"], "vagBOB564uxoygeW");
    assert_eq!(facet_count(&egypt, "countries", "Egypt"), 0);
    assert_eq!(facet_count(&egypt, "countries", "Israel"), 1);

    let norway = search(&root, "peace country:Norway", &[]);
    assert_eq!(total(&norway), 1, "{norway}");
    let clapper = search(&root, "person:\"James Clapper\"", &[]);
    assert_eq!(total(&clapper), 1, "{clapper}");
    let south_africa = search(&root, "country:\"South Africa\"", &[]);
    assert_eq!(total(&south_africa), 1, "{south_africa}");
}
