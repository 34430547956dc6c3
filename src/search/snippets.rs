//! Snippets: the best few passages of a text for a query, cut at sentence or
//! word boundaries, with every match highlighted: stemmed forms ("visits" for
//! "visit"), and phrases only where the words stand together.
//!
//! Articles in other languages are matched as `lang::analysis` indexed them
//! (character bigrams of Chinese, Japanese, Korean and Thai, stems of their
//! language, Arabic words without their clitics), and cut in characters, not
//! bytes, at sentence or clause marks where a script has no spaces.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

use serde::Serialize;
use tantivy::tokenizer::TextAnalyzer;

use crate::index::schema::{MAX_WORD_BYTES, analyze, exact_analyzer, news_analyzer};
use crate::lang::analysis::{LangStemmer, query_spellings, surface_tokens, tokens};

/// A passage and where its highlights are, in characters of `text`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Fragment {
    pub text: String,
    pub highlights: Vec<(usize, usize)>,
}

/// What to highlight: single analysed terms and analysed phrases.
pub struct Highlighter {
    analyzer: TextAnalyzer,
    terms: HashSet<String>,
    /// Each phrase's words, unstemmed when it was quoted (an exact phrase).
    phrases: Vec<(Vec<String>, bool)>,
    /// First two letters of every term: a word that starts otherwise cannot
    /// stem to a term, so most words of a text skip the stemmer.
    prefixes: HashSet<String>,
    /// The same for ASCII prefixes, as bytes (a second byte 0 for one-letter
    /// words): checked for every word of a text, so a short list, not a hash.
    ascii_prefixes: Vec<[u8; 2]>,
    light: TextAnalyzer,
    /// Every word and phrase as given, for texts in other languages.
    given: Vec<String>,
}

fn ascii_prefix(word: &str) -> Option<[u8; 2]> {
    let bytes = word.as_bytes();
    let n = bytes.len().min(2);
    if n == 0 || !bytes[..n].is_ascii() {
        return None;
    }
    Some([
        bytes[0].to_ascii_lowercase(),
        if n == 2 {
            bytes[1].to_ascii_lowercase()
        } else {
            0
        },
    ])
}

fn prefix2(word: &str) -> String {
    word.chars().take(2).collect()
}

/// A word of the text: stemmed and unstemmed forms only when it may match.
struct Tok {
    start: usize,
    end: usize,
    stem: String,
    exact: String,
}

impl Highlighter {
    /// `words` and `phrases` match by stem, `exact` phrases word for word.
    pub fn new(words: &[String], phrases: &[String], exact: &[String]) -> Highlighter {
        let mut analyzer = news_analyzer();
        let mut light = exact_analyzer();
        let mut terms = HashSet::new();
        for w in words {
            for t in analyze(&mut analyzer, w) {
                terms.insert(t);
            }
        }
        let mut analysed: Vec<(Vec<String>, bool)> = Vec::new();
        for (texts, is_exact) in [(phrases, false), (exact, true)] {
            let a = if is_exact { &mut light } else { &mut analyzer };
            for p in texts {
                let words = analyze(a, p);
                if !words.is_empty() {
                    analysed.push((words, is_exact));
                }
            }
        }
        let mut prefixes = HashSet::new();
        for w in words.iter().chain(phrases).chain(exact) {
            for t in analyze(&mut light, w) {
                prefixes.insert(prefix2(&t));
            }
        }
        let mut given: Vec<String> = words.iter().chain(phrases).chain(exact).cloned().collect();
        given.dedup();
        let mut highlighter = Highlighter {
            analyzer,
            terms,
            phrases: analysed,
            prefixes: HashSet::new(),
            ascii_prefixes: Vec::new(),
            light,
            given,
        };
        for p in prefixes {
            highlighter.add_prefix(p);
        }
        highlighter
    }

    /// Highlights words whose stem is one of these (fuzzy matches found in the index).
    pub fn add_stems(&mut self, stems: impl IntoIterator<Item = String>) {
        for stem in stems {
            self.add_prefix(prefix2(&stem));
            self.terms.insert(stem);
        }
    }

    fn add_prefix(&mut self, prefix: String) {
        if let Some(bytes) = ascii_prefix(&prefix)
            && !self.ascii_prefixes.contains(&bytes)
        {
            self.ascii_prefixes.push(bytes);
        }
        self.prefixes.insert(prefix);
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phrases.is_empty()
    }

    /// Could `word` stem to a query term? Its first two letters, lower-cased
    /// and folded, must be a term's: most words of a text fail this cheaply.
    fn may_match(&self, word: &str) -> bool {
        if let Some(bytes) = ascii_prefix(word) {
            return self.ascii_prefixes.contains(&bytes);
        }
        let mut light = self.light.clone();
        analyze(&mut light, word)
            .first()
            .is_some_and(|t| self.prefixes.contains(&prefix2(t)))
    }

    /// Byte ranges of `text` to highlight.
    fn matches(&self, text: &str) -> Vec<(usize, usize)> {
        if self.is_empty() {
            return Vec::new();
        }
        let mut analyzer = self.analyzer.clone();
        let mut light = self.light.clone();
        let want_exact = self.phrases.iter().any(|(_, exact)| *exact);
        let mut forms: HashMap<&str, (String, String), BuildHasherDefault<FxHasher>> =
            Default::default();
        let mut toks: Vec<Tok> = Vec::new();
        for (start, end) in words(text) {
            let word = &text[start..end];
            // What the index's analyzer drops (RemoveLongFilter) cannot match.
            if word.len() >= MAX_WORD_BYTES {
                continue;
            }
            // Words that cannot stem to a term stay unallocated and unmatched.
            let (stem, exact) = if self.may_match(word) {
                forms
                    .entry(word)
                    .or_insert_with(|| {
                        let form =
                            |a: &mut TextAnalyzer| analyze(a, word).pop().unwrap_or_default();
                        let exact = if want_exact {
                            form(&mut light)
                        } else {
                            String::new()
                        };
                        (form(&mut analyzer), exact)
                    })
                    .clone()
            } else {
                Default::default()
            };
            toks.push(Tok {
                start,
                end,
                stem,
                exact,
            });
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let phrase = self.phrases.iter().find(|(p, exact)| {
                i + p.len() <= toks.len()
                    && p.iter()
                        .zip(&toks[i..])
                        .all(|(w, t)| *w == *if *exact { &t.exact } else { &t.stem })
            });
            if let Some((p, _)) = phrase {
                out.push((toks[i].start, toks[i + p.len() - 1].end));
                i += p.len();
            } else {
                if self.terms.contains(&toks[i].stem) {
                    out.push((toks[i].start, toks[i].end));
                }
                i += 1;
            }
        }
        out
    }

    /// Byte ranges to highlight in a text in `language` (not English): the
    /// given words and phrases as runs of the terms its analysis gives,
    /// found at consecutive positions of the text's own analysis.
    fn matches_in(&self, text: &str, language: &str) -> Vec<(usize, usize)> {
        if self.given.is_empty() {
            return Vec::new();
        }
        let stemmer = crate::lang::lookup(language).and_then(LangStemmer::for_language);
        let stemmers: Vec<LangStemmer> = stemmer.iter().cloned().collect();
        let mut runs: Vec<Vec<String>> = self
            .given
            .iter()
            .flat_map(|g| query_spellings(g, &stemmers))
            .collect();
        // The longest first: a name's whole run before its first word alone.
        runs.sort_by_key(|r| std::cmp::Reverse(r.len()));
        runs.dedup();
        let analysed = match &stemmer {
            Some(s) => tokens(text, Some(s)),
            None => surface_tokens(text, Some(language)),
        };
        // Per position: its byte range and every term standing there.
        let mut positions: Vec<(usize, usize, Vec<String>)> = Vec::new();
        for t in analysed {
            let next = positions.len();
            match positions.get_mut(t.position) {
                Some(p) => p.2.push(t.text),
                None if t.position == next => {
                    positions.push((t.offset_from, t.offset_to, vec![t.text]))
                }
                None => {}
            }
        }
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < positions.len() {
            let found = runs.iter().find(|run| {
                i + run.len() <= positions.len()
                    && run
                        .iter()
                        .zip(&positions[i..])
                        .all(|(term, p)| p.2.contains(term))
            });
            match found {
                Some(run) => {
                    let (from, to) = (positions[i].0, positions[i + run.len() - 1].1);
                    // Overlapping bigrams: a match may start inside the last.
                    match out.last_mut() {
                        Some((_, end)) if *end > from => *end = (*end).max(to),
                        _ => out.push((from, to)),
                    }
                    i += run.len();
                }
                None => i += 1,
            }
        }
        out
    }

    /// The whole text with its highlights (for titles).
    pub fn highlight_all(&self, text: &str) -> Fragment {
        self.highlight_all_in(text, None)
    }

    /// The whole text in `language` (an ISO 639-1 code) with its highlights.
    pub fn highlight_all_in(&self, text: &str, language: Option<&str>) -> Fragment {
        let spans = match language.filter(|l| !crate::lang::is_english_analysis(Some(l))) {
            Some(l) => self.matches_in(text, l),
            None => self.matches(text),
        };
        let mut f = to_fragment(text, 0, text.len(), &spans, false, false);
        // Whole texts keep their paragraphs.
        f.text = text.to_string();
        f
    }

    /// Up to `count` passages of about `size` characters, best first.
    pub fn fragments(&self, text: &str, count: usize, size: usize) -> Vec<Fragment> {
        self.fragments_in(text, count, size, None)
    }

    /// `fragments` of a text in `language`: English (or unknown) texts are
    /// cut in bytes at spaces as they always were; others in characters,
    /// at clause marks where their script has no spaces.
    pub fn fragments_in(
        &self,
        text: &str,
        count: usize,
        size: usize,
        language: Option<&str>,
    ) -> Vec<Fragment> {
        if count == 0 || text.is_empty() {
            return Vec::new();
        }
        let other = language.filter(|l| !crate::lang::is_english_analysis(Some(l)));
        let (spans, cuts) = match other {
            Some(l) => (self.matches_in(text, l), Cuts::Characters),
            None => (self.matches(text), Cuts::Bytes),
        };
        let cut_start = |text: &str, at: usize, reach: usize| match cuts {
            Cuts::Bytes => cut_start(text, at, reach),
            Cuts::Characters => cut_start_chars(text, at, reach),
        };
        let cut_end = |text: &str, start: usize, size: usize| match cuts {
            Cuts::Bytes => cut_end(text, start, size),
            Cuts::Characters => cut_end_chars(text, start, size),
        };
        if spans.is_empty() {
            let end = cut_end(text, 0, size);
            return vec![to_fragment(text, 0, end, &[], false, end < text.len())];
        }
        // Candidate windows start at each match; score by distinct matched words.
        let mut kinds: Vec<String> = Vec::new();
        let kind_of: Vec<usize> = spans
            .iter()
            .map(|(a, b)| {
                let word = text[*a..*b].to_lowercase();
                kinds.iter().position(|k| *k == word).unwrap_or_else(|| {
                    kinds.push(word);
                    kinds.len() - 1
                })
            })
            .collect();
        let mut seen = vec![false; kinds.len()];
        let mut windows: Vec<(f32, usize, usize)> = Vec::with_capacity(spans.len());
        for &(s, _) in &spans {
            let start = cut_start(text, s, size / 3);
            let end = cut_end(text, start, size);
            seen.fill(false);
            let (mut distinct, mut inside) = (0, 0);
            // Spans are in text order and do not overlap.
            for (i, &(a, b)) in spans.iter().enumerate() {
                if a < start {
                    continue;
                }
                if a >= end {
                    break;
                }
                if b <= end {
                    inside += 1;
                    if !std::mem::replace(&mut seen[kind_of[i]], true) {
                        distinct += 1;
                    }
                }
            }
            let score = distinct as f32 + 0.1 * inside as f32;
            windows.push((score, start, end));
        }
        windows.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut chosen: Vec<(usize, usize)> = Vec::new();
        for (_, start, end) in windows {
            if chosen.len() >= count {
                break;
            }
            if chosen.iter().all(|&(s, e)| end <= s || start >= e) {
                chosen.push((start, end));
            }
        }
        chosen
            .into_iter()
            .map(|(start, end)| {
                let inside: Vec<(usize, usize)> = spans
                    .iter()
                    .copied()
                    .filter(|(a, b)| *a >= start && *b <= end)
                    .collect();
                let lead = start > 0 && !text[..start].ends_with('\n');
                to_fragment(text, start, end, &inside, lead, end < text.len())
            })
            .collect()
    }
}

/// Byte ranges of the words of `text`: runs of letters and digits, as
/// tantivy's SimpleTokenizer cuts them, without building a token per word.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// How passages are measured and cut.
#[derive(Clone, Copy)]
enum Cuts {
    /// English: bytes, at spaces.
    Bytes,
    /// Other languages: characters (a Chinese one is three bytes), at
    /// sentence and clause marks of every script as well as spaces.
    Characters,
}

/// Ends of sentences in the scripts of the news: Latin, CJK full-width,
/// Arabic, Devanagari, Armenian, Ethiopic.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\n' | '。' | '！' | '？' | '؟' | '।' | '։' | '።'
    )
}

/// Where a clause ends in a text without spaces: after a comma or the like.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        ' ' | '\n' | ',' | ';' | ':' | '，' | '、' | '；' | '：' | '،' | '؛' | '」' | '）'
    )
}

/// The byte index `n` characters after `from` (the end of the text at most).
fn chars_after(text: &str, from: usize, n: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| from + i)
}

/// The byte index `n` characters before `at` (the start of the text at most).
fn chars_before(text: &str, at: usize, n: usize) -> usize {
    if n == 0 {
        return at;
    }
    text[..at]
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(0, |(i, _)| i)
}

/// A cut at `at` moved back off combining marks (Thai vowels, Arabic
/// harakat, accents): a mark parted from its letter shows broken.
fn off_marks(text: &str, mut at: usize) -> usize {
    while at > 0
        && text[at..]
            .chars()
            .next()
            .is_some_and(unicode_normalization::char::is_combining_mark)
    {
        at = floor_boundary(text, at - 1);
    }
    at
}

/// `cut_start` in characters: to the start of the sentence if near, else
/// after a clause mark or space, else `at` itself (the match's start).
fn cut_start_chars(text: &str, at: usize, reach: usize) -> usize {
    let floor = chars_before(text, at, reach);
    let before = &text[floor..at];
    if let Some((p, c)) = before.char_indices().rev().find(|(_, c)| ends_sentence(*c)) {
        let mut s = floor + p + c.len_utf8();
        while s < at && text[s..].starts_with(['"', '”', '’', '\'', ')', ' ', '」', '）']) {
            s += text[s..].chars().next().map_or(1, char::len_utf8);
        }
        return s;
    }
    if floor == 0 {
        return 0;
    }
    match before.char_indices().find(|(_, c)| ends_clause(*c)) {
        Some((p, c)) => floor + p + c.len_utf8(),
        // Chinese or Japanese without a mark near: any character starts a
        // passage (as their readers are used to); elsewhere the match does.
        None if before.chars().next_back().is_some_and(is_han_or_kana) => off_marks(text, floor),
        None => at,
    }
}

fn is_han_or_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// `cut_end` in characters: at a sentence end in the second half of the
/// passage, else after the last clause mark or space, else `size`
/// characters on, never inside a letter and its marks.
fn cut_end_chars(text: &str, start: usize, size: usize) -> usize {
    let limit = chars_after(text, start, size);
    if limit >= text.len() {
        return text.len();
    }
    let window = &text[start..limit];
    let half = window.char_indices().nth(size / 2).map_or(0, |(i, _)| i);
    if let Some((p, c)) = window.char_indices().rev().find(|(_, c)| ends_sentence(*c))
        && p > half
    {
        return start + p + c.len_utf8();
    }
    match window.char_indices().rev().find(|(_, c)| ends_clause(*c)) {
        // A space stays out of the passage, a comma in it.
        Some((p, c)) if p > 0 => {
            start
                + p
                + if c == ' ' || c == '\n' {
                    0
                } else {
                    c.len_utf8()
                }
        }
        _ => off_marks(text, limit).max(chars_after(text, start, 1)),
    }
}

/// Backs up from `at` to the start of its sentence if that is near, else to a word start.
fn cut_start(text: &str, at: usize, reach: usize) -> usize {
    let floor = floor_boundary(text, at.saturating_sub(reach));
    let before = &text[floor..at];
    if let Some(p) = before.rfind(['.', '!', '?', '\n']) {
        let mut s = floor + p + 1;
        // The closing quote and space after a full stop belong to the sentence before.
        while s < at && text[s..].starts_with(['"', '”', '’', '\'', ')', ' ']) {
            s += text[s..].chars().next().map_or(1, char::len_utf8);
        }
        return s;
    }
    if floor == 0 {
        return 0;
    }
    match before.find(' ') {
        Some(p) => floor + p + 1,
        None => at,
    }
}

/// Ends about `size` bytes after `start`, at a sentence end if one is close, else at a word end.
fn cut_end(text: &str, start: usize, size: usize) -> usize {
    let limit = floor_boundary(text, (start + size).min(text.len()));
    if limit >= text.len() {
        return text.len();
    }
    let window = &text[start..limit];
    if let Some(p) = window.rfind(['.', '!', '?'])
        && p > size / 2
    {
        return start + p + 1;
    }
    match window.rfind([' ', '\n']) {
        Some(p) if p > 0 => start + p,
        _ => limit,
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn to_fragment(
    text: &str,
    start: usize,
    end: usize,
    spans: &[(usize, usize)],
    lead: bool,
    trail: bool,
) -> Fragment {
    let body = &text[start..end];
    let prefix = if lead { "…" } else { "" };
    let mut out = String::from(prefix);
    let offset_chars = prefix.chars().count();
    // Paragraph breaks inside a passage read as one line.
    out.push_str(&body.replace('\n', " "));
    if trail {
        out.push('…');
    }
    let highlights = spans
        .iter()
        .map(|&(a, b)| {
            let s = offset_chars + text[start..a].chars().count();
            (s, s + text[a..b].chars().count())
        })
        .collect();
    Fragment {
        text: out,
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(words: &[&str], phrases: &[&str]) -> Highlighter {
        let w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        let p: Vec<String> = phrases.iter().map(|s| s.to_string()).collect();
        Highlighter::new(&w, &p, &[])
    }

    fn marked(f: &Fragment) -> String {
        let chars: Vec<char> = f.text.chars().collect();
        let mut out = String::new();
        for (i, c) in chars.iter().enumerate() {
            if f.highlights.iter().any(|(s, _)| *s == i) {
                out.push('[');
            }
            out.push(*c);
            if f.highlights.iter().any(|(_, e)| *e == i + 1) {
                out.push(']');
            }
        }
        out
    }

    #[test]
    fn stems_are_highlighted() {
        let f = h(&["visit"], &[]).highlight_all("Pompeo visits Pyongyang after earlier visit");
        assert_eq!(
            marked(&f),
            "Pompeo [visits] Pyongyang after earlier [visit]"
        );
    }

    #[test]
    fn names_in_unspaced_scripts_are_highlighted_whole() {
        let zh = "巴西前總統雅伊爾·博索纳罗的支持者衝擊首都巴西利亚三權廣場的國會、最高法院和普拉納托宮。";
        let f = h(&["博索纳罗"], &[]).highlight_all_in(zh, Some("zh"));
        assert!(marked(&f).contains("·[博索纳罗]的"), "{}", marked(&f));
        let ko = "1월 8일, 브라질 브라질리아에서 보우소나루 지지자들이 습격했다.";
        let f = h(&["보우소나루"], &[]).highlight_all_in(ko, Some("ko"));
        assert!(
            marked(&f).contains("[보우소나루] 지지자들"),
            "{}",
            marked(&f)
        );
        // Thai: the vowel signs stay with their letters, in and around a match.
        let th = "วิกฤตรัฐบาลสหราชอาณาจักร ตุลาคม";
        let f = h(&["สหราชอาณาจักร"], &[]).highlight_all_in(th, Some("th"));
        assert_eq!(marked(&f), "วิกฤตรัฐบาล[สหราชอาณาจักร] ตุลาคม");
        // Russian by stem, Arabic without its proclitic.
        let ru = "снегопада, протянувшегося от Квебека до Техаса.";
        let f = h(&[], &[]).highlight_all_in(ru, Some("ru"));
        assert!(f.highlights.is_empty());
        let f = Highlighter::new(&[], &[], &["Техас".to_string()]).highlight_all_in(ru, Some("ru"));
        assert!(marked(&f).contains("до [Техаса]."), "{}", marked(&f));
        let ar = "فوز آلان أسبيه وجون كلوزر وأنطون تسايلينغر بجائزة نوبل";
        let f = h(&[], &["أنطون تسايلينغر"]).highlight_all_in(ar, Some("ar"));
        assert!(marked(&f).contains("[وأنطون تسايلينغر]"), "{}", marked(&f));
        // English texts as before.
        let f = h(&["visit"], &[]).highlight_all_in("Pompeo visits", Some("en"));
        assert_eq!(marked(&f), "Pompeo [visits]");
    }

    #[test]
    fn passages_without_spaces_are_cut_at_marks_in_characters() {
        let zh = "新华社北京电，国务院总理李克强会见了来访的巴西总统博索纳罗。双方就两国关系交换了意见，\
                  并同意加强贸易、投资和基础设施领域的合作。博索纳罗表示，巴西愿同中国深化全面战略伙伴关系。";
        let hl = h(&["博索纳罗"], &[]);
        for size in [10, 20, 40, 80] {
            let fragments = hl.fragments_in(zh, 2, size, Some("zh"));
            assert!(!fragments.is_empty());
            for f in &fragments {
                let body = f.text.trim_matches('…');
                // Measured in characters, not bytes (a Han character is three).
                assert!(body.chars().count() <= size + 2, "{size}: {}", f.text);
                assert!(
                    body.chars().count() >= size.min(10) / 2,
                    "{size}: {}",
                    f.text
                );
                assert!(marked(f).contains("[博索纳罗]"), "{}", marked(f));
                assert!(zh.contains(body), "{}", f.text);
            }
        }
        // At a sentence mark when one is near.
        let f = &hl.fragments_in(zh, 1, 40, Some("zh"))[0];
        assert!(
            f.text.ends_with('。') || f.text.ends_with('，') || f.text.ends_with('…'),
            "{}",
            f.text
        );
        // Thai: never a vowel sign without its letter at either end.
        let th = "สมเด็จพระราชินีนาถเอลิซาเบธที่สองแห่งสหราชอาณาจักรเสด็จสวรรคตที่ปราสาทบาลมอรัล";
        for size in 1..40 {
            for f in h(&["สหราชอาณาจักร"], &[]).fragments_in(th, 2, size, Some("th"))
            {
                let body = f.text.trim_matches('…');
                let first = body.chars().next();
                assert!(
                    !first.is_some_and(unicode_normalization::char::is_combining_mark),
                    "{size}: {}",
                    f.text
                );
                assert!(th.contains(body));
            }
        }
        // Any input, any size: no panic, passages inside the text.
        for text in [
            "",
            "。",
            "a\u{0301}\u{0301}",
            "ـــ",
            "巴西",
            "\u{0E38}\u{0E38}",
        ] {
            for size in 0..6 {
                for f in hl.fragments_in(text, 3, size, Some("zh")) {
                    assert!(text.contains(f.text.trim_matches('…')));
                }
            }
        }
    }

    #[test]
    fn phrases_only_where_together() {
        let f = h(&[], &["fourth visit"]).highlight_all("a fourth trip, a visit, the fourth visit");
        assert_eq!(marked(&f), "a fourth trip, a visit, the [fourth visit]");
    }

    #[test]
    fn fragments_are_bounded_and_best_first() {
        let text = "Nothing here at all. Filler sentence number two. Pompeo made a fourth visit to Pyongyang. More filler text follows here. And Pompeo again.";
        let frags = h(&["Pompeo", "fourth", "visit"], &[]).fragments(text, 2, 60);
        assert_eq!(frags.len(), 2);
        assert!(
            frags[0].text.starts_with("…Pompeo made a fourth visit"),
            "{}",
            frags[0].text
        );
        assert_eq!(frags[0].highlights.len(), 3);
    }
}
