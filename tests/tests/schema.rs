//! `codes.schema.json` lets editors check a catalogue while it is typed. The bundled catalogue
//! satisfies it, and on the sample bad catalogues of the UI tests it rejects exactly those whose
//! rule a JSON Schema can state; the rest (uniqueness across entries, range arithmetic) only
//! the macro checks, and its UI tests show that it rejects every one of them.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_str(&fs::read_to_string(path).ok()?).ok()
}

fn validator() -> jsonschema::Validator {
    let schema =
        read_json(&workspace_root().join("codes.schema.json")).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid draft 2020-12 schema")
}

#[test]
fn the_bundled_catalogue_satisfies_the_schema_it_names() {
    let catalogue = read_json(&workspace_root().join("codes.json")).expect("codes.json is JSON");
    assert_eq!(catalogue["$schema"], "./codes.schema.json");
    let errors: Vec<String> = validator()
        .iter_errors(&catalogue)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn valid_test_catalogues_satisfy_the_schema() {
    let small = workspace_root().join("frs-codes-gen/tests/expansion/small.json");
    let catalogue = read_json(&small).expect("JSON");
    assert!(validator().is_valid(&catalogue));
}

/// The UI cases whose catalogue breaks a rule that only the macro can check.
const MACRO_ONLY: &[&str] = &[
    "code_outside_ranges",
    "duplicate_code",
    "duplicate_variant_name",
    "empty_range",
    "overlapping_ranges",
];

#[test]
fn schema_rejects_every_bad_sample_whose_rule_it_can_state() {
    let validator = validator();
    let mut checked = 0;
    for entry in fs::read_dir(workspace_root().join("tests/ui")).expect("tests/ui") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|extension| extension != "json") {
            continue;
        }
        let case = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default()
            .to_owned();
        let Some(catalogue) = read_json(&path) else {
            assert_eq!(case, "invalid_json", "only invalid_json is not JSON");
            continue;
        };
        let schema_accepts = validator.is_valid(&catalogue);
        assert_eq!(
            schema_accepts,
            MACRO_ONLY.contains(&case.as_str()),
            "{case}: the schema {} it",
            if schema_accepts { "accepts" } else { "rejects" }
        );
        checked += 1;
    }
    assert_eq!(checked, 17, "every JSON sample of tests/ui is checked");
}
