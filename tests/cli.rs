//! End to end: the real binary on real files, in temporary folders, checked
//! through its `--json` output.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

const NBC_ID: &str = "000_3af7680843796fe3.txt";
const BREITBART_ID: &str = "003_75fbc481610a8632.txt";

fn hit_by_outlet<'a>(v: &'a Value, outlet: &str) -> &'a Value {
    hits(v)
        .iter()
        .find(|h| h["outlet"] == outlet)
        .unwrap_or_else(|| panic!("no hit from {outlet}: {v:#}"))
}

/// Every highlight is a non-empty, in-bounds character range of its text,
/// and what it marks is one of `words` (or a form of it: visit -> visits).
fn check_highlights(text: &str, ranges: &Value, words: &[&str], what: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let ranges = ranges
        .as_array()
        .unwrap_or_else(|| panic!("{what}: highlights is not an array: {ranges}"));
    for r in ranges {
        let (s, e) = (
            r[0].as_u64().unwrap() as usize,
            r[1].as_u64().unwrap() as usize,
        );
        assert!(
            s < e && e <= chars.len(),
            "{what}: highlight [{s}, {e}] outside {} chars of {text:?}",
            chars.len()
        );
        let marked: String = chars[s..e].iter().collect::<String>().to_lowercase();
        assert!(
            words.iter().any(|w| marked.starts_with(w)),
            "{what}: highlight [{s}, {e}] marks {marked:?}, not one of {words:?}, in {text:?}"
        );
    }
    ranges.len()
}

// ---------------------------------------------------------------- seeds

#[test]
fn seeds_query_finds_both_articles_with_snippets_and_facets() {
    let tmp = TempDir::new("seeds-query");
    let root = seeds_index(&tmp);
    let v = search(&root, SEEDS_QUERY, &[]);

    assert_eq!(v["query"], SEEDS_QUERY);
    assert_eq!(total(&v), 2, "{v:#}");
    let ids: Vec<&str> = hits(&v).iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert!(
        ids.contains(&NBC_ID) && ids.contains(&BREITBART_ID),
        "ids {ids:?}"
    );
    let mut outlets: Vec<&str> = hits(&v)
        .iter()
        .map(|h| h["outlet"].as_str().unwrap_or("<none>"))
        .collect();
    outlets.sort();
    assert_eq!(outlets, ["Breitbart", "NBC News"]);

    let words = ["pompeo", "fourth", "visit"];
    for h in hits(&v) {
        for key in [
            "id",
            "title",
            "title_highlights",
            "outlet",
            "date",
            "score",
            "authors",
            "people",
            "places",
            "countries",
            "url",
            "path",
            "snippets",
        ] {
            assert!(h.get(key).is_some(), "hit lacks {key:?}: {h:#}");
        }
        let snippets = h["snippets"].as_array().unwrap();
        assert!(!snippets.is_empty(), "no snippets: {h:#}");
        let marked: usize = snippets
            .iter()
            .map(|s| {
                check_highlights(
                    s["text"].as_str().unwrap(),
                    &s["highlights"],
                    &words,
                    "snippet",
                )
            })
            .sum();
        assert!(marked > 0, "no highlight in any snippet: {h:#}");
        let title = h["title"].as_str().unwrap();
        check_highlights(title, &h["title_highlights"], &words, "title");
        let snippet_text: String = snippets
            .iter()
            .map(|s| s["text"].as_str().unwrap())
            .collect();
        assert!(
            snippet_text.to_lowercase().contains("fourth visit"),
            "snippets miss the phrase: {snippet_text:?}"
        );
    }

    // One article writes "Kim Jong Un", the other "Kim Jong-un": one person.
    assert_eq!(
        facet_count(&v, "people", "Kim Jong-un"),
        2,
        "people facet {}",
        v["facets"]["people"]
    );
    assert_eq!(
        facet_count(&v, "people", "Mike Pompeo"),
        2,
        "people facet {}",
        v["facets"]["people"]
    );
    assert!(
        !facet_values(&v, "people")
            .iter()
            .any(|p| p == "Kim Jong Un"),
        "two spellings of one person in the people facet: {}",
        v["facets"]["people"]
    );
    assert_eq!(facet_count(&v, "outlet", "NBC News"), 1);
    assert_eq!(facet_count(&v, "outlet", "Breitbart"), 1);
}

#[test]
fn seeds_boilerplate_is_not_searchable() {
    let tmp = TempDir::new("seeds-boiler");
    let root = seeds_index(&tmp);
    // The NBC scrape carries "Share this article" widgets and a "You might also
    // like" sidebar (with a story about Finland); Breitbart an "AP Photo" credit.
    // Queries are OR by default, so the phrase is quoted: unquoted, "this"
    // rightly matches the articles' own text.
    for q in [
        "\"Share this article\"",
        "share",
        "Finland",
        "\"You might also like\"",
        "\"Latest news bulletin\"",
        "\"AP Photo\"",
        "\"Close Button\"",
    ] {
        let v = search(&root, q, &[]);
        assert_eq!(total(&v), 0, "boilerplate {q:?} is searchable: {v:#}");
    }
    // The real text still is.
    assert_eq!(total(&search(&root, "\"fourth visit\"", &[])), 2);
}

#[test]
fn seeds_person_filter_accepts_either_spelling() {
    let tmp = TempDir::new("seeds-person");
    let root = seeds_index(&tmp);
    let spaced = search(&root, "person:\"Kim Jong Un\"", &[]);
    let hyphen = search(&root, "person:\"Kim Jong-un\"", &[]);
    assert_eq!(total(&spaced), 2, "{spaced:#}");
    assert_eq!(total(&spaced), total(&hyphen));
    for h in hits(&spaced) {
        assert!(
            strs(&h["people"]).contains(&"Kim Jong-un".to_string()),
            "{h:#}"
        );
    }
    // Filters combine with text and with each other.
    let v = search(&root, "visit person:\"Kim Jong Un\" -outlet:Breitbart", &[]);
    assert_eq!(total(&v), 1, "{v:#}");
    assert_eq!(hits(&v)[0]["outlet"], "NBC News");
    let v = search(&root, "outlet:\"NBC News\"", &[]);
    assert_eq!(total(&v), 1, "{v:#}");
    assert_eq!(hits(&v)[0]["id"], NBC_ID);
}

#[test]
fn seeds_authors_are_found_and_never_people() {
    let tmp = TempDir::new("seeds-authors");
    let root = seeds_index(&tmp);
    let v = search(&root, SEEDS_QUERY, &[]);
    assert_eq!(
        strs(&hit_by_outlet(&v, "NBC News")["authors"]),
        ["Alexander Smith"]
    );
    assert_eq!(
        strs(&hit_by_outlet(&v, "Breitbart")["authors"]),
        ["Ben Kew"]
    );
    assert_eq!(facet_count(&v, "authors", "Alexander Smith"), 1);
    assert_eq!(facet_count(&v, "authors", "Ben Kew"), 1);
    for name in ["Alexander Smith", "Ben Kew"] {
        assert_eq!(
            facet_count(&v, "people", name),
            0,
            "author {name} counted as a person: {}",
            v["facets"]["people"]
        );
        for h in hits(&v) {
            assert!(
                !strs(&h["people"]).contains(&name.to_string()),
                "author {name} in people of {}",
                h["id"]
            );
        }
    }
    let v = search(&root, "author:\"Ben Kew\"", &[]);
    assert_eq!(total(&v), 1, "{v:#}");
    assert_eq!(hits(&v)[0]["outlet"], "Breitbart");
    assert_eq!(total(&search(&root, "person:\"Ben Kew\"", &[])), 0);
}

#[test]
fn seeds_dates_come_from_metadata_and_are_never_invented() {
    let tmp = TempDir::new("seeds-dates");
    let root = seeds_index(&tmp);
    let v = search(&root, SEEDS_QUERY, &[]);
    assert_eq!(hit_by_outlet(&v, "NBC News")["date"], "2018-09-20");
    assert!(
        hit_by_outlet(&v, "Breitbart")["date"].is_null(),
        "Breitbart has no date in the source: {v:#}"
    );
    assert_eq!(v["undated"], 1);
    let dates = v["facets"]["date"].as_array().expect("date facet");
    let counted: u64 = dates.iter().map(|d| d["count"].as_u64().unwrap()).sum();
    assert_eq!(counted, 1, "only one article is dated: {dates:?}");
    assert!(
        dates
            .iter()
            .any(|d| d["value"].as_str().unwrap().starts_with("2018-09")),
        "{dates:?}"
    );
}

// ---------------------------------------------------------------- formats

/// The format fixtures plus gzip copies of `fixtures/gz/*`, made at run time.
fn formats_corpus(into: &Path) -> PathBuf {
    let dir = into.join("formats");
    copy_dir(&fixtures().join("formats"), &dir);
    let gz = fixtures().join("gz");
    gzip_file(&gz.join("wire.jsonl"), &dir.join("wire.jsonl.gz"));
    gzip_file(&gz.join("brief.txt"), &dir.join("brief.txt.gz"));
    fs::copy(
        gz.join("brief.txt.gz.meta.json"),
        dir.join("brief.txt.gz.meta.json"),
    )
    .unwrap();
    dir
}

/// (unique word, title, outlet, date, authors) of a fixture article.
type FormatArticle = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static [&'static str],
);

/// Every fixture article.
const FORMAT_ARTICLES: &[FormatArticle] = &[
    // .txt with a NAME.meta.json sidecar
    (
        "quokka",
        "Harbour authority approves new ferry terminal",
        Some("Reuters"),
        Some("2019-03-14"),
        &["Jane Roe"],
    ),
    // .txt with no metadata at all: nothing invented
    (
        "mossy",
        "Village council postpones vote on bridge repairs",
        None,
        None,
        &[],
    ),
    // .md with front matter and a # heading
    (
        "zeppelin",
        "Museum unveils restored zeppelin gondola",
        Some("Associated Press"),
        Some("2019-04-02"),
        &["Tom Poe"],
    ),
    // .json single object: headline/content/source{name}/pubDate (RFC 2822)/byline
    (
        "aubergine",
        "Chefs compete with aubergine recipes at regional fair",
        Some("BBC News"),
        Some("2019-05-07T08:30:00Z"),
        &["Sam Lee"],
    ),
    // .json array: title/body/outlet/date and headline/text/publisher/published_at
    (
        "kestrel",
        "Rangers count nesting kestrel pairs on coastal cliffs",
        Some("Al Jazeera"),
        Some("2019-06-11"),
        &[],
    ),
    (
        "tamarind",
        "Spice traders report record tamarind harvest",
        Some("Bloomberg"),
        Some("2019-06-12T10:15:00Z"),
        &[],
    ),
    // .jsonl: id/title/body/authors and headline/article_body/site_name/datePublished
    (
        "marzipan",
        "Bakery guild crowns marzipan champion",
        Some("Axios"),
        Some("2019-07-01"),
        &["Ana Gil"],
    ),
    (
        "halibut",
        "Fishing fleet returns early as halibut quota is reached",
        Some("CBC News"),
        Some("2019-07-02"),
        &[],
    ),
    // .ndjson: headline/content/source (string)/pubDate/byline
    (
        "pelican",
        "Wetland survey finds pelican colony has doubled",
        Some("NPR"),
        Some("2019-07-03"),
        &["Lena Fox"],
    ),
    // .jsonl.gz
    (
        "mongoose",
        "Zoo welcomes mongoose litter",
        Some("Reuters"),
        Some("2019-09-06"),
        &[],
    ),
    (
        "porcupine",
        "Forest service tags porcupine population",
        Some("Deutsche Welle"),
        Some("2019-09-09"),
        &[],
    ),
    // .txt.gz with a sidecar named after the .gz
    (
        "flamingo",
        "Flamingo flock settles at reservoir",
        Some("France 24"),
        Some("2019-10-01"),
        &[],
    ),
];

#[test]
fn every_input_format_is_indexed_with_its_metadata() {
    let tmp = TempDir::new("formats");
    let corpus = formats_corpus(tmp.path());
    let root = tmp.join("index");
    let out = index_ok(&corpus, &root);
    assert!(
        stderr(&out).contains(&format!("indexed {} articles", FORMAT_ARTICLES.len())),
        "summary: {}",
        stderr(&out)
    );
    for (word, title, outlet, date, authors) in FORMAT_ARTICLES {
        let h = only_hit(&root, word);
        assert_eq!(h["title"], *title, "title of the {word:?} article: {h:#}");
        assert_eq!(
            h["outlet"].as_str(),
            *outlet,
            "outlet of the {word:?} article: {h:#}"
        );
        assert_eq!(
            h["date"].as_str(),
            *date,
            "date of the {word:?} article: {h:#}"
        );
        assert_eq!(
            strs(&h["authors"]),
            *authors,
            "authors of the {word:?} article: {h:#}"
        );
    }
    // Records keep their own ids; the rest get their path (and position).
    assert_eq!(only_hit(&root, "marzipan")["id"], "jl-1");
    assert_eq!(only_hit(&root, "mongoose")["id"], "gz-1");
    assert_eq!(only_hit(&root, "tamarind")["path"], "array.json#2");
    assert_eq!(only_hit(&root, "flamingo")["path"], "brief.txt.gz");
}

#[test]
fn html_page_gives_main_text_and_head_metadata() {
    let tmp = TempDir::new("html");
    let corpus = tmp.join("html");
    copy_dir(&fixtures().join("html"), &corpus);
    let root = tmp.join("index");
    index_ok(&corpus, &root);
    let h = only_hit(&root, "saxophone");
    assert_eq!(
        h["title"], "Orchestra premieres saxophone concerto",
        "{h:#}"
    );
    assert_eq!(h["outlet"], "The Guardian", "{h:#}");
    assert_eq!(h["date"], "2019-08-15T12:00:00Z", "{h:#}");
    assert_eq!(total(&search(&root, "ovation", &[])), 1);
    // Navigation, footer, script and style are not the article.
    for word in [
        "walrus",
        "origami",
        "newsletter",
        "gecko",
        "pageview",
        "dataLayer",
        "console",
    ] {
        assert_eq!(
            total(&search(&root, word, &[])),
            0,
            "page chrome word {word:?} is searchable"
        );
    }
    // extract reads the page the same way.
    let out = run(
        tmp.path(),
        &[
            "extract",
            corpus.join("page.html").to_str().unwrap(),
            "--json",
        ],
    );
    assert_no_panic(&out, "extract page.html");
    assert!(out.status.success(), "{}", describe(&out));
    let a: Value = serde_json::from_str(stdout(&out).lines().next().expect("one article")).unwrap();
    let body = a["body"].as_str().unwrap();
    assert!(body.contains("standing ovation"), "{body:?}");
    for junk in ["Walrus", "gecko", "Origami", "color: red"] {
        assert!(!body.contains(junk), "body keeps {junk:?}: {body:?}");
    }
}

// ---------------------------------------------------------------- Reuters

#[test]
fn reuters_slice_finds_james_baker() {
    let tmp = TempDir::new("reuters-slice");
    let corpus = tmp.join("reuters");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(corpus.join("slice.jsonl"), reuters_head(300)).unwrap();
    let root = tmp.join("index");
    let out = index_ok(&corpus, &root);
    let v = search(&root, "james baker", &["--limit", "50"]);
    assert!(total(&v) >= 1, "no hit for james baker: {}", describe(&out));
    for h in hits(&v) {
        assert_eq!(h["outlet"], "Reuters", "{h:#}");
        assert!(h["id"].as_str().unwrap().starts_with("reuters-"), "{h:#}");
        assert!(h["date"].as_str().unwrap().starts_with("1987-"), "{h:#}");
    }
    let phrase = search(&root, "\"james baker\"", &[]);
    assert!(
        total(&phrase) >= 1,
        "the phrase is in the slice: {phrase:#}"
    );
    let marked = hits(&phrase)
        .iter()
        .flat_map(|h| h["snippets"].as_array().unwrap().iter())
        .map(|s| {
            check_highlights(
                s["text"].as_str().unwrap(),
                &s["highlights"],
                &["james", "baker"],
                "snippet",
            )
        })
        .sum::<usize>();
    assert!(marked > 0, "no highlighted snippet: {phrase:#}");
    assert_eq!(facet_count(&v, "outlet", "Reuters"), total(&v));
}

#[test]
fn reuters_full_dump_is_indexed() {
    let tmp = TempDir::new("reuters-full");
    let corpus = tmp.join("reuters");
    fs::create_dir_all(&corpus).unwrap();
    std::os::unix::fs::symlink(reuters_gz(), corpus.join("data.jsonl.gz")).unwrap();
    let root = tmp.join("index");
    let out = index_ok(&corpus, &root);
    let all = search(&root, "outlet:Reuters", &["--facet-only"]);
    assert!(
        total(&all) > 18_000,
        "only {} articles from the full dump\n{}",
        total(&all),
        describe(&out)
    );
    let summary = stderr(&out);
    let indexed: u64 = summary
        .split_whitespace()
        .skip_while(|w| *w != "indexed")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no article count in the summary: {summary}"));
    assert_eq!(
        indexed,
        total(&all),
        "summary and index disagree: {summary}"
    );

    let v = search(&root, "james baker", &[]);
    assert!(total(&v) > 10, "{}", total(&v));
    assert_eq!(facet_values(&v, "outlet"), ["Reuters"]);
    assert!(
        facet_count(&v, "people", "James Baker") > 10,
        "people facet {}",
        v["facets"]["people"]
    );
    let v = search(&root, "person:\"James Baker\"", &["--limit", "3"]);
    assert!(total(&v) > 10, "{v:#}");
    for h in hits(&v) {
        assert!(
            strs(&h["people"]).contains(&"James Baker".to_string()),
            "{h:#}"
        );
    }
}

// ---------------------------------------------------------------- extract

#[test]
fn extract_json_gives_clean_articles_with_all_fields() {
    let tmp = TempDir::new("extract");
    let corpus = seeds_corpus(tmp.path());
    let out = run(tmp.path(), &["extract", corpus.to_str().unwrap(), "--json"]);
    assert_no_panic(&out, "extract");
    assert!(out.status.success(), "{}", describe(&out));
    let articles: Vec<Value> = stdout(&out)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    assert_eq!(articles.len(), 2, "{}", describe(&out));
    assert!(
        articles.iter().any(|a| a["body"]
            .as_str()
            .unwrap()
            .contains("with JoongAng Ilbo the discussions")),
        "the Breitbart seed's glued outlet name is repaired"
    );
    for a in &articles {
        for key in [
            "id",
            "path",
            "title",
            "body",
            "outlet",
            "date",
            "url",
            "authors",
            "people",
            "places",
            "countries",
        ] {
            assert!(a.get(key).is_some(), "extract output lacks {key:?}: {a:#}");
        }
        let body = a["body"].as_str().unwrap();
        assert!(body.contains("visit"), "body lost the text: {body:?}");
        for junk in [
            "Share this article",
            "Finland",
            "AP Photo",
            "You might also like",
            "Latest news bulletin",
            "Please let us know if you're having issues with commenting",
        ] {
            assert!(!body.contains(junk), "{}: body keeps {junk:?}", a["id"]);
        }
        // The scrape glued a link's text to the next word; cleaning splits it.
        assert!(!body.contains("Ilbothe"), "{}: glued name kept", a["id"]);
        assert!(!a["title"].as_str().unwrap().is_empty());
    }
    let nbc = articles
        .iter()
        .find(|a| a["id"] == NBC_ID)
        .expect("NBC article");
    assert_eq!(nbc["outlet"], "NBC News");
    assert_eq!(nbc["date"], "2018-09-20");
    assert_eq!(strs(&nbc["authors"]), ["Alexander Smith"]);
    assert_eq!(
        nbc["title"],
        "Kim Jong Un wants Pompeo to pay another visit, more Trump talks"
    );
    assert!(
        strs(&nbc["people"]).contains(&"Kim Jong-un".to_string()),
        "{nbc:#}"
    );
    let bb = articles
        .iter()
        .find(|a| a["id"] == BREITBART_ID)
        .expect("Breitbart article");
    assert_eq!(bb["outlet"], "Breitbart");
    assert!(bb["date"].is_null(), "{bb:#}");
    assert_eq!(strs(&bb["authors"]), ["Ben Kew"]);
    assert!(
        !strs(&bb["people"]).contains(&"Ben Kew".to_string()),
        "{bb:#}"
    );

    // One file named on its own still gets its folder's metadata.jsonl.
    let out = run(
        tmp.path(),
        &["extract", corpus.join(NBC_ID).to_str().unwrap(), "--json"],
    );
    assert!(out.status.success(), "{}", describe(&out));
    let one: Value = serde_json::from_str(stdout(&out).lines().next().expect("one line")).unwrap();
    assert_eq!(one["outlet"], "NBC News");
    assert_eq!(one["date"], "2018-09-20");
}

// ---------------------------------------------------------------- sorting, dates, paging, facets

/// Seeds plus the format fixtures: 14 articles, 12 dated from 2018-09-20 to 2019-10-01.
fn mixed_index(tmp: &TempDir) -> PathBuf {
    let corpus = tmp.join("mixed");
    fs::create_dir_all(&corpus).unwrap();
    seeds_corpus(&corpus);
    formats_corpus(&corpus);
    let root = tmp.join("index");
    index_ok(&corpus, &root);
    root
}

const MIXED_ARTICLES: u64 = 14;

fn dates_of(v: &Value) -> Vec<Option<String>> {
    hits(v)
        .iter()
        .map(|h| h["date"].as_str().map(String::from))
        .collect()
}

#[test]
fn sort_by_date_both_ways_with_undated_last() {
    let tmp = TempDir::new("sort");
    let root = mixed_index(&tmp);
    let newest = search(&root, "the", &["--sort", "date", "--limit", "50"]);
    let oldest = search(&root, "the", &["--sort", "date-asc", "--limit", "50"]);
    assert_eq!(total(&newest), MIXED_ARTICLES, "{newest:#}");
    assert_eq!(hits(&newest).len() as u64, MIXED_ARTICLES);
    assert_eq!(newest["undated"], 2);
    for (v, descending) in [(&newest, true), (&oldest, false)] {
        let dates = dates_of(v);
        let dated: Vec<&String> = dates.iter().flatten().collect();
        assert_eq!(dated.len(), 12, "{dates:?}");
        let first_undated = dates.iter().position(Option::is_none).unwrap();
        assert!(
            dates[first_undated..].iter().all(Option::is_none),
            "undated hits must come last: {dates:?}"
        );
        // Dates are "YYYY-MM-DD" or RFC 3339, so their first 10 chars order them.
        let days: Vec<&str> = dated.iter().map(|d| &d[..10]).collect();
        let mut sorted = days.clone();
        sorted.sort();
        if descending {
            sorted.reverse();
        }
        assert_eq!(
            days,
            sorted,
            "sort {}",
            if descending { "date" } else { "date-asc" }
        );
    }
    assert_eq!(dates_of(&newest)[0].as_deref(), Some("2019-10-01"));
    assert_eq!(dates_of(&oldest)[0].as_deref(), Some("2018-09-20"));
}

#[test]
fn since_and_until_select_whole_periods() {
    let tmp = TempDir::new("period");
    let root = mixed_index(&tmp);
    let v = search(&root, "the", &["--since", "2018-09", "--until", "2018-09"]);
    assert_eq!(total(&v), 1, "{v:#}");
    assert_eq!(hits(&v)[0]["id"], format!("seeds/{NBC_ID}").as_str());
    assert_eq!(v["undated"], 0, "an undated article cannot be in a period");

    let v = search(
        &root,
        "the",
        &[
            "--since",
            "2019-06-11",
            "--until",
            "2019-07",
            "--limit",
            "50",
        ],
    );
    let mut titles: Vec<String> = hits(&v)
        .iter()
        .map(|h| h["title"].as_str().unwrap().to_string())
        .collect();
    titles.sort();
    assert_eq!(total(&v), 5, "{titles:?}");
    assert!(
        titles.iter().any(|t| t.contains("kestrel")),
        "--since is inclusive of its day: {titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.contains("pelican")),
        "--until includes its whole month: {titles:?}"
    );

    let v = search(&root, "the", &["--since", "2019", "--limit", "50"]);
    assert_eq!(total(&v), 11, "{:?}", dates_of(&v));
    let v = search(&root, "the", &["--until", "2018"]);
    assert_eq!(total(&v), 1, "{:?}", dates_of(&v));
}

#[test]
fn limit_and_offset_page_through_the_same_ranking() {
    let tmp = TempDir::new("paging");
    let root = mixed_index(&tmp);
    for sort in ["relevance", "date"] {
        let all = search(&root, "said", &["--sort", sort, "--limit", "50"]);
        let ids: Vec<&Value> = hits(&all).iter().map(|h| &h["id"]).collect();
        assert!(ids.len() >= 3, "{all:#}");
        let page = search(
            &root,
            "said",
            &["--sort", sort, "--limit", "1", "--offset", "1"],
        );
        assert_eq!(
            total(&page),
            total(&all),
            "total counts every match, not the page"
        );
        assert_eq!(hits(&page).len(), 1, "{page:#}");
        assert_eq!(
            &hits(&page)[0]["id"],
            ids[1],
            "sort {sort}: --offset 1 --limit 1 is the second hit"
        );
        let past = search(&root, "said", &["--sort", sort, "--offset", "1000"]);
        assert!(hits(&past).is_empty());
        assert_eq!(total(&past), total(&all));
    }
}

#[test]
fn facet_only_gives_counts_without_hits() {
    let tmp = TempDir::new("facet-only");
    let root = mixed_index(&tmp);
    let full = search(&root, "the", &[]);
    let v = search(&root, "the", &["--facet-only"]);
    assert!(hits(&v).is_empty(), "{v:#}");
    assert_eq!(total(&v), MIXED_ARTICLES);
    assert_eq!(
        v["facets"], full["facets"],
        "facets must not depend on --facet-only"
    );
    for field in ["outlet", "people", "places", "countries", "authors", "date"] {
        assert!(
            v["facets"][field].is_array(),
            "facet {field} missing: {}",
            v["facets"]
        );
    }
    assert_eq!(facet_count(&v, "outlet", "Reuters"), 2);
    assert_eq!(facet_count(&v, "outlet", "Breitbart"), 1);
    let dated: u64 = v["facets"]["date"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["count"].as_u64().unwrap())
        .sum();
    assert_eq!(dated + v["undated"].as_u64().unwrap(), MIXED_ARTICLES);
}

/// Every argument and option of every command shows an example in `--help`.
#[test]
fn every_flag_has_an_example_in_help() {
    let tmp = TempDir::new("help");
    let commands = [
        "index",
        "search",
        "extract",
        "show",
        "similar",
        "timeline",
        "duplicates",
        "bench",
        "schema",
    ];
    for name in commands {
        let out = run(tmp.path(), &[name, "--help"]);
        assert!(out.status.success(), "{name} --help: {}", describe(&out));
        let text = stdout(&out);
        assert!(
            text.contains("communique "),
            "{name}: no example command line"
        );
        // An entry starts at two spaces and `-` or `<`; its text runs to the next one.
        let mut entries: Vec<String> = Vec::new();
        for line in text.lines() {
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            if (2..=6).contains(&indent) && (trimmed.starts_with('-') || trimmed.starts_with('<')) {
                entries.push(trimmed.to_string());
            } else if let Some(last) = entries.last_mut() {
                last.push(' ');
                last.push_str(trimmed);
            }
        }
        assert!(
            !entries.is_empty() || name == "schema",
            "{name}: no options parsed"
        );
        for entry in entries {
            if entry.starts_with("-h, --help") || entry.starts_with("-V, --version") {
                continue;
            }
            assert!(entry.contains("e.g."), "{name}: no example for: {entry}");
        }
    }
}
