//! Coverage: which articles carry the same story. The same wire report run by
//! several outlets under different headlines, with their own boilerplate and
//! trims, and later updates of one story, are near-duplicates of one another.
//! The index stores a [`Fingerprint`] of every cleaned body;
//! [`group_near_duplicates`] links the near-duplicates so that search can show
//! one hit "also carried by N outlets".
//!
//! Accuracy and cost are measured by `scripts/eval_duplicates.py`.

mod fingerprint;

pub use fingerprint::{
    BANDS, DEFAULT_THRESHOLD, Fingerprint, K, MIN_WORDS, ROWS, SHINGLE, group_near_duplicates,
    group_near_duplicates_by,
};
