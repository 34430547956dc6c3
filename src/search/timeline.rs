//! Timelines: matching articles per period, per outlet, country or person,
//! optionally as a share of everything the group published in that period
//! (so a prolific outlet does not look more interested than it is).

use std::collections::{BTreeSet, HashMap};

use anyhow::Result;
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{AllQuery, Query};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::{Engine, Interval, SearchRequest, interval_for_span, period_of};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    Outlet,
    Country,
    Person,
}

impl GroupBy {
    fn field(self) -> &'static str {
        match self {
            GroupBy::Outlet => "outlet",
            GroupBy::Country => "countries",
            GroupBy::Person => "people",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub group: String,
    pub values: Vec<f64>,
    pub total: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub query: String,
    pub by: Option<GroupBy>,
    pub interval: Interval,
    pub normalized: bool,
    pub periods: Vec<String>,
    pub series: Vec<Series>,
    /// Matching articles without a date (not on the timeline).
    pub undated: u64,
}

const ALL: &str = "all";

/// Matches per (day, group value).
struct DayGroupCollector {
    field: Option<&'static str>,
}

struct DayGroupSegment {
    dates: Column<tantivy::DateTime>,
    values: Option<StrColumn>,
    counts: HashMap<(i64, u64), u64>,
    undated: u64,
}

impl Collector for DayGroupCollector {
    type Fruit = (HashMap<(i64, String), u64>, u64);
    type Child = DayGroupSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<DayGroupSegment> {
        let fast = reader.fast_fields();
        Ok(DayGroupSegment {
            dates: fast.date("date")?,
            values: match self.field {
                Some(f) => fast.str(f)?,
                None => None,
            },
            counts: HashMap::new(),
            undated: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(HashMap<(i64, String), u64>, u64)>,
    ) -> tantivy::Result<Self::Fruit> {
        let mut merged = HashMap::new();
        let mut undated = 0;
        for (counts, u) in fruits {
            undated += u;
            for (k, n) in counts {
                *merged.entry(k).or_insert(0) += n;
            }
        }
        Ok((merged, undated))
    }
}

impl SegmentCollector for DayGroupSegment {
    type Fruit = (HashMap<(i64, String), u64>, u64);

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(date) = self.dates.first(doc) else {
            self.undated += 1;
            return;
        };
        let day = date.into_timestamp_secs().div_euclid(86_400);
        match &self.values {
            Some(values) => {
                for ord in values.term_ords(doc) {
                    *self.counts.entry((day, ord)).or_insert(0) += 1;
                }
            }
            None => *self.counts.entry((day, u64::MAX)).or_insert(0) += 1,
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut names: HashMap<u64, String> = HashMap::new();
        if let Some(values) = &self.values {
            let mut ords: Vec<u64> = self
                .counts
                .keys()
                .map(|(_, o)| *o)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            ords.retain(|o| *o != u64::MAX);
            let mut next = ords.iter();
            let _ = values.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                if let Some(&ord) = next.next() {
                    names.insert(ord, String::from_utf8_lossy(bytes).into_owned());
                }
            });
        }
        let counts = self
            .counts
            .into_iter()
            .map(|((day, ord), n)| {
                let name = names.get(&ord).cloned().unwrap_or_else(|| ALL.to_string());
                ((day, name), n)
            })
            .collect();
        (counts, self.undated)
    }
}

impl Engine {
    /// Matches of `query_text` per period and group, the `top` largest groups.
    pub fn timeline(
        &self,
        query_text: &str,
        by: Option<GroupBy>,
        interval: Option<Interval>,
        normalize: bool,
        top: usize,
        request: &SearchRequest,
    ) -> Result<Timeline> {
        let q = self.compile(query_text, request)?.query;
        let searcher = self.reader.searcher();
        let field = by.map(GroupBy::field);
        let (counts, undated) = searcher.search(&q, &DayGroupCollector { field })?;
        let days: Vec<i64> = counts.keys().map(|(d, _)| *d).collect();
        let (lo, hi) = (
            days.iter().min().copied().unwrap_or(0),
            days.iter().max().copied().unwrap_or(0),
        );
        let interval = interval.unwrap_or_else(|| interval_for_span(hi - lo));
        let aggregate = |counts: &HashMap<(i64, String), u64>| {
            let mut out: HashMap<(String, String), u64> = HashMap::new();
            for ((day, group), n) in counts {
                *out.entry((period_of(*day, interval), group.clone()))
                    .or_insert(0) += n;
            }
            out
        };
        let per_period = aggregate(&counts);
        // The denominator: everything the group (an outlet) or everyone published.
        let base = if normalize {
            let base_field = (by == Some(GroupBy::Outlet)).then_some("outlet");
            let all: Box<dyn Query> = Box::new(AllQuery);
            let (all_counts, _) =
                searcher.search(&all, &DayGroupCollector { field: base_field })?;
            Some(aggregate(&all_counts))
        } else {
            None
        };
        let mut periods: Vec<String> = per_period
            .keys()
            .map(|(p, _)| p.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        periods.sort();
        let mut totals: HashMap<&str, u64> = HashMap::new();
        for ((_, g), n) in &per_period {
            *totals.entry(g.as_str()).or_insert(0) += n;
        }
        let mut groups: Vec<(&str, u64)> = totals.into_iter().collect();
        groups.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        groups.truncate(top.max(1));
        let series = groups
            .into_iter()
            .map(|(g, total)| {
                let values = periods
                    .iter()
                    .map(|p| {
                        let n = per_period
                            .get(&(p.clone(), g.to_string()))
                            .copied()
                            .unwrap_or(0) as f64;
                        match &base {
                            Some(base) => {
                                let key = if by == Some(GroupBy::Outlet) {
                                    g.to_string()
                                } else {
                                    ALL.to_string()
                                };
                                let d = base.get(&(p.clone(), key)).copied().unwrap_or(0) as f64;
                                if d > 0.0 { n / d } else { 0.0 }
                            }
                            None => n,
                        }
                    })
                    .collect();
                Series {
                    group: g.to_string(),
                    values,
                    total,
                }
            })
            .collect();
        Ok(Timeline {
            query: query_text.to_string(),
            by,
            interval,
            normalized: normalize,
            periods,
            series,
            undated,
        })
    }
}

/// The timeline as a small terminal chart: one row of bars per group.
pub fn render_text(t: &Timeline) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let mut out = String::new();
    let (first, last) = (
        t.periods.first().cloned().unwrap_or_default(),
        t.periods.last().cloned().unwrap_or_default(),
    );
    out.push_str(&format!(
        "{:?} by {:?}, {} periods from {first} to {last}{}{}\n",
        t.query,
        t.interval,
        t.periods.len(),
        if t.normalized {
            ", share of each group's articles"
        } else {
            ""
        },
        if t.undated > 0 {
            format!(" ({} undated matches not shown)", t.undated)
        } else {
            String::new()
        }
    ));
    let width = t
        .series
        .iter()
        .map(|s| s.group.chars().count())
        .max()
        .unwrap_or(3)
        .min(28);
    for s in &t.series {
        let max = s.values.iter().copied().fold(0.0, f64::max);
        let line: String = s
            .values
            .iter()
            .map(|v| {
                if *v <= 0.0 || max <= 0.0 {
                    ' '
                } else {
                    BARS[(((v / max) * 7.0).round() as usize).min(7)]
                }
            })
            .collect();
        let name: String = s.group.chars().take(width).collect();
        out.push_str(&format!("{name:<width$} │{line}│ {}\n", s.total));
    }
    out
}

pub fn render_csv(t: &Timeline) -> String {
    let mut out = String::from(if t.normalized {
        "period,group,share\n"
    } else {
        "period,group,count\n"
    });
    for s in &t.series {
        for (p, v) in t.periods.iter().zip(&s.values) {
            let group = s.group.replace('"', "\"\"");
            out.push_str(&format!("{p},\"{group}\",{v}\n"));
        }
    }
    out
}

/// A plain line chart, one line per group, with a legend.
pub fn render_svg(t: &Timeline) -> String {
    const COLORS: [&str; 8] = [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    ];
    let (w, h, left, right, top, bottom) = (860.0, 420.0, 60.0, 200.0, 30.0, 50.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let max = t
        .series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .fold(0.0, f64::max)
        .max(1e-9);
    let n = t.periods.len().max(2) as f64 - 1.0;
    let x = |i: usize| left + plot_w * i as f64 / n;
    let y = |v: f64| top + plot_h * (1.0 - v / max);
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<text x=\"{left}\" y=\"18\" font-size=\"14\">{}</text>\n",
        esc(&format!(
            "{} — articles per {:?}{}",
            t.query,
            t.interval,
            if t.normalized { " (share)" } else { "" }
        ))
    );
    svg.push_str(&format!(
        "<line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#444\"/>\n<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{}\" stroke=\"#444\"/>\n",
        top + plot_h, left + plot_w, top + plot_h, top + plot_h
    ));
    svg.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
        left - 6.0,
        top + 4.0,
        fmt_value(max)
    ));
    svg.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text>\n",
        left - 6.0,
        top + plot_h
    ));
    if let (Some(first), Some(last)) = (t.periods.first(), t.periods.last()) {
        svg.push_str(&format!(
            "<text x=\"{left}\" y=\"{}\">{}</text>\n",
            top + plot_h + 18.0,
            esc(first)
        ));
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
            left + plot_w,
            top + plot_h + 18.0,
            esc(last)
        ));
    }
    for (i, s) in t.series.iter().enumerate() {
        let color = COLORS[i % COLORS.len()];
        let points: Vec<String> = s
            .values
            .iter()
            .enumerate()
            .map(|(j, v)| format!("{:.1},{:.1}", x(j), y(*v)))
            .collect();
        svg.push_str(&format!(
            "<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{}\"/>\n",
            points.join(" ")
        ));
        let ly = top + 16.0 * i as f64 + 10.0;
        svg.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"3\" fill=\"{color}\"/><text x=\"{}\" y=\"{}\">{} ({})</text>\n",
            left + plot_w + 14.0, ly - 4.0, left + plot_w + 30.0, ly, esc(&s.group), s.total
        ));
    }
    svg.push_str("</svg>\n");
    svg
}

fn fmt_value(v: f64) -> String {
    if v >= 10.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}
