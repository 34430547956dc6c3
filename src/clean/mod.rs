//! Clean: the body as a reader would want it. Widgets, furniture, credits and
//! repeated captions out, bylines lifted out for extraction, glued sentences
//! repaired, paragraphs separated by one blank line.
//!
//! What is removed here is never indexed, so it can never match a query.

mod glue;
mod patterns;
mod title;

use std::borrow::Cow;

use crate::article::{Article, SourceFormat};
pub use glue::repair as repair_glued_sentences;
pub use patterns::{LineKind, Patterns};
pub use title::repair_mojibake;

/// Loaded once: the boilerplate rules from `index-schema/`.
pub struct Cleaner {
    patterns: Patterns,
    glued: glue::GluedNames,
    outlets: crate::extract::Outlets,
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
        let patterns = Patterns::load();
        let outlets = crate::extract::Outlets::load();
        let glued = glue::GluedNames::new(&outlets.names(), &patterns.glued_words);
        Cleaner {
            patterns,
            glued,
            outlets,
        }
    }

    pub fn clean(&self, article: &mut Article) {
        self.clean_with(article, &Furniture::default());
    }

    /// Cleans with lines learned from the rest of the corpus as well.
    pub fn clean_with(&self, article: &mut Article, learned: &Furniture) {
        if let Cow::Owned(repaired) = title::repair_mojibake(&article.title) {
            article.title = repaired;
        }
        if let Cow::Owned(repaired) = title::repair_mojibake(&article.body) {
            article.body = repaired;
        }
        article.title = collapse_whitespace(&article.title);
        let tail_free =
            title::strip_title_tail(&article.title, |site| self.outlets.is_outlet_name(site));
        if tail_free.len() < article.title.len() {
            article.title = tail_free.to_string();
        }
        let outlet = article.raw.outlet.clone().unwrap_or_default();
        // Scraped text and pages need every rule; structured records only the
        // explicit furniture (their lines are paragraphs of a real article).
        let scraped = article.raw.format != SourceFormat::Record;
        // A page's structure already told headings from labels; text lost it.
        let flat_text = article.raw.format == SourceFormat::Text;
        let paragraphs = paragraphs(&article.body);
        let several = paragraphs.len() > 1;
        let mut kept: Vec<String> = Vec::with_capacity(paragraphs.len());
        for para in paragraphs {
            if learned.contains(&outlet, &para) {
                continue;
            }
            // The title printed again as the body's first line.
            if several && kept.is_empty() && title::repeats_title(&para, &article.title) {
                continue;
            }
            match self.patterns.classify(&para) {
                LineKind::Tail if !kept.is_empty() => break,
                LineKind::Tail | LineKind::Furniture => {}
                LineKind::Byline => article.raw.bylines.push(para),
                LineKind::Credit => {
                    // "Bernie Sanders. Alex Wong/Getty Images" carries its own caption.
                    if !carries_caption(&para) && kept.last().is_some_and(|p| is_caption_like(p)) {
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
        for para in &mut kept {
            if let Cow::Owned(repaired) = glue::repair(para) {
                *para = repaired;
            }
            if let Cow::Owned(repaired) = self.glued.repair(para) {
                *para = repaired;
            }
        }
        article.body = kept.join("\n\n");
    }
}

/// Furniture is what one outlet prints around many stories: a short line seen
/// in many of its articles ("Story Continued Below", a newsletter pitch, a
/// section label). Learned per batch of articles, keyed by outlet, and only
/// for short lines, so wire copy that several stories share is never taken
/// for furniture.
#[derive(Debug, Default)]
pub struct Furniture {
    /// Hashes of (outlet, line key) pairs.
    lines: std::collections::HashSet<u64, PreHashed>,
}

/// For keys that are already good 64-bit hashes: hashing them again is waste.
#[derive(Debug, Default, Clone, Copy)]
pub struct PreHashed;

#[derive(Default)]
pub struct PreHashedHasher(u64);

impl std::hash::Hasher for PreHashedHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl std::hash::BuildHasher for PreHashed {
    type Hasher = PreHashedHasher;
    fn build_hasher(&self) -> PreHashedHasher {
        PreHashedHasher::default()
    }
}

/// A line's identity for furniture: its lower-cased words (trailing ':' aside),
/// hashed with the outlet's, without allocating.
fn furniture_key(outlet: u64, line: &str) -> u64 {
    let line = line.trim().trim_end_matches(':').trim_end();
    let mut h = outlet ^ 0xcbf2_9ce4_8422_2325;
    if line.is_ascii() {
        for word in line.split_ascii_whitespace() {
            for b in word.bytes() {
                h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
            }
            h = (h ^ u64::from(b' ')).wrapping_mul(0x0100_0000_01b3);
        }
        return h;
    }
    for word in line.split_whitespace() {
        for c in word.chars().flat_map(char::to_lowercase) {
            h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
        }
        h = (h ^ u64::from(b' ')).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn outlet_key(outlet: &str) -> u64 {
    crate::ingest::content_hash(outlet.as_bytes(), 7)
}

/// A line must recur in this many articles of one outlet...
const FURNITURE_MIN_ARTICLES: usize = 5;
/// ...and in this share of them, to be furniture.
const FURNITURE_MIN_SHARE: f64 = 0.03;
const FURNITURE_MAX_WORDS: usize = 15;

impl Furniture {
    pub fn learn(articles: &[&Article]) -> Furniture {
        use std::collections::{HashMap, HashSet};
        let mut per_outlet: HashMap<u64, usize, PreHashed> = HashMap::default();
        // (outlet, line) -> (outlet, articles it appears in)
        let mut seen: HashMap<u64, (u64, usize), PreHashed> = HashMap::default();
        let mut in_article: HashSet<u64, PreHashed> = HashSet::default();
        for a in articles {
            let outlet = outlet_key(a.raw.outlet.as_deref().unwrap_or_default());
            *per_outlet.entry(outlet).or_insert(0) += 1;
            in_article.clear();
            for line in a.body.lines() {
                if line.trim().is_empty() || !at_most_words(line, FURNITURE_MAX_WORDS) {
                    continue;
                }
                let key = furniture_key(outlet, line);
                if in_article.insert(key) {
                    seen.entry(key).or_insert((outlet, 0)).1 += 1;
                }
            }
        }
        let lines = seen
            .into_iter()
            .filter(|(_, (outlet, n))| {
                let total = per_outlet.get(outlet).copied().unwrap_or(0);
                *n >= FURNITURE_MIN_ARTICLES && *n as f64 >= FURNITURE_MIN_SHARE * total as f64
            })
            .map(|(k, _)| k)
            .collect();
        Furniture { lines }
    }

    pub fn contains(&self, outlet: &str, paragraph: &str) -> bool {
        !self.lines.is_empty()
            && at_most_words(paragraph, FURNITURE_MAX_WORDS)
            && self
                .lines
                .contains(&furniture_key(outlet_key(outlet), paragraph))
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

fn ends_with_sentence_punctuation(text: &str) -> bool {
    text.trim_end().ends_with([
        '.', '!', '?', '"', '”', '’', ':', ';', ')', '…',
        // Full stops of other scripts: CJK, full-width, Arabic, Devanagari.
        '。', '！', '？', '」', '』', '．', '）', '؟', '۔', '।',
    ])
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// `word_count(text) <= n`, without counting the words of a long paragraph.
fn at_most_words(text: &str, n: usize) -> bool {
    text.split_whitespace().nth(n).is_none()
}

fn is_label(para: &str) -> bool {
    at_most_words(para, LABEL_MAX_WORDS) && !ends_with_sentence_punctuation(para)
}

/// A line just before a photo credit is its caption unless it reads like
/// prose: a quotation or a long sentence stays.
fn is_caption_like(para: &str) -> bool {
    !ends_with_sentence_punctuation(para)
        || (word_count(para) <= 30 && para.trim_end().ends_with('.'))
}

/// A credit line that starts with a sentence of its own ("Name. Photographer/Agency").
fn carries_caption(credit: &str) -> bool {
    credit.match_indices(". ").any(|(i, _)| {
        let word = credit[..i].rsplit(' ').next().unwrap_or("");
        word.chars().filter(|c| c.is_alphabetic()).count() >= 2
    })
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

/// Runs of white space become one space, none at the ends.
pub fn collapse_whitespace(text: &str) -> String {
    if is_collapsed(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `text` has single spaces between words and none at the ends:
/// what `collapse_whitespace` makes, and what most lines already are. No
/// control character, and no white space but the space: outside ASCII only
/// characters whose first byte is 0xC2, 0xE1, 0xE2 or 0xE3 can be white
/// space (U+0085, U+00A0, U+1680, U+2000-U+205F, U+3000), so only those are
/// decoded (most news lines have typographic quotes, which are not).
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    let plain = bytes.iter().enumerate().all(|(i, &b)| match b {
        0x20..0x80 => true,
        0xC2 | 0xE1 | 0xE2 | 0xE3 => !text[i..].chars().next().is_some_and(char::is_whitespace),
        0x80.. => true,
        _ => false,
    });
    plain && !text.starts_with(' ') && !text.ends_with(' ') && !text.contains("  ")
}

/// Splits a body into paragraphs. Wire copy is hard-wrapped at ~70 columns
/// with indented paragraph starts; everything else has a paragraph a line.
fn paragraphs(body: &str) -> Vec<String> {
    // Reuters' end-of-text marker and carriage returns (rare: no copy without them).
    let body: Cow<str> = if body.contains("&#3;") || body.contains('\r') {
        Cow::Owned(body.replace("&#3;", "").replace('\r', ""))
    } else {
        Cow::Borrowed(body)
    };
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

    #[test]
    fn collapsed_lines_are_kept_and_others_collapsed() {
        let reference = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        for line in [
            "Kim’s “summit” in Singapore",
            "A\u{a0}non-breaking space",
            "an em\u{2003}space and an ideographic\u{3000}one",
            "a line\u{2028}separator, a NEL\u{85}here",
            "déjà vu, Zoë — 北京",
            " leading",
            "trailing ",
            "two  spaces",
            "tab\there",
            "control\u{1}char and C1\u{9c}char",
            "",
        ] {
            assert_eq!(
                super::collapse_whitespace(line),
                reference(line),
                "{line:?}"
            );
        }
    }

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
    fn lines_many_articles_of_an_outlet_share_are_furniture() {
        let mut articles = Vec::new();
        for i in 0..20 {
            let mut a = Article {
                body: format!(
                    "Story number {i} begins with a real sentence about talks.\nStory Continued Below\nIt ends here, the {i}th time."
                ),
                ..Article::default()
            };
            a.raw.outlet = Some("Politico".into());
            articles.push(a);
        }
        let refs: Vec<&Article> = articles.iter().collect();
        let learned = Furniture::learn(&refs);
        assert_eq!(learned.len(), 1);
        let mut a = articles[3].clone();
        Cleaner::new().clean_with(&mut a, &learned);
        assert!(!a.body.contains("Continued"));
        assert!(a.body.contains("Story number 3"));
    }

    #[test]
    fn a_quote_before_a_captioned_credit_stays() {
        let body = "She added: “I think he knows he has a responsibility to follow the trend.”\nBernie Sanders. Alex Wong/Getty Images\nKonst has offered suggestions.";
        let a = cleaned(body, SourceFormat::Record);
        assert!(a.body.starts_with("She added"), "{}", a.body);
        assert!(!a.body.contains("Getty"));
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
