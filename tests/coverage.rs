//! Coverage views on real files: wire copies folded into one hit, and timelines.

mod common;

use std::fs;

use common::*;

/// `communique timeline QUERY --index ROOT [extra...]`.
fn timeline(root: &std::path::Path, query: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["timeline", query, "--index", root.to_str().unwrap()];
    args.extend_from_slice(extra);
    run(root.parent().unwrap(), &args)
}

const STORY: &str = "North Korea and the United States held working-level talks in the village of Panmunjom on Sunday, officials said, as both sides prepared for a possible second summit between the two leaders. The talks focused on denuclearization steps and on a declaration formally ending the 1950-53 Korean War, which ended in an armistice rather than a peace treaty. Diplomats from both countries said the meeting was constructive and that further sessions were planned for the coming weeks, although no date had been set.";

#[test]
fn wire_copies_fold_into_one_hit_and_timelines_count_by_outlet() {
    let tmp = TempDir::new("coverage");
    let corpus = tmp.join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    let records = [
        ("a", "Wire", "2018-09-09", "Talks held at Panmunjom", STORY.to_string()),
        ("b", "Daily One", "2018-09-10", "US, North Korea meet at truce village", format!("Advertisement\n\n{STORY}\n\nOfficials in Seoul briefed reporters on the meeting on Monday morning.\n\nSign up for our newsletter")),
        ("c", "Daily Two", "2018-10-02", "Officials meet in Panmunjom", STORY.replace(", although no date had been set", "")),
        ("d", "Daily Two", "2018-10-03", "Oil prices climb", "Oil prices rose on Tuesday as traders weighed supply cuts by producers and signs of stronger demand in Asia, while stockpiles in the United States fell for a third week in a row according to industry data released late on Monday, analysts said.".to_string()),
    ];
    let lines: Vec<String> = records
        .iter()
        .map(|(id, outlet, date, title, body)| {
            serde_json::json!({"id": id, "outlet": outlet, "date": date, "title": title, "body": body}).to_string()
        })
        .collect();
    fs::write(corpus.join("dump.jsonl"), lines.join("\n")).unwrap();
    let root = tmp.join("index");
    index_ok(&corpus, &root);

    let v = search(&root, "Panmunjom talks", &[]);
    assert_eq!(total(&v), 3, "three articles match");
    assert_eq!(
        hits(&v).len(),
        1,
        "the two copies fold into the best hit: {v}"
    );
    assert_eq!(hits(&v)[0]["duplicates"].as_array().unwrap().len(), 2);
    let v = search(&root, "Panmunjom talks", &["--no-collapse"]);
    assert_eq!(hits(&v).len(), 3);

    let o = timeline(
        &root,
        "Panmunjom",
        &["--by", "outlet", "--interval", "month", "--json"],
    );
    assert!(o.status.success(), "{}", describe(&o));
    let t: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(t["periods"], serde_json::json!(["2018-09", "2018-10"]));
    let series = t["series"].as_array().unwrap();
    let two = series.iter().find(|s| s["group"] == "Daily Two").unwrap();
    assert_eq!(two["values"], serde_json::json!([0.0, 1.0]));

    let o = timeline(
        &root,
        "Panmunjom",
        &[
            "--by",
            "outlet",
            "--interval",
            "month",
            "--normalize",
            "--csv",
        ],
    );
    let csv = stdout(&o);
    assert!(csv.starts_with("period,group,share"), "{csv}");
    assert!(
        csv.contains("2018-10,\"Daily Two\",0.5"),
        "half of Daily Two's October articles: {csv}"
    );

    let o = run(
        root.parent().unwrap(),
        &["duplicates", corpus.to_str().unwrap()],
    );
    let groups: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(groups.len(), 4);
    assert!(groups[..3].iter().all(|g| g["group"] == "a"), "{groups:?}");
    assert_eq!(groups[3]["group"], "d");
}

#[test]
fn stories_group_articles_about_one_event() {
    let tmp = TempDir::new("stories");
    let corpus = tmp.join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    let records = [
        (
            "p1",
            "Outlet A",
            "2018-10-07",
            "Pompeo meets Kim in Pyongyang",
            "Secretary of State Mike Pompeo met North Korean leader Kim Jong Un in Pyongyang on Sunday, his fourth visit, and later briefed South Korean President Moon Jae-in in Seoul on the talks about a second summit.",
        ),
        (
            "p2",
            "Outlet B",
            "2018-10-08",
            "Moon hails Pompeo trip",
            "South Korean President Moon Jae-in said Secretary of State Mike Pompeo's visit to Pyongyang had made progress, after Pompeo told him that Kim Jong Un invited inspectors to a missile engine test site.",
        ),
        (
            "o1",
            "Outlet C",
            "2018-10-07",
            "Oil ministers meet in Vienna",
            "Saudi Energy Minister Khalid al-Falih met Russian Energy Minister Alexander Novak in Vienna on Sunday to discuss output, days before a wider meeting of producers on a summit of supply.",
        ),
    ];
    let lines: Vec<String> = records
        .iter()
        .map(|(id, outlet, date, title, body)| serde_json::json!({"id": id, "outlet": outlet, "date": date, "title": title, "body": body}).to_string())
        .collect();
    fs::write(corpus.join("news.jsonl"), lines.join("\n")).unwrap();
    let root = tmp.join("index");
    index_ok(&corpus, &root);
    let v = search(
        &root,
        "Pompeo OR Vienna OR summit",
        &["--group-by", "story"],
    );
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2, "{v}");
    assert_eq!(stories[0]["articles"], 2);
    assert_eq!(stories[0]["first_date"], "2018-10-07");
    assert_eq!(stories[0]["last_date"], "2018-10-08");
    let outlets: Vec<&str> = stories[0]["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o[0].as_str().unwrap())
        .collect();
    assert_eq!(outlets, vec!["Outlet A", "Outlet B"]);
    assert!(stories[0]["people"].to_string().contains("Mike Pompeo"));
    assert_eq!(stories[1]["best"]["id"], "o1");
}

/// The AllSides articles of June 2018, every topic: a real slice.
fn allsides_kim_june_2018() -> String {
    use std::io::{BufRead, BufReader};
    let path = repo().join("../shared/corpora/article-bias-prediction/data.jsonl.gz");
    assert!(
        path.is_file(),
        "the shared corpus is missing: {}",
        path.display()
    );
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(
        fs::File::open(path).unwrap(),
    ));
    let mut out = String::new();
    for line in reader.lines() {
        let line = line.unwrap();
        if line.contains("\"date\": \"2018-06") {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn coverage_views_on_a_real_slice() {
    let tmp = TempDir::new("allsides");
    let corpus = tmp.join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    let slice = allsides_kim_june_2018();
    let articles = slice.lines().count();
    assert!(
        articles > 200,
        "expected a real slice, got {articles} articles"
    );
    fs::write(corpus.join("kim-2018-06.jsonl"), slice).unwrap();
    let root = tmp.join("index");
    index_ok(&corpus, &root);

    let all = search(&root, "\"Kim Jong\"", &["--facet-only"]);
    let matches = total(&all);
    assert!(matches > 20);
    // The timeline accounts for every dated match, per outlet.
    let o = timeline(
        &root,
        "\"Kim Jong\"",
        &[
            "--by",
            "outlet",
            "--interval",
            "day",
            "--top",
            "1000",
            "--json",
        ],
    );
    let t: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let on_timeline: f64 = t["series"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
        })
        .sum();
    let outlet_total: u64 = all["facets"]["outlet"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["count"].as_u64().unwrap())
        .sum();
    assert!(
        on_timeline as u64 + t["undated"].as_u64().unwrap() >= matches.min(outlet_total),
        "{on_timeline} on the timeline"
    );
    // The summit week is one story across several outlets.
    let v = search(
        &root,
        "Trump Kim summit Singapore",
        &[
            "--group-by",
            "story",
            "--since",
            "2018-06-10",
            "--until",
            "2018-06-14",
        ],
    );
    let top = &v["stories"][0];
    assert!(top["articles"].as_u64().unwrap() >= 5, "{top}");
    assert!(top["outlets"].as_array().unwrap().len() >= 3, "{top}");
    assert!(top["people"].to_string().contains("Kim Jong-un"), "{top}");
    assert!(top["places"].to_string().contains("Singapore"), "{top}");
}
