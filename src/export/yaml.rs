//! JSON values written as block-style YAML (the Quickwit config). Strings
//! that could read as anything but a string are written JSON-quoted, which
//! YAML reads as the same string.

use serde_json::Value;

pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    write_block(value, 0, &mut out);
    out
}

fn write_block(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, v) in map {
                out.push_str(&pad);
                out.push_str(&scalar(&Value::String(key.clone())));
                out.push(':');
                write_child(v, indent, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for item in items {
                out.push_str(&pad);
                out.push('-');
                match item {
                    // The first key goes on the dash's line, the rest under it.
                    Value::Object(map) if !map.is_empty() => {
                        let mut inner = String::new();
                        write_block(item, indent + 2, &mut inner);
                        out.push(' ');
                        out.push_str(inner.trim_start());
                    }
                    _ => write_child(item, indent, out),
                }
            }
        }
        other => {
            out.push_str(&pad);
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

/// A value after `key:` or `-`: inline when a scalar or empty, else a block below.
fn write_child(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            write_block(value, indent + 2, out);
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('\n');
            write_block(value, indent + 2, out);
        }
        _ => {
            out.push(' ');
            out.push_str(&scalar(value));
            out.push('\n');
        }
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) if is_plain(s) => s.clone(),
        Value::Object(_) => "{}".into(),
        Value::Array(_) => "[]".into(),
        other => other.to_string(),
    }
}

/// Words of letters, digits and `_-.<>` that YAML cannot read as a number,
/// a boolean or null.
fn is_plain(s: &str) -> bool {
    const RESERVED: &[&str] = &[
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
    ];
    !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.<>".contains(c))
        && !RESERVED.contains(&s.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_maps_and_lists_of_maps() {
        let v = json!({"version": "0.8", "doc": {"fields": [{"name": "a", "fast": {"k": "lowercase"}}, {"name": "b"}], "empty": []}, "count": 3, "t": true});
        let expected = "version: \"0.8\"\ndoc:\n  fields:\n    - name: a\n      fast:\n        k: lowercase\n    - name: b\n  empty: []\ncount: 3\nt: true\n";
        assert_eq!(to_yaml(&v), expected);
    }

    #[test]
    fn strings_yaml_would_misread_are_quoted() {
        for s in ["true", "No", "0.8", "", "a: b", "#x", "- y"] {
            assert!(!is_plain(s), "{s}");
        }
        assert!(is_plain("array<text>"));
        assert!(is_plain("en_stem"));
    }
}
