//! Plain text and Markdown: one article a file, the first non-empty line its title.

use super::{FileFormat, Item, SourceFile};
use crate::article::{Article, SourceFormat};

pub fn read(file: &SourceFile, content: &str, sink: &mut dyn FnMut(Item)) {
    let mut article = Article {
        id: file.rel.clone(),
        path: file.rel.clone(),
        ..Article::default()
    };
    article.raw.format = SourceFormat::Text;
    let mut content = content;
    if file.format == FileFormat::Markdown {
        content = front_matter(content, &mut article);
    }
    let mut lines = content.lines();
    for line in lines.by_ref() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let line = if file.format == FileFormat::Markdown {
            line.trim_start_matches('#').trim()
        } else {
            line
        };
        if article.title.is_empty() {
            article.title = line.to_string();
        }
        break;
    }
    article.body = lines.collect::<Vec<_>>().join("\n");
    sink(Item::Article(Box::new(article)));
}

/// Reads a YAML-style front matter block (`key: value` lines between `---`)
/// into the article's metadata; returns the text after it.
fn front_matter<'a>(content: &'a str, article: &mut Article) -> &'a str {
    let Some(rest) = content.strip_prefix("---\n") else {
        return content;
    };
    let Some(end) = rest.find("\n---") else {
        return content;
    };
    let mut obj = serde_json::Map::new();
    for line in rest[..end].lines() {
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches('"').trim_matches('\'');
            obj.insert(key.trim().to_string(), value.into());
        }
    }
    super::record::fill_meta(article, &obj, true);
    let after = &rest[end + 4..];
    after.strip_prefix('\n').unwrap_or(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_front_matter_and_heading() {
        let file = SourceFile {
            path: "a.md".into(),
            rel: "a.md".into(),
            format: FileFormat::Markdown,
            gzip: false,
        };
        let text = "---\noutlet: Reuters\ndate: 2018-09-20\n---\n\n# The title\n\nBody here.\n";
        let mut out = Vec::new();
        read(&file, text, &mut |i| {
            if let Item::Article(a) = i {
                out.push(*a)
            }
        });
        assert_eq!(out[0].title, "The title");
        assert_eq!(out[0].raw.outlet.as_deref(), Some("Reuters"));
        assert_eq!(out[0].raw.date.as_deref(), Some("2018-09-20"));
        assert_eq!(out[0].body.trim(), "Body here.");
    }
}
