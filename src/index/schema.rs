//! The index schema, in one place. `index-schema/schema.json` is its readable
//! copy; a test keeps the two identical.

use tantivy::Index;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use super::stem_cache::CachedStemmer;
use super::words::FoldedWords;

/// Bumped whenever the schema or the analysis changes: older indexes must be rebuilt.
pub const SCHEMA_VERSION: u32 = 9;
/// English analysis: lower case, accents folded, Snowball stems ("visits" finds "visit").
pub const NEWS_TOKENIZER: &str = "news";
/// The same without stems, for quoted phrases: "visits" finds "visits" only.
pub const EXACT_TOKENIZER: &str = "exact";

/// Handles to every field, resolved once.
#[derive(Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub path: Field,
    pub title: Field,
    pub body: Field,
    pub title_exact: Field,
    pub body_exact: Field,
    pub outlet: Field,
    pub date: Field,
    pub authors: Field,
    pub people: Field,
    pub places: Field,
    pub countries: Field,
    /// Every person, place and country named, salient or not: what
    /// `person:`, `place:` and `country:` filters match (the fields above,
    /// the salient ones, are what facets count).
    pub people_named: Field,
    pub places_named: Field,
    pub countries_named: Field,
    /// Who is quoted in the article: people, organisations and outlets.
    pub speakers: Field,
    /// The quotations, as `extract::quotes::encode` stores them (offsets into the body).
    pub quotes: Field,
    /// `Article::mentions` and `Article::offices` as JSON.
    pub mentions: Field,
    pub offices: Field,
    pub url: Field,
    pub source: Field,
    pub fingerprint: Field,
    pub language: Field,
}

/// Fields whose values are canonical names, counted as facets and matched exactly.
pub const FACET_FIELDS: &[&str] = &[
    "outlet",
    "people",
    "places",
    "countries",
    "authors",
    "language",
    "speakers",
];

/// Every person, place and country named, salient or not (filters match these).
pub const NAMED_FIELDS: &[&str] = &["people_named", "places_named", "countries_named"];

/// Name fields an article may hold several values of.
pub const NAME_LIST_FIELDS: &[&str] = &["authors", "people", "places", "countries", "speakers"];

pub fn build_schema() -> Schema {
    let mut b = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(NEWS_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let name = STRING | STORED | FAST;
    b.add_text_field("id", STRING | STORED);
    b.add_text_field("path", STRING | STORED);
    b.add_text_field("title", text.clone());
    b.add_text_field("body", text);
    // Unstemmed copies, searched only by quoted phrases; not stored twice.
    let exact = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(EXACT_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    b.add_text_field("title_exact", exact.clone());
    b.add_text_field("body_exact", exact);
    b.add_text_field("outlet", name.clone());
    b.add_date_field(
        "date",
        DateOptions::default()
            .set_indexed()
            .set_stored()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    for &field in NAME_LIST_FIELDS {
        b.add_text_field(field, name.clone());
    }
    for &field in NAMED_FIELDS {
        b.add_text_field(field, STRING);
    }
    b.add_text_field("quotes", STORED);
    // `extract`'s mentions and offices as JSON, kept for show and export.
    b.add_text_field("mentions", STORED);
    b.add_text_field("offices", STORED);
    b.add_text_field("url", STORED);
    // The corpus file an article came from: updates delete by it.
    b.add_text_field("source", STRING | STORED);
    // MinHash of the cleaned body, read per hit to collapse wire copies.
    b.add_u64_field("fingerprint", FAST);
    // ISO 639-1 code (see `lang`); articles of unknown language have none.
    b.add_text_field("language", name);
    b.build()
}

impl Fields {
    pub fn new(schema: &Schema) -> Fields {
        let f = |name: &str| {
            schema
                .get_field(name)
                .unwrap_or_else(|_| panic!("schema has field {name}"))
        };
        Fields {
            id: f("id"),
            path: f("path"),
            title: f("title"),
            body: f("body"),
            title_exact: f("title_exact"),
            body_exact: f("body_exact"),
            outlet: f("outlet"),
            date: f("date"),
            authors: f("authors"),
            people: f("people"),
            places: f("places"),
            countries: f("countries"),
            people_named: f("people_named"),
            places_named: f("places_named"),
            countries_named: f("countries_named"),
            speakers: f("speakers"),
            quotes: f("quotes"),
            mentions: f("mentions"),
            offices: f("offices"),
            url: f("url"),
            source: f("source"),
            fingerprint: f("fingerprint"),
            language: f("language"),
        }
    }
}

/// Words split on what is not a letter or digit, lower-cased,
/// accent-folded, stemmed (`FoldedWords` is tantivy's `SimpleTokenizer`,
/// `RemoveLongFilter`, `LowerCaser` and `AsciiFoldingFilter` in one pass).
pub fn news_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(FoldedWords::new(MAX_WORD_BYTES))
        .filter(CachedStemmer)
        .build()
}

/// Words as written, lower-cased and accent-folded: quoted phrases match these.
pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(FoldedWords::new(MAX_WORD_BYTES)).build()
}

/// The terms an analyzer makes of `text`.
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// Longer words are dropped by both analyzers (they are not words but data).
pub const MAX_WORD_BYTES: usize = 40;

/// Every index we open or create needs our analyzers registered.
pub fn register_tokenizers(index: &Index) {
    index.tokenizers().register(NEWS_TOKENIZER, news_analyzer());
    index
        .tokenizers()
        .register(EXACT_TOKENIZER, exact_analyzer());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_file_matches_code() {
        let code = serde_json::to_value(build_schema()).unwrap();
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../../index-schema/schema.json"))
                .expect("index-schema/schema.json is JSON");
        assert_eq!(
            file["fields"], code,
            "index-schema/schema.json drifted from src/index/schema.rs: regenerate it with `communique schema > index-schema/schema.json`"
        );
        assert_eq!(file["schema_version"], SCHEMA_VERSION);
    }
}
