//! Catalogue text as people write it: two-space indentation, one member per line, and short
//! lists of plain values on one line (`"status": [413, 504]`, `"retry": { "504": "transient" }`),
//! keys in the order they were given. The bundled `codes.json` is written exactly so, which is
//! what lets an import reproduce it byte for byte.

use serde_json::Value;

/// The longest line a list of plain values is put on.
const WIDTH: usize = 100;

/// `value` (a catalogue document) as text, ending with a newline.
pub(crate) fn to_text(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, 0, 0, true, &mut out);
    out.push('\n');
    out
}

/// Writes `value`, whose line starts `start` characters in, at nesting `depth`; `item` says it
/// is an entry of a list.
fn write_value(value: &Value, depth: usize, start: usize, item: bool, out: &mut String) {
    if depth >= 2 && !(item && value.is_object()) {
        if let Some(inline) = inline(value) {
            // Room is left for the comma that may follow.
            if start + inline.chars().count() < WIDTH {
                out.push_str(&inline);
                return;
            }
        }
    }
    let indent = "  ".repeat(depth + 1);
    match value {
        Value::Object(members) if !members.is_empty() => {
            out.push_str("{\n");
            for (index, (key, member)) in members.iter().enumerate() {
                let key = scalar(&Value::String(key.clone()));
                out.push_str(&indent);
                out.push_str(&key);
                out.push_str(": ");
                let start = indent.len() + key.chars().count() + 2;
                write_value(member, depth + 1, start, false, out);
                out.push_str(if index + 1 < members.len() {
                    ",\n"
                } else {
                    "\n"
                });
            }
            out.push_str(&"  ".repeat(depth));
            out.push('}');
        }
        Value::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (index, item) in items.iter().enumerate() {
                out.push_str(&indent);
                write_value(item, depth + 1, indent.len(), true, out);
                out.push_str(if index + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&"  ".repeat(depth));
            out.push(']');
        }
        other => out.push_str(&inline(other).unwrap_or_default()),
    }
}

/// `value` on one line, if it is a plain value or a list or object of plain values:
/// `[1, 99]`, `{ "504": "transient" }`.
fn inline(value: &Value) -> Option<String> {
    match value {
        Value::Array(items) => {
            let items: Option<Vec<String>> = items.iter().map(plain).collect();
            Some(format!("[{}]", items?.join(", ")))
        }
        Value::Object(members) if members.is_empty() => Some("{}".to_owned()),
        Value::Object(members) => {
            let members: Option<Vec<String>> = members
                .iter()
                .map(|(key, member)| {
                    Some(format!(
                        "{}: {}",
                        scalar(&Value::String(key.clone())),
                        plain(member)?
                    ))
                })
                .collect();
            Some(format!("{{ {} }}", members?.join(", ")))
        }
        other => Some(scalar(other)),
    }
}

fn plain(value: &Value) -> Option<String> {
    match value {
        Value::Array(_) | Value::Object(_) => None,
        other => Some(scalar(other)),
    }
}

fn scalar(value: &Value) -> String {
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_catalogue_is_written_back_exactly() {
        let text = include_str!("../../../codes.json");
        let value: Value = serde_json::from_str(text).expect("JSON");
        assert!(to_text(&value) == text, "{}", to_text(&value));
    }

    #[test]
    fn long_lists_get_a_line_per_item() {
        let value: Value = serde_json::from_str(
            r#"{"codes": [{"code": "X.1", "measure": ["a line long enough to push this list well past the width of one line", "and another"], "status": [413, 504]}]}"#,
        )
        .expect("JSON");
        assert_eq!(
            to_text(&value),
            "{\n  \"codes\": [\n    {\n      \"code\": \"X.1\",\n      \"measure\": [\n        \"a line long enough to push this list well past the width of one line\",\n        \"and another\"\n      ],\n      \"status\": [413, 504]\n    }\n  ]\n}\n"
        );
    }
}
