//! The catalogue of real code shapes: five imported Open Telekom Cloud pages
//! (`catalogues/real/`, see its README) merged into one, 1,194 codes: a mixed-case prefix,
//! digit-only codes, a multi-segment prefix, codes that are names, categories that are not
//! prefixes, and codes with several cases.
//!
//! Merging keeps every code and its fields as imported. A category is kept under its name,
//! except that categories claiming the same prefix become one (the first): the pages of IAM
//! (digit-only codes) and OBS (names) both hold codes without a prefix.

use serde_json::{Map, Value};

/// Where the merged catalogue is committed, relative to the bench crate.
pub const REAL_PATH: &str = "catalogues/real-shapes.json";

/// The imported pages, in the order they are merged.
pub const SOURCES: [&str; 5] = [
    "catalogues/real/otc-modelarts-error_codes.json",
    "catalogues/real/otc-iam-error_codes.json",
    "catalogues/real/otc-legacy-md-cce-api-reference-error-codes.json",
    "catalogues/real/otc-vpc-error_codes.json",
    "catalogues/real/otc-obs-error_codes.json",
];

/// The merged catalogue as JSON text.
///
/// # Panics
///
/// If a source is missing or is not a catalogue, or two sources list the same code.
#[must_use]
pub fn merged() -> String {
    let mut categories: Vec<Value> = Vec::new();
    let mut codes: Vec<Value> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for source in SOURCES {
        let text = std::fs::read_to_string(crate::crate_dir().join(source))
            .unwrap_or_else(|error| panic!("read {source}: {error}"));
        let document: Map<String, Value> =
            serde_json::from_str(&text).unwrap_or_else(|error| panic!("{source}: {error}"));
        let mut renamed: Vec<(String, String)> = Vec::new();
        for category in array(&document, "categories", source) {
            let name = field(category, "name", source);
            let prefix = category.get("prefix");
            let same_prefix = prefix.and_then(|prefix| {
                categories
                    .iter()
                    .find(|known| known.get("prefix") == Some(prefix))
            });
            match same_prefix {
                Some(known) => renamed.push((name, field(known, "name", source))),
                None => {
                    assert!(
                        categories
                            .iter()
                            .all(|known| field(known, "name", source) != name),
                        "{source}: category `{name}` is already taken"
                    );
                    categories.push(category.clone());
                }
            }
        }
        for code in array(&document, "codes", source) {
            let spelling = field(code, "code", source);
            assert!(
                seen.insert(spelling.clone()),
                "{source}: `{spelling}` twice"
            );
            let mut code = code.clone();
            if let Some(Value::String(category)) = code.get_mut("category") {
                if let Some((_, to)) = renamed.iter().find(|(from, _)| from == category) {
                    *category = to.clone();
                }
            }
            codes.push(code);
        }
    }
    let mut merged = Map::new();
    merged.insert("categories".to_owned(), Value::Array(categories));
    merged.insert("codes".to_owned(), Value::Array(codes));
    serde_json::to_string_pretty(&merged).expect("JSON values serialize") + "\n"
}

/// `(code, variant)` of every code of the merged catalogue, for the peers, with the variant
/// names the generator gives them.
///
/// # Panics
///
/// If the generator refuses the merged catalogue.
#[must_use]
pub fn entries(merged: &str) -> Vec<(String, String)> {
    let catalogue = frs_codes_gen::parse(merged, REAL_PATH)
        .unwrap_or_else(|error| panic!("the merged catalogue is refused:\n{error}"));
    catalogue
        .codes
        .into_iter()
        .map(|code| (code.code, code.name))
        .collect()
}

fn array<'a>(document: &'a Map<String, Value>, key: &str, source: &str) -> &'a [Value] {
    document
        .get(key)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("{source}: no `{key}` array"))
}

fn field(value: &Value, key: &str, source: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{source}: an entry without `{key}`"))
        .to_owned()
}
