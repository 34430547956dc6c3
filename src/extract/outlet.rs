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
/// first. Three names are as often real co-authors (CNN, AP, the New York
/// Times) as a widget (Townhall) on AllSides, so three stay.
const WIDGET_NAMES: usize = 4;

/// Authors from structured metadata and from byline and sign-off lines;
/// `first_lines` is the start of the body, where a byline would name them.
pub fn authors(
    raw_authors: &[String],
    bylines: &[String],
    first_lines: &str,
    outlets: &Outlets,
) -> Vec<String> {
    let mut listed: Vec<&str> = raw_authors
        .iter()
        .flat_map(|raw| split_names(raw))
        .filter(|entry| !is_author_label(entry))
        .collect();
    if listed.len() >= WIDGET_NAMES {
        let supported = |name: &str| {
            let surname = name.split_whitespace().last().unwrap_or(name);
            find_word(first_lines, surname).is_some()
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
        assert_eq!(authors(&[], &by, "", &o), vec!["Alexander Smith"]);
        assert_eq!(o.from_bylines(&by).as_deref(), Some("NBC News"));
        let follow = vec![
            "Follow Ben Kew on Facebook, Twitter at @ben_kew, or email him at bkew@breitbart.com."
                .to_string(),
        ];
        assert_eq!(authors(&[], &follow, "", &o), vec!["Ben Kew"]);
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
            authors(&vox, &[], "North Korea fired a missile.", &o),
            ["Alex Ward"]
        );
        assert_eq!(
            authors(
                &vox,
                &[],
                "By Li Zhou and Alex Ward\n\nNorth Korea fired.",
                &o
            ),
            ["Alex Ward", "Li Zhou"]
        );
        let cnn = vec!["Stephan Haggard, Special To Cnn".to_string()];
        assert_eq!(authors(&cnn, &[], "", &o), ["Stephan Haggard"]);
        let wsj = vec!["Joe Palazzolo, Nicole Hong, Joe.Palazzolo Wsj.Com".to_string()];
        assert_eq!(authors(&wsj, &[], "", &o), ["Joe Palazzolo", "Nicole Hong"]);
        let two = vec!["S. E. Cupp, Sun-Times Wire, Sun-Times Staff Report".to_string()];
        assert_eq!(authors(&two, &[], "", &o), ["S. E. Cupp"]);
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
