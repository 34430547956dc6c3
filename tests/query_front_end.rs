//! The query front end on the seeds: aliases, ordinals, fuzzy words,
//! suggestions, explanations, grouping, facets, show and similar.

mod common;

use common::*;

/// The highlighted words of the first hit's snippets, lower-cased.
fn highlighted(v: &serde_json::Value) -> Vec<String> {
    let mut words = Vec::new();
    for f in hits(v)[0]["snippets"].as_array().unwrap() {
        let text: Vec<char> = f["text"].as_str().unwrap().chars().collect();
        for h in f["highlights"].as_array().unwrap() {
            let (s, e) = (
                h[0].as_u64().unwrap() as usize,
                h[1].as_u64().unwrap() as usize,
            );
            words.push(text[s..e].iter().collect::<String>().to_lowercase());
        }
    }
    words
}

#[test]
fn query_understanding() {
    let tmp = TempDir::new("front");
    let root = seeds_index(&tmp);

    // Aliases: DPRK is North Korea; one spelling of Kim finds both articles.
    assert_eq!(total(&search(&root, "DPRK", &[])), 2);
    assert_eq!(
        total(&search(&root, "\"Kim Jong Un\"", &[])),
        2,
        "hyphens do not split a phrase"
    );
    assert_eq!(
        total(&search(&root, "Kim Jong-un", &[])),
        2,
        "unquoted, the name matches every alias"
    );
    // Quotes match words as written: only one seed says "meetings"; both
    // say "meeting", and unquoted either form finds both by stem.
    assert_eq!(total(&search(&root, "meetings", &[])), 2);
    let v = search(&root, "\"meetings\"", &[]);
    assert_eq!(total(&v), 1);
    for word in highlighted(&v) {
        assert_eq!(word, "meetings", "only the exact form is highlighted");
    }
    assert_eq!(total(&search(&root, "\"meeting\"", &[])), 2);
    // Function words leave plain queries: both seeds have "to", one has Singapore.
    let v = search(&root, "visit to Singapore", &[]);
    assert_eq!(total(&v), 2, "either content word matches");
    let v = search(&root, "to Singapore", &[]);
    assert_eq!(total(&v), 1, "\"to\" alone matches nothing more");
    let words = highlighted(&v);
    assert!(words.iter().any(|w| w == "singapore"), "{words:?}");
    assert!(
        !words.iter().any(|w| w == "to"),
        "function words are not highlighted: {words:?}"
    );
    assert_eq!(total(&search(&root, "title:\"meetings\"", &[])), 0);
    assert_eq!(total(&search(&root, "Pompeo -\"meetings\"", &[])), 1);
    // Ordinals: "4th" finds "fourth", and is highlighted as such.
    let v = search(&root, "4th", &[]);
    assert_eq!(total(&v), 2);
    let f = &hits(&v)[0]["snippets"][0];
    let (s, e) = (
        f["highlights"][0][0].as_u64().unwrap() as usize,
        f["highlights"][0][1].as_u64().unwrap() as usize,
    );
    let text: Vec<char> = f["text"].as_str().unwrap().chars().collect();
    assert_eq!(
        text[s..e].iter().collect::<String>().to_lowercase(),
        "fourth"
    );
    // Typos: a suggestion, and fuzzy matching on request.
    let v = search(&root, "Pompao", &[]);
    assert_eq!(total(&v), 0);
    assert_eq!(
        v["did_you_mean"], "Pompeo",
        "a word as articles spell it, in the typed case"
    );
    // Also when another word matches: "visit" finds both seeds, "Pompao" none,
    // and the suggestion stands under the count, before the hits.
    let v = search(&root, "Pompao visit", &[]);
    assert_eq!(total(&v), 2);
    assert_eq!(v["did_you_mean"], "Pompeo visit", "the rest kept as typed");
    let index = root.to_str().unwrap();
    let text = stdout(&run(
        tmp.path(),
        &[
            "search",
            "Pompao visit",
            "--index",
            index,
            "--color",
            "never",
        ],
    ));
    assert!(
        text.lines()
            .nth(1)
            .is_some_and(|l| l.contains("did you mean: Pompeo visit")),
        "{text}"
    );
    assert_eq!(total(&search(&root, "Pompao~", &[])), 2);
    assert_eq!(total(&search(&root, "Pompao", &["--fuzzy"])), 2);
    // Excluded words are not highlighted.
    let v = search(&root, "visit -Trump", &[]);
    assert_eq!(total(&v), 0, "both seeds name Trump");
}

/// Headlines and sentences as people paste them: punctuation is text.
#[test]
fn typed_as_people_type() {
    let tmp = TempDir::new("typed");
    let root = seeds_index(&tmp);
    // Apostrophes: "Pompeo's" finds Pompeo, and is highlighted.
    let v = search(&root, "Pompeo's fourth visit to Pyongyang", &[]);
    assert_eq!(total(&v), 2);
    assert!(highlighted(&v).iter().any(|w| w == "pompeo"), "{v}");
    assert!(v["notices"].as_array().unwrap().is_empty(), "{v}");
    // A word before a colon that names no field is a word.
    assert_eq!(total(&search(&root, "Report: Mike Pompeo", &[])), 2);
    assert_eq!(total(&search(&root, "Opinion: Nauert", &[])), 1);
    // Brackets, ampersands, percent signs, emoji, middle dots: text.
    for q in [
        "<Pompeo> visit",
        "Pompeo & Kim",
        "50% chance of a fourth visit",
        "Listen· 2:58 Pompeo",
        "\u{1F1F0}\u{1F1F7} Pompeo visit \u{1F389}",
        "Pompeo / Kim ^ visit * ? ! @ #",
        "[Pompeo TO Kim]",
    ] {
        let v = search(&root, q, &[]);
        assert!(total(&v) >= 1, "{q}: {v}");
    }
    // Suggestions are words, and nothing for punctuation or known words.
    for q in ["!important", "rock & roll", "Pompeo's visit", "won't"] {
        let v = search(&root, q, &[]);
        assert!(v["did_you_mean"].is_null(), "{q}: {}", v["did_you_mean"]);
    }
    // Operators only in capitals between terms; in a query typed all in
    // capitals (as wire headlines are) they are words.
    // Only the NBC seed names Singapore, only Breitbart's names Nauert.
    assert_eq!(total(&search(&root, "Singapore AND Pompeo", &[])), 1);
    assert_eq!(total(&search(&root, "Singapore and Pompeo", &[])), 2);
    assert_eq!(total(&search(&root, "Pompeo NOT Singapore", &[])), 1);
    assert_eq!(total(&search(&root, "POMPEO NOT SINGAPORE", &[])), 2);
    assert_eq!(total(&search(&root, "Singapore OR Nauert", &[])), 2);
    assert_eq!(
        total(&search(&root, "Pompeo (Singapore OR Nauert)", &[])),
        2
    );
    assert_eq!(total(&search(&root, "+Nauert Pompeo", &[])), 1);
    assert_eq!(total(&search(&root, "Pompeo -Nauert", &[])), 1);
    // Each concept counts once: "fourth" and "4th" are one concept, so
    // "4th visit" scores an article as "fourth visit" does.
    let a = search(&root, "fourth visit", &[]);
    let b = search(&root, "4th visit", &[]);
    assert_eq!(hits(&a)[0]["id"], hits(&b)[0]["id"]);
    assert!(
        (hits(&a)[0]["score"].as_f64().unwrap() - hits(&b)[0]["score"].as_f64().unwrap()).abs()
            < 1e-4
    );
    // said: filters on who is quoted (any alias, a surname alone).
    let v = search(&root, "said:Nauert", &[]);
    assert_eq!(total(&v), 1);
    assert_eq!(hits(&v)[0]["outlet"], "Breitbart");
    assert_eq!(
        total(&search(&root, "said:\"Moon Jae-in\" denuclearization", &[])),
        1
    );
    assert_eq!(total(&search(&root, "Pompeo -said:Nauert", &[])), 1);
    // Extra spaces change nothing.
    let spaced = search(&root, "  Pompeo's   fourth\tvisit  ", &[]);
    let plain = search(&root, "Pompeo's fourth visit", &[]);
    assert_eq!(hits(&spaced)[0]["score"], hits(&plain)[0]["score"]);
    assert_eq!(total(&spaced), total(&plain));
}

#[test]
fn results_views() {
    let tmp = TempDir::new("views");
    let root = seeds_index(&tmp);

    let v = search(&root, "Pompeo", &["--explain", "--limit", "1"]);
    let e = &hits(&v)[0]["explanation"];
    assert!(e["value"].as_f64().unwrap() > 0.0, "{e}");
    assert!(
        e.to_string().contains("body:pompeo"),
        "the explanation names fields and terms: {e}"
    );

    let v = search(&root, "Pompeo", &["--group-by", "outlet"]);
    let outlets: Vec<&str> = hits(&v)
        .iter()
        .map(|h| h["outlet"].as_str().unwrap())
        .collect();
    assert_eq!(outlets.len(), 2);
    assert_ne!(outlets[0], outlets[1]);

    let v = search(
        &root,
        "Pompeo",
        &[
            "--facet-only",
            "--facet",
            "people",
            "--facet",
            "date",
            "--interval",
            "month",
        ],
    );
    assert!(hits(&v).is_empty());
    assert!(v["facets"].get("outlet").is_none());
    assert_eq!(v["facets"]["date"][0]["value"], "2018-09");
    assert_eq!(facet_count(&v, "people", "Mike Pompeo"), 2);

    let o = command(root.parent().unwrap())
        .args([
            "search",
            "Pompeo",
            "--index",
            root.to_str().unwrap(),
            "--html",
            "--limit",
            "1",
        ])
        .output()
        .unwrap();
    assert!(
        stdout(&o).contains("<mark>Pompeo</mark>"),
        "{}",
        describe(&o)
    );

    let o = command(root.parent().unwrap())
        .args([
            "show",
            "000_3af7680843796fe3.txt",
            "--index",
            root.to_str().unwrap(),
            "--query",
            "fourth",
            "--json",
        ])
        .output()
        .unwrap();
    let a: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        a["body"]
            .as_str()
            .unwrap()
            .contains("It would be Pompeo's fourth visit")
    );
    assert!(!a["body_highlights"].as_array().unwrap().is_empty());

    let o = command(root.parent().unwrap())
        .args([
            "similar",
            "000_3af7680843796fe3.txt",
            "--index",
            root.to_str().unwrap(),
            "--json",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", describe(&o));
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = s["similar"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert!(
        !ids.contains(&"000_3af7680843796fe3.txt"),
        "an article is not similar to itself"
    );
}
