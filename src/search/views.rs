//! What the commands answer, built once for the command line and the web
//! server alike: a search with its options (grouping included), one whole
//! article, an article's similar ones, and the index's vital statistics.
//! `render::json` turns each into the one JSON both print.

use std::fmt;

use anyhow::Result;
use serde::Serialize;
use tantivy::query::AllQuery;

use super::facets::FacetCollector;
use super::stories::Story;
use super::{Engine, Fragment, Hit, Interval, SearchRequest, SearchResults};
use crate::index::store::Manifest;

/// An option value the engine cannot use (an unknown facet...): the caller's
/// mistake, so the server answers 400 rather than 500.
#[derive(Debug, Clone, PartialEq)]
pub struct InvalidOption(pub String);

impl fmt::Display for InvalidOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InvalidOption {}

/// `--group-by` / `group_by`: the best hit per outlet, or the stories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Outlet,
    Story,
}

impl Grouping {
    pub fn parse(s: &str) -> Option<Grouping> {
        match s {
            "outlet" => Some(Grouping::Outlet),
            "story" => Some(Grouping::Story),
            _ => None,
        }
    }
}

/// Every option of a search, as `communique search` and `GET /api/search` take them.
#[derive(Debug, Clone, Default)]
pub struct SearchParams {
    /// The query, paging, dates, snippets and switches, as the engine takes them
    /// (its facet fields are set from `facets`).
    pub request: SearchRequest,
    /// Date facet buckets; `None` chooses from the span of the matches.
    pub interval: Option<Interval>,
    /// Only facet counts, no hits.
    pub facet_only: bool,
    /// Facets to count; empty for all of them.
    pub facets: Vec<String>,
    pub group_by: Option<Grouping>,
}

impl SearchParams {
    /// The engine's request for these options (before any grouping).
    pub fn request(&self) -> Result<SearchRequest> {
        let mut request = self.request.clone();
        if self.facet_only {
            request.limit = 0;
        }
        request.fragment_size = request.fragment_size.max(20);
        choose_facets(&self.facets, &mut request)?;
        Ok(request)
    }
}

/// Only these facets (all of them when none is given).
pub fn choose_facets(fields: &[String], request: &mut SearchRequest) -> Result<()> {
    if fields.is_empty() {
        return Ok(());
    }
    // The name fields of the schema, and the date.
    let known = |f: &str| f == "date" || crate::index::schema::FACET_FIELDS.contains(&f);
    if let Some(f) = fields.iter().find(|f| !known(f)) {
        return Err(InvalidOption(format!(
            "unknown facet {f:?} (known: {}, date)",
            crate::index::schema::FACET_FIELDS.join(", ")
        ))
        .into());
    }
    request.date_facet = fields.iter().any(|f| f == "date");
    request.facets = fields.iter().filter(|f| *f != "date").cloned().collect();
    Ok(())
}

/// A search's answer: ranked hits (best per outlet when so grouped), or stories.
pub enum SearchOutcome {
    Hits(SearchResults),
    Stories {
        considered: usize,
        stories: Vec<Story>,
    },
}

/// One whole stored article, with a query's matches highlighted in it.
pub struct ArticleView {
    /// Metadata and highlighted title (no snippets).
    pub hit: Hit,
    /// The whole highlighted body.
    pub body: Fragment,
}

/// What `GET /api/stats` reports about the live index.
#[derive(Debug, Clone, Serialize)]
pub struct IndexStats {
    pub articles: u64,
    pub outlets: usize,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub undated: u64,
    pub communique_version: String,
    pub schema_version: u32,
    pub built_at: String,
}

impl Engine {
    /// A search with every option applied, grouping included.
    pub fn run_search(&self, params: &SearchParams) -> Result<SearchOutcome> {
        let mut request = params.request()?;
        match params.group_by {
            Some(Grouping::Story) => {
                let (considered, stories) = self.stories(&request, params.request.limit)?;
                return Ok(SearchOutcome::Stories {
                    considered,
                    stories,
                });
            }
            Some(Grouping::Outlet) => {
                // Enough hits that every outlet's best one is among them.
                request.limit = (params.request.limit * 20).max(200);
                request.facets.retain(|f| f != "outlet");
                request.facets.push("outlet".into());
            }
            None => {}
        }
        let mut results = self.search(&request)?;
        if params.group_by.is_some() {
            results.hits = crate::render::best_per_outlet(
                std::mem::take(&mut results.hits),
                params.request.limit,
            );
        }
        Ok(SearchOutcome::Hits(results))
    }

    /// Article `id`, with the matches of `query` (if any) highlighted.
    pub fn article_view(&self, id: &str, query: Option<&str>) -> Result<ArticleView> {
        let doc = self.document(id)?;
        let request = SearchRequest {
            fragments: 0,
            ..SearchRequest::default()
        };
        let marks = match query {
            Some(q) => self.compile(q, &request)?.marks,
            None => Default::default(),
        };
        let highlighter = self.highlighter(&marks);
        let hit = self.hit(0.0, &doc, &highlighter, &request);
        let body =
            highlighter.highlight_all_in(&super::stored_body(self, &doc), hit.language.as_deref());
        Ok(ArticleView { hit, body })
    }

    /// The articles most like article `id`, as hits with one short snippet.
    pub fn similar_hits(&self, id: &str, limit: usize) -> Result<Vec<Hit>> {
        let found = self.similar(id, limit)?;
        let highlighter = self.highlighter(&Default::default());
        let request = SearchRequest {
            fragments: 1,
            fragment_size: 160,
            ..SearchRequest::default()
        };
        Ok(found
            .iter()
            .map(|(score, doc)| self.hit(*score, doc, &highlighter, &request))
            .collect())
    }

    /// Size, outlets and date span of the index, with its manifest's version and build time.
    pub fn stats(&self, manifest: &Manifest) -> Result<IndexStats> {
        let searcher = self.reader.searcher();
        let days = FacetCollector {
            fields: Vec::new(),
            date_field: Some("date".into()),
            top_only: None,
        };
        let counts = searcher.search(&AllQuery, &days)?;
        let day = |d: Option<&i64>| d.map(|d| super::period_of(*d, Interval::Day));
        Ok(IndexStats {
            articles: searcher.num_docs(),
            outlets: self.field_terms("outlet").len(),
            first_date: day(counts.days.keys().next()),
            last_date: day(counts.days.keys().next_back()),
            undated: counts.undated,
            communique_version: manifest.communique_version.clone(),
            schema_version: manifest.schema_version,
            built_at: manifest.built_at.clone(),
        })
    }
}
