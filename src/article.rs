//! The one data type that travels through the pipeline: ingest fills the raw
//! parts, cleaning rewrites the body, extraction fills the entities, the index
//! stores it and search hands parts of it back.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A news article at any stage of the pipeline.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    /// Stable id: the record's own id, else derived from path and position.
    pub id: String,
    /// Source file, relative to the corpus folder (with `#line` for multi-record files).
    pub path: String,
    pub title: String,
    /// The article text; after cleaning, only what a reader would want.
    pub body: String,
    /// Canonical outlet name, once extraction has resolved it.
    pub outlet: Option<String>,
    #[serde(serialize_with = "serialize_date")]
    pub date: Option<DateTime<Utc>>,
    pub url: Option<String>,
    pub authors: Vec<String>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    pub countries: Vec<String>,
    /// ISO 639-1 code: from metadata when it names a known language, else
    /// detected from the text (see `lang`); `None` when neither can tell.
    pub language: Option<String>,
    /// Direct quotations in the body, in order, each with who said it.
    pub quotes: Vec<Quote>,
    /// Every person, place and country named, with how often and where:
    /// `people`, `places` and `countries` above are the salient ones of these.
    pub mentions: Vec<Mention>,
    /// Offices named ("the Russian president"), resolved to their holder on
    /// the article's date; none in an undated article.
    pub offices: Vec<OfficeRef>,
    /// What the source said before any interpretation; extraction reads it.
    #[serde(skip)]
    pub raw: RawMeta,
}

/// A direct quotation: the words inside the quotation marks and who said them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    /// Canonical person name, organisation or outlet; null when unnamed or unknown.
    pub speaker: Option<String>,
    /// Null when nobody could be told apart as the speaker.
    pub speaker_kind: Option<SpeakerKind>,
    /// Character offsets (Unicode scalar values, end exclusive) of `text` in the body.
    pub start: usize,
    pub end: usize,
}

/// One person, place or country an article names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub name: String,
    pub kind: MentionKind,
    /// Times named in the dateline, title and body (a country also through
    /// its adjective and the places in it: "Israeli", "Jerusalem").
    pub count: u32,
    pub in_title: bool,
    /// In the dateline or the body's first paragraph.
    pub in_lead: bool,
    /// What the article is about: listed in `people`, `places` or
    /// `countries` and counted by the facets (see `extract::salience`).
    pub salient: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    Person,
    Place,
    Country,
}

/// An office as the article names it and who held it that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeRef {
    /// The words of the article ("the Russian president").
    pub mention: String,
    /// The office's name in index-schema/offices.tsv ("President of Russia").
    pub office: String,
    pub holder: String,
}

/// Who a quotation is from: a person, or no person (never a guessed one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organisation,
    Outlet,
    /// "sources said", "a spokesman said": a source the article does not name.
    Unnamed,
}

/// Metadata exactly as the source gave it, before canonicalisation.
#[derive(Debug, Clone, Default)]
pub struct RawMeta {
    pub outlet: Option<String>,
    pub date: Option<String>,
    /// Author names or a byline string as given by structured metadata.
    pub authors: Vec<String>,
    /// Byline and sign-off lines the cleaner lifted out of the body.
    pub bylines: Vec<String>,
    /// A wire dateline such as "SEOUL, Sept 20" when the source has one.
    pub dateline: Option<String>,
    /// A language tag as the source declared it (`lang`, `<html lang>`).
    pub language: Option<String>,
    /// Where the article came from, which decides how much cleaning it needs.
    pub format: SourceFormat,
    /// The corpus file it was read from (relative path): the unit of incremental updates.
    pub source: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SourceFormat {
    /// Text that lost its markup: the seeds, scraped pages saved as .txt.
    #[default]
    Text,
    /// Structured records (JSON), whose body is usually already clean.
    Record,
    /// A web page, reduced to its main text at ingest.
    Html,
}

/// Dates are days for people: print the time only when the source had one.
pub fn format_date(date: &DateTime<Utc>) -> String {
    if date.time() == chrono::NaiveTime::MIN {
        date.format("%Y-%m-%d").to_string()
    } else {
        date.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }
}

fn serialize_date<S: serde::Serializer>(
    date: &Option<DateTime<Utc>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_str(&format_date(d)),
        None => s.serialize_none(),
    }
}
