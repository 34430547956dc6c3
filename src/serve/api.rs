//! The API's edges: request parameters read strictly (an unknown or malformed
//! one is a 400 naming it), and every failure answered as JSON with the
//! status it deserves: the client's mistakes 4xx, only our own faults 5xx.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::search::views::InvalidOption;
use crate::search::{QueryError, UnknownId};

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 2000;
/// Longest request target (path and query string), in bytes.
pub const MAX_URI_BYTES: usize = 8192;

/// An error answer: `{"error": message, "status": code, "position": p}`,
/// `position` being the 0-based character of the query where it went wrong.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    pub position: Option<usize>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            position: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// Sorts an engine error: a bad query or option is the client's (400), an
    /// unknown id too (404); anything else is ours (500, logged, not detailed).
    pub fn from_engine(e: anyhow::Error) -> ApiError {
        for cause in e.chain() {
            if let Some(q) = cause.downcast_ref::<QueryError>() {
                return ApiError {
                    status: StatusCode::BAD_REQUEST,
                    message: q.message.clone(),
                    position: q.position,
                };
            }
            if let Some(o) = cause.downcast_ref::<InvalidOption>() {
                return ApiError::bad_request(o.0.clone());
            }
            if let Some(id) = cause.downcast_ref::<UnknownId>() {
                return ApiError::not_found(id.to_string());
            }
        }
        eprintln!("communique serve: internal error: {e:#}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({
            "error": self.message,
            "status": self.status.as_u16(),
            "position": self.position,
        });
        (self.status, Json(body)).into_response()
    }
}

/// A request's query-string parameters, checked against the names a route takes.
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Parses `raw`; a name not in `known`, or given twice when not in
    /// `repeatable`, is an error.
    pub fn parse(
        raw: Option<&str>,
        known: &[&str],
        repeatable: &[&str],
    ) -> Result<Params, ApiError> {
        let raw = raw.unwrap_or("");
        if !decodes_to_utf8(raw) {
            return Err(ApiError::bad_request(
                "cannot read the query string: it is not UTF-8 once percent-decoded",
            ));
        }
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw)
            .map_err(|e| ApiError::bad_request(format!("cannot read the query string: {e}")))?;
        for (i, (name, _)) in pairs.iter().enumerate() {
            if !known.contains(&name.as_str()) {
                let known = if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                };
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {name:?} (known: {known})"
                )));
            }
            if !repeatable.contains(&name.as_str()) && pairs[..i].iter().any(|(n, _)| n == name) {
                return Err(ApiError::bad_request(format!(
                    "parameter {name:?} given twice"
                )));
            }
        }
        Ok(Params { pairs })
    }

    pub fn str(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a repeatable parameter, commas splitting values too
    /// (`facet=outlet&facet=date` = `facet=outlet,date`). An empty value
    /// (`facet=`, `facet=outlet,`) is refused rather than ignored.
    pub fn list(&self, name: &str) -> Result<Vec<String>, ApiError> {
        let values: Vec<String> = self
            .pairs
            .iter()
            .filter(|(n, _)| n == name)
            .flat_map(|(_, v)| v.split(','))
            .map(|v| v.trim().to_string())
            .collect();
        if values.iter().any(String::is_empty) {
            return Err(ApiError::bad_request(format!(
                "{name} has an empty value; leave it out instead"
            )));
        }
        Ok(values)
    }

    /// The query `q`, within the length limit ("" when absent).
    pub fn query(&self) -> Result<String, ApiError> {
        let q = self.str("q").unwrap_or("");
        let chars = q.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(ApiError::bad_request(format!(
                "q is {chars} characters long; the limit is {MAX_QUERY_CHARS}"
            )));
        }
        Ok(q.to_string())
    }

    /// A whole number in `0..=max`, `default` when absent.
    pub fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let Some(v) = self.str(name) else {
            return Ok(default);
        };
        let n: usize = v.trim().parse().map_err(|_| {
            ApiError::bad_request(format!("{name} must be a whole number, not {v:?}"))
        })?;
        if n > max {
            return Err(ApiError::bad_request(format!(
                "{name} must be at most {max}, not {n}"
            )));
        }
        Ok(n)
    }

    /// `true`/`false` (also `1`/`0`, `yes`/`no`). An empty value is refused, as
    /// the OpenAPI document's boolean says (schemathesis found it taken for true).
    pub fn flag(&self, name: &str, default: bool) -> Result<bool, ApiError> {
        match self.str(name).map(str::trim) {
            None => Ok(default),
            Some("true" | "1" | "yes") => Ok(true),
            Some("false" | "0" | "no") => Ok(false),
            Some(v) => Err(ApiError::bad_request(format!(
                "{name} must be true or false, not {v:?}"
            ))),
        }
    }

    /// One of a command-line choice's values (`sort=date-asc`, `interval=week`...).
    pub fn choice<T: clap::ValueEnum>(&self, name: &str) -> Result<Option<T>, ApiError> {
        let Some(v) = self.str(name) else {
            return Ok(None);
        };
        T::from_str(v.trim(), true).map(Some).map_err(|_| {
            let allowed: Vec<String> = T::value_variants()
                .iter()
                .filter_map(|x| x.to_possible_value())
                .map(|p| p.get_name().to_string())
                .collect();
            ApiError::bad_request(format!(
                "{name} must be one of {}, not {v:?}",
                allowed.join(", ")
            ))
        })
    }

    /// `since`/`until` as YYYY, YYYY-MM or YYYY-MM-DD (`until` inclusive of the
    /// period). An empty value is refused like any other that is not a date.
    pub fn period(&self, name: &str) -> Result<Option<chrono::DateTime<chrono::Utc>>, ApiError> {
        let Some(v) = self.str(name) else {
            return Ok(None);
        };
        if v.trim().is_empty() {
            return Err(ApiError::bad_request(format!(
                "{name} must be a date, YYYY, YYYY-MM or YYYY-MM-DD; leave it out for no bound"
            )));
        }
        crate::search::parse_period(v, name == "until")
            .map(Some)
            .map_err(|e| ApiError::bad_request(format!("{name}: {e:#}")))
    }
}

/// Whether percent-decoding gives UTF-8 (the form decoder would replace bad bytes silently).
fn decodes_to_utf8(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(h), Some(l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    std::str::from_utf8(&out).is_ok()
}
