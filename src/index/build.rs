//! Builds a fresh index from a corpus folder: ingest on one thread, cleaning
//! and extraction in parallel, tantivy's writer threads behind them, one
//! commit at the end, then the atomic swap.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::ProgressBar;
use rayon::prelude::*;
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

use super::schema::{Fields, build_schema, register_tokenizers};
use super::store::{self, Manifest};
use crate::article::Article;
use crate::article::MentionKind;
use crate::clean::{Cleaner, Furniture};
use crate::extract::Extractor;
use crate::ingest::{self, Item, Skip, SkipKind};
use crate::lang::analysis::{self, LangStemmer};

/// Articles per batch handed from the reader to the parallel stages.
const BATCH: usize = 1024;

pub struct BuildOptions {
    pub corpus: PathBuf,
    pub index_root: PathBuf,
    /// Show a progress bar (only ever on a terminal).
    pub progress: bool,
    /// Indexing threads for tantivy's writer.
    pub threads: usize,
    /// Memory for tantivy's writer, shared by its threads.
    pub memory_bytes: usize,
    /// Build from scratch even when an index of this corpus exists.
    pub rebuild: bool,
}

impl BuildOptions {
    pub fn new(corpus: PathBuf, index_root: PathBuf) -> BuildOptions {
        // A writer thread per core (tantivy's threads and our rayon pool share
        // them). Measured on 2 cores: on AllSides' long articles two writer
        // threads build in 22.4-22.6 s against 26.5-29.2 s for one; on Reuters'
        // short ones the wall time is the same either way (one thread spares
        // the final merge but leaves its own work serial).
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let threads = cores.clamp(1, 8);
        BuildOptions {
            corpus,
            index_root,
            progress: false,
            threads,
            memory_bytes: 192 * 1024 * 1024,
            rebuild: false,
        }
    }
}

impl BuildOptions {
    /// The writer's budget, at least 32 MB a thread (tantivy refuses less than 15).
    fn writer_memory(&self) -> usize {
        self.memory_bytes.max(self.threads * 32 * 1024 * 1024)
    }
}

/// What a build did: the figures of the summary and every problem met.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub files: usize,
    pub articles: u64,
    pub bytes: u64,
    pub skips: Vec<Skip>,
    pub elapsed: Duration,
    /// For an incremental update: what happened to the corpus's files.
    pub update: Option<UpdateCounts>,
}

/// Files of an incremental update, by what was done with them.
#[derive(Debug, Default, Clone, Copy)]
pub struct UpdateCounts {
    pub new: usize,
    pub changed: usize,
    pub deleted: usize,
    pub unchanged: usize,
}

impl BuildReport {
    pub fn skip_counts(&self) -> BTreeMap<SkipKind, usize> {
        let mut counts = BTreeMap::new();
        for s in &self.skips {
            *counts.entry(s.kind).or_insert(0) += 1;
        }
        counts
    }

    /// Whether anything was lost (a note such as a re-encoding is not a loss).
    pub fn lost_anything(&self) -> bool {
        self.skips.iter().any(|s| s.kind.loses_content())
    }
}

/// Cleaning and extraction of one article: the whole per-article pipeline.
pub fn prepare(article: &mut Article, cleaner: &Cleaner, extractor: &Extractor) {
    prepare_with(article, cleaner, &Furniture::default(), extractor);
}

/// The same, with furniture learned from the articles around it.
pub fn prepare_with(
    article: &mut Article,
    cleaner: &Cleaner,
    learned: &Furniture,
    extractor: &Extractor,
) {
    cleaner.clean_with(article, learned);
    extractor.extract(article);
}

/// Builds the index of `options.corpus`: an update of the live index when it
/// was built from the same folder by a compatible version (new and changed
/// files re-read, deleted ones removed, unchanged ones skipped by content
/// hash), else a fresh generation swapped in when complete.
pub fn build(options: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    let corpus = &options.corpus;
    anyhow::ensure!(corpus.is_dir(), "{} is not a folder", corpus.display());
    if !options.rebuild
        && let Some(live) = store::updatable(&options.index_root, &corpus_id(corpus))
    {
        return update(options, &live, started);
    }
    let discovery = ingest::discover(corpus);
    let generation = store::new_generation(&options.index_root)?;
    let result = write_generation(options, discovery, &generation, started);
    match result {
        Ok((report, manifest)) if report.articles > 0 => {
            store::publish(&options.index_root, &generation, &manifest)?;
            Ok(report)
        }
        Ok((report, _)) => {
            // An empty build never replaces an index that answers.
            store::discard(&generation);
            Ok(report)
        }
        Err(e) => {
            store::discard(&generation);
            Err(e)
        }
    }
}

/// The corpus as the manifest names it: its canonical path.
fn corpus_id(corpus: &Path) -> String {
    corpus
        .canonicalize()
        .unwrap_or_else(|_| corpus.to_path_buf())
        .display()
        .to_string()
}

/// Hashes of every readable file (in parallel: this reads the whole corpus).
fn hash_files(discovery: &ingest::Discovery) -> Vec<Option<u64>> {
    discovery
        .files
        .par_iter()
        .map(|f| ingest::file_hash(f, &discovery.metadata))
        .collect()
}

fn update(options: &BuildOptions, live: &Path, started: Instant) -> Result<BuildReport> {
    let mut discovery = ingest::discover(&options.corpus);
    let hashes = hash_files(&discovery);
    let known = store::read_file_hashes(live);
    let mut counts = UpdateCounts::default();
    let mut todo = Vec::new();
    let mut current = HashMap::new();
    for (file, hash) in discovery.files.drain(..).zip(hashes) {
        let hash = hash.unwrap_or(0);
        current.insert(file.rel.clone(), hash);
        match known.get(&file.rel) {
            Some(h) if *h == hash && hash != 0 => counts.unchanged += 1,
            Some(_) => {
                counts.changed += 1;
                todo.push(file);
            }
            None => {
                counts.new += 1;
                todo.push(file);
            }
        }
    }
    let deleted: Vec<&String> = known.keys().filter(|k| !current.contains_key(*k)).collect();
    counts.deleted = deleted.len();

    let (index, _) = store::open_generation(live)?;
    let fields = Fields::new(&index.schema());
    let mut writer: IndexWriter = index
        .writer_with_num_threads(options.threads, options.writer_memory())
        .context("cannot open the index for writing (is another `communique index` running?)")?;
    for rel in deleted.iter().copied().chain(todo.iter().map(|f| &f.rel)) {
        writer.delete_term(Term::from_field_text(fields.source, rel));
    }
    discovery.files = todo;
    let (mut report, progress) = add_and_commit(&mut writer, &fields, discovery, options)?;
    writer
        .wait_merging_threads()
        .context("cannot finish merging the index")?;
    progress.finish_and_clear();
    // The hashes follow the commit: a crash in between re-reads those files next time.
    store::write_file_hashes(live, &current)?;
    let reader = index.reader()?;
    let mut manifest = store::read_manifest(live)?;
    manifest.articles = reader.searcher().num_docs();
    manifest.built_at = chrono::Utc::now().to_rfc3339();
    store::write_manifest(live, &manifest)?;
    report.elapsed = started.elapsed();
    report.update = Some(counts);
    Ok(report)
}

/// A search fetches 10 articles and decompresses the whole block around each:
/// 4 KiB blocks (tantivy's default is 16) cut that fetch by a quarter on
/// Reuters (`communique bench`: 0.150 -> 0.111 ms) for a 4% larger index.
const DOCSTORE_BLOCK_BYTES: usize = 4096;

fn write_generation(
    options: &BuildOptions,
    discovery: ingest::Discovery,
    generation: &Path,
    started: Instant,
) -> Result<(BuildReport, Manifest)> {
    let schema = build_schema();
    let fields = Fields::new(&schema);
    let settings = tantivy::IndexSettings {
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..Default::default()
    };
    let index = Index::builder()
        .schema(schema)
        .settings(settings)
        .create_in_dir(generation)
        .with_context(|| format!("cannot create an index in {}", generation.display()))?;
    register_tokenizers(&index);
    let mut writer: IndexWriter = index
        .writer_with_num_threads(options.threads, options.writer_memory())
        .context("cannot start the index writer")?;
    // The final merge below takes every segment: a background merge of the
    // default policy could replace some of them under it (a 1.1 M-article
    // build failed so), and its work would be redone anyway.
    writer.set_merge_policy(Box::new(tantivy::merge_policy::NoMergePolicy));

    let hashes = hash_files(&discovery);
    let file_hashes: HashMap<String, u64> = discovery
        .files
        .iter()
        .zip(hashes)
        .map(|(f, h)| (f.rel.clone(), h.unwrap_or(0)))
        .collect();
    let (mut report, progress) = add_and_commit(&mut writer, &fields, discovery, options)?;
    // One segment searches faster and lets facets name only their top values.
    let segments = index.searchable_segment_ids()?;
    if segments.len() > 1 {
        writer
            .merge(&segments)
            .wait()
            .context("cannot merge the index")?;
    }
    writer
        .wait_merging_threads()
        .context("cannot finish merging the index")?;
    progress.finish_and_clear();
    report.elapsed = started.elapsed();
    store::write_file_hashes(generation, &file_hashes)?;
    let manifest = Manifest {
        communique_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: super::schema::SCHEMA_VERSION,
        corpus: corpus_id(&options.corpus),
        built_at: chrono::Utc::now().to_rfc3339(),
        articles: report.articles,
    };
    Ok((report, manifest))
}

/// What a build and an update share: a reader thread streams batches of the
/// discovered files, cleaning and extraction run in parallel, the writer
/// indexes, then one commit.
fn add_and_commit(
    writer: &mut IndexWriter,
    fields: &Fields,
    discovery: ingest::Discovery,
    options: &BuildOptions,
) -> Result<(BuildReport, ProgressBar)> {
    let mut report = BuildReport {
        files: discovery.files.len(),
        skips: discovery.skips,
        ..BuildReport::default()
    };
    let progress = crate::render::progress_bar(
        options.progress,
        discovery.files.len() as u64,
        "{spinner} indexing [{bar:30}] {pos}/{len} files, {msg} ({elapsed})",
    );
    index_files(
        writer,
        fields,
        discovery.files,
        discovery.metadata,
        &mut report,
        &progress,
    )?;
    writer.commit().context("cannot commit the index")?;
    Ok((report, progress))
}

fn index_files(
    writer: &mut IndexWriter,
    fields: &Fields,
    files: Vec<ingest::SourceFile>,
    metadata: ingest::Metadata,
    report: &mut BuildReport,
    progress: &ProgressBar,
) -> Result<()> {
    let cleaner = Cleaner::new();
    let extractor = Extractor::shared();
    let (tx, rx) = sync_channel::<Vec<Item>>(4);
    let reader_progress = progress.clone();
    let reader = std::thread::spawn(move || {
        let mut batch = Vec::with_capacity(BATCH);
        let mut bytes = 0;
        for file in &files {
            bytes += ingest::read_file(file, &metadata, &mut |item| {
                batch.push(item);
                if batch.len() >= BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    let _ = tx.send(full);
                }
            });
            reader_progress.inc(1);
        }
        if !batch.is_empty() {
            let _ = tx.send(batch);
        }
        bytes
    });
    let mut seen_ids = HashSet::new();
    let mut seen_bodies = HashMap::new();
    for batch in rx {
        let mut articles = Vec::with_capacity(batch.len());
        for item in batch {
            match item {
                Item::Article(a) => articles.push(a),
                Item::Skip(s) => report.skips.push(s),
            }
        }
        let learned = {
            let refs: Vec<&Article> = articles.iter().map(|a| a.as_ref()).collect();
            Furniture::learn(&refs)
        };
        // Everything per article runs in parallel; the writer only adds documents.
        let derived: Vec<(u64, Vec<u64>)> = articles
            .par_iter_mut()
            .map(|a| {
                prepare_with(a, &cleaner, &learned, extractor);
                let print = crate::coverage::Fingerprint::of(&a.body).to_values();
                (ingest::content_hash(a.body.as_bytes(), 0), print)
            })
            .collect();
        for (mut article, (body_hash, print)) in articles.into_iter().zip(derived) {
            if let Some(skip) = duplicate(&mut article, body_hash, &mut seen_ids, &mut seen_bodies)
            {
                report.skips.push(skip);
                continue;
            }
            writer.add_document(to_document(&article, &print, fields))?;
            report.articles += 1;
        }
        progress.set_message(format!("{} articles", report.articles));
    }
    report.bytes = reader.join().unwrap_or(0);
    Ok(())
}

/// The same text twice (under one id or two names) is indexed once. Two
/// different texts that share an id (two dumps numbered 1, 2, 3...) are both
/// kept, the later one under its path as id.
fn duplicate(
    article: &mut Article,
    body_hash: u64,
    ids: &mut HashSet<String>,
    bodies: &mut HashMap<u64, String>,
) -> Option<Skip> {
    let detail = if let Some(first) = bodies.get(&body_hash) {
        format!("same text as {}", ingest::location(first))
    } else {
        bodies.insert(body_hash, article.path.clone());
        if !ids.insert(article.id.clone()) {
            article.id = article.path.clone();
            ids.insert(article.id.clone());
        }
        return None;
    };
    Some(Skip::of_article(article, SkipKind::Duplicate, detail))
}

pub fn to_document(article: &Article, fingerprint: &[u64], f: &Fields) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &article.id);
    doc.add_text(f.path, &article.path);
    add_analysed_text(&mut doc, article, f);
    if let Some(language) = &article.language {
        doc.add_text(f.language, language);
    }
    if let Some(outlet) = &article.outlet {
        doc.add_text(f.outlet, outlet);
    }
    if let Some(date) = article.date {
        doc.add_date(
            f.date,
            tantivy::DateTime::from_timestamp_secs(date.timestamp()),
        );
    }
    if let Some(url) = &article.url {
        doc.add_text(f.url, url);
    }
    doc.add_text(f.source, &article.raw.source);
    for &value in fingerprint {
        doc.add_u64(f.fingerprint, value);
    }
    for (field, values) in [
        (f.authors, &article.authors),
        (f.people, &article.people),
        (f.places, &article.places),
        (f.countries, &article.countries),
    ] {
        for v in values {
            doc.add_text(field, v);
        }
    }
    for m in &article.mentions {
        let field = match m.kind {
            MentionKind::Person => f.people_named,
            MentionKind::Place => f.places_named,
            MentionKind::Country => f.countries_named,
        };
        doc.add_text(field, &m.name);
    }
    for speaker in crate::extract::quotes::speakers(&article.quotes) {
        doc.add_text(f.speakers, speaker);
    }
    if !article.quotes.is_empty() {
        doc.add_text(f.quotes, crate::extract::quotes::encode(&article.quotes));
    }
    for (field, json) in [
        (
            f.mentions,
            crate::extract::salience::encode(&article.mentions),
        ),
        (
            f.offices,
            serde_json::to_string(&article.offices).unwrap_or_default(),
        ),
    ] {
        if !json.is_empty() && json != "[]" {
            doc.add_text(field, json);
        }
    }
    doc
}

/// English (and unknown-language) articles go through the fields' own
/// analyzers; other languages are analysed here for their script and
/// language and handed over pre-tokenized (see `lang::analysis`).
fn add_analysed_text(doc: &mut TantivyDocument, article: &Article, f: &Fields) {
    if crate::lang::is_english_analysis(article.language.as_deref()) {
        doc.add_text(f.title, &article.title);
        doc.add_text(f.body, &article.body);
        doc.add_text(f.title_exact, &article.title);
        doc.add_text(f.body_exact, &article.body);
        return;
    }
    let stemmer = article
        .language
        .as_deref()
        .and_then(crate::lang::lookup)
        .and_then(LangStemmer::for_language);
    for (field, exact, text) in [
        (f.title, f.title_exact, &article.title),
        (f.body, f.body_exact, &article.body),
    ] {
        doc.add_pre_tokenized_text(field, analysis::pre_tokenized(text, stemmer.as_ref()));
        // The exact copy is not stored: its text need not be kept twice.
        let mut surfaces = analysis::pre_tokenized("", None);
        surfaces.tokens = analysis::surface_tokens(text, article.language.as_deref());
        doc.add_pre_tokenized_text(exact, surfaces);
    }
}
