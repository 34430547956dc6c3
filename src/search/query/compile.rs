//! The query tree to tantivy queries, with no text in between.
//!
//! Ranking rules, measured with `scripts/relevance_mrr.py` and
//! `scripts/concept_coverage.py`:
//! - a word, a name with all its aliases, an ordinal with its twin, a fuzzy
//!   word with its neighbours, `a OR b`: each is one *concept*, scored as the
//!   best of its spellings (a disjunction-max), never their sum;
//! - side by side, concepts are optional, but an article with every concept
//!   of its group scores its match once more (`ALL_CONCEPTS_WEIGHT`): it
//!   outranks one with fewer unless that one scores twice as well on them;
//! - a name the index's people, places, countries or outlet fields hold adds
//!   a fixed boost to the articles that carry it (`ENTITY_WEIGHT`), so "James
//!   Baker" ranks articles about him above ones that mention a Baker once;
//! - plain words that stand together (a few positions apart) add a phrase score.

use std::collections::HashMap;
use std::ops::Bound;

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EmptyQuery,
    FuzzyTermQuery, Occur as TantivyOccur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

use super::concepts::{self, MAX_NAME_WORDS};
use super::tree::{Clause, Filter, Node, Occur, Phrase, QueryTree, Scope, Word};
use crate::extract::Entity;
use crate::index::schema::{analyze, exact_analyzer, news_analyzer};
use crate::lang::analysis::{self as lang_analysis, LangStemmer};
use crate::search::{Engine, SearchRequest};

/// Title weight relative to the body. BM25's length normalisation already
/// favours short titles; measured on Reuters known-item search, a title
/// weight above the body's buries body matches under headline words.
pub const TITLE_WEIGHT: f32 = 0.5;
/// Words of a plain query within this many positions count as together.
const PROXIMITY_SLOP: u32 = 2;
/// Measured on Reuters known items (raw six-word body runs): weight 1 gave
/// MRR@10 0.902 on them, 3 gave 0.950, 6 0.955.
const PROXIMITY_WEIGHT: f32 = 3.0;
/// What the conjunction of a group's concepts adds, as a share of their score.
/// (2 moved concept coverage 0.870 -> 0.878 and cost known-item MRR 0.946 -> 0.936.)
const ALL_CONCEPTS_WEIGHT: f32 = 1.0;
/// Fixed score for an article whose extracted names hold the named entity.
const ENTITY_WEIGHT: f32 = 1.5;
/// A phrase of more words than this is a pasted paragraph: no proximity clause.
const MAX_PROXIMITY_TERMS: usize = 12;

/// What to highlight in hits, from the clauses that are not excluded.
#[derive(Debug, Default, Clone)]
pub struct Marks {
    /// Matched by stem.
    pub words: Vec<String>,
    /// Matched by stem, word after word (alias names, "U.S.").
    pub phrases: Vec<String>,
    /// Quoted: matched word for word, unstemmed.
    pub exact: Vec<String>,
    /// Stems of fuzzy words, with their edit distance.
    pub fuzzy: Vec<(String, u8)>,
}

/// A query ready to run, and what highlighting and suggestions need.
pub struct Compiled {
    pub tree: QueryTree,
    pub query: Box<dyn Query>,
    pub marks: Marks,
    /// Words as typed, not excluded: what "did you mean" may correct.
    pub typed: Vec<Word>,
    pub notices: Vec<String>,
}

/// The ways one concept may appear in a text.
enum Spelling {
    /// One analysed term.
    Term(String),
    /// Several terms in a row ("U.S." is `u s`; "Kim Jong-un" `kim jong un`).
    Run(Vec<String>),
    Fuzzy(String, u8),
}

struct Concept {
    spellings: Vec<Spelling>,
    /// The canonical value an extracted-names field holds for it.
    entity: Option<(Field, String)>,
}

pub fn compile(engine: &Engine, tree: QueryTree, request: &SearchRequest) -> Compiled {
    let mut c = Compiler {
        engine,
        all_fuzzy: request.fuzzy,
        all_capitals: tree.all_capitals,
        stems: news_analyzer(),
        exact: exact_analyzer(),
        other_languages: other_languages(engine),
        marks: Marks::default(),
        typed: Vec::new(),
        notices: tree.notices.clone(),
        named: HashMap::new(),
    };
    let mut clauses: Vec<(TantivyOccur, Box<dyn Query>)> = Vec::new();
    let text = c.group(&tree.root, false);
    let searchable = text.is_some();
    if let Some(q) = text {
        clauses.push((TantivyOccur::Must, q));
    }
    if tree.is_plain_words()
        && let Some(q) = c.proximity(&tree)
    {
        clauses.push((TantivyOccur::Should, q));
    }
    if let Some(language) = &request.language {
        clauses.push((TantivyOccur::Must, c.names_filter("language", language)));
    }
    if let Some(range) = date_range(engine, request) {
        clauses.push((TantivyOccur::Must, range));
    }
    let query: Box<dyn Query> = if searchable {
        Box::new(BooleanQuery::new(clauses))
    } else {
        c.notices
            .push("the query has no words to search for: nothing matches".to_string());
        Box::new(EmptyQuery)
    };
    Compiled {
        query,
        marks: c.marks,
        typed: c.typed,
        notices: c.notices,
        tree,
    }
}

struct Compiler<'a> {
    engine: &'a Engine,
    all_fuzzy: bool,
    all_capitals: bool,
    stems: TextAnalyzer,
    exact: TextAnalyzer,
    /// When the index holds articles in other languages: a stemmer for each
    /// of them that has one (see `lang::analysis`); `None` for English only.
    other_languages: Option<Vec<LangStemmer>>,
    marks: Marks,
    typed: Vec<Word>,
    notices: Vec<String>,
    /// Gazetteer answers per phrase: a run of words is looked up both for
    /// the concept it names and for the boost of a name only extraction knows.
    named: HashMap<String, Option<(Entity, Vec<String>)>>,
}

/// A language's stems are searched only when at least this share of the
/// index's articles is in it. Language-tagged stems are rare terms in an index
/// of another language, so a few misdetected articles (8 Reuters earnings
/// tables read as French) would take the top ranks on their high IDF; their
/// surfaces are still searched.
const MIN_LANGUAGE_SHARE: f64 = 0.01;

/// The languages other than English that the index's articles are in, with
/// a stemmer for those that have one and enough articles.
fn other_languages(engine: &Engine) -> Option<Vec<LangStemmer>> {
    let codes = engine.field_terms("language");
    let others: Vec<&String> = codes.iter().filter(|c| *c != "en").collect();
    if others.is_empty() {
        return None;
    }
    let searcher = engine.reader.searcher();
    let total = searcher.num_docs() as f64;
    let enough = |code: &str| {
        let term = Term::from_field_text(engine.fields.language, code);
        searcher.doc_freq(&term).unwrap_or(0) as f64 >= MIN_LANGUAGE_SHARE * total
    };
    Some(
        others
            .into_iter()
            .filter(|c| enough(c))
            .filter_map(|c| crate::lang::lookup(c))
            .filter_map(LangStemmer::for_language)
            .collect(),
    )
}

fn occur_of(o: Occur) -> TantivyOccur {
    match o {
        Occur::Should => TantivyOccur::Should,
        Occur::Must => TantivyOccur::Must,
        Occur::MustNot => TantivyOccur::MustNot,
    }
}

impl Compiler<'_> {
    /// Clauses side by side. `None` when nothing in them can match a text
    /// (punctuation only, function words under a filter...).
    fn group(&mut self, clauses: &[Clause], negated: bool) -> Option<Box<dyn Query>> {
        let has_content = clauses.iter().any(|c| !self.is_droppable(c));
        let mut out: Vec<(TantivyOccur, Box<dyn Query>)> = Vec::new();
        let mut concepts: Vec<Box<dyn Query>> = Vec::new();
        let mut i = 0;
        while i < clauses.len() {
            let clause = &clauses[i];
            let excluded = negated || clause.occur == Occur::MustNot;
            if has_content && self.is_droppable(clause) {
                i += 1;
                continue;
            }
            let (query, used) = match &clause.node {
                Node::Word(_) => {
                    if !excluded && let Some(boost) = self.extracted_name(&clauses[i..]) {
                        out.push((TantivyOccur::Should, boost));
                    }
                    self.words(&clauses[i..], excluded)
                }
                other => (self.node(other, excluded), 1),
            };
            i += used;
            let Some(query) = query else { continue };
            let occur = match (&clause.node, clause.occur) {
                // A filter is a filter, whatever stands beside it.
                (Node::Filter(_), Occur::Should) => TantivyOccur::Must,
                (_, o) => occur_of(o),
            };
            if occur == TantivyOccur::Should {
                concepts.push(query.box_clone());
            }
            out.push((occur, query));
        }
        if concepts.len() >= 2 {
            let all = concepts
                .into_iter()
                .map(|q| (TantivyOccur::Must, q))
                .collect();
            let all: Box<dyn Query> = Box::new(BooleanQuery::new(all));
            out.push((
                TantivyOccur::Should,
                Box::new(BoostQuery::new(all, ALL_CONCEPTS_WEIGHT)),
            ));
        }
        if out.is_empty() {
            return None;
        }
        if out.iter().all(|(o, _)| *o == TantivyOccur::MustNot) {
            out.push((TantivyOccur::Must, Box::new(AllQuery)));
        }
        Some(single_or_bool(out))
    }

    /// A function word beside other content: it matches nearly everything.
    fn is_droppable(&self, clause: &Clause) -> bool {
        clause.occur == Occur::Should
            && matches!(&clause.node, Node::Word(w) if w.fuzzy.is_none()
                && concepts::is_stop_word(&w.text, self.all_capitals))
    }

    fn node(&mut self, node: &Node, excluded: bool) -> Option<Box<dyn Query>> {
        match node {
            Node::Word(_) => {
                self.words(
                    std::slice::from_ref(&Clause {
                        occur: Occur::Should,
                        node: node.clone(),
                    }),
                    excluded,
                )
                .0
            }
            Node::Phrase(p) => self.phrase(p, excluded),
            Node::Filter(f) => Some(self.filter(f)),
            Node::Group(inner) => self.group(inner, excluded),
            Node::Any(inner) => self.any(inner, excluded),
        }
    }

    /// `a OR b`: one concept, the best of its alternatives; with signs inside,
    /// a boolean as written.
    fn any(&mut self, clauses: &[Clause], excluded: bool) -> Option<Box<dyn Query>> {
        let mut out = Vec::new();
        for c in clauses {
            let q = self.node(&c.node, excluded || c.occur == Occur::MustNot)?;
            out.push((occur_of(c.occur), q));
        }
        if out.iter().all(|(o, _)| *o == TantivyOccur::Should) {
            let alternatives = out.into_iter().map(|(_, q)| q).collect();
            return Some(Box::new(DisjunctionMaxQuery::new(alternatives)));
        }
        Some(single_or_bool(out))
    }

    /// The word at the head of `clauses`, joined by the next words when
    /// together they name someone or something. Returns the concept's query
    /// and how many clauses it took.
    fn words(&mut self, clauses: &[Clause], excluded: bool) -> (Option<Box<dyn Query>>, usize) {
        let Node::Word(first) = &clauses[0].node else {
            return (None, 1);
        };
        if !excluded {
            self.typed.push(first.clone());
        }
        let joinable = |c: &Clause| {
            c.occur == clauses[0].occur
                && matches!(&c.node, Node::Word(w) if w.scope == first.scope && w.fuzzy.is_none())
        };
        let run = clauses
            .iter()
            .take(MAX_NAME_WORDS)
            .take_while(|c| joinable(c))
            .count();
        for n in (1..=run).rev() {
            let words: Vec<&Word> = clauses[..n]
                .iter()
                .filter_map(|c| match &c.node {
                    Node::Word(w) => Some(w),
                    _ => None,
                })
                .collect();
            if let Some(concept) = self.name(&words, excluded) {
                if !excluded {
                    self.typed.extend(words[1..].iter().map(|w| (*w).clone()));
                }
                return (self.concept(concept, first.scope), n);
            }
        }
        let concept = self.word(first, excluded);
        (concept.and_then(|c| self.concept(c, first.scope)), 1)
    }

    /// A boost for the articles whose people field holds the name the words
    /// at the head of `clauses` spell ("james baker" -> James Baker), when the
    /// gazetteer does not know it. Extraction may take a headline's words for
    /// a name ("The Clinton Legacy"), so the words stay concepts of their own:
    /// this only adds to the articles that carry the name.
    fn extracted_name(&mut self, clauses: &[Clause]) -> Option<Box<dyn Query>> {
        let words: Vec<&str> = clauses
            .iter()
            .take(MAX_NAME_WORDS)
            .map_while(|c| match &c.node {
                Node::Word(w) if c.occur == clauses[0].occur && w.fuzzy.is_none() => {
                    Some(concepts::bare(&w.text))
                }
                _ => None,
            })
            .collect();
        (2..=words.len()).rev().find_map(|n| {
            let phrase = words[..n].join(" ");
            if self.named_entity(&phrase).is_some() {
                return None;
            }
            let value = self.engine.indexed_person(&phrase)?;
            Some(entity_boost(self.engine.fields.people, &value))
        })
    }

    /// `concepts::named_entity`, asked once per phrase.
    fn named_entity(&mut self, phrase: &str) -> Option<(Entity, Vec<String>)> {
        let gaz = &self.engine.extractor.gazetteer;
        self.named
            .entry(phrase.to_string())
            .or_insert_with(|| concepts::named_entity(gaz, phrase))
            .clone()
    }

    /// The concept a run of words names, if it names a person, place or
    /// country the gazetteer knows, or an outlet.
    fn name(&mut self, words: &[&Word], excluded: bool) -> Option<Concept> {
        let phrase = words
            .iter()
            .map(|w| concepts::bare(&w.text))
            .collect::<Vec<_>>()
            .join(" ");
        if phrase.trim().is_empty() {
            return None;
        }
        let known = self.named_entity(&phrase);
        let gaz = &self.engine.extractor.gazetteer;
        let mut other_names: Vec<&str> = Vec::new();
        let (names, entity) = match known {
            Some((entity, names)) => {
                if self.other_languages.is_some() {
                    other_names = gaz.names_in_other_languages(entity);
                }
                let canonical = match entity {
                    Entity::Person(p) => Some(("people", gaz.people[p as usize].clone())),
                    Entity::Place(p) => Some(("places", gaz.places[p as usize].name.clone())),
                    Entity::Country(c) => Some(("countries", gaz.countries[c as usize].clone())),
                    Entity::Demonym(_) => None,
                };
                (names, canonical)
            }
            None if words.len() > 1 => {
                let outlet = self.engine.extractor.outlets.named(&phrase)?;
                (vec![phrase.clone()], Some(("outlet", outlet.to_string())))
            }
            None => return None,
        };
        let entity = entity.and_then(|(field, value)| {
            let field = self.engine.index.schema().get_field(field).ok()?;
            Some((field, value))
        });
        let mut spellings = Vec::new();
        for name in &names {
            if !excluded {
                if name.contains(' ') {
                    self.marks.phrases.push(name.clone());
                } else {
                    self.marks.words.push(name.clone());
                }
            }
            let found = self
                .spelling(name)
                .into_iter()
                .chain(self.other_spellings(name));
            for s in found {
                if !spellings.iter().any(|x| same_spelling(x, &s)) {
                    spellings.push(s);
                }
            }
        }
        // Its names in other scripts, as articles in those languages hold them.
        for name in other_names {
            if !excluded {
                self.marks.words.push(name.to_string());
            }
            for s in self.other_spellings(name) {
                if !spellings.iter().any(|x| same_spelling(x, &s)) {
                    spellings.push(s);
                }
            }
        }
        (!spellings.is_empty()).then_some(Concept { spellings, entity })
    }

    fn word(&mut self, word: &Word, excluded: bool) -> Option<Concept> {
        let text = concepts::bare(&word.text);
        let text = if text.is_empty() {
            word.text.as_str()
        } else {
            text
        };
        let english = self.spelling(text);
        let others = self.other_spellings(text);
        let main = match english {
            Some(main) => main,
            // Nothing the English analysis keeps (a lone CJK character...).
            None if others.is_empty() => return None,
            None => {
                if !excluded {
                    self.marks.words.push(text.to_string());
                }
                return Some(Concept {
                    spellings: others,
                    entity: None,
                });
            }
        };
        if !excluded {
            self.marks.words.push(text.to_string());
        }
        let mut spellings = vec![];
        if let Some(twin) = concepts::ordinal_twin(text) {
            if !excluded {
                self.marks.words.push(twin.to_string());
            }
            spellings.extend(self.spelling(twin));
        }
        let fuzzy = match word.fuzzy {
            Some(distance) => Some(distance),
            None if self.all_fuzzy && text.chars().count() > 3 => Some(None),
            None => None,
        };
        if let (Some(distance), Spelling::Term(stem)) = (fuzzy, &main) {
            let distance = distance.unwrap_or(if stem.chars().count() > 5 { 2 } else { 1 });
            if !excluded && distance > 0 {
                self.marks.fuzzy.push((stem.clone(), distance));
            }
            spellings.push(Spelling::Fuzzy(stem.clone(), distance));
        }
        let (surnames, names) = self.surname_in_other_scripts(text);
        if !excluded {
            self.marks.words.extend(names);
        }
        for s in others.into_iter().chain(surnames) {
            if !same_spelling(&main, &s) && !spellings.iter().any(|x| same_spelling(x, &s)) {
                spellings.push(s);
            }
        }
        spellings.insert(0, main);
        Some(Concept {
            spellings,
            entity: None,
        })
    }

    /// How a text is indexed: one stem, or a run of them.
    fn spelling(&mut self, text: &str) -> Option<Spelling> {
        let mut terms = analyze(&mut self.stems, text);
        match terms.len() {
            0 => None,
            1 => terms.pop().map(Spelling::Term),
            _ => Some(Spelling::Run(terms)),
        }
    }

    /// How articles in other languages hold a text (their analysis writes
    /// the same fields): surfaces, and stems in each of their languages.
    fn other_spellings(&self, text: &str) -> Vec<Spelling> {
        let Some(stemmers) = &self.other_languages else {
            return Vec::new();
        };
        lang_analysis::query_spellings(text, stemmers)
            .into_iter()
            .map(|mut run| {
                if run.len() == 1 {
                    Spelling::Term(run.pop().unwrap_or_default())
                } else {
                    Spelling::Run(run)
                }
            })
            .collect()
    }

    /// A lone surname of exactly one person the gazetteer knows (`Pompeo`)
    /// also matches that person's names in other scripts (蓬佩奥, 폼페이오):
    /// in English text the surname itself is what matches, so English
    /// ranking is unchanged. Only when the index has other languages.
    /// Returns the spellings and the names (for highlights).
    fn surname_in_other_scripts(&self, word: &str) -> (Vec<Spelling>, Vec<String>) {
        if self.other_languages.is_none() {
            return Default::default();
        }
        let gaz = &self.engine.extractor.gazetteer;
        let Some([person]) = gaz.by_surname().get(word).map(Vec::as_slice) else {
            return Default::default();
        };
        let names: Vec<String> = gaz
            .names_in_other_languages(Entity::Person(*person))
            .into_iter()
            .filter(|name| name.chars().any(|c| c.is_alphabetic() && !is_latin(c)))
            .map(String::from)
            .collect();
        let spellings = names
            .iter()
            .flat_map(|name| self.other_spellings(name))
            .collect();
        (spellings, names)
    }

    fn concept(&self, concept: Concept, scope: Scope) -> Option<Box<dyn Query>> {
        let fields = self.text_fields(scope, false);
        let mut alternatives: Vec<Box<dyn Query>> = concept
            .spellings
            .iter()
            .map(|s| {
                per_field(&fields, |field| match s {
                    Spelling::Term(t) => term_query(field, t),
                    Spelling::Run(terms) => phrase_query(field, terms, 0),
                    Spelling::Fuzzy(t, d) => Box::new(FuzzyTermQuery::new(
                        Term::from_field_text(field, t),
                        *d,
                        true,
                    )),
                })
            })
            .collect();
        let text: Box<dyn Query> = if alternatives.len() == 1 {
            alternatives.pop()?
        } else {
            Box::new(DisjunctionMaxQuery::new(alternatives))
        };
        match concept.entity {
            Some((field, value)) => {
                let named = entity_boost(field, &value);
                // The text must match: an outlet's name is not in its articles.
                Some(Box::new(BooleanQuery::new(vec![
                    (TantivyOccur::Must, text),
                    (TantivyOccur::Should, named),
                ])))
            }
            None => Some(text),
        }
    }

    /// A quoted phrase: the unstemmed fields, word for word.
    fn phrase(&mut self, phrase: &Phrase, excluded: bool) -> Option<Box<dyn Query>> {
        let mut forms = vec![analyze(&mut self.exact, &phrase.text)];
        let mut stemmed: Vec<Vec<String>> = Vec::new();
        if let Some(stemmers) = &self.other_languages {
            // Other languages' exact copies hold their surfaces, unstemmed.
            forms.push(lang_analysis::surface_terms(&phrase.text));
            // Where names decline, the stems (`ru:техас` for Техаса).
            stemmed.extend(
                stemmers
                    .iter()
                    .filter(|s| crate::lang::declines_names(&s.code))
                    .map(|s| lang_analysis::stem_run(&phrase.text, s))
                    .filter(|run| run.iter().any(|t| t.contains(':'))),
            );
        }
        forms.retain(|f| !f.is_empty());
        forms.dedup();
        if forms.is_empty() {
            return None;
        }
        if !excluded {
            self.marks.exact.push(phrase.text.clone());
        }
        let fields = self.text_fields(phrase.scope, true);
        let stem_fields = self.text_fields(phrase.scope, false);
        let mut alternatives: Vec<Box<dyn Query>> = forms
            .iter()
            .map(|terms| (&fields, terms))
            .chain(stemmed.iter().map(|terms| (&stem_fields, terms)))
            .map(|(fields, terms)| {
                per_field(fields, |field| match terms.as_slice() {
                    [one] => term_query(field, one),
                    _ => phrase_query(field, terms, phrase.slop),
                })
            })
            .collect();
        if alternatives.len() == 1 {
            return alternatives.pop();
        }
        Some(Box::new(DisjunctionMaxQuery::new(alternatives)))
    }

    fn filter(&self, filter: &Filter) -> Box<dyn Query> {
        self.names_filter(filter.field.filter_field(), &filter.value)
    }

    fn names_filter(&self, name: &str, value: &str) -> Box<dyn Query> {
        names_filter(self.engine, name, value)
    }

    /// Fields a scope searches, each with its weight.
    fn text_fields(&self, scope: Scope, exact: bool) -> Vec<(Field, f32)> {
        let f = &self.engine.fields;
        let (title, body) = if exact {
            (f.title_exact, f.body_exact)
        } else {
            (f.title, f.body)
        };
        match scope {
            Scope::TitleAndBody => vec![(title, TITLE_WEIGHT), (body, 1.0)],
            Scope::Title => vec![(title, 1.0)],
            Scope::Body => vec![(body, 1.0)],
        }
    }

    /// For plain words, an optional phrase of all of them, function words
    /// included (a few words apart at most), in body or title: articles where
    /// they stand together rank above those that merely contain them.
    fn proximity(&mut self, tree: &QueryTree) -> Option<Box<dyn Query>> {
        // Function words stay here: a pasted sentence is most itself with them.
        let kept = &tree.root;
        // As typed, and with every ordinal in its other spelling: one concept
        // either way, so the best of the two counts.
        let mut typed = Vec::new();
        let mut twins = Vec::new();
        for clause in kept {
            if let Node::Word(w) = &clause.node {
                let text = concepts::bare(&w.text);
                typed.extend(analyze(&mut self.stems, text));
                let twin = concepts::ordinal_twin(text).unwrap_or(text);
                twins.extend(analyze(&mut self.stems, twin));
            }
        }
        if typed.len() < 2 || typed.len() > MAX_PROXIMITY_TERMS {
            return None;
        }
        let f = &self.engine.fields;
        let mut variants: Vec<Box<dyn Query>> = Vec::new();
        let spellings = if twins == typed {
            vec![&typed]
        } else {
            vec![&typed, &twins]
        };
        for terms in spellings {
            if terms.len() < 2 {
                continue;
            }
            let both = [f.body, f.title]
                .into_iter()
                .map(|field| {
                    (
                        TantivyOccur::Should,
                        phrase_query(field, terms, PROXIMITY_SLOP),
                    )
                })
                .collect();
            variants.push(Box::new(BooleanQuery::new(both)));
        }
        let together: Box<dyn Query> = if variants.len() == 1 {
            variants.pop()?
        } else {
            Box::new(DisjunctionMaxQuery::new(variants))
        };
        Some(Box::new(BoostQuery::new(together, PROXIMITY_WEIGHT)))
    }
}

/// Latin letters (with accents): the script English text is written in.
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c)
}

/// A fixed score for articles whose extracted-names field holds `value`.
fn entity_boost(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        )),
        ENTITY_WEIGHT,
    ))
}

fn same_spelling(a: &Spelling, b: &Spelling) -> bool {
    match (a, b) {
        (Spelling::Term(x), Spelling::Term(y)) => x == y,
        (Spelling::Run(x), Spelling::Run(y)) => x == y,
        _ => false,
    }
}

fn single_or_bool(mut clauses: Vec<(TantivyOccur, Box<dyn Query>)>) -> Box<dyn Query> {
    if clauses.len() == 1 && clauses[0].0 != TantivyOccur::MustNot {
        return clauses.pop().expect("one clause").1;
    }
    Box::new(BooleanQuery::new(clauses))
}

/// One query per field, weighted, any of them matching (scores add up, as
/// BM25F-like engines add a word's title and body scores).
fn per_field(fields: &[(Field, f32)], make: impl Fn(Field) -> Box<dyn Query>) -> Box<dyn Query> {
    let mut clauses: Vec<(TantivyOccur, Box<dyn Query>)> = fields
        .iter()
        .map(|&(field, weight)| {
            let q = make(field);
            let q: Box<dyn Query> = if weight == 1.0 {
                q
            } else {
                Box::new(BoostQuery::new(q, weight))
            };
            (TantivyOccur::Should, q)
        })
        .collect();
    if clauses.len() == 1 {
        return clauses.pop().expect("one field").1;
    }
    Box::new(BooleanQuery::new(clauses))
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn phrase_query(field: Field, terms: &[String], slop: u32) -> Box<dyn Query> {
    let terms = terms
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    let mut q = PhraseQuery::new(terms);
    q.set_slop(slop);
    Box::new(q)
}

/// Articles whose names field `name` holds what `value` resolves to.
fn names_filter(engine: &Engine, name: &str, value: &str) -> Box<dyn Query> {
    let field = engine
        .index
        .schema()
        .get_field(name)
        .expect("name fields are in the schema");
    let values = engine.resolve(name, value);
    if values.is_empty() {
        // Nothing in the index has that name: the filter matches nothing.
        return Box::new(EmptyQuery);
    }
    let terms = values
        .iter()
        .map(|v| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(field, v),
                IndexRecordOption::Basic,
            ));
            (TantivyOccur::Should, q)
        })
        .collect();
    Box::new(BooleanQuery::new(terms))
}

/// What a request's filters (dates, language) let through, with no words to
/// match: every article when there are none. `export` without a query.
pub fn compile_filters(engine: &Engine, request: &SearchRequest) -> Box<dyn Query> {
    let mut clauses: Vec<(TantivyOccur, Box<dyn Query>)> =
        vec![(TantivyOccur::Must, Box::new(AllQuery))];
    if let Some(language) = &request.language {
        clauses.push((
            TantivyOccur::Must,
            names_filter(engine, "language", language),
        ));
    }
    if let Some(range) = date_range(engine, request) {
        clauses.push((TantivyOccur::Must, range));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn date_range(engine: &Engine, request: &SearchRequest) -> Option<Box<dyn Query>> {
    if request.since.is_none() && request.until.is_none() {
        return None;
    }
    let field = engine.fields.date;
    let bound = |d: Option<chrono::DateTime<chrono::Utc>>, inclusive: bool| match d {
        Some(d) => {
            let t = Term::from_field_date_for_search(
                field,
                tantivy::DateTime::from_timestamp_secs(d.timestamp()),
            );
            if inclusive {
                Bound::Included(t)
            } else {
                Bound::Excluded(t)
            }
        }
        None => Bound::Unbounded,
    };
    Some(Box::new(RangeQuery::new(
        bound(request.since, true),
        bound(request.until, false),
    )))
}
