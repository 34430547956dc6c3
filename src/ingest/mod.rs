//! Ingest: turn the files of a corpus folder into raw [`Article`]s.
//!
//! Every problem with a file becomes a [`Skip`] naming the file (and line),
//! never a panic and never the end of the run: the other articles still flow.

mod decode;
pub mod html;
mod metadata;
mod record;
mod text;
mod webpage;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::article::Article;
pub use metadata::Metadata;

/// How a file is read, decided by its extension (under any `.gz`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Text,
    Markdown,
    Json,
    JsonLines,
    Html,
}

impl FileFormat {
    fn from_extension(ext: &str) -> Option<FileFormat> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => FileFormat::Text,
            "md" | "markdown" => FileFormat::Markdown,
            "json" => FileFormat::Json,
            "jsonl" | "ndjson" => FileFormat::JsonLines,
            "html" | "htm" | "xhtml" => FileFormat::Html,
            _ => return None,
        })
    }
}

/// The longest news articles run to a few hundred kilobytes; anything past
/// this is not an article and would only bloat the index.
pub const MAX_ARTICLE_BYTES: usize = 16_000_000;

/// One file of the corpus that we know how to read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    /// Path relative to the corpus root, with `/` separators: the article's provenance.
    pub rel: String,
    pub format: FileFormat,
    pub gzip: bool,
}

/// Why a file, or a record inside one, was not indexed (or was indexed with a caveat).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkipKind {
    Unsupported,
    Empty,
    Binary,
    Unreadable,
    SymlinkLoop,
    BadJson,
    TruncatedGzip,
    NoArticle,
    Duplicate,
    /// An article body larger than any news article: a dump or a mistake.
    TooLarge,
    /// Not a skip: the text was not UTF-8 and was decoded as Windows-1252.
    Reencoded,
}

impl SkipKind {
    /// Whether the article content was lost (as opposed to a note about it).
    pub fn loses_content(self) -> bool {
        !matches!(self, SkipKind::Reencoded | SkipKind::Duplicate)
    }

    pub fn label(self) -> &'static str {
        match self {
            SkipKind::Unsupported => "unsupported file type",
            SkipKind::Empty => "empty",
            SkipKind::Binary => "binary, not text",
            SkipKind::Unreadable => "unreadable",
            SkipKind::SymlinkLoop => "symlink loop",
            SkipKind::BadJson => "invalid JSON",
            SkipKind::TruncatedGzip => "truncated gzip",
            SkipKind::NoArticle => "no article text",
            SkipKind::Duplicate => "duplicate article",
            SkipKind::TooLarge => "article too large",
            SkipKind::Reencoded => "decoded as Windows-1252",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Skip {
    pub path: String,
    pub line: Option<usize>,
    pub kind: SkipKind,
    pub detail: String,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.kind.label())?,
            None => write!(f, "{}: {}", self.path, self.kind.label())?,
        }
        if !self.detail.is_empty() {
            write!(f, " ({})", self.detail)?;
        }
        Ok(())
    }
}

impl Skip {
    fn new(path: &str, kind: SkipKind, detail: impl Into<String>) -> Skip {
        Skip {
            path: path.to_string(),
            line: None,
            kind,
            detail: detail.into(),
        }
    }

    fn at_line(mut self, line: usize) -> Skip {
        self.line = Some(line);
        self
    }

    /// A skip of one article, located as every other skip is (`file:3`).
    pub fn of_article(article: &Article, kind: SkipKind, detail: impl Into<String>) -> Skip {
        match record_line(&article.path) {
            Some((path, line)) => Skip::new(path, kind, detail).at_line(line),
            None => Skip::new(&article.path, kind, detail),
        }
    }
}

/// A record's path (`file#3`, the record on line 3 of a dump) as file and line.
pub fn record_line(path: &str) -> Option<(&str, usize)> {
    let (file, n) = path.rsplit_once('#')?;
    Some((file, n.parse().ok()?))
}

/// Where an article is, as messages name places: `file:3` for a record, else its path.
pub fn location(path: &str) -> String {
    match record_line(path) {
        Some((file, line)) => format!("{file}:{line}"),
        None => path.to_string(),
    }
}

/// What reading produces, in file order.
pub enum Item {
    Article(Box<Article>),
    Skip(Skip),
}

/// The readable files of a corpus folder, what could not be listed, and the
/// metadata the user gave beside the articles.
pub struct Discovery {
    pub files: Vec<SourceFile>,
    pub skips: Vec<Skip>,
    pub metadata: Metadata,
}

/// Walks `root` recursively (following symlinks, reporting loops) and sorts
/// the files so that ids derived from positions are stable between runs.
pub fn discover(root: &Path) -> Discovery {
    let mut files = Vec::new();
    let mut skips = Vec::new();
    let mut metadata_files = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| root.display().to_string());
                let kind = if err.loop_ancestor().is_some() {
                    SkipKind::SymlinkLoop
                } else {
                    SkipKind::Unreadable
                };
                let detail = err
                    .io_error()
                    .map(|e| e.to_string())
                    .unwrap_or_else(|| err.to_string());
                skips.push(Skip::new(&path, kind, detail));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let rel = relative(root, path);
        let name = entry.file_name().to_string_lossy().to_string();
        if metadata::is_metadata_file(&name) {
            metadata_files.push((path.to_path_buf(), rel));
            continue;
        }
        let (stem, gzip) = match name.strip_suffix(".gz") {
            Some(stem) => (stem.to_string(), true),
            None => (name.clone(), false),
        };
        let format = Path::new(&stem)
            .extension()
            .and_then(|e| FileFormat::from_extension(&e.to_string_lossy()));
        let Some(format) = format else {
            skips.push(Skip::new(&rel, SkipKind::Unsupported, ""));
            continue;
        };
        files.push(SourceFile {
            path: path.to_path_buf(),
            rel,
            format,
            gzip,
        });
    }
    let metadata = Metadata::load(&metadata_files, &mut skips);
    Discovery {
        files,
        skips,
        metadata,
    }
}

/// Reads the files named on a command line (files or folders), as `extract` does.
pub fn discover_paths(paths: &[PathBuf]) -> Vec<(PathBuf, Discovery)> {
    paths
        .iter()
        .map(|p| {
            if p.is_dir() {
                (p.clone(), discover(p))
            } else {
                let root = p.parent().map(Path::to_path_buf).unwrap_or_default();
                let mut d = discover(p);
                // A single file: keep its name as provenance, not an empty path.
                for f in &mut d.files {
                    f.rel = relative(&root, &f.path);
                }
                let sidecars = metadata::sidecar_for(p);
                let mut ignored = Vec::new();
                d.metadata = Metadata::load(&sidecars, &mut ignored);
                (root, d)
            }
        })
        .collect()
}

/// Reads one file, handing each article or problem to `sink` as it is found.
/// Returns how many bytes of text it read (after decompression).
pub fn read_file(file: &SourceFile, metadata: &Metadata, sink: &mut dyn FnMut(Item)) -> u64 {
    let mut emit = |item: Item| match item {
        Item::Article(mut article) => {
            metadata.apply(file, &mut article);
            article.raw.source.clone_from(&file.rel);
            if article.body.len() + article.title.len() > MAX_ARTICLE_BYTES {
                let detail = format!(
                    "{} MB of text in one article; the limit is {} MB",
                    (article.body.len() + article.title.len()) / 1_000_000,
                    MAX_ARTICLE_BYTES / 1_000_000
                );
                sink(Item::Skip(Skip::of_article(
                    &article,
                    SkipKind::TooLarge,
                    detail,
                )));
            } else if article.body.trim().is_empty() {
                let skip = Skip::of_article(&article, SkipKind::NoArticle, "no body text");
                sink(Item::Skip(skip));
            } else {
                sink(Item::Article(article));
            }
        }
        skip => sink(skip),
    };
    let read: fn(&SourceFile, &str, &mut dyn FnMut(Item)) = match file.format {
        FileFormat::JsonLines => return stream_json_lines(file, &mut emit),
        FileFormat::Text | FileFormat::Markdown => text::read,
        FileFormat::Json => record::read_json,
        FileFormat::Html => webpage::read,
    };
    let bytes = match decode::read_bytes(file) {
        Ok(bytes) => bytes,
        Err(skip) => {
            emit(Item::Skip(skip));
            return 0;
        }
    };
    let bytes = match bytes {
        decode::Bytes::Whole(b) => b,
        decode::Bytes::Truncated(b, detail) => {
            emit(Item::Skip(Skip::new(
                &file.rel,
                SkipKind::TruncatedGzip,
                detail,
            )));
            b
        }
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        emit(Item::Skip(Skip::new(&file.rel, SkipKind::Empty, "")));
        return 0;
    }
    if decode::looks_binary(&bytes) {
        emit(Item::Skip(binary(file)));
        return 0;
    }
    let length = bytes.len() as u64;
    let (content, reencoded) = decode::to_text(bytes);
    if reencoded {
        emit(Item::Skip(reencoded_skip(file)));
    }
    read(file, &content, &mut emit);
    length
}

fn binary(file: &SourceFile) -> Skip {
    Skip::new(&file.rel, SkipKind::Binary, "contains NUL bytes")
}

fn reencoded_skip(file: &SourceFile) -> Skip {
    Skip::new(&file.rel, SkipKind::Reencoded, "not valid UTF-8")
}

/// JSON Lines a line at a time, so a dump of any size never sits whole in
/// memory; the checks of [`read_file`] apply as the lines go by (binary on
/// the first 64 KB, encoding per line, reported once).
fn stream_json_lines(file: &SourceFile, emit: &mut dyn FnMut(Item)) -> u64 {
    use std::io::BufRead;
    let mut reader = match decode::open_stream(file) {
        Ok(reader) => reader,
        Err(skip) => {
            emit(Item::Skip(skip));
            return 0;
        }
    };
    match reader.fill_buf() {
        Ok(head) if decode::looks_binary(head) => {
            emit(Item::Skip(binary(file)));
            return 0;
        }
        Ok(_) => {}
        Err(e) => {
            emit(Item::Skip(decode::unreadable(file, &e)));
            return 0;
        }
    }
    let (mut length, mut line_no, mut any_text, mut reencoded) = (0u64, 0usize, false, false);
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(n) => length += n as u64,
            Err(e) => {
                let kind = if file.gzip && length > 0 {
                    SkipKind::TruncatedGzip
                } else {
                    SkipKind::Unreadable
                };
                let detail = format!("{e}; kept what was readable");
                emit(Item::Skip(Skip::new(&file.rel, kind, detail)));
                break;
            }
        }
        line_no += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        any_text = true;
        let (text, re) = decode::to_text(std::mem::take(&mut line));
        if re && !std::mem::replace(&mut reencoded, true) {
            emit(Item::Skip(reencoded_skip(file)));
        }
        record::read_json_line(file, line_no, &text, emit);
    }
    if !any_text {
        emit(Item::Skip(Skip::new(&file.rel, SkipKind::Empty, "")));
    }
    length
}

/// A stable 64-bit FNV-1a hash: what incremental updates compare between runs.
pub fn content_hash(bytes: &[u8], seed: u64) -> u64 {
    fnv_continue(0xcbf2_9ce4_8422_2325 ^ seed, bytes)
}

fn fnv_continue(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The hash of a file as it is on disk plus the metadata given for it, so a
/// changed sidecar re-indexes its article. None when the file cannot be read.
pub fn file_hash(file: &SourceFile, metadata: &Metadata) -> Option<u64> {
    use std::io::Read;
    let meta = metadata.describe(file);
    let mut h = 0xcbf2_9ce4_8422_2325 ^ content_hash(meta.as_bytes(), 0);
    // In pieces: a dump of gigabytes is hashed in constant memory.
    let mut reader = std::fs::File::open(&file.path).ok()?;
    let mut buffer = vec![0u8; 256 * 1024];
    loop {
        match reader.read(&mut buffer) {
            Ok(0) => return Some(h),
            Ok(n) => h = fnv_continue(h, &buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let s = rel.to_string_lossy().replace('\\', "/");
    if s.is_empty() {
        path.file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default()
    } else {
        s
    }
}
