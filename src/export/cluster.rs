//! Exports for a search cluster: an OpenSearch / Elasticsearch 8 index
//! template or a Quickwit index config, both generated from our own schema
//! (`index::build_schema`, whose readable copy is `index-schema/schema.json`),
//! and the articles as NDJSON files a cluster loads in bulk.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde_json::{Map, Value, json};
use tantivy::schema::{FieldType, Schema};

use super::Sink;
use super::rows::ExportRow;
use super::table::row_json;
use crate::index::schema::{EXACT_TOKENIZER, NAMED_FIELDS, NEWS_TOKENIZER};

/// The cluster index the files create and fill.
pub const INDEX_NAME: &str = "communique";
/// Largest NDJSON file: bulk requests stay well under the 100 MB default
/// request limit of OpenSearch and Elasticsearch.
pub const MAX_FILE_BYTES: u64 = 50_000_000;
/// Fields an export adds that our index does not hold (it computes them).
pub const DERIVED_FIELDS: &[&str] = &["duplicate_group"];
/// Stored lists of objects: nested in OpenSearch, JSON fields in Quickwit.
const OBJECT_FIELDS: &[&str] = &["quotes", "mentions", "offices"];
/// Suffix of our unstemmed copies: a subfield in OpenSearch, not a field.
const EXACT_SUFFIX: &str = "_exact";

/// How a field of our schema is held, read off its tantivy options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// English analysis (title, body); its `_exact` copy becomes a subfield.
    Analysed {
        has_exact: bool,
    },
    /// A canonical name, faceted and matched exactly (people, outlet...).
    Name,
    /// An identifier matched as a whole (id, path, source).
    Key,
    /// Kept, not searched (url).
    StoredOnly,
    /// A list of objects, stored encoded (quotes, mentions, offices).
    Objects,
    Date,
    /// The MinHash signature (u64 values, column only).
    Signature,
}

/// Every exported field of our schema with its kind, in schema order, then
/// the derived ones. The `_exact` copies are folded into their field.
pub fn field_kinds(schema: &Schema) -> Result<Vec<(String, FieldKind)>> {
    let mut out = Vec::new();
    for (_, entry) in schema.fields() {
        let name = entry.name();
        if name.ends_with(EXACT_SUFFIX) {
            continue;
        }
        let kind = match entry.field_type() {
            FieldType::Str(options) => match options.get_indexing_options() {
                _ if OBJECT_FIELDS.contains(&name) => FieldKind::Objects,
                None => FieldKind::StoredOnly,
                Some(i) if i.tokenizer() == NEWS_TOKENIZER => FieldKind::Analysed {
                    has_exact: schema.get_field(&format!("{name}{EXACT_SUFFIX}")).is_ok(),
                },
                Some(i)
                    if i.tokenizer() == "raw"
                        && (options.is_fast() || NAMED_FIELDS.contains(&name)) =>
                {
                    FieldKind::Name
                }
                Some(i) if i.tokenizer() == "raw" => FieldKind::Key,
                Some(i) => bail!(
                    "field {name}: no cluster mapping for tokenizer {}",
                    i.tokenizer()
                ),
            },
            FieldType::Date(_) => FieldKind::Date,
            FieldType::U64(_) => FieldKind::Signature,
            other => bail!(
                "field {name}: no cluster mapping for {:?}",
                other.value_type()
            ),
        };
        out.push((name.to_string(), kind));
    }
    for derived in DERIVED_FIELDS {
        out.push((derived.to_string(), FieldKind::Key));
    }
    Ok(out)
}

/// An OpenSearch / Elasticsearch 8 composable index template
/// (`PUT _index_template/communique`): analyzers that match ours and a
/// mapping for every field.
pub fn opensearch_template(schema: &Schema) -> Result<Value> {
    let name_keyword = json!({
        "type": "keyword",
        "normalizer": "name_folding",
        // Facets show names as written; filters match them folded.
        "fields": {"raw": {"type": "keyword"}}
    });
    let mut properties = Map::new();
    for (name, kind) in field_kinds(schema)? {
        let mapping = match kind {
            FieldKind::Analysed { has_exact } => {
                let mut m = json!({"type": "text", "analyzer": NEWS_TOKENIZER});
                if has_exact {
                    m["fields"] = json!({"exact": {"type": "text", "analyzer": EXACT_TOKENIZER}});
                }
                m
            }
            FieldKind::Name => name_keyword.clone(),
            FieldKind::Key => json!({"type": "keyword"}),
            FieldKind::StoredOnly => json!({"type": "keyword", "index": false}),
            // Nested: "who said X" matches within one quotation.
            FieldKind::Objects => json!({"type": "nested", "properties": match name.as_str() {
                "quotes" => json!({
                    "text": {"type": "text", "analyzer": NEWS_TOKENIZER,
                             "fields": {"exact": {"type": "text", "analyzer": EXACT_TOKENIZER}}},
                    "speaker": name_keyword.clone(),
                    "speaker_kind": {"type": "keyword"},
                    "start": {"type": "integer"},
                    "end": {"type": "integer"}
                }),
                "mentions" => json!({
                    "name": name_keyword.clone(),
                    "kind": {"type": "keyword"},
                    "count": {"type": "integer"},
                    "in_title": {"type": "boolean"},
                    "in_lead": {"type": "boolean"},
                    "salient": {"type": "boolean"}
                }),
                "offices" => json!({
                    "mention": {"type": "text", "analyzer": NEWS_TOKENIZER},
                    "office": name_keyword.clone(),
                    "holder": name_keyword.clone()
                }),
                other => bail!("field {other}: no cluster mapping for its objects"),
            }}),
            FieldKind::Date => json!({"type": "date", "format": "strict_date_optional_time"}),
            FieldKind::Signature => json!({"type": "long", "index": false}),
        };
        properties.insert(name, mapping);
    }
    Ok(json!({
        "index_patterns": [format!("{INDEX_NAME}*")],
        "template": {
            "settings": {
                "analysis": {
                    "filter": {
                        // Snowball English, as tantivy's Stemmer(English).
                        "news_stemmer": {"type": "stemmer", "language": "porter2"},
                        "news_long": {"type": "length", "max": crate::index::schema::MAX_WORD_BYTES}
                    },
                    "analyzer": {
                        NEWS_TOKENIZER: {"type": "custom", "tokenizer": "standard",
                                         "filter": ["news_long", "lowercase", "asciifolding", "news_stemmer"]},
                        EXACT_TOKENIZER: {"type": "custom", "tokenizer": "standard",
                                          "filter": ["news_long", "lowercase", "asciifolding"]}
                    },
                    "normalizer": {
                        "name_folding": {"type": "custom", "filter": ["lowercase", "asciifolding"]}
                    }
                }
            },
            "mappings": {
                // A field the template does not know is an error, not a guess.
                "dynamic": "strict",
                "properties": properties
            }
        }
    }))
}

/// A Quickwit index config (`quickwit index create --index-config`).
/// Quickwit has no subfields: quoted phrases there match stems, and there is
/// no exact copy; nor arrays of objects: the quotations are a JSON field.
pub fn quickwit_config(schema: &Schema) -> Result<Value> {
    let mut mappings = Vec::new();
    for (name, kind) in field_kinds(schema)? {
        let multi = crate::index::schema::NAME_LIST_FIELDS.contains(&name.as_str())
            || NAMED_FIELDS.contains(&name.as_str());
        let text_type = if multi { "array<text>" } else { "text" };
        let mapping = match kind {
            FieldKind::Analysed { .. } => json!({
                "name": name, "type": "text", "tokenizer": "en_stem",
                "record": "position", "fieldnorms": true, "stored": true
            }),
            FieldKind::Name => json!({
                "name": name, "type": text_type, "tokenizer": "raw",
                "fast": {"normalizer": "lowercase"}, "stored": true
            }),
            FieldKind::Key => {
                json!({"name": name, "type": "text", "tokenizer": "raw", "stored": true})
            }
            FieldKind::StoredOnly => {
                json!({"name": name, "type": "text", "indexed": false, "stored": true})
            }
            FieldKind::Objects => json!({
                "name": name, "type": "json", "tokenizer": "en_stem",
                "record": "position", "stored": true
            }),
            FieldKind::Date => json!({
                "name": name, "type": "datetime", "input_formats": ["rfc3339"],
                "fast": true, "fast_precision": "seconds", "stored": true
            }),
            FieldKind::Signature => json!({
                "name": name, "type": "array<u64>", "indexed": false, "fast": true, "stored": false
            }),
        };
        mappings.push(mapping);
    }
    Ok(json!({
        "version": "0.8",
        "index_id": INDEX_NAME,
        "doc_mapping": {
            "mode": "lenient",
            "field_mappings": mappings,
            "timestamp_field": "date"
        },
        "search_settings": {"default_search_fields": ["title", "body"]}
    }))
}

/// The JSON a cluster indexes for one article: the table row, plus the
/// corpus file and the signature, with the date as a full RFC 3339 time.
pub fn cluster_document(row: &ExportRow) -> Value {
    let mut doc = row_json(row);
    doc["date"] = row
        .article
        .date
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .into();
    doc["source"] = row.article.raw.source.clone().into();
    // What `person:`, `place:` and `country:` match: every name, salient or not.
    for (field, kind) in NAMED_FIELDS.iter().zip([
        crate::article::MentionKind::Person,
        crate::article::MentionKind::Place,
        crate::article::MentionKind::Country,
    ]) {
        let names: Vec<&str> = row
            .article
            .mentions
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.name.as_str())
            .collect();
        doc[*field] = names.into();
    }
    doc["fingerprint"] = row.fingerprint.clone().into();
    doc
}

/// NDJSON split into numbered files of at most [`MAX_FILE_BYTES`] (an
/// article larger than that alone in its file).
struct Chunks {
    dir: PathBuf,
    prefix: &'static str,
    max_bytes: u64,
    files: Vec<PathBuf>,
    out: Option<BufWriter<File>>,
    written: u64,
}

impl Chunks {
    fn new(dir: &Path, prefix: &'static str, max_bytes: u64) -> Chunks {
        Chunks {
            dir: dir.to_path_buf(),
            prefix,
            max_bytes,
            files: Vec::new(),
            out: None,
            written: 0,
        }
    }

    fn write_entry(&mut self, entry: &[u8]) -> Result<()> {
        let len = entry.len() as u64;
        if self.out.is_none() || (self.written > 0 && self.written + len > self.max_bytes) {
            self.close_file()?;
            let path = self.dir.join(format!(
                "{}-{:04}.ndjson",
                self.prefix,
                self.files.len() + 1
            ));
            let file =
                File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
            self.out = Some(BufWriter::with_capacity(1 << 20, file));
            self.files.push(path);
            self.written = 0;
        }
        if let Some(out) = &mut self.out {
            out.write_all(entry)?;
        }
        self.written += len;
        Ok(())
    }

    fn close_file(&mut self) -> Result<()> {
        if let Some(mut out) = self.out.take() {
            out.flush()?;
        }
        Ok(())
    }
}

/// A cluster export folder: its config files, then the documents as NDJSON
/// files of at most [`MAX_FILE_BYTES`].
pub struct ClusterFolder {
    config_files: Vec<PathBuf>,
    chunks: Chunks,
    line: Vec<u8>,
    /// OpenSearch's `_bulk` wants an action line before each document.
    bulk_actions: bool,
}

impl ClusterFolder {
    /// `index-template.json`, `README.md`, `bulk-NNNN.ndjson`.
    pub fn opensearch(dir: &Path, schema: &Schema) -> Result<ClusterFolder> {
        prepare_folder(dir)?;
        let template = dir.join("index-template.json");
        write_json(&template, &opensearch_template(schema)?)?;
        let readme = dir.join("README.md");
        std::fs::write(&readme, opensearch_readme())?;
        Ok(ClusterFolder {
            config_files: vec![template, readme],
            chunks: Chunks::new(dir, "bulk", MAX_FILE_BYTES),
            line: Vec::new(),
            bulk_actions: true,
        })
    }

    /// `index-config.yaml`, `README.md`, `docs-NNNN.ndjson`.
    pub fn quickwit(dir: &Path, schema: &Schema) -> Result<ClusterFolder> {
        prepare_folder(dir)?;
        let config = dir.join("index-config.yaml");
        std::fs::write(&config, super::yaml::to_yaml(&quickwit_config(schema)?))?;
        let readme = dir.join("README.md");
        std::fs::write(&readme, quickwit_readme())?;
        Ok(ClusterFolder {
            config_files: vec![config, readme],
            chunks: Chunks::new(dir, "docs", MAX_FILE_BYTES),
            line: Vec::new(),
            bulk_actions: false,
        })
    }
}

impl Sink for ClusterFolder {
    fn write(&mut self, row: &ExportRow) -> Result<()> {
        self.line.clear();
        if self.bulk_actions {
            let action = json!({"index": {"_index": INDEX_NAME, "_id": row.article.id}});
            serde_json::to_writer(&mut self.line, &action)?;
            self.line.push(b'\n');
        }
        serde_json::to_writer(&mut self.line, &cluster_document(row))?;
        self.line.push(b'\n');
        self.chunks.write_entry(&self.line)
    }

    fn finish(mut self: Box<Self>) -> Result<Vec<PathBuf>> {
        self.chunks.close_file()?;
        let mut files = std::mem::take(&mut self.config_files);
        files.extend(std::mem::take(&mut self.chunks.files));
        Ok(files)
    }
}

/// A cluster export goes to a folder of its own: a new one, or an empty one
/// (never mixed with the files of an earlier export).
fn prepare_folder(dir: &Path) -> Result<()> {
    if dir.exists() {
        let mut entries =
            std::fs::read_dir(dir).with_context(|| format!("{} is not a folder", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "{} is not empty; a cluster export writes a folder of its own (give a new path)",
                dir.display()
            );
        }
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))
}

fn write_json(path: &Path, value: &Value) -> Result<()> {
    let text = serde_json::to_string_pretty(value)? + "\n";
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

fn opensearch_readme() -> String {
    format!(
        r#"# Loading this export into OpenSearch or Elasticsearch 8

Written by `communique export --format opensearch`. `index-template.json` is a
composable index template for indexes named `{INDEX_NAME}*`: the analyzers
match communique's (standard tokenizer, lower case, ASCII folding, Snowball
English stems; an unstemmed `.exact` subfield for quoted phrases) and the name
fields are keywords folded by the `name_folding` normalizer, with the names as
written in their `.raw` subfield for facets. Each `bulk-NNNN.ndjson` holds at
most 50 MB of `_bulk` action and source lines.

```sh
URL=http://localhost:9200   # add -u user:password for a secured cluster
curl -fsS -X PUT "$URL/_index_template/{INDEX_NAME}" \
  -H 'Content-Type: application/json' --data-binary @index-template.json
for f in bulk-*.ndjson; do
  curl -fsS -X POST "$URL/_bulk?filter_path=errors" \
    -H 'Content-Type: application/x-ndjson' --data-binary @"$f"; echo
done
curl -fsS "$URL/{INDEX_NAME}/_count"
```

Each bulk answer should read `{{"errors":false}}`. Near-duplicates share a
`duplicate_group`: `"collapse": {{"field": "duplicate_group"}}` folds wire
copies into one hit as `communique search` does.
"#
    )
}

fn quickwit_readme() -> String {
    format!(
        r#"# Loading this export into Quickwit

Written by `communique export --format quickwit`. `index-config.yaml` maps
every field communique indexes (`en_stem` for title and body, `raw` with
lower-cased fast fields for the facets, `date` as the timestamp field); each
`docs-NNNN.ndjson` holds at most 50 MB of documents.

```sh
quickwit index create --index-config index-config.yaml
for f in docs-*.ndjson; do
  quickwit index ingest --index {INDEX_NAME} --input-path "$f" --force
done
```

Differences from communique's own index: Quickwit has no subfields, so quoted
phrases match stems (there is no unstemmed copy), and no arrays of objects, so
`quotes` is a JSON field whose texts and speakers are searchable
(`quotes.speaker:...`) but not tied to one quotation.
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::build_schema;

    /// The readable schema file, as users and other tools see it.
    fn schema_file() -> Value {
        serde_json::from_str(include_str!("../../index-schema/schema.json")).unwrap()
    }

    fn schema_fields() -> Vec<(String, String, Option<String>, bool)> {
        schema_file()["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let o = &f["options"];
                (
                    f["name"].as_str().unwrap().to_string(),
                    f["type"].as_str().unwrap().to_string(),
                    o["indexing"]["tokenizer"].as_str().map(String::from),
                    o["fast"].as_bool().unwrap_or(false),
                )
            })
            .collect()
    }

    #[test]
    fn opensearch_template_matches_the_schema_field_by_field() {
        let template = opensearch_template(&build_schema()).unwrap();
        let props = template["template"]["mappings"]["properties"]
            .as_object()
            .unwrap();
        let mut expected = 0;
        for (name, kind, tokenizer, fast) in schema_fields() {
            if let Some(base) = name.strip_suffix(EXACT_SUFFIX) {
                assert_eq!(
                    props[base]["fields"]["exact"]["analyzer"], EXACT_TOKENIZER,
                    "{name}"
                );
                continue;
            }
            expected += 1;
            let p = &props[&name];
            let want = match (kind.as_str(), tokenizer.as_deref(), fast) {
                ("text", _, _) if OBJECT_FIELDS.contains(&name.as_str()) => "nested",
                ("text", Some(NEWS_TOKENIZER), _) => "text",
                ("text", _, _) => "keyword",
                ("date", _, _) => "date",
                ("u64", _, _) => "long",
                other => panic!("{name}: unexpected schema entry {other:?}"),
            };
            assert_eq!(p["type"], want, "{name}");
            if fast && kind == "text" {
                assert_eq!(p["normalizer"], "name_folding", "{name} is a name");
            }
            if tokenizer.is_none() && !OBJECT_FIELDS.contains(&name.as_str()) && kind == "text" {
                assert_eq!(p["index"], false, "{name} is kept, not searched");
            }
        }
        assert_eq!(props.len(), expected + DERIVED_FIELDS.len());
        for derived in DERIVED_FIELDS {
            assert_eq!(props[*derived]["type"], "keyword");
        }
    }

    #[test]
    fn quickwit_config_matches_the_schema_field_by_field() {
        let config = quickwit_config(&build_schema()).unwrap();
        let mappings = config["doc_mapping"]["field_mappings"].as_array().unwrap();
        let by_name: std::collections::HashMap<&str, &Value> = mappings
            .iter()
            .map(|m| (m["name"].as_str().unwrap(), m))
            .collect();
        let mut expected = 0;
        for (name, kind, tokenizer, fast) in schema_fields() {
            if name.ends_with(EXACT_SUFFIX) {
                assert!(
                    !by_name.contains_key(name.as_str()),
                    "{name}: no subfields in Quickwit"
                );
                continue;
            }
            expected += 1;
            let m = by_name[name.as_str()];
            match (kind.as_str(), tokenizer.as_deref()) {
                ("text", _) if OBJECT_FIELDS.contains(&name.as_str()) => {
                    assert_eq!(m["type"], "json")
                }
                ("text", Some(NEWS_TOKENIZER)) => {
                    assert_eq!(m["tokenizer"], "en_stem", "{name}");
                    assert_eq!(m["record"], "position", "{name}: phrases need positions");
                }
                ("text", Some("raw")) => assert_eq!(m["tokenizer"], "raw", "{name}"),
                ("text", None) => assert_eq!(m["indexed"], false, "{name}"),
                ("date", _) => assert_eq!(m["type"], "datetime"),
                ("u64", _) => assert_eq!(m["type"], "array<u64>"),
                other => panic!("{name}: unexpected schema entry {other:?}"),
            }
            if fast {
                assert!(
                    !m["fast"].is_null() && m["fast"] != false,
                    "{name} is a fast field"
                );
            }
        }
        assert_eq!(mappings.len(), expected + DERIVED_FIELDS.len());
        assert_eq!(config["doc_mapping"]["timestamp_field"], "date");
    }

    #[test]
    fn chunks_split_between_articles_at_the_size_limit() {
        let dir = std::env::temp_dir().join(format!("communique-chunks-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut chunks = Chunks::new(&dir, "bulk", 10);
        for entry in ["aaaa\n", "bbbb\n", "cccccccccccccc\n", "d\n"] {
            chunks.write_entry(entry.as_bytes()).unwrap();
        }
        chunks.close_file().unwrap();
        let read = |i: usize| std::fs::read_to_string(&chunks.files[i]).unwrap();
        assert_eq!(chunks.files.len(), 3);
        assert_eq!(read(0), "aaaa\nbbbb\n");
        // An entry over the limit goes alone into its own file.
        assert_eq!(read(1), "cccccccccccccc\n");
        assert_eq!(read(2), "d\n");
        assert!(chunks.files[0].ends_with("bulk-0001.ndjson"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
