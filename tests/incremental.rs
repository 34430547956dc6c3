//! Incremental updates: `index` on a folder it has indexed before re-reads only
//! new and changed files, removes deleted ones, and `--rebuild` starts afresh.

mod common;

use std::fs;

use common::*;

#[test]
fn update_reads_only_what_changed() {
    let tmp = TempDir::new("incremental");
    let corpus = seeds_corpus(tmp.path());
    let root = tmp.join("index");
    index_ok(&corpus, &root);
    assert_eq!(total(&search(&root, SEEDS_QUERY, &[])), 2);

    // Nothing changed: nothing re-read.
    let o = index_ok(&corpus, &root);
    let summary = stderr(&o);
    assert!(
        summary.contains("0 new, 0 changed, 0 deleted, 2 unchanged"),
        "{summary}"
    );

    // One new file, one deleted, one changed by its metadata only.
    fs::write(
        corpus.join("oslo.txt"),
        "Envoys meet in Oslo\n\nEnvoys gathered in Oslo for quiet talks on Thursday.\n",
    )
    .unwrap();
    fs::remove_file(corpus.join("003_75fbc481610a8632.txt")).unwrap();
    let meta = fs::read_to_string(corpus.join("metadata.jsonl")).unwrap();
    fs::write(
        corpus.join("metadata.jsonl"),
        meta.replace("2018-09-20", "2018-09-21"),
    )
    .unwrap();
    let o = index_ok(&corpus, &root);
    let summary = stderr(&o);
    assert!(
        summary.contains("1 new, 1 changed, 1 deleted, 0 unchanged"),
        "{summary}"
    );

    let v = search(&root, SEEDS_QUERY, &[]);
    assert_eq!(total(&v), 1, "the deleted Breitbart article is gone");
    assert_eq!(
        hits(&v)[0]["date"],
        "2018-09-21",
        "the changed metadata was re-read"
    );
    assert_eq!(
        total(&search(&root, "Oslo", &[])),
        1,
        "the new file is searchable"
    );
    // Each article once: the changed file replaced its old version.
    assert_eq!(total(&search(&root, "Pyongyang", &[])), 1);

    let o = index(&corpus, &root, &["--rebuild"]);
    assert!(
        stderr(&o).contains("indexed 2 articles"),
        "{}",
        describe(&o)
    );
    assert_eq!(total(&search(&root, "Oslo OR Pyongyang", &[])), 2);
}
