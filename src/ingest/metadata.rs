//! Metadata given beside the articles, without editing them: a sidecar
//! `NAME.meta.json` next to a file, or a `metadata.jsonl` in any folder with
//! one object a line keyed by `"file"` (relative to that folder).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::{Skip, SkipKind, SourceFile};
use crate::article::{Article, SourceFormat};

const FOLDER_FILE: &str = "metadata.jsonl";
const SIDECAR_SUFFIX: &str = ".meta.json";

#[derive(Default)]
pub struct Metadata {
    /// Keyed by the article file's path relative to the corpus root.
    by_file: HashMap<String, Map<String, Value>>,
}

pub fn is_metadata_file(name: &str) -> bool {
    name == FOLDER_FILE || name.ends_with(SIDECAR_SUFFIX)
}

/// The sidecars that may describe one file given on its own.
pub fn sidecar_for(path: &Path) -> Vec<(PathBuf, String)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default().to_string();
    let dir = path.parent().unwrap_or(Path::new(""));
    [
        format!("{name}{SIDECAR_SUFFIX}"),
        format!("{stem}{SIDECAR_SUFFIX}"),
        FOLDER_FILE.to_string(),
    ]
    .into_iter()
    .map(|n| dir.join(&n))
    .filter(|p| p.is_file())
    .map(|p| {
        let rel = p.file_name().unwrap().to_string_lossy().to_string();
        (p, rel)
    })
    .collect()
}

impl Metadata {
    pub fn load(files: &[(PathBuf, String)], skips: &mut Vec<Skip>) -> Metadata {
        let mut by_file = HashMap::new();
        for (path, rel) in files {
            let folder = match rel.rfind('/') {
                Some(i) => &rel[..=i],
                None => "",
            };
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => {
                    skips.push(Skip::new(rel, SkipKind::Unreadable, e.to_string()));
                    continue;
                }
            };
            if let Some(target) = rel.strip_suffix(SIDECAR_SUFFIX) {
                match serde_json::from_str::<Map<String, Value>>(&text) {
                    Ok(obj) => {
                        by_file.insert(target.to_string(), obj);
                    }
                    Err(e) => skips.push(Skip::new(rel, SkipKind::BadJson, e.to_string())),
                }
                continue;
            }
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let parsed = serde_json::from_str::<Map<String, Value>>(line);
                match parsed {
                    Ok(mut obj) => match obj.remove("file") {
                        Some(Value::String(name)) => {
                            by_file.insert(format!("{folder}{name}"), obj);
                        }
                        _ => skips.push(
                            Skip::new(rel, SkipKind::BadJson, "no \"file\" field").at_line(i + 1),
                        ),
                    },
                    Err(e) => {
                        skips.push(Skip::new(rel, SkipKind::BadJson, e.to_string()).at_line(i + 1))
                    }
                }
            }
        }
        Metadata { by_file }
    }

    /// The metadata given for a file, as text (empty when none): part of its identity.
    pub fn describe(&self, file: &SourceFile) -> String {
        let stemmed = file.rel.split('.').next().unwrap_or_default();
        self.by_file
            .get(&file.rel)
            .or_else(|| self.by_file.get(stemmed))
            .map(|m| serde_json::to_string(m).unwrap_or_default())
            .unwrap_or_default()
    }

    /// A whole-file description overrides what we guessed from a text or page;
    /// for record dumps it only fills the fields a record lacks.
    pub fn apply(&self, file: &SourceFile, article: &mut Article) {
        let stemmed = file.rel.split('.').next().unwrap_or_default();
        let Some(obj) = self
            .by_file
            .get(&file.rel)
            .or_else(|| self.by_file.get(stemmed))
        else {
            return;
        };
        let overwrite = article.raw.format != SourceFormat::Record;
        super::record::fill_meta(article, obj, overwrite);
    }
}
