//! English stems with a memo. Snowball stemming was a tenth of a build's CPU
//! (the same few thousand words stemmed again and again); a word's stem is
//! looked up instead once seen. Same stems as tantivy's `Stemmer`: the same
//! frostem algorithm computes them.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Words remembered per analyzer (one per field and writer thread): enough
/// for news vocabulary, bounded so a corpus of rare words cannot grow it.
const MAX_WORDS: usize = 100_000;

#[derive(Clone, Copy, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            stems: FxHashMap::default(),
        }
    }
}

#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    /// Word -> its stem, `None` when the stem is the word itself.
    stems: FxHashMap<Box<str>, Option<Box<str>>>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stems: &mut self.stems,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

pub struct CachedStemmerStream<'a, T> {
    tail: T,
    stems: &'a mut FxHashMap<Box<str>, Option<Box<str>>>,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let stem = match self.stems.get(token.text.as_str()) {
            Some(stem) => stem.as_deref(),
            None => {
                let stem = self.stemmer.stem(&token.text);
                let stem = (stem != token.text.as_str()).then(|| Box::<str>::from(stem));
                if self.stems.len() >= MAX_WORDS {
                    self.stems.clear();
                }
                self.stems
                    .entry(token.text.as_str().into())
                    .or_insert(stem)
                    .as_deref()
            }
        };
        if let Some(stem) = stem {
            token.text.clear();
            token.text.push_str(stem);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    use super::super::schema::analyze as tokens;
    use super::CachedStemmer;

    #[test]
    fn same_stems_as_tantivy_once_and_from_the_memo() {
        let text = "Pompeo's fourth visit: visits, visiting and visited; meetings, \
                    talks, negotiations, sanctions, denuclearization, was, is, the news";
        let mut ours = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let mut theirs = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let expected = tokens(&mut theirs, text);
        assert!(expected.contains(&"visit".to_string()));
        // The first pass stems, the second reads the memo.
        assert_eq!(tokens(&mut ours, text), expected);
        assert_eq!(tokens(&mut ours, text), expected);
    }
}
