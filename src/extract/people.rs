//! People: capitalised name runs accepted on evidence (a title before, a
//! given name first, "said" after, a known person, an East Asian name shape),
//! then within-article coreference so a later "Pompeo" is Mike Pompeo and an
//! unqualified "Kim" among two Kims is nobody.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::gazetteer::{Entity, Gazetteer, Hit};
use super::tokens::{Token, tokenize};
use super::tsv::word_set;

const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le",
    "dos", "das", "el", "ben", "abu",
];
const MAX_NAME_TOKENS: usize = 5;

/// A person found in the text, under the name the article gives in full.
#[derive(Debug, Clone)]
pub struct PersonMention {
    pub start: usize,
    pub end: usize,
    pub canonical: String,
}

fn is_particle(word: &str) -> bool {
    // Particles have two or three letters: a hyphen after them is within a
    // word's first four bytes, and no longer word needs reading (this runs
    // on every lower-case word of every article).
    match word.bytes().take(4).position(|b| b == b'-') {
        // "al-Assad", "el-Sisi": a particle glued to a capitalised name.
        Some(at) => {
            PARTICLES.contains(&&word[..at])
                && word[at + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        }
        None => word.len() <= 3 && PARTICLES.contains(&word),
    }
}

fn is_initial(word: &str) -> bool {
    word.ends_with('.')
        && word.chars().filter(|c| c.is_alphabetic()).count() <= 2
        && word.chars().all(|c| c.is_uppercase() || c == '.')
}

/// Spelling differences that do not make another person: "Kim Jong Un",
/// "Kim Jong-Un" and "Kim Jong-un" share one key.
pub fn name_key(name: &str) -> String {
    if name.is_ascii() {
        // Most names: no Unicode case tables to consult.
        return name
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Cue lists of `person_cues.tsv` that only people-finding reads, loaded once.
struct Cues {
    /// Titles that stand right before a bare surname ("President Reagan").
    title_alone: HashSet<String>,
    /// Names of firms and things that read like people's names ("Merrill Lynch").
    not_person: HashSet<String>,
    /// Words after "and" or "&" that make the name before them a firm ("Eli Lilly and Co").
    firm_after: HashSet<String>,
    /// Endings that make a hyphenated word a title ("Minister-designate").
    title_suffix: HashSet<String>,
    /// Endings that make a hyphenated word an adjective ("Boston-based").
    adjective_suffix: HashSet<String>,
    /// "Jr.", "Sr.": after a surname, left out of the name.
    name_suffix: HashSet<String>,
    /// People known by their suffix whom the gazetteer does not list, by the
    /// key of their name without it: "Martin Luther King" is "Martin Luther King Jr.".
    suffix_kept: HashMap<String, String>,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let set = |kind: &str| word_set(CUE_SOURCE, kind);
        Cues {
            title_alone: set("title_alone"),
            not_person: set("not_person").iter().map(|n| name_key(n)).collect(),
            firm_after: set("firm_after"),
            title_suffix: set("title_suffix"),
            adjective_suffix: set("adjective_suffix"),
            name_suffix: set("name_suffix"),
            suffix_kept: set("suffix_kept")
                .into_iter()
                .map(|full| {
                    let base = full
                        .rsplit_once(' ')
                        .map_or(full.as_str(), |(base, _)| base)
                        .trim_end_matches(',');
                    (name_key(base), full.clone())
                })
                .collect(),
        }
    })
}

const CUE_SOURCE: &str = include_str!("../../index-schema/person_cues.tsv");

pub struct PeopleFinder<'g> {
    gaz: &'g Gazetteer,
}

/// A capitalised run after titles and stray words are trimmed away.
struct Run<'t> {
    tokens: Vec<Token<'t>>,
    /// A title that stands alone right before it ("President").
    titled: bool,
    /// "Jr." or "Sr." after the name, left out of it.
    suffix: Option<Token<'t>>,
}

/// What a capitalised run turned out to be.
enum Trimmed<'t> {
    Name(Run<'t>),
    /// A firm or thing: the name-like words before its organisation word
    /// ("Merrill Lynch" of "Merrill Lynch Capital Markets"), if any.
    Org(Option<(usize, usize)>),
    Nothing,
}

/// What gazetteer hits say about one token.
#[derive(Clone, Copy, Default)]
struct TokenPlace {
    /// Inside a place, country or demonym (not a person).
    place: bool,
    /// Inside an unambiguous country name or demonym ("British", "Canada").
    country: bool,
}

/// A lone capitalised word that may be someone's surname.
struct Single<'t> {
    start: usize,
    end: usize,
    word: &'t str,
    titled: bool,
    said: bool,
    /// A title word standing alone ("King", "Major"): a person only as the
    /// surname of someone the article names in full.
    title_word: bool,
}

impl<'g> PeopleFinder<'g> {
    pub fn new(gaz: &'g Gazetteer) -> Self {
        PeopleFinder { gaz }
    }

    fn name_like(&self, t: &Token) -> bool {
        let w = t.text;
        let Some(first) = w.chars().next() else {
            return false;
        };
        if !first.is_uppercase() {
            // Lower case: only a particle ("de", "van", "al-").
            return first.is_lowercase() && is_particle(w);
        }
        if !w.chars().any(char::is_lowercase) {
            // ALL-CAPS words are headlines, acronyms or datelines, not names;
            // initials ("A.", "J.R.") are.
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            return letters <= 2 && (letters == 1 || w.contains('.'));
        }
        true
    }

    /// Marks the tokens inside gazetteer places, in one pass over both lists.
    fn token_places(&self, tokens: &[Token], hits: &[Hit]) -> Vec<TokenPlace> {
        let mut marks = vec![TokenPlace::default(); tokens.len()];
        let mut h = 0;
        for (i, t) in tokens.iter().enumerate() {
            while h < hits.len() && hits[h].end <= t.start {
                h += 1;
            }
            let Some(hit) = hits.get(h) else { break };
            if t.start >= hit.start && t.end <= hit.end {
                let form = self.gaz.form(hit.form);
                let person = form.entities.iter().any(|e| matches!(e, Entity::Person(_)));
                if !person {
                    marks[i].place = true;
                    marks[i].country = !form.ambiguous
                        && form
                            .entities
                            .iter()
                            .any(|e| matches!(e, Entity::Country(_) | Entity::Demonym(_)));
                }
            }
        }
        marks
    }

    /// Finds the people of one text; places and demonyms never start a name
    /// ("South Korean President Moon") and end one ("Robert Maxwell British Printing").
    pub fn find(&self, text: &str, hits: &[Hit]) -> Vec<PersonMention> {
        let tokens = tokenize(text);
        let marks = self.token_places(&tokens, hits);
        let cues = cues();

        let mut full: Vec<PersonMention> = Vec::new();
        let mut pending: Vec<PersonMention> = Vec::new();
        let mut singles: Vec<Single> = Vec::new();
        let mut firms: HashSet<String> = HashSet::default();
        let mut suffixed: Vec<(usize, usize, &str)> = Vec::new();
        // Names that keep their suffix, with the span it ends: the father
        // the gazetteer finds inside "Donald Trump Jr." is not named there.
        let mut kept_suffix: Vec<(usize, usize, String)> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if !self.name_like(&tokens[i]) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].joined
                && !tokens[j - 1].possessive
                && self.name_like(&tokens[j])
            {
                j += 1;
            }
            let prev = (i > 0 && tokens[i].joined).then(|| tokens[i - 1].text);
            let next = tokens
                .get(j)
                .filter(|t| t.joined || t.text == "said")
                .map(|t| t.text);
            let said = next.is_some_and(|n| self.gaz.cue_after.contains(n));
            // "Eli Lilly and Co", "Harris Upham & Co": a firm.
            let firm = tokens.get(j).is_some_and(|t| {
                let gap = text[tokens[j - 1].end..t.start].trim();
                let and = t.text == "and" && t.joined;
                let amp = gap == "&";
                (and && tokens
                    .get(j + 1)
                    .is_some_and(|n| cues.firm_after.contains(n.text)))
                    || (amp && cues.firm_after.contains(t.text))
            });
            // "King spoke", after "Martin Luther King Jr.": a title word alone
            // may be the surname of someone named in full.
            if j == i + 1 && self.is_title(tokens[i].text) && plausible_surname(tokens[i].text) {
                singles.push(Single {
                    start: tokens[i].start,
                    end: tokens[i].end,
                    word: tokens[i].text,
                    titled: false,
                    said,
                    title_word: true,
                });
                i = j;
                continue;
            }
            match self.trim(&tokens[i..j], &marks[i..j], prev, firm) {
                Trimmed::Name(run) => {
                    let first = run.tokens[0];
                    let last = run.tokens[run.tokens.len() - 1];
                    let surface = &text[first.start..last.end];
                    if run.tokens.len() == 1 {
                        singles.push(Single {
                            start: first.start,
                            end: last.end,
                            word: surface,
                            titled: run.titled,
                            said,
                            title_word: false,
                        });
                    } else {
                        let (mut name, mut evidence) = self.accept(&run, said, surface);
                        if let Some(known) = cues.suffix_kept.get(&name_key(&name)) {
                            // "Martin Luther King", with or without "Jr.".
                            name = known.clone();
                            evidence = true;
                            if let Some(suffix) = run.suffix {
                                kept_suffix.push((first.start, suffix.end, name.clone()));
                            }
                        } else if let Some(suffix) = run.suffix {
                            let known = |s: &str| {
                                self.gaz.lookup(s).and_then(|f| {
                                    f.entities.iter().find_map(|e| match e {
                                        Entity::Person(p) => {
                                            Some(self.gaz.people[*p as usize].clone())
                                        }
                                        _ => None,
                                    })
                                })
                            };
                            if let Some(son) = known(&text[first.start..suffix.end]) {
                                // "Ferdinand Marcos Jr.": the gazetteer knows him.
                                (name, evidence) = (son, true);
                                kept_suffix.push((first.start, suffix.end, name.clone()));
                            } else if known(surface).is_some() {
                                // "Donald Trump Jr." is not the Donald Trump the gazetteer knows.
                                name = format!("{name} {}", suffix.text);
                                kept_suffix.push((first.start, suffix.end, name.clone()));
                            } else {
                                suffixed.push((first.start, last.end, suffix.text));
                            }
                        }
                        let mention = PersonMention {
                            start: first.start,
                            end: last.end,
                            canonical: name,
                        };
                        if evidence {
                            full.push(mention);
                        } else {
                            pending.push(mention);
                        }
                    }
                }
                Trimmed::Org(Some((a, b))) => {
                    firms.insert(name_key(&text[tokens[i + a].start..tokens[i + b - 1].end]));
                }
                Trimmed::Org(None) | Trimmed::Nothing => {}
            }
            i = j;
        }
        // A name with no evidence of its own is a person when the article
        // later uses its surname as people's surnames are used ("Pickens told").
        let used_as_surname: HashSet<&str> = singles
            .iter()
            .filter(|s| (s.said || s.titled) && !s.title_word)
            .map(|s| s.word)
            .collect();
        for m in pending {
            let last = m.canonical.rsplit(' ').next().unwrap_or("");
            if used_as_surname.contains(last) {
                full.push(m);
            }
        }
        // Firms named after people are no people ("Merrill Lynch", "Dean Witter Reynolds Inc").
        full.retain(|m| {
            let key = name_key(&m.canonical);
            let words: Vec<&str> = m.canonical.split_whitespace().collect();
            let lead = name_key(&words[..words.len().min(2)].join(" "));
            !firms.contains(&key)
                && !cues.not_person.contains(&key)
                && !cues.not_person.contains(&lead)
        });
        // Known people the gazetteer matched verbatim ("Kim Jong Un").
        for h in hits {
            let in_suffixed = kept_suffix
                .iter()
                .any(|(s, e, _)| h.start >= *s && h.end <= *e);
            for e in &self.gaz.form(h.form).entities {
                if let Entity::Person(p) = e
                    && (!in_suffixed
                        || kept_suffix
                            .iter()
                            .any(|(_, _, n)| *n == self.gaz.people[*p as usize]))
                {
                    full.push(PersonMention {
                        start: h.start,
                        end: h.end,
                        canonical: self.gaz.people[*p as usize].clone(),
                    });
                }
            }
        }
        keep_suffix_beside_namesake(&mut full, &suffixed);
        self.resolve_singles(full, &singles)
    }

    /// Drops leading titles, stray capitalised words and places, and trailing
    /// non-name words; the name starts after the last title in the run
    /// ("Bundesbank President Karl Otto Poehl") and ends before a country
    /// ("Robert Maxwell British Printing"); a run naming a thing (an org word
    /// in it, "and Co" after it) is no person.
    /// "Minister", or a title with an ending ("Minister-designate", "President-elect").
    fn is_title(&self, w: &str) -> bool {
        self.gaz.titles.contains(w)
            || w.rsplit_once('-').is_some_and(|(head, tail)| {
                cues().title_suffix.contains(tail) && self.gaz.titles.contains(head)
            })
    }

    fn is_title_alone(&self, w: &str) -> bool {
        let cues = cues();
        cues.title_alone.contains(w)
            || w.rsplit_once('-').is_some_and(|(head, tail)| {
                cues.title_suffix.contains(tail) && cues.title_alone.contains(head)
            })
    }

    /// "Boston-based", "Soviet-made": an adjective, not part of a name.
    fn is_adjective(&self, w: &str) -> bool {
        w.rsplit_once('-')
            .is_some_and(|(_, tail)| cues().adjective_suffix.contains(tail))
    }

    fn trim<'t>(
        &self,
        run: &[Token<'t>],
        marks: &[TokenPlace],
        prev: Option<&str>,
        firm: bool,
    ) -> Trimmed<'t> {
        let gaz = self.gaz;
        let mut titled = prev.is_some_and(|p| self.is_title_alone(p));
        let mut org_lead = false;
        let mut start = 0;
        while start < run.len() {
            let w = run[start].text;
            if self.is_title(w) {
                titled = self.is_title_alone(w);
                org_lead = false;
            } else if gaz.org_words.contains(w) && !gaz.surname_first.contains(w) {
                org_lead = true;
                titled = false;
            } else if gaz.not_name.contains(w) || marks[start].place || self.is_adjective(w) {
                titled = false;
            } else {
                break;
            }
            start += 1;
        }
        // The name ends before a country or demonym.
        let mut end = run.len();
        if let Some(k) = (start + 1..run.len()).find(|&k| marks[k].country) {
            end = k;
        }
        // The name starts after the last title ("Economics Minister Martin
        // Bangemann"); a title before a suffix is a surname ("Martin Luther King Jr.").
        let name_end = if end > start + 1 && cues().name_suffix.contains(run[end - 1].text) {
            end - 1
        } else {
            end
        };
        if let Some(k) = (start..name_end.saturating_sub(1))
            .rev()
            .find(|&k| self.is_title(run[k].text))
        {
            titled = self.is_title_alone(run[k].text);
            org_lead = false;
            start = k + 1;
        }
        // "Banque Nationale de Paris": an organisation word leads a thing's name.
        if org_lead && start < end {
            return Trimmed::Org(None);
        }
        if let Some(k) = (start..end).find(|&k| {
            gaz.org_words.contains(run[k].text)
                && !(k == start && gaz.surname_first.contains(run[k].text))
        }) {
            let named = k >= start + 2
                && run[start..k]
                    .iter()
                    .all(|t| !gaz.not_name.contains(t.text) && !self.is_title(t.text));
            return Trimmed::Org(named.then_some((start, k)));
        }
        let mut suffix = None;
        while end > start {
            let w = run[end - 1].text;
            // "McCain Doesn't": a verb, in a headline's capitals.
            let verb = w.ends_with("n't") || w.ends_with("n’t");
            if cues().name_suffix.contains(w) {
                suffix = Some(run[end - 1]);
                end -= 1;
            } else if gaz.not_name.contains(w) || is_particle(w) || is_initial(w) || verb {
                end -= 1;
            } else {
                break;
            }
        }
        // "Don Jr." is a name of its own, not "Don".
        if suffix.is_some() && end == start + 1 && end < run.len() {
            end += 1;
            suffix = None;
        }
        if start >= end || end - start > MAX_NAME_TOKENS {
            return Trimmed::Nothing;
        }
        let name = &run[start..end];
        if firm && end == run.len() {
            return Trimmed::Org((end - start >= 2).then_some((start, end)));
        }
        if name
            .iter()
            .any(|t| gaz.not_name.contains(t.text) || self.is_adjective(t.text))
        {
            return Trimmed::Nothing;
        }
        if marks[start..end].iter().all(|m| m.place) {
            return Trimmed::Nothing;
        }
        Trimmed::Name(Run {
            tokens: name.to_vec(),
            titled,
            suffix,
        })
    }

    /// The canonical name of a run, and whether the run itself shows it is a
    /// person (a known person, a given name first, a title before, "said"
    /// after, an East Asian name shape).
    fn accept(&self, run: &Run, said: bool, surface: &str) -> (String, bool) {
        let gaz = self.gaz;
        let words: Vec<&str> = run.tokens.iter().map(|t| t.text).collect();
        if let Some(form) = gaz.lookup(surface)
            && let Some(Entity::Person(p)) = form
                .entities
                .iter()
                .find(|e| matches!(e, Entity::Person(_)))
        {
            return (gaz.people[*p as usize].clone(), true);
        }
        let first = words
            .iter()
            .find(|w| !is_initial(w))
            .copied()
            .unwrap_or(words[0]);
        let given = gaz.given_names().contains(first);
        let east_asian = gaz.surname_first.contains(words[0])
            && (words.len() == 3
                || words[1].contains('-')
                || words.len() == 2 && words[1].len() >= 4);
        // "said" alone is no evidence ("Merrill Lynch said", "Comissaria Smith
        // said"), except after a name's particle or initial ("de Vries said").
        let shaped = is_particle(words[0]) || is_initial(words[0]);
        (
            canonical_form(&words, east_asian),
            given || run.titled || east_asian || (said && shaped),
        )
    }

    /// Single words become people through someone named in full in the same
    /// article ("Pompeo", "Moon"); after a title on their own ("President
    /// Reagan"), under the gazetteer's full name when nobody else there
    /// shares the surname; before "said" only when the gazetteer knows them.
    fn resolve_singles(
        &self,
        mut full: Vec<PersonMention>,
        singles: &[Single],
    ) -> Vec<PersonMention> {
        let mut by_part: HashMap<&str, Vec<String>> = HashMap::default();
        for m in &full {
            let mut words: Vec<&str> = m.canonical.split_whitespace().collect();
            // "Martin Luther King Jr." is "King" later on ("Donald Trump Jr."
            // is no "Trump": that is his father).
            if cues().suffix_kept.values().any(|n| *n == m.canonical) {
                words.pop();
            }
            let mut parts = vec![*words.last().unwrap()];
            if self.gaz.surname_first.contains(words[0]) {
                parts.push(words[0]);
            }
            for p in parts {
                let list = by_part.entry(p).or_default();
                if !list.contains(&m.canonical) {
                    list.push(m.canonical.clone());
                }
            }
        }
        let mut resolved = Vec::new();
        for s in singles {
            let word = s.word;
            let word_base = word.split('-').next().unwrap_or(word);
            let candidates = by_part.get(word).or_else(|| by_part.get(word_base));
            let known = || {
                self.gaz
                    .by_surname()
                    .get(word)
                    .filter(|ids| ids.len() == 1)
                    .map(|ids| self.gaz.people[ids[0] as usize].clone())
            };
            let canonical = match candidates {
                Some(names) if names.len() == 1 => Some(names[0].clone()),
                Some(_) => None, // two Kims: an unqualified "Kim" is neither
                None if s.title_word => None,
                None if s.titled && plausible_surname(word) => {
                    Some(known().unwrap_or_else(|| word.to_string()))
                }
                None if s.said && plausible_surname(word) => known(),
                None => None,
            };
            if let Some(canonical) = canonical {
                resolved.push(PersonMention {
                    start: s.start,
                    end: s.end,
                    canonical,
                });
            }
        }
        full.extend(resolved);
        full.sort_by_key(|m| m.start);
        full
    }
}

/// "James R. Clapper Jr." is James Clapper, but "Donald Trump Jr." beside a
/// Donald Trump named elsewhere in the article is the son: the suffix stays.
fn keep_suffix_beside_namesake(full: &mut [PersonMention], suffixed: &[(usize, usize, &str)]) {
    for &(start, end, suffix) in suffixed {
        let Some(i) = full.iter().position(|m| m.start == start) else {
            continue;
        };
        let name = full[i].canonical.clone();
        let namesake = full
            .iter()
            .any(|m| m.canonical == name && (m.end <= start || m.start > end + suffix.len()));
        if namesake {
            full[i].canonical = format!("{name} {suffix}");
        }
    }
}

/// "Reagan" or "al-Assad", not "Treasury-sanctioned".
fn plausible_surname(word: &str) -> bool {
    let mut parts = word.split('-');
    let first = parts.next().unwrap_or("");
    first.chars().count() >= 2 && parts.all(|p| p.chars().next().is_some_and(char::is_uppercase))
        || is_particle(word)
}

/// The name as facets show it: middle initials dropped ("James A. Baker" is
/// "James Baker"), East Asian given names hyphenated ("Kim Jong Un" is "Kim Jong-un").
fn canonical_form(words: &[&str], east_asian: bool) -> String {
    if east_asian && words.len() == 3 && !words[1].contains('-') {
        let given = format!("{}-{}", words[1], words[2].to_lowercase());
        return format!("{} {}", words[0], given);
    }
    if east_asian && words.len() == 2 && words[1].contains('-') {
        let (a, b) = words[1].split_once('-').unwrap();
        return format!("{} {}-{}", words[0], a, b.to_lowercase());
    }
    let kept: Vec<&str> = if words.len() > 2 {
        words
            .iter()
            .enumerate()
            .filter(|(i, w)| *i == 0 || *i == words.len() - 1 || !is_initial(w))
            .map(|(_, w)| *w)
            .collect()
    } else {
        words.to_vec()
    };
    kept.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        assert_eq!(canonical_form(&["Kim", "Jong", "Un"], true), "Kim Jong-un");
        assert_eq!(canonical_form(&["Kim", "Jong-Un"], true), "Kim Jong-un");
        assert_eq!(
            canonical_form(&["James", "A.", "Baker"], false),
            "James Baker"
        );
        assert_eq!(name_key("Kim Jong-un"), name_key("Kim Jong Un"));
    }

    fn people(text: &str) -> Vec<String> {
        let gaz = &crate::extract::Extractor::shared().gazetteer;
        let hits = gaz.find(text);
        let mut seen = HashSet::default();
        PeopleFinder::new(gaz)
            .find(text, &hits)
            .into_iter()
            .map(|m| m.canonical)
            .filter(|c| seen.insert(c.clone()))
            .collect()
    }

    #[test]
    fn plural_titles_suffixes_and_verbs_stay_out_of_names() {
        let found = people(
            "Senators Rand Paul and Mike Lee objected. On the call was the director of national intelligence, James R. Clapper Jr.; John McCain Doesn't \"Understand\" it.",
        );
        let sons = people("Donald Trump Jr. met reporters. President Donald Trump did not.");
        assert!(sons.contains(&"Donald Trump Jr.".to_string()), "{sons:?}");
        let son = people("Donald Trump Jr. met reporters.");
        assert_eq!(son, ["Donald Trump Jr."]);
        let marcos = people("Ferdinand Marcos Jr. won the election.");
        assert_eq!(marcos, ["Ferdinand Marcos Jr."]);
        for name in ["Rand Paul", "Mike Lee", "James Clapper", "John McCain"] {
            assert!(found.iter().any(|p| p == name), "{name} not in {found:?}");
        }
        assert!(
            found
                .iter()
                .all(|p| !p.contains("Senators") && !p.contains("Jr") && !p.contains("Doesn")),
            "{found:?}"
        );
    }

    #[test]
    fn a_title_before_a_suffix_is_a_surname() {
        for text in [
            "Dr. Martin Luther King Jr. led the march. King spoke to thousands.",
            "The Rev. Martin Luther King Jr. led the march. King spoke to thousands.",
            "Martin Luther King, Jr. led the march. King spoke to thousands.",
            "Martin Luther King led the march.",
        ] {
            assert_eq!(people(text), ["Martin Luther King Jr."], "{text}");
        }
        // "King" later on is him, not the title: two mentions.
        let gaz = &crate::extract::Extractor::shared().gazetteer;
        let text = "Dr. Martin Luther King Jr. led the march. King spoke to thousands.";
        let found = PeopleFinder::new(gaz).find(text, &gaz.find(text));
        assert_eq!(found.len(), 2, "{found:?}");
        // Other surnames that are titles, with and without a suffix.
        assert_eq!(
            people("Rep. Peter King Jr. objected. Later, King said no."),
            ["Peter King"]
        );
        assert_eq!(
            people("Prime Minister John Major arrived. Major said the talks went well."),
            ["John Major"]
        );
        assert_eq!(
            people("Attorney General Eric Holder Jr. said the case was closed."),
            ["Eric Holder"]
        );
        assert_eq!(people("Dr. Anthony Fauci spoke."), ["Anthony Fauci"]);
        // A title word alone names nobody nobody else names in full, and is
        // no evidence for a name without any ("Leading Wisconsin Republican").
        assert!(people("The King said so. Republican said no.").is_empty());
        assert!(people("Leading Wisconsin Republican said no. Republican said so.").is_empty());
    }

    #[test]
    fn titles_introduce_but_do_not_join_names() {
        assert_eq!(
            people("West German Economics Minister Martin Bangemann said growth would slow."),
            ["Martin Bangemann"]
        );
        assert_eq!(
            people("Bundesbank President Karl Otto Poehl said rates would stay."),
            ["Karl Otto Poehl"]
        );
        assert_eq!(
            people("Japan's Prime Minister-designate Noboru Takeshita met reporters."),
            ["Noboru Takeshita"]
        );
        // A possessive ends a name: Reagan is one person, Carlucci another.
        assert_eq!(
            people("President Reagan's National Security Adviser Frank Carlucci spoke."),
            ["Ronald Reagan", "Frank Carlucci"]
        );
    }

    #[test]
    fn modifiers_firms_and_sentence_words_are_no_people() {
        // "Federal", "Special" and "General" are no titles on their own.
        assert!(
            people("The Federal Home Loan Bank Board said the Special Drawing Rights rose.")
                .is_empty()
        );
        assert!(people("General Dynamics and General Motors said profits rose.").is_empty());
        assert!(people("Merrill Lynch said the market would rise.").is_empty());
        assert!(people("Eli Lilly and Co said it would buy the unit.").is_empty());
        assert!(
            people("Dean Witter Reynolds Inc said it agreed. Later, Dean Witter said more.")
                .is_empty()
        );
        assert_eq!(
            people("Unlike Paul Volcker, he said nothing."),
            ["Paul Volcker"]
        );
        assert_eq!(
            people("Boston-based Spencer Companies said it agreed."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn surnames_alone_need_a_title_a_full_name_or_a_known_person() {
        assert_eq!(
            people(
                "T. Boone Pickens, the Texas oilman, spoke. Pickens told Reuters prices would rise."
            ),
            ["T. Boone Pickens"]
        );
        // Nobody named in full: a bare "Smith said" is nobody.
        assert!(people("Comissaria Smith said the crop was late.").is_empty());
        assert_eq!(people("Lawson said sterling was stable."), ["Nigel Lawson"]);
        assert_eq!(people("Chancellor Kohl said so."), ["Helmut Kohl"]);
    }
}
