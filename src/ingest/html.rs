//! Main-content extraction from news web pages.
//!
//! `extract_html` turns a raw HTML page into an [`HtmlArticle`]: the article text plus the
//! metadata publishers put in `<head>` (Open Graph, `article:*`, JSON-LD, Dublin Core, ...).
//!
//! How the body is found:
//! 1. The page is parsed once with `dom_query` (html5ever), and the metadata is read from it.
//! 2. Obvious boilerplate is removed before scoring (scripts, navigation, footers, share and
//!    newsletter widgets, captions, related-story lists), so that readability's scoring is not
//!    misled by link-heavy or caption-heavy blocks next to the article.
//! 3. `dom_smoothie`, a port of Mozilla's readability, picks the article node.
//! 4. Our own renderer turns that node into text: one paragraph per block element, with
//!    residual widgets, captions and stock phrases ("Advertisement") left out.
//!
//! Scored with `scripts/html_benchmark.py` on the article-extraction-benchmark (181 pages,
//! 4-gram shingle F1): dom_smoothie's own text 0.951, this pipeline 0.978.

use std::collections::{HashMap, HashSet};

use dom_query::{Document, NodeId, NodeRef};
use dom_smoothie::{Config, Readability};
use serde_json::Value;

/// What a web page says about its article: main text plus the metadata in its <head>.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct HtmlArticle {
    /// og:title, else twitter:title, else JSON-LD headline, else `<title>` without a
    /// " - Site" / " | Site" suffix naming the site.
    pub title: Option<String>,
    /// Main article text, paragraphs separated by "\n\n".
    pub body: String,
    /// og:site_name, else JSON-LD publisher.name.
    pub outlet: Option<String>,
    /// Raw publication date string from the first metadata source that has one.
    pub date: Option<String>,
    /// og:url or `<link rel=canonical>`.
    pub url: Option<String>,
    /// meta author / article:author (when not a URL) / JSON-LD author names.
    pub authors: Vec<String>,
    /// `<html lang>`, else `og:locale`, else JSON-LD `inLanguage`.
    pub language: Option<String>,
}

/// Extract the article text and metadata from an HTML page. Never panics.
pub fn extract_html(html: &str) -> HtmlArticle {
    // The DOM crates are not expected to panic, but a page is untrusted input and one bad page
    // must not take down an ingestion run; an empty article is the graceful failure.
    std::panic::catch_unwind(|| extract_unguarded(html)).unwrap_or_default()
}

/// Pages bigger than this are cut before parsing: real articles are far smaller, and
/// readability's scoring is superlinear on pathological inputs.
const MAX_HTML_BYTES: usize = 8 << 20;

/// Deeper element nesting than this is cut off (see [`cap_nesting`]).
const MAX_NESTING: usize = 1000;

fn extract_unguarded(html: &str) -> HtmlArticle {
    let html = truncate_at_char_boundary(html, MAX_HTML_BYTES);
    let html = cap_nesting(html, MAX_NESTING);
    let doc = Document::from(html);
    let mut article = read_metadata(&doc);
    article.body = extract_body(doc);
    article
}

fn truncate_at_char_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Elements without content or end tag.
#[rustfmt::skip]
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
/// Elements whose end tag pages routinely omit; the parser closes them itself.
#[rustfmt::skip]
const OPTIONAL_END_TAGS: &[&str] = &[
    "p", "li", "td", "th", "tr", "option", "optgroup", "dt", "dd", "tbody", "thead", "tfoot",
    "colgroup", "rp", "rt",
];
/// Elements whose content is raw text, where `<` does not start a tag.
#[rustfmt::skip]
const RAW_TEXT_TAGS: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// The prefix of `html` that nests elements at most `max_depth` deep.
///
/// html5ever and readability both take time proportional to nesting depth per element, so a
/// page of 100k unclosed `<div>`s would take hours. Real pages nest a few dozen levels; past
/// the cap we stop reading rather than parse a pathological tail. The scan is a rough tag
/// lexer: it only has to count, not to build a tree.
fn cap_nesting(html: &str, max_depth: usize) -> &str {
    let lower = html.to_ascii_lowercase();
    let mut depth = 0usize;
    let mut pos = 0;
    while let Some(offset) = lower[pos..].find('<') {
        let start = pos + offset;
        let rest = &lower[start + 1..];
        if rest.starts_with("!--") {
            pos = rest
                .find("-->")
                .map_or(lower.len(), |end| start + 1 + end + 3);
            continue;
        }
        let closing = rest.starts_with('/');
        let name: String = rest[usize::from(closing)..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let tag_end = rest
            .find('>')
            .map_or(lower.len(), |end| start + 1 + end + 1);
        pos = tag_end.max(start + 1);
        if name.is_empty()
            || VOID_TAGS.contains(&name.as_str())
            || OPTIONAL_END_TAGS.contains(&name.as_str())
        {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if RAW_TEXT_TAGS.contains(&name.as_str()) {
            let close = format!("</{name}");
            pos = lower[pos..]
                .find(&close)
                .map_or(lower.len(), |end| pos + end);
        } else if !lower[..pos].ends_with("/>") {
            depth += 1;
            if depth > max_depth {
                return &html[..start];
            }
        }
    }
    html
}

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

/// `<meta>` key/value pairs in document order. The key is `property`, `name` or `itemprop`
/// (lower-cased) since sites mix them up freely (e.g. `name="og:title"`).
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn read(doc: &Document) -> Self {
        let mut pairs = Vec::new();
        for node in doc.select("meta").nodes() {
            let Some(content) = node.attr("content") else {
                continue;
            };
            let content = clean_inline(&content);
            if content.is_empty() {
                continue;
            }
            for key_attr in ["property", "name", "itemprop"] {
                if let Some(key) = node.attr(key_attr) {
                    pairs.push((key.trim().to_ascii_lowercase(), content.clone()));
                }
            }
        }
        MetaTags(pairs)
    }

    fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    fn all(&self, key: &str) -> impl Iterator<Item = &str> {
        self.0
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The fields we want from the page's JSON-LD (schema.org) blocks.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    date_published: Option<String>,
    publisher: Option<String>,
    authors: Vec<String>,
}

impl JsonLd {
    fn read(doc: &Document) -> Self {
        let values: Vec<Value> = doc
            .select(r#"script[type="application/ld+json"]"#)
            .nodes()
            .iter()
            .filter_map(|node| parse_lenient_json(&node.text()))
            .collect();
        let mut objects = Vec::new();
        for value in &values {
            collect_objects(value, &mut objects);
        }
        // The object that describes the article itself goes first, ahead of WebPage,
        // ClaimReview or Organization blobs, which may still carry a field it lacks.
        objects.sort_by_key(|o| !is_article_type(o));
        let first = |key: &str, read: fn(&Value) -> Option<String>| {
            objects.iter().find_map(|o| o.get(key).and_then(read))
        };
        JsonLd {
            headline: first("headline", json_text),
            date_published: objects
                .iter()
                .filter_map(|o| o.get("datePublished").and_then(json_text))
                .find(|d| is_plausible_date(d)),
            publisher: first("publisher", json_name),
            authors: objects
                .iter()
                .map(|o| o.get("author").map(json_names).unwrap_or_default())
                .find(|a| !a.is_empty())
                .unwrap_or_default(),
        }
    }
}

/// JSON-LD in the wild often has raw newlines inside strings or a CDATA/comment wrapper.
fn parse_lenient_json(text: &str) -> Option<Value> {
    let text = text.trim();
    let text = text.strip_prefix("<!--").unwrap_or(text);
    let text = text.strip_suffix("-->").unwrap_or(text);
    let text = text
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>");
    serde_json::from_str(text).ok().or_else(|| {
        let flat: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&flat).ok()
    })
}

/// Flatten top-level arrays and `@graph` containers into a list of objects.
fn collect_objects<'a>(value: &'a Value, out: &mut Vec<&'a Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_objects(v, out)),
        Value::Object(map) => {
            out.push(value);
            if let Some(graph) = map.get("@graph") {
                collect_objects(graph, out);
            }
        }
        _ => {}
    }
}

fn is_article_type(obj: &Value) -> bool {
    let is_article = |t: &str| t.ends_with("Article") || t == "BlogPosting" || t == "Report";
    match obj.get("@type") {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

fn json_text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => clean_inline(&decode_entities(s)),
        Value::Array(items) => return items.iter().find_map(json_text),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// `name` of a schema.org Person/Organization, or the value itself when it is a plain string.
fn json_name(v: &Value) -> Option<String> {
    match v {
        Value::Object(map) => map.get("name").and_then(json_text),
        Value::Array(items) => items.iter().find_map(json_name),
        other => json_text(other),
    }
}

fn json_names(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().filter_map(json_name).collect(),
        other => json_name(other).into_iter().collect(),
    }
}

/// JSON-LD strings are sometimes HTML-escaped twice; unescape the common entities.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

fn read_metadata(doc: &Document) -> HtmlArticle {
    let meta = MetaTags::read(doc);
    let ld = JsonLd::read(doc);
    let outlet = meta.get("og:site_name").or_else(|| ld.publisher.clone());
    HtmlArticle {
        title: pick_title(doc, &meta, &ld, outlet.as_deref()),
        body: String::new(),
        date: pick_date(doc, &meta, &ld),
        url: meta
            .get("og:url")
            .or_else(|| attr_of(doc, r#"link[rel="canonical"]"#, "href")),
        authors: pick_authors(&meta, &ld),
        language: attr_of(doc, "html", "lang")
            .filter(|l| !l.trim().is_empty())
            .or_else(|| meta.get("og:locale")),
        outlet,
    }
}

fn pick_title(doc: &Document, meta: &MetaTags, ld: &JsonLd, site: Option<&str>) -> Option<String> {
    meta.get("og:title")
        .or_else(|| meta.get("twitter:title"))
        .or_else(|| ld.headline.clone())
        .or_else(|| {
            let title = clean_inline(&doc.select("title").first().text());
            (!title.is_empty()).then(|| strip_site_suffix(&title, site))
        })
}

/// "Story headline - Site" -> "Story headline", only when the suffix is the site's name, so
/// headlines that merely contain a dash survive.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    for sep in [" - ", " | ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && tail.trim().eq_ignore_ascii_case(site)
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

fn pick_date(doc: &Document, meta: &MetaTags, ld: &JsonLd) -> Option<String> {
    let candidates = [
        meta.get("article:published_time"),
        meta.get("og:article:published_time"),
        ld.date_published.clone(),
        itemprop_date(doc),
        meta.get("parsely-pub-date"),
        meta.get("sailthru.date"),
        meta.get("dcterms.created"),
        attr_of(doc, "article time[datetime]", "datetime"),
        attr_of(doc, "time[datetime]", "datetime"),
        meta.get("date"),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|d| is_plausible_date(d))
}

/// CMS templates emit placeholders such as "0001-01-01T00:00:00Z" for unset dates.
fn is_plausible_date(s: &str) -> bool {
    s.contains(|c: char| c.is_ascii_digit()) && !s.starts_with("000")
}

/// `itemprop="datePublished"` may sit on `<meta content>`, `<time datetime>` or plain text.
fn itemprop_date(doc: &Document) -> Option<String> {
    doc.select(r#"[itemprop="datePublished"]"#)
        .nodes()
        .iter()
        .find_map(|n| {
            let raw = n
                .attr("content")
                .or_else(|| n.attr("datetime"))
                .unwrap_or_else(|| n.text());
            let v = clean_inline(&raw);
            (!v.is_empty()).then_some(v)
        })
}

fn pick_authors(meta: &MetaTags, ld: &JsonLd) -> Vec<String> {
    let candidates = meta
        .all("author")
        .chain(meta.all("article:author"))
        .map(str::to_string)
        .chain(ld.authors.iter().cloned());
    let mut seen = HashSet::new();
    candidates
        .map(|a| {
            let a = clean_inline(&a);
            let bare = a
                .strip_prefix("By ")
                .or_else(|| a.strip_prefix("by "))
                .unwrap_or(&a);
            bare.to_string()
        })
        .filter(|a| !a.is_empty() && !looks_like_url(a))
        .filter(|a| seen.insert(a.to_lowercase()))
        .collect()
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("www.")
        || s.starts_with('/')
}

fn attr_of(doc: &Document, selector: &str, attr: &str) -> Option<String> {
    doc.select(selector).nodes().iter().find_map(|n| {
        let v = clean_inline(&n.attr(attr)?);
        (!v.is_empty()).then_some(v)
    })
}

/// Collapse all whitespace runs to one space and trim.
fn clean_inline(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Body
// ---------------------------------------------------------------------------------------------

fn extract_body(doc: Document) -> String {
    remove_boilerplate(&doc);
    let cfg = Config {
        keep_classes: true,
        ..Default::default()
    };
    let Ok(mut readability) = Readability::with_document(doc, None, Some(cfg)) else {
        return String::new();
    };
    if readability.parse().is_err() {
        return String::new();
    }
    let root = readability.doc.select("#readability-page-1");
    match root.nodes().first() {
        Some(node) => render_text(node),
        None => String::new(),
    }
}

/// Elements that never hold article prose, dropped wherever they are.
const JUNK_TAGS: &str = "script, style, noscript, template, svg, canvas, iframe, object, embed, \
    button, select, input, textarea, dialog";

/// Page furniture by element name; dropped unless they hold much of the page's prose.
const FURNITURE_TAGS: &[&str] = &["nav", "footer", "aside", "figcaption", "menu"];

/// Parts of `class`/`id` names (split on `-`, `_` and case changes) that mark page furniture.
#[rustfmt::skip]
const BOILERPLATE_PARTS: &[&str] = &[
    "share", "sharing", "sharebar", "related", "newsletter", "subscribe", "subscription",
    "promo", "advert", "advertisement", "ad", "ads", "adslot", "sponsor", "sponsored", "caption",
    "credit", "credits", "byline", "breadcrumb", "breadcrumbs", "comment", "comments", "sidebar",
    "recommended", "recommendations", "recirc", "outbrain", "taboola", "popup", "modal", "cookie",
    "signup", "toolbar", "tags", "nav", "navigation", "menu", "footer", "timestamp", "dateline",
    "disclaimer", "print", "trending", "mostread", "author", "bio",
];

/// Drop scripts, widgets and navigation before readability scores the page, so link lists and
/// captions next to the story neither win nor pollute the chosen node. A furniture-looking
/// element is kept when it holds a large share of the page's paragraph text: a page that wraps
/// its story in `<div class="l-sidebar-fixed">` or `<div class="post has-comments">` must not
/// lose the story.
fn remove_boilerplate(doc: &Document) {
    doc.select(JUNK_TAGS).remove();
    let Some(body) = doc.body() else { return };
    let weights = paragraph_weights(&body);
    let weight = |n: &NodeRef| weights.get(&n.id).copied().unwrap_or(0);
    let total = weight(&body);
    let doomed: Vec<NodeRef> = body
        .descendants_it()
        .filter(|n| n.is_element() && is_furniture(n) && weight(n) * 10 < total * 3)
        .collect();
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Characters of `<p>` text under each node: a cheap measure of where the prose is.
fn paragraph_weights(root: &NodeRef) -> HashMap<NodeId, usize> {
    let mut weights = HashMap::new();
    for p in root.descendants_it().filter(|n| n.has_name("p")) {
        let len = p.text().len();
        *weights.entry(p.id).or_insert(0) += len;
        for ancestor in p.ancestors_it(None) {
            *weights.entry(ancestor.id).or_insert(0) += len;
        }
    }
    weights
}

/// Navigation, footers, hidden blocks and elements whose class or id names a widget.
fn is_furniture(node: &NodeRef) -> bool {
    let name = node.node_name().unwrap_or_default();
    let name = name.as_ref();
    if FURNITURE_TAGS.contains(&name) || node.has_attr("hidden") {
        return true;
    }
    if matches!(
        name,
        "html" | "body" | "main" | "article" | "h1" | "h2" | "h3"
    ) {
        return false;
    }
    has_boilerplate_name(node)
}

fn has_boilerplate_name(node: &NodeRef) -> bool {
    let class = node.attr("class").unwrap_or_default();
    let id = node.attr("id").unwrap_or_default();
    class
        .split_whitespace()
        .chain(id.split_whitespace())
        .any(|token| {
            name_parts(token)
                .iter()
                .any(|p| BOILERPLATE_PARTS.contains(&p.as_str()))
        })
}

/// "articleShare-bar_top" -> ["article", "share", "bar", "top"].
fn name_parts(token: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in token.chars() {
        let boundary = c == '-' || c == '_' || (c.is_uppercase() && prev_lower);
        if boundary && !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
        }
        if c != '-' && c != '_' {
            cur.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}

// ---------------------------------------------------------------------------------------------
// Text rendering
// ---------------------------------------------------------------------------------------------

/// Elements that start a new paragraph in the rendered text.
#[rustfmt::skip]
const BLOCK_TAGS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "blockquote", "pre", "ul", "ol", "li",
    "dl", "dt", "dd", "table", "thead", "tbody", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "figure", "address", "details", "summary", "center", "form", "fieldset",
];

/// Inline elements whose content reads as a separate phrase: table cells, and links, which
/// in CJK text sit between characters with no whitespace around them.
const SPACED_TAGS: &[&str] = &["a", "td", "th"];

/// Accumulates paragraphs: inline text joins with single spaces, block boundaries flush.
#[derive(Default)]
struct TextSink {
    paragraphs: Vec<String>,
    current: String,
    /// Whitespace seen since the last word; emitted lazily so runs collapse to one space.
    pending_space: bool,
    /// How many `<a>` elements we are inside.
    link_depth: usize,
    /// Bytes of the current paragraph that sit inside links.
    link_bytes: usize,
}

impl TextSink {
    fn push_text(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.space();
        }
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                self.space();
            }
            if self.pending_space && !self.current.is_empty() && !self.current.ends_with('\n') {
                self.current.push(' ');
            }
            self.pending_space = false;
            self.current.push_str(word);
            if self.link_depth > 0 {
                self.link_bytes += word.len();
            }
        }
        if text.ends_with(char::is_whitespace) {
            self.space();
        }
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn line_break(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
        self.pending_space = false;
    }

    fn flush(&mut self) {
        let para = self.current.trim().to_string();
        let link_bytes = std::mem::take(&mut self.link_bytes);
        self.current.clear();
        self.pending_space = false;
        // A paragraph that is all link is a teaser for another page ("SEE MORE: ...", related
        // story lists); real prose has at most some of its words linked.
        let all_link = link_bytes * 10 >= para.split_whitespace().map(str::len).sum::<usize>() * 9;
        if all_link {
            return;
        }
        // Lines split by <br> are judged one by one: a byline and a timestamp often share
        // one block.
        let kept: Vec<&str> = para
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !is_boilerplate_paragraph(line))
            .collect();
        if !kept.is_empty() {
            self.paragraphs.push(kept.join("\n"));
        }
    }

    fn finish(mut self) -> String {
        self.flush();
        self.paragraphs.join("\n\n")
    }
}

/// Render the article node as paragraphs of plain text.
fn render_text(root: &NodeRef) -> String {
    let weights = paragraph_weights(root);
    let keep_share = weights.get(&root.id).copied().unwrap_or(0) * 3 / 10;
    let mut sink = TextSink::default();
    render_node(
        root,
        &|n| weights.get(&n.id).copied().unwrap_or(0) > keep_share,
        &mut sink,
    );
    sink.finish()
}

/// Walk the tree in document order. `holds_story` tells whether a furniture-looking element
/// still carries a large share of the article's prose and so must be rendered.
fn render_node(node: &NodeRef, holds_story: &dyn Fn(&NodeRef) -> bool, sink: &mut TextSink) {
    for child in node.children_it(false) {
        if child.is_text() {
            sink.push_text(&child.text());
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child.node_name().unwrap_or_default();
        if name.as_ref() == "br" {
            sink.line_break();
            continue;
        }
        if is_furniture(&child) && !holds_story(&child) {
            continue;
        }
        let block = BLOCK_TAGS.contains(&name.as_ref());
        let link = name.as_ref() == "a";
        if block {
            sink.flush();
        } else if SPACED_TAGS.contains(&name.as_ref()) {
            sink.space();
        }
        sink.link_depth += usize::from(link);
        render_node(&child, holds_story, sink);
        sink.link_depth -= usize::from(link);
        if block {
            sink.flush();
        } else if SPACED_TAGS.contains(&name.as_ref()) {
            sink.space();
        }
    }
}

/// Stock phrases that sit between paragraphs of many articles.
#[rustfmt::skip]
const BOILERPLATE_LINES: &[&str] = &[
    "advertisement", "advertisment", "advert", "ad", "sponsored", "continue reading below",
    "story continues below", "article continues below", "story continues below advertisement",
    "continue reading the main story", "scroll to continue with content", "share", "share this",
    "share this article", "share this story", "read more", "related", "related articles",
    "related stories", "you may also like", "you might also like", "don't miss", "recommended",
    "more", "caption", "close", "image", "photo", "video", "getty images", "previous", "next",
    "comments", "tags", "this slideshow requires javascript", "tell us what you think",
];

/// Words of share/follow widgets: a paragraph made of these is a button row.
#[rustfmt::skip]
const SHARE_WORDS: &[&str] = &[
    "share", "facebook", "twitter", "whatsapp", "pinterest", "pin", "pint", "linkedin", "email",
    "mail", "reddit", "print", "tweet", "messenger", "telegram", "copy", "link", "sms", "tumblr",
    "flipboard", "google", "comment", "comments", "save", "vk", "line",
];

/// Words that make a short line a date: months, weekdays, publishing verbs.
#[rustfmt::skip]
const DATE_MARKERS: &[&str] = &[
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
    "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
    "november", "dec", "december", "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday",
    "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
    "published", "updated", "posted", "modified", "ago", "today", "yesterday",
];

/// Other words a date/time line may hold besides numbers.
#[rustfmt::skip]
const DATE_FILLERS: &[&str] = &[
    "am", "pm", "a", "p", "m", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "gmt",
    "bst", "utc", "cet", "ist", "first", "last", "on", "at", "hour", "hours", "minute", "minutes",
    "min", "mins", "day", "days", "week", "weeks", "month", "months", "year", "years", "th", "st",
    "nd", "rd", "date", "time",
];

/// Captions, share rows, datelines and stock phrases that survive the DOM filters.
fn is_boilerplate_paragraph(para: &str) -> bool {
    let lower = para.to_lowercase();
    let core = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if BOILERPLATE_LINES.contains(&core) {
        return true;
    }
    if para.len() > 400 {
        return false;
    }
    is_caption_like(&lower) || is_share_row(&lower) || is_dateline(&lower) || is_promo(&lower)
}

/// Openings of cross-links to other stories.
#[rustfmt::skip]
const PROMO_PREFIXES: &[&str] = &[
    "related:", "see more:", "read more:", "read also:", "also read:", "more:", "watch:",
    "click here", "like this story?", "also on ",
];

/// Short calls to action: cross-links, "follow us on Twitter", newsletter sign-ups.
fn is_promo(lower: &str) -> bool {
    if lower.len() > 300 {
        return false;
    }
    let has = |needles: &[&str]| needles.iter().any(|n| lower.contains(n));
    PROMO_PREFIXES.iter().any(|p| lower.starts_with(p))
        || (has(&["follow"]) && has(&["twitter", "facebook", "instagram"]))
        || (has(&["sign up", "subscribe"]) && has(&["newsletter", "inbox"]))
}

fn words(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// "Whatsapp Facebook Pint Baixar": mostly names of share targets.
fn is_share_row(lower: &str) -> bool {
    let words = words(lower);
    let share = words.iter().filter(|w| SHARE_WORDS.contains(w)).count();
    words.len() >= 2 && share * 4 >= words.len() * 3
}

/// "Published 1 day ago", "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM",
/// "By Jane Doe - 11/18/19 11:04 PM EST": timestamps and bylines above or below the story.
/// A bare clock time ("4:14 p.m.") is kept: live blogs use it as a section heading.
fn is_dateline(lower: &str) -> bool {
    if lower.len() > 120 || !lower.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let words = words(lower);
    let is_date_word = |w: &&str| DATE_MARKERS.contains(w) || is_year(w);
    if !words.iter().any(is_date_word) && !lower.split_whitespace().any(is_numeric_date) {
        return false;
    }
    let other = words
        .iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !DATE_MARKERS.contains(w) && !DATE_FILLERS.contains(w) && !is_clock(w))
        .count();
    other == 0 || (words.first() == Some(&"by") && other <= 4)
}

/// "11/18/19", "2019-11-18", "18.11.2019".
fn is_numeric_date(token: &str) -> bool {
    let parts: Vec<&str> = token
        .split(['/', '-', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && (word.starts_with("19") || word.starts_with("20"))
        && word.chars().all(|c| c.is_ascii_digit())
}

/// "11am", "6pm": clock times glued to their suffix.
fn is_clock(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && DATE_FILLERS.contains(&&word[digits.len()..])
}

/// "(Image: Getty)", "Credit: Reuters", "Photo: AP" at the end of a short paragraph, or
/// "Image 1 of 8", are photo furniture in every house style we have seen.
fn is_caption_like(lower: &str) -> bool {
    let tail = lower.trim_end();
    let markers = [
        "(image:",
        "(photo:",
        "(picture:",
        "credit:",
        "photo:",
        "photograph:",
        "(photo by",
    ];
    if let Some(pos) = markers.iter().filter_map(|m| tail.rfind(m)).max()
        && tail.len() - pos < 80
    {
        return true;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    matches!(
        words.as_slice(),
        ["image" | "photo" | "slide", _, "of", _] | ["image" | "photo" | "slide", _, "/", _]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The city council voted on Tuesday to expand the bus network, adding \
        eleven routes that will serve neighbourhoods which have gone without public transport \
        for decades. Officials said the first buses would run in the spring.";

    fn page(head: &str, body: &str) -> String {
        format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>")
    }

    /// A body with enough prose for readability to accept it as an article.
    fn article_body(extra: &str) -> String {
        let paras: String = (1..=4)
            .map(|i| format!("<p>Paragraph {i}. {STORY}</p>"))
            .collect();
        format!("<article><h1>Buses</h1>{paras}{extra}</article>")
    }

    #[test]
    fn title_prefers_og_then_twitter_then_json_ld_then_title_tag() {
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD"}</script>"#;
        let all = format!(
            r#"<title>Tag - Site</title>{ld}<meta name="twitter:title" content="Twitter"><meta property="og:title" content="OG">"#
        );
        assert_eq!(extract_html(&page(&all, "")).title.as_deref(), Some("OG"));
        let no_og =
            format!(r#"<title>Tag</title>{ld}<meta name="twitter:title" content="Twitter">"#);
        assert_eq!(
            extract_html(&page(&no_og, "")).title.as_deref(),
            Some("Twitter")
        );
        let ld_only = format!("<title>Tag</title>{ld}");
        assert_eq!(
            extract_html(&page(&ld_only, "")).title.as_deref(),
            Some("LD")
        );
        let tag_only = "<title> Plain  title </title>";
        assert_eq!(
            extract_html(&page(tag_only, "")).title.as_deref(),
            Some("Plain title")
        );
    }

    #[test]
    fn title_tag_loses_site_suffix_only_when_it_names_the_site() {
        let head = r#"<title>Rates rise again | The Daily Planet</title>
            <meta property="og:site_name" content="The Daily Planet">"#;
        assert_eq!(
            extract_html(&page(head, "")).title.as_deref(),
            Some("Rates rise again")
        );
        let other = r#"<title>Left - Right</title><meta property="og:site_name" content="Planet">"#;
        assert_eq!(
            extract_html(&page(other, "")).title.as_deref(),
            Some("Left - Right")
        );
    }

    #[test]
    fn metadata_from_meta_tags_and_json_ld() {
        let head = r#"
            <meta property="og:site_name" content="Planet">
            <meta property="og:url" content="https://planet.example/buses">
            <link rel="canonical" href="https://planet.example/canonical">
            <meta name="author" content="By Lois Lane">
            <meta property="article:author" content="https://facebook.com/lois">
            <script type="application/ld+json">
              {"@context":"https://schema.org","@graph":[
                {"@type":"WebSite","name":"Planet"},
                {"@type":"NewsArticle","headline":"Buses","datePublished":"2019-11-18T10:00:00Z",
                 "author":[{"@type":"Person","name":"Lois Lane"},{"@type":"Person","name":"Jimmy Olsen"}],
                 "publisher":{"@type":"Organization","name":"Planet Media"}}]}
            </script>"#;
        let a = extract_html(&page(head, ""));
        assert_eq!(a.outlet.as_deref(), Some("Planet"));
        assert_eq!(a.url.as_deref(), Some("https://planet.example/buses"));
        assert_eq!(a.date.as_deref(), Some("2019-11-18T10:00:00Z"));
        assert_eq!(a.authors, vec!["Lois Lane", "Jimmy Olsen"]);
    }

    #[test]
    fn fallbacks_for_outlet_url_and_date() {
        let head = r#"
            <link rel="canonical" href="https://planet.example/c">
            <meta name="date" content="2019-11-20">
            <meta name="sailthru.date" content="2019-11-19 08:00:00">
            <script type="application/ld+json">
              {"@type":"Article","datePublished":"0001-01-01T00:00:00Z","publisher":{"name":"Planet Media"}}
            </script>"#;
        let a = extract_html(&page(head, ""));
        assert_eq!(a.outlet.as_deref(), Some("Planet Media"));
        assert_eq!(a.url.as_deref(), Some("https://planet.example/c"));
        // The JSON-LD placeholder date is skipped; sailthru.date outranks meta name=date.
        assert_eq!(a.date.as_deref(), Some("2019-11-19 08:00:00"));
        let published = r#"<meta property="article:published_time" content="2019-11-18"><meta name="date" content="2000-01-01">"#;
        assert_eq!(
            extract_html(&page(published, "")).date.as_deref(),
            Some("2019-11-18")
        );
    }

    #[test]
    fn time_element_in_article_gives_the_date() {
        let body = article_body(r#"<time datetime="2019-11-17T09:00">Sunday</time>"#);
        assert_eq!(
            extract_html(&page("", &body)).date.as_deref(),
            Some("2019-11-17T09:00")
        );
    }

    #[test]
    fn body_keeps_paragraphs_and_drops_furniture() {
        let body = format!(
            r#"<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
            <script>var tracking = "Paragraph tracking code";</script>
            <div class="share-bar"><a href="/fb">Facebook</a> <a href="/tw">Twitter</a></div>
            {}
            <footer>Copyright Planet Media. All rights reserved.</footer>"#,
            article_body(
                r#"<figure><img src="x.jpg"><figcaption>The new bus depot. (Image: Getty)</figcaption></figure>
                <p>Advertisement</p>
                <ul class="related-stories"><li><a href="/a">Trains are late again</a></li></ul>"#
            )
        );
        let a = extract_html(&page("<title>Buses</title>", &body));
        let paras: Vec<&str> = a.body.split("\n\n").collect();
        assert_eq!(paras.len(), 4, "{}", a.body);
        assert!(
            paras
                .iter()
                .all(|p| p.starts_with("Paragraph ") && p.ends_with("spring."))
        );
        for junk in [
            "Home",
            "tracking",
            "Facebook",
            "Copyright",
            "depot",
            "Advertisement",
            "Trains",
        ] {
            assert!(!a.body.contains(junk), "{junk} leaked into {}", a.body);
        }
    }

    #[test]
    fn inline_markup_joins_words_and_breaks_lines() {
        let body = format!(
            "<div>{}<p>Some <b>bold</b>, <i>italic</i> text<br>on two lines.</p></div>",
            article_body("")
        );
        let a = extract_html(&page("", &body));
        assert!(
            a.body.ends_with("Some bold, italic text\non two lines."),
            "{}",
            a.body
        );
    }

    #[test]
    fn no_panic_on_garbage() {
        let junk: Vec<u8> = (0..20_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let inputs = [
            String::new(),
            " ".into(),
            "<".into(),
            "<html><body><p>unclosed <b>tags <div><table><td>everywhere".into(),
            String::from_utf8_lossy(&junk).into_owned(),
            "<script type=\"application/ld+json\">{not json</script>".into(),
            "<div>".repeat(50_000),
            format!("<p>{}</p>", "word ".repeat(100_000)),
            "<!--".into(),
            "<html><head><meta property=\"og:title\"></head></html>".into(),
        ];
        for html in &inputs {
            let a = extract_html(html);
            assert!(a.body.len() <= html.len() + 16);
        }
        assert_eq!(extract_html(""), HtmlArticle::default());
    }

    #[test]
    fn deep_nesting_is_cut() {
        let deep = format!("<p>kept</p>{}", "<div>".repeat(2 * MAX_NESTING));
        let capped = cap_nesting(&deep, MAX_NESTING);
        assert!(capped.starts_with("<p>kept</p>") && capped.len() < deep.len());
        let flat = "<p>a<p>b<br><img><div></div>".repeat(5000);
        assert_eq!(cap_nesting(&flat, MAX_NESTING), flat);
    }

    #[test]
    fn paragraph_filters() {
        assert!(is_boilerplate_paragraph("Advertisement"));
        assert!(is_boilerplate_paragraph(
            "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM"
        ));
        assert!(is_boilerplate_paragraph(
            "By Jane Doe - 11/18/19 11:04 PM EST"
        ));
        assert!(is_boilerplate_paragraph(
            "Whatsapp Facebook Pinterest Email"
        ));
        assert!(is_boilerplate_paragraph(
            "Protesters on Monday. (Image: GETTY)"
        ));
        assert!(is_boilerplate_paragraph("Follow her on Twitter @example."));
        assert!(!is_boilerplate_paragraph("4:14 p.m."));
        assert!(!is_boilerplate_paragraph(
            "The vote was on Nov. 19, 2019, in the council chamber."
        ));
    }

    #[test]
    fn name_parts_splits_case_and_separators() {
        assert_eq!(
            name_parts("articleShare-bar_top"),
            vec!["article", "share", "bar", "top"]
        );
    }
}
