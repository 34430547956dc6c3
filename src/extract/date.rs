//! Dates as sources write them: ISO 8601, RFC 2822, plain and US dates, and
//! dates inside URLs. Nothing is ever guessed: no date in, no date out.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%B %d %Y",
    "%Y%m%d",
];
const DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
];

pub fn parse_date(raw: &str) -> Option<DateTime<Utc>> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.with_timezone(&Utc));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d.with_timezone(&Utc));
        }
    }
    for f in DATETIME_FORMATS {
        if let Ok(d) = NaiveDateTime::parse_from_str(s.trim_end_matches('Z'), f) {
            return Some(Utc.from_utc_datetime(&d));
        }
    }
    for f in DATE_FORMATS {
        if let Some(d) = NaiveDate::parse_from_str(s, f).ok().and_then(plausible) {
            return Some(d);
        }
    }
    // Unix seconds, as some dumps store them.
    if s.len() >= 9 && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s
            .parse::<i64>()
            .ok()
            .and_then(|t| Utc.timestamp_opt(t, 0).single());
    }
    None
}

fn plausible(d: NaiveDate) -> Option<DateTime<Utc>> {
    use chrono::Datelike;
    (1800..=2200)
        .contains(&d.year())
        .then(|| Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap()))
}

/// `/2018/09/20/` or `/2018-09-20/` in a URL path is the publication day.
pub fn date_from_url(url: &str) -> Option<DateTime<Utc>> {
    let parts: Vec<&str> = url.split(['/', '?', '#']).collect();
    for w in parts.windows(3) {
        if w[0].len() == 4 && w[1].len() <= 2 && !w[1].is_empty() {
            let day: String = w[2].chars().take_while(char::is_ascii_digit).collect();
            if (1..=2).contains(&day.len()) {
                let s = format!("{}-{}-{}", w[0], w[1], day);
                if let Ok(d) = NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
                    return plausible(d);
                }
            }
        }
    }
    parts.iter().find_map(|p| {
        let head = p.get(..10)?;
        NaiveDate::parse_from_str(head, "%Y-%m-%d")
            .ok()
            .and_then(plausible)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> String {
        parse_date(s).unwrap().format("%Y-%m-%d %H:%M").to_string()
    }

    #[test]
    fn formats() {
        assert_eq!(day("2018-09-20"), "2018-09-20 00:00");
        assert_eq!(day("1987-02-26T15:01:01Z"), "1987-02-26 15:01");
        assert_eq!(day("Thu, 20 Sep 2018 10:00:00 +0000"), "2018-09-20 10:00");
        assert_eq!(day("9/20/18"), "2018-09-20 00:00");
        assert_eq!(day("September 20, 2018"), "2018-09-20 00:00");
        assert_eq!(day("2018-09-20T10:00:00+09:00"), "2018-09-20 01:00");
        assert!(parse_date("yesterday").is_none());
        assert!(parse_date("").is_none());
    }

    #[test]
    fn url_dates() {
        let u = "http://www.breitbart.com/big-government/2017/09/12/exclusive-paul-ryan/";
        assert_eq!(
            date_from_url(u).unwrap().format("%F").to_string(),
            "2017-09-12"
        );
        assert!(date_from_url("https://www.nbcnews.com/news/world/kim-n911621").is_none());
    }
}
