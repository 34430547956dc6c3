//! Stories: the articles about one event across outlets, grouped even when
//! their texts differ. Two matching articles belong to one story when they
//! appeared within two days of each other, share a person, and share at
//! least two of the people and places that are not common in the collection
//! (a quarter of those in common); stories are the connected groups of that
//! relation.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::schema::Value;
use tantivy::{TantivyDocument, Term};

use super::{ArticleRef, Engine, SearchRequest};

/// Matches considered, best first: enough for the main stories of a query.
const MAX_ARTICLES: usize = 400;
const MAX_DAYS_APART: i64 = 2;
const MIN_SHARED: f32 = 0.25;
const MIN_SHARED_NAMES: usize = 2;
/// A name in more than this share of all indexed articles is too common to link articles.
const MAX_NAME_SHARE: f32 = 0.15;
/// In a small collection no name is common enough to ignore.
const MIN_COMMON_DOCS: f32 = 20.0;

#[derive(Debug, Clone, Serialize)]
pub struct StoryArticle {
    #[serde(flatten)]
    pub article: ArticleRef,
    pub score: f32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Story {
    pub articles: usize,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub outlets: Vec<(String, usize)>,
    pub people: Vec<(String, usize)>,
    pub places: Vec<(String, usize)>,
    pub best: StoryArticle,
}

struct Candidate {
    article: StoryArticle,
    day: Option<i64>,
    people: HashSet<String>,
    names: HashSet<String>,
    places: Vec<String>,
    people_list: Vec<String>,
}

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        parent[r] = parent[parent[r]];
        r = parent[r];
    }
    r
}

fn top(counts: HashMap<String, usize>, k: usize) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(k);
    v
}

impl Engine {
    /// The stories among a query's best matches, largest first; and the
    /// number of matches considered.
    pub fn stories(&self, request: &SearchRequest, limit: usize) -> Result<(usize, Vec<Story>)> {
        let q = self.compile(&request.query, request)?.query;
        let searcher = self.reader.searcher();
        let ranked = searcher.search(&q, &TopDocs::with_limit(MAX_ARTICLES).order_by_score())?;
        let f = &self.fields;
        let mut candidates = Vec::with_capacity(ranked.len());
        for (score, addr) in &ranked {
            let doc: TantivyDocument = searcher.doc(*addr)?;
            let all = |field| super::stored_all(&doc, field);
            let day = doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .map(|d| d.into_timestamp_secs().div_euclid(86_400));
            let people = all(f.people);
            let places = all(f.places);
            candidates.push(Candidate {
                article: StoryArticle {
                    article: ArticleRef::from_doc(&doc, f),
                    score: *score,
                },
                day,
                people: people.iter().cloned().collect(),
                names: people.iter().chain(&places).cloned().collect(),
                places,
                people_list: people,
            });
        }
        // Names that much of the whole collection carries (the president,
        // "United States") say nothing about which event an article covers.
        let total_docs = searcher.num_docs().max(1) as f32;
        let mut common_name: HashMap<String, bool> = HashMap::new();
        for c in &candidates {
            for n in &c.names {
                if !common_name.contains_key(n) {
                    let field = if c.people.contains(n) {
                        f.people
                    } else {
                        f.places
                    };
                    let df = searcher
                        .doc_freq(&Term::from_field_text(field, n))
                        .unwrap_or(0) as f32;
                    common_name.insert(
                        n.clone(),
                        df > (MAX_NAME_SHARE * total_docs).max(MIN_COMMON_DOCS),
                    );
                }
            }
        }
        let telling: Vec<HashSet<&str>> = candidates
            .iter()
            .map(|c| {
                c.names
                    .iter()
                    .map(String::as_str)
                    .filter(|n| !common_name[*n])
                    .collect()
            })
            .collect();
        let mut parent: Vec<usize> = (0..candidates.len()).collect();
        for i in 0..candidates.len() {
            for j in i + 1..candidates.len() {
                let (a, b) = (&candidates[i], &candidates[j]);
                let close = match (a.day, b.day) {
                    (Some(x), Some(y)) => (x - y).abs() <= MAX_DAYS_APART,
                    _ => false,
                };
                if !close || a.people.is_disjoint(&b.people) {
                    continue;
                }
                let (ta, tb) = (&telling[i], &telling[j]);
                let shared = ta.intersection(tb).count();
                let union = ta.union(tb).count().max(1);
                if shared >= MIN_SHARED_NAMES && shared as f32 / union as f32 >= MIN_SHARED {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    if ri != rj {
                        parent[rj.max(ri)] = rj.min(ri);
                    }
                }
            }
        }
        let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..candidates.len() {
            let r = find(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
        let mut stories: Vec<Story> = groups
            .into_values()
            .map(|members| {
                let mut outlets = HashMap::new();
                let mut people = HashMap::new();
                let mut places = HashMap::new();
                let mut dates: Vec<String> = Vec::new();
                for &m in &members {
                    let c = &candidates[m];
                    *outlets
                        .entry(
                            c.article
                                .article
                                .outlet
                                .clone()
                                .unwrap_or_else(|| "unknown outlet".into()),
                        )
                        .or_insert(0) += 1;
                    for p in &c.people_list {
                        *people.entry(p.clone()).or_insert(0) += 1;
                    }
                    for p in &c.places {
                        *places.entry(p.clone()).or_insert(0) += 1;
                    }
                    if let Some(d) = &c.article.article.date {
                        dates.push(d.chars().take(10).collect());
                    }
                }
                dates.sort();
                // Members keep rank order, so the first is the best match.
                Story {
                    articles: members.len(),
                    first_date: dates.first().cloned(),
                    last_date: dates.last().cloned(),
                    outlets: top(outlets, 8),
                    people: top(people, 5),
                    places: top(places, 5),
                    best: candidates[members[0]].article.clone(),
                }
            })
            .collect();
        stories.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then(b.best.score.total_cmp(&a.best.score))
        });
        stories.truncate(limit);
        Ok((candidates.len(), stories))
    }
}

pub fn render_text(considered: usize, stories: &[Story]) -> String {
    let mut out = format!(
        "{} stories among the {considered} best matches\n",
        stories.len()
    );
    let list = |v: &[(String, usize)]| {
        v.iter()
            .map(|(n, c)| format!("{n} ({c})"))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    for (i, s) in stories.iter().enumerate() {
        let span = match (&s.first_date, &s.last_date) {
            (Some(a), Some(b)) if a == b => a.clone(),
            (Some(a), Some(b)) => format!("{a} to {b}"),
            _ => "undated".into(),
        };
        out.push_str(&format!(
            "\n{:>2}. {} article{}, {span}\n",
            i + 1,
            s.articles,
            if s.articles == 1 { "" } else { "s" }
        ));
        out.push_str(&format!("    outlets: {}\n", list(&s.outlets)));
        if !s.people.is_empty() {
            out.push_str(&format!("    people:  {}\n", list(&s.people)));
        }
        if !s.places.is_empty() {
            out.push_str(&format!("    places:  {}\n", list(&s.places)));
        }
        out.push_str(&format!(
            "    best:    {} ({}, {}, {})\n",
            s.best.article.title,
            s.best.article.outlet.as_deref().unwrap_or("unknown outlet"),
            s.best.article.date.as_deref().unwrap_or("undated"),
            s.best.article.id
        ));
    }
    out
}
