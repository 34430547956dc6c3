//! Interim HTML reader (tags stripped, head metadata read); replaced by the
//! readability-style extractor.

#[derive(Debug, Default, Clone, PartialEq)]
pub struct HtmlArticle {
    pub title: Option<String>,
    pub body: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub authors: Vec<String>,
}

pub fn extract_html(html: &str) -> HtmlArticle {
    let meta = |name: &str| -> Option<String> {
        let re = regex::Regex::new(&format!(
            r#"(?is)<meta[^>]+(?:property|name)=["']{}["'][^>]*content=["']([^"']*)["']"#,
            regex::escape(name)
        ))
        .ok()?;
        re.captures(html).map(|c| c[1].to_string())
    };
    let strip = regex::Regex::new(r"(?is)<(script|style|nav|footer|header|aside)[^>]*>.*?</\1>").unwrap();
    let tags = regex::Regex::new(r"(?s)<[^>]*>").unwrap();
    let body = strip.replace_all(html, " ");
    let body = regex::Regex::new(r"(?i)</p>|<br\s*/?>").unwrap().replace_all(&body, "\n\n");
    let body = tags.replace_all(&body, " ").to_string();
    HtmlArticle {
        title: meta("og:title"),
        body,
        outlet: meta("og:site_name"),
        date: meta("article:published_time"),
        url: meta("og:url"),
        authors: meta("author").into_iter().collect(),
    }
}
