//! Analysis of text that is not English, written into the same `title`/`body`
//! fields as pre-tokenized text (English articles keep the English analyzer).
//!
//! One field per text, not one per language family: queries stay one term
//! dictionary per field, BM25 statistics stay shared, a Latin-script name
//! ("Pompeo") in a French text matches the English query word, and the
//! compiler adds this analysis of each query word as one more spelling of the
//! same concept. Tokens:
//! - NFKC first (full-width letters, compatibility forms), then lower case;
//! - Han, kana, Hangul, Thai, Lao, Khmer and Myanmar runs: overlapping
//!   character bigrams (a lone character alone), as Elasticsearch's `cjk`
//!   analyzer does, so a name inside an unspaced clause or before a Korean
//!   particle is found as a phrase of its bigrams; no dictionary needed;
//! - other letters and digits: words, Latin/Greek/Cyrillic accents folded,
//!   Arabic and Persian forms unified (alef forms, diacritics, tatweel, ya,
//!   kaf, teh marbuta);
//! - with a Snowball stemmer for the article's language, each word also
//!   yields `code:stem` at the same position (`fr:visit`): stems of one
//!   language never meet words or stems of another;
//! - in Arabic text, a word written with its proclitics (و، ف، ب، ك، ل،
//!   ال: وأنطون، بجائزة، بالبرازيل) also yields the word without each of them
//!   at its position, and a nisba adjective (البرازيلي) its noun: a name
//!   typed bare, or in a quoted phrase, finds it however it is attached.
//!   (Snowball's Arabic stems do not serve here: أنطون -> انطون, وأنطون -> انط.)

use std::borrow::Cow;

use tantivy::tokenizer::{PreTokenizedString, Token};
use unicode_normalization::UnicodeNormalization;

use super::Language;
use crate::index::schema::MAX_WORD_BYTES;

/// A language's stemmer, ready to use.
#[derive(Clone)]
pub struct LangStemmer {
    pub code: String,
    stemmer: frostem::Stemmer,
}

impl LangStemmer {
    pub fn for_language(lang: &Language) -> Option<LangStemmer> {
        let alg = frostem::Algorithm::from_name(lang.stemmer.as_deref()?).ok()?;
        Some(LangStemmer {
            code: lang.code.clone(),
            stemmer: frostem::Stemmer::new(alg),
        })
    }

    /// The stem term of a lower-cased word: `code:stem`, folded as surfaces are.
    pub fn stem_term(&self, lower: &str) -> String {
        let stem: Cow<str> = self.stemmer.stem(lower);
        format!("{}:{}", self.code, fold(&stem))
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Bigram,
    Word,
    Gap,
}

fn class(c: char) -> Class {
    let u = c as u32;
    let bigram = matches!(u,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF // Hangul
        | 0x3040..=0x30FF | 0x31F0..=0x31FF // kana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F // Han
    );
    if bigram {
        Class::Bigram
    } else if c.is_alphanumeric() || is_mark(c) {
        Class::Word
    } else {
        Class::Gap
    }
}

/// Combining marks that belong to the word they follow (accents, harakat,
/// Indic vowel signs); ZWNJ is a word boundary in Persian writing.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0DFF | 0x200D)
}

/// Accents off Latin, Greek and Cyrillic letters; Arabic-script letters to
/// one form. Applied to lower-cased NFKC text.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.nfd() {
        let u = c as u32;
        match u {
            0x0300..=0x036F => {}                            // Latin/Greek/Cyrillic accents
            0x064B..=0x065F | 0x0670 | 0x0640 | 0x200D => {} // harakat, dagger alef, tatweel, ZWJ
            _ => out.push(match c {
                'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
                'ى' | 'ی' | 'ې' => 'ي',
                'ک' => 'ك',
                'ة' => 'ه',
                'ۀ' => 'ه',
                'ؤ' => 'و',
                'ئ' => 'ي',
                _ => c,
            }),
        }
    }
    // NFD split what it decomposed; put the rest back together.
    out.nfc().collect()
}

/// The tokens of `text`: surfaces, and stems when `stemmer` is given.
pub fn tokens(text: &str, stemmer: Option<&LangStemmer>) -> Vec<Token> {
    let arabic = stemmer.is_some_and(|s| s.code == "ar");
    analyse(text, stemmer, arabic)
}

/// The surfaces of a text in `language` (no stems), for the exact copies
/// quoted phrases search: Arabic words with their bare forms too.
pub fn surface_tokens(text: &str, language: Option<&str>) -> Vec<Token> {
    analyse(text, None, language == Some("ar"))
}

fn analyse(text: &str, stemmer: Option<&LangStemmer>, arabic: bool) -> Vec<Token> {
    let mut out = Vec::new();
    let mut position = 0usize;
    // The current run: its class and its characters (normalised) with offsets.
    let mut run: Vec<(char, usize, usize)> = Vec::new();
    let mut run_class = Class::Gap;
    let mut flush = |run: &mut Vec<(char, usize, usize)>, class: Class, out: &mut Vec<Token>| {
        match class {
            Class::Word => word_token(run, stemmer, arabic, &mut position, out),
            Class::Bigram => bigram_tokens(run, &mut position, out),
            Class::Gap => {}
        }
        run.clear();
    };
    let mut buf: Vec<char> = Vec::with_capacity(4);
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        buf.clear();
        if c.is_ascii() {
            buf.push(c);
        } else {
            buf.extend(std::iter::once(c).nfkc());
        }
        for &n in &buf {
            let k = class(n);
            if k != run_class {
                flush(&mut run, run_class, &mut out);
                run_class = k;
            }
            if k != Class::Gap {
                run.extend(n.to_lowercase().map(|l| (l, at, end)));
            }
        }
    }
    flush(&mut run, run_class, &mut out);
    out
}

fn word_token(
    run: &[(char, usize, usize)],
    stemmer: Option<&LangStemmer>,
    arabic: bool,
    position: &mut usize,
    out: &mut Vec<Token>,
) {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return;
    };
    let lower: String = run.iter().map(|r| r.0).collect();
    let surface = fold(&lower);
    if surface.is_empty() || surface.len() > MAX_WORD_BYTES {
        return;
    }
    let (from, to) = (first.1, last.2);
    if let Some(s) = stemmer {
        let stem = s.stem_term(&lower);
        if stem.len() <= MAX_WORD_BYTES + 4 {
            out.push(token(stem, from, to, *position));
        }
    }
    if arabic {
        for bare in arabic_bare_forms(&surface) {
            out.push(token(bare, from, to, *position));
        }
    }
    out.push(token(surface, from, to, *position));
    *position += 1;
}

/// Letters an Arabic word keeps at least once a clitic is taken off: fewer
/// and common words would meet (وزير is not و + زير).
const ARABIC_MIN_BARE: usize = 3;

/// A folded Arabic word without its proclitics, each layer in turn (and, for
/// a nisba adjective, its noun): بالبرازيل -> البرازيل, برازيل;
/// وأنطون -> انطون; البرازيلي -> برازيلي, البرازيل, برازيل. The word itself
/// is not among them.
fn arabic_bare_forms(word: &str) -> Vec<String> {
    let letters: Vec<char> = word.chars().collect();
    if !letters
        .first()
        .is_some_and(|c| ('\u{0620}'..='\u{064A}').contains(c))
    {
        return Vec::new();
    }
    // Where the word may start once proclitics are off: conjunction و/ف,
    // then preposition ب/ك/ل, then the article ال (ل + ال is written لل).
    let mut starts = vec![0];
    let mut at = 0;
    if matches!(letters.get(at), Some('و' | 'ف')) {
        at += 1;
        starts.push(at);
    }
    if letters[at..].starts_with(&['ل', 'ل']) {
        starts.push(at + 1); // لل: the article with its alef dropped
        starts.push(at + 2);
    } else {
        if matches!(letters.get(at), Some('ب' | 'ك' | 'ل')) {
            at += 1;
            starts.push(at);
        }
        if letters[at..].starts_with(&['ا', 'ل']) {
            starts.push(at + 2);
        }
    }
    let mut out: Vec<String> = Vec::new();
    for &start in &starts {
        let stem = &letters[start..];
        let mut ends = vec![stem.len()];
        // Nisba: -ي, -يه (ة folded): the noun is what a name search types.
        for suffix in [&['ي'][..], &['ي', 'ه'][..]] {
            if stem.ends_with(suffix) {
                ends.push(stem.len() - suffix.len());
            }
        }
        for end in ends {
            let bare = &stem[..end];
            if (start, end) != (0, letters.len()) && bare.len() >= ARABIC_MIN_BARE {
                let bare: String = bare.iter().collect();
                if !out.contains(&bare) {
                    out.push(bare);
                }
            }
        }
    }
    out
}

fn bigram_tokens(run: &[(char, usize, usize)], position: &mut usize, out: &mut Vec<Token>) {
    if run.len() == 1 {
        out.push(token(run[0].0.to_string(), run[0].1, run[0].2, *position));
        *position += 1;
        return;
    }
    for pair in run.windows(2) {
        let text: String = [pair[0].0, pair[1].0].iter().collect();
        out.push(token(text, pair[0].1, pair[1].2, *position));
        *position += 1;
    }
}

fn token(text: String, offset_from: usize, offset_to: usize, position: usize) -> Token {
    Token {
        offset_from,
        offset_to,
        position,
        text,
        position_length: 1,
    }
}

/// A text ready for a tantivy field, analysed here rather than by the field's
/// analyzer (the text is still stored as it is).
pub fn pre_tokenized(text: &str, stemmer: Option<&LangStemmer>) -> PreTokenizedString {
    PreTokenizedString {
        text: text.to_string(),
        tokens: tokens(text, stemmer),
    }
}

/// The ways a query text may stand in a text analysed here, as runs of
/// terms: its surfaces, then, for each stemmer, the stem of each word (a
/// surface where it has none). Duplicates and empty runs are left out.
pub fn query_spellings(text: &str, stemmers: &[LangStemmer]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let surfaces = surface_terms(text);
    if surfaces.is_empty() {
        return out;
    }
    out.push(surfaces);
    for s in stemmers {
        let run = stem_run(text, s);
        if !out.contains(&run) {
            out.push(run);
        }
    }
    out
}

/// The stem of each word of a query text in one language (a surface where
/// the word has none), in order.
pub fn stem_run(text: &str, stemmer: &LangStemmer) -> Vec<String> {
    let mut run: Vec<String> = Vec::new();
    let mut last = usize::MAX;
    for t in tokens(text, Some(stemmer)) {
        // A stem comes first at its position; what follows it there is skipped.
        if t.position != last {
            run.push(t.text);
            last = t.position;
        }
    }
    run
}

/// The surface terms of a query text (no stems), in order.
pub fn surface_terms(text: &str) -> Vec<String> {
    tokens(text, None).into_iter().map(|t| t.text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &[Token]) -> Vec<&str> {
        t.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn chinese_becomes_overlapping_bigrams() {
        let t = tokens("击败博索纳罗，当选", None);
        assert_eq!(texts(&t), ["击败", "败博", "博索", "索纳", "纳罗", "当选"]);
        assert_eq!(surface_terms("博索纳罗"), ["博索", "索纳", "纳罗"]);
        // Offsets point into the original text.
        assert_eq!(&"击败博索纳罗"[t[2].offset_from..t[2].offset_to], "博索");
    }

    #[test]
    fn korean_particle_does_not_hide_the_name() {
        let t = surface_terms("폼페이오는 평양에");
        let name = surface_terms("폼페이오");
        assert!(t.windows(name.len()).any(|w| w == name.as_slice()), "{t:?}");
    }

    #[test]
    fn nfkc_width_and_accents() {
        assert_eq!(
            surface_terms("ＢＲＩＣＳ Sommet à Brasília"),
            ["brics", "sommet", "a", "brasilia"]
        );
        assert_eq!(surface_terms("ｶﾀｶﾅ"), surface_terms("カタカナ"));
    }

    #[test]
    fn arabic_and_persian_forms_meet() {
        assert_eq!(fold("أَمِيرِكَا"), fold("اميركا"));
        assert_eq!(fold("إيران"), "ايران");
        assert_eq!(fold("یک"), fold("يك"));
    }

    #[test]
    fn stems_share_the_word_position_and_carry_the_language() {
        let lang = crate::lang::lookup("fr").unwrap();
        let s = LangStemmer::for_language(lang).unwrap();
        let t = tokens("visites officielles", Some(&s));
        assert_eq!(t.len(), 4);
        assert_eq!(t[0].text, "fr:visit");
        assert_eq!(t[0].position, t[1].position);
        assert_eq!(t[1].text, "visites");
        let again = tokens("visite", Some(&s));
        assert_eq!(again[0].text, "fr:visit");
    }

    #[test]
    fn query_spellings_follow_the_index() {
        let fr = LangStemmer::for_language(crate::lang::lookup("fr").unwrap()).unwrap();
        let ru = LangStemmer::for_language(crate::lang::lookup("ru").unwrap()).unwrap();
        let got = query_spellings("Visites", &[fr, ru]);
        // Each stemmer's term is its own, even where it leaves the word as it is.
        assert_eq!(
            got,
            [
                vec!["visites".to_string()],
                vec!["fr:visit".to_string()],
                vec!["ru:visites".to_string()]
            ]
        );
        let indexed: Vec<String> = tokens(
            "Бразилии",
            Some(&LangStemmer::for_language(crate::lang::lookup("ru").unwrap()).unwrap()),
        )
        .into_iter()
        .map(|t| t.text)
        .collect();
        let ru = LangStemmer::for_language(crate::lang::lookup("ru").unwrap()).unwrap();
        let query = query_spellings("Бразилия", &[ru]);
        assert!(indexed.contains(&query[1][0]), "{indexed:?} {query:?}");
    }

    #[test]
    fn arabic_clitics_come_off() {
        let bare = |w: &str| arabic_bare_forms(&fold(w));
        assert_eq!(bare("وأنطون"), ["انطون"]);
        assert_eq!(bare("بالبرازيل"), ["البرازيل", "برازيل"]);
        assert!(bare("بجائزة").contains(&fold("جائزة")));
        assert!(bare("للسلام").contains(&"سلام".to_string()));
        assert!(bare("البرازيلية").contains(&"البرازيل".to_string()));
        assert!(bare("البرازيلي").contains(&"برازيل".to_string()));
        // Too short once bare, or nothing to take off.
        assert!(bare("ولد").is_empty());
        assert!(bare("بوتين").iter().all(|b| b.chars().count() >= 3));
        assert!(bare("Brasil").is_empty());
        assert!(bare("").is_empty());
        // A quoted name meets the attached word at its position.
        let ar = LangStemmer::for_language(crate::lang::lookup("ar").unwrap()).unwrap();
        let text = "فوز آلان أسبيه وجون كلوزر وأنطون تسايلينغر بجائزة نوبل";
        for typed in ["أنطون تسايلينغر", "جون كلوزر", "جائزة نوبل"] {
            let indexed = surface_tokens(text, Some("ar"));
            let query = surface_terms(typed);
            let at = |term: &str| {
                indexed
                    .iter()
                    .filter(|t| t.text == term)
                    .map(|t| t.position)
                    .collect::<Vec<_>>()
            };
            let first = at(&query[0]);
            assert!(
                first.iter().any(|p| at(&query[1]).contains(&(p + 1))),
                "{typed}"
            );
            assert!(tokens(text, Some(&ar)).iter().any(|t| t.text == query[0]));
        }
    }

    #[test]
    fn thai_without_spaces_is_bigrams() {
        let t = surface_terms("กรุงเทพ");
        assert_eq!(t.len(), "กรุงเทพ".chars().count() - 1);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            " ",
            "\u{0301}",
            "\u{200c}",
            "a\u{0300}\u{0300}",
            "𠀀",
            "ـ",
            "ﷺ",
        ] {
            let _ = tokens(s, None);
            let _ = surface_tokens(s, Some("ar"));
        }
    }
}
