//! Outlets under one canonical name, from metadata, the URL's domain, a
//! byline ("with NBC News") or an e-mail address in a sign-off.

use rustc_hash::FxHashMap as HashMap;

use super::tsv::{rows, values};

const OUTLETS: &str = include_str!("../../index-schema/gazetteer/outlets.tsv");
/// Wire services credit themselves in bylines of other outlets' stories.
const WIRES: &[&str] = &["Associated Press", "Reuters", "Agence France-Presse", "AFP"];

pub struct Outlets {
    by_alias: HashMap<String, String>,
    by_domain: HashMap<String, String>,
    /// (alias, canonical), longest alias first, for scanning bylines.
    aliases: Vec<(String, String)>,
}

fn domain_of(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && !host.contains(' ')).then_some(host)
}

impl Outlets {
    pub fn load() -> Outlets {
        let mut by_alias = HashMap::default();
        let mut by_domain = HashMap::default();
        let mut aliases = Vec::new();
        for row in rows(OUTLETS) {
            let name = row[0].to_string();
            for alias in std::iter::once(row[0]).chain(values(&row, 1)) {
                by_alias.insert(alias.to_lowercase(), name.clone());
                aliases.push((alias.to_string(), name.clone()));
            }
            for domain in values(&row, 2) {
                by_domain.insert(domain.to_lowercase(), name.clone());
            }
        }
        aliases.sort_by_key(|(a, _)| std::cmp::Reverse(a.len()));
        Outlets {
            by_alias,
            by_domain,
            aliases,
        }
    }

    /// Every name and alias, as written in the data.
    pub fn names(&self) -> Vec<String> {
        self.aliases
            .iter()
            .map(|(alias, _)| alias.clone())
            .collect()
    }

    pub fn is_outlet_name(&self, name: &str) -> bool {
        self.by_alias.contains_key(&name.trim().to_lowercase())
    }

    /// `nbcnews.com`, `www.nbcnews.com` or `edition.cnn.com` to its outlet.
    pub fn by_domain(&self, host: &str) -> Option<&str> {
        let mut host = host.trim().to_lowercase();
        host = host.strip_prefix("www.").unwrap_or(&host).to_string();
        loop {
            if let Some(name) = self.by_domain.get(&host) {
                return Some(name);
            }
            let (_, parent) = host.split_once('.')?;
            if !parent.contains('.') {
                return None;
            }
            host = parent.to_string();
        }
    }

    /// A name as a source gives it ("Fox Online News", "nbcnews.com") to its canonical form.
    pub fn canonical(&self, raw: &str) -> String {
        let raw = raw.trim();
        if let Some(name) = self.by_alias.get(&raw.to_lowercase()) {
            return name.clone();
        }
        if let Some(name) = domain_of(raw).and_then(|d| self.by_domain(&d).map(String::from)) {
            return name;
        }
        raw.to_string()
    }

    /// The canonical outlet a name stands for, only when it is a known alias.
    pub fn named(&self, raw: &str) -> Option<&str> {
        self.by_alias
            .get(&raw.trim().to_lowercase())
            .map(String::as_str)
    }

    pub fn from_url(&self, url: &str) -> Option<String> {
        let host = domain_of(url)?;
        Some(self.by_domain(&host).map(String::from).unwrap_or(host))
    }

    /// The outlet a byline or sign-off credits: an e-mail domain first, then a
    /// named outlet, a publisher preferred over a wire service it credits.
    pub fn from_bylines(&self, bylines: &[String]) -> Option<String> {
        for line in bylines {
            for word in line.split_whitespace() {
                if let Some((_, domain)) = word.split_once('@') {
                    let domain = domain.trim_end_matches(|c: char| !c.is_alphanumeric());
                    if let Some(name) = self.by_domain(domain) {
                        return Some(name.to_string());
                    }
                }
            }
        }
        let mut found: Vec<(usize, &str)> = Vec::new();
        for line in bylines {
            for (alias, name) in &self.aliases {
                if alias.len() < 3 {
                    continue;
                }
                if let Some(pos) = find_word(line, alias) {
                    found.push((pos, name));
                }
            }
        }
        found.sort();
        let publisher = found.iter().rev().find(|(_, n)| !WIRES.contains(n));
        publisher.or(found.last()).map(|(_, n)| n.to_string())
    }
}

/// Byte position of `needle` in `hay` as a whole word.
pub fn find_word(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(start);
        }
        from = start + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

const AUTHOR_LABELS: &str = include_str!("../../index-schema/author_labels.tsv");

/// "Special To Cnn", "Sun-Times Staff Report", "Joe.Palazzolo Wsj.Com": a
/// label or an address where an author's name should be.
fn is_author_label(entry: &str) -> bool {
    static LABELS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let labels = LABELS.get_or_init(|| super::tsv::word_set(AUTHOR_LABELS, "label"));
    entry.split_whitespace().any(|word| {
        let lower = word.to_lowercase();
        let address = word
            .split_once('.')
            .is_some_and(|(a, b)| a.chars().count() >= 2 && b.chars().count() >= 2);
        labels.contains(lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')) || address
    })
}

/// A list of this many names or more is a page's widget of its writers
/// ("Jim Geraghty, Kyle Smith, Luke Thompson, ..." under one National Review
/// column): only the names the article's first lines support stay, else the
/// first (the URL's path naming one counts as support too).
const WIDGET_NAMES: usize = 4;

/// Three names are as often real co-authors (CNN, Politico, the New York
/// Times, whose AllSides bodies name none of them) as a widget (Townhall's
/// writers; Politico Magazine's staff beside a guest's bio): they are cut to
/// the names the URL's path or a byline ("By ...", not a sign-off) names, or
/// that open a sentence of the first lines (a bio: "Glenn Thrush is senior
/// staff writer..."), and all stay when none is. A surname merely in the first lines is the story's
/// subject as often as its author, so it does not count here.
const CO_AUTHORS: usize = 3;

/// "townhall.com/tipsheet/mattvespa/2015/...": a path segment after the
/// first (a section: "washingtonpost.com/national-security/") spelling the name.
fn url_names(url: &str, name: &str) -> bool {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let name = letters(name);
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    name.len() >= 5
        && path
            .split('/')
            .skip(2)
            .any(|segment| letters(segment) == name)
}

/// The name (with or without its middle initials) opens a sentence; a name
/// with a title ("Rep. Katie Hill", "Dr. Jay Varkey") is a subject, not a bio.
fn opens_sentence(text: &str, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    {
        return false;
    }
    let short: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| *i == 0 || *i == words.len() - 1 || !w.ends_with('.'))
        .map(|(_, w)| *w)
        .collect();
    [words.join(" "), short.join(" ")].iter().any(|n| {
        let mut from = 0;
        while let Some(at) = find_word(&text[from..], n).map(|i| from + i) {
            let before = text[..at].trim_end_matches(' ');
            if before.is_empty() || before.ends_with(['.', '\n', '!', '?']) {
                return true;
            }
            from = at + n.len();
        }
        false
    })
}

/// Authors from structured metadata and from byline and sign-off lines;
/// `first_lines` is the start of the body, where a byline would name them,
/// `url` the article's address, whose path may name its author.
pub fn authors(
    raw_authors: &[String],
    bylines: &[String],
    first_lines: &str,
    url: Option<&str>,
    outlets: &Outlets,
) -> Vec<String> {
    let mut listed: Vec<&str> = raw_authors
        .iter()
        .flat_map(|raw| split_names(raw))
        .filter(|entry| !is_author_label(entry))
        .collect();
    let in_url = |name: &str| url.is_some_and(|u| url_names(u, name));
    if listed.len() == CO_AUTHORS {
        // A byline, not a sign-off ("Doug Palmer contributed to this report").
        let by = |b: &&String| b.starts_with("By ") || b.starts_with("BY ") || b.contains(" by ");
        let named = |name: &str| {
            in_url(name)
                || opens_sentence(first_lines, name)
                || bylines
                    .iter()
                    .filter(by)
                    .any(|b| find_word(b, name).is_some())
        };
        let kept: Vec<&str> = listed.iter().copied().filter(|n| named(n)).collect();
        if !kept.is_empty() {
            listed = kept;
        }
    }
    if listed.len() >= WIDGET_NAMES {
        let supported = |name: &str| {
            let surname = name.split_whitespace().last().unwrap_or(name);
            in_url(name)
                || find_word(first_lines, surname).is_some()
                || bylines.iter().any(|b| find_word(b, surname).is_some())
        };
        let kept: Vec<&str> = listed.iter().copied().filter(|n| supported(n)).collect();
        listed = if kept.is_empty() {
            listed[..1].to_vec()
        } else {
            kept
        };
    }
    let mut names: Vec<String> = Vec::new();
    let mut push = |name: &str| {
        let name = name
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .trim();
        let words = name.split_whitespace().count();
        let looks_like_name = (1..=5).contains(&words)
            && name.chars().next().is_some_and(char::is_uppercase)
            && !name.contains('@')
            && !name.starts_with("http");
        if looks_like_name && !outlets.is_outlet_name(name) && !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    };
    for part in listed {
        push(part);
    }
    for line in bylines {
        let line = line.trim();
        let names_part = if let Some(rest) = line.strip_prefix("Follow ") {
            // "Follow Ben Kew on Facebook, Twitter at @ben_kew, or email him at ..."
            rest.split(" on ").next().unwrap_or("")
        } else if let Some(i) = line.find(" by ") {
            // "By X", "Reporting by X in Seoul; Editing by Y": the reporters.
            let rest = &line[i + 4..];
            let rest = rest.split(';').next().unwrap_or(rest);
            rest.split(" in ").next().unwrap_or(rest)
        } else {
            line.strip_prefix("By ")
                .or_else(|| line.strip_prefix("BY "))
                .unwrap_or_default()
        };
        // "with NBC News World News": what follows "with" is the publisher.
        let names_part = names_part.split(" with ").next().unwrap_or("");
        for part in split_names(names_part) {
            push(part);
        }
    }
    names
}

fn split_names(s: &str) -> Vec<&str> {
    s.split([',', ';', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_from_seed_bylines() {
        let o = Outlets::load();
        let by =
            vec!["By Alexander Smith and Associated Press with NBC News World News".to_string()];
        assert_eq!(authors(&[], &by, "", None, &o), vec!["Alexander Smith"]);
        assert_eq!(o.from_bylines(&by).as_deref(), Some("NBC News"));
        let follow = vec![
            "Follow Ben Kew on Facebook, Twitter at @ben_kew, or email him at bkew@breitbart.com."
                .to_string(),
        ];
        assert_eq!(authors(&[], &follow, "", None, &o), vec!["Ben Kew"]);
        assert_eq!(o.from_bylines(&follow).as_deref(), Some("Breitbart"));
    }

    #[test]
    fn widget_lists_and_labels_give_the_byline_names() {
        let o = Outlets::load();
        let vox = vec![
            "Alex Ward, Terry Nguyen, Rebecca Jennings, Hannah Brown, Lauren Katz, Theodore Schleifer, Li Zhou"
                .to_string(),
        ];
        assert_eq!(
            authors(&vox, &[], "North Korea fired a missile.", None, &o),
            ["Alex Ward"]
        );
        assert_eq!(
            authors(
                &vox,
                &[],
                "By Li Zhou and Alex Ward\n\nNorth Korea fired.",
                None,
                &o
            ),
            ["Alex Ward", "Li Zhou"]
        );
        let cnn = vec!["Stephan Haggard, Special To Cnn".to_string()];
        assert_eq!(authors(&cnn, &[], "", None, &o), ["Stephan Haggard"]);
        let wsj = vec!["Joe Palazzolo, Nicole Hong, Joe.Palazzolo Wsj.Com".to_string()];
        assert_eq!(
            authors(&wsj, &[], "", None, &o),
            ["Joe Palazzolo", "Nicole Hong"]
        );
        let two = vec!["S. E. Cupp, Sun-Times Wire, Sun-Times Staff Report".to_string()];
        assert_eq!(authors(&two, &[], "", None, &o), ["S. E. Cupp"]);
    }

    #[test]
    fn three_names_are_cut_to_those_the_url_or_a_bio_names() {
        let o = Outlets::load();
        let townhall = vec!["Matt Vespa, Guy Benson, Julio Rosas".to_string()];
        let url =
            "http://townhall.com/tipsheet/mattvespa/2015/07/17/usa-today-sanctuary-cities-n2026445";
        assert_eq!(
            authors(&townhall, &[], "Well, it is great.", Some(url), &o),
            ["Matt Vespa"]
        );
        let politico = vec!["Jack Shafer, Natasha Bertrand, Samuel R. Berger".to_string()];
        let bio = "In The Arena The Fantasy of a Better Iran Deal.\n\nSamuel Berger, a former national security adviser, writes.";
        assert_eq!(authors(&politico, &[], bio, None, &o), ["Samuel R. Berger"]);
        // Named only as the story's subject, mid-sentence: all three stay.
        let fox = vec!["Judson Berger, Reince Priebus, Chris Stirewalt".to_string()];
        let subject =
            "When President Trump fired him, former chief of staff Reince Priebus said so.";
        assert_eq!(authors(&fox, &[], subject, None, &o).len(), 3);
        // A sign-off names a contributor, not the authors: all three stay.
        let signoff = vec!["Doug Palmer contributed to this report.".to_string()];
        let politico = vec!["Ben White, Doug Palmer, Megan Cassella".to_string()];
        assert_eq!(authors(&politico, &signoff, "Tariffs.", None, &o).len(), 3);
        // Real co-authors nothing names: all three stay.
        let cnn = vec!["Lauren Fox, Alex Rogers, Ashley Killough".to_string()];
        let url = "https://www.cnn.com/2019/01/16/politics/nancy-pelosi-asks-trump/index.html";
        assert_eq!(
            authors(
                &cnn,
                &[],
                "(CNN) Speaker Nancy Pelosi sent a letter.",
                Some(url),
                &o
            ),
            ["Lauren Fox", "Alex Rogers", "Ashley Killough"]
        );
    }

    #[test]
    fn domains_and_aliases() {
        let o = Outlets::load();
        assert_eq!(o.canonical("nbcnews.com"), "NBC News");
        assert_eq!(
            o.from_url("https://www.nbcnews.com/news/x").as_deref(),
            Some("NBC News")
        );
        assert_eq!(o.canonical("Some Local Paper"), "Some Local Paper");
    }
}
