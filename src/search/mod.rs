//! Search: a query in, ranked hits with snippets and facet counts out.

pub mod facets;
pub mod query;
pub mod snippets;
pub mod stories;
pub mod suggest;
pub mod timeline;
pub mod views;

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{MoreLikeThisQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Index, IndexReader, Order, ReloadPolicy, TantivyDocument, Term};

use crate::extract::{Entity, Extractor, name_key};
use crate::index::schema::{FACET_FIELDS, Fields};
use crate::index::store;
pub(crate) use crate::index::stored::{stored_all, stored_date, stored_json, stored_text};
pub use facets::FacetCounts;
pub use query::{Compiled, QueryError, QueryTree};
pub use snippets::{Fragment, Highlighter};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortOrder {
    #[default]
    Relevance,
    Date,
    DateAsc,
}

#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    pub sort: SortOrder,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub fragments: usize,
    pub fragment_size: usize,
    pub facet_limit: usize,
    /// Facet fields to count; empty for none.
    pub facets: Vec<String>,
    pub date_facet: bool,
    /// Every word matches within a small edit distance, as if written `word~`.
    pub fuzzy: bool,
    /// Attach each hit's score explanation.
    pub explain: bool,
    /// Fold near-duplicates (the same wire story in several outlets) into one hit.
    pub collapse: bool,
    /// Only articles in this language (a code or a name, as `lang:` takes).
    pub language: Option<String>,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            limit: 10,
            offset: 0,
            sort: SortOrder::Relevance,
            since: None,
            until: None,
            fragments: 2,
            fragment_size: 200,
            facet_limit: 10,
            facets: FACET_FIELDS.iter().map(|s| s.to_string()).collect(),
            date_facet: true,
            fuzzy: false,
            explain: false,
            collapse: true,
            language: None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub title_highlights: Vec<(usize, usize)>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub score: f32,
    pub authors: Vec<String>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    pub countries: Vec<String>,
    /// ISO 639-1 code of the article's language, when known.
    pub language: Option<String>,
    /// Who is quoted, and the quotations (character offsets into the body).
    pub speakers: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<crate::article::Quote>,
    /// Every person, place and country named, with counts and salience.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<crate::article::Mention>,
    /// Offices named, with their holder on the article's date.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offices: Vec<crate::article::OfficeRef>,
    pub url: Option<String>,
    pub path: String,
    pub snippets: Vec<Fragment>,
    /// Which fields and terms matched and what each added to the score (with --explain).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<serde_json::Value>,
    /// Near-duplicates folded into this hit: the same story elsewhere.
    pub duplicates: Vec<Duplicate>,
}

/// Which article, as a result names it: read from its stored fields.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
}

impl ArticleRef {
    pub fn from_doc(doc: &TantivyDocument, f: &Fields) -> ArticleRef {
        let text = |field| stored_text(doc, field);
        ArticleRef {
            id: text(f.id).unwrap_or_default(),
            title: text(f.title).unwrap_or_default(),
            outlet: text(f.outlet),
            date: stored_date(doc, f.date),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Duplicate {
    #[serde(flatten)]
    pub article: ArticleRef,
    pub similarity: f32,
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct Timings {
    pub query_ms: f64,
    pub collect_ms: f64,
    pub facets_ms: f64,
    pub fetch_ms: f64,
    pub snippets_ms: f64,
}

#[derive(Debug, Clone)]
pub struct SearchResults {
    pub query: String,
    pub total: usize,
    pub took_ms: f64,
    pub hits: Vec<Hit>,
    pub facets: FacetCounts,
    pub timings: Timings,
    /// A better-spelled query when a typed word is missing from the index.
    pub suggestion: Option<String>,
    /// What the query parser repaired or ignored, one line each.
    pub notices: Vec<String>,
}

/// An id no stored article has (the server answers 404 for it).
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownId(pub String);

impl std::fmt::Display for UnknownId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no article with id {:?} in the index", self.0)
    }
}

impl std::error::Error for UnknownId {}

/// An open index, kept for many queries (the bench reuses it).
pub struct Engine {
    pub index: Index,
    pub reader: IndexReader,
    pub fields: Fields,
    pub(crate) extractor: &'static Extractor,
    /// Values of each name field, read once per engine (filters resolve against them).
    terms: std::sync::Mutex<HashMap<String, std::sync::Arc<Vec<String>>>>,
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

impl Engine {
    pub fn open(root: &Path) -> Result<Engine> {
        let (index, _) = store::open(root)?;
        // Manual: a search process reads one generation and needs no watcher thread.
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .context("cannot open an index reader")?;
        let fields = Fields::new(&index.schema());
        Ok(Engine {
            index,
            reader,
            fields,
            extractor: Extractor::shared(),
            terms: Default::default(),
        })
    }

    /// Parses what the user typed into a tree, once, and compiles the tree:
    /// the one way search, timelines, stories and the bench read a query.
    pub fn compile(&self, text: &str, request: &SearchRequest) -> Result<Compiled> {
        let tree = query::parse(text)?;
        Ok(query::compile(self, tree, request))
    }

    /// Walks the ranked candidates: each joins the first better-ranked one it
    /// nearly duplicates, or leads a group of its own. Returns the page of
    /// group leaders and, for each, the candidates folded into it.
    #[allow(clippy::type_complexity)]
    fn collapse(
        &self,
        searcher: &tantivy::Searcher,
        ranked: Vec<(f32, DocAddress)>,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<(f32, DocAddress)>, Vec<Vec<(f32, DocAddress)>>)> {
        use crate::coverage::{DEFAULT_THRESHOLD, Fingerprint};
        let prints = fingerprints(searcher, &ranked);
        let mut leaders: Vec<((f32, DocAddress), Option<Fingerprint>)> = Vec::new();
        let mut folded: Vec<Vec<(f32, DocAddress)>> = Vec::new();
        for ((score, addr), print) in ranked.into_iter().zip(prints) {
            let home = print.as_ref().filter(|p| p.is_linkable()).and_then(|p| {
                leaders.iter().position(|(_, lp)| {
                    lp.as_ref()
                        .is_some_and(|lp| lp.similarity(p) >= DEFAULT_THRESHOLD)
                })
            });
            match home {
                Some(i) => {
                    let sim = leaders[i]
                        .1
                        .as_ref()
                        .zip(print.as_ref())
                        .map_or(0.0, |(a, b)| a.similarity(b));
                    folded[i].push((sim, addr));
                }
                None => {
                    leaders.push(((score, addr), print));
                    folded.push(Vec::new());
                }
            }
        }
        let page: Vec<(f32, DocAddress)> = leaders
            .iter()
            .skip(offset)
            .take(limit)
            .map(|(l, _)| *l)
            .collect();
        let groups = folded.into_iter().skip(offset).take(limit).collect();
        Ok((page, groups))
    }

    /// tantivy names terms `Term(field=3, type=Str, "pompeo")`; people read `body:pompeo`.
    fn readable_explanation(&self, json: &str) -> String {
        static TERM: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let re = TERM.get_or_init(|| {
            regex::Regex::new(r#"Term=Term\(field=(\d+), type=\w+, \\"([^"\\]*)\\"\)"#)
                .expect("valid regex")
        });
        let schema = self.index.schema();
        re.replace_all(json, |c: &regex::Captures| {
            let name = c[1]
                .parse::<u32>()
                .ok()
                .map(|i| {
                    schema
                        .get_field_name(tantivy::schema::Field::from_field_id(i))
                        .to_string()
                })
                .unwrap_or_else(|| c[1].to_string());
            format!("{name}:{}", &c[2])
        })
        .into_owned()
    }

    /// Articles most like article `id`, by the distinctive words of its body and title.
    pub fn similar(&self, id: &str, limit: usize) -> Result<Vec<(f32, TantivyDocument)>> {
        let searcher = self.reader.searcher();
        let address = self.address_of(id)?;
        let query = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(2)
            .with_max_doc_frequency(searcher.num_docs() / 10 + 2)
            .with_min_term_frequency(1)
            .with_max_query_terms(30)
            .with_min_word_length(3)
            .with_document(address);
        let top = searcher.search(&query, &TopDocs::with_limit(limit + 1).order_by_score())?;
        let mut out = Vec::new();
        for (score, addr) in top {
            if addr == address {
                continue;
            }
            out.push((score, searcher.doc(addr)?));
        }
        out.truncate(limit);
        Ok(out)
    }

    /// The stored article with this id.
    pub fn document(&self, id: &str) -> Result<TantivyDocument> {
        Ok(self.reader.searcher().doc(self.address_of(id)?)?)
    }

    fn address_of(&self, id: &str) -> Result<DocAddress> {
        let term = Term::from_field_text(self.fields.id, id);
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let top = self
            .reader
            .searcher()
            .search(&query, &TopDocs::with_limit(1).order_by_score())?;
        top.first()
            .map(|(_, a)| *a)
            .ok_or_else(|| UnknownId(id.to_string()).into())
    }

    /// The index's values for a filter: any alias the gazetteer knows, any
    /// spelling that differs only in case, spaces or hyphens, or a surname.
    pub fn resolve(&self, field: &str, value: &str) -> Vec<String> {
        let gaz = &self.extractor.gazetteer;
        let mut wanted: Vec<String> = vec![value.to_string()];
        // The mentioned sets resolve as the salient ones do.
        let kind = field.strip_suffix("_named").unwrap_or(field);
        match kind {
            "outlet" => wanted.push(self.extractor.outlets.canonical(value)),
            // `lang:French`, `lang:fr`, `lang:pt-BR`: the code the index holds.
            "language" => wanted.extend(crate::lang::normalize(value).map(String::from)),
            "people" | "speakers" | "places" | "countries" => {
                if let Some(form) = gaz.lookup(value) {
                    for e in &form.entities {
                        match (kind, e) {
                            ("people" | "speakers", Entity::Person(p)) => {
                                wanted.push(gaz.people[*p as usize].clone())
                            }
                            ("places", Entity::Place(p)) => {
                                wanted.push(gaz.places[*p as usize].name.clone())
                            }
                            ("places" | "countries", Entity::Country(c))
                            | ("countries", Entity::Demonym(c)) => {
                                wanted.push(gaz.countries[*c as usize].clone())
                            }
                            ("countries", Entity::Place(p)) => {
                                let c = gaz.places[*p as usize].country;
                                wanted.push(gaz.countries[c as usize].clone())
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
        let keys: Vec<String> = wanted.iter().map(|w| name_key(w)).collect();
        let single_word = !value.trim().contains(' ');
        let value_key = name_key(value);
        let mut found = Vec::new();
        for term in self.field_terms(field).iter() {
            let key = name_key(term);
            let surname = matches!(kind, "people" | "speakers")
                && single_word
                && term
                    .split_whitespace()
                    .last()
                    .is_some_and(|l| name_key(l) == value_key);
            if (keys.contains(&key) || surname) && !found.contains(term) {
                found.push(term.clone());
            }
        }
        found
    }

    /// Every value of a name field in the index (a few thousand at most).
    pub fn field_terms(&self, field: &str) -> std::sync::Arc<Vec<String>> {
        let mut cache = self.terms.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(field.to_string())
            .or_insert_with(|| std::sync::Arc::new(self.read_field_terms(field)))
            .clone()
    }

    fn read_field_terms(&self, field: &str) -> Vec<String> {
        let searcher = self.reader.searcher();
        let Ok(f) = self.index.schema().get_field(field) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for segment in searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(f) else {
                continue;
            };
            let Ok(mut stream) = inverted.terms().stream() else {
                continue;
            };
            while stream.advance() {
                if let Ok(s) = std::str::from_utf8(stream.key()) {
                    out.push(s.to_string());
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = Instant::now();
        let mut timings = Timings::default();
        let Compiled {
            query,
            marks,
            typed,
            notices,
            ..
        } = self.compile(&request.query, request)?;
        timings.query_ms = ms(started);

        let searcher = self.reader.searcher();
        let t = Instant::now();
        let want = if request.collapse {
            // Room to fold duplicates and still fill the page.
            ((request.limit + request.offset) * 4 + 20).min(500)
        } else {
            request.limit + request.offset
        };
        // One pass over every match: the top hits, the match count and the facets.
        let single = searcher.segment_readers().len() == 1;
        let counts = facets::FacetCollector {
            fields: request.facets.clone(),
            date_field: request.date_facet.then(|| "date".to_string()),
            top_only: (single && request.facet_limit > 0).then_some(request.facet_limit),
        };
        let top = TopDocs::with_limit(want.max(1));
        let (addresses, facets): (Vec<(f32, DocAddress)>, FacetCounts) = match request.sort {
            SortOrder::Relevance => searcher.search(&query, &(top.order_by_score(), counts))?,
            SortOrder::Date | SortOrder::DateAsc => {
                let order = if request.sort == SortOrder::Date {
                    Order::Desc
                } else {
                    Order::Asc
                };
                let top = top.order_by_fast_field::<tantivy::DateTime>("date", order);
                let (top, facets) = searcher.search(&query, &(top, counts))?;
                let top = top.into_iter().map(|(_, addr)| (0.0f32, addr)).collect();
                (top, facets)
            }
        };
        let total = facets.matches as usize;
        timings.facets_ms = facets.spent.as_secs_f64() * 1000.0;
        timings.collect_ms = ms(t) - timings.facets_ms;

        let t = Instant::now();
        let (page, folded) = if request.collapse {
            self.collapse(&searcher, addresses, request.offset, request.limit)?
        } else {
            let page: Vec<(f32, DocAddress)> = addresses
                .into_iter()
                .skip(request.offset)
                .take(request.limit)
                .collect();
            let folded = vec![Vec::new(); page.len()];
            (page, folded)
        };
        let mut docs = Vec::with_capacity(page.len());
        for (score, addr) in &page {
            let doc: TantivyDocument = searcher.doc(*addr)?;
            let explanation = if request.explain {
                let e = query.explain(&searcher, *addr)?;
                serde_json::from_str(&self.readable_explanation(&e.to_pretty_json())).ok()
            } else {
                None
            };
            docs.push((*score, doc, explanation));
        }
        timings.fetch_ms = ms(t);

        let t = Instant::now();
        let highlighter = self.highlighter(&marks);
        let mut hits = Vec::with_capacity(docs.len());
        for ((score, doc, explanation), group) in docs.into_iter().zip(folded) {
            let mut duplicates = Vec::with_capacity(group.len());
            for (similarity, addr) in group {
                let d: TantivyDocument = searcher.doc(addr)?;
                duplicates.push(Duplicate {
                    article: ArticleRef::from_doc(&d, &self.fields),
                    similarity,
                });
            }
            hits.push(Hit {
                explanation,
                duplicates,
                ..self.hit(score, &doc, &highlighter, request)
            });
        }
        timings.snippets_ms = ms(t);
        // Any word the index lacks gets its suggestion, even when the others
        // match plenty ("Pompao visit" finds visits, none of them Pompeo's).
        let suggestion = self.suggest(&request.query, &typed);
        Ok(SearchResults {
            query: request.query.clone(),
            total,
            took_ms: ms(started),
            hits,
            facets,
            timings,
            suggestion,
            notices,
        })
    }

    /// Highlights for what a compiled query matches, fuzzy words' neighbours included.
    pub fn highlighter(&self, marks: &query::Marks) -> Highlighter {
        let mut highlighter = Highlighter::new(&marks.words, &marks.phrases, &marks.exact);
        for (stem, distance) in &marks.fuzzy {
            highlighter.add_stems(
                self.near_terms(self.fields.body, stem, *distance as usize)
                    .into_iter()
                    .map(|(t, _, _)| t),
            );
        }
        highlighter
    }

    pub fn hit(
        &self,
        score: f32,
        doc: &TantivyDocument,
        hl: &Highlighter,
        request: &SearchRequest,
    ) -> Hit {
        let f = &self.fields;
        let text = |field| stored_text(doc, field);
        let all = |field| stored_all(doc, field);
        let title = text(f.title).unwrap_or_default();
        let body = text(f.body).unwrap_or_default();
        let date = stored_date(doc, f.date);
        let language = text(f.language);
        let language = language.as_deref();
        Hit {
            id: text(f.id).unwrap_or_default(),
            title_highlights: hl.highlight_all_in(&title, language).highlights,
            title,
            outlet: text(f.outlet),
            date,
            score,
            authors: all(f.authors),
            people: all(f.people),
            places: all(f.places),
            countries: all(f.countries),
            language: language.map(String::from),
            speakers: all(f.speakers),
            quotes: text(f.quotes)
                .map(|q| crate::extract::quotes::decode(&q, &body))
                .unwrap_or_default(),
            mentions: text(f.mentions)
                .map(|m| crate::extract::salience::decode(&m))
                .unwrap_or_default(),
            offices: stored_json(doc, f.offices),
            url: text(f.url),
            path: text(f.path).unwrap_or_default(),
            snippets: hl.fragments_in(&body, request.fragments, request.fragment_size, language),
            explanation: None,
            duplicates: Vec::new(),
        }
    }
}

/// The stored fingerprint of each ranked document, read per segment in one
/// sorted pass over the column's dictionary (one block decode per block).
fn fingerprints(
    searcher: &tantivy::Searcher,
    ranked: &[(f32, DocAddress)],
) -> Vec<Option<crate::coverage::Fingerprint>> {
    use crate::coverage::Fingerprint;
    let mut columns: HashMap<u32, Option<tantivy::columnar::Column<u64>>> = HashMap::new();
    ranked
        .iter()
        .map(|(_, addr)| {
            let column = columns.entry(addr.segment_ord).or_insert_with(|| {
                let fast = searcher.segment_reader(addr.segment_ord).fast_fields();
                fast.u64("fingerprint").ok()
            });
            Fingerprint::from_values(column.as_ref()?.values_for_doc(addr.doc_id))
        })
        .collect()
}

/// The cleaned text of a stored article.
pub fn stored_body(engine: &Engine, doc: &TantivyDocument) -> String {
    stored_text(doc, engine.fields.body).unwrap_or_default()
}

/// Facet values most frequent first, as shown and printed.
pub fn facet_values(counts: &FacetCounts, limit: usize) -> Vec<(String, Vec<(String, u64)>)> {
    counts
        .fields
        .iter()
        .map(|(name, values)| (name.clone(), facets::top(values, limit)))
        .collect()
}

/// "2018-09-20", "2018-09" or "2018": the first instant of that day, month or year.
/// With `end`, the first instant after it (for `--until`, inclusive of the period).
pub fn parse_period(s: &str, end: bool) -> Result<DateTime<Utc>> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let (date, next) = match parts.len() {
        1 if s.len() == 4 => {
            let y = num(0).context("year")? as i32;
            (
                NaiveDate::from_ymd_opt(y, 1, 1),
                NaiveDate::from_ymd_opt(y + 1, 1, 1),
            )
        }
        2 => {
            let (y, m) = (num(0).context("year")? as i32, num(1).context("month")?);
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            (NaiveDate::from_ymd_opt(y, m, 1), next)
        }
        3 => {
            let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            (d, d.and_then(|d| d.succ_opt()))
        }
        _ => (None, None),
    };
    let chosen = if end { next } else { date };
    let day = chosen
        .with_context(|| format!("cannot read date {s:?}: use YYYY, YYYY-MM or YYYY-MM-DD"))?;
    Ok(Utc.from_utc_datetime(&day.and_hms_opt(0, 0, 0).unwrap()))
}

/// Matches per period, for the date facet: by day, week, month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    Day,
    Week,
    Month,
    Year,
}

/// The period a day (days since 1970-01-01) falls in: "2018-09-20", the
/// Monday of its week, "2018-09" or "2018".
pub fn period_of(day: i64, interval: Interval) -> String {
    use chrono::Datelike;
    let date = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Duration::days(day);
    match interval {
        Interval::Day => date.format("%Y-%m-%d").to_string(),
        Interval::Week => {
            let monday =
                date - chrono::Duration::days(date.weekday().num_days_from_monday() as i64);
            monday.format("%Y-%m-%d").to_string()
        }
        Interval::Month => date.format("%Y-%m").to_string(),
        Interval::Year => date.format("%Y").to_string(),
    }
}

/// The interval that gives a readable number of periods for a span of days.
pub fn interval_for_span(span_days: i64) -> Interval {
    match span_days {
        0..=45 => Interval::Day,
        46..=400 => Interval::Week,
        401..=3650 => Interval::Month,
        _ => Interval::Year,
    }
}

pub fn date_buckets(
    days: &std::collections::BTreeMap<i64, u64>,
    interval: Option<Interval>,
) -> (Interval, Vec<(String, u64)>) {
    let interval = interval.unwrap_or_else(|| {
        let span = match (days.keys().next(), days.keys().next_back()) {
            (Some(a), Some(b)) => b - a,
            _ => 0,
        };
        interval_for_span(span)
    });
    let mut buckets: Vec<(String, u64)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (&d, &n) in days {
        let key = period_of(d, interval);
        match index.get(&key) {
            Some(&i) => buckets[i].1 += n,
            None => {
                index.insert(key.clone(), buckets.len());
                buckets.push((key, n));
            }
        }
    }
    (interval, buckets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert_eq!(
            parse_period("2018", false).unwrap().to_rfc3339(),
            "2018-01-01T00:00:00+00:00"
        );
        assert_eq!(
            parse_period("2018", true).unwrap().to_rfc3339(),
            "2019-01-01T00:00:00+00:00"
        );
        assert_eq!(
            parse_period("2018-12", true).unwrap().to_rfc3339(),
            "2019-01-01T00:00:00+00:00"
        );
        assert_eq!(
            parse_period("2018-09-20", true).unwrap().to_rfc3339(),
            "2018-09-21T00:00:00+00:00"
        );
        assert!(parse_period("last week", false).is_err());
    }
}
