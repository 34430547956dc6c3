//! `communique quotes QUERY`: who said what about it. The query runs as a
//! search (wire copies folded into the best-ranked copy); each hit's
//! quotations that match the query's words are listed with speaker, outlet,
//! date and article, in rank order or grouped by speaker.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use serde::Serialize;

use communique::extract::quotes::matching;
use communique::render::{ColorChoice, Style};
use communique::search::{Fragment, SearchRequest};

use crate::IndexLocation;

#[derive(Args)]
pub struct QuotesArgs {
    /// The query, as for search; quotations must match its words (a query of
    /// filters only lists every quotation of the matching articles).
    /// e.g. denuclearization, 'sanctions country:Iran'
    query: String,
    #[command(flatten)]
    location: IndexLocation,
    /// Only this speaker's quotations: a canonical name or a surname. e.g. --speaker Pompeo
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,
    /// `speaker`: one group per speaker, most quoted first [default: in rank order].
    /// e.g. --by speaker
    #[arg(long, value_enum)]
    by: Option<By>,
    /// Articles searched, best first. e.g. -n 500
    #[arg(long, short = 'n', default_value_t = 100)]
    limit: usize,
    /// One JSON object on stdout. e.g. --json | jq '.quotes[].speaker'
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// CSV on stdout: speaker, speaker_kind, outlet, date, id, text. e.g. --csv > said.csv
    #[arg(long)]
    csv: bool,
    /// Colour highlights: auto, always, never. e.g. --color never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum By {
    Speaker,
}

/// One quotation found, with where it was published.
#[derive(Serialize)]
struct Found {
    speaker: Option<String>,
    speaker_kind: Option<communique::article::SpeakerKind>,
    text: String,
    /// Character offsets of the query's words in `text`.
    highlights: Vec<(usize, usize)>,
    id: String,
    title: String,
    outlet: Option<String>,
    date: Option<String>,
    /// Wire copies of the same article, folded: "outlet (id)".
    also_in: Vec<String>,
}

#[derive(Serialize)]
struct Group<'a> {
    speaker: Option<&'a str>,
    speaker_kind: Option<communique::article::SpeakerKind>,
    count: usize,
    quotes: Vec<&'a Found>,
}

pub fn run(args: QuotesArgs) -> Result<ExitCode> {
    let engine = crate::open_engine(&args.location)?;
    let request = SearchRequest {
        query: args.query.clone(),
        limit: args.limit,
        fragments: 0,
        facets: Vec::new(),
        date_facet: false,
        ..SearchRequest::default()
    };
    let results = engine.search(&request)?;
    let marks = engine.compile(&args.query, &request)?.marks;
    let any_words = !(marks.words.is_empty() && marks.phrases.is_empty() && marks.exact.is_empty());
    let highlighter = engine.highlighter(&marks);
    let mut found = Vec::new();
    for hit in &results.hits {
        let quoted = matching(&hit.quotes, args.speaker.as_deref(), |text| {
            !any_words || !highlighter.highlight_all(text).highlights.is_empty()
        });
        for q in quoted {
            found.push(Found {
                speaker: q.speaker.clone(),
                speaker_kind: q.speaker_kind,
                highlights: highlighter.highlight_all(&q.text).highlights,
                text: q.text.clone(),
                id: hit.id.clone(),
                title: hit.title.clone(),
                outlet: hit.outlet.clone(),
                date: hit.date.clone(),
                also_in: hit
                    .duplicates
                    .iter()
                    .map(|d| {
                        format!(
                            "{} ({})",
                            d.article.outlet.as_deref().unwrap_or("unknown outlet"),
                            d.article.id
                        )
                    })
                    .collect(),
            });
        }
    }
    let groups = matches!(args.by, Some(By::Speaker)).then(|| group(&found));
    let articles = {
        let mut ids: Vec<&str> = found.iter().map(|f| f.id.as_str()).collect();
        ids.dedup();
        ids.len()
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        let mut value = serde_json::json!({
            "query": args.query,
            "articles_searched": results.hits.len(),
            "articles": articles,
            "total": found.len(),
        });
        match &groups {
            Some(g) => value["speakers"] = serde_json::to_value(g)?,
            None => value["quotes"] = serde_json::to_value(&found)?,
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else if args.csv {
        writeln!(out, "speaker,speaker_kind,outlet,date,id,text")?;
        let kind = |k: Option<communique::article::SpeakerKind>| {
            k.and_then(|k| serde_json::to_value(k).ok())
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        };
        for f in &found {
            writeln!(
                out,
                "{},{},{},{},{},{}",
                csv(f.speaker.as_deref().unwrap_or("")),
                kind(f.speaker_kind),
                csv(f.outlet.as_deref().unwrap_or("")),
                f.date.as_deref().unwrap_or(""),
                csv(&f.id),
                csv(&f.text)
            )?;
        }
    } else {
        let style = Style::resolve(args.color, false);
        let speakers = {
            let mut s: Vec<Option<&str>> = found.iter().map(|f| f.speaker.as_deref()).collect();
            s.sort_unstable();
            s.dedup();
            s.len()
        };
        let n =
            |count: usize, one: &str| format!("{count} {one}{}", if count == 1 { "" } else { "s" });
        writeln!(
            out,
            "{} about {} from {} in {} ({} searched)",
            n(found.len(), "quotation"),
            crate::render::quoted(&args.query),
            n(speakers, "speaker"),
            n(articles, "article"),
            n(results.hits.len(), "article")
        )?;
        let line = |f: &Found| {
            let text = style.mark(&Fragment {
                text: f.text.clone(),
                highlights: f.highlights.clone(),
            });
            let mut s = format!(
                "  “{text}”\n      {} · {} · {}",
                f.outlet.as_deref().unwrap_or("unknown outlet"),
                f.date.as_deref().unwrap_or("undated"),
                f.id
            );
            if !f.also_in.is_empty() {
                s.push_str(&format!("\n      also carried by {}", f.also_in.join(", ")));
            }
            s
        };
        match &groups {
            Some(groups) => {
                for g in groups {
                    writeln!(
                        out,
                        "\n{} ({})",
                        speaker_label(g.speaker, g.speaker_kind),
                        g.count
                    )?;
                    for f in &g.quotes {
                        writeln!(out, "{}", line(f))?;
                    }
                }
            }
            None => {
                for f in &found {
                    writeln!(
                        out,
                        "\n{}:\n{}",
                        speaker_label(f.speaker.as_deref(), f.speaker_kind),
                        line(f)
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Quotations by speaker, most quoted first (ties by name); unattributed last.
fn group(found: &[Found]) -> Vec<Group<'_>> {
    let mut groups: Vec<Group> = Vec::new();
    for f in found {
        match groups
            .iter_mut()
            .find(|g| g.speaker == f.speaker.as_deref() && g.speaker_kind == f.speaker_kind)
        {
            Some(g) => {
                g.count += 1;
                g.quotes.push(f);
            }
            None => groups.push(Group {
                speaker: f.speaker.as_deref(),
                speaker_kind: f.speaker_kind,
                count: 1,
                quotes: vec![f],
            }),
        }
    }
    groups.sort_by(|a, b| {
        a.speaker
            .is_none()
            .cmp(&b.speaker.is_none())
            .then(b.count.cmp(&a.count))
            .then(a.speaker.cmp(&b.speaker))
    });
    groups
}

fn speaker_label(speaker: Option<&str>, kind: Option<communique::article::SpeakerKind>) -> String {
    use communique::article::SpeakerKind::*;
    match (speaker, kind) {
        (Some(s), Some(Organisation)) => format!("{s} (organisation)"),
        (Some(s), Some(Outlet)) => format!("{s} (outlet)"),
        (Some(s), _) => s.to_string(),
        (None, Some(Unnamed)) => "unnamed source".to_string(),
        (None, _) => "speaker unknown".to_string(),
    }
}

/// A CSV field, quoted when it needs to be.
fn csv(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
