//! An import merged into an existing catalogue: the page gives the codes, their cases and the
//! categories' prefixes and ranges; the catalogue keeps every hand-made choice: variant names,
//! retry classes, category names, titles and extra prefixes, categories the page does not have
//! (with the codes that name them), anything the page does not speak of (`$schema`, the
//! top-level `retry`) and the order of every object's fields.

use super::build::{case_fields, category_value, Built, CategoryDraft};
use serde_json::{Map, Value};

/// The fields of a code that hold its cases; the page decides them.
const CASE_FIELDS: [&str; 5] = ["status", "message", "description", "measure", "cases"];

/// `built` merged into the catalogue document `existing`, and notes on what was decided.
pub(crate) fn merge(built: &Built, existing: Value) -> (Value, Vec<String>) {
    let mut notes = Vec::new();
    let Value::Object(mut document) = existing else {
        return (super::build::fresh(built), notes);
    };
    let old_categories = take_list(&mut document, "categories");
    let old_codes = take_list(&mut document, "codes");

    let mut names: Vec<String> = Vec::new();
    let mut categories: Vec<Value> = Vec::new();
    for draft in &built.categories {
        let found = old_categories.iter().find(|old| same_category(old, draft));
        let value = match found {
            Some(Value::Object(old)) => {
                let mut merged = old.clone();
                if let Some(prefix) = &draft.prefix {
                    merged.insert("prefix".into(), Value::from(prefix.clone()));
                }
                if let Some((start, end)) = draft.range {
                    merged.insert("range".into(), Value::from(vec![start, end]));
                }
                let mut extra: Vec<Value> = merged
                    .get("extra_prefixes")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                for prefix in &draft.extra_prefixes {
                    if !extra.iter().any(|known| known == prefix) {
                        extra.push(Value::from(prefix.clone()));
                    }
                }
                if !extra.is_empty() {
                    merged.insert("extra_prefixes".into(), Value::Array(extra));
                }
                Value::Object(merged)
            }
            _ => category_value(draft),
        };
        names.push(
            value
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or(&draft.name)
                .to_owned(),
        );
        categories.push(value);
    }
    // A category the page does not have is hand-made: it is kept, and so are its codes' places.
    let mut hand_made: Vec<String> = Vec::new();
    for old in &old_categories {
        if !built
            .categories
            .iter()
            .any(|draft| same_category(old, draft))
        {
            let name = old.get("name").and_then(Value::as_str).unwrap_or_default();
            notes.push(format!(
                "the category `{name}` is not on the page; it is kept, with the codes that name it"
            ));
            hand_made.push(name.to_owned());
            categories.push(old.clone());
        }
    }

    let mut codes: Vec<Value> = Vec::new();
    for draft in &built.codes {
        let old = old_codes
            .iter()
            .find(|old| old.get("code").and_then(Value::as_str) == Some(draft.code.as_str()));
        let mut code = match old {
            Some(Value::Object(old)) => old.clone(),
            _ => {
                let mut fresh = Map::new();
                fresh.insert("code".into(), Value::from(draft.code.clone()));
                fresh
            }
        };
        if let (Some(name), false) = (&draft.name, code.contains_key("name")) {
            code.insert("name".into(), Value::from(name.clone()));
        }
        let in_hand_made = code
            .get("category")
            .and_then(Value::as_str)
            .is_some_and(|name| hand_made.iter().any(|kept| kept == name));
        if draft.explicit_category && !in_hand_made {
            code.insert(
                "category".into(),
                Value::from(names[draft.category].clone()),
            );
        }
        replace_cases(&mut code, case_fields(&draft.cases));
        codes.push(Value::Object(code));
    }
    for old in &old_codes {
        let code = old.get("code").and_then(Value::as_str).unwrap_or_default();
        if !built.codes.iter().any(|draft| draft.code == code) {
            notes.push(format!(
                "the code `{code}` is not on the page and is left out"
            ));
        }
    }
    document.insert("categories".into(), Value::Array(categories));
    document.insert("codes".into(), Value::Array(codes));
    (Value::Object(document), notes)
}

/// The list `key` of `document`, left in place (empty) so that the key keeps its position.
fn take_list(document: &mut Map<String, Value>, key: &str) -> Vec<Value> {
    match document.get_mut(key) {
        Some(Value::Array(items)) => std::mem::take(items),
        _ => {
            document.insert(key.into(), Value::Array(Vec::new()));
            Vec::new()
        }
    }
}

/// Whether the catalogue's category `old` is the page's `draft`: the same prefix and range,
/// else the same title or name.
fn same_category(old: &Value, draft: &CategoryDraft) -> bool {
    let text = |key: &str| old.get(key).and_then(Value::as_str);
    let range = old
        .get("range")
        .and_then(Value::as_array)
        .and_then(|range| Some((range.first()?.as_u64()?, range.get(1)?.as_u64()?)));
    let same_place = draft.prefix.is_some()
        && text("prefix") == draft.prefix.as_deref()
        && range
            == draft
                .range
                .map(|(start, end)| (u64::from(start), u64::from(end)));
    same_place
        || text("title").is_some_and(|title| title.eq_ignore_ascii_case(&draft.title))
        || text("name") == Some(draft.name.as_str())
}

/// `code`'s case fields replaced by `fields`: where the code has the same ones, each keeps its
/// place; otherwise they all go, in their order, where the code's first case field was (or at
/// the end).
fn replace_cases(code: &mut Map<String, Value>, fields: Vec<(&'static str, Value)>) {
    let same_fields = fields.len()
        == code
            .keys()
            .filter(|key| CASE_FIELDS.contains(&key.as_str()))
            .count()
        && fields.iter().all(|(field, _)| code.contains_key(*field));
    if same_fields {
        for (field, value) in fields {
            code.insert(field.into(), value);
        }
        return;
    }
    let entries: Vec<(String, Value)> = std::mem::take(code).into_iter().collect();
    let place = entries
        .iter()
        .position(|(key, _)| CASE_FIELDS.contains(&key.as_str()));
    let kept: Vec<(String, Value)> = entries
        .into_iter()
        .filter(|(key, _)| !CASE_FIELDS.contains(&key.as_str()))
        .collect();
    let place = place.unwrap_or(kept.len()).min(kept.len());
    let (before, after) = kept.split_at(place);
    code.extend(before.iter().cloned());
    code.extend(
        fields
            .into_iter()
            .map(|(field, value)| (field.to_owned(), value)),
    );
    code.extend(after.iter().cloned());
}
