//! The plain-text data files under `index-schema/`: `#` comments, TAB columns,
//! `|` between several values in one column.

/// The data rows of a file, each split into columns.
pub fn rows(source: &str) -> impl Iterator<Item = Vec<&str>> {
    source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The `|`-separated values of column `i` (none when the column is absent or empty).
pub fn values<'a>(row: &[&'a str], i: usize) -> Vec<&'a str> {
    row.get(i)
        .map(|c| {
            c.split('|')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// The words of every `kind<TAB>a|b|c` row of one kind, as a set.
pub fn word_set(source: &str, kind: &str) -> std::collections::HashSet<String> {
    rows(source)
        .filter(|r| r[0] == kind)
        .flat_map(|r| {
            values(&r, 1)
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect()
}
