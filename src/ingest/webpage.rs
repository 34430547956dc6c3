//! A saved web page becomes an article: main text and head metadata.

use super::{Item, SourceFile, html};
use crate::article::{Article, SourceFormat};

pub fn read(file: &SourceFile, content: &str, sink: &mut dyn FnMut(Item)) {
    let page = html::extract_html(content);
    let mut article = Article {
        id: file.rel.clone(),
        path: file.rel.clone(),
        title: page.title.unwrap_or_default(),
        body: page.body,
        url: page.url,
        ..Article::default()
    };
    article.raw.format = SourceFormat::Html;
    article.raw.outlet = page.outlet;
    article.raw.date = page.date;
    article.raw.authors = page.authors;
    article.raw.language = page.language;
    sink(Item::Article(Box::new(article)));
}
