//! People: capitalised name runs accepted on evidence (a title before, a
//! given name first, "said" after, a known person, an East Asian name shape),
//! then within-article coreference so a later "Pompeo" is Mike Pompeo and an
//! unqualified "Kim" among two Kims is nobody.

use std::collections::HashMap;

use super::gazetteer::{Entity, Gazetteer, Hit};
use super::tokens::{Token, tokenize};

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
    PARTICLES.contains(&word) || PARTICLES.iter().any(|p| {
        word.strip_prefix(p)
            .and_then(|r| r.strip_prefix('-'))
            .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
    })
}

fn is_initial(word: &str) -> bool {
    word.ends_with('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 2
        && word.chars().all(|c| c.is_uppercase() || c == '.')
}

/// Spelling differences that do not make another person: "Kim Jong Un",
/// "Kim Jong-Un" and "Kim Jong-un" share one key.
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

pub struct PeopleFinder<'g> {
    gaz: &'g Gazetteer,
}

/// A capitalised run after titles and stray words are trimmed away.
struct Run<'t> {
    tokens: Vec<Token<'t>>,
    titled: bool,
}

impl<'g> PeopleFinder<'g> {
    pub fn new(gaz: &'g Gazetteer) -> Self {
        PeopleFinder { gaz }
    }

    fn name_like(&self, t: &Token) -> bool {
        let w = t.text;
        if w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && w.chars().count() > 2 {
            // ALL-CAPS words are headlines, acronyms or datelines, not names.
            return false;
        }
        (t.is_capitalized() && !w.chars().next().unwrap().is_numeric()) || is_particle(w)
    }

    /// Finds the people of one text; `place_spans` are gazetteer places and
    /// demonyms, which never start a name ("South Korean President Moon").
    pub fn find(&self, text: &str, hits: &[Hit]) -> Vec<PersonMention> {
        let tokens = tokenize(text);
        let in_place = |t: &Token| {
            hits.iter().any(|h| {
                t.start >= h.start
                    && t.end <= h.end
                    && self.gaz.forms[h.form]
                        .entities
                        .iter()
                        .all(|e| !matches!(e, Entity::Person(_)))
            })
        };

        let mut full: Vec<PersonMention> = Vec::new();
        let mut singles: Vec<(usize, usize, &str, bool)> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if !self.name_like(&tokens[i]) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < tokens.len() && tokens[j].joined && self.name_like(&tokens[j]) {
                j += 1;
            }
            let prev = (i > 0 && tokens[i].joined).then(|| tokens[i - 1].text);
            let next = tokens.get(j).filter(|t| t.joined || t.text == "said").map(|t| t.text);
            if let Some(run) = self.trim(&tokens[i..j], prev, &in_place) {
                let said = next.is_some_and(|n| self.gaz.cue_after.contains(n));
                let first = run.tokens[0];
                let last = run.tokens[run.tokens.len() - 1];
                let surface = &text[first.start..last.end];
                if run.tokens.len() == 1 {
                    singles.push((first.start, last.end, surface, run.titled));
                } else if let Some(name) = self.accept(&run, said, surface) {
                    full.push(PersonMention {
                        start: first.start,
                        end: last.end,
                        canonical: name,
                    });
                }
            }
            i = j;
        }
        // Known people the gazetteer matched verbatim ("Kim Jong Un").
        for h in hits {
            for e in &self.gaz.forms[h.form].entities {
                if let Entity::Person(p) = e {
                    full.push(PersonMention {
                        start: h.start,
                        end: h.end,
                        canonical: self.gaz.people[*p as usize].clone(),
                    });
                }
            }
        }
        self.resolve_singles(full, &singles)
    }

    /// Drops leading titles, stray capitalised words and places, and trailing
    /// non-name words; a run naming a thing (an org word after the name) is no person.
    fn trim<'t>(
        &self,
        run: &[Token<'t>],
        prev: Option<&str>,
        in_place: &dyn Fn(&Token) -> bool,
    ) -> Option<Run<'t>> {
        let gaz = self.gaz;
        let mut titled = prev.is_some_and(|p| gaz.titles.contains(p));
        let mut start = 0;
        while start < run.len() {
            let w = run[start].text;
            if gaz.titles.contains(w) {
                titled = true;
            } else if !(gaz.not_name.contains(w) || gaz.org_words.contains(w) || in_place(&run[start]))
            {
                break;
            }
            start += 1;
        }
        let mut end = run.len();
        while end > start {
            let w = run[end - 1].text;
            if gaz.not_name.contains(w) || gaz.titles.contains(w) || is_particle(w) || is_initial(w) {
                end -= 1;
            } else {
                break;
            }
        }
        if start >= end || end - start > MAX_NAME_TOKENS {
            return None;
        }
        let name = &run[start..end];
        if name.iter().any(|t| gaz.org_words.contains(t.text) || gaz.not_name.contains(t.text)) {
            return None;
        }
        if name.iter().all(|t| in_place(t)) {
            return None;
        }
        Some(Run {
            tokens: name.to_vec(),
            titled,
        })
    }

    fn accept(&self, run: &Run, said: bool, surface: &str) -> Option<String> {
        let gaz = self.gaz;
        let words: Vec<&str> = run.tokens.iter().map(|t| t.text).collect();
        if let Some(form) = gaz.lookup(surface) {
            if let Some(Entity::Person(p)) = form.entities.iter().find(|e| matches!(e, Entity::Person(_))) {
                return Some(gaz.people[*p as usize].clone());
            }
        }
        let given = gaz.given_names.contains(words[0]);
        let east_asian = gaz.surname_first.contains(words[0])
            && (words.len() == 3 || words[1].contains('-') || words.len() == 2 && words[1].len() >= 4);
        if !(given || run.titled || said || east_asian) {
            return None;
        }
        Some(canonical_form(&words, east_asian))
    }

    /// Single words become people only through someone named in full in the
    /// same article ("Pompeo", "Moon"), or, after a title, on their own
    /// ("President Reagan") when nobody else in the gazetteer shares the name.
    fn resolve_singles(
        &self,
        mut full: Vec<PersonMention>,
        singles: &[(usize, usize, &str, bool)],
    ) -> Vec<PersonMention> {
        let mut by_part: HashMap<&str, Vec<String>> = HashMap::new();
        for m in &full {
            let words: Vec<&str> = m.canonical.split_whitespace().collect();
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
        for &(start, end, word, titled) in singles {
            let word_base = word.split('-').next().unwrap_or(word);
            let candidates = by_part.get(word).or_else(|| by_part.get(word_base));
            match candidates {
                Some(names) if names.len() == 1 => resolved.push(PersonMention {
                    start,
                    end,
                    canonical: names[0].clone(),
                }),
                Some(_) => {} // two Kims: an unqualified "Kim" is neither
                None if titled && plausible_surname(word) => {
                    let known = self.gaz.by_surname.get(word).filter(|ids| ids.len() == 1);
                    let canonical = match known {
                        Some(ids) => self.gaz.people[ids[0] as usize].clone(),
                        None => word.to_string(),
                    };
                    resolved.push(PersonMention {
                        start,
                        end,
                        canonical,
                    });
                }
                None => {}
            }
        }
        full.extend(resolved);
        full.sort_by_key(|m| m.start);
        full
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
        assert_eq!(canonical_form(&["James", "A.", "Baker"], false), "James Baker");
        assert_eq!(name_key("Kim Jong-un"), name_key("Kim Jong Un"));
    }
}
