//! Repairs of what scraping did to titles and bodies: text encoded to UTF-8
//! twice ("Ã¢â‚¬Ëœvanishing" for "‘vanishing"), a site's name scraped into
//! the title ("... Read Newsmax: ...", "... | Fox News"), and the title
//! printed again as the body's first line.

use std::borrow::Cow;

/// How many layers of double encoding are undone at most ("â€˜" is one,
/// "Ã¢â‚¬Ëœ" two).
const MAX_LAYERS: usize = 3;

/// Runs of non-ASCII characters that read as UTF-8 once written back as
/// Windows-1252 (or Latin-1) bytes, decoded, as often as that holds. Only
/// when the bytes are valid UTF-8, which text meant as Windows-1252 almost
/// never is ("Café", "“quoted”" and "—" stay as they are).
pub fn repair_mojibake(text: &str) -> Cow<'_, str> {
    // 'Â'..'ô' are all written C3 xx in UTF-8: one byte search rules most text out.
    if !text.as_bytes().contains(&0xC3) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !c.is_ascii()) {
        out.push_str(&rest[..start]);
        let run_len = rest[start..]
            .find(|c: char| c.is_ascii())
            .unwrap_or(rest.len() - start);
        let run = &rest[start..start + run_len];
        if run.starts_with(is_lead_byte) {
            let repaired = undo_layers(run);
            changed |= repaired != run;
            out.push_str(&repaired);
        } else {
            out.push_str(run);
        }
        rest = &rest[start + run_len..];
    }
    out.push_str(rest);
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// A UTF-8 lead byte read as Latin-1 ('Â'..'ô'): where every double
/// encoding of a character starts.
fn is_lead_byte(c: char) -> bool {
    ('\u{c2}'..='\u{f4}').contains(&c)
}

fn undo_layers(run: &str) -> String {
    let mut current = run.to_string();
    for _ in 0..MAX_LAYERS {
        let Some(bytes) = as_cp1252(&current) else {
            break;
        };
        match String::from_utf8(bytes) {
            Ok(decoded) if decoded != current && !decoded.chars().any(is_c1_control) => {
                current = decoded
            }
            _ => break,
        }
    }
    current
}

fn is_c1_control(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// The Windows-1252 bytes of a text, C1 controls as Latin-1 (a byte that
/// Windows-1252 leaves undefined, such as 0x9D of "”", survives that way).
fn as_cp1252(text: &str) -> Option<Vec<u8>> {
    const HIGH: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    text.chars()
        .map(|c| match c as u32 {
            0..=0xFF => Some(c as u8),
            _ => HIGH.iter().find(|(h, _)| *h == c).map(|(_, b)| *b),
        })
        .collect()
}

/// The title without a site's name scraped after it: "X   Read Newsmax: Y |
/// Newsmax.com" is X, "X | Fox News" is X. `is_outlet` tells site names.
pub fn strip_title_tail(title: &str, is_outlet: impl Fn(&str) -> bool) -> &str {
    let mut title = title;
    let mut from = 0;
    while let Some(i) = title[from..].find(" Read ") {
        let at = from + i;
        let after = &title[at + " Read ".len()..];
        if let Some((site, _)) = after.split_once(':')
            && site.split_whitespace().count() <= 3
            && is_outlet(site)
        {
            title = title[..at].trim_end();
            break;
        }
        from = at + 1;
    }
    if let Some((head, site)) = title.rsplit_once(" | ")
        && !head.trim().is_empty()
        && (is_outlet(site) || looks_like_domain(site))
    {
        title = head.trim_end();
    }
    title
}

fn looks_like_domain(s: &str) -> bool {
    let s = s.trim();
    !s.contains(' ')
        && [".com", ".org", ".net", ".co.uk"]
            .iter()
            .any(|tld| s.to_ascii_lowercase().ends_with(tld))
}

/// Whether a body paragraph is the title again (case, spaces and
/// punctuation aside).
pub fn repeats_title(paragraph: &str, title: &str) -> bool {
    let key = crate::extract::name_key;
    let title_key = key(title);
    !title_key.is_empty() && paragraph.len() <= title.len() * 2 && key(paragraph) == title_key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_encoding_is_undone_only_when_certain() {
        assert_eq!(
            repair_mojibake("Jimmy Carter says Mideast peace is Ã¢â‚¬ËœvanishingÃ¢â‚¬â„¢"),
            "Jimmy Carter says Mideast peace is ‘vanishing’"
        );
        assert_eq!(repair_mojibake("It’s â€œfineâ€\u{9d}"), "It’s “fine”");
        assert_eq!(repair_mojibake("CafÃ© in SÃ£o Paulo"), "Café in São Paulo");
        for fine in [
            "Café in São Paulo",
            "“Quoted” — and ‘single’",
            "Ångström, Øresund, Ðakovo",
            "naïve Âge",
            "",
        ] {
            assert_eq!(repair_mojibake(fine), fine);
        }
    }

    #[test]
    fn scraped_title_tails_go() {
        let outlet = |s: &str| ["Newsmax", "Fox News"].contains(&s.trim());
        assert_eq!(
            strip_title_tail(
                "Diplomat: Bolton Warned Him About Giuliani and Ukraine Read Newsmax: Diplomat: Bolton Cautioned Him | Newsmax.com",
                outlet
            ),
            "Diplomat: Bolton Warned Him About Giuliani and Ukraine"
        );
        assert_eq!(
            strip_title_tail("Trump speaks | Fox News", outlet),
            "Trump speaks"
        );
        assert_eq!(
            strip_title_tail("Read between the lines: a | b", outlet),
            "Read between the lines: a | b"
        );
    }

    #[test]
    fn a_title_repeated_in_the_body() {
        assert!(repeats_title("Trump Speaks!", "Trump speaks"));
        assert!(!repeats_title(
            "Trump speaks to the nation on Monday.",
            "Trump speaks"
        ));
        assert!(!repeats_title("", ""));
    }
}
