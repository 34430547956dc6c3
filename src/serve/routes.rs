//! Paths to handlers. Each API handler reads its parameters (`api::Params`),
//! runs the library function the command line runs, on the blocking pool
//! within the time limit, and answers the JSON the command line prints.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};
use serde_json::{Value, json};
use tower_http::cors::CorsLayer;
use tower_http::limit::RequestBodyLimitLayer;

use super::api::{ApiError, MAX_URI_BYTES, Params};
use super::assets;
use super::live::{Live, Loaded};
use crate::render;
use crate::search::views::{Grouping, SearchParams};
use crate::search::{SearchRequest, SortOrder, timeline};

#[derive(Clone)]
pub struct AppState {
    pub live: Arc<Live>,
    pub time_limit: Duration,
}

type Answer = Result<Response, ApiError>;

/// Largest request body accepted: the API takes none (every route is a GET).
const MAX_BODY_BYTES: usize = 16 * 1024;
const MAX_LIMIT: usize = 100;
const MAX_OFFSET: usize = 10_000;

/// The API's routes: the OpenAPI document lists exactly these paths (a test checks).
fn api_routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/api/search", get(search)),
        ("/api/articles/{id}", get(article)),
        ("/api/articles/{id}/similar", get(similar)),
        ("/api/timeline", get(timeline)),
        ("/api/stats", get(stats)),
        ("/api/openapi.json", get(openapi)),
        ("/healthz", get(healthz)),
    ]
}

/// The paths the API serves, for the check against the OpenAPI document.
pub fn api_paths() -> Vec<&'static str> {
    api_routes().into_iter().map(|(path, _)| path).collect()
}

/// The whole application: the page's assets, the API, JSON 404s and 405s,
/// the size limits and the security headers.
pub fn app(state: AppState) -> anyhow::Result<Router> {
    let mut router = Router::new()
        .route("/", get(assets::page))
        .route("/assets/{name}", get(assets::asset));
    for (path, route) in api_routes() {
        router = router.route(path, route);
    }
    Ok(router
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(middleware::from_fn(guard))
        .with_state(state))
}

/// Lets pages from `origin` (and only there) call the API from a browser.
pub fn with_cors(app: Router, origin: Option<&str>) -> anyhow::Result<Router> {
    let Some(origin) = origin else {
        return Ok(app);
    };
    let value = HeaderValue::from_str(origin.trim_end_matches('/'))
        .map_err(|_| anyhow::anyhow!("--cors {origin:?} is not a valid origin"))?;
    anyhow::ensure!(
        origin.starts_with("http://") || origin.starts_with("https://"),
        "--cors takes an origin such as https://example.org, not {origin:?}"
    );
    Ok(app.layer(
        CorsLayer::new()
            .allow_origin(value)
            .allow_methods([Method::GET, Method::HEAD]),
    ))
}

/// Refuses over-long request targets; marks every answer as data the
/// browser must not sniff, frame or run scripts from elsewhere with.
async fn guard(request: Request, next: Next) -> Response {
    let target = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    let mut response = if target > MAX_URI_BYTES {
        ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!("request target is {target} bytes long; the limit is {MAX_URI_BYTES}"),
        )
        .into_response()
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    let fixed = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// Runs `work` against the live engine on the blocking pool, within the time limit.
async fn on_engine<F>(state: &AppState, work: F) -> Answer
where
    F: FnOnce(&Loaded) -> Result<Value, ApiError> + Send + 'static,
{
    let live = state.live.clone();
    let task = tokio::task::spawn_blocking(move || work(&live.get()));
    match tokio::time::timeout(state.time_limit, task).await {
        Ok(Ok(answer)) => answer.map(|v| Json(v).into_response()),
        Ok(Err(panic)) => {
            eprintln!("communique serve: a request failed: {panic}");
            Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal error",
            ))
        }
        Err(_) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the request took longer than {:.1} s; narrow the query or try again",
                state.time_limit.as_secs_f64()
            ),
        )),
    }
}

const SEARCH_PARAMS: &[&str] = &[
    "q",
    "limit",
    "offset",
    "sort",
    "since",
    "until",
    "fragments",
    "fragment_size",
    "facet",
    "facet_limit",
    "interval",
    "facet_only",
    "group_by",
    "collapse",
    "explain",
    "fuzzy",
];

/// `GET /api/search`: the options of `communique search`, as parameters.
fn search_params(p: &Params) -> Result<SearchParams, ApiError> {
    let defaults = SearchRequest::default();
    let group_by = match p.str("group_by").map(str::trim) {
        None | Some("none") => None,
        Some(g) => Some(Grouping::parse(g).ok_or_else(|| {
            ApiError::bad_request(format!("group_by must be outlet, story or none, not {g:?}"))
        })?),
    };
    Ok(SearchParams {
        request: SearchRequest {
            query: p.query()?,
            limit: p.number("limit", defaults.limit, MAX_LIMIT)?,
            offset: p.number("offset", defaults.offset, MAX_OFFSET)?,
            sort: p.choice::<SortOrder>("sort")?.unwrap_or(defaults.sort),
            since: p.period("since")?,
            until: p.period("until")?,
            fragments: p.number("fragments", defaults.fragments, 10)?,
            fragment_size: p.number("fragment_size", defaults.fragment_size, 2000)?,
            facet_limit: p.number("facet_limit", defaults.facet_limit, 1000)?,
            fuzzy: p.flag("fuzzy", false)?,
            collapse: p.flag("collapse", true)?,
            explain: p.flag("explain", false)?,
            ..defaults
        },
        interval: p.choice("interval")?,
        facet_only: p.flag("facet_only", false)?,
        facets: p.list("facet")?,
        group_by,
    })
}

async fn search(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Answer {
    let p = Params::parse(raw.as_deref(), SEARCH_PARAMS, &["facet"])?;
    let params = search_params(&p)?;
    on_engine(&state, move |live| {
        let outcome = live
            .engine
            .run_search(&params)
            .map_err(ApiError::from_engine)?;
        Ok(render::search_json(&params, &outcome))
    })
    .await
}

/// The article id from the path (percent-decoded by the router).
fn article_id(path: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    path.map(|Path(id)| id)
        .map_err(|e| ApiError::bad_request(format!("cannot read the article id: {e}")))
}

/// `GET /api/articles/{id}`: what `communique show --json` prints.
async fn article(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Answer {
    let id = article_id(path)?;
    let p = Params::parse(raw.as_deref(), &["q"], &[])?;
    let query = p.query()?;
    on_engine(&state, move |live| {
        let view = live
            .engine
            .article_view(&id, Some(query.as_str()).filter(|q| !q.is_empty()))
            .map_err(ApiError::from_engine)?;
        Ok(render::article_view_json(&view))
    })
    .await
}

/// `GET /api/articles/{id}/similar`: what `communique similar --json` prints.
async fn similar(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Answer {
    let id = article_id(path)?;
    let p = Params::parse(raw.as_deref(), &["limit"], &[])?;
    let limit = p.number("limit", 10, MAX_LIMIT)?;
    on_engine(&state, move |live| {
        let hits = live
            .engine
            .similar_hits(&id, limit)
            .map_err(ApiError::from_engine)?;
        Ok(render::similar_json(&id, &hits))
    })
    .await
}

/// `GET /api/timeline`: what `communique timeline --json` prints.
async fn timeline(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Answer {
    let known = ["q", "by", "interval", "normalize", "top", "since", "until"];
    let p = Params::parse(raw.as_deref(), &known, &[])?;
    let query = p.query()?;
    let by = p.choice::<timeline::GroupBy>("by")?;
    let interval = p.choice("interval")?;
    let normalize = p.flag("normalize", false)?;
    let top = p.number("top", 8, MAX_LIMIT)?;
    let request = SearchRequest {
        since: p.period("since")?,
        until: p.period("until")?,
        ..SearchRequest::default()
    };
    on_engine(&state, move |live| {
        let t = live
            .engine
            .timeline(&query, by, interval, normalize, top, &request)
            .map_err(ApiError::from_engine)?;
        serde_json::to_value(&t).map_err(|e| ApiError::from_engine(e.into()))
    })
    .await
}

/// `GET /api/stats`: size, outlets, date span, version and build time of the live index.
async fn stats(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Answer {
    Params::parse(raw.as_deref(), &[], &[])?;
    on_engine(&state, |live| {
        let stats = live
            .engine
            .stats(&live.manifest)
            .map_err(ApiError::from_engine)?;
        serde_json::to_value(&stats).map_err(|e| ApiError::from_engine(e.into()))
    })
    .await
}

async fn openapi() -> Json<Value> {
    Json(super::openapi::document())
}

/// `GET /healthz`: the process answers (the index is checked by the other routes).
async fn healthz() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

async fn not_found(request: Request) -> ApiError {
    ApiError::not_found(format!("no such path: {}", request.uri().path()))
}

async fn method_not_allowed(request: Request) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "{} is not allowed here; the API only reads (GET)",
            request.method()
        ),
    )
}
