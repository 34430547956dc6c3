//! Where indexes live on disk. An index folder holds generations
//! (`gen-<time>/`, each a complete tantivy index) and a `CURRENT` file naming
//! the live one. A build writes a new generation and only then swaps
//! `CURRENT` with an atomic rename, so an interrupted build leaves the previous
//! index searchable, and searches running during a build keep their generation.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use tantivy::Index;

use super::schema::{SCHEMA_VERSION, register_tokenizers};

const CURRENT: &str = "CURRENT";
const MANIFEST: &str = "communique.json";
const FILE_HASHES: &str = "files.json";

/// What a generation records about itself, checked when it is opened.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub communique_version: String,
    pub schema_version: u32,
    pub corpus: String,
    pub built_at: String,
    pub articles: u64,
}

/// The default index folder: `$COMMUNIQUE_INDEX`, else `.communique` here.
pub fn default_root() -> PathBuf {
    std::env::var_os("COMMUNIQUE_INDEX")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(".communique"))
}

/// A fresh folder for a generation that is not live yet.
pub fn new_generation(root: &Path) -> Result<PathBuf> {
    fs::create_dir_all(root)
        .with_context(|| format!("cannot create index folder {}", root.display()))?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let dir = root.join(format!("gen-{stamp}-{}", std::process::id()));
    fs::create_dir(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}

/// Makes `generation` live, then removes generations no longer needed.
pub fn publish(root: &Path, generation: &Path, manifest: &Manifest) -> Result<()> {
    write_manifest(generation, manifest)?;
    let name = generation
        .file_name()
        .context("generation has a name")?
        .to_string_lossy()
        .to_string();
    let tmp = root.join(format!("{CURRENT}.tmp-{}", std::process::id()));
    fs::write(&tmp, &name)?;
    fs::rename(&tmp, root.join(CURRENT)).context("cannot swap the new index in")?;
    remove_stale(root, &name);
    Ok(())
}

/// Old generations and leftovers of interrupted builds. Open readers keep
/// their files (they are memory-mapped), so deleting under them is safe.
fn remove_stale(root: &Path, live: &str) {
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with("gen-") && name != live && !is_building(&entry.path()) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// A generation without a manifest whose builder is still alive is in progress.
fn is_building(dir: &Path) -> bool {
    if dir.join(MANIFEST).exists() {
        return false;
    }
    let name = dir
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let pid = name.rsplit('-').next().and_then(|p| p.parse::<u32>().ok());
    pid.is_some_and(|pid| pid != std::process::id() && Path::new(&format!("/proc/{pid}")).exists())
}

pub fn discard(generation: &Path) {
    let _ = fs::remove_dir_all(generation);
}

/// Whether the live generation was written by a compatible version, judged
/// from its manifest alone (cheap: the index itself is not opened).
pub fn usable(root: &Path) -> bool {
    let Ok(name) = fs::read_to_string(root.join(CURRENT)) else {
        return false;
    };
    read_manifest(&root.join(name.trim())).is_ok_and(|m| m.schema_version == SCHEMA_VERSION)
}

/// The live generation, when it indexes `corpus` and this version can update it.
pub fn updatable(root: &Path, corpus: &str) -> Option<PathBuf> {
    let name = fs::read_to_string(root.join(CURRENT)).ok()?;
    let dir = root.join(name.trim());
    let manifest = read_manifest(&dir).ok()?;
    let compatible = manifest.schema_version == SCHEMA_VERSION && manifest.corpus == corpus;
    (compatible && dir.join(FILE_HASHES).is_file()).then_some(dir)
}

pub fn read_manifest(generation: &Path) -> Result<Manifest> {
    let text = fs::read_to_string(generation.join(MANIFEST))?;
    Ok(serde_json::from_str(&text)?)
}

/// Replaces a file atomically: a crash leaves the old or the new content.
fn write_atomic(path: &Path, text: &str) -> Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    fs::write(&tmp, text)?;
    fs::rename(&tmp, path)?;
    Ok(())
}

pub fn write_manifest(generation: &Path, manifest: &Manifest) -> Result<()> {
    write_atomic(
        &generation.join(MANIFEST),
        &serde_json::to_string_pretty(manifest)?,
    )
}

/// Content hash of every corpus file the generation holds, for updates.
pub fn read_file_hashes(generation: &Path) -> HashMap<String, u64> {
    fs::read_to_string(generation.join(FILE_HASHES))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

pub fn write_file_hashes(generation: &Path, hashes: &HashMap<String, u64>) -> Result<()> {
    write_atomic(
        &generation.join(FILE_HASHES),
        &serde_json::to_string(hashes)?,
    )
}

/// Opens one generation folder as a tantivy index.
pub fn open_generation(dir: &Path) -> Result<(Index, Manifest)> {
    let manifest = read_manifest(dir)?;
    let index = Index::open_in_dir(dir)
        .with_context(|| format!("cannot open the index in {}", dir.display()))?;
    register_tokenizers(&index);
    Ok((index, manifest))
}

/// Opens the live generation, checking it is an index this version can read.
pub fn open(root: &Path) -> Result<(Index, Manifest)> {
    let current = root.join(CURRENT);
    if !current.is_file() {
        if root.join("meta.json").is_file() {
            bail!(
                "{} is a tantivy index, not a communique index; rebuild with `communique index CORPUS --index {}`",
                root.display(),
                root.display()
            );
        }
        bail!(
            "no index at {}; build one with `communique index CORPUS_DIR` (or pass --index DIR)",
            root.display()
        );
    }
    let name = fs::read_to_string(&current)
        .with_context(|| format!("cannot read {}", current.display()))?;
    let dir = root.join(name.trim());
    let rebuild = format!(
        "rebuild it with `communique index CORPUS_DIR --index {}`",
        root.display()
    );
    let manifest: Manifest = fs::read_to_string(dir.join(MANIFEST))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .with_context(|| {
            format!(
                "the index at {} is incomplete or corrupt; {rebuild}",
                root.display()
            )
        })?;
    if manifest.schema_version != SCHEMA_VERSION {
        bail!(
            "the index at {} was built by communique {} (schema {}), this is {} (schema {}); {rebuild}",
            root.display(),
            manifest.communique_version,
            manifest.schema_version,
            env!("CARGO_PKG_VERSION"),
            SCHEMA_VERSION
        );
    }
    let index = Index::open_in_dir(&dir)
        .with_context(|| format!("the index at {} is corrupt; {rebuild}", root.display()))?;
    register_tokenizers(&index);
    Ok((index, manifest))
}

/// What identifies the live index's content: the generation `CURRENT` names
/// and when its manifest was written (a swap changes the first, an update in
/// place rewrites the second after its commit). One small read and one stat,
/// cheap enough for a server to check on every request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveState {
    pub generation: PathBuf,
    pub manifest_written: std::time::SystemTime,
}

pub fn live_state(root: &Path) -> Option<LiveState> {
    let name = fs::read_to_string(root.join(CURRENT)).ok()?;
    let generation = root.join(name.trim());
    let manifest_written = fs::metadata(generation.join(MANIFEST))
        .and_then(|m| m.modified())
        .ok()?;
    Some(LiveState {
        generation,
        manifest_written,
    })
}
