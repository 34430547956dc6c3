//! The articles an export writes, read one at a time from the index in
//! storage order, each with its near-duplicate group.

use std::collections::HashMap;

use anyhow::{Context, Result};
use tantivy::query::{EnableScoring, Query};
use tantivy::schema::Value;
use tantivy::{DocSet, SegmentReader, TERMINATED, TantivyDocument};

use crate::article::Article;
use crate::coverage::{DEFAULT_THRESHOLD, Fingerprint, K, group_near_duplicates_by};
use crate::index::stored::to_article;
use crate::search::Engine;

/// One exported article: everything `extract --json` prints, plus what only
/// the whole collection knows.
pub struct ExportRow {
    pub article: Article,
    /// Who is quoted, once each (the `speakers` facet).
    pub speakers: Vec<String>,
    /// The id of the first article of its near-duplicate group (its own id
    /// when no other article carries the same story). Groups span the whole
    /// index, whatever the query selects, so a group id means the same in
    /// every export of one index.
    pub duplicate_group: String,
    /// The MinHash signature as the index stores it (`Fingerprint::to_values`),
    /// for a cluster that groups new articles against old ones.
    pub fingerprint: Vec<u64>,
}

/// Number of documents the stored-field reader keeps decompressed: it reads
/// in storage order, so one block at a time is enough.
const STORE_CACHE_BLOCKS: usize = 1;

/// Calls `each` with every live article `query` matches, in storage order.
/// Memory: one document at a time, plus 4 bytes per document for the
/// duplicate groups and the ids of groups that have more than one member.
pub fn for_each_row(
    engine: &Engine,
    query: &dyn Query,
    mut each: impl FnMut(ExportRow) -> Result<()>,
) -> Result<()> {
    let searcher = engine.reader.searcher();
    let segments = searcher.segment_readers();
    let groups = DuplicateGroups::of(segments)?;
    let weight = query
        .weight(EnableScoring::disabled_from_searcher(&searcher))
        .context("cannot prepare the export query")?;
    let fields = &engine.fields;
    let mut group_ids: HashMap<u32, String> = HashMap::new();
    let mut base = 0u32;
    for segment in segments {
        let store = segment.get_store_reader(STORE_CACHE_BLOCKS)?;
        let alive = segment.alive_bitset();
        let prints = segment.fast_fields().u64("fingerprint").ok();
        let mut scorer = weight.scorer(segment, 1.0)?;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                let stored: TantivyDocument = store.get(doc)?;
                let article = to_article(&stored, fields);
                let ordinal = base + doc;
                let root = groups.root(ordinal);
                if groups.has_members(ordinal) {
                    group_ids.insert(ordinal, article.id.clone());
                }
                let duplicate_group = if root == ordinal {
                    article.id.clone()
                } else {
                    group_id(&searcher, segments, &mut group_ids, root, fields)?
                };
                let fingerprint = prints
                    .as_ref()
                    .map(|c| c.values_for_doc(doc).collect())
                    .unwrap_or_default();
                let speakers = crate::extract::quotes::speakers(&article.quotes)
                    .into_iter()
                    .map(String::from)
                    .collect();
                each(ExportRow {
                    article,
                    speakers,
                    duplicate_group,
                    fingerprint,
                })?;
            }
            doc = scorer.advance();
        }
        base += segment.max_doc();
    }
    Ok(())
}

/// The id of group root `root`: remembered when the root itself was
/// exported, else read from the store once (the query may not select it).
fn group_id(
    searcher: &tantivy::Searcher,
    segments: &[SegmentReader],
    known: &mut HashMap<u32, String>,
    root: u32,
    fields: &crate::index::Fields,
) -> Result<String> {
    if let Some(id) = known.get(&root) {
        return Ok(id.clone());
    }
    let (segment_ord, doc) = address(segments.iter().map(SegmentReader::max_doc), root)
        .context("a group root beyond the index")?;
    let stored: TantivyDocument =
        searcher.doc(tantivy::DocAddress::new(segment_ord as u32, doc))?;
    let id = stored
        .get_first(fields.id)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string();
    known.insert(root, id.clone());
    Ok(id)
}

/// The segment and doc id of document `ordinal`, numbering every document
/// of the index in storage order across segments of `max_docs` documents.
fn address(max_docs: impl Iterator<Item = u32>, ordinal: u32) -> Option<(usize, u32)> {
    let mut doc = ordinal;
    for (segment, max_doc) in max_docs.enumerate() {
        if doc < max_doc {
            return Some((segment, doc));
        }
        doc -= max_doc;
    }
    None
}

/// Near-duplicate groups over every document of the index, numbered in
/// storage order across segments.
struct DuplicateGroups {
    roots: Vec<u32>,
    /// Roots of groups of two or more, whose id later members need.
    shared: Vec<bool>,
}

impl DuplicateGroups {
    fn of(segments: &[SegmentReader]) -> Result<DuplicateGroups> {
        let mut columns = Vec::new();
        for segment in segments {
            columns.push((
                segment.max_doc(),
                segment.alive_bitset().cloned(),
                segment.fast_fields().u64("fingerprint").ok(),
            ));
        }
        let total: u32 = columns.iter().map(|(n, _, _)| *n).sum();
        // The live document's fingerprint column and its doc id in its segment.
        let locate = |ordinal: usize| {
            let (segment, doc) = address(columns.iter().map(|(n, _, _)| *n), ordinal as u32)?;
            let (_, alive, column) = &columns[segment];
            let live = alive.as_ref().is_none_or(|a| a.is_alive(doc));
            live.then_some(column.as_ref()?).map(|c| (c, doc))
        };
        let print = |ordinal: usize| -> Option<Fingerprint> {
            let (column, doc) = locate(ordinal)?;
            Fingerprint::from_values(column.values_for_doc(doc))
        };
        // Three values a band instead of the whole signature: the index keeps
        // a document's values in slot order, and each value names its slot.
        let band_key = |ordinal: usize, band: usize| -> Option<u64> {
            let (column, doc) = locate(ordinal)?;
            let rows = column.index.value_row_ids(doc);
            let value = |slot: usize| {
                let row = rows.start + slot as u32;
                let v = (row < rows.end).then(|| column.values.get_val(row))?;
                ((v >> 32) as usize == slot).then_some(v as u32)
            };
            if value(K + 1).is_some() {
                return Fingerprint::band_key_from_values(band, value);
            }
            // Values in another order: read the whole signature.
            Fingerprint::from_values(column.values_for_doc(doc))
                .filter(Fingerprint::is_linkable)
                .map(|p| p.band_key(band))
        };
        let roots = group_near_duplicates_by(total as usize, band_key, print, DEFAULT_THRESHOLD);
        let mut shared = vec![false; roots.len()];
        for (i, &root) in roots.iter().enumerate() {
            if root as usize != i {
                shared[root as usize] = true;
            }
        }
        Ok(DuplicateGroups { roots, shared })
    }

    fn root(&self, ordinal: u32) -> u32 {
        self.roots.get(ordinal as usize).copied().unwrap_or(ordinal)
    }

    fn has_members(&self, ordinal: u32) -> bool {
        self.shared.get(ordinal as usize).copied().unwrap_or(false)
    }
}
