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
    pub fields: Vec<(String, HashMap<String, u64>)>,
    /// Days since 1970-01-01 -> matching articles that day.
    pub days: BTreeMap<i64, u64>,
    /// Matches without a date.
    pub undated: u64,
}

pub struct FacetCollector {
    pub fields: Vec<String>,
    pub date_field: Option<String>,
}

pub struct SegmentFacets {
    columns: Vec<Option<StrColumn>>,
    counts: Vec<Vec<u32>>,
    dates: Option<Column<tantivy::DateTime>>,
    days: HashMap<i64, u64>,
    undated: u64,
}

pub struct SegmentFruit {
    fields: Vec<HashMap<String, u64>>,
    days: HashMap<i64, u64>,
    undated: u64,
}

const SECONDS_PER_DAY: i64 = 86_400;

impl Collector for FacetCollector {
    type Fruit = FacetCounts;
    type Child = SegmentFacets;

    fn for_segment(&self, _: SegmentOrdinal, reader: &SegmentReader) -> tantivy::Result<SegmentFacets> {
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
        Ok(SegmentFacets {
            columns,
            counts,
            dates,
            days: HashMap::new(),
            undated: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<FacetCounts> {
        let mut merged = FacetCounts {
            fields: self.fields.iter().map(|f| (f.clone(), HashMap::new())).collect(),
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
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, _: Score) {
        for (column, counts) in self.columns.iter().zip(self.counts.iter_mut()) {
            if let Some(column) = column {
                for ord in column.term_ords(doc) {
                    counts[ord as usize] += 1;
                }
            }
        }
        if let Some(dates) = &self.dates {
            match dates.first(doc) {
                Some(d) => {
                    let day = d.into_timestamp_secs().div_euclid(SECONDS_PER_DAY);
                    *self.days.entry(day).or_insert(0) += 1;
                }
                None => self.undated += 1,
            }
        }
    }

    fn harvest(self) -> SegmentFruit {
        let mut fields = Vec::with_capacity(self.columns.len());
        let mut buffer = String::new();
        for (column, counts) in self.columns.iter().zip(self.counts) {
            let mut values = HashMap::new();
            if let Some(column) = column {
                for (ord, n) in counts.into_iter().enumerate() {
                    if n > 0 && column.ord_to_str(ord as u64, &mut buffer).unwrap_or(false) {
                        values.insert(buffer.clone(), n as u64);
                    }
                }
            }
            fields.push(values);
        }
        SegmentFruit {
            fields,
            days: self.days,
            undated: self.undated,
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
