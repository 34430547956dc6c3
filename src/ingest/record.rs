//! JSON and JSON Lines: one article a record, under the field names that
//! scrapers, data sets and CMS exports commonly use.

use serde_json::{Map, Value};

use super::{Item, Skip, SkipKind, SourceFile};
use crate::article::{Article, SourceFormat};

const TITLE: &[&str] = &["title", "headline", "name"];
const BODY: &[&str] = &[
    "body",
    "text",
    "content",
    "articleBody",
    "article_body",
    "full_text",
    "description",
];
const OUTLET: &[&str] = &[
    "outlet",
    "source",
    "publication",
    "site",
    "site_name",
    "publisher",
    "source_name",
];
const DATE: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "pubDate",
    "datePublished",
    "publish_date",
    "timestamp",
    "created_at",
];
const URL: &[&str] = &["url", "link", "canonical_url", "source_url"];
const AUTHORS: &[&str] = &["authors", "author", "byline", "creator"];
const ID: &[&str] = &["id", "_id", "uuid", "guid", "doc_id"];
const DATELINE: &[&str] = &["dateline"];
const LANGUAGE: &[&str] = &["language", "lang", "inLanguage", "locale"];

/// One line of a JSON Lines file (numbered from 1); blank lines are nothing.
pub fn read_json_line(file: &SourceFile, line_no: usize, line: &str, sink: &mut dyn FnMut(Item)) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    match serde_json::from_str::<Value>(line) {
        Ok(value) => emit_value(file, value, Some(line_no), line_no, sink),
        Err(e) => sink(Item::Skip(
            Skip::new(&file.rel, SkipKind::BadJson, e.to_string()).at_line(line_no),
        )),
    }
}

/// A `.json` file: one object, an array of them, an object wrapping an array,
/// or (leniently) several objects one after another.
pub fn read_json(file: &SourceFile, content: &str, sink: &mut dyn FnMut(Item)) {
    let mut stream = serde_json::Deserializer::from_str(content).into_iter::<Value>();
    let mut position = 0;
    loop {
        match stream.next() {
            None => break,
            Some(Ok(value)) => {
                let items = match value {
                    Value::Array(items) => items,
                    Value::Object(mut obj) => match wrapped_array(&mut obj) {
                        Some(items) => items,
                        None => vec![Value::Object(obj)],
                    },
                    other => vec![other],
                };
                for item in items {
                    position += 1;
                    emit_value(file, item, None, position, sink);
                }
            }
            Some(Err(e)) => {
                let skip = Skip::new(&file.rel, SkipKind::BadJson, e.to_string()).at_line(e.line());
                sink(Item::Skip(skip));
                break;
            }
        }
    }
}

fn wrapped_array(obj: &mut Map<String, Value>) -> Option<Vec<Value>> {
    if BODY.iter().any(|k| obj.contains_key(*k)) {
        return None;
    }
    for key in ["articles", "items", "data", "results", "documents", "docs"] {
        if let Some(Value::Array(_)) = obj.get(key)
            && let Some(Value::Array(items)) = obj.remove(key)
        {
            return Some(items);
        }
    }
    None
}

fn emit_value(
    file: &SourceFile,
    value: Value,
    line: Option<usize>,
    position: usize,
    sink: &mut dyn FnMut(Item),
) {
    let Value::Object(obj) = value else {
        let mut skip = Skip::new(&file.rel, SkipKind::BadJson, "record is not a JSON object");
        skip.line = line.or(Some(position));
        sink(Item::Skip(skip));
        return;
    };
    let path = format!("{}#{}", file.rel, position);
    let article = from_record(&obj, path, SourceFormat::Record);
    sink(Item::Article(Box::new(article)));
}

/// Maps a record's fields onto an article; also used for metadata sidecars.
pub fn from_record(obj: &Map<String, Value>, path: String, format: SourceFormat) -> Article {
    let mut article = Article {
        id: first_text(obj, ID).unwrap_or_else(|| path.clone()),
        path,
        title: first_text(obj, TITLE).unwrap_or_default(),
        body: first_text(obj, BODY).unwrap_or_default(),
        url: first_text(obj, URL),
        ..Article::default()
    };
    article.raw.format = format;
    fill_meta(&mut article, obj, false);
    article
}

/// Copies metadata fields from `obj`; with `overwrite`, the record's values win.
pub fn fill_meta(article: &mut Article, obj: &Map<String, Value>, overwrite: bool) {
    fn set(slot: &mut Option<String>, value: Option<String>, overwrite: bool) {
        if value.is_some() && (overwrite || slot.is_none()) {
            *slot = value;
        }
    }
    set(&mut article.raw.outlet, first_text(obj, OUTLET), overwrite);
    set(&mut article.raw.date, first_text(obj, DATE), overwrite);
    set(
        &mut article.raw.dateline,
        first_text(obj, DATELINE),
        overwrite,
    );
    set(&mut article.url, first_text(obj, URL), overwrite);
    set(
        &mut article.raw.language,
        first_text(obj, LANGUAGE),
        overwrite,
    );
    let authors = first_list(obj, AUTHORS);
    if !authors.is_empty() && (overwrite || article.raw.authors.is_empty()) {
        article.raw.authors = authors;
    }
    if overwrite {
        if let Some(title) = first_text(obj, TITLE) {
            article.title = title;
        }
        if let Some(id) = first_text(obj, ID) {
            article.id = id;
        }
    }
}

fn first_text(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .filter_map(|k| obj.get(*k))
        .find_map(value_text)
        .filter(|s| !s.trim().is_empty())
}

fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("name").and_then(value_text),
        Value::Array(items) => items.first().and_then(value_text),
        _ => None,
    }
}

fn first_list(obj: &Map<String, Value>, keys: &[&str]) -> Vec<String> {
    for key in keys {
        let values: Vec<String> = match obj.get(*key) {
            Some(Value::Array(items)) => items.iter().filter_map(value_text).collect(),
            Some(v) => value_text(v).into_iter().collect(),
            None => continue,
        };
        let values: Vec<String> = values
            .into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if !values.is_empty() {
            return values;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::FileFormat;

    fn file() -> SourceFile {
        SourceFile {
            path: "x.jsonl".into(),
            rel: "x.jsonl".into(),
            format: FileFormat::JsonLines,
            gzip: false,
        }
    }

    fn collect(f: impl FnOnce(&mut dyn FnMut(Item))) -> (Vec<Article>, Vec<Skip>) {
        let (mut arts, mut skips) = (Vec::new(), Vec::new());
        f(&mut |item| match item {
            Item::Article(a) => arts.push(*a),
            Item::Skip(s) => skips.push(s),
        });
        (arts, skips)
    }

    #[test]
    fn common_field_names_are_accepted() {
        let line = r#"{"headline":"H","content":"Body.","source":{"name":"AP"},"pubDate":"2018-09-20","byline":["A B","C D"],"link":"http://x"}"#;
        let (arts, skips) = collect(|s| read_json_line(&file(), 1, line, s));
        assert!(skips.is_empty());
        let a = &arts[0];
        assert_eq!(a.title, "H");
        assert_eq!(a.body, "Body.");
        assert_eq!(a.raw.outlet.as_deref(), Some("AP"));
        assert_eq!(a.raw.date.as_deref(), Some("2018-09-20"));
        assert_eq!(a.raw.authors, vec!["A B", "C D"]);
        assert_eq!(a.url.as_deref(), Some("http://x"));
        assert_eq!(a.id, "x.jsonl#1");
    }

    #[test]
    fn broken_line_is_reported_and_others_kept() {
        let text =
            "{\"id\":\"a\",\"body\":\"one\"}\n{\"id\": \n{\"id\":\"c\",\"body\":\"three\"}\n";
        let (arts, skips) = collect(|s| {
            for (i, line) in text.lines().enumerate() {
                read_json_line(&file(), i + 1, line, s);
            }
        });
        assert_eq!(arts.len(), 2);
        assert_eq!(skips.len(), 1);
        assert_eq!(skips[0].line, Some(2));
        assert_eq!(skips[0].kind, SkipKind::BadJson);
    }

    #[test]
    fn json_array_and_wrapper() {
        let text = r#"{"articles":[{"title":"a","body":"x"},{"title":"b","body":"y"}]}"#;
        let (arts, _) = collect(|s| read_json(&file(), text, s));
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[1].id, "x.jsonl#2");
    }

    #[test]
    fn truncated_json_names_line() {
        let text = "[{\"title\":\"a\",\n\"body\":\"x\"";
        let (arts, skips) = collect(|s| read_json(&file(), text, s));
        assert!(arts.is_empty());
        assert_eq!(skips[0].line, Some(2));
    }
}
