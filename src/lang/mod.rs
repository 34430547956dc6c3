//! Languages: which one an article is in (metadata first, else detected from
//! the text) and how text in it is analysed (`analysis`).
//!
//! Detection uses `whatlang`: measured on itn-multilingual (2,944 blurbs in
//! the 17 languages with 80 or more) it is right for 0.92 of them at ~0.1 ms a
//! blurb, in a small crate; `lingua` was no better overall (0.78 with its
//! ISO codes as given, 4.7 ms a blurb, a 290 MB binary) and `whichlang` knows
//! 16 languages only (no Thai, Persian, Ukrainian, Indonesian, Polish).
//! Where whatlang mixes up look-alikes, letters (Russian, Ukrainian,
//! Belarusian, Bulgarian) and each language's own words
//! (`index-schema/language_markers.tsv`: Norwegian, Danish, Swedish;
//! Indonesian and Malay, which whatlang lacks) decide: over the 12 languages
//! with 80 or more deduplicated blurbs, 0.894 -> 0.958, Reuters-21578 read
//! as before (the same 11 of 19,044 wires taken for another language).
//! lingua 1.7 with 50 languages, measured again on the same blurbs: 0.946
//! (0.914 in its low-accuracy mode), 2 ms a blurb, a 240 MB binary.

pub mod analysis;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// One row of `index-schema/languages.tsv`.
#[derive(Debug, Clone)]
pub struct Language {
    /// ISO 639-1 code: what articles, the index and `lang:` hold.
    pub code: String,
    /// The ISO 639-3 code whatlang reports.
    pub whatlang: String,
    /// English name (CLDR).
    pub name: String,
    /// frostem's Snowball algorithm id, when there is one.
    pub stemmer: Option<String>,
    /// Other names: the language's own name in CLDR, whatlang's name.
    pub aliases: Vec<String>,
}

/// Languages whose names take case endings (Техас, из Техаса; Warszawa,
/// w Warszawie; Helsinki, Helsingissä): there a quoted name is also matched
/// by the stems of its words, or it would miss most of its mentions.
pub fn declines_names(code: &str) -> bool {
    matches!(
        code,
        "ru" | "uk"
            | "be"
            | "pl"
            | "cs"
            | "sk"
            | "sl"
            | "hr"
            | "sr"
            | "lt"
            | "lv"
            | "fi"
            | "et"
            | "hu"
            | "tr"
            | "el"
            | "hy"
            | "ro"
    )
}

/// Every language communique knows, from `index-schema/languages.tsv`.
pub fn languages() -> &'static [Language] {
    static TABLE: OnceLock<Vec<Language>> = OnceLock::new();
    TABLE.get_or_init(|| parse_table(include_str!("../../index-schema/languages.tsv")))
}

fn parse_table(text: &str) -> Vec<Language> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let col = |i: usize| cols.get(i).map(|s| s.trim()).unwrap_or("");
            (!col(0).is_empty()).then(|| Language {
                code: col(0).to_string(),
                whatlang: col(1).to_string(),
                name: col(2).to_string(),
                stemmer: Some(col(3))
                    .filter(|s| !s.is_empty() && *s != "-")
                    .map(String::from),
                aliases: col(4)
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
            })
        })
        .collect()
}

/// Lower-cased code, ISO 639-3 code, name or alias -> index into `languages()`.
fn by_key() -> &'static HashMap<String, usize> {
    static MAP: OnceLock<HashMap<String, usize>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for (i, l) in languages().iter().enumerate() {
            let keys = [&l.code, &l.whatlang, &l.name]
                .into_iter()
                .chain(l.aliases.iter());
            for k in keys {
                map.entry(k.to_lowercase()).or_insert(i);
            }
        }
        map
    })
}

/// The language a code or name stands for: `fr`, `fr-FR`, `fra`, `French`,
/// `français`, `zh-Hans`, `pt_BR` are all known; anything else is `None`.
pub fn lookup(value: &str) -> Option<&'static Language> {
    let v = value.trim().to_lowercase();
    if v.is_empty() {
        return None;
    }
    let map = by_key();
    let found = map.get(&v).or_else(|| {
        // A region or script subtag: `pt-BR`, `zh_Hant`, `sr-Latn-RS`.
        let base = v.split(['-', '_']).next()?;
        map.get(base)
    });
    // Norwegian Nynorsk and Bokmål are both `no` here, as whatlang reports one.
    found
        .or_else(|| matches!(v.as_str(), "nb" | "nn" | "nob" | "nno").then(|| map.get("no"))?)
        .map(|&i| &languages()[i])
}

/// The ISO 639-1 code of a language tag as metadata gives it.
pub fn normalize(tag: &str) -> Option<&'static str> {
    lookup(tag).map(|l| l.code.as_str())
}

/// How much text detection reads: the start says enough and keeps it fast.
const DETECT_BYTES: usize = 1_000;
/// English prose has a function word ("the", "of", "to"...) in every few
/// words; above this share whatlang is not asked (it cost as much as the
/// rest of a Reuters build).
const ENGLISH_FUNCTION_SHARE: f64 = 0.12;

/// The language of a text by its letters, as an ISO 639-1 code; `None` when
/// whatlang cannot tell (no letters, or a language the table lacks).
pub fn detect(title: &str, body: &str) -> Option<&'static str> {
    let mut text = String::with_capacity(DETECT_BYTES + title.len());
    text.push_str(title);
    text.push('\n');
    let mut end = body.len().min(DETECT_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    text.push_str(&body[..end]);
    if english_function_share(&text) >= ENGLISH_FUNCTION_SHARE {
        return Some("en");
    }
    let info = whatlang::detect(&text)?;
    let code = info.lang().code();
    let guess = languages()
        .iter()
        .find(|l| l.whatlang == code)
        .map(|l| l.code.as_str())?;
    let better = cyrillic_by_letters(guess, &text).or_else(|| look_alike(guess, &text));
    if info.lang() != whatlang::Lang::Eng
        && info.script() == whatlang::Script::Latin
        && !foreign_prose(&text, info.is_reliable(), better.is_some())
    {
        return None;
    }
    Some(better.unwrap_or(guess))
}

/// Russian, Ukrainian, Belarusian and Bulgarian by the letters only some of
/// them write (whatlang took 22 of 278 short Russian blurbs for Bulgarian):
/// ў Belarusian; ї, є, ґ Ukrainian; ы, э, ё Russian, or Belarusian with і;
/// і alone Ukrainian. `None` when the letters say nothing.
fn cyrillic_by_letters(guess: &str, text: &str) -> Option<&'static str> {
    if !matches!(guess, "ru" | "uk" | "be" | "bg" | "mk" | "sr") {
        return None;
    }
    let has = |letters: &[char]| {
        text.chars()
            .any(|c| letters.iter().any(|l| c.to_lowercase().eq([*l])))
    };
    let russian_letters = has(&['ы', 'э', 'ё']);
    let i = has(&['і']);
    if has(&['ў']) || (russian_letters && i) {
        Some("be")
    } else if has(&['ї', 'є', 'ґ']) || i {
        Some("uk")
    } else if russian_letters {
        Some("ru")
    } else {
        None
    }
}

/// `index-schema/language_markers.tsv`: per group of look-alike languages,
/// each language's own words; and the English function words no other
/// language writes.
struct Markers {
    groups: Vec<Group>,
    english: HashSet<&'static str>,
}

/// Each language of a group with its own words.
type Group = Vec<(&'static str, HashSet<&'static str>)>;

fn markers() -> &'static Markers {
    static MARKERS: OnceLock<Markers> = OnceLock::new();
    MARKERS.get_or_init(|| {
        let mut by_group: Vec<(&str, Group)> = Vec::new();
        let mut english = HashSet::new();
        for line in include_str!("../../index-schema/language_markers.tsv").lines() {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [group, lang, words] = cols[..] else {
                continue;
            };
            if group.starts_with('#') {
                continue;
            }
            let words: HashSet<&str> = words.split('|').filter(|w| !w.is_empty()).collect();
            if group == "english" {
                english.extend(words);
                continue;
            }
            match by_group.iter_mut().find(|(g, _)| *g == group) {
                Some((_, langs)) => langs.push((lang, words)),
                None => by_group.push((group, vec![(lang, words)])),
            }
        }
        Markers {
            groups: by_group.into_iter().map(|(_, langs)| langs).collect(),
            english,
        }
    })
}

/// The lower-cased words of a text, as the markers are written.
fn lower_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// When `guess` is one of a group of look-alikes (Norwegian, Danish,
/// Swedish; Indonesian, Malay), the group's language whose own words the
/// text holds most of; `None` on a tie (whatlang's guess stands).
fn look_alike(guess: &str, text: &str) -> Option<&'static str> {
    let group = markers()
        .groups
        .iter()
        .find(|g| g.iter().any(|(lang, _)| *lang == guess))?;
    let mut counts = vec![0usize; group.len()];
    for word in lower_words(text) {
        for (i, (_, words)) in group.iter().enumerate() {
            counts[i] += usize::from(words.contains(word.as_str()));
        }
    }
    let best = *counts.iter().max()?;
    let mut tops = group.iter().zip(&counts).filter(|(_, c)| **c == best);
    match (tops.next(), tops.next()) {
        (Some(((lang, _), _)), None) if best > 0 => Some(lang),
        _ => None,
    }
}

/// Whether a Latin-script text whatlang calls non-English reads as prose
/// in that language. Measured on Reuters-21578: whatlang calls 6.7% of its
/// English wires French, Catalan, Latin... when they are earnings tables
/// (digits), all-capital flashes or telegraphic lines. Trusted only for
/// prose with few digits and capitals, and, when whatlang itself is unsure,
/// almost no English function words: 11 of 19,043 Reuters wires misread, and
/// 97.6% of itn-multilingual's non-English blurbs still detected.
///
/// A text with words of its own language's group (`look_alike` found one)
/// is let through with more short function words that English shares with
/// it: "at", "for", "to" are Norwegian too (16 of 87 Norwegian blurbs were
/// lost on them), while Reuters earnings tables have none of those words.
fn foreign_prose(text: &str, reliable: bool, own_words: bool) -> bool {
    let (mut letters, mut upper, mut digits) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        } else if c.is_ascii_digit() {
            digits += 1;
        }
    }
    if letters == 0
        || (digits as f64) >= 0.15 * (letters + digits) as f64
        || (upper as f64) >= 0.3 * letters as f64
    {
        return false;
    }
    if reliable || english_function_share(text) < 0.05 {
        return true;
    }
    if !own_words {
        return false;
    }
    let (mut words, mut english) = (0usize, 0usize);
    for word in lower_words(text) {
        words += 1;
        english += usize::from(markers().english.contains(word.as_str()));
    }
    (english as f64) < 0.05 * words as f64
}

/// The share of a text's words that are English function words.
fn english_function_share(text: &str) -> f64 {
    let (mut words, mut english) = (0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        english += usize::from(crate::search::query::concepts::is_stop_word(w, true));
    }
    if words == 0 {
        0.0
    } else {
        english as f64 / words as f64
    }
}

/// The article's language: what its metadata says when that names a known
/// language, else what its text looks like.
pub fn resolve(declared: Option<&str>, title: &str, body: &str) -> Option<&'static str> {
    declared.and_then(normalize).or_else(|| detect(title, body))
}

/// Languages whose articles take the English analysis: English, and
/// articles whose language is not known.
pub fn is_english_analysis(code: Option<&str>) -> bool {
    matches!(code, None | Some("en"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_names_and_tags_resolve() {
        assert_eq!(normalize("fr"), Some("fr"));
        assert_eq!(normalize("French"), Some("fr"));
        assert_eq!(normalize("français"), Some("fr"));
        assert_eq!(normalize("pt-BR"), Some("pt"));
        assert_eq!(normalize("zh_Hans"), Some("zh"));
        assert_eq!(normalize("nb"), Some("no"));
        assert_eq!(normalize("fas"), None);
        assert_eq!(normalize("pes"), Some("fa"));
        assert_eq!(normalize("klingon"), None);
        assert_eq!(normalize(""), None);
    }

    #[test]
    fn look_alikes_told_apart() {
        // Letters: Russian ы/э/ё, Ukrainian ї/є/і, Belarusian ў; Bulgarian none.
        assert_eq!(
            cyrillic_by_letters("bg", "Путин выступил в Москве"),
            Some("ru")
        );
        assert_eq!(cyrillic_by_letters("ru", "Україна і Польща"), Some("uk"));
        assert_eq!(
            cyrillic_by_letters("ru", "Беларусь і Расія ўвялі"),
            Some("be")
        );
        assert_eq!(cyrillic_by_letters("ru", "България и Румъния"), None);
        assert_eq!(cyrillic_by_letters("fr", "выступил"), None);
        // Words: Norwegian etter/seg, Danish efter/sig; Malay kerana, Indonesian karena.
        let no = "Rishi Sunak blir Storbritannias nye statsminister etter at Liz Truss trakk seg";
        assert_eq!(look_alike("da", no), Some("no"));
        let da = "Mette Frederiksen bliver statsminister efter valget af Folketinget";
        assert_eq!(look_alike("no", da), Some("da"));
        let ms = "Sekurang-kurangnya 37 orang terbunuh; parti itu memenangi majoriti kerusi";
        assert_eq!(look_alike("id", ms), Some("ms"));
        let id = "Sedikitnya 37 orang tewas; partai itu memenangkan mayoritas kursi";
        assert_eq!(look_alike("id", id), Some("id"));
        // Nothing to tell by, or not a group: whatlang's guess stands.
        assert_eq!(look_alike("no", "Donald Trump 2022"), None);
        assert_eq!(look_alike("fr", no), None);
        assert_eq!(look_alike("id", ""), None);
    }

    #[test]
    fn detects_scripts_and_languages() {
        assert_eq!(
            detect(
                "",
                "巴西劳工党候选人卢拉在2022年大选中击败博索纳罗，当选新任巴西总统。"
            ),
            Some("zh")
        );
        assert_eq!(
            detect(
                "",
                "Президент Бразилии Лула да Силва встретился с министром иностранных дел."
            ),
            Some("ru")
        );
        assert_eq!(
            detect(
                "",
                "마이크 폼페이오 미국 국무장관이 평양을 방문해 김정은 위원장을 만났다."
            ),
            Some("ko")
        );
        assert_eq!(detect("", "1234 5678"), None);
        // A Reuters earnings table whatlang calls French, unsure: not French.
        assert_eq!(
            detect(
                "ELXSI LTD <ELXSF> 4TH QTR LOSS",
                "Shr loss four cts vs loss 34 cts\n Net loss 2,922,000 vs loss 19.9 mln"
            ),
            None
        );
    }

    #[test]
    fn metadata_wins_over_detection() {
        let text = "The minister met his counterpart in Brasilia on Tuesday.";
        assert_eq!(resolve(Some("pt-BR"), "", text), Some("pt"));
        assert_eq!(resolve(Some("not a language"), "", text), Some("en"));
    }

    #[test]
    fn every_stemmer_in_the_table_exists() {
        for l in languages() {
            if let Some(s) = &l.stemmer {
                assert!(frostem::Algorithm::from_name(s).is_ok(), "{}: {s}", l.code);
            }
        }
    }
}
