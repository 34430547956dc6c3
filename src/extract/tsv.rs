//! The plain-text data files under `index-schema/`: `#` comments, TAB columns,
//! `|` between several values in one column.

/// A row's columns, kept inline: the gazetteers are parsed at every start of
/// a `search` process, and a heap allocation per row showed in its profile.
pub type Row<'a> = smallvec::SmallVec<[&'a str; 6]>;

/// The data rows of a file, each split into columns.
pub fn rows(source: &str) -> impl Iterator<Item = Row<'_>> {
    source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The `|`-separated values of column `i` (none when the column is absent or empty).
pub fn values<'a>(row: &[&'a str], i: usize) -> impl Iterator<Item = &'a str> + use<'a> {
    row.get(i)
        .copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// The words of every `kind<TAB>a|b|c` row of one kind, as a set.
pub fn word_set(source: &str, kind: &str) -> rustc_hash::FxHashSet<String> {
    rows(source)
        .filter(|r| r[0] == kind)
        .flat_map(|r| values(&r, 1).map(String::from).collect::<Vec<_>>())
        .collect()
}
