//! English stems with a memo. Snowball stemming was a tenth of a build's CPU
//! (the same few thousand words stemmed again and again); a word's stem is
//! looked up instead once seen. Same stems as tantivy's `Stemmer`: the same
//! frostem algorithm computes them.
//!
//! The memo is a direct-mapped table of inline words: a hash map of boxed
//! words cost a pointer chase and a `memcmp` per token and was still 7% of a
//! build; one cache line per lookup is less than half that. A word that
//! lands on another's slot replaces it (news vocabulary is skewed enough
//! that the common words stay).

use std::hash::Hasher;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Slots per analyzer (one per field and writer thread): 512 KiB, so the
/// body's fits a core's L2 beside tantivy's own tables.
const SLOTS: usize = 1 << 14;
/// Longer words are stemmed each time (one token in a hundred).
const INLINE: usize = 15;

#[derive(Clone, Copy, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            memo: Memo::default(),
        }
    }
}

#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    memo: Memo,
}

/// A word and its stem, both inline, in 32 bytes; `word_len == 0` is an empty slot.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    word_len: u8,
    word: [u8; INLINE],
    stem_len: u8,
    stem: [u8; INLINE],
}

const EMPTY: Slot = Slot {
    word_len: 0,
    word: [0; INLINE],
    stem_len: 0,
    stem: [0; INLINE],
};

/// Allocated on first use: analyzers are cloned for every field and thread,
/// most never stem a word.
#[derive(Clone, Default)]
struct Memo {
    slots: Vec<Slot>,
}

impl Memo {
    fn slot(&mut self, word: &str) -> &mut Slot {
        if self.slots.is_empty() {
            self.slots = vec![EMPTY; SLOTS];
        }
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(word.as_bytes());
        let index = (hasher.finish() >> (64 - SLOTS.trailing_zeros())) as usize;
        &mut self.slots[index]
    }

    /// Writes the stem of `text` over it.
    fn stem_in_place(&mut self, stemmer: &frostem::Stemmer, text: &mut String) {
        // Snowball's English stemmer leaves words under three letters alone,
        // and numbers: a quarter of news tokens, no lookup needed.
        if text.len() < 3 || text.bytes().all(|b| b.is_ascii_digit()) {
            return;
        }
        if text.len() > INLINE {
            let stem = stemmer.stem(text).into_owned();
            *text = stem;
            return;
        }
        let slot = self.slot(text);
        if usize::from(slot.word_len) == text.len() && slot.word[..text.len()] == *text.as_bytes() {
            let stem = &slot.stem[..usize::from(slot.stem_len)];
            if stem != text.as_bytes() {
                text.clear();
                // A stem is a word's prefix with ASCII or whole-character
                // changes, cut from a valid string: valid UTF-8.
                text.push_str(std::str::from_utf8(stem).unwrap_or_default());
            }
            return;
        }
        let stem = stemmer.stem(text);
        if stem.len() <= INLINE {
            slot.word_len = text.len() as u8;
            slot.word[..text.len()].copy_from_slice(text.as_bytes());
            slot.stem_len = stem.len() as u8;
            slot.stem[..stem.len()].copy_from_slice(stem.as_bytes());
        }
        if stem != text.as_str() {
            let stem = stem.into_owned();
            *text = stem;
        }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

pub struct CachedStemmerStream<'a, T> {
    tail: T,
    memo: &'a mut Memo,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        self.memo.stem_in_place(&self.stemmer, &mut token.text);
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

    /// Our memoised stemmer and tantivy's, behind the same tokenizer.
    fn memo_and_tantivy() -> (TextAnalyzer, TextAnalyzer) {
        let ours = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let theirs = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        (ours, theirs)
    }

    #[test]
    fn same_stems_as_tantivy_once_and_from_the_memo() {
        let text = "Pompeo's fourth visit: visits, visiting and visited; meetings, \
                    talks, negotiations, sanctions, denuclearization, was, is, the news";
        let (mut ours, mut theirs) = memo_and_tantivy();
        let expected = tokens(&mut theirs, text);
        assert!(expected.contains(&"visit".to_string()));
        // The first pass stems, the second reads the memo.
        assert_eq!(tokens(&mut ours, text), expected);
        assert_eq!(tokens(&mut ours, text), expected);
    }

    #[test]
    fn short_words_and_numbers_are_their_own_stems() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyz0123456789'éß".chars().collect();
        let mut words: Vec<String> = alphabet.iter().map(|c| c.to_string()).collect();
        for a in &alphabet {
            for b in &alphabet {
                let word = format!("{a}{b}");
                if word.len() < 3 {
                    words.push(word);
                }
            }
        }
        words.extend(["1990", "2018", "000", "4567890123"].map(String::from));
        for word in words {
            assert_eq!(stemmer.stem(&word), word.as_str(), "{word}");
        }
    }

    #[test]
    fn same_stems_when_words_evict_each_other() {
        // More distinct words than slots, long ones and non-ASCII ones: every
        // slot is overwritten several times and read back after.
        let mut text = String::from("internationalisations négociations déclarations ");
        for n in 0..3 * super::SLOTS {
            let suffix: String = format!("{n:x}")
                .chars()
                .map(|c| char::from(b'a' + c.to_digit(16).unwrap() as u8))
                .collect();
            text.push_str(&format!("visit{suffix}ing meetings{suffix} "));
        }
        let (mut ours, mut theirs) = memo_and_tantivy();
        let expected = tokens(&mut theirs, &text);
        assert_eq!(tokens(&mut ours, &text), expected);
        assert_eq!(tokens(&mut ours, &text), expected);
    }
}
