//! The page end to end in Debian's Chromium: tests/browser/e2e.mjs (Node and
//! playwright-core) drives it against `communique serve` on the test corpus.
//! Needs `apt-get install chromium` and `npm ci --prefix tests/browser`
//! (`.ci/run` does both); a missing piece fails the test, it is never skipped.
//! `SCREENSHOTS=docs cargo test --release --test serve_browser` refreshes the
//! README's screenshots.

mod common;

use std::path::Path;
use std::process::Command;

use common::TempDir;
use common::server::{self, Server};

#[test]
fn the_page_works_in_chromium() {
    let browser_dir = common::repo().join("tests/browser");
    assert!(
        browser_dir.join("node_modules/playwright-core").is_dir(),
        "playwright-core is not installed: run `npm ci --prefix tests/browser` (.ci/run does)"
    );
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "no Chromium at {chromium}: run `apt-get install -y chromium` (.ci/run does)"
    );
    let tmp = TempDir::new("serve-browser");
    let root = server::index(&tmp);
    let srv = Server::start(&root, &[]);
    let shots = std::env::var("SCREENSHOTS")
        .map(|d| common::repo().join(d))
        .unwrap_or_else(|_| tmp.join("shots"));
    std::fs::create_dir_all(&shots).unwrap();
    let out = Command::new("node")
        .arg(browser_dir.join("e2e.mjs"))
        .arg(&srv.url)
        .arg(&shots)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node is needed for the browser tests (apt-get install nodejs)");
    let report = String::from_utf8_lossy(&out.stdout);
    print!("{report}");
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "the browser checks failed:\n{report}");
    assert!(report.contains(" passed, 0 failed"), "{report}");
    for shot in ["serve-1440.png", "serve-375.png"] {
        assert!(shots.join(shot).is_file(), "no screenshot {shot}");
    }
}
