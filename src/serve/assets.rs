//! The page, embedded in the binary: no file is ever read from disk to
//! answer a request, so no path can reach outside these three.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::api::ApiError;

const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const STYLE_CSS: &str = include_str!("assets/style.css");

pub async fn page() -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        INDEX_HTML,
    )
        .into_response()
}

pub async fn asset(Path(name): Path<String>) -> Result<Response, ApiError> {
    let (kind, body) = match name.as_str() {
        "app.js" => ("text/javascript; charset=utf-8", APP_JS),
        "style.css" => ("text/css; charset=utf-8", STYLE_CSS),
        _ => return Err(ApiError::not_found(format!("no such asset: {name}"))),
    };
    Ok(([(header::CONTENT_TYPE, kind)], body).into_response())
}
