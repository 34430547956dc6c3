//! Property tests over the query front end and the ingest parsers: no input,
//! however malformed, may panic or hang. `cargo test` runs a few hundred cases
//! per property; `PROPTEST_CASES=20000 cargo test --release --test fuzz_parsers`
//! runs a longer campaign.

use std::path::PathBuf;
use std::sync::OnceLock;

use communique::index::{self, BuildOptions};
use communique::ingest::{self, Item};
use communique::search::{Engine, SearchRequest, query};
use proptest::prelude::*;

/// Pieces that exercise the grammar: operators, quotes, groups, fields, fuzz marks.
fn query_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("AND".to_string()),
        Just("OR".to_string()),
        Just("NOT".to_string()),
        Just("+".to_string()),
        Just("-".to_string()),
        Just("~".to_string()),
        Just("*".to_string()),
        Just("^2".to_string()),
        Just(":".to_string()),
        Just("person:".to_string()),
        Just("country:\"North Korea\"".to_string()),
        Just("title:".to_string()),
        Just("outlet:NBC".to_string()),
        Just("Pompeo".to_string()),
        Just("fourth".to_string()),
        Just("DPRK".to_string()),
        Just("Kim Jong Un".to_string()),
        Just(" ".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{0,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn query_text() -> impl Strategy<Value = String> {
    prop::collection::vec(query_piece(), 0..12).prop_map(|v| v.concat())
}

/// One small index of the seeds, shared by every case.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("communique-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
        index::build(&BuildOptions::new(corpus, root.clone())).expect("seeds index");
        Engine::open(&root).expect("open seeds index")
    })
}

/// 300 cases a property in the suite; `PROPTEST_CASES=20000` for a long run
/// (a literal count in the config would override the variable).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn query_parser_never_panics(q in query_text()) {
        let _ = query::parse(&q);
    }

    #[test]
    fn search_never_panics(q in query_text(), fuzzy in any::<bool>(), explain in any::<bool>()) {
        let request = SearchRequest { query: q, fuzzy, explain, ..SearchRequest::default() };
        let _ = engine().search(&request);
    }

    /// Any Unicode text is a query: it fails only for the listed reasons.
    #[test]
    fn only_listed_errors(q in prop_oneof![query_text(), "\\PC{0,40}", any::<String>()]) {
        let request = SearchRequest { query: q.clone(), ..SearchRequest::default() };
        if let Err(e) = engine().search(&request) {
            let message = e.to_string();
            // C1 controls (mojibake) are read as spaces: a query of only those is empty.
            let c1 = |c: char| ('\u{80}'..='\u{9f}').contains(&c);
            let listed = q.chars().all(|c| c.is_whitespace() || c1(c))
                || q.chars().any(|c| c.is_control() && !c.is_whitespace() && !c1(c))
                || message.contains("filter needs a value")
                || message.contains("needs a value right after the colon");
            prop_assert!(listed, "{q:?} failed: {message}");
            prop_assert!(!message.contains("Syntax Error"), "tantivy's wording: {message}");
        }
    }

    /// Extra spaces between or around terms change nothing.
    #[test]
    fn extra_spaces_change_nothing(q in query_text(), pad in "[ \t]{1,3}") {
        let spaced: String = q.split(' ').collect::<Vec<_>>().join(&format!(" {pad}"));
        let spaced = format!("{pad}{spaced}{pad}");
        let run = |text: &str| {
            let request = SearchRequest { query: text.to_string(), collapse: false, ..SearchRequest::default() };
            engine().search(&request).map(|r| {
                let hits: Vec<(String, u32)> = r.hits.iter().map(|h| (h.id.clone(), (h.score * 1000.0).round() as u32)).collect();
                (r.total, hits)
            }).map_err(|e| e.to_string().split(" (at character").next().unwrap_or_default().to_string())
        };
        prop_assert_eq!(run(&q), run(&spaced), "{:?} vs {:?}", q, spaced);
    }

    #[test]
    fn ingest_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048), kind in 0usize..7) {
        let ext = ["txt", "md", "json", "jsonl", "html", "jsonl.gz", "json.gz"][kind];
        let dir = std::env::temp_dir().join(format!("communique-fuzz-ingest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("input.{ext}")), &bytes).unwrap();
        let discovery = ingest::discover(&dir);
        for file in &discovery.files {
            ingest::read_file(file, &discovery.metadata, &mut |item| {
                if let Item::Article(mut a) = item {
                    index::prepare(&mut a, &communique::clean::Cleaner::new(), communique::extract::Extractor::shared());
                }
            });
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn json_records_never_panic(text in "[\\[\\]{}\":,a-z0-9 \\n\\\\]{0,200}") {
        let dir = std::env::temp_dir().join(format!("communique-fuzz-json-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("input.jsonl"), &text).unwrap();
        std::fs::write(dir.join("input.json"), &text).unwrap();
        let discovery = ingest::discover(&dir);
        for file in &discovery.files {
            ingest::read_file(file, &discovery.metadata, &mut |_| {});
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
