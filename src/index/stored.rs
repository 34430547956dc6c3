//! Reading articles back out of the index: the inverse of `to_document`.

use chrono::{TimeZone, Utc};
use tantivy::TantivyDocument;
use tantivy::schema::{Field, Value};

use super::schema::Fields;
use crate::article::Article;

/// A stored text field's first value (text written pre-tokenized, as other
/// languages are, is stored with its tokens: its text is the value).
pub fn stored_text(doc: &TantivyDocument, field: Field) -> Option<String> {
    use tantivy::schema::document::{ReferenceValue, ReferenceValueLeaf};
    match doc.get_first(field)?.as_value() {
        ReferenceValue::Leaf(ReferenceValueLeaf::Str(s)) => Some(s.to_string()),
        ReferenceValue::Leaf(ReferenceValueLeaf::PreTokStr(p)) => Some(p.text.clone()),
        _ => None,
    }
}

/// Every value of a stored multi-valued text field (people, places...).
pub fn stored_all(doc: &TantivyDocument, field: Field) -> Vec<String> {
    doc.get_all(field)
        .filter_map(|v| v.as_str().map(String::from))
        .collect()
}

/// The stored date as `extract` prints it (a day, or a time when the source had one).
pub fn stored_date(doc: &TantivyDocument, field: Field) -> Option<String> {
    stored_datetime(doc, field).map(|d| crate::article::format_date(&d))
}

fn stored_datetime(doc: &TantivyDocument, field: Field) -> Option<chrono::DateTime<Utc>> {
    doc.get_first(field)
        .and_then(|v| v.as_datetime())
        .and_then(|d| Utc.timestamp_opt(d.into_timestamp_secs(), 0).single())
}

/// A list stored as JSON (empty when absent or unreadable).
pub fn stored_json<T: serde::de::DeserializeOwned>(doc: &TantivyDocument, field: Field) -> Vec<T> {
    stored_text(doc, field)
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default()
}

/// The article as `extract` made it, from what the index stored: every field
/// `extract --json` prints round-trips (the raw metadata is not kept, only the
/// corpus file it came from).
pub fn to_article(doc: &TantivyDocument, f: &Fields) -> Article {
    let text = |field| stored_text(doc, field);
    let all = |field| stored_all(doc, field);
    let body = text(f.body).unwrap_or_default();
    let quotes = text(f.quotes)
        .map(|q| crate::extract::quotes::decode(&q, &body))
        .unwrap_or_default();
    let mut article = Article {
        id: text(f.id).unwrap_or_default(),
        path: text(f.path).unwrap_or_default(),
        title: text(f.title).unwrap_or_default(),
        body,
        outlet: text(f.outlet),
        date: stored_datetime(doc, f.date),
        url: text(f.url),
        authors: all(f.authors),
        people: all(f.people),
        places: all(f.places),
        countries: all(f.countries),
        language: text(f.language),
        quotes,
        mentions: text(f.mentions)
            .map(|m| crate::extract::salience::decode(&m))
            .unwrap_or_default(),
        offices: stored_json(doc, f.offices),
        ..Article::default()
    };
    article.raw.source = text(f.source).unwrap_or_default();
    article
}
