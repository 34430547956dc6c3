//! `communique serve` started for a test: a corpus with the seeds, articles
//! whose titles and bodies hold markup and whose ids hold `/`, `#` and spaces,
//! and a Reuters slice; the real binary on a free port; a std-only HTTP client.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::Value;

use super::{TempDir, command, index_ok, reuters_head, seeds_corpus};

/// Ids that need percent-encoding in a path.
pub const XSS_ID: &str = "hostile/1#a b";
pub const ODD_ID: &str = "wire/2018 #5 é";
pub const REUTERS_ARTICLES: usize = 300;

/// Titles and bodies that would run script if a page took them as markup.
fn hostile_records() -> String {
    let records = [
        serde_json::json!({
            "id": XSS_ID,
            "title": "<script>window.pwned=1</script> Pyongyang summit <img src=x onerror=\"window.pwned=2\">",
            "outlet": "Hostile Gazette",
            "date": "2018-09-21",
            "authors": ["<b>Mallory</b>"],
            "body": "Diplomats met in Pyongyang for summit talks on Friday. <script>window.pwned=3</script> \
                     The envoy said <img src=x onerror=\"window.pwned=4\"> the talks on denuclearization would resume. \
                     Officials from both Koreas attended the summit and Pompeo was expected to visit again."
        }),
        serde_json::json!({
            "id": ODD_ID,
            "title": "Envoy in Seoul ahead of Pyongyang summit",
            "outlet": "Wire Service",
            "date": "2018-09-19",
            "body": "The special envoy arrived in Seoul on Wednesday ahead of the Pyongyang summit, \
                     where Moon Jae-in and Kim Jong Un were to discuss denuclearization and a visit by Pompeo."
        }),
    ];
    records.iter().map(|r| format!("{r}\n")).collect()
}

/// The served corpus: seeds, hostile articles, a Reuters slice.
pub fn corpus(tmp: &TempDir) -> PathBuf {
    let dir = seeds_corpus(tmp.path());
    fs::write(dir.join("hostile.jsonl"), hostile_records()).unwrap();
    fs::write(dir.join("reuters.jsonl"), reuters_head(REUTERS_ARTICLES)).unwrap();
    dir
}

/// An index of [`corpus`] at `<tmp>/index`.
pub fn index(tmp: &TempDir) -> PathBuf {
    let corpus = corpus(tmp);
    let root = tmp.join("index");
    index_ok(&corpus, &root);
    root
}

/// A running `communique serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub url: String,
    pub addr: String,
}

impl Server {
    pub fn start(root: &Path, extra: &[&str]) -> Server {
        let mut child = command(root.parent().unwrap_or(root))
            .args(["serve", "--index"])
            .arg(root)
            .args(["--port", "0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start communique serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the serve banner");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in the serve banner {line:?}"))
            .trim_end_matches('/')
            .to_string();
        let addr = url.trim_start_matches("http://").to_string();
        Server { child, url, addr }
    }

    pub fn get(&self, target: &str) -> Response {
        self.request("GET", target)
    }

    /// One request on a fresh connection; `target` is sent as written.
    pub fn request(&self, method: &str, target: &str) -> Response {
        let mut stream = TcpStream::connect(&self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read response");
        Response::parse(&raw)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Response {
    pub status: u16,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    fn parse(raw: &[u8]) -> Response {
        let text = String::from_utf8_lossy(raw);
        let (head, body) = text
            .split_once("\r\n\r\n")
            .unwrap_or_else(|| panic!("no header end in {text:?}"));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status in {head:?}"));
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        assert!(
            !headers
                .iter()
                .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked")),
            "chunked answers are not expected: {head}"
        );
        Response {
            status,
            headers,
            body: body.to_string(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
