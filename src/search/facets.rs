//! Facet counts over every match (not just the page shown), read from fast
//! fields: per segment we count term ordinals, and only the merged counts are
//! turned into strings.

use std::collections::{BTreeMap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts per value for each name field, and matches per day.
#[derive(Debug, Default, Clone)]
pub struct FacetCounts {
    /// Every match, counted in the pass that also ranks and counts facets, so
    /// the query is evaluated once.
    pub matches: u64,
    /// Time spent reading facet columns and naming values, inside the pass
    /// that also ranks (for the bench's breakdown).
    pub spent: std::time::Duration,
    pub fields: Vec<(String, HashMap<String, u64>)>,
    /// Days since 1970-01-01 -> matching articles that day.
    pub days: BTreeMap<i64, u64>,
    /// Matches without a date.
    pub undated: u64,
}

pub struct FacetCollector {
    pub fields: Vec<String>,
    pub date_field: Option<String>,
    /// With a single segment, only the top values need names; `None` names all
    /// (exact merging across segments).
    pub top_only: Option<usize>,
}

pub struct SegmentFacets {
    columns: Vec<Option<StrColumn>>,
    counts: Vec<Vec<u32>>,
    dates: Option<Column<tantivy::DateTime>>,
    /// Matches per day, indexed from the segment's first day.
    first_day: i64,
    days: Vec<u32>,
    undated: u64,
    matches: u64,
    top_only: Option<usize>,
    /// Scratch for block collection: rows of the block's docs, their values.
    doc_buf: Vec<DocId>,
    row_buf: Vec<u32>,
    ord_buf: Vec<u64>,
    date_buf: Vec<Option<tantivy::DateTime>>,
    pending: Vec<DocId>,
    spent: std::time::Duration,
}

/// Documents read from the columns at once.
const BLOCK: usize = 64;

/// Longer spans than this (in days) are not a news corpus; count them sparsely.
const MAX_DAY_SPAN: i64 = 200_000;

fn day_of(d: tantivy::DateTime) -> i64 {
    d.into_timestamp_secs().div_euclid(SECONDS_PER_DAY)
}

pub struct SegmentFruit {
    fields: Vec<HashMap<String, u64>>,
    days: HashMap<i64, u64>,
    undated: u64,
    matches: u64,
    spent: std::time::Duration,
}

const SECONDS_PER_DAY: i64 = 86_400;

impl Collector for FacetCollector {
    type Fruit = FacetCounts;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        let fast = reader.fast_fields();
        let mut columns = Vec::new();
        let mut counts = Vec::new();
        for field in &self.fields {
            let column = fast.str(field)?;
            counts.push(vec![0u32; column.as_ref().map_or(0, |c| c.num_terms())]);
            columns.push(column);
        }
        let dates = match &self.date_field {
            Some(f) => Some(fast.date(f)?),
            None => None,
        };
        let (first_day, span) = match &dates {
            Some(c) if c.num_docs() > 0 => {
                let (lo, hi) = (day_of(c.min_value()), day_of(c.max_value()));
                (lo, (hi - lo + 1).clamp(0, MAX_DAY_SPAN))
            }
            _ => (0, 0),
        };
        Ok(SegmentFacets {
            columns,
            counts,
            dates,
            first_day,
            days: vec![0; span as usize],
            undated: 0,
            matches: 0,
            top_only: self.top_only,
            doc_buf: Vec::new(),
            row_buf: Vec::new(),
            ord_buf: Vec::new(),
            date_buf: Vec::new(),
            pending: Vec::with_capacity(BLOCK),
            spent: Default::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<FacetCounts> {
        let mut merged = FacetCounts {
            fields: self
                .fields
                .iter()
                .map(|f| (f.clone(), HashMap::new()))
                .collect(),
            ..FacetCounts::default()
        };
        for fruit in fruits {
            for (i, counts) in fruit.fields.into_iter().enumerate() {
                for (value, n) in counts {
                    *merged.fields[i].1.entry(value).or_insert(0) += n;
                }
            }
            for (day, n) in fruit.days {
                *merged.days.entry(day).or_insert(0) += n;
            }
            merged.undated += fruit.undated;
            merged.matches += fruit.matches;
            merged.spent += fruit.spent;
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = SegmentFruit;

    /// Scored passes (facets collected with the top hits) arrive one document
    /// at a time: buffer them so the columns are still read in blocks.
    fn collect(&mut self, doc: DocId, _: Score) {
        self.pending.push(doc);
        if self.pending.len() == BLOCK {
            let docs = std::mem::take(&mut self.pending);
            self.collect_block(&docs);
            self.pending = docs;
            self.pending.clear();
        }
    }

    /// The path tantivy takes without scoring: whole blocks of matches, read
    /// from the columns in batches rather than one document at a time.
    fn collect_block(&mut self, docs: &[DocId]) {
        let started = std::time::Instant::now();
        self.matches += docs.len() as u64;
        for (column, counts) in self.columns.iter().zip(self.counts.iter_mut()) {
            let Some(column) = column else { continue };
            let ords = column.ords();
            self.doc_buf.clear();
            self.row_buf.clear();
            ords.index
                .docids_to_rowids(docs, &mut self.doc_buf, &mut self.row_buf);
            self.ord_buf.clear();
            self.ord_buf.resize(self.row_buf.len(), 0);
            ords.values.get_vals(&self.row_buf, &mut self.ord_buf);
            for &ord in &self.ord_buf {
                counts[ord as usize] += 1;
            }
        }
        if let Some(dates) = &self.dates {
            self.date_buf.clear();
            self.date_buf.resize(docs.len(), None);
            dates.first_vals(docs, &mut self.date_buf);
            for date in &self.date_buf {
                match date {
                    Some(d) => {
                        let slot = (day_of(*d) - self.first_day) as usize;
                        if let Some(n) = self.days.get_mut(slot) {
                            *n += 1;
                        }
                    }
                    None => self.undated += 1,
                }
            }
        }
        self.spent += started.elapsed();
    }

    fn harvest(mut self) -> SegmentFruit {
        let docs = std::mem::take(&mut self.pending);
        self.collect_block(&docs);
        let started = std::time::Instant::now();
        let mut fields = Vec::with_capacity(self.columns.len());
        for (column, counts) in self.columns.iter().zip(self.counts) {
            let mut values = HashMap::new();
            if let Some(column) = column {
                // One sorted pass over the dictionary: each block is decoded once.
                let mut ords: Vec<u64> = (0..counts.len() as u64)
                    .filter(|&o| counts[o as usize] > 0)
                    .collect();
                if let Some(k) = self.top_only {
                    // Dictionary order is name order, so ties at the cut are
                    // broken by ordinal exactly as `top` breaks them by name.
                    if ords.len() > k {
                        ords.sort_unstable_by_key(|&o| (std::cmp::Reverse(counts[o as usize]), o));
                        ords.truncate(k);
                        ords.sort_unstable();
                    }
                }
                let mut next = ords.iter();
                let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                    if let Some(&ord) = next.next() {
                        let value = String::from_utf8_lossy(bytes).into_owned();
                        values.insert(value, counts[ord as usize] as u64);
                    }
                });
            }
            fields.push(values);
        }
        let first_day = self.first_day;
        let days = self
            .days
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(i, n)| (first_day + i as i64, *n as u64))
            .collect();
        SegmentFruit {
            fields,
            days,
            undated: self.undated,
            matches: self.matches,
            spent: self.spent + started.elapsed(),
        }
    }
}

/// The top `limit` values of a field, most frequent first, ties by name.
pub fn top(counts: &HashMap<String, u64>, limit: usize) -> Vec<(String, u64)> {
    let mut values: Vec<(String, u64)> = counts.iter().map(|(k, v)| (k.clone(), *v)).collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    values.truncate(limit);
    values
}
