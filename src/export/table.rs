//! Tables for analysis: JSON Lines, CSV and Parquet, one row an article.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Int64Builder, ListBuilder, StringBuilder, StructBuilder,
    TimestampMillisecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef, TimeUnit};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde_json::Value;

use super::Sink;
use super::rows::ExportRow;

/// The columns of the CSV and Parquet exports, in order; JSON Lines has the
/// same keys (it prints `extract --json`'s object, then the last two).
pub const EXPORT_COLUMNS: [&str; 17] = [
    "id",
    "path",
    "title",
    "body",
    "outlet",
    "date",
    "url",
    "authors",
    "people",
    "places",
    "countries",
    "language",
    "quotes",
    "mentions",
    "offices",
    "speakers",
    "duplicate_group",
];

/// The JSON of one exported article: `extract --json`'s object (the same
/// serializer), then the fields only an index knows.
pub fn row_json(row: &ExportRow) -> Value {
    let mut value = crate::render::article_json(&row.article);
    value["speakers"] = row.speakers.clone().into();
    value["duplicate_group"] = row.duplicate_group.clone().into();
    value
}

fn create(path: &Path) -> Result<BufWriter<File>> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(BufWriter::with_capacity(1 << 20, file))
}

pub struct JsonLines {
    path: PathBuf,
    out: BufWriter<File>,
}

impl JsonLines {
    pub fn create(path: &Path) -> Result<JsonLines> {
        Ok(JsonLines {
            path: path.to_path_buf(),
            out: create(path)?,
        })
    }
}

impl Sink for JsonLines {
    fn write(&mut self, row: &ExportRow) -> Result<()> {
        serde_json::to_writer(&mut self.out, &row_json(row))?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<Vec<PathBuf>> {
        self.out.flush()?;
        Ok(vec![self.path])
    }
}

/// Lists joined with "; " (as `search --csv` does); quotations, mentions and
/// offices, which have parts, as a JSON array in their cell.
pub struct Csv {
    path: PathBuf,
    out: csv::Writer<BufWriter<File>>,
}

impl Csv {
    pub fn create(path: &Path) -> Result<Csv> {
        let mut out = csv::Writer::from_writer(create(path)?);
        out.write_record(EXPORT_COLUMNS)?;
        Ok(Csv {
            path: path.to_path_buf(),
            out,
        })
    }
}

impl Sink for Csv {
    fn write(&mut self, row: &ExportRow) -> Result<()> {
        let a = &row.article;
        fn json_cell<T: serde::Serialize>(list: &[T]) -> Result<String> {
            Ok(if list.is_empty() {
                String::new()
            } else {
                serde_json::to_string(list)?
            })
        }
        self.out.write_record([
            a.id.as_str(),
            &a.path,
            &a.title,
            &a.body,
            a.outlet.as_deref().unwrap_or_default(),
            &a.date
                .as_ref()
                .map(crate::article::format_date)
                .unwrap_or_default(),
            a.url.as_deref().unwrap_or_default(),
            &a.authors.join("; "),
            &a.people.join("; "),
            &a.places.join("; "),
            &a.countries.join("; "),
            a.language.as_deref().unwrap_or_default(),
            &json_cell(&a.quotes)?,
            &json_cell(&a.mentions)?,
            &json_cell(&a.offices)?,
            &row.speakers.join("; "),
            &row.duplicate_group,
        ])?;
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<Vec<PathBuf>> {
        let mut out = self.out.into_inner().map_err(|e| e.into_error())?;
        out.flush()?;
        Ok(vec![self.path])
    }
}

/// Rows buffered before they go to the Parquet writer as one record batch.
const BATCH_ROWS: usize = 1024;
/// Row groups are closed at this many rows or bytes, whichever comes
/// first: the writer holds one row group in memory.
const ROW_GROUP_ROWS: usize = 8 * 1024;
const ROW_GROUP_BYTES: usize = 32 << 20;

/// Parquet with list columns for names, a list of structs for quotations and
/// a UTC timestamp for the date (milliseconds: Parquet has no seconds unit,
/// and readers take a seconds column for a plain integer).
pub struct Parquet {
    path: PathBuf,
    writer: ArrowWriter<File>,
    batch: Columns,
}

impl Parquet {
    pub fn create(path: &Path) -> Result<Parquet> {
        let file =
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .build();
        let writer = ArrowWriter::try_new(file, parquet_schema(), Some(props))?;
        Ok(Parquet {
            path: path.to_path_buf(),
            writer,
            batch: Columns::new(),
        })
    }

    fn flush_batch(&mut self) -> Result<()> {
        if self.batch.rows > 0 {
            let batch = std::mem::replace(&mut self.batch, Columns::new()).finish()?;
            self.writer.write(&batch)?;
        }
        Ok(())
    }
}

impl Sink for Parquet {
    fn write(&mut self, row: &ExportRow) -> Result<()> {
        self.batch.push(row);
        if self.batch.rows >= BATCH_ROWS {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<Vec<PathBuf>> {
        self.flush_batch()?;
        self.writer.close()?;
        Ok(vec![self.path])
    }
}

fn list_of_strings() -> DataType {
    DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, false)))
}

fn mention_fields() -> Fields {
    Fields::from(vec![
        Field::new("name", DataType::Utf8, false),
        Field::new("kind", DataType::Utf8, false),
        Field::new("count", DataType::Int64, false),
        Field::new("in_title", DataType::Boolean, false),
        Field::new("in_lead", DataType::Boolean, false),
        Field::new("salient", DataType::Boolean, false),
    ])
}

fn office_fields() -> Fields {
    Fields::from(vec![
        Field::new("mention", DataType::Utf8, false),
        Field::new("office", DataType::Utf8, false),
        Field::new("holder", DataType::Utf8, false),
    ])
}

/// A list of structs with these parts.
fn struct_list(parts: Fields) -> DataType {
    DataType::List(Arc::new(Field::new_list_field(
        DataType::Struct(parts),
        false,
    )))
}

fn struct_list_builder(parts: Fields) -> ListBuilder<StructBuilder> {
    ListBuilder::new(StructBuilder::from_fields(parts.clone(), 0))
        .with_field(Field::new_list_field(DataType::Struct(parts), false))
}

fn quote_fields() -> Fields {
    Fields::from(vec![
        Field::new("text", DataType::Utf8, false),
        Field::new("speaker", DataType::Utf8, true),
        Field::new("speaker_kind", DataType::Utf8, true),
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
    ])
}

/// The Parquet schema, column for column as [`EXPORT_COLUMNS`].
pub fn parquet_schema() -> SchemaRef {
    let text = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    let list = |name: &str| Field::new(name, list_of_strings(), false);
    Arc::new(Schema::new(vec![
        text("id", false),
        text("path", false),
        text("title", false),
        text("body", false),
        text("outlet", true),
        Field::new(
            "date",
            DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())),
            true,
        ),
        text("url", true),
        list("authors"),
        list("people"),
        list("places"),
        list("countries"),
        text("language", true),
        Field::new("quotes", struct_list(quote_fields()), false),
        Field::new("mentions", struct_list(mention_fields()), false),
        Field::new("offices", struct_list(office_fields()), false),
        list("speakers"),
        text("duplicate_group", false),
    ]))
}

/// One record batch being filled.
struct Columns {
    rows: usize,
    strings: Vec<StringBuilder>,
    date: TimestampMillisecondBuilder,
    lists: Vec<ListBuilder<StringBuilder>>,
    quotes: ListBuilder<StructBuilder>,
    mentions: ListBuilder<StructBuilder>,
    offices: ListBuilder<StructBuilder>,
}

/// Positions in `Columns::strings` and `Columns::lists`.
const ID: usize = 0;
const PATH: usize = 1;
const TITLE: usize = 2;
const BODY: usize = 3;
const OUTLET: usize = 4;
const URL: usize = 5;
const LANGUAGE: usize = 6;
const GROUP: usize = 7;
const AUTHORS: usize = 0;
const PEOPLE: usize = 1;
const PLACES: usize = 2;
const COUNTRIES: usize = 3;
const SPEAKERS: usize = 4;

impl Columns {
    fn new() -> Columns {
        let string_list = || {
            ListBuilder::new(StringBuilder::new())
                .with_field(Field::new_list_field(DataType::Utf8, false))
        };
        Columns {
            rows: 0,
            strings: (0..8).map(|_| StringBuilder::new()).collect(),
            date: TimestampMillisecondBuilder::new().with_timezone("UTC"),
            lists: (0..5).map(|_| string_list()).collect(),
            quotes: struct_list_builder(quote_fields()),
            mentions: struct_list_builder(mention_fields()),
            offices: struct_list_builder(office_fields()),
        }
    }

    fn push(&mut self, row: &ExportRow) {
        let a = &row.article;
        let s = &mut self.strings;
        s[ID].append_value(&a.id);
        s[PATH].append_value(&a.path);
        s[TITLE].append_value(&a.title);
        s[BODY].append_value(&a.body);
        s[OUTLET].append_option(a.outlet.as_deref());
        s[URL].append_option(a.url.as_deref());
        s[LANGUAGE].append_option(a.language.as_deref());
        s[GROUP].append_value(&row.duplicate_group);
        self.date
            .append_option(a.date.map(|d| d.timestamp_millis()));
        for (i, values) in [
            (AUTHORS, &a.authors),
            (PEOPLE, &a.people),
            (PLACES, &a.places),
            (COUNTRIES, &a.countries),
            (SPEAKERS, &row.speakers),
        ] {
            let list = &mut self.lists[i];
            for v in values {
                list.values().append_value(v);
            }
            list.append(true);
        }
        let quotes = self.quotes.values();
        for q in &a.quotes {
            let kind = q.speaker_kind.as_ref().map(lowercase_name);
            field::<StringBuilder>(quotes, 0).append_value(&q.text);
            field::<StringBuilder>(quotes, 1).append_option(q.speaker.as_deref());
            field::<StringBuilder>(quotes, 2).append_option(kind);
            field::<Int64Builder>(quotes, 3).append_value(q.start as i64);
            field::<Int64Builder>(quotes, 4).append_value(q.end as i64);
            quotes.append(true);
        }
        self.quotes.append(true);
        let mentions = self.mentions.values();
        for m in &a.mentions {
            field::<StringBuilder>(mentions, 0).append_value(&m.name);
            field::<StringBuilder>(mentions, 1).append_value(lowercase_name(&m.kind));
            field::<Int64Builder>(mentions, 2).append_value(m.count as i64);
            field::<BooleanBuilder>(mentions, 3).append_value(m.in_title);
            field::<BooleanBuilder>(mentions, 4).append_value(m.in_lead);
            field::<BooleanBuilder>(mentions, 5).append_value(m.salient);
            mentions.append(true);
        }
        self.mentions.append(true);
        let offices = self.offices.values();
        for o in &a.offices {
            field::<StringBuilder>(offices, 0).append_value(&o.mention);
            field::<StringBuilder>(offices, 1).append_value(&o.office);
            field::<StringBuilder>(offices, 2).append_value(&o.holder);
            offices.append(true);
        }
        self.offices.append(true);
        self.rows += 1;
    }

    fn finish(mut self) -> Result<RecordBatch> {
        let s: Vec<ArrayRef> = self
            .strings
            .iter_mut()
            .map(|b| ArrayBuilder::finish(b))
            .collect();
        let l: Vec<ArrayRef> = self
            .lists
            .iter_mut()
            .map(|b| ArrayBuilder::finish(b))
            .collect();
        let take = |v: &[ArrayRef], i: usize| v[i].clone();
        let columns: Vec<ArrayRef> = vec![
            take(&s, ID),
            take(&s, PATH),
            take(&s, TITLE),
            take(&s, BODY),
            take(&s, OUTLET),
            ArrayBuilder::finish(&mut self.date),
            take(&s, URL),
            take(&l, AUTHORS),
            take(&l, PEOPLE),
            take(&l, PLACES),
            take(&l, COUNTRIES),
            take(&s, LANGUAGE),
            ArrayBuilder::finish(&mut self.quotes),
            ArrayBuilder::finish(&mut self.mentions),
            ArrayBuilder::finish(&mut self.offices),
            take(&l, SPEAKERS),
            take(&s, GROUP),
        ];
        Ok(RecordBatch::try_new(parquet_schema(), columns)?)
    }
}

/// An enum's name as its JSON spells it ("person", "place").
fn lowercase_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The builder of a struct's part `i` (as [`quote_fields`] orders them).
fn field<T: ArrayBuilder>(quotes: &mut StructBuilder, i: usize) -> &mut T {
    quotes
        .field_builder::<T>(i)
        .expect("quote_fields and the builders agree")
}
