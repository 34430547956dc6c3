//! JSON for programs: one object per search, highlights as character offsets.

use serde_json::{Value, json};

use crate::article::Article;
use crate::search::views::{ArticleView, Grouping, SearchOutcome, SearchParams};
use crate::search::{Hit, Interval, SearchResults, date_buckets, facet_values};

pub fn results_json(r: &SearchResults, facet_limit: usize, interval: Option<Interval>) -> Value {
    let hits: Vec<Value> = r
        .hits
        .iter()
        .map(|h| {
            let mut hit = json!({
                "id": h.id,
                "title": h.title,
                "title_highlights": h.title_highlights,
                "outlet": h.outlet,
                "date": h.date,
                "score": h.score,
                "authors": h.authors,
                "people": h.people,
                "places": h.places,
                "countries": h.countries,
                "language": h.language,
                "speakers": h.speakers,
                "mentions": h.mentions,
                "offices": h.offices,
                "url": h.url,
                "path": h.path,
                "snippets": h.snippets.iter().map(|f| json!({"text": f.text, "highlights": f.highlights})).collect::<Vec<_>>(),
            });
            hit["duplicates"] = serde_json::to_value(&h.duplicates).unwrap_or_default();
            if let Some(e) = &h.explanation {
                hit["explanation"] = e.clone();
            }
            hit
        })
        .collect();
    let mut facets = serde_json::Map::new();
    for (field, values) in facet_values(&r.facets, facet_limit) {
        let list: Vec<Value> = values
            .iter()
            .map(|(v, n)| json!({"value": v, "count": n}))
            .collect();
        facets.insert(field, Value::Array(list));
    }
    let (interval, buckets) = date_buckets(&r.facets.days, interval);
    facets.insert(
        "date".into(),
        Value::Array(
            buckets
                .iter()
                .map(|(v, n)| json!({"value": v, "count": n}))
                .collect(),
        ),
    );
    json!({
        "query": r.query,
        "total": r.total,
        "took_ms": r.took_ms,
        "hits": hits,
        "facets": facets,
        "date_interval": interval,
        "undated": r.facets.undated,
        "did_you_mean": r.suggestion,
        "notices": r.notices,
    })
}

pub fn article_json(a: &Article) -> Value {
    serde_json::to_value(a).unwrap_or(Value::Null)
}

/// The JSON of `search --json` and `GET /api/search`, grouping included.
pub fn search_json(params: &SearchParams, outcome: &SearchOutcome) -> Value {
    match outcome {
        SearchOutcome::Stories {
            considered,
            stories,
        } => json!({"query": params.request.query, "considered": considered, "stories": stories}),
        SearchOutcome::Hits(results) => {
            let mut value = results_json(results, params.request.facet_limit, params.interval);
            if params.group_by == Some(Grouping::Outlet) {
                value["group_by"] = "outlet".into();
            }
            value
        }
    }
}

/// The JSON of `show --json` and `GET /api/articles/{id}`: the hit's metadata,
/// the whole body and its highlights.
pub fn article_view_json(view: &ArticleView) -> Value {
    let mut value = serde_json::to_value(&view.hit).unwrap_or(Value::Null);
    value["body"] = view.body.text.clone().into();
    value["body_highlights"] = serde_json::to_value(&view.body.highlights).unwrap_or_default();
    // After the inserts, as `show --json` always did (the key order follows).
    value.as_object_mut().map(|o| o.remove("snippets"));
    value
}

/// The JSON of `similar --json` and `GET /api/articles/{id}/similar`.
pub fn similar_json(id: &str, hits: &[Hit]) -> Value {
    json!({"id": id, "similar": hits})
}
