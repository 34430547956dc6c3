//! Clean: the body as a reader would want it. Widgets, furniture, credits and
//! repeated captions out, bylines lifted out for extraction, glued sentences
//! repaired, paragraphs separated by one blank line.
//!
//! What is removed here is never indexed, so it can never match a query.

mod glue;
mod patterns;

use crate::article::{Article, SourceFormat};
pub use glue::repair as repair_glued_sentences;
pub use patterns::{LineKind, Patterns};

/// Loaded once: the boilerplate rules from `index-schema/`.
pub struct Cleaner {
    patterns: Patterns,
}

impl Default for Cleaner {
    fn default() -> Self {
        Cleaner::new()
    }
}

/// A caption or label is short; a story paragraph rarely is.
const CAPTION_MAX_WORDS: usize = 50;
/// Lines this short with no sentence punctuation are labels ("World news").
const LABEL_MAX_WORDS: usize = 6;

impl Cleaner {
    pub fn new() -> Cleaner {
        Cleaner {
            patterns: Patterns::load(),
        }
    }

    pub fn clean(&self, article: &mut Article) {
        article.title = collapse_whitespace(&article.title);
        // Scraped text and pages need every rule; structured records only the
        // explicit furniture (their lines are paragraphs of a real article).
        let scraped = article.raw.format != SourceFormat::Record;
        // A page's structure already told headings from labels; text lost it.
        let flat_text = article.raw.format == SourceFormat::Text;
        let paragraphs = paragraphs(&article.body);
        let mut kept: Vec<String> = Vec::with_capacity(paragraphs.len());
        for para in paragraphs {
            match self.patterns.classify(&para) {
                LineKind::Tail if !kept.is_empty() => break,
                LineKind::Tail | LineKind::Furniture => {}
                LineKind::Byline => article.raw.bylines.push(para),
                LineKind::Credit => {
                    if kept.last().is_some_and(|p| is_caption_like(p)) {
                        kept.pop();
                    }
                }
                LineKind::Story => {
                    if flat_text && is_label(&para) {
                        continue;
                    }
                    kept.push(para);
                }
            }
        }
        if scraped {
            drop_repeated_captions(&mut kept);
        }
        let repaired: Vec<String> = kept.iter().map(|p| glue::repair(p)).collect();
        article.body = repaired.join("\n\n");
    }
}

fn ends_with_sentence_punctuation(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', ':', ';', ')', '…'])
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn is_label(para: &str) -> bool {
    word_count(para) <= LABEL_MAX_WORDS && !ends_with_sentence_punctuation(para)
}

/// A line just before a photo credit is its caption unless it reads like prose.
fn is_caption_like(para: &str) -> bool {
    !ends_with_sentence_punctuation(para) || word_count(para) <= 30
}

/// Letters and digits only, lower-cased: captions repeat with credits glued on.
fn caption_key(para: &str) -> String {
    para.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Captions repeat: the same short line two or three times, sometimes with a
/// photographer's name glued on. Every copy goes; a long paragraph that
/// repeats (rare, but real) keeps its first copy.
fn drop_repeated_captions(paragraphs: &mut Vec<String>) {
    let keys: Vec<String> = paragraphs.iter().map(|p| caption_key(p)).collect();
    let words: Vec<usize> = paragraphs.iter().map(|p| word_count(p)).collect();
    let mut drop = vec![false; paragraphs.len()];
    for i in 0..paragraphs.len() {
        if keys[i].len() < 25 {
            continue;
        }
        for j in 0..paragraphs.len() {
            if i == j || !keys[j].starts_with(keys[i].as_str()) {
                continue;
            }
            let short = words[i] <= CAPTION_MAX_WORDS;
            if keys[i] == keys[j] {
                // Identical: captions all go, a long paragraph keeps its first copy.
                drop[i] |= short || i > j;
            } else {
                // `i` is a prefix of `j`: `j` is `i` plus a little (a credit) or a real paragraph.
                drop[i] |= short;
                drop[j] |= short && words[j] - words[i] <= 4;
            }
        }
    }
    let mut index = 0;
    paragraphs.retain(|_| {
        index += 1;
        !drop[index - 1]
    });
}

pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits a body into paragraphs. Wire copy is hard-wrapped at ~70 columns
/// with indented paragraph starts; everything else has a paragraph a line.
fn paragraphs(body: &str) -> Vec<String> {
    let body = body.replace("&#3;", "").replace('\r', "");
    let lines: Vec<&str> = body.lines().collect();
    let mut out = Vec::new();
    if is_hard_wrapped(&lines) {
        let mut current = String::new();
        for line in &lines {
            let starts_paragraph =
                line.trim().is_empty() || line.starts_with("  ") || line.starts_with('\t');
            if starts_paragraph && !current.trim().is_empty() {
                out.push(collapse_whitespace(&current));
                current.clear();
            }
            current.push(' ');
            current.push_str(line);
        }
        if !current.trim().is_empty() {
            out.push(collapse_whitespace(&current));
        }
    } else {
        out.extend(
            lines
                .iter()
                .map(|l| collapse_whitespace(l))
                .filter(|l| !l.is_empty()),
        );
    }
    out
}

fn is_hard_wrapped(lines: &[&str]) -> bool {
    let lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lengths.len() < 4 || lengths.iter().any(|&n| n > 100) {
        return false;
    }
    let wrapped = lengths.iter().filter(|&&n| (35..=90).contains(&n)).count();
    wrapped * 10 >= lengths.len() * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(body: &str, format: SourceFormat) -> Article {
        let mut a = Article {
            body: body.to_string(),
            ..Article::default()
        };
        a.raw.format = format;
        Cleaner::new().clean(&mut a);
        a
    }

    #[test]
    fn wire_copy_is_reflowed() {
        let body = "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects.\n    The dry period means the temporao will be late this year.\nArrivals for the week ended February 22 were 155,221 bags.";
        let a = cleaned(body, SourceFormat::Record);
        let paras: Vec<&str> = a.body.split("\n\n").collect();
        assert_eq!(paras.len(), 2);
        assert!(paras[0].starts_with("Showers continued throughout the week in the Bahia"));
    }

    #[test]
    fn captions_credits_and_labels_go() {
        let body = "Image: Secretary arrives at Sunan International Airpor\nSecretary of State Mike Pompeo, center, arrives in Pyongyang on July 6. Copyright Andrew Harnik\nBy Alexander Smith\nThe real story starts here and it is long enough to be a paragraph.\nSecretary of State Mike Pompeo, center, arrives in Pyongyang on July 6.\nSecretary of State Mike Pompeo, center, arrives in Pyongyang on July 6.Andrew Harnik\nWorld news\nThe story goes on.Then it ends.\nYou might also like\nFinland to close all borders with Russia after migrant surge";
        let a = cleaned(body, SourceFormat::Text);
        assert_eq!(
            a.body,
            "The real story starts here and it is long enough to be a paragraph.\n\nThe story goes on. Then it ends."
        );
        assert_eq!(a.raw.bylines, vec!["By Alexander Smith"]);
    }

    #[test]
    fn caption_before_credit_goes() {
        let body = "U. S. Secretary of State Mike Pompeo speaks at the Library, Sun\nAP Photo/Mark J. Terrill\nSecretary of State Mike Pompeo could soon make another visit.";
        let a = cleaned(body, SourceFormat::Text);
        assert_eq!(
            a.body,
            "Secretary of State Mike Pompeo could soon make another visit."
        );
    }
}
