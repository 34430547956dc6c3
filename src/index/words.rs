//! The words of English text as both our analyzers see them, in one pass:
//! tantivy's `SimpleTokenizer`, `RemoveLongFilter`, `LowerCaser` and
//! `AsciiFoldingFilter` give the same tokens, but read each word four times
//! (a tenth of a build's CPU across the four text fields). Words of ASCII
//! letters and digits, nearly all of news text, are lower-cased as they are
//! copied; the rare others go through tantivy's own filters, so every token,
//! offset and position is the one the four-stage chain gives (a test
//! compares them).

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Runs of letters and digits shorter than `max_bytes`, lower-cased and
/// folded to ASCII where they have an ASCII form.
#[derive(Clone)]
pub struct FoldedWords {
    max_bytes: usize,
    token: Token,
    /// Lower-casing and folding of a word that is not all ASCII.
    fold: TextAnalyzer,
}

impl FoldedWords {
    /// Words of `max_bytes` or more are dropped (they are data, not words),
    /// leaving a gap in positions as `RemoveLongFilter` does.
    pub fn new(max_bytes: usize) -> FoldedWords {
        FoldedWords {
            max_bytes,
            token: Token::default(),
            fold: TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
        }
    }
}

impl Tokenizer for FoldedWords {
    type TokenStream<'a> = FoldedWordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FoldedWordStream<'a> {
        self.token.reset();
        FoldedWordStream {
            text,
            at: 0,
            max_bytes: self.max_bytes,
            token: &mut self.token,
            fold: &mut self.fold,
        }
    }
}

pub struct FoldedWordStream<'a> {
    text: &'a str,
    /// Where the next word is looked for.
    at: usize,
    max_bytes: usize,
    token: &'a mut Token,
    fold: &'a mut TextAnalyzer,
}

impl FoldedWordStream<'_> {
    /// The next run of letters and digits from `self.at`: (start, end, all ASCII).
    fn next_word(&mut self) -> Option<(usize, usize, bool)> {
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        let start = loop {
            let &b = bytes.get(i)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break i;
                }
                i += 1;
            } else {
                let c = self.text[i..].chars().next()?;
                if c.is_alphanumeric() {
                    break i;
                }
                i += c.len_utf8();
            }
        };
        let mut ascii = true;
        let mut end = start;
        while let Some(&b) = bytes.get(end) {
            if b.is_ascii() {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                end += 1;
            } else {
                let Some(c) = self.text[end..].chars().next() else {
                    break;
                };
                if !c.is_alphanumeric() {
                    break;
                }
                ascii = false;
                end += c.len_utf8();
            }
        }
        self.at = end;
        Some((start, end, ascii))
    }
}

impl TokenStream for FoldedWordStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            // Every word takes a position, a dropped long one too.
            self.token.position = self.token.position.wrapping_add(1);
            let Some((start, end, ascii)) = self.next_word() else {
                return false;
            };
            if end - start >= self.max_bytes {
                continue;
            }
            let word = &self.text[start..end];
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.text.clear();
            if ascii {
                self.token.text.push_str(word);
                self.token.text.make_ascii_lowercase();
            } else {
                let mut folded = self.fold.token_stream(word);
                if folded.advance() {
                    self.token.text.push_str(&folded.token().text);
                }
            }
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{
        AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token,
    };

    use super::FoldedWords;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().clone());
        }
        out
    }

    #[test]
    fn same_tokens_as_the_four_stage_chain() {
        let mut chain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(12))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build();
        let mut ours = TextAnalyzer::builder(FoldedWords::new(12)).build();
        for text in [
            "",
            "   ",
            "Pompeo's fourth visit to Pyongyang, 2018-10-07.",
            "Kim Jong-un’s “summit” — İstanbul, Zoë, STRAßE, Ærø, naïve Ελλάδα 北京 서울에서",
            "averyveryverylongword then short, and again averyveryverylongword.",
            "ﬁnancial ½ ² Ⅻ x²y 𝐀𝐁 ǅ ﬀ",
            "trailing word",
            "é",
        ] {
            let expected = tokens(&mut chain, text);
            let got = tokens(&mut ours, text);
            assert_eq!(got.len(), expected.len(), "{text}");
            for (g, e) in got.iter().zip(&expected) {
                assert_eq!(
                    (
                        &g.text,
                        g.offset_from,
                        g.offset_to,
                        g.position,
                        g.position_length
                    ),
                    (
                        &e.text,
                        e.offset_from,
                        e.offset_to,
                        e.position,
                        e.position_length
                    ),
                    "{text}"
                );
            }
        }
    }
}
