//! Direct quotations and who said them. A quotation is the text between
//! double quotation marks (straight or typographic), of two words or more;
//! its speaker comes from a speech verb next to it ("...," Nauert said;
//! Moon also said the young dictator "has..."; "...," said Roy Bahat), from
//! the quotation it continues (the next sentence or paragraph), or from the
//! last speaker for "he added" / "the company said" / "the paper reported".
//! A speaker is a person only through the article's own people (so "Nauert"
//! is Heather Nauert) or an office held on the article's date; when the
//! words do not settle who spoke, the speaker is null, never a guess.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Outlets;
use super::gazetteer::Gazetteer;
use super::offices::Offices;
use super::people::{PersonMention, name_key};
use super::tokens::char_at;
use super::tsv::word_set;
use crate::article::{Quote, SpeakerKind};

const CUE_SOURCE: &str = include_str!("../../index-schema/quotes.tsv");

/// The word lists of `index-schema/quotes.tsv`, loaded once.
struct Cues {
    /// Speech words, lower case, each with what it can be (`VERB`,
    /// `PARTICIPLE`, `ACCORDING`): one lookup a word tells all three.
    speech: HashMap<String, u8>,
    /// The first two bytes (lower case) of the speech words.
    verb_initials: Box<[bool]>,
    passive: HashSet<String>,
    determiner: HashSet<String>,
    /// "sen." -> "senator": a title before a name, as "the senator" names it later.
    role_abbreviation: HashMap<String, String>,
    unnamed: HashSet<String>,
    outlet_ref: HashSet<String>,
    org_ref: HashSet<String>,
    pronoun: HashSet<String>,
    connective: HashSet<String>,
    stop: HashSet<String>,
    preposition: HashSet<String>,
    adverb: HashSet<String>,
    abbreviation: HashSet<String>,
    /// The longest abbreviation's length in characters: longer words are none.
    abbreviation_chars: usize,
    not_org: HashSet<String>,
}

const VERB: u8 = 1;
const PARTICIPLE: u8 = 2;
const ACCORDING: u8 = 4;

impl Cues {
    /// What a lower-case word can be as a speech word (0: none).
    fn speech(&self, lower: &str) -> u8 {
        self.speech.get(lower).copied().unwrap_or(0)
    }
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let set = |kind: &str| word_set(CUE_SOURCE, kind);
        let mut speech: HashMap<String, u8> = HashMap::default();
        for (kind, flag) in [
            ("verb", VERB),
            ("participle", PARTICIPLE),
            ("according", ACCORDING),
        ] {
            for w in set(kind) {
                *speech.entry(w).or_default() |= flag;
            }
        }
        let mut verb_initials = vec![false; 1 << 16].into_boxed_slice();
        for w in speech.keys() {
            if let [a, b, ..] = w.as_bytes() {
                verb_initials[usize::from(*a) << 8 | usize::from(*b)] = true;
            }
        }
        let abbreviation = set("abbreviation");
        Cues {
            speech,
            verb_initials,
            passive: set("passive"),
            determiner: set("determiner"),
            role_abbreviation: set("role_abbreviation")
                .iter()
                .filter_map(|p| p.split_once('='))
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            unnamed: set("unnamed"),
            outlet_ref: set("outlet_ref"),
            org_ref: set("org_ref"),
            pronoun: set("pronoun"),
            connective: set("connective"),
            stop: set("stop"),
            preposition: set("preposition"),
            adverb: set("adverb"),
            abbreviation_chars: abbreviation
                .iter()
                .map(|a| a.chars().count())
                .max()
                .unwrap_or(0),
            abbreviation,
            not_org: set("not_org"),
        }
    })
}

/// Outlet names as they appear in running text, for "the paper reported".
fn outlet_matcher(outlets: &Outlets) -> &'static (AhoCorasick, Vec<String>) {
    static MATCHER: OnceLock<(AhoCorasick, Vec<String>)> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let names: Vec<String> = outlets
            .names()
            .into_iter()
            .filter(|n| n.chars().count() >= 3 && n.chars().next().is_some_and(char::is_uppercase))
            .collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .expect("outlet names build an automaton");
        let canonical = names.iter().map(|n| outlets.canonical(n)).collect();
        (automaton, canonical)
    })
}

/// Who spoke, once resolved.
#[derive(Debug, Clone, PartialEq)]
struct Speaker {
    name: Option<String>,
    kind: SpeakerKind,
}

impl Speaker {
    fn named(name: String, kind: SpeakerKind) -> Speaker {
        Speaker {
            name: Some(name),
            kind,
        }
    }
    fn unnamed() -> Speaker {
        Speaker {
            name: None,
            kind: SpeakerKind::Unnamed,
        }
    }
}

/// One quoted span, in bytes of the body.
#[derive(Debug, Clone)]
struct Span {
    /// The opening mark.
    open: usize,
    /// Just after the closing mark (the paragraph's end when unclosed).
    close_end: usize,
    /// The quoted words, without marks or the trailing comma.
    text: (usize, usize),
    /// Runs to the paragraph's end and the next paragraph opens a quotation.
    continued: bool,
    paragraph: usize,
}

/// A word or mark outside quotations, in bytes of the body.
#[derive(Debug, Clone, Copy)]
struct Word<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

impl<'t> Word<'t> {
    fn is_punct(&self) -> bool {
        !self.text.chars().next().is_some_and(char::is_alphanumeric)
    }
    /// Lower case, borrowed when it already is (most words): this runs on
    /// every word of every article with a quotation.
    fn lower(&self) -> std::borrow::Cow<'t, str> {
        if self.text.chars().any(char::is_uppercase) {
            std::borrow::Cow::Owned(self.text.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(self.text)
        }
    }
    fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// A mark standing in for a whole quotation in the word list.
const QUOTE_WORD: &str = "\"";

fn opens(c: char) -> bool {
    matches!(c, '"' | '“' | '«' | '„')
}

fn closes(c: char) -> bool {
    matches!(c, '"' | '”' | '»' | '“')
}

/// What the article offers for resolving speakers.
pub struct Context<'a> {
    pub body: &'a str,
    /// People of the article, offsets in bytes of the text they were found
    /// in, where the body starts at `people_offset` (title, blank line, body).
    pub people: &'a [PersonMention],
    pub people_offset: usize,
    pub outlets: &'a Outlets,
    pub gazetteer: &'a Gazetteer,
    pub offices: &'a Offices,
    /// Offices the body names without their holder's name, resolved on the
    /// article's date ("the Turkish foreign minister").
    pub office_roles: &'a [Role],
    pub date: Option<NaiveDate>,
}

/// A title that introduces someone (at a byte offset of the body), lower
/// case: "the secretary of state" later names them again.
pub struct Role {
    pub at: usize,
    pub title: String,
    pub holder: String,
}

/// Every direct quotation of the body with its speaker.
pub fn find(ctx: &Context) -> Vec<Quote> {
    let body = ctx.body;
    if !body.contains(['"', '“', '”', '«']) {
        return Vec::new();
    }
    let paragraphs = paragraphs(body);
    let spans = quote_spans(body, &paragraphs);
    if spans.is_empty() {
        return Vec::new();
    }
    let finder = Finder::new(ctx, &paragraphs, &spans);
    finder.attribute()
}

/// Byte ranges of the non-empty lines: a quotation never spans two.
fn paragraphs(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in body.split('\n') {
        let end = start + line.len();
        if !line.trim().is_empty() {
            out.push((start, end));
        }
        start = end + 1;
    }
    out
}

/// The quoted spans of each paragraph: a straight mark opens or closes by
/// turns; a typographic one says which it is. An unclosed quotation counts
/// only when the next paragraph opens another (a quotation continued).
fn quote_spans(body: &str, paragraphs: &[(usize, usize)]) -> Vec<Span> {
    let mut spans = Vec::new();
    for (p, &(start, end)) in paragraphs.iter().enumerate() {
        let text = &body[start..end];
        let mut open: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            match open {
                None if opens(c) && next.is_some_and(|n| !n.is_whitespace()) && c != '”' => {
                    let before = text[..i].chars().next_back();
                    // A mark glued to a word's end closes nothing and opens nothing ("5'10"").
                    if before.is_none_or(|b| !b.is_alphanumeric() || c == '“') {
                        open = Some(start + i);
                    }
                }
                Some(o) if c == '“' && o - start < i && text[o - start..i].trim().len() > 1 => {
                    // A second opening mark before any close: the first was stray.
                    open = Some(start + i);
                }
                Some(o) if closes(c) && c != '“' => {
                    let inner_start = o + body[o..].chars().next().map_or(1, char::len_utf8);
                    spans.push(make_span(
                        body,
                        o,
                        inner_start,
                        start + i,
                        start + i + c.len_utf8(),
                        false,
                        p,
                    ));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            let next_opens = paragraphs
                .get(p + 1)
                .is_some_and(|&(s, e)| body[s..e].trim_start().chars().next().is_some_and(opens));
            if next_opens {
                let inner_start = o + body[o..].chars().next().map_or(1, char::len_utf8);
                spans.push(make_span(body, o, inner_start, end, end, true, p));
            }
        }
    }
    spans.retain(|s| body[s.text.0..s.text.1].split_whitespace().count() >= 2);
    spans
}

fn make_span(
    body: &str,
    open: usize,
    inner_start: usize,
    inner_end: usize,
    close_end: usize,
    continued: bool,
    paragraph: usize,
) -> Span {
    let inner = &body[inner_start..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim().trim_end_matches([',', ' ']);
    let s = inner_start + lead;
    Span {
        open,
        close_end,
        text: (s, s + trimmed.len()),
        continued,
        paragraph,
    }
}

/// A person of the article, in bytes of the body.
struct Person<'a> {
    start: usize,
    end: usize,
    canonical: &'a str,
}

struct Finder<'c, 'a> {
    ctx: &'c Context<'a>,
    people: Vec<Person<'a>>,
    paragraphs: &'c [(usize, usize)],
    spans: &'c [Span],
    /// Words and marks outside quotations, each quotation one `QUOTE_WORD`.
    words: Vec<Word<'a>>,
    /// Index of the first word of each sentence.
    sentence_starts: Vec<usize>,
    /// Outlet mentions (start byte, canonical name), in order; found on
    /// first need ("the paper reported"), as most articles never ask.
    outlet_mentions: std::cell::OnceCell<Vec<(usize, String)>>,
    /// The title each person is introduced with, lower case ("secretary of
    /// state" for "Secretary of State Mike Pompeo", "senator" for "Sen. Ed Markey").
    roles: Vec<Role>,
    /// The article's people, by `name_key`, and their surnames.
    person_keys: HashSet<String>,
    /// For each word, the end of the person mention it is part of.
    person_ends: Vec<Option<usize>>,
    surnames: HashSet<&'a str>,
}

impl<'c, 'a> Finder<'c, 'a> {
    fn new(ctx: &'c Context<'a>, paragraphs: &'c [(usize, usize)], spans: &'c [Span]) -> Self {
        let body = ctx.body;
        // Past the paragraph of the last quotation no word attributes
        // anything (a sentence never crosses a paragraph, and roles and
        // speakers are looked for before a quotation): those words are not
        // read, which spares a long article's tail.
        let words_end = spans
            .iter()
            .map(|q| paragraphs[q.paragraph].1.max(q.close_end))
            .max()
            .unwrap_or(body.len());
        let words = words_outside(body, spans, words_end);
        let sentence_starts = sentence_starts(body, &words, paragraphs);

        let people: Vec<Person> = ctx
            .people
            .iter()
            .filter(|m| m.start >= ctx.people_offset)
            .map(|m| Person {
                start: m.start - ctx.people_offset,
                end: m.end - ctx.people_offset,
                canonical: m.canonical.as_str(),
            })
            .collect();
        let roles = roles(&people, &words, ctx.gazetteer);
        let person_ends = {
            let mut ends = vec![None; words.len()];
            for m in &people {
                let first = words.partition_point(|w| w.start < m.start);
                for (k, w) in words.iter().enumerate().skip(first) {
                    if w.end > m.end {
                        break;
                    }
                    ends[k] = Some(m.end);
                }
            }
            ends
        };
        let person_keys = people.iter().map(|m| name_key(m.canonical)).collect();
        let surnames = people
            .iter()
            .filter_map(|m| m.canonical.rsplit(' ').next())
            .collect();
        Finder {
            ctx,
            people,
            paragraphs,
            spans,
            words,
            sentence_starts,
            outlet_mentions: std::cell::OnceCell::new(),
            roles,
            person_keys,
            person_ends,
            surnames,
        }
    }

    fn outlet_mentions(&self) -> &[(usize, String)] {
        self.outlet_mentions.get_or_init(|| {
            let body = self.ctx.body;
            let (automaton, canonical) = outlet_matcher(self.ctx.outlets);
            automaton
                .find_iter(body)
                .filter(|m| {
                    let before = body[..m.start()].chars().next_back();
                    let after = body[m.end()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
                .map(|m| (m.start(), canonical[m.pattern().as_usize()].clone()))
                .collect()
        })
    }

    /// The sentence (first word index, end word index) holding word `w`.
    fn sentence_of(&self, w: usize) -> (usize, usize) {
        let k = self.sentence_starts.partition_point(|&s| s <= w);
        let start = if k == 0 {
            0
        } else {
            self.sentence_starts[k - 1]
        };
        let end = self
            .sentence_starts
            .get(k)
            .copied()
            .unwrap_or(self.words.len());
        (start, end)
    }

    /// The word index of quotation `q`'s mark in the word list.
    fn quote_word(&self, q: &Span) -> Option<usize> {
        self.words.binary_search_by_key(&q.open, |w| w.start).ok()
    }

    fn attribute(&self) -> Vec<Quote> {
        // Every speech verb, resolved in order, so "he" finds who spoke last.
        let mut events: Vec<(usize, Option<Speaker>)> = Vec::new();
        let mut by_verb: HashMap<usize, Option<Speaker>> = HashMap::default();
        // Words after the last quotation attribute nothing.
        let last = self.spans.last().map_or(0, |q| q.close_end);
        let until = {
            let k = self.words.partition_point(|w| w.start < last);
            if k < self.words.len() {
                self.sentence_of(k).1
            } else {
                k
            }
        };
        let mut next_start = 0;
        for i in 0..until {
            let opens = self.sentence_starts.get(next_start) == Some(&i);
            next_start += usize::from(opens);
            // Only a person opening a sentence matters here: skip the others' resolution.
            if opens
                && let Some(subject) = self.sentence_subject_start(i)
                && ((subject.0..subject.1).any(|k| self.is_person_at(k))
                    || self.words[subject.0].lower() == "the")
            {
                let speaker = self.resolve(subject.0, subject.1, &events);
                if let Some(s) = speaker.filter(|s| s.kind == SpeakerKind::Person) {
                    events.push((self.words[i].start, Some(s)));
                }
            }
            if !self.is_verb(i, true) {
                continue;
            }
            let speaker = self.verb_speaker(i, &events);
            by_verb.insert(i, speaker.clone());
            if speaker.is_some() {
                events.push((self.words[i].start, speaker));
            }
        }
        let mut out: Vec<(Option<Speaker>, &Span)> = Vec::new();
        for (n, q) in self.spans.iter().enumerate() {
            let Some(qw) = self.quote_word(q) else {
                continue;
            };
            let speaker = if let Some(v) = self.verb_after(q, qw) {
                Some(by_verb.get(&v).cloned().flatten())
            } else if let Some(v) = self.verb_before(qw) {
                Some(by_verb.get(&v).cloned().flatten())
            } else {
                self.continues(n, qw, &out)
            };
            match speaker {
                Some(s) => out.push((s, q)),
                // Unattributed: a full sentence is still a quotation, a few words are a scare quote.
                None if self.sentence_like(q) => out.push((None, q)),
                None => {}
            }
        }
        // A quotation running on into the next paragraph is the next one's.
        for k in (0..out.len()).rev() {
            if out[k].1.continued && out[k].0.is_none() && k + 1 < out.len() {
                out[k].0 = out[k + 1].0.clone();
            }
        }
        let mut offsets = CharCounter::new(self.ctx.body);
        out.into_iter()
            .map(|(speaker, q)| Quote {
                text: self.ctx.body[q.text.0..q.text.1].to_string(),
                speaker: speaker.as_ref().and_then(|s| s.name.clone()),
                // Someone not named: no kind to tell either.
                speaker_kind: speaker
                    .filter(|s| s.name.is_some() || s.kind == SpeakerKind::Unnamed)
                    .map(|s| s.kind),
                start: offsets.at(q.text.0),
                end: offsets.at(q.text.1),
            })
            .collect()
    }

    /// "is reported", "was told": nobody before the verb said anything.
    fn passive(&self, i: usize) -> bool {
        i > 0 && cues().passive.contains(&*self.words[i - 1].lower())
    }

    /// Whether word `k` reports speech: a speech verb (or participle, or
    /// "according to") that is not passive and not a noun or adjective after a
    /// determiner or a possessive ("his calls", "Obama's continued use").
    fn is_verb(&self, k: usize, participles: bool) -> bool {
        let cues = cues();
        // Most words start with no verb's first letter: no lower-casing, no lookup.
        let [a, b, ..] = self.words[k].text.as_bytes() else {
            return false;
        };
        let key = usize::from(a.to_ascii_lowercase()) << 8 | usize::from(b.to_ascii_lowercase());
        if !cues.verb_initials[key] {
            return false;
        }
        let lower = self.words[k].lower();
        let kind = cues.speech(&lower);
        let verb = kind & VERB != 0
            || (participles && kind & PARTICIPLE != 0)
            || (kind & ACCORDING != 0 && self.words.get(k + 1).is_some_and(|w| w.text == "to"));
        if !verb || self.passive(k) {
            return false;
        }
        let Some(prev) = k.checked_sub(1).map(|j| &self.words[j]) else {
            return true;
        };
        !(cues.determiner.contains(&*prev.lower()) || possessive_word(prev.text))
    }

    /// A quotation of eight words or more that opens with a capital.
    fn sentence_like(&self, q: &Span) -> bool {
        let text = &self.ctx.body[q.text.0..q.text.1];
        text.split_whitespace().count() >= 8
            && text
                .trim_start_matches(['[', '('])
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// `"...," X said` / `"...," said X`: a speech verb in the clause right
    /// after the closing mark, within the same sentence.
    fn verb_after(&self, q: &Span, qw: usize) -> Option<usize> {
        let cues = cues();
        let inner = self.ctx.body[q.text.0..q.text.1].trim_end();
        let mut i = qw + 1;
        while self
            .words
            .get(i)
            .is_some_and(|w| matches!(w.text, "," | "—" | "–" | "-"))
        {
            i += 1;
        }
        let first = self.words.get(i)?;
        if first.start >= self.paragraph_end(q.paragraph) {
            return None;
        }
        // A quotation that ended its sentence is followed by another sentence,
        // unless the clause goes on in lower case ("... ." said the official).
        if inner.ends_with(['.', '!', '?'])
            && first.capitalised()
            && cues.speech(&first.lower()) & VERB == 0
        {
            // "“...?” Kvamme asked": a name and a verb right after still attribute.
            let verb_next = (i + 1..(i + 5).min(self.words.len()))
                .take_while(|&k| !self.words[k].is_punct())
                .any(|k| cues.speech(&self.words[k].lower()) & VERB != 0);
            if inner.ends_with('.') || !verb_next {
                return None;
            }
        }
        let (_, end) = self.sentence_of(i);
        // "“...,” while Gantz said": another clause, not an attribution.
        (i..end.min(i + 20))
            .take_while(|&k| {
                let w = &self.words[k];
                // "“...,” AOL co-founder and Revolution CEO Steve Case wrote" keeps its "and".
                let joins = matches!(w.text, "and" | "or" | "&") && k > i;
                w.text != QUOTE_WORD && w.text != ";" && (joins || !cues.stop.contains(w.text))
            })
            // "“a good Jew,” prompted a flood of tweets": a clause with its own verb.
            .take_while(|&k| {
                let w = &self.words[k];
                !(w.text.ends_with("ed") && !w.capitalised() && cues.speech(w.text) & VERB == 0)
            })
            .find(|&k| self.is_verb(k, false))
    }

    /// `X said: "..."`, `Moon also said the young dictator "has..."`: the last
    /// speech verb of the sentence before the opening mark.
    fn verb_before(&self, qw: usize) -> Option<usize> {
        let (start, _) = self.sentence_of(qw);
        // A verb right after another quotation attributes that one.
        (start..qw)
            .rev()
            .find(|&k| self.is_verb(k, true) && !(k > start && self.after_quote(k)))
    }

    /// Whether only punctuation stands between a closing mark and word `k`
    /// ("“...,” said X", "“...,” Clinton added": both attribute the earlier quotation).
    fn after_quote(&self, k: usize) -> bool {
        let (sentence, _) = self.sentence_of(k);
        let mut names = 0;
        for j in (sentence..k).rev() {
            let w = &self.words[j];
            if w.text == QUOTE_WORD {
                return true;
            }
            if w.is_punct() && w.text != "," {
                return false;
            }
            // "“...,” while Gantz said": the verb opens another clause.
            if cues().stop.contains(w.text) && !matches!(w.text, "and" | "or") {
                return false;
            }
            if !w.is_punct() {
                names += 1;
                if names > 14 {
                    return false;
                }
            }
        }
        false
    }

    /// A quotation with no verb of its own continues the one before it: in
    /// the same paragraph when it opens a new sentence, or as a paragraph
    /// of its own right after the paragraph where someone spoke.
    /// Outer `None`: no continuation; inner: the speaker it continues (maybe unknown).
    fn continues(
        &self,
        n: usize,
        qw: usize,
        done: &[(Option<Speaker>, &Span)],
    ) -> Option<Option<Speaker>> {
        let q = &self.spans[n];
        let (start, _) = self.sentence_of(qw);
        if start != qw {
            return None;
        }
        let para_start = self.paragraphs[q.paragraph].0;
        let opens_paragraph = self.ctx.body[para_start..q.open].trim().is_empty();
        if let Some(prev) = done.last() {
            if prev.1.paragraph == q.paragraph {
                return Some(prev.0.clone());
            }
            // The paragraph opens with this quotation and the previous paragraph ended with one.
            if opens_paragraph && prev.1.paragraph + 1 == q.paragraph {
                return Some(prev.0.clone());
            }
        }
        // "Lewis wrote on Twitter. "..."": the sentence before, in the same
        // paragraph, reports speech and quotes nothing itself.
        if !opens_paragraph && start > 0 {
            let (ps, _) = self.sentence_of(start - 1);
            let para_start = self.paragraphs[q.paragraph].0;
            if self.words[ps].start >= para_start
                && !(ps..start).any(|k| self.words[k].text == QUOTE_WORD)
                && let Some(v) = (ps..start).rev().find(|&k| self.is_verb(k, false))
            {
                return Some(
                    self.verb_speaker(v, &[])
                        .filter(|s| s.kind == SpeakerKind::Person),
                );
            }
        }
        if opens_paragraph {
            // "BT chairman Sir George Jefferson said work will continue." then a quotation alone.
            let (ps, pe) = *self.paragraphs.get(q.paragraph.checked_sub(1)?)?;
            let from = self.words.partition_point(|w| w.start < ps);
            let to = self.words.partition_point(|w| w.end <= pe);
            let last_verb = (from..to).rev().find(|&k| self.is_verb(k, false))?;
            let speaker = self.verb_speaker(last_verb, &[]);
            return speaker.filter(|s| s.kind == SpeakerKind::Person).map(Some);
        }
        None
    }

    fn paragraph_end(&self, p: usize) -> usize {
        self.paragraphs
            .get(p)
            .map_or(self.ctx.body.len(), |&(_, e)| e)
    }

    /// The speaker of the speech verb at word `v`.
    fn verb_speaker(&self, v: usize, events: &[(usize, Option<Speaker>)]) -> Option<Speaker> {
        let cues = cues();
        let lower = self.words[v].lower();
        let (sentence, end) = self.sentence_of(v);
        let kind = cues.speech(&lower);
        if kind & ACCORDING != 0 {
            let (s, e) = self.phrase_after(v + 2, end);
            return self.resolve(s, e, events);
        }
        if kind & PARTICIPLE != 0 {
            // "with House Speaker Paul Ryan vowing": the name right before it.
            if v > sentence
                && let Some(end) = self.person_at(v - 1)
                && self.words[v - 1].end == end
            {
                let (s, e) = self.phrase_before(sentence, v);
                return self.resolve(s, e, events);
            }
            let (s, e) = self.sentence_subject(sentence, v)?;
            return self.resolve(s, e, events);
        }
        if self.after_quote(v) && v > sentence {
            // "“...,” said Roy Bahat, head of..." or "“...,” Nauert said".
            let mut k = v;
            while k > sentence && self.words[k - 1].text != QUOTE_WORD {
                k -= 1;
            }
            let before: Vec<usize> = (k..v).filter(|&j| !self.words[j].is_punct()).collect();
            if before.is_empty() {
                let (s, e) = self.phrase_after(v + 1, end);
                return self.resolve(s, e, events);
            }
            let (s, e) = self.subject_before(k, v);
            return self.resolve(s, e, events);
        }
        let (s, e) = self.subject_before(sentence, v);
        // "Jeffrey Lewis, who said": the one the relative clause is about.
        if s == e && s > sentence && self.words[s - 1].text == "who" {
            let mut k = s - 1;
            while k > sentence && self.words[k - 1].text == "," {
                k -= 1;
            }
            let (s, e) = self.phrase_before(sentence, k);
            return self.resolve(s, e, events);
        }
        if s == e {
            // "... and said he would": the sentence's subject.
            let (s, e) = self.sentence_subject(sentence, v)?;
            return self.resolve(s, e, events);
        }
        self.resolve(s, e, events)
    }

    /// The subject before a verb; across an appositive closed by a comma
    /// ("Sen. Martha McSally, a fellow Republican and McCain's Senate seat
    /// replacement, told"), the name before the appositive.
    fn subject_before(&self, floor: usize, v: usize) -> (usize, usize) {
        let mut v = v;
        while v > floor && cues().adverb.contains(&*self.words[v - 1].lower()) {
            v -= 1;
        }
        if v > floor + 1
            && self.words[v - 1].text == ","
            && let Some(open) = (floor..v - 1)
                .rev()
                .take(24)
                .find(|&j| self.words[j].text == ",")
        {
            let (s, e) = self.phrase_before(floor, open);
            if (s..e).any(|k| self.is_person_at(k)) {
                return (s, e);
            }
        }
        self.phrase_before(floor, v)
    }

    /// The words naming who speaks after a verb: up to a comma or a preposition.
    fn phrase_after(&self, from: usize, end: usize) -> (usize, usize) {
        let cues = cues();
        let mut k = from;
        while k < end.min(from + 8) {
            let w = &self.words[k];
            if w.is_punct() || (k > from && cues.preposition.contains(w.text)) {
                break;
            }
            k += 1;
        }
        (from, k)
    }

    /// The words naming who speaks before a verb at `v`, read leftwards to a
    /// mark or a conjunction, dropping an appositive ("Rep. Charlie Dent, a
    /// moderate GOP member from Pennsylvania, told") and trailing adverbs.
    fn phrase_before(&self, floor: usize, v: usize) -> (usize, usize) {
        let cues = cues();
        let mut end = v;
        while end > floor && cues.adverb.contains(&*self.words[end - 1].lower()) {
            end -= 1;
        }
        let mut start = end;
        while start > floor {
            let w = &self.words[start - 1];
            let lower = w.lower();
            if w.text == QUOTE_WORD || matches!(w.text, ":" | ";" | "(" | ")" | "—" | "–") {
                break;
            }
            if !w.capitalised() && cues.stop.contains(&*lower) {
                break;
            }
            start -= 1;
            if end - start >= 14 {
                break;
            }
        }
        // Comma segments: the last one, or the one before an appositive closed by a comma.
        let segments: Vec<(usize, usize)> = {
            let mut out = Vec::new();
            let mut s = start;
            for k in start..end {
                if self.words[k].text == "," {
                    out.push((s, k));
                    s = k + 1;
                }
            }
            out.push((s, end));
            out
        };
        let mut pick = *segments.last().unwrap_or(&(end, end));
        if pick.0 == pick.1 && segments.len() >= 3 {
            // "X, a ... member, told": the appositive is segments[len-2].
            pick = segments[segments.len() - 3];
        } else if pick.0 == pick.1 && segments.len() == 2 {
            pick = segments[0];
        }
        // A speaker phrase ends before a preposition ("Saeb Erekat in a statement").
        let (s, mut e) = pick;
        if let Some(k) = (s + 1..e).find(|&k| cues.preposition.contains(self.words[k].text)) {
            // ...except inside an office ("the Secretary of State") or a title
            // before a name ("Chancellor of the Exchequer Nigel Lawson").
            if !self.office_in(s, e) && !self.is_person_at(e - 1) {
                e = k;
            }
        }
        (s, e)
    }

    /// The subject opening a sentence: its leading words after connectives,
    /// up to the first lower-case word that is no part of a name.
    fn sentence_subject(&self, sentence: usize, limit: usize) -> Option<(usize, usize)> {
        let cues = cues();
        let mut k = sentence;
        // "However, Jeffrey Lewis": a few opening words closed by a comma.
        if let Some(c) = (k..(k + 4).min(limit)).find(|&j| self.words[j].text == ",")
            && (k..c).all(|j| cues.connective.contains(&*self.words[j].lower()))
        {
            k = c + 1;
        }
        while k < limit
            && cues.connective.contains(&*self.words[k].lower())
            && !self.is_person_at(k)
        {
            k += 1;
        }
        let start = k;
        while k < limit && k < start + 8 {
            let w = &self.words[k];
            let lower = w.lower();
            // "Secretary of State Hillary Clinton": a name's run goes on through "of".
            let joins = matches!(w.text, "of" | "the")
                && k > start
                && self.words.get(k + 1).is_some_and(|n| n.capitalised());
            if w.is_punct() || (!w.capitalised() && !cues.pronoun.contains(&*lower) && !joins) {
                if k == start {
                    return None;
                }
                break;
            }
            // The first person named ends the subject.
            if let Some(m) = self.person_at(k) {
                while k < limit && self.words[k].end <= m {
                    k += 1;
                }
                return Some((start, k.max(start + 1)));
            }
            k += 1;
            if cues.pronoun.contains(&*lower) {
                break;
            }
        }
        (k > start).then_some((start, k))
    }

    /// A sentence opening with a person makes that person the one "he" means
    /// next: returns the subject when word `i` opens a sentence.
    fn sentence_subject_start(&self, i: usize) -> Option<(usize, usize)> {
        self.sentence_starts.binary_search(&i).ok()?;
        // "The president took to Twitter": a description, when it names someone.
        if self.words[i].lower() == "the" {
            let titles = &self.ctx.gazetteer.titles;
            let mut k = i + 1;
            while k < self.words.len()
                && k < i + 6
                && (titles.contains(self.words[k].text) || self.words[k].capitalised())
            {
                k += 1;
            }
            if k > i + 1 && self.description(i, k).is_some_and(|s| s.name.is_some()) {
                return Some((i, k));
            }
        }
        let (_, end) = self.sentence_of(i);
        let (s, e) = self.sentence_subject(i, end)?;
        let pronoun = (s..e).any(|k| cues().pronoun.contains(&*self.words[k].lower()));
        (!pronoun).then_some((s, e))
    }

    fn is_person_at(&self, k: usize) -> bool {
        self.person_at(k).is_some()
    }

    /// The end of the person mention that word `k` is part of.
    fn person_at(&self, k: usize) -> Option<usize> {
        self.person_ends.get(k).copied().flatten()
    }

    fn office_in(&self, s: usize, e: usize) -> bool {
        if s >= e {
            return false;
        }
        let text = &self.ctx.body[self.words[s].start..self.words[e - 1].end];
        self.ctx.offices.mention(self.ctx.gazetteer, text).is_some()
    }

    /// Who the words `s..e` name: an office holder on the article's date, a
    /// person of the article, a pronoun's antecedent, an unnamed source, an
    /// outlet, or an organisation.
    fn resolve(&self, s: usize, e: usize, events: &[(usize, Option<Speaker>)]) -> Option<Speaker> {
        if s >= e {
            return None;
        }
        let cues = cues();
        let body = self.ctx.body;
        let (from, to) = (self.words[s].start, self.words[e - 1].end);
        let phrase = &body[from..to];
        // An office: "the Secretary of State", "Russia's president" (a title
        // word first, as most phrases have none).
        let gaz = self.ctx.gazetteer;
        if (s..e).any(|k| {
            let w = self.words[k].text;
            gaz.titles.contains(w) || gaz.titles.contains(&*self.words[k].lower())
        }) && let Some(office) = self.ctx.offices.mention(gaz, phrase)
            && let Some(holder) = self
                .ctx
                .date
                .and_then(|d| self.ctx.offices.holder(&office, d))
        {
            return Some(Speaker::named(holder.to_string(), SpeakerKind::Person));
        }
        let head = &self.words[e - 1];
        let head_lower = head.lower();
        // A person of the article heading the phrase (not "Netanyahu's office").
        if let Some(m) = self
            .people
            .iter()
            .rfind(|m| m.start >= from && m.end <= to && !possessive(&body[m.end..]))
            && (head.end <= m.end
                || (s..e)
                    .filter(|&k| self.words[k].start >= m.end)
                    .all(|k| self.words[k].is_punct() || self.words[k].text.starts_with('<')))
        {
            return Some(Speaker::named(m.canonical.to_string(), SpeakerKind::Person));
        }
        if e - s == 1 && cues.pronoun.contains(&*head_lower) {
            return self.antecedent(events, |k| {
                matches!(k, SpeakerKind::Person | SpeakerKind::Unnamed)
            });
        }
        // "the paper reported": the outlet named last ("a report" is any report).
        if !head.capitalised()
            && cues.outlet_ref.contains(&*head_lower)
            && self.words[s].lower() == "the"
        {
            return self
                .outlet_mentions()
                .iter()
                .rev()
                .find(|(at, _)| *at < from)
                .map(|(_, name)| Speaker::named(name.clone(), SpeakerKind::Outlet));
        }
        if let Some(speaker) = self.description(s, e) {
            return Some(speaker);
        }
        if !head.capitalised() && cues.unnamed.contains(&*head_lower) {
            return Some(Speaker::unnamed());
        }
        if cues.unnamed.contains(&*head_lower) && e - s == 1 {
            return Some(Speaker::unnamed());
        }
        if cues.org_ref.contains(&*head_lower) && (!head.capitalised() || head_lower == "it") {
            return self.antecedent(events, |k| k == SpeakerKind::Organisation);
        }
        self.organisation(s, e)
    }

    /// "the senator", "The president", "the Wisconsin representative": the one
    /// person the article introduced with that title; someone unknown (who
    /// still ends what "he" may refer to) when none or several were.
    fn description(&self, s: usize, e: usize) -> Option<Speaker> {
        if self.words[s].lower() != "the" || e - s < 2 {
            return None;
        }
        let titles = &self.ctx.gazetteer.titles;
        let is_title = |w: &Word| {
            titles.contains(w.text)
                || w.text.starts_with(char::is_lowercase) && {
                    let capital: String = w
                        .text
                        .chars()
                        .take(1)
                        .flat_map(char::to_uppercase)
                        .chain(w.text.chars().skip(1))
                        .collect();
                    titles.contains(&capital)
                }
        };
        let mut k = e;
        while k > s + 1
            && (is_title(&self.words[k - 1]) || matches!(self.words[k - 1].text, "of" | "the"))
        {
            k -= 1;
        }
        if k == e || !is_title(&self.words[e - 1]) {
            return None;
        }
        let role = self.ctx.body[self.words[k].start..self.words[e - 1].end].to_lowercase();
        let before = self.words[s].start;
        let matches = |r: &&Role| r.at < before && role_matches(&r.title, &role);
        let mut people: Vec<&str> = self
            .roles
            .iter()
            .filter(matches)
            .map(|r| r.holder.as_str())
            .collect();
        // Nobody introduced with the title: an office named without its holder
        // ("the Turkish foreign minister"), when no other foreign minister (one
        // the table lacks: "the Greek foreign minister") was named before.
        if people.is_empty() {
            people = self
                .ctx
                .office_roles
                .iter()
                .filter(matches)
                .map(|r| r.holder.as_str())
                .collect();
            let named = people.len();
            if named > 0 && whole_word_count(&self.ctx.body[..before].to_lowercase(), &role) > named
            {
                people.clear();
            }
        }
        people.sort_unstable();
        people.dedup();
        match people[..] {
            [one] => Some(Speaker::named(one.to_string(), SpeakerKind::Person)),
            _ if cues().org_ref.contains(&role) || cues().outlet_ref.contains(&role) => None,
            _ => Some(Speaker {
                name: None,
                kind: SpeakerKind::Person,
            }),
        }
    }

    /// The latest speaker of an accepted kind, or none when the latest
    /// speaker is of another kind (then "he" is not settled).
    fn antecedent(
        &self,
        events: &[(usize, Option<Speaker>)],
        accept: impl Fn(SpeakerKind) -> bool,
    ) -> Option<Speaker> {
        events
            .iter()
            .rev()
            .filter_map(|(_, s)| s.as_ref())
            .find(|s| accept(s.kind) || s.kind == SpeakerKind::Person)
            .filter(|s| accept(s.kind))
            .cloned()
    }

    /// A capitalised name closing the phrase, when it is no person: an
    /// outlet ("CNN reports") or an organisation ("Google said").
    fn organisation(&self, s: usize, e: usize) -> Option<Speaker> {
        let cues = cues();
        let mut end = e;
        // A stock ticker after a company's name: "The Adelaide Steamship Co Ltd <ADSA.S>".
        while end > s
            && (self.words[end - 1].text.starts_with('<') || self.words[end - 1].text == ">")
        {
            end -= 1;
        }
        let mut start = end;
        while start > s {
            let w = &self.words[start - 1];
            let joins = matches!(w.text, "of" | "and" | "for" | "&") && start < end;
            if !(w.capitalised() || joins) || w.is_punct() && w.text != "&" {
                break;
            }
            start -= 1;
        }
        while start < end && !self.words[start].capitalised() {
            start += 1;
        }
        if start < end && self.words[start].text == "The" {
            start += 1;
        }
        if start >= end {
            return None;
        }
        let name = &self.ctx.body[self.words[start].start..self.words[end - 1].end];
        if end - start == 1 && cues.not_org.contains(&name.to_lowercase()) {
            return None;
        }
        if cues.pronoun.contains(&name.to_lowercase())
            || cues.unnamed.contains(&name.to_lowercase())
        {
            return None;
        }
        // "The 54-year-old former CIA Director", "President Obama", "Obama's":
        // a title, a possessive or a person's name is no organisation.
        let gaz = self.ctx.gazetteer;
        if (start..end).any(|k| possessive_word(self.words[k].text)) {
            return None;
        }
        // Someone this article does not name in full: a person nobody can
        // tell, who still ends what a later "he" may refer to.
        if (start..end).any(|k| {
            let w = self.words[k].text;
            gaz.titles.contains(w) || self.surnames.contains(w)
        }) {
            return Some(Speaker {
                name: None,
                kind: SpeakerKind::Person,
            });
        }
        // Someone the article names elsewhere: a person, so not an organisation.
        if self.person_keys.contains(&name_key(name))
            || self
                .surnames
                .contains(name.rsplit(' ').next().unwrap_or(name))
        {
            return None;
        }
        if self.ctx.outlets.is_outlet_name(name) {
            return Some(Speaker::named(
                self.ctx.outlets.canonical(name),
                SpeakerKind::Outlet,
            ));
        }
        Some(Speaker::named(name.to_string(), SpeakerKind::Organisation))
    }
}

/// A word ending in a possessive ("Obama's", "Netanyahu’s", "Democrats'").
fn possessive_word(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with("s'") || word.ends_with("s’")
}

/// "'s" or "’s" right after a name.
fn possessive(rest: &str) -> bool {
    rest.starts_with("'s")
        || rest.starts_with("’s")
        || rest.starts_with('\'')
        || rest.starts_with('’')
}

/// Whether a person introduced as `role` is "the `description`": the same
/// title, or one ending with it after a qualifier ("u.s. secretary of state"
/// is "the secretary of state"; "vice president" is not "the president").
fn role_matches(role: &str, description: &str) -> bool {
    if role == description {
        return true;
    }
    let Some(before) = role
        .strip_suffix(description)
        .and_then(|b| b.strip_suffix(' '))
    else {
        return false;
    };
    let last = before.rsplit(' ').next().unwrap_or("");
    !matches!(
        last,
        "vice" | "deputy" | "assistant" | "under" | "former" | "acting"
    )
}

/// How often `word` (lower case) stands as whole words in `text`.
fn whole_word_count(text: &str, word: &str) -> usize {
    text.match_indices(word)
        .filter(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .count()
}

/// The title right before each person's name, as "the ..." would name it.
fn roles(people: &[Person], words: &[Word], gaz: &Gazetteer) -> Vec<Role> {
    let cues = cues();
    let titles = &gaz.titles;
    let mut out = Vec::new();
    for m in people {
        let Ok(first) = words.binary_search_by_key(&m.start, |w| w.start) else {
            continue;
        };
        let mut k = first;
        let mut parts: Vec<String> = Vec::new();
        while k > 0 {
            let w = &words[k - 1];
            let lower = w.lower();
            let title = titles.contains(w.text) && w.capitalised();
            let joins = matches!(w.text, "of" | "the") && !parts.is_empty();
            if let Some(role) = cues.role_abbreviation.get(&*lower) {
                parts.push(role.clone());
            } else if title || joins {
                parts.push(lower.into_owned());
            } else {
                break;
            }
            k -= 1;
        }
        while parts.last().is_some_and(|p| p == "of" || p == "the") {
            parts.pop();
        }
        if !parts.is_empty() {
            parts.reverse();
            out.push(Role {
                at: m.start,
                title: parts.join(" "),
                holder: m.canonical.to_string(),
            });
        }
    }
    out
}

/// The words of the body up to byte `end` outside quotations, with each
/// quotation as one mark.
fn words_outside<'t>(body: &'t str, spans: &[Span], end: usize) -> Vec<Word<'t>> {
    let mut out = Vec::with_capacity(end / 5);
    let mut cut = 0;
    for q in spans {
        if q.open < cut {
            continue;
        }
        push_words(body, cut, q.open, &mut out);
        out.push(Word {
            start: q.open,
            end: q.close_end,
            text: QUOTE_WORD,
        });
        cut = q.close_end;
    }
    push_words(body, cut, end.max(cut), &mut out);
    out
}

fn push_words<'t>(body: &'t str, from: usize, to: usize, out: &mut Vec<Word<'t>>) {
    let text = &body[from..to];
    let cues = cues();
    let word = |start: usize, end: usize| Word {
        start: from + start,
        end: from + end,
        text: &body[from + start..from + end],
    };
    let mut i = 0;
    while i < text.len() {
        let (c, width) = char_at(text, i);
        if c.is_alphanumeric() {
            let mut end = i + width;
            while end < text.len() {
                let (d, width) = char_at(text, end);
                let inner = matches!(d, '-' | '\'' | '’' | '.')
                    && text[end + width..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if !(d.is_alphanumeric() || inner) {
                    break;
                }
                end += width;
            }
            // "Mr." and "U.S." keep their dot; a sentence's full stop does not.
            if text[end..].starts_with('.') {
                let letters = text[i..end].chars().count();
                if letters == 1
                    || (letters <= cues.abbreviation_chars
                        && cues.abbreviation.contains(&text[i..end].to_lowercase()))
                {
                    end += 1;
                }
            }
            out.push(word(i, end));
            i = end;
        } else if c == '<' {
            // A ticker "<ADSA.S>" is one word.
            let close = text[i..].find('>').filter(|&n| n < 24);
            let end = close.map_or(i + 1, |n| i + n + 1);
            out.push(word(i, end));
            i = end;
        } else {
            if !c.is_whitespace() {
                out.push(word(i, i + width));
            }
            i += width;
        }
    }
}

/// Indices of the words that open a sentence: the first of each paragraph,
/// and any after a full stop, question or exclamation mark, or after a
/// quotation ending in one, when a capital or a quotation follows.
fn sentence_starts(body: &str, words: &[Word], paragraphs: &[(usize, usize)]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut p = 0;
    for (i, w) in words.iter().enumerate() {
        let mut new_paragraph = false;
        while p < paragraphs.len() && paragraphs[p].0 <= w.start {
            p += 1;
            new_paragraph = true;
        }
        if i == 0 || new_paragraph {
            out.push(i);
            continue;
        }
        let prev = &words[i - 1];
        let ends = matches!(prev.text, "." | "!" | "?" | "…")
            || (prev.text == QUOTE_WORD
                && body[prev.start..prev.end]
                    .trim_end_matches(['"', '”', '»', ' '])
                    .ends_with(['.', '!', '?']));
        let opens = w.capitalised() || w.text == QUOTE_WORD || w.text.starts_with(char::is_numeric);
        if ends && opens {
            out.push(i);
        }
    }
    out
}

/// Character offsets to byte offsets, by counting from the nearest of
/// every 64th character.
struct CharOffsets<'t> {
    text: &'t str,
    marks: Vec<usize>,
}

impl<'t> CharOffsets<'t> {
    fn new(text: &'t str) -> CharOffsets<'t> {
        let marks = text.char_indices().step_by(64).map(|(b, _)| b).collect();
        CharOffsets { text, marks }
    }

    /// The byte where character `n` starts (the end for the character count).
    fn byte(&self, n: usize) -> Option<usize> {
        let k = (n / 64).min(self.marks.len().saturating_sub(1));
        let from = self.marks.get(k).copied().unwrap_or(0);
        let rest = n - k * 64;
        match self.text[from..].char_indices().nth(rest) {
            Some((b, _)) => Some(from + b),
            None => (self.text[from..].chars().count() == rest).then_some(self.text.len()),
        }
    }
}

/// Character offsets of byte offsets, counted on from the last one asked
/// for: quotations come in order, and counting each from the body's start
/// cost a long article's length per quotation (a fortieth of a build). The
/// characters are the bytes that do not continue a UTF-8 sequence, a count
/// the compiler vectorises.
struct CharCounter<'a> {
    text: &'a [u8],
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> CharCounter<'a> {
        CharCounter {
            text: text.as_bytes(),
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.byte {
            (self.byte, self.chars) = (0, 0);
        }
        // A byte that does not continue a UTF-8 sequence starts a character.
        self.chars += self.text[self.byte..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count();
        self.byte = byte;
        self.chars
    }
}

/// The names quoted in an article, once each, in order: the `speakers` facet.
pub fn speakers(quotes: &[Quote]) -> Vec<&str> {
    let mut seen = HashSet::default();
    quotes
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .filter(|s| seen.insert(*s))
        .collect()
}

/// One stored quotation: the text is the body's, so only offsets and speaker are kept.
#[derive(serde::Serialize, serde::Deserialize)]
struct Stored(usize, usize, Option<SpeakerKind>, Option<String>);

/// The quotations as stored in the index (JSON, without their text).
pub fn encode(quotes: &[Quote]) -> String {
    let stored: Vec<Stored> = quotes
        .iter()
        .map(|q| Stored(q.start, q.end, q.speaker_kind, q.speaker.clone()))
        .collect();
    serde_json::to_string(&stored).unwrap_or_default()
}

/// The quotations of a stored article, their text taken from its body; an
/// unreadable value or offsets past the body give none.
pub fn decode(stored: &str, body: &str) -> Vec<Quote> {
    let Ok(stored) = serde_json::from_str::<Vec<Stored>>(stored) else {
        return Vec::new();
    };
    let offsets = CharOffsets::new(body);
    let byte = |char_at: usize| offsets.byte(char_at);
    stored
        .into_iter()
        .filter_map(|Stored(start, end, speaker_kind, speaker)| {
            let text = body.get(byte(start)?..byte(end)?)?.to_string();
            Some(Quote {
                text,
                speaker,
                speaker_kind,
                start,
                end,
            })
        })
        .collect()
}

/// The quotations of one speaker (any if none is given) whose words match:
/// `speaker` is a canonical name, or a surname alone ("Pompeo" is Mike
/// Pompeo), compared ignoring case and punctuation; `matches` says whether a
/// quotation's text matches the query (the search highlighter does).
pub fn matching<'q>(
    quotes: &'q [Quote],
    speaker: Option<&str>,
    matches: impl Fn(&str) -> bool,
) -> Vec<&'q Quote> {
    let wanted = speaker.map(name_key);
    quotes
        .iter()
        .filter(|q| match (&wanted, q.speaker.as_deref()) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(w), Some(s)) => {
                name_key(s) == *w
                    || s.rsplit(' ')
                        .next()
                        .is_some_and(|last| name_key(last) == *w)
            }
        })
        .filter(|q| matches(&q.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, SpeakerKind};
    use crate::extract::Extractor;

    #[test]
    fn char_counter_counts_on_and_back() {
        let text = "Naïve “déjà vu”, said Zoë.";
        let mut offsets = super::CharCounter::new(text);
        let expected = |byte: usize| text[..byte].chars().count();
        for byte in [0, 3, 10, 10, text.len(), 4, text.len() + 5] {
            let byte_in = byte.min(text.len());
            if text.is_char_boundary(byte_in) {
                assert_eq!(offsets.at(byte), expected(byte_in), "at byte {byte}");
            }
        }
    }

    /// (text, speaker, kind) of each quotation of `body` in an article of `date`.
    fn quotes(
        body: &str,
        date: Option<&str>,
    ) -> Vec<(String, Option<String>, Option<SpeakerKind>)> {
        let mut a = Article {
            title: "Title".into(),
            body: body.into(),
            ..Article::default()
        };
        a.raw.date = date.map(String::from);
        Extractor::shared().extract(&mut a);
        let chars: Vec<char> = a.body.chars().collect();
        a.quotes
            .into_iter()
            .map(|q| {
                // Offsets are characters of the body.
                assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
                (q.text, q.speaker, q.speaker_kind)
            })
            .collect()
    }

    fn speakers(body: &str, date: Option<&str>) -> Vec<Option<String>> {
        quotes(body, date).into_iter().map(|q| q.1).collect()
    }

    fn some(names: &[&str]) -> Vec<Option<String>> {
        names.iter().map(|n| Some(n.to_string())).collect()
    }

    #[test]
    fn the_patterns_of_attribution() {
        let body = "State Department spokeswoman Heather Nauert spoke on Tuesday.\n\n\
            \"We have no plans to announce at this point,\" Nauert said. \
            \"We will have correspondence with the government.\"\n\n\
            “I can tell you that conversations are becoming normal,” she continued.\n\n\
            Nauert told reporters \"there is nothing more to say today.\"\n\n\
            \"The talks went well for both sides,\" said Jeffrey Lewis, an arms control expert.\n\n\
            Lewis wrote on Twitter. \"They are offering gestures that mimic disarmament.\"";
        assert_eq!(
            speakers(body, None),
            some(&[
                "Heather Nauert",
                "Heather Nauert",
                "Heather Nauert",
                "Heather Nauert",
                "Jeffrey Lewis",
                "Jeffrey Lewis"
            ])
        );
    }

    #[test]
    fn partial_quotes_and_paragraph_continuations() {
        let body = "South Korean President Moon Jae-in met reporters in Seoul.\n\n\
            Moon also said the young dictator \"has expressed his will to meet President Trump.\"\n\n\
            House Speaker Paul Ryan said the vote \"will happen next week, whatever the Senate does,\n\n\
            \"and we will not wait for anybody.\"";
        let q = quotes(body, None);
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some("Moon Jae-in"));
        assert_eq!(q[1].1.as_deref(), Some("Paul Ryan"));
        assert_eq!(q[2].1.as_deref(), Some("Paul Ryan"));
    }

    #[test]
    fn outlets_organisations_and_unnamed_sources() {
        let body = "Diplomatic sources spoke with South Korea's JoongAng Ilbo on Sunday.\n\n\
            “The two sides discussed a declaration to end the war,” the paper reported.\n\n\
            \"Any questions raised about our credit are ridiculous,\" a Drexel spokesman said.\n\n\
            In a statement, Google said it was “troubled by allegations of snooping.”\n\n\
            “We have long been concerned about this,” the company said.\n\n\
            \"The meeting took place last Sunday at the border,\" said sources.";
        let q = quotes(body, None);
        let got: Vec<(Option<&str>, Option<SpeakerKind>)> =
            q.iter().map(|q| (q.1.as_deref(), q.2)).collect();
        assert_eq!(
            got,
            [
                (Some("JoongAng Ilbo"), Some(SpeakerKind::Outlet)),
                (None, Some(SpeakerKind::Unnamed)),
                (Some("Google"), Some(SpeakerKind::Organisation)),
                (Some("Google"), Some(SpeakerKind::Organisation)),
                (None, Some(SpeakerKind::Unnamed)),
            ]
        );
    }

    #[test]
    fn offices_speak_through_their_holder_on_the_day() {
        let body = "The Secretary of State stressed that the U.S. is “expressing no view on any settlement.”\n\n\
            “We will not accept this,” the Russian president said.";
        assert_eq!(
            speakers(body, Some("2019-11-18")),
            some(&["Mike Pompeo", "Vladimir Putin"])
        );
        // Undated: nobody.
        assert_eq!(speakers(body, None), [None, None]);
        let state = "“The ballots will be counted by Friday,” the Kansas secretary of state said.";
        assert_eq!(speakers(state, Some("2019-11-18")), [None]);
    }

    #[test]
    fn an_office_named_once_is_its_title_later() {
        let body = "The Turkish foreign minister said talks would go on.\n\n\
            \"We will not give up,\" the foreign minister said.";
        assert_eq!(speakers(body, Some("1995-05-02")), some(&["Erdal Inonu"]));
        // Another foreign minister the table lacks: not settled.
        let two = "The Turkish foreign minister met the Greek foreign minister.\n\n\
            \"We will not give up,\" the foreign minister said.";
        assert_eq!(speakers(two, Some("1995-05-02")), [None]);
        // A former minister is nobody's office that day.
        let former = "A former Turkish foreign minister spoke.\n\n\
            \"We will not give up,\" the foreign minister said.";
        assert_eq!(speakers(former, Some("1995-05-02")), [None]);
    }

    #[test]
    fn never_a_person_who_did_not_say_it() {
        // "he" after someone else spoke in between is not the first speaker.
        let body = "Senator Ed Markey spoke first.\n\n\"Nothing is clear yet,\" Markey said.\n\n\
            The Wisconsin representative then rose.\n\n\"We will hold a vote,\" the Wisconsin representative said.";
        assert_eq!(speakers(body, None), [Some("Ed Markey".to_string()), None]);
        // A statement from someone's office is not that person.
        let office = "A statement from Benjamin Netanyahu’s office said the announcement “rights a historic wrong,” while rival Benny Gantz said he “praises the important statement.”";
        assert_eq!(
            speakers(office, None),
            [None, Some("Benny Gantz".to_string())]
        );
        // Scare quotes and titles are no quotations.
        assert!(
            quotes(
                "The \"clean\" bill passed, she said on the podcast “Your Primary Playlist.”",
                None
            )
            .is_empty()
        );
    }

    /// Pieces of text that exercise the attribution rules: marks of every
    /// kind, names, verbs, pronouns, offices, sentence and paragraph ends.
    fn piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            Just("\"".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("«".to_string()),
            Just("»".to_string()),
            Just("'".to_string()),
            Just(", ".to_string()),
            Just(". ".to_string()),
            Just(": ".to_string()),
            Just("\n\n".to_string()),
            Just(" said ".to_string()),
            Just(" he added ".to_string()),
            Just(" according to ".to_string()),
            Just("Heather Nauert".to_string()),
            Just("Nauert".to_string()),
            Just(" the paper reported ".to_string()),
            Just("the Russian president".to_string()),
            Just(" who said ".to_string()),
            Just("<ADSA.S>".to_string()),
            Just("Mr. ".to_string()),
            "[a-zA-Z ]{1,12}",
            "\\PC{0,6}",
            any::<char>().prop_map(|c| c.to_string()),
        ]
    }

    proptest::proptest! {
        /// No text makes extraction panic, and every quotation's offsets
        /// point at its text in the body.
        #[test]
        fn any_text_gives_consistent_quotes(parts in proptest::collection::vec(piece(), 0..40)) {
            let _ = quotes(&parts.concat(), Some("2019-11-18"));
        }
    }

    #[test]
    fn arbitrary_marks_never_panic() {
        for body in [
            "\"",
            "“",
            "”\"“",
            "a \"b",
            "\"\n\n\"",
            "«x y» z said",
            "é\"ü”ö“",
            "\"a b\" \"",
            "“ ”",
        ] {
            let _ = quotes(body, Some("2020-01-01"));
        }
    }
}
