//! Extract: who, where, which outlet and when, under canonical names, so that
//! facets count one value per real-world thing and filters match any alias.

pub mod date;
pub mod gazetteer;
pub mod outlet;
mod people;
mod tokens;
mod tsv;

use std::collections::HashSet;
use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::article::Article;
use gazetteer::CountryId;
pub use gazetteer::{Entity, Gazetteer};
pub use outlet::Outlets;
pub use people::name_key;
use people::{PeopleFinder, PersonMention};

/// Everything extraction knows, loaded once per process.
pub struct Extractor {
    pub gazetteer: Gazetteer,
    pub outlets: Outlets,
    successions: Vec<Succession>,
    east_german_places: HashSet<gazetteer::PlaceId>,
    east_germany: Option<CountryId>,
}

impl Extractor {
    pub fn new() -> Extractor {
        let gazetteer = Gazetteer::load();
        let (successions, east_german_places, east_germany) = resolve_successions(&gazetteer);
        Extractor {
            gazetteer,
            outlets: Outlets::load(),
            successions,
            east_german_places,
            east_germany,
        }
    }

    /// The process-wide extractor: the gazetteers are parsed on first use only.
    pub fn shared() -> &'static Extractor {
        static SHARED: OnceLock<Extractor> = OnceLock::new();
        SHARED.get_or_init(Extractor::new)
    }

    pub fn extract(&self, article: &mut Article) {
        self.resolve_outlet(article);
        self.resolve_date(article);
        article.authors =
            outlet::authors(&article.raw.authors, &article.raw.bylines, &self.outlets);

        let text = format!("{}\n\n{}", article.title, article.body);
        let hits = self.gazetteer.find(&text);
        let mentions = PeopleFinder::new(&self.gazetteer).find(&text, &hits);
        let author_keys: HashSet<String> = article.authors.iter().map(|a| name_key(a)).collect();
        let mut seen = HashSet::new();
        article.people = mentions
            .iter()
            .map(|m| m.canonical.clone())
            .filter(|p| !author_keys.contains(&name_key(p)) && seen.insert(name_key(p)))
            .collect();

        let date = article.date.map(|d| d.date_naive());
        let (places, countries) = self.places(
            &article.title,
            &text,
            &hits,
            &mentions,
            article.raw.dateline.as_deref(),
            date,
        );
        article.places = places;
        article.countries = countries;
        if tune().debug {
            eprintln!("EVIDENCE\t{}\t{}", article.id, DEBUG.with(|d| d.take()));
        }
    }

    fn resolve_outlet(&self, article: &mut Article) {
        let outlets = &self.outlets;
        article.outlet = article
            .raw
            .outlet
            .as_deref()
            .map(|o| outlets.canonical(o))
            .or_else(|| article.url.as_deref().and_then(|u| outlets.from_url(u)))
            .or_else(|| outlets.from_bylines(&article.raw.bylines));
    }

    fn resolve_date(&self, article: &mut Article) {
        article.date = article
            .raw
            .date
            .as_deref()
            .and_then(date::parse_date)
            .or_else(|| article.url.as_deref().and_then(date::date_from_url));
    }

    /// Places named (countries included) and the countries the article is
    /// about. Every place named is a place; a country counts when the
    /// dateline, the title or the lead names it (or a place in it), or when
    /// the text comes back to it; a single passing mention further down
    /// ("listed in Luxembourg") does not, unless nothing else qualifies.
    /// A name inside a person's name is no place ("Paris Hilton"); an
    /// ambiguous one next to a name-like word is left out ("Chad Smith");
    /// a demonym naming a currency ("U.S. dlrs", "Swiss francs") is no evidence.
    fn places(
        &self,
        title: &str,
        text: &str,
        hits: &[gazetteer::Hit],
        people: &[PersonMention],
        dateline: Option<&str>,
        date: Option<NaiveDate>,
    ) -> (Vec<String>, Vec<String>) {
        let gaz = &self.gazetteer;
        let mut places: Vec<String> = Vec::new();
        let mut evidence: Vec<(CountryId, Support)> = Vec::new();
        let mut add = |entity: Entity, w: Source, places: &mut Vec<String>| {
            match entity {
                Entity::Country(c) => places.push(gaz.countries[c as usize].clone()),
                Entity::Place(p) => places.push(gaz.places[p as usize].name.clone()),
                _ => {}
            }
            if let Some(c) = gaz.country_of(entity) {
                let c = self.historical(c, entity, date);
                match evidence.iter_mut().find(|(id, _)| *id == c) {
                    Some((_, s)) => s.add(w),
                    None => {
                        let mut s = Support::default();
                        s.add(w);
                        evidence.push((c, s));
                    }
                }
            }
        };
        if let Some(line) = dateline {
            for e in self.dateline_places(line) {
                add(e, Source::Dateline, &mut places);
            }
        }
        let title_len = title.len();
        if is_all_caps(title) {
            for e in self.caps_places(title) {
                add(e, Source::Title, &mut places);
            }
        }
        let body_start = (title_len + 2).min(text.len());
        let lead_end = text[body_start..]
            .find("\n\n")
            .map_or(text.len(), |i| body_start + i);
        let mut last_place: Option<(usize, CountryId)> = None;
        for hit in hits {
            if people
                .iter()
                .any(|m| hit.start < m.end && m.start < hit.end)
            {
                continue;
            }
            let form = &gaz.forms[hit.form];
            if form.ambiguous && self.next_to_name(text, hit.start, hit.end) {
                continue;
            }
            let entity = form
                .entities
                .iter()
                .find(|e| matches!(e, Entity::Country(_) | Entity::Demonym(_)))
                .or_else(|| form.entities.iter().find(|e| matches!(e, Entity::Place(_))));
            let Some(&e) = entity else { continue };
            // "New England" is not England when the gazetteer lacks it.
            if text[..hit.start].ends_with("New ") {
                continue;
            }
            // "Stockholm, Sweden" names Sweden once.
            let apposition = matches!(e, Entity::Country(_))
                && last_place.is_some_and(|(end, c)| {
                    text[end..hit.start] == *", " && Some(c) == gaz.country_of(e)
                });
            if let Entity::Place(p) = e {
                last_place = Some((hit.end, gaz.places[p as usize].country));
            }
            if apposition {
                places.push(gaz.countries[gaz.country_of(e).unwrap() as usize].clone());
                continue;
            }
            let w = if hit.end <= title_len {
                Source::Title
            } else if hit.start < lead_end {
                Source::Lead
            } else {
                Source::Mention
            };
            if tune().currency && names_currency(text, hit.end) {
                // "U.S. dlrs": the place is still named, the country gains nothing.
                if let Entity::Place(p) = e {
                    places.push(gaz.places[p as usize].name.clone());
                }
                continue;
            }
            add(e, w, &mut places);
        }
        (unique(places.into_iter()), self.countries_about(&evidence))
    }

    /// The state a place was in on the article's date (Bonn in 1987 is in West Germany).
    fn historical(&self, country: CountryId, entity: Entity, date: Option<NaiveDate>) -> CountryId {
        let Some(date) = date else { return country };
        if !tune().successions {
            return country;
        }
        if let (Entity::Place(p), Some(east)) = (entity, self.east_germany) {
            let west = self
                .successions
                .iter()
                .find(|s| s.later == country && s.from <= date && date < s.until);
            if west.is_some() && self.east_german_places.contains(&p) {
                return east;
            }
        }
        self.successions
            .iter()
            .find(|s| s.later == country && s.from <= date && date < s.until)
            .map_or(country, |s| s.earlier)
    }

    /// The place a name stands for when it stands alone (a dateline, a
    /// headline): a country first, else a place, never a person.
    fn place_named(&self, name: &str) -> Option<Entity> {
        let form = self.gazetteer.lookup(name)?;
        form.entities
            .iter()
            .find(|e| matches!(e, Entity::Country(_)))
            .or_else(|| form.entities.iter().find(|e| matches!(e, Entity::Place(_))))
            .copied()
    }

    /// "SEOUL, Sept 20" is Seoul; "BURLINGAME, Calif., March 5" is in
    /// California whatever else is called Burlingame; "VALENCIA, Calif." is
    /// not the Spanish or Venezuelan city.
    fn dateline_places(&self, line: &str) -> Vec<Entity> {
        let mut parts: Vec<&str> = line
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() > 1 && parts.last().is_some_and(|p| is_date_part(p)) {
            parts.pop();
        }
        let Some((head, qualifiers)) = parts.split_first() else {
            return Vec::new();
        };
        let region = qualifiers.iter().rev().find_map(|q| {
            let key: String = q
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            match REGION_ABBREVIATIONS.iter().find(|(abbr, _)| *abbr == key) {
                Some((_, name)) => {
                    let form = self.gazetteer.lookup(name)?;
                    form.entities
                        .iter()
                        .find(|e| matches!(e, Entity::Place(_)))
                        .copied()
                }
                None => self.place_named(q),
            }
        });
        let city = self.place_named(head);
        match (city, region) {
            (Some(c), Some(r)) => {
                let gaz = &self.gazetteer;
                if gaz.country_of(c) == gaz.country_of(r) {
                    vec![c, r]
                } else {
                    vec![r]
                }
            }
            (Some(c), None) => vec![c],
            (None, Some(r)) => vec![r],
            (None, None) => Vec::new(),
        }
    }

    /// Places in an ALL-CAPS headline, matched regardless of case, longest
    /// first; names that are also words or people are left to the body.
    fn caps_places(&self, title: &str) -> Vec<Entity> {
        let tokens = tokens::tokenize(title);
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let mut matched = 0;
            for n in (1..=4.min(tokens.len() - i)).rev() {
                let span = &title[tokens[i].start..tokens[i + n - 1].end];
                let Some(form) = self.gazetteer.lookup(span) else {
                    continue;
                };
                if form.ambiguous || form.entities.iter().any(|e| matches!(e, Entity::Person(_))) {
                    continue;
                }
                // A short capitalised word may be an acronym ("GAO" is no
                // Malian city): alone it counts only as a country's own code
                // with dots or more letters ("U.S.", "USSR"), never "US".
                let short = n == 1 && span.chars().filter(|c| c.is_alphabetic()).count() <= 4;
                let country_code = form
                    .entities
                    .iter()
                    .any(|e| matches!(e, Entity::Country(_)))
                    && (span.contains('.') || span.len() > 2 || span == "UK");
                if short && !country_code {
                    continue;
                }
                // "BANK OF NEW ENGLAND": a place after "New" is another place.
                if i > 0 && tokens[i - 1].text.eq_ignore_ascii_case("new") {
                    continue;
                }
                if names_currency(title, tokens[i + n - 1].end) {
                    matched = n;
                    break;
                }
                let entity = form
                    .entities
                    .iter()
                    .find(|e| matches!(e, Entity::Country(_) | Entity::Demonym(_)))
                    .or_else(|| form.entities.iter().find(|e| matches!(e, Entity::Place(_))));
                if let Some(&e) = entity {
                    found.push(e);
                    matched = n;
                    break;
                }
            }
            i += matched.max(1);
        }
        found
    }

    /// An ambiguous place next to a word that could be part of a name
    /// ("Chad Smith", "Israel Epstein"); titles, organisation words and places
    /// around it keep it a place ("Israel Defense Forces", "German Chancellor").
    fn next_to_name(&self, text: &str, start: usize, end: usize) -> bool {
        let gaz = &self.gazetteer;
        let name_like = |w: &str| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().any(char::is_lowercase)
                && !gaz.titles.contains(w)
                && !gaz.org_words.contains(w)
                && !gaz.not_name.contains(w)
                && gaz
                    .lookup(w)
                    .is_none_or(|f| f.entities.iter().all(|e| matches!(e, Entity::Person(_))))
        };
        let (before, after) = neighbour_words(text, start, end);
        before.is_some_and(name_like) || after.is_some_and(name_like)
    }

    /// The countries that qualify, in order of first evidence; when none
    /// does, the best-supported one (an article is about somewhere).
    fn countries_about(&self, evidence: &[(CountryId, Support)]) -> Vec<String> {
        let tune = tune();
        if tune.debug {
            let dump: Vec<String> = evidence
                .iter()
                .map(|(c, s)| {
                    format!(
                        "{}:{}:{}:{}:{}",
                        self.gazetteer.countries[*c as usize],
                        s.dateline as u8,
                        s.title as u8,
                        s.lead,
                        s.mentions
                    )
                })
                .collect();
            DEBUG.with(|d| d.replace(dump.join("|")));
        }
        let mut kept: Vec<CountryId> = evidence
            .iter()
            .filter(|(_, s)| s.qualifies(tune))
            .map(|(c, _)| *c)
            .collect();
        if kept.is_empty() {
            let best = evidence.iter().map(|(_, s)| s.score()).max().unwrap_or(0);
            kept = evidence
                .iter()
                .filter(|(_, s)| s.score() == best)
                .map(|(c, _)| *c)
                .collect();
            if kept.len() > tune.fallback_max {
                kept.clear();
            }
        }
        kept.into_iter()
            .map(|c| self.gazetteer.countries[c as usize].clone())
            .collect()
    }
}

/// Where a country was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Dateline,
    Title,
    /// The first paragraph of the body.
    Lead,
    Mention,
}

/// What the article says about one country.
#[derive(Debug, Clone, Copy, Default)]
struct Support {
    dateline: bool,
    title: bool,
    lead: u32,
    mentions: u32,
}

impl Support {
    fn add(&mut self, source: Source) {
        match source {
            Source::Dateline => self.dateline = true,
            Source::Title => self.title = true,
            Source::Lead => self.lead += 1,
            Source::Mention => {}
        }
        if source != Source::Dateline {
            self.mentions += 1;
        }
    }

    fn qualifies(&self, tune: &Tune) -> bool {
        self.dateline
            || self.title
            || (self.lead > 0 && tune.lead)
            || self.mentions >= tune.min_mentions
            || (self.lead > 0 && self.mentions >= tune.lead_count)
    }

    fn score(&self) -> u32 {
        self.mentions + self.lead
    }
}

thread_local! {
    static DEBUG: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Temporary tuning knobs (COMMUNIQUE_TUNE="lead=1,min=2,...").
#[derive(Debug)]
struct Tune {
    lead: bool,
    min_mentions: u32,
    lead_count: u32,
    fallback_max: usize,
    currency: bool,
    successions: bool,
    debug: bool,
}

fn tune() -> &'static Tune {
    static TUNE: OnceLock<Tune> = OnceLock::new();
    TUNE.get_or_init(|| {
        let mut t = Tune {
            lead: true,
            min_mentions: 2,
            lead_count: 1,
            fallback_max: 1,
            currency: true,
            successions: true,
            debug: false,
        };
        if let Ok(spec) = std::env::var("COMMUNIQUE_TUNE") {
            for kv in spec.split(',') {
                let Some((k, v)) = kv.split_once('=') else {
                    continue;
                };
                let n: u32 = v.parse().unwrap_or(0);
                match k {
                    "lead" => t.lead = n > 0,
                    "min" => t.min_mentions = n,
                    "leadcount" => t.lead_count = n,
                    "fallback" => t.fallback_max = n as usize,
                    "currency" => t.currency = n > 0,
                    "succ" => t.successions = n > 0,
                    "debug" => t.debug = n > 0,
                    _ => {}
                }
            }
        }
        t
    })
}

/// AP-style abbreviations of US states and Canadian provinces, as datelines
/// write them after a city ("BURLINGAME, Calif."), lower-cased without dots
/// or spaces, with the region's name in the gazetteer. Only ever read in a
/// dateline: in running text "Ill." or "Miss." mean something else.
const REGION_ABBREVIATIONS: &[(&str, &str)] = &[
    ("ala", "Alabama"),
    ("al", "Alabama"),
    ("alaska", "Alaska"),
    ("ak", "Alaska"),
    ("ariz", "Arizona"),
    ("az", "Arizona"),
    ("ark", "Arkansas"),
    ("ar", "Arkansas"),
    ("calif", "California"),
    ("cal", "California"),
    ("ca", "California"),
    ("colo", "Colorado"),
    ("co", "Colorado"),
    ("conn", "Connecticut"),
    ("ct", "Connecticut"),
    ("del", "Delaware"),
    ("de", "Delaware"),
    ("fla", "Florida"),
    ("fl", "Florida"),
    ("ga", "Georgia"),
    ("hawaii", "Hawaii"),
    ("hi", "Hawaii"),
    ("idaho", "Idaho"),
    ("id", "Idaho"),
    ("ill", "Illinois"),
    ("il", "Illinois"),
    ("ind", "Indiana"),
    ("in", "Indiana"),
    ("iowa", "Iowa"),
    ("ia", "Iowa"),
    ("kan", "Kansas"),
    ("kans", "Kansas"),
    ("ks", "Kansas"),
    ("ky", "Kentucky"),
    ("la", "Louisiana"),
    ("me", "Maine"),
    ("md", "Maryland"),
    ("mass", "Massachusetts"),
    ("ma", "Massachusetts"),
    ("mich", "Michigan"),
    ("mi", "Michigan"),
    ("minn", "Minnesota"),
    ("mn", "Minnesota"),
    ("miss", "Mississippi"),
    ("ms", "Mississippi"),
    ("mo", "Missouri"),
    ("mont", "Montana"),
    ("mt", "Montana"),
    ("neb", "Nebraska"),
    ("nebr", "Nebraska"),
    ("ne", "Nebraska"),
    ("nev", "Nevada"),
    ("nv", "Nevada"),
    ("nh", "New Hampshire"),
    ("nj", "New Jersey"),
    ("nm", "New Mexico"),
    ("ny", "New York State"),
    ("nc", "North Carolina"),
    ("nd", "North Dakota"),
    ("ohio", "Ohio"),
    ("oh", "Ohio"),
    ("okla", "Oklahoma"),
    ("ok", "Oklahoma"),
    ("ore", "Oregon"),
    ("or", "Oregon"),
    ("pa", "Pennsylvania"),
    ("penn", "Pennsylvania"),
    ("ri", "Rhode Island"),
    ("sc", "South Carolina"),
    ("sd", "South Dakota"),
    ("tenn", "Tennessee"),
    ("tn", "Tennessee"),
    ("tex", "Texas"),
    ("tx", "Texas"),
    ("utah", "Utah"),
    ("ut", "Utah"),
    ("vt", "Vermont"),
    ("va", "Virginia"),
    ("wash", "Washington State"),
    ("wa", "Washington State"),
    ("wva", "West Virginia"),
    ("wv", "West Virginia"),
    ("wis", "Wisconsin"),
    ("wisc", "Wisconsin"),
    ("wi", "Wisconsin"),
    ("wyo", "Wyoming"),
    ("wy", "Wyoming"),
    ("dc", "Washington"),
    ("pr", "Puerto Rico"),
    ("ont", "Ontario"),
    ("que", "Quebec"),
    ("bc", "British Columbia"),
    ("alta", "Alberta"),
    ("man", "Manitoba"),
    ("sask", "Saskatchewan"),
    ("ns", "Nova Scotia"),
    ("nb", "New Brunswick"),
    ("nfld", "Newfoundland and Labrador"),
    ("pei", "Prince Edward Island"),
];

/// States that split, merged or were renamed, with the dates between which
/// an article's place in the later state was in the earlier one: in 1987
/// Bonn is in West Germany and Kiev in the Soviet Union.
/// (later state, earlier state, from, until)
const SUCCESSIONS: &[(&str, &str, &str, &str)] = &[
    ("Germany", "West Germany", "1949-05-23", "1990-10-03"),
    ("Russia", "Soviet Union", "1922-12-30", "1991-12-26"),
    ("Ukraine", "Soviet Union", "1922-12-30", "1991-12-26"),
    ("Belarus", "Soviet Union", "1922-12-30", "1991-12-26"),
    ("Kazakhstan", "Soviet Union", "1936-12-05", "1991-12-26"),
    ("Uzbekistan", "Soviet Union", "1924-10-27", "1991-12-26"),
    ("Turkmenistan", "Soviet Union", "1924-10-27", "1991-12-26"),
    ("Kyrgyzstan", "Soviet Union", "1936-12-05", "1991-12-26"),
    ("Tajikistan", "Soviet Union", "1929-10-16", "1991-12-26"),
    ("Georgia", "Soviet Union", "1922-12-30", "1991-04-09"),
    ("Armenia", "Soviet Union", "1922-12-30", "1991-09-21"),
    ("Azerbaijan", "Soviet Union", "1922-12-30", "1991-08-30"),
    ("Moldova", "Soviet Union", "1940-08-02", "1991-08-27"),
    ("Lithuania", "Soviet Union", "1940-08-03", "1990-03-11"),
    ("Latvia", "Soviet Union", "1940-08-05", "1990-05-04"),
    ("Estonia", "Soviet Union", "1940-08-06", "1991-08-20"),
    (
        "Czech Republic",
        "Czechoslovakia",
        "1918-10-28",
        "1993-01-01",
    ),
    ("Slovakia", "Czechoslovakia", "1918-10-28", "1993-01-01"),
    ("Croatia", "Yugoslavia", "1945-11-29", "1991-06-25"),
    ("Slovenia", "Yugoslavia", "1945-11-29", "1991-06-25"),
    ("North Macedonia", "Yugoslavia", "1945-11-29", "1991-09-08"),
    (
        "Bosnia and Herzegovina",
        "Yugoslavia",
        "1945-11-29",
        "1992-03-03",
    ),
    ("Serbia", "Yugoslavia", "1945-11-29", "1992-04-27"),
    ("Montenegro", "Yugoslavia", "1945-11-29", "1992-04-27"),
    ("Kosovo", "Yugoslavia", "1945-11-29", "1992-04-27"),
    (
        "Serbia",
        "Serbia and Montenegro",
        "1992-04-27",
        "2006-06-05",
    ),
    (
        "Montenegro",
        "Serbia and Montenegro",
        "1992-04-27",
        "2006-06-03",
    ),
    (
        "Kosovo",
        "Serbia and Montenegro",
        "1992-04-27",
        "2006-06-05",
    ),
    ("South Sudan", "Sudan", "1956-01-01", "2011-07-09"),
    ("Eritrea", "Ethiopia", "1952-09-15", "1993-05-24"),
];

/// Cities of the German Democratic Republic, which before 1990 were in East
/// Germany, not West Germany.
const EAST_GERMAN_PLACES: &[&str] = &[
    "Leipzig",
    "Dresden",
    "Chemnitz",
    "Karl-Marx-Stadt",
    "Magdeburg",
    "Rostock",
    "Halle (Saale)",
    "Halle",
    "Erfurt",
    "Potsdam",
    "Gera",
    "Cottbus",
    "Zwickau",
    "Schwerin",
    "Jena",
    "Dessau",
    "Weimar",
    "Frankfurt (Oder)",
    "East Berlin",
    "Neubrandenburg",
    "Stralsund",
    "Greifswald",
];

/// One succession, resolved against the gazetteer.
struct Succession {
    later: CountryId,
    earlier: CountryId,
    from: NaiveDate,
    until: NaiveDate,
}

fn resolve_successions(
    gaz: &Gazetteer,
) -> (
    Vec<Succession>,
    HashSet<gazetteer::PlaceId>,
    Option<CountryId>,
) {
    let id = |name: &str| {
        gaz.countries
            .iter()
            .position(|c| c == name)
            .map(|i| i as CountryId)
    };
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("succession dates parse");
    let successions = SUCCESSIONS
        .iter()
        .filter_map(|(later, earlier, from, until)| {
            Some(Succession {
                later: id(later)?,
                earlier: id(earlier)?,
                from: date(from),
                until: date(until),
            })
        })
        .collect();
    let east: HashSet<&str> = EAST_GERMAN_PLACES.iter().copied().collect();
    let east_places = gaz
        .places
        .iter()
        .enumerate()
        .filter(|(_, p)| east.contains(p.name.as_str()))
        .map(|(i, _)| i as gazetteer::PlaceId)
        .collect();
    (successions, east_places, id("East Germany"))
}

/// "Swiss francs", "U.S. dlrs": a country's adjective naming its money.
fn names_currency(text: &str, end: usize) -> bool {
    const CURRENCY: &[&str] = &[
        "dollar",
        "dollars",
        "dlr",
        "dlrs",
        "franc",
        "francs",
        "mark",
        "marks",
        "pound",
        "pounds",
        "sterling",
        "yen",
        "lira",
        "lire",
        "peso",
        "pesos",
        "crown",
        "crowns",
        "guilder",
        "guilders",
        "rupee",
        "rupees",
        "rand",
        "shilling",
        "shillings",
        "schilling",
        "schillings",
        "krona",
        "kronor",
        "krone",
        "kroner",
        "cents",
        "cts",
        "ringgit",
        "riyal",
        "riyals",
        "won",
        "yuan",
        "escudo",
        "escudos",
        "peseta",
        "pesetas",
        "drachma",
        "drachmas",
        "rouble",
        "roubles",
        "ruble",
        "rubles",
        "real",
        "reais",
        "baht",
        "rupiah",
        "dinar",
        "dinars",
        "currency",
    ];
    let rest = text[end..].trim_start_matches(' ');
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    !word.is_empty() && CURRENCY.contains(&word.as_str())
}

/// A title with letters but no lower-case ones (wire headlines).
fn is_all_caps(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// "Feb 26", "March 5", "26 February", "1987-02-26": the date part of a dateline.
fn is_date_part(part: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = part.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words
        .iter()
        .any(|w| MONTHS.iter().any(|m| w.starts_with(m)) && w.len() <= 10)
        && words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
        || lower
            .chars()
            .all(|c| c.is_ascii_digit() || "-/. ".contains(c))
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// The word next to a span, without punctuation, when only spaces separate them.
fn neighbour_words(text: &str, start: usize, end: usize) -> (Option<&str>, Option<&str>) {
    let word_end = |s: &str| {
        s.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
            .unwrap_or(s.len())
    };
    let after = text[end..].strip_prefix(' ').map(|a| &a[..word_end(a)]);
    let before = text[..start].strip_suffix(' ').and_then(|b| {
        let w = b.rsplit([' ', '\n']).next().unwrap_or("");
        (!w.ends_with([',', ':', ';', '.', ')', '"'])).then_some(w)
    });
    (
        before.filter(|w| !w.is_empty()),
        after.filter(|w| !w.is_empty()),
    )
}

fn unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    items.filter(|i| seen.insert(i.clone())).collect()
}
