//! Shared helpers for the end-to-end tests: run the real binary on real files
//! in throw-away folders, and read its `--json` output.

#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

pub const SEEDS_QUERY: &str = "Pompeo fourth visit";

/// The binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_communique")
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures")
}

/// The full Reuters-21578 dump. CI always has `../shared`; a missing one is a
/// broken checkout, so this fails loudly instead of skipping.
pub fn reuters_gz() -> PathBuf {
    shared_corpus("reuters21578").join("data.jsonl.gz")
}

/// A research corpus folder of ../shared/corpora (its `data.jsonl.gz` checked).
pub fn shared_corpus(name: &str) -> PathBuf {
    let dir = repo().join("../shared/corpora").join(name);
    let path = dir.join("data.jsonl.gz");
    assert!(
        path.is_file(),
        "the shared research corpus is missing: expected {} (the tests need ../shared/corpora beside the repository)",
        path.display()
    );
    dir
}

/// A folder under the system temp dir, removed (permissions restored first) on drop.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let path = std::env::temp_dir().join(format!(
            "communique-test-{}-{}-{}-{}",
            label,
            std::process::id(),
            n,
            nanos
        ));
        fs::create_dir_all(&path).expect("create temp dir");
        TempDir { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn join(&self, p: impl AsRef<Path>) -> PathBuf {
        self.path.join(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        restore_permissions(&self.path);
        let _ = fs::remove_dir_all(&self.path);
    }
}

fn restore_permissions(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(meta) = fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if meta.file_type().is_symlink() {
            continue;
        }
        let mode = if meta.is_dir() { 0o755 } else { 0o644 };
        let _ = fs::set_permissions(entry.path(), fs::Permissions::from_mode(mode));
        if meta.is_dir() {
            restore_permissions(&entry.path());
        }
    }
}

/// A command for the binary, isolated from the user's environment: no
/// `$COMMUNIQUE_INDEX`, run from the temp dir so no `./.communique` or
/// `./corpus` of the caller is ever used.
pub fn command(cwd: &Path) -> Command {
    let mut cmd = Command::new(bin());
    cmd.current_dir(cwd)
        .env_remove("COMMUNIQUE_INDEX")
        .env("NO_COLOR", "1")
        .env("RUST_BACKTRACE", "0");
    cmd
}

pub fn run(cwd: &Path, args: &[&str]) -> Output {
    command(cwd).args(args).output().expect("run communique")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn describe(o: &Output) -> String {
    format!(
        "exit status {:?}\n--- stderr ---\n{}\n--- stdout (first 2000 chars) ---\n{}",
        o.status.code(),
        stderr(o),
        stdout(o).chars().take(2000).collect::<String>()
    )
}

/// A Rust panic exits with 101 and prints "panicked at".
pub fn assert_no_panic(o: &Output, what: &str) {
    assert_ne!(
        o.status.code(),
        Some(101),
        "{what}: the binary panicked\n{}",
        describe(o)
    );
    assert!(
        o.status.code().is_some(),
        "{what}: killed by a signal\n{}",
        describe(o)
    );
    assert!(
        !stderr(o).contains("panicked at"),
        "{what}: the binary panicked\n{}",
        describe(o)
    );
}

/// A user error: non-zero exit, exactly one line on stderr, no panic.
pub fn assert_one_line_error(o: &Output, what: &str) {
    assert_no_panic(o, what);
    assert!(
        !o.status.success(),
        "{what}: expected a non-zero exit\n{}",
        describe(o)
    );
    let err = stderr(o);
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines.len(),
        1,
        "{what}: expected a one-line error on stderr\n{}",
        describe(o)
    );
}

/// `communique index CORPUS --index ROOT [extra...]`.
pub fn index(corpus: &Path, root: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "index".to_string(),
        corpus.display().to_string(),
        "--index".to_string(),
        root.display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let cwd = root.parent().unwrap_or(root);
    command(cwd)
        .args(&args)
        .output()
        .expect("run communique index")
}

/// Indexes and insists on success.
pub fn index_ok(corpus: &Path, root: &Path) -> Output {
    let o = index(corpus, root, &[]);
    assert_no_panic(&o, "index");
    assert_eq!(
        o.status.code(),
        Some(0),
        "index {} failed\n{}",
        corpus.display(),
        describe(&o)
    );
    o
}

/// `communique search QUERY --index ROOT --json [extra...]`, raw.
pub fn search_raw(root: &Path, query: &str, extra: &[&str]) -> Output {
    let cwd = root.parent().unwrap_or(root);
    command(cwd)
        .arg("search")
        .arg(query)
        .arg("--index")
        .arg(root)
        .arg("--json")
        .args(extra)
        .output()
        .expect("run communique search")
}

/// Searches and parses the JSON object, insisting on success.
pub fn search(root: &Path, query: &str, extra: &[&str]) -> Value {
    let o = search_raw(root, query, extra);
    assert_no_panic(&o, &format!("search {query:?}"));
    assert!(
        o.status.success(),
        "search {query:?} {extra:?} failed\n{}",
        describe(&o)
    );
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "search {query:?}: stdout is not one JSON object ({e})\n{}",
            describe(&o)
        )
    })
}

pub fn total(v: &Value) -> u64 {
    v["total"]
        .as_u64()
        .unwrap_or_else(|| panic!("no numeric \"total\" in {v}"))
}

pub fn hits(v: &Value) -> &Vec<Value> {
    v["hits"]
        .as_array()
        .unwrap_or_else(|| panic!("no \"hits\" array in {v}"))
}

pub fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// The count of `value` in facet `field`, 0 when absent.
pub fn facet_count(v: &Value, field: &str, value: &str) -> u64 {
    let list = v["facets"][field]
        .as_array()
        .unwrap_or_else(|| panic!("no facet {field:?} in {}", v["facets"]));
    list.iter()
        .find(|e| e["value"] == value)
        .and_then(|e| e["count"].as_u64())
        .unwrap_or(0)
}

pub fn facet_values(v: &Value, field: &str) -> Vec<String> {
    v["facets"][field]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["value"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// The single hit of a query expected to find exactly one article.
pub fn only_hit(root: &Path, query: &str) -> Value {
    let v = search(root, query, &[]);
    assert_eq!(
        total(&v),
        1,
        "{query:?} should find exactly one article: {v:#}"
    );
    hits(&v)[0].clone()
}

/// Copies a folder tree (files and folders only).
pub fn copy_dir(src: &Path, dst: &Path) {
    fs::create_dir_all(dst).unwrap();
    for entry in fs::read_dir(src).unwrap_or_else(|e| panic!("read {}: {e}", src.display())) {
        let entry = entry.unwrap();
        let to = dst.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to);
        } else {
            fs::copy(entry.path(), &to).unwrap();
        }
    }
}

/// The bundled seed corpus (two articles and their metadata.jsonl), copied.
pub fn seeds_corpus(into: &Path) -> PathBuf {
    let dir = into.join("seeds");
    copy_dir(&repo().join("corpus"), &dir);
    dir
}

/// A seeds corpus indexed into `<tmp>/index`; returns the index root.
pub fn seeds_index(tmp: &TempDir) -> PathBuf {
    let corpus = seeds_corpus(tmp.path());
    let root = tmp.join("index");
    index_ok(&corpus, &root);
    root
}

pub fn gzip_bytes(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// Writes `src` gzip-compressed to `dst`.
pub fn gzip_file(src: &Path, dst: &Path) {
    let data = fs::read(src).unwrap_or_else(|e| panic!("read {}: {e}", src.display()));
    fs::write(dst, gzip_bytes(&data)).unwrap();
}

/// The first `n` lines of the Reuters dump, decompressed.
pub fn reuters_head(n: usize) -> String {
    use std::io::{BufRead, BufReader};
    let file = fs::File::open(reuters_gz()).unwrap();
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
    let mut out = String::new();
    for line in reader.lines().take(n) {
        out.push_str(&line.expect("read Reuters line"));
        out.push('\n');
    }
    out
}

/// The generation folders (`gen-*`) inside an index root.
pub fn generations(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("gen-"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
pub mod server;
