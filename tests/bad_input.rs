//! Nothing lost: a messy corpus indexes every good article and names every
//! bad file; bad queries and bad indexes give one-line errors, never panics;
//! a build that is interrupted or finds nothing leaves the previous index.

mod common;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

const LATIN1_TITLE: &str = "Café owners protest new rent rules";

/// A corpus with good articles and one of each kind of bad file (HTML aside,
/// see `html_page_without_article_text_is_reported_and_others_kept`).
/// Returns whether the unreadable file is in fact readable (running as root).
fn messy_corpus(dir: &Path) -> bool {
    fs::create_dir_all(dir.join("sub")).unwrap();
    let formats = fixtures().join("formats");
    // Good articles: quokka (txt), marzipan + halibut (jsonl).
    fs::copy(formats.join("plain.txt"), dir.join("good.txt")).unwrap();
    fs::copy(formats.join("records.jsonl"), dir.join("good.jsonl")).unwrap();
    // Empty.
    fs::write(dir.join("empty.txt"), b"").unwrap();
    // Binary under a text name.
    fs::write(
        dir.join("binary.txt"),
        b"Title line\n\x00\x01\x02\x03\xff\xfe binary \x00 data",
    )
    .unwrap();
    // Latin-1: must be decoded, not dropped.
    fs::write(
        dir.join("latin1.txt"),
        b"Caf\xe9 owners protest new rent rules\n\nThe owners of the caf\xe9 on the market square said the new rent rules would close them within a year.\n",
    )
    .unwrap();
    // JSON Lines with one broken line between two good ones.
    fs::write(
        dir.join("mixed.jsonl"),
        concat!(
            "{\"id\": \"m1\", \"title\": \"Narwhal seen off the coast\", \"body\": \"Fishermen reported a narwhal off the coast on Monday, far south of its usual waters.\"}\n",
            "{\"id\": \"m2\", \"title\": \n",
            "{\"id\": \"m3\", \"title\": \"Ocelot filmed in the hills\", \"body\": \"A camera trap filmed an ocelot in the hills above the town for the first time.\"}\n",
        ),
    )
    .unwrap();
    // A record with a title and no body.
    fs::write(
        dir.join("nobody.jsonl"),
        "{\"id\": \"n1\", \"title\": \"Only a headline\"}\n",
    )
    .unwrap();
    // JSON cut off in the middle.
    fs::write(
        dir.join("truncated.json"),
        "[{\"title\": \"Cut short\", \"body\": \"This array is never closed and mentions a wombat",
    )
    .unwrap();
    // gzip cut off in the middle: the leading lines are still good.
    let mut lines = String::from(concat!(
        "{\"id\": \"g1\", \"title\": \"Capybara at the river\", \"body\": \"A capybara was seen at the river bank, the first one recorded in the province.\"}\n",
        "{\"id\": \"g2\", \"title\": \"Armadillo in the desert\", \"body\": \"Rangers found an armadillo in the desert reserve during the night count.\"}\n",
    ));
    for i in 0..300u64 {
        let noise = (i * 2_654_435_761) % 1_000_003;
        lines.push_str(&format!(
            "{{\"id\": \"pad-{i}\", \"title\": \"Filler story {i}\", \"body\": \"Filler story number {i} carries reference {noise} and code {:x}.\"}}\n",
            noise * 31
        ));
    }
    let gz = gzip_bytes(lines.as_bytes());
    fs::write(dir.join("cut.jsonl.gz"), &gz[..gz.len() / 2]).unwrap();
    // A type we do not read.
    fs::write(dir.join("table.csv"), "a,b\n1,2\n").unwrap();
    // No read permission.
    let noperm = dir.join("noperm.txt");
    fs::write(
        &noperm,
        "Dingo pack returns to the plateau\n\nA dingo pack has returned to the plateau after ten years away, park staff said.\n",
    )
    .unwrap();
    fs::set_permissions(&noperm, fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = fs::read(&noperm).is_ok();
    // A folder symlink to its parent.
    symlink("..", dir.join("sub/loop")).unwrap();
    // The same text under two names.
    fs::copy(formats.join("plain.txt"), dir.join("sub/copy.txt")).unwrap();
    // The same record (same id) twice.
    let first = fs::read_to_string(formats.join("records.jsonl")).unwrap();
    fs::write(
        dir.join("repeat.jsonl"),
        first.lines().next().unwrap().to_string() + "\n",
    )
    .unwrap();
    readable_anyway
}

/// The summary line that names `file`, if any.
fn line_naming<'a>(summary: &'a str, file: &str) -> Option<&'a str> {
    summary.lines().find(|l| l.contains(file))
}

fn assert_named(summary: &str, file: &str) {
    assert!(
        line_naming(summary, file).is_some(),
        "the summary does not name {file}:\n{summary}"
    );
}

#[test]
fn messy_corpus_loses_nothing() {
    let tmp = TempDir::new("messy");
    let corpus = tmp.join("corpus");
    let readable_anyway = messy_corpus(&corpus);
    let root = tmp.join("index");
    let out = index(&corpus, &root, &[]);
    assert_no_panic(&out, "index messy corpus");
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let summary = stderr(&out);

    // Every good article is findable, once.
    for word in [
        "quokka",
        "marzipan",
        "halibut",
        "narwhal",
        "ocelot",
        "capybara",
        "armadillo",
    ] {
        let v = search(&root, word, &[]);
        assert_eq!(
            total(&v),
            1,
            "{word:?} should be found exactly once: {v:#}\n{summary}"
        );
    }
    // Latin-1 decoded (é, not a replacement character), findable with or without the accent.
    for q in ["café", "cafe"] {
        let h = only_hit(&root, q);
        assert_eq!(h["title"], LATIN1_TITLE, "{h:#}");
    }

    // Every bad file is named; the broken JSON line with its line number.
    for file in [
        "empty.txt",
        "binary.txt",
        "truncated.json",
        "cut.jsonl.gz",
        "table.csv",
        "loop",
    ] {
        assert_named(&summary, file);
    }
    assert_named(&summary, "mixed.jsonl:2");
    // Records are located as file:line everywhere, duplicates and empty records too.
    assert!(
        line_naming(&summary, "nobody.jsonl:1").is_some_and(|l| l.contains("no article text")),
        "{summary}"
    );
    assert!(!summary.contains(".jsonl#"), "{summary}");
    assert!(
        line_naming(&summary, "mixed.jsonl:1").is_none()
            && line_naming(&summary, "mixed.jsonl:3").is_none(),
        "{summary}"
    );
    // Duplicates: reported, indexed once (checked above for quokka and marzipan).
    let dup_lines: Vec<&str> = summary
        .lines()
        .filter(|l| l.contains("duplicate"))
        .collect();
    assert!(
        dup_lines
            .iter()
            .any(|l| l.contains("copy.txt") || l.contains("good.txt")),
        "{summary}"
    );
    assert!(
        dup_lines
            .iter()
            .any(|l| l.contains("repeat.jsonl") || l.contains("good.jsonl")),
        "{summary}"
    );

    if readable_anyway {
        // Running as root: permissions are not enforced, so the file is simply read.
        assert_eq!(total(&search(&root, "dingo", &[])), 1, "{summary}");
    } else {
        assert_named(&summary, "noperm.txt");
        assert_eq!(total(&search(&root, "dingo", &[])), 0);
    }

    // --strict: the same build, but anything skipped is exit 3.
    let strict = index(&corpus, &tmp.join("strict-index"), &["--strict", "--quiet"]);
    assert_no_panic(&strict, "index --strict");
    assert_eq!(strict.status.code(), Some(3), "{}", describe(&strict));
    // ... and a clean corpus under --strict is exit 0.
    let seeds = seeds_corpus(tmp.path());
    let clean = index(&seeds, &tmp.join("clean-index"), &["--strict"]);
    assert_eq!(clean.status.code(), Some(0), "{}", describe(&clean));

    // extract reads the same corpus without dying on it.
    let out = run(tmp.path(), &["extract", corpus.to_str().unwrap(), "--json"]);
    assert_no_panic(&out, "extract messy corpus");
    assert!(out.status.success(), "{}", describe(&out));
    let bodies: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(bodies.iter().any(|a| a["title"] == LATIN1_TITLE));
    assert!(
        bodies
            .iter()
            .any(|a| a["body"].as_str().unwrap().contains("narwhal"))
    );
    assert!(stderr(&out).contains("mixed.jsonl"), "{}", describe(&out));
}

#[test]
fn html_page_without_article_text_is_reported_and_others_kept() {
    let tmp = TempDir::new("html-empty");
    let corpus = tmp.join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    fs::copy(
        fixtures().join("formats/plain.txt"),
        corpus.join("good.txt"),
    )
    .unwrap();
    fs::write(
        corpus.join("nobody.html"),
        "<!DOCTYPE html><html><head><title>Menu</title><script>var x = 1;</script></head>\
         <body><nav><a href=\"/\">Home</a></nav><footer>Copyright</footer></body></html>",
    )
    .unwrap();
    let root = tmp.join("index");
    let out = index(&corpus, &root, &[]);
    assert_no_panic(&out, "index a corpus with an empty HTML page");
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert_eq!(total(&search(&root, "quokka", &[])), 1);
    assert_named(&stderr(&out), "nobody.html");
    let strict = index(&corpus, &tmp.join("strict"), &["--strict", "--quiet"]);
    assert_no_panic(&strict, "index --strict");
    assert_eq!(strict.status.code(), Some(3), "{}", describe(&strict));
    let ex = run(tmp.path(), &["extract", corpus.to_str().unwrap(), "--json"]);
    assert_no_panic(&ex, "extract a corpus with an empty HTML page");
    assert!(stdout(&ex).contains("quokka"), "{}", describe(&ex));
}

// ---------------------------------------------------------------- queries

#[test]
fn bad_queries_give_one_line_errors_not_panics() {
    let tmp = TempDir::new("bad-queries");
    let root = seeds_index(&tmp);
    // Only what cannot be text is an error: nothing to search, a filter
    // without a value, control characters, a pasted document.
    let must_fail = [
        ("", None),
        ("   ", None),
        ("person:", Some(1)),
        ("pompeo person:\"\"", Some(8)),
        ("pompeo country:", Some(8)),
        ("pompeo\u{1}visit", Some(7)),
        ("pompeo\u{1b}[31m", Some(7)),
        ("visit\u{7f}", Some(6)),
    ];
    for (q, position) in must_fail {
        let out = search_raw(&root, q, &[]);
        assert_one_line_error(&out, &format!("query {q:?}"));
        let err = stderr(&out);
        assert!(
            !err.contains("Syntax Error"),
            "never tantivy's wording: {err}"
        );
        if let Some(p) = position {
            assert!(
                err.contains(&format!("at character {p}")),
                "query {q:?}: the error names the position: {err}"
            );
        }
    }
    let long = "pompeo ".repeat(700);
    assert_one_line_error(&search_raw(&root, &long, &[]), "a 4,900-character query");
    // Repaired with a notice: an unclosed quote or parenthesis closes at the end.
    for (q, notice) in [
        ("\"fourth visit", "unclosed quote at character 1"),
        ("pompeo \"", "unclosed quote at character 8"),
        ("(pompeo visit", "unclosed '(' at character 1"),
        ("person: Pompeo", "followed by a space"),
    ] {
        let v = search(&root, q, &[]);
        let notices = v["notices"].to_string();
        assert!(notices.contains(notice), "query {q:?}: {notices}");
        let text = run(
            tmp.path(),
            &["search", q, "--index", root.to_str().unwrap()],
        );
        assert!(text.status.success(), "{}", describe(&text));
        assert!(
            stderr(&text).contains(notice),
            "the text output says it on stderr: {}",
            describe(&text)
        );
    }
    assert_eq!(total(&search(&root, "\"fourth visit", &[])), 2);
    assert_eq!(total(&search(&root, "(pompeo visit", &[])), 2);
    // Text, not syntax: operators without a term on a side, unknown fields.
    for q in [
        "pompeo)",
        ")(",
        "AND",
        "pompeo AND",
        "OR visit",
        "NOT",
        "foo:bar",
        "pompeo foo:\"bar baz\"",
    ] {
        let out = search_raw(&root, q, &[]);
        assert!(out.status.success(), "query {q:?} runs: {}", describe(&out));
    }
    assert_eq!(total(&search(&root, "pompeo AND", &[])), 2);
    assert_eq!(total(&search(&root, "OR visit", &[])), 2);
    // Odd but possibly valid: whatever the answer, no panic; an error is one line.
    let long = "pompeo ".repeat(1500); // ~10,000 characters
    let odd = [
        long.as_str(),
        "",
        "\"\"",
        "***",
        "\\",
        ":",
        "person:",
        "person:\"\"",
        "title:",
        "((((pompeo))))",
        "pompeo~2",
        "pompeo^3",
        "[1 TO 2]",
        "body:[a TO z]",
        "NOT NOT pompeo",
        "pompeo OR OR visit",
        "\u{1F986} \u{5E9}\u{5DC}\u{5D5}\u{5DD}",
        "outlet:\"NBC News\" outlet:\"NBC News\"",
        "person:\"Kim Jong Un",
    ];
    for q in odd {
        let out = search_raw(&root, q, &[]);
        let what = format!("query {:?}", q.chars().take(40).collect::<String>());
        assert_no_panic(&out, &what);
        if out.status.success() {
            let v: Value = serde_json::from_slice(&out.stdout)
                .unwrap_or_else(|e| panic!("{what}: not JSON ({e})"));
            assert!(v["total"].is_u64(), "{what}: {v}");
        } else {
            assert_one_line_error(&out, &what);
        }
    }
    for (flag, value) in [
        ("--since", "notadate"),
        ("--until", "notadate"),
        ("--since", "2018-13"),
        ("--until", "2018-02-30"),
        ("--since", "18"),
        ("--since", ""),
    ] {
        let out = search_raw(&root, "pompeo", &[flag, value]);
        assert_one_line_error(&out, &format!("{flag} {value:?}"));
    }
    // A good query still works after all that (nothing was written).
    assert_eq!(total(&search(&root, SEEDS_QUERY, &[])), 2);
}

// ---------------------------------------------------------------- bad indexes

/// An error that suggests a command must suggest one that exists.
fn assert_suggested_flags_exist(err: &str, tmp: &Path) {
    let help = stdout(&run(tmp, &["index", "--help"])) + &stdout(&run(tmp, &["search", "--help"]));
    for word in err.split(|c: char| c.is_whitespace() || c == '`' || c == '(' || c == ')') {
        if let Some(flag) = word.strip_prefix("--") {
            let flag = flag.trim_end_matches([',', '.', ';', ':']);
            if !flag.is_empty() {
                assert!(
                    help.contains(&format!("--{flag}")),
                    "the error suggests --{flag}, which no command accepts: {err}"
                );
            }
        }
    }
}

#[test]
fn searching_a_missing_empty_or_garbage_index_is_a_clear_error() {
    let tmp = TempDir::new("bad-index");
    let empty = tmp.join("empty");
    fs::create_dir_all(&empty).unwrap();
    let missing = tmp.join("does-not-exist");
    let plain_file = tmp.join("a-file");
    fs::write(&plain_file, "not an index").unwrap();

    let junk = tmp.join("junk");
    fs::create_dir_all(&junk).unwrap();
    fs::write(junk.join("CURRENT"), "gen-nowhere\n").unwrap();
    fs::write(junk.join("meta.json"), b"\x00\xff garbage").unwrap();
    fs::write(
        junk.join("random.bin"),
        (0..4096u32)
            .map(|i| (i * 7 % 251) as u8)
            .collect::<Vec<u8>>(),
    )
    .unwrap();

    // A live generation whose tantivy files are garbage.
    let corrupt = tmp.join("corrupt");
    let good = seeds_index(&tmp);
    copy_dir(&good, &corrupt);
    let current = fs::read_to_string(corrupt.join("CURRENT")).unwrap();
    let generation = corrupt.join(current.trim());
    fs::write(generation.join("meta.json"), "{ this is not json").unwrap();

    // A generation without its manifest.
    let no_manifest = tmp.join("no-manifest");
    copy_dir(&good, &no_manifest);
    let current = fs::read_to_string(no_manifest.join("CURRENT")).unwrap();
    fs::remove_file(no_manifest.join(current.trim()).join("communique.json")).unwrap();

    let roots = [&empty, &missing, &plain_file, &junk, &corrupt, &no_manifest];
    let mut errors = Vec::new();
    for root in roots {
        let out = search_raw(root, SEEDS_QUERY, &[]);
        let what = format!("search --index {}", root.display());
        assert_one_line_error(&out, &what);
        assert_eq!(out.status.code(), Some(1), "{what}\n{}", describe(&out));
        assert!(
            stdout(&out).trim().is_empty(),
            "{what}: printed results anyway\n{}",
            describe(&out)
        );
        errors.push(stderr(&out));
    }
    // The search never creates an index where there was none.
    assert!(!missing.exists(), "search created {}", missing.display());
    assert!(
        fs::read_dir(&empty).unwrap().next().is_none(),
        "search wrote into the empty folder"
    );

    // Building into a path that is a file is an error too.
    let out = index(&seeds_corpus(tmp.path()), &plain_file, &[]);
    assert_one_line_error(&out, "index --index FILE");

    // Advice in those errors must be runnable.
    for err in &errors {
        assert_suggested_flags_exist(err, tmp.path());
    }
}

// ---------------------------------------------------------------- failed and interrupted builds

#[test]
fn interrupted_build_leaves_the_previous_index() {
    let tmp = TempDir::new("interrupt");
    let root = seeds_index(&tmp);
    let before = generations(&root);
    assert_eq!(before.len(), 1, "{before:?}");

    let big = tmp.join("reuters");
    fs::create_dir_all(&big).unwrap();
    symlink(reuters_gz(), big.join("data.jsonl.gz")).unwrap();
    let mut child = command(tmp.path())
        .args([
            "index",
            big.to_str().unwrap(),
            "--index",
            root.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start index");
    // Wait until the new generation is being written, then kill it ~300 ms in.
    let started = Instant::now();
    while generations(&root).len() < 2 && started.elapsed() < Duration::from_secs(20) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(300));
    let finished = child.try_wait().unwrap();
    assert!(
        finished.is_none(),
        "the Reuters build ended ({finished:?}) before it could be interrupted; the test needs a build longer than ~300 ms"
    );
    child.kill().unwrap();
    child.wait().unwrap();

    let v = search(&root, SEEDS_QUERY, &[]);
    assert_eq!(
        total(&v),
        2,
        "the previous index is gone after an interrupted build: {v:#}"
    );
    let mut outlets = facet_values(&v, "outlet");
    outlets.sort();
    assert_eq!(outlets, ["Breitbart", "NBC News"]);
    assert_eq!(
        total(&search(&root, "james baker", &[])),
        0,
        "half a Reuters build went live"
    );

    // The next build succeeds and clears the dead build's leftovers.
    index_ok(&seeds_corpus(&tmp.join("again")), &root);
    assert_eq!(
        generations(&root).len(),
        1,
        "leftovers: {:?}",
        generations(&root)
    );
    assert_eq!(total(&search(&root, SEEDS_QUERY, &[])), 2);
}

#[test]
fn failed_build_leaves_the_previous_index() {
    let tmp = TempDir::new("failed-build");
    let root = seeds_index(&tmp);

    // A folder that does not exist: error, old index untouched.
    let out = index(&tmp.join("no-such-corpus"), &root, &[]);
    assert_one_line_error(&out, "index a missing folder");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(total(&search(&root, SEEDS_QUERY, &[])), 2);

    // A folder where nothing is an article: exit 4, and the good index must
    // not be replaced by an empty one.
    let nothing = tmp.join("nothing");
    fs::create_dir_all(&nothing).unwrap();
    fs::write(nothing.join("empty.txt"), "").unwrap();
    fs::write(nothing.join("table.csv"), "a,b\n").unwrap();
    let out = index(&nothing, &root, &[]);
    assert_no_panic(&out, "index a folder with no article");
    assert_eq!(out.status.code(), Some(4), "{}", describe(&out));
    let v = search(&root, SEEDS_QUERY, &[]);
    assert_eq!(
        total(&v),
        2,
        "a build that indexed nothing replaced the previous index: {v:#}"
    );
}

/// A 200 MB file on one line is no article: it is reported and skipped, and
/// the articles beside it are indexed.
#[test]
fn a_200_mb_single_line_file_is_skipped_not_fatal() {
    let tmp = TempDir::new("huge");
    let corpus = seeds_corpus(tmp.path());
    {
        use std::io::Write;
        let mut f =
            std::io::BufWriter::new(std::fs::File::create(corpus.join("huge.txt")).unwrap());
        let chunk = "sanctions envoy summit talks ".repeat(1000);
        while f.get_ref().metadata().map(|m| m.len()).unwrap_or(0) < 200_000_000 {
            f.write_all(chunk.as_bytes()).unwrap();
            f.flush().unwrap();
        }
    }
    let root = tmp.join("index");
    let o = index(&corpus, &root, &[]);
    assert_no_panic(&o, "index with a 200 MB file");
    assert_eq!(o.status.code(), Some(0), "{}", describe(&o));
    let err = stderr(&o);
    assert!(
        err.contains("huge.txt") && err.contains("too large"),
        "{err}"
    );
    assert_eq!(total(&search(&root, SEEDS_QUERY, &[])), 2);
    assert_eq!(
        total(&search(&root, "envoy", &[])),
        0,
        "the huge file was not indexed"
    );
    let o = index(&corpus, &root, &["--strict", "--rebuild"]);
    assert_eq!(
        o.status.code(),
        Some(3),
        "--strict fails on the skipped file"
    );
}
