//! Text for a person at a terminal: highlights in bold colour (or `[[...]]`
//! when piped or with NO_COLOR), facets as compact lines, dates as bars.

use std::fmt::Write;
use std::io::IsTerminal;

use super::ColorChoice;
use crate::index::BuildReport;
use crate::search::{Fragment, Interval, SearchResults, date_buckets, facet_values};

/// How highlights and emphasis are drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub mark_open: &'static str,
    pub mark_close: &'static str,
    pub ansi: bool,
    /// Text with right-to-left letters is set between Unicode isolates
    /// (FSI ... PDI): a terminal that lays out bidirectional text then shows
    /// it right to left without pulling the numbering and score into it.
    pub isolate_rtl: bool,
}

impl Style {
    pub fn resolve(choice: ColorChoice, html: bool) -> Style {
        if html {
            return Style {
                mark_open: "<mark>",
                mark_close: "</mark>",
                ansi: false,
                isolate_rtl: false,
            };
        }
        let ansi = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        if ansi {
            Style {
                mark_open: "\x1b[1;33m",
                mark_close: "\x1b[0m",
                ansi: true,
                isolate_rtl: true,
            }
        } else {
            Style {
                mark_open: "[[",
                mark_close: "]]",
                ansi: false,
                isolate_rtl: true,
            }
        }
    }

    fn dim(&self, s: &str) -> String {
        if self.ansi {
            format!("\x1b[2m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn bold(&self, s: &str) -> String {
        if self.ansi {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// `text` between isolates if it holds right-to-left letters.
    pub fn isolate(&self, text: String) -> String {
        if self.isolate_rtl && text.chars().any(is_rtl) {
            format!("\u{2068}{text}\u{2069}")
        } else {
            text
        }
    }

    /// The fragment's text with its highlights marked (isolated if right to left).
    pub fn mark(&self, fragment: &Fragment) -> String {
        let marked = self.mark_plain(fragment);
        self.isolate(marked)
    }

    fn mark_plain(&self, fragment: &Fragment) -> String {
        let mut out = String::with_capacity(fragment.text.len() + 16);
        let mut pos = 0;
        let chars: Vec<char> = fragment.text.chars().collect();
        for &(s, e) in &fragment.highlights {
            if s < pos || e > chars.len() {
                continue;
            }
            out.extend(&chars[pos..s]);
            out.push_str(self.mark_open);
            out.extend(&chars[s..e]);
            out.push_str(self.mark_close);
            pos = e;
        }
        out.extend(&chars[pos..]);
        out
    }
}

/// Letters of the right-to-left scripts: Hebrew, Arabic, Syriac, Thaana,
/// N'Ko, Samaritan, Mandaic and their presentation forms.
fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// A query as typed, in double quotes: quotes, backslashes, control and
/// invisible formatting characters escaped as Rust writes them, everything
/// else as it is (`{:?}` would also escape a Thai vowel sign: กร\u{e38}งเทพ).
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        let invisible = matches!(c as u32,
            0x00AD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2069 | 0xFEFF);
        if c == '"' || c == '\\' || c.is_control() || invisible {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

const FACET_LABELS: &[(&str, &str)] = &[
    ("outlet", "Outlets"),
    ("people", "People"),
    ("places", "Places"),
    ("countries", "Countries"),
    ("authors", "Authors"),
    ("language", "Languages"),
    ("speakers", "Quoted"),
];

pub fn render_results(
    r: &SearchResults,
    style: &Style,
    facet_limit: usize,
    interval: Option<Interval>,
    show_hits: bool,
) -> String {
    let mut out = String::new();
    let shown = r.hits.len();
    let _ = writeln!(
        out,
        "{} for {} ({:.1} ms)",
        style.bold(&format!(
            "{} match{}",
            r.total,
            if r.total == 1 { "" } else { "es" }
        )),
        style.isolate(quoted(&r.query)),
        r.took_ms
    );
    // Before the hits: with many of them, a line at the end goes unseen.
    if let Some(s) = &r.suggestion {
        let _ = writeln!(out, "did you mean: {}", style.bold(s));
    }
    if show_hits {
        for (i, hit) in r.hits.iter().enumerate() {
            let title = style.mark(&Fragment {
                text: hit.title.clone(),
                highlights: hit.title_highlights.clone(),
            });
            let _ = writeln!(
                out,
                "\n{:>2}. {}  {}",
                i + 1,
                style.bold(&title),
                style.dim(&format!("[{:.2}]", hit.score))
            );
            let mut meta = vec![
                hit.outlet
                    .clone()
                    .unwrap_or_else(|| "unknown outlet".into()),
                hit.date.clone().unwrap_or_else(|| "undated".into()),
            ];
            if !hit.authors.is_empty() {
                meta.push(format!("by {}", hit.authors.join(", ")));
            }
            let _ = writeln!(
                out,
                "    {}",
                style.dim(&format!("{} · {}", meta.join(" · "), hit.id))
            );
            for fragment in &hit.snippets {
                let _ = writeln!(out, "    {}", style.mark(fragment));
            }
            if !hit.duplicates.is_empty() {
                let mut outlets: Vec<&str> = hit
                    .duplicates
                    .iter()
                    .filter_map(|d| d.article.outlet.as_deref())
                    .collect();
                outlets.sort();
                outlets.dedup();
                let _ = writeln!(
                    out,
                    "    {}",
                    style.dim(&format!(
                        "also carried {} time{}{}: {}",
                        hit.duplicates.len(),
                        if hit.duplicates.len() == 1 { "" } else { "s" },
                        if outlets.is_empty() {
                            String::new()
                        } else {
                            format!(" by {}", outlets.join(", "))
                        },
                        hit.duplicates
                            .iter()
                            .map(|d| d.article.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                );
            }
            if let Some(e) = &hit.explanation {
                explain_lines(&mut out, e, 2, 0);
            }
        }
        if shown < r.total {
            let _ = writeln!(
                out,
                "\n{}",
                style.dim(&format!(
                    "showing {shown} of {}; --limit and --offset page through",
                    r.total
                ))
            );
        }
    }
    let facets = facet_values(&r.facets, facet_limit);
    if facets.iter().any(|(_, v)| !v.is_empty()) || !r.facets.days.is_empty() {
        let _ = writeln!(out);
    }
    for (field, values) in facets {
        if values.is_empty() {
            continue;
        }
        let label = FACET_LABELS
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(field.as_str(), |(_, l)| l);
        let list: Vec<String> = values.iter().map(|(v, n)| format!("{v} ({n})")).collect();
        let _ = writeln!(out, "{:<10} {}", style.bold(label), list.join(" · "));
    }
    if !r.facets.days.is_empty() {
        let (interval, buckets) = date_buckets(&r.facets.days, interval);
        let _ = writeln!(
            out,
            "{} by {:?}{}",
            style.bold("Dates"),
            interval,
            if r.facets.undated > 0 {
                format!(" ({} undated)", r.facets.undated)
            } else {
                String::new()
            }
        );
        let max = buckets.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
        for (label, n) in buckets {
            let width = ((n as f64 / max as f64) * 40.0).ceil() as usize;
            let _ = writeln!(out, "  {label:<10} {} {n}", "█".repeat(width.max(1)));
        }
    }
    out
}

/// A score explanation as an indented tree, three levels deep.
fn explain_lines(out: &mut String, e: &serde_json::Value, indent: usize, depth: usize) {
    let value = e["value"].as_f64().unwrap_or(0.0);
    let description = e["description"].as_str().unwrap_or("");
    let _ = writeln!(
        out,
        "{:indent$}{value:.3}  {description}",
        "",
        indent = indent * 2
    );
    if depth < 3
        && let Some(details) = e["details"].as_array()
    {
        for d in details {
            explain_lines(out, d, indent + 1, depth + 1);
        }
    }
}

/// One article in full, for `show`.
pub fn render_article(hit: &crate::search::Hit, body: &Fragment, style: &Style) -> String {
    let mut out = String::new();
    let title = style.mark(&Fragment {
        text: hit.title.clone(),
        highlights: hit.title_highlights.clone(),
    });
    let _ = writeln!(out, "{}", style.bold(&title));
    let _ = writeln!(
        out,
        "{}",
        style.dim(&format!(
            "{} · {} · {}{}",
            hit.outlet.as_deref().unwrap_or("unknown outlet"),
            hit.date.as_deref().unwrap_or("undated"),
            hit.id,
            hit.url
                .as_deref()
                .map(|u| format!(" · {u}"))
                .unwrap_or_default()
        ))
    );
    for (label, values) in [
        ("authors", &hit.authors),
        ("people", &hit.people),
        ("places", &hit.places),
        ("countries", &hit.countries),
    ] {
        if !values.is_empty() {
            let _ = writeln!(
                out,
                "{} {}",
                style.dim(&format!("{label}:")),
                values.join(", ")
            );
        }
    }
    let _ = writeln!(out);
    for paragraph in style.mark_plain(body).split("\n\n") {
        let _ = writeln!(out, "{}\n", style.isolate(paragraph.to_string()));
    }
    out
}

pub fn render_summary(report: &BuildReport, index: &str) -> String {
    let mut out = String::new();
    let secs = report.elapsed.as_secs_f64();
    if let Some(u) = report.update {
        let _ = writeln!(
            out,
            "updated {index} in {secs:.2} s: {} new, {} changed, {} deleted, {} unchanged files; {} articles (re)indexed",
            u.new, u.changed, u.deleted, u.unchanged, report.articles
        );
    } else {
        let _ = writeln!(
            out,
            "indexed {} articles from {} files ({:.1} MB) in {:.2} s into {}",
            report.articles,
            report.files,
            report.bytes as f64 / 1e6,
            secs,
            index
        );
    }
    let counts = report.skip_counts();
    if !counts.is_empty() {
        let list: Vec<String> = counts
            .iter()
            .map(|(k, n)| format!("{n} {}", k.label()))
            .collect();
        let _ = writeln!(out, "skipped or noted: {}", list.join(", "));
        for skip in report.skips.iter().take(20) {
            let _ = writeln!(out, "  {skip}");
        }
        if report.skips.len() > 20 {
            let _ = writeln!(
                out,
                "  ... and {} more (see --verbose)",
                report.skips.len() - 20
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain() -> Style {
        Style::resolve(ColorChoice::Never, false)
    }

    #[test]
    fn right_to_left_text_is_isolated() {
        let f = Fragment {
            text: "فوز جون كلوزر بجائزة نوبل".to_string(),
            highlights: vec![(4, 13)],
        };
        let shown = plain().mark(&f);
        assert_eq!(shown, "\u{2068}فوز [[جون كلوزر]] بجائزة نوبل\u{2069}");
        // Left-to-right text is left as it is; HTML gets dir="auto" instead.
        let latin = Fragment {
            text: "Pompeo visits".to_string(),
            highlights: vec![(0, 6)],
        };
        assert_eq!(plain().mark(&latin), "[[Pompeo]] visits");
        let html = Style::resolve(ColorChoice::Never, true);
        assert!(!html.mark(&f).contains('\u{2068}'));
    }

    #[test]
    fn queries_are_quoted_without_breaking_letters() {
        assert_eq!(
            quoted("Pompeo fourth visit"),
            format!("{:?}", "Pompeo fourth visit")
        );
        assert_eq!(
            quoted("\"fourth visit\" a\\b\n"),
            format!("{:?}", "\"fourth visit\" a\\b\n")
        );
        assert_eq!(quoted("Pompeo's"), "\"Pompeo's\"");
        assert_eq!(quoted("กรุงเทพ"), "\"กรุงเทพ\"");
        assert_eq!(quoted("a\u{202E}b"), "\"a\\u{202e}b\"");
    }
}
