//! `communique serve`'s API, end to end: the real binary on a temp index of
//! the seeds, hostile articles and a Reuters slice, asked over HTTP.

mod common;

use common::server::{self, Server, encode};
use common::{TempDir, command, index_ok, run, stdout};
use serde_json::Value;

/// The command line's `--json` for the same request, parsed.
fn cli_json(root: &std::path::Path, args: &[&str]) -> Value {
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    all.extend([
        "--index".into(),
        root.display().to_string(),
        "--json".into(),
    ]);
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    let o = run(root.parent().unwrap(), &refs);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        common::describe(&o)
    );
    serde_json::from_str(&stdout(&o)).expect("CLI JSON")
}

/// Timings differ between two runs; everything else must not.
fn without_timing(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("took_ms");
    }
    v
}

/// The similar list without scores: more-like-this picks its 30 terms among
/// ties in hash order, so a score can differ between two processes (the
/// library's behaviour, seen with `similar` run twice); the articles must not.
fn without_scores(mut v: Value) -> Value {
    for hit in v["similar"].as_array_mut().into_iter().flatten() {
        hit.as_object_mut().map(|o| o.remove("score"));
    }
    v
}

#[test]
fn search_answers_the_command_lines_json() {
    let tmp = TempDir::new("serve-same-json");
    let root = server::index(&tmp);
    let srv = Server::start(&root, &[]);
    let cases: &[(&str, &[&str])] = &[
        ("q=Pompeo+visit", &["search", "Pompeo visit"]),
        (
            "q=oil+prices&limit=3&offset=2&sort=date&fragments=1&fragment_size=80",
            &[
                "search",
                "oil prices",
                "-n",
                "3",
                "--offset",
                "2",
                "--sort",
                "date",
                "--fragments",
                "1",
                "--fragment-size",
                "80",
            ],
        ),
        (
            "q=summit&facet=outlet&facet=date&facet_limit=3&interval=month",
            &[
                "search",
                "summit",
                "--facet",
                "outlet",
                "--facet",
                "date",
                "--facet-limit",
                "3",
                "--interval",
                "month",
            ],
        ),
        (
            "q=trade&group_by=outlet&limit=5",
            &["search", "trade", "--group-by", "outlet", "-n", "5"],
        ),
        (
            "q=Pyongyang&group_by=story",
            &["search", "Pyongyang", "--group-by", "story"],
        ),
        (
            "q=%22fourth+visit%22+person%3A%22Kim+Jong+Un%22&collapse=false&explain=true",
            &[
                "search",
                "\"fourth visit\" person:\"Kim Jong Un\"",
                "--no-collapse",
                "--explain",
            ],
        ),
        (
            "q=Pompao&fuzzy=true&since=2018&until=2018-09",
            &[
                "search", "Pompao", "--fuzzy", "--since", "2018", "--until", "2018-09",
            ],
        ),
        (
            "q=coffee&facet_only=true",
            &["search", "coffee", "--facet-only"],
        ),
    ];
    for (params, args) in cases {
        let r = srv.get(&format!("/api/search?{params}"));
        assert_eq!(r.status, 200, "{params}: {}", r.body);
        assert_eq!(r.header("content-type"), Some("application/json"));
        let api = without_timing(r.json());
        let cli = without_timing(cli_json(&root, args));
        assert_eq!(api, cli, "API and CLI differ for {params}");
    }
    // The seeds are found and highlighted: the comparison above compared something.
    let r = srv.get("/api/search?q=Pompeo+fourth+visit").json();
    assert!(r["total"].as_u64().unwrap() >= 2, "{r}");
    assert!(
        !r["hits"][0]["title_highlights"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn articles_similar_timeline_and_stats_answer_as_the_command_line() {
    let tmp = TempDir::new("serve-articles");
    let root = server::index(&tmp);
    let srv = Server::start(&root, &[]);
    for id in [server::ODD_ID, server::XSS_ID, "000_3af7680843796fe3.txt"] {
        let r = srv.get(&format!("/api/articles/{}?q=summit+visit", encode(id)));
        assert_eq!(r.status, 200, "{id}: {}", r.body);
        assert_eq!(
            r.json(),
            cli_json(&root, &["show", id, "--query", "summit visit"]),
            "{id}"
        );
        assert_eq!(r.json()["id"], id);
        let r = srv.get(&format!("/api/articles/{}/similar?limit=3", encode(id)));
        assert_eq!(r.status, 200, "{id}: {}", r.body);
        let (api, cli) = (r.json(), cli_json(&root, &["similar", id, "-n", "3"]));
        assert_eq!(without_scores(api), without_scores(cli), "{id}");
    }
    let r = srv.get("/api/timeline?q=oil&by=outlet&interval=month&normalize=true&top=3");
    assert_eq!(r.status, 200, "{}", r.body);
    let cli = cli_json(
        &root,
        &[
            "timeline",
            "oil",
            "--by",
            "outlet",
            "--interval",
            "month",
            "--normalize",
            "--top",
            "3",
        ],
    );
    assert_eq!(r.json(), cli);
    let stats = srv.get("/api/stats").json();
    let expected = (server::REUTERS_ARTICLES + 4) as u64;
    let articles = stats["articles"].as_u64().unwrap();
    assert!(articles <= expected && articles + 5 >= expected, "{stats}");
    assert!(stats["outlets"].as_u64().unwrap() >= 4, "{stats}");
    assert_eq!(stats["last_date"], "2018-09-21", "{stats}");
    assert_eq!(srv.get("/healthz").json()["status"], "ok");
}

#[test]
fn client_mistakes_get_json_errors_with_the_right_status() {
    let tmp = TempDir::new("serve-errors");
    let root = server::index(&tmp);
    let srv = Server::start(&root, &[]);
    let long_q = format!("/api/search?q={}", "a+".repeat(2100));
    let long_target = format!("/api/search?q=a&x={}", "b".repeat(9000));
    let cases: Vec<(&str, String, u16, &str)> = vec![
        (
            "GET",
            "/api/search?q=Pompeo+person%3A".into(),
            400,
            "needs a value",
        ),
        ("GET", "/api/search".into(), 400, "empty query"),
        (
            "GET",
            "/api/search?limit=many".into(),
            400,
            "limit must be a whole number",
        ),
        ("GET", "/api/search?limit=100000".into(), 400, "at most 100"),
        (
            "GET",
            "/api/search?sort=sideways".into(),
            400,
            "sort must be one of relevance, date, date-asc",
        ),
        ("GET", "/api/search?since=last+week".into(), 400, "since"),
        // Found by schemathesis: empty values were taken as absent, true or all.
        (
            "GET",
            "/api/search?q=oil&until=".into(),
            400,
            "until must be a date",
        ),
        (
            "GET",
            "/api/timeline?q=oil&since=".into(),
            400,
            "since must be a date",
        ),
        (
            "GET",
            "/api/timeline?q=oil&normalize=".into(),
            400,
            "true or false",
        ),
        (
            "GET",
            "/api/search?q=oil&explain".into(),
            400,
            "true or false",
        ),
        (
            "GET",
            "/api/search?q=oil&group_by=".into(),
            400,
            "group_by must be outlet, story or none",
        ),
        (
            "GET",
            "/api/search?q=oil&facet=".into(),
            400,
            "facet has an empty value",
        ),
        (
            "GET",
            "/api/search?facet=colour".into(),
            400,
            "unknown facet",
        ),
        ("GET", "/api/search?group_by=mood".into(), 400, "group_by"),
        (
            "GET",
            "/api/search?explain=perhaps".into(),
            400,
            "true or false",
        ),
        (
            "GET",
            "/api/search?bogus=1".into(),
            400,
            "unknown parameter",
        ),
        ("GET", "/api/search?q=a&q=b".into(), 400, "given twice"),
        ("GET", "/api/search?q=%FF%FE".into(), 400, "query string"),
        ("GET", long_q, 400, "the limit is 2000"),
        ("GET", long_target, 414, "the limit is 8192"),
        (
            "GET",
            "/api/timeline?by=planet".into(),
            400,
            "by must be one of",
        ),
        (
            "GET",
            "/api/articles/no-such-article".into(),
            404,
            "no article with id",
        ),
        (
            "GET",
            "/api/articles/no-such-article/similar".into(),
            404,
            "no article with id",
        ),
        ("GET", "/api/articles/%FF".into(), 400, "article id"),
        ("GET", "/api/nothing".into(), 404, "no such path"),
        ("GET", "/assets/../Cargo.toml".into(), 404, ""),
        (
            "GET",
            "/assets/..%2F..%2FCargo.toml".into(),
            404,
            "no such asset",
        ),
        (
            "GET",
            "/%2e%2e/%2e%2e/etc/passwd".into(),
            404,
            "no such path",
        ),
        (
            "GET",
            "/assets/%2e%2e%2fopenapi.json".into(),
            404,
            "no such asset",
        ),
        ("POST", "/api/search".into(), 405, "only reads"),
        ("DELETE", "/api/articles/x".into(), 405, "only reads"),
    ];
    for (method, target, status, message) in &cases {
        let r = srv.request(method, target);
        let shown: String = target.chars().take(80).collect();
        assert_eq!(r.status, *status, "{method} {shown}: {}", r.body);
        let body = r.json();
        assert_eq!(body["status"], *status, "{shown}");
        assert!(
            body["error"].as_str().unwrap().contains(message),
            "{shown}: {body}"
        );
    }
    // The position of a query error is the character where it went wrong.
    let r = srv.get("/api/search?q=Pompeo+person%3A").json();
    assert_eq!(r["position"], 7, "{r}");
    // The process survived all of that.
    assert_eq!(srv.get("/healthz").status, 200);
}

#[test]
fn article_text_is_data_in_every_field() {
    let tmp = TempDir::new("serve-xss");
    let root = server::index(&tmp);
    let srv = Server::start(&root, &[]);
    let hit = &srv
        .get("/api/search?q=outlet%3A%22Hostile+Gazette%22&limit=1")
        .json()["hits"][0];
    assert_eq!(hit["id"], server::XSS_ID, "{hit}");
    let title = hit["title"].as_str().unwrap();
    assert!(title.contains("<script>window.pwned=1</script>"), "{title}");
    assert!(title.contains("onerror=\"window.pwned=2\""), "{title}");
    let article = srv
        .get(&format!("/api/articles/{}", encode(server::XSS_ID)))
        .json();
    assert!(
        article["body"]
            .as_str()
            .unwrap()
            .contains("<script>window.pwned=3</script>")
    );
    // JSON is never sniffed as HTML, and the page may run only its own script.
    let page = srv.get("/");
    assert_eq!(page.status, 200);
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(
        !page.body.contains("http://") && !page.body.contains("https://"),
        "no outside assets"
    );
    for asset in ["/assets/app.js", "/assets/style.css"] {
        let r = srv.get(asset);
        assert_eq!(r.status, 200, "{asset}");
        assert!(
            !r.body.contains("innerHTML"),
            "{asset} must not build markup from strings"
        );
        assert!(
            !r.body.contains("https://"),
            "{asset} loads nothing from outside"
        );
    }
}

#[test]
fn openapi_document_lists_exactly_the_served_routes() {
    let tmp = TempDir::new("serve-openapi");
    let root = server::index(&tmp);
    let srv = Server::start(&root, &[]);
    let doc = srv.get("/api/openapi.json").json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    assert_eq!(paths.len(), 7, "{:?}", paths.keys());
    for (path, item) in paths {
        let target = path.replace("{id}", &encode("000_3af7680843796fe3.txt"));
        // The routes that search need a query; the others take the bare path.
        let needs_q = ["/api/search", "/api/timeline"].contains(&path.as_str());
        let first = if needs_q {
            format!("{target}?q=oil")
        } else {
            target.clone()
        };
        let r = srv.get(&first);
        assert_eq!(
            r.status, 200,
            "{path} is documented but answers {}",
            r.status
        );
        // The answer has every property its schema requires.
        let schema = &item["get"]["responses"]["200"]["content"]["application/json"]["schema"];
        let schema = match schema["$ref"]
            .as_str()
            .or(schema["oneOf"][0]["$ref"].as_str())
        {
            Some(r) => &doc["components"]["schemas"][r.rsplit('/').next().unwrap()],
            None => schema,
        };
        let body = r.json();
        for key in schema["required"].as_array().into_iter().flatten() {
            let key = key.as_str().unwrap();
            assert!(body.get(key).is_some(), "{path}: {key} missing from {body}");
        }
        // Every documented parameter is accepted (an unknown one is a 400).
        for param in item["get"]["parameters"].as_array().into_iter().flatten() {
            if param["in"] == "query" {
                let name = param["name"].as_str().unwrap();
                let r = srv.get(&format!("{target}?{name}=1"));
                assert_ne!(r.status, 404, "{path}?{name}");
                assert!(
                    !r.json()["error"]
                        .as_str()
                        .unwrap_or("")
                        .contains("unknown parameter"),
                    "{path}?{name}"
                );
            }
        }
    }
    // And a route the document does not list is not served.
    assert_eq!(srv.get("/api/articles").status, 404);
}

#[test]
fn a_new_generation_is_served_without_a_restart() {
    let tmp = TempDir::new("serve-reload");
    let corpus = common::seeds_corpus(tmp.path());
    let root = tmp.join("index");
    index_ok(&corpus, &root);
    let srv = Server::start(&root, &[]);
    assert_eq!(srv.get("/api/stats").json()["articles"], 2);
    assert_eq!(srv.get("/api/search?q=quetzal").json()["total"], 0);
    // A rebuild swaps in a new generation; an update commits in place.
    std::fs::write(corpus.join("more.jsonl"), format!("{}\n", serde_json::json!({
        "id": "added-1", "title": "Quetzal summit", "outlet": "Wire", "body": "A quetzal was the gift announced at the summit in Singapore."
    }))).unwrap();
    let o = common::index(&corpus, &root, &["--rebuild"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::describe(&o));
    assert_eq!(srv.get("/api/stats").json()["articles"], 3);
    assert_eq!(srv.get("/api/search?q=quetzal").json()["total"], 1);
    std::fs::remove_file(corpus.join("more.jsonl")).unwrap();
    index_ok(&corpus, &root);
    assert_eq!(srv.get("/api/stats").json()["articles"], 2);
    assert_eq!(srv.get("/api/search?q=quetzal").json()["total"], 0);
}

#[test]
fn cors_only_when_asked_and_a_warning_beyond_loopback() {
    let tmp = TempDir::new("serve-cors");
    let root = common::seeds_index(&tmp);
    let plain = Server::start(&root, &[]);
    assert_eq!(
        plain
            .get("/api/stats")
            .header("access-control-allow-origin"),
        None
    );
    drop(plain);
    let open = Server::start(&root, &["--cors", "http://notebook.example:8888"]);
    let r = open.request("GET", "/api/stats");
    assert_eq!(r.status, 200);
    // tower-http answers CORS headers only to requests with an Origin.
    let mut stream = std::net::TcpStream::connect(&open.addr).unwrap();
    use std::io::{Read, Write};
    write!(stream, "GET /api/stats HTTP/1.1\r\nHost: x\r\nOrigin: http://notebook.example:8888\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    assert!(
        raw.to_ascii_lowercase()
            .contains("access-control-allow-origin: http://notebook.example:8888"),
        "{raw}"
    );
    drop(open);
    // Beyond loopback: a warning, before anything is served.
    let o = command(tmp.path())
        .args(["serve", "--index"])
        .arg(&root)
        .args([
            "--bind",
            "0.0.0.0",
            "--port",
            "0",
            "--cors",
            "not an origin",
        ])
        .output()
        .unwrap();
    let err = common::stderr(&o);
    assert!(
        err.contains("warning: listening on 0.0.0.0, not loopback"),
        "{err}"
    );
    assert!(
        err.contains("not a valid origin") || err.contains("takes an origin"),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(1), "{err}");
}
