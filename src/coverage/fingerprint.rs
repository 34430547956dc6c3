//! MinHash fingerprints of cleaned bodies and LSH grouping of near-duplicates.
//!
//! A body becomes the set of its overlapping word [`SHINGLE`]-grams (words are
//! maximal runs of letters and digits, lower-cased, so punctuation, typographic
//! quotes and spacing do not matter). One-permutation MinHash with optimal
//! densification turns that set into [`K`] 32-bit minima, the [`Fingerprint`]:
//! one hash per shingle (not K), so fingerprinting costs about as much as
//! tokenising. The share of equal minima between two fingerprints estimates
//! the Jaccard similarity of the two shingle sets.
//!
//! [`group_near_duplicates`] splits every fingerprint into [`BANDS`] bands of
//! [`ROWS`] min-hashes; two fingerprints that agree on a whole band are
//! candidates, and candidates whose estimated Jaccard reaches the threshold are
//! linked. Groups are the connected components of those links.
//!
//! Everything is deterministic: the hash functions are fixed constants, no
//! `RandomState`, no dependence on platform endianness or word size.

/// Words per shingle.
pub const SHINGLE: usize = 4;
/// Number of min-hashes in a fingerprint.
pub const K: usize = 64;
/// LSH bands used by [`group_near_duplicates`]; `BANDS * ROWS == K`.
pub const BANDS: usize = 32;
/// Min-hashes per LSH band.
pub const ROWS: usize = K / BANDS;
/// Bodies with fewer words than this are never linked to anything.
pub const MIN_WORDS: u32 = 30;
/// Estimated Jaccard at or above which two bodies count as the same story.
///
/// Chosen with `scripts/eval_duplicates.py`: on altered wire copies against
/// same-topic articles every threshold from 0.3 to 0.5 keeps precision at
/// 1.0 and recall at or above 0.99 (exact Jaccard of distinct same-topic
/// articles stays under 0.2; copies mostly sit above 0.55). Within that range
/// 0.5 is taken because furniture that survives cleaning (CNN's photo
/// galleries, "Hide Caption 3 of 19") gives distinct articles of one outlet
/// an exact Jaccard up to about 0.5, and at 0.4 those chain into groups of
/// ten in the article-bias-prediction corpus.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// Version tag stored with [`Fingerprint::to_values`]; bump it whenever the
/// tokenisation, shingle size, K or hash constants change, so that stale
/// signatures in an old index are rejected instead of silently compared.
const FORMAT: u8 = 1;
const VALUES_LEN: usize = K + 2;
const _: () = assert!(K.is_power_of_two() && VALUES_LEN <= 128 && BANDS * ROWS == K);

/// A compact signature of a cleaned body (`K` 32-bit min-hashes plus the word
/// count); 66 column values in the index.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Fingerprint {
    words: u32,
    mins: [u32; K],
}

impl Fingerprint {
    /// Fingerprints a cleaned body.
    pub fn of(body: &str) -> Fingerprint {
        let mut mins = [u32::MAX; K];
        let mut filled = 0u128;
        let mut window = [0u64; SHINGLE];
        let mut words: u32 = 0;
        for_each_word(body, |w| {
            window[words as usize % SHINGLE] = w;
            words = words.saturating_add(1);
            if words as usize >= SHINGLE {
                // The window is a ring; start from the oldest word so the
                // shingle hash depends on word order.
                let start = words as usize % SHINGLE;
                let mut h = 0x243f_6a88_85a3_08d3u64;
                for j in 0..SHINGLE {
                    h = (h ^ window[(start + j) % SHINGLE]).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                    h = h.rotate_left(29);
                }
                add_shingle(&mut mins, &mut filled, mix64(h));
            }
        });
        if (words as usize) < SHINGLE && words > 0 {
            // Fewer words than a shingle: hash what there is (only matters
            // for `similarity` between such stubs, which is 0 anyway).
            let mut h = 0u64;
            for &w in &window[..words as usize] {
                h = mix64(h ^ w);
            }
            add_shingle(&mut mins, &mut filled, h);
        }
        densify(&mut mins, filled);
        Fingerprint { words, mins }
    }

    /// Number of words in the body the fingerprint was made from.
    pub fn words(&self) -> u32 {
        self.words
    }

    /// Whether the body was long enough to be linked to others
    /// (at least [`MIN_WORDS`] words).
    pub fn is_linkable(&self) -> bool {
        self.words >= MIN_WORDS
    }

    /// The index's form: a u64 per slot, the slot number in the high half
    /// (`K` min-hashes, then the word count, then [`FORMAT`]), so the values
    /// mean the same whatever order a column returns them in.
    pub fn to_values(&self) -> Vec<u64> {
        let mut out = Vec::with_capacity(VALUES_LEN);
        for (slot, m) in self.mins.iter().enumerate() {
            out.push(((slot as u64) << 32) | *m as u64);
        }
        out.push(((K as u64) << 32) | self.words as u64);
        out.push((((K + 1) as u64) << 32) | FORMAT as u64);
        out
    }

    /// Reads what [`to_values`](Self::to_values) wrote; `None` for anything
    /// else, including signatures of another format version.
    pub fn from_values(values: impl IntoIterator<Item = u64>) -> Option<Fingerprint> {
        let mut mins = [0u32; K];
        let (mut words, mut format, mut seen) = (None, None, 0u128);
        for v in values {
            let (slot, value) = ((v >> 32) as usize, v as u32);
            match slot {
                s if s < K => mins[s] = value,
                s if s == K => words = Some(value),
                s if s == K + 1 => format = Some(value),
                _ => return None,
            }
            seen |= 1 << slot;
        }
        let complete = seen == (1u128 << VALUES_LEN) - 1;
        (complete && format == Some(FORMAT as u32)).then(|| Fingerprint {
            words: words.unwrap_or(0),
            mins,
        })
    }

    /// Estimated Jaccard similarity of the two bodies' shingle sets, in
    /// steps of `1/K`. Always 0.0 when either body is too short to judge
    /// (fewer than [`MIN_WORDS`] words), even for identical stubs.
    pub fn similarity(&self, other: &Fingerprint) -> f32 {
        if !self.is_linkable() || !other.is_linkable() {
            return 0.0;
        }
        let same = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        same as f32 / K as f32
    }

    /// The LSH bucket key of band `band`.
    pub fn band_key(&self, band: usize) -> u64 {
        band_key_of(band, &self.mins[band * ROWS..(band + 1) * ROWS])
    }

    /// The LSH key of band `band` straight from the index's values (see
    /// [`to_values`](Self::to_values)): `value(slot)` reads one slot. `None`
    /// when the body is too short to link, or the values are not this format.
    pub fn band_key_from_values(
        band: usize,
        mut value: impl FnMut(usize) -> Option<u32>,
    ) -> Option<u64> {
        if value(K + 1)? != FORMAT as u32 || value(K)? < MIN_WORDS {
            return None;
        }
        let mut mins = [0u32; ROWS];
        for (r, m) in mins.iter_mut().enumerate() {
            *m = value(band * ROWS + r)?;
        }
        Some(band_key_of(band, &mins))
    }
}

/// Groups near-duplicates: returns for each fingerprint the index of the
/// first (lowest-index) member of its group; a fingerprint linked to nothing
/// is its own group. Links are candidate pairs from LSH banding whose
/// [`Fingerprint::similarity`] is at least `threshold`; grouping is transitive
/// (a story and its updates chain together). Unlinkable (short) bodies stay
/// alone. Deterministic for a given input order. Cost: sorting `BANDS` keys
/// per fingerprint plus one `similarity` per candidate pair (0.1 s for the
/// 30,000 articles of article-bias-prediction on one core).
pub fn group_near_duplicates(prints: &[Fingerprint], threshold: f32) -> Vec<usize> {
    let band_key = |i: usize, band: usize| {
        let p = &prints[i];
        p.is_linkable().then(|| p.band_key(band))
    };
    group_near_duplicates_by(
        prints.len(),
        band_key,
        |i| Some(prints[i].clone()),
        threshold,
    )
    .into_iter()
    .map(|g| g as usize)
    .collect()
}

/// [`group_near_duplicates`] over `n` fingerprints read on demand, one band
/// at a time: `band_key(i, band)` is the band's LSH key of a linkable
/// fingerprint (`None` for a short body or a document without one), `print(i)`
/// the whole fingerprint for a candidate pair. It holds 16 bytes per
/// document, never the fingerprints, so an export can group an index of any
/// size from its fingerprint column. Same groups as holding them all: the
/// groups are the connected components of the same links, whatever order the
/// candidate pairs are met in.
pub fn group_near_duplicates_by(
    n: usize,
    mut band_key: impl FnMut(usize, usize) -> Option<u64>,
    mut print: impl FnMut(usize) -> Option<Fingerprint>,
    threshold: f32,
) -> Vec<u32> {
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut keys: Vec<(u64, u32)> = Vec::new();
    for band in 0..BANDS {
        keys.clear();
        for i in 0..n {
            if let Some(key) = band_key(i, band) {
                keys.push((key, i as u32));
            }
        }
        keys.sort_unstable();
        for bucket in keys.chunk_by(|x, y| x.0 == y.0) {
            // A bucket already one group (an earlier band linked it) needs no pairs.
            let first = find(&mut parent, bucket[0].1);
            if bucket[1..]
                .iter()
                .all(|&(_, m)| find(&mut parent, m) == first)
            {
                continue;
            }
            for (x, &(_, a)) in bucket.iter().enumerate() {
                for &(_, b) in &bucket[x + 1..] {
                    let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                    if ra == rb {
                        continue;
                    }
                    let similar = print(a as usize)
                        .zip(print(b as usize))
                        .is_some_and(|(pa, pb)| pa.similarity(&pb) >= threshold);
                    if similar {
                        // The smaller index becomes the root, so every root is
                        // its group's first member.
                        parent[ra.max(rb) as usize] = ra.min(rb);
                    }
                }
            }
        }
    }
    (0..n as u32).map(|i| find(&mut parent, i)).collect()
}

fn band_key_of(band: usize, mins: &[u32]) -> u64 {
    let mut h = (band as u64).wrapping_mul(0xd6e8_feb8_6659_fd93);
    for &m in mins {
        h = mix64(h ^ m as u64);
    }
    h
}

fn find(parent: &mut [u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        parent[i as usize] = parent[parent[i as usize] as usize];
        i = parent[i as usize];
    }
    i
}

/// One-permutation hashing: the shingle hash's top bits pick one of the K
/// bins, its low 32 bits are the value, and each bin keeps its minimum.
#[inline]
fn add_shingle(mins: &mut [u32; K], filled: &mut u128, x: u64) {
    let bin = (x >> (64 - K.trailing_zeros())) as usize;
    *filled |= 1 << bin;
    mins[bin] = mins[bin].min(x as u32);
}

/// Optimal densification (Shrivastava, ICML 2017): every empty bin copies
/// the value of the first filled bin along its own fixed pseudo-random probe
/// sequence. The sequence depends only on the bin, never on the body, so
/// equal bins still mean "same minimum" in expectation and the share of equal
/// bins stays an unbiased estimate of the Jaccard similarity.
fn densify(mins: &mut [u32; K], filled: u128) {
    if filled == 0 || filled == u128::MAX >> (128 - K) {
        return;
    }
    let original = *mins;
    for (i, m) in mins.iter_mut().enumerate() {
        if filled & (1 << i) != 0 {
            continue;
        }
        let mut attempt = 0u64;
        loop {
            let j =
                (mix64(0x6465_6e73_6966_7900 ^ ((i as u64) << 32) ^ attempt) % K as u64) as usize;
            if filled & (1 << j) != 0 {
                *m = original[j];
                break;
            }
            attempt += 1;
        }
    }
}

/// splitmix64's finaliser.
#[inline]
const fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Calls `f` with the hash of every word: a maximal run of alphanumeric
/// characters, lower-cased. ASCII takes a fast path; other characters use
/// Unicode's `is_alphanumeric` and `to_lowercase`.
fn for_each_word(text: &str, mut f: impl FnMut(u64)) {
    const SEED: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let bytes = text.as_bytes();
    let mut h = SEED;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c < 0x80 {
            i += 1;
            if c.is_ascii_alphanumeric() {
                h = (h ^ c.to_ascii_lowercase() as u64).wrapping_mul(PRIME);
                in_word = true;
            } else if in_word {
                f(mix64(h));
                h = SEED;
                in_word = false;
            }
        } else {
            // Decode one multi-byte character (the input is valid UTF-8).
            let ch = text[i..].chars().next().unwrap_or(' ');
            i += ch.len_utf8();
            if ch.is_alphanumeric() {
                for lc in ch.to_lowercase() {
                    h = (h ^ lc as u64).wrapping_mul(PRIME);
                }
                in_word = true;
            } else if in_word {
                f(mix64(h));
                h = SEED;
                in_word = false;
            }
        }
    }
    if in_word {
        f(mix64(h));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OIL_A: &str = "Oil prices rose on Tuesday after OPEC and its allies signalled they would keep output cuts in place through the end of the year, tightening supplies as demand recovers from the pandemic slump.\n\n\
Brent crude futures climbed 1.2 percent to $74.10 a barrel by 0930 GMT, while U.S. West Texas Intermediate crude gained 1.1 percent to $71.65.\n\n\
\"The market is clearly taking comfort from the group's discipline,\" said one analyst at a London brokerage. \"Inventories are falling faster than most people expected.\"\n\n\
Saudi Arabia's energy minister told reporters in Riyadh that the kingdom would remain cautious and that any increase in production would be gradual and depend on market conditions.\n\n\
U.S. crude stockpiles fell by 4.1 million barrels last week, according to industry data, the fifth straight weekly draw. Official government figures are due later on Wednesday.\n\n\
Prices have also been supported by a weaker dollar, which makes oil cheaper for holders of other currencies, and by hopes that travel will pick up during the summer driving season.";

    const OIL_B: &str = "Oil prices fell on Friday, heading for a second weekly loss, as rising coronavirus cases in Asia raised fears of fresh lockdowns that could hurt fuel demand in the world's biggest importing region.\n\n\
Brent crude futures dropped 0.8 percent to $68.30 a barrel by 1045 GMT, while U.S. West Texas Intermediate crude slipped 0.9 percent to $65.20.\n\n\
Japan extended a state of emergency in Tokyo and several other prefectures, and India reported a record number of daily infections, prompting traders to cut their bets on a quick recovery.\n\n\
\"Demand worries are back at the front of the queue,\" a commodities strategist in Singapore said. \"The virus is still writing the script for this market.\"\n\n\
The losses were capped by expectations that OPEC and its allies would delay a planned increase in output when they meet next month, and by a drop in the number of U.S. oil rigs.\n\n\
Iranian officials said talks on reviving the nuclear deal had made progress, which could eventually return more than a million barrels per day of Iranian crude to the market.";

    fn copy_of_a() -> String {
        // Another outlet's version: a paragraph dropped, boilerplate added,
        // typographic quotes.
        let paras: Vec<&str> = OIL_A.split("\n\n").collect();
        let mut out = vec!["Advertisement"];
        out.extend(
            paras
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != 2)
                .map(|(_, p)| *p),
        );
        out.push("Sign up for our newsletter to get the latest energy news.");
        out.join("\n\n").replace('"', "\u{201c}")
    }

    #[test]
    fn identical_texts_are_fully_similar() {
        let a = Fingerprint::of(OIL_A);
        assert_eq!(a.similarity(&Fingerprint::of(OIL_A)), 1.0);
        // Case, punctuation and spacing do not matter.
        let shouted = OIL_A.to_uppercase().replace(". ", " . ").replace(',', " ,");
        assert_eq!(a.similarity(&Fingerprint::of(&shouted)), 1.0);
    }

    #[test]
    fn altered_copy_is_above_threshold() {
        let s = Fingerprint::of(OIL_A).similarity(&Fingerprint::of(&copy_of_a()));
        assert!(s >= DEFAULT_THRESHOLD + 0.15, "similarity {s}");
    }

    #[test]
    fn different_stories_on_same_topic_are_below_threshold() {
        let s = Fingerprint::of(OIL_A).similarity(&Fingerprint::of(OIL_B));
        assert!(s < DEFAULT_THRESHOLD / 2.0, "similarity {s}");
    }

    #[test]
    fn values_roundtrip_in_any_order() {
        for text in [OIL_A, OIL_B, "", "short"] {
            let p = Fingerprint::of(text);
            let mut v = p.to_values();
            assert_eq!(v.len(), VALUES_LEN);
            v.reverse();
            assert_eq!(Fingerprint::from_values(v), Some(p));
        }
        assert_eq!(Fingerprint::from_values([]), None);
        let mut v = Fingerprint::of(OIL_A).to_values();
        *v.last_mut().unwrap() += 1;
        assert_eq!(Fingerprint::from_values(v.clone()), None, "another format");
        v.pop();
        assert_eq!(Fingerprint::from_values(v), None, "incomplete");
    }

    #[test]
    fn empty_and_short_texts_never_link() {
        for text in [
            "",
            " \n\n ",
            "…",
            "Advertisement",
            "Click here to subscribe to our newsletter today",
        ] {
            let p = Fingerprint::of(text);
            assert!(!p.is_linkable());
            assert_eq!(p.similarity(&p.clone()), 0.0);
            assert_eq!(p.similarity(&Fingerprint::of(OIL_A)), 0.0);
        }
        let stubs = vec![Fingerprint::of("Advertisement"); 5];
        assert_eq!(
            group_near_duplicates(&stubs, DEFAULT_THRESHOLD),
            vec![0, 1, 2, 3, 4]
        );
        assert!(group_near_duplicates(&[], 0.5).is_empty());
    }

    #[test]
    fn non_ascii_words_are_lower_cased() {
        let a = "Ünal Çelik met Ольга Петрова in İstanbul ".repeat(10);
        let b = a.to_uppercase();
        assert_eq!(Fingerprint::of(&a).similarity(&Fingerprint::of(&b)), 1.0);
        assert_eq!(Fingerprint::of(&a).words(), 70);
    }

    /// Deterministic pseudo-random text: `n` words from a 5,000-word vocabulary.
    fn synthetic(seed: u64, n: usize) -> Vec<String> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
                format!("w{}", mix64(s) % 5000)
            })
            .collect()
    }

    #[test]
    fn similarity_tracks_exact_jaccard() {
        use std::collections::HashSet;
        let shingles =
            |w: &[String]| -> HashSet<String> { w.windows(SHINGLE).map(|s| s.join(" ")).collect() };
        // Long bodies (400 words, every bin filled) and short ones (60 words,
        // about half the bins filled by densification).
        for (len, max_mae) in [(400usize, 0.07), (60, 0.09)] {
            let mut total_err = 0.0;
            let mut bias = 0.0;
            let trials = 40;
            for t in 0..trials {
                let base = synthetic(t, len);
                // Keep a prefix, replace the rest: exact Jaccard spans 0.1..0.9.
                let keep = len * (15 + t as usize * 2) / 100;
                let mut other = base[..keep].to_vec();
                other.extend(synthetic(1000 + t, len - keep));
                let (sa, sb) = (shingles(&base), shingles(&other));
                let exact = sa.intersection(&sb).count() as f64 / sa.union(&sb).count() as f64;
                let est = Fingerprint::of(&base.join(" "))
                    .similarity(&Fingerprint::of(&other.join(" ")))
                    as f64;
                total_err += (est - exact).abs();
                bias += est - exact;
            }
            let (mae, bias) = (total_err / trials as f64, bias / trials as f64);
            // Binomial noise with K = 64 gives a mean absolute error near 0.05.
            assert!(mae < max_mae, "{len} words: mean abs error {mae}");
            assert!(bias.abs() < 0.03, "{len} words: bias {bias}");
        }
    }

    #[test]
    fn grouping_is_transitive_through_lsh() {
        // 30 unrelated articles, then three chains of versions of one story:
        // each version drops the first paragraph of the previous one and adds
        // a new one at the end, so the first and last of a chain share little.
        let mut texts: Vec<String> = (0..30).map(|i| synthetic(500 + i, 250).join(" ")).collect();
        let mut chains = Vec::new();
        for c in 0..3u64 {
            let paras: Vec<String> = (0..12)
                .map(|p| synthetic(10_000 + c * 100 + p, 40).join(" "))
                .collect();
            let mut members = Vec::new();
            for v in 0..5 {
                members.push(texts.len());
                texts.push(paras[v..v + 6].join("\n\n"));
            }
            chains.push(members);
        }
        // Interleave a copy of the first unrelated article at the end.
        texts.push(format!("Advertisement\n\n{}", texts[0]));
        let prints: Vec<Fingerprint> = texts.iter().map(|t| Fingerprint::of(t)).collect();
        let first = chains[0][0];
        let last = *chains[0].last().unwrap();
        assert!(prints[first].similarity(&prints[last]) < DEFAULT_THRESHOLD);
        let groups = group_near_duplicates(&prints, DEFAULT_THRESHOLD);
        for members in &chains {
            for &m in members {
                assert_eq!(groups[m], members[0], "chain member {m}");
            }
        }
        assert_eq!(groups[texts.len() - 1], 0);
        for (i, &g) in groups.iter().enumerate().take(30).skip(1) {
            assert_eq!(g, i, "unrelated article {i} was linked");
        }
        // Same input, same output.
        assert_eq!(groups, group_near_duplicates(&prints, DEFAULT_THRESHOLD));
    }
}
