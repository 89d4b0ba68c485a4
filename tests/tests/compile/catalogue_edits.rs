//! Editing only `codes.json` rebuilds consumers, and exhaustive `match`es catch the change.

use crate::support::Consumer;

const CATEGORIES: &str = r#"  "categories": [
    { "name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 99] }
  ],"#;

fn entry(code: &str, name: &str) -> String {
    format!(
        r#"    {{ "code": "{code}", "name": "{name}", "status": 400, "description": "{name} happened.", "measure": "Fix {name}." }}"#
    )
}

fn catalogue(codes: &[(&str, &str)]) -> String {
    let entries: Vec<String> = codes.iter().map(|(code, name)| entry(code, name)).collect();
    format!(
        "{{\n{CATEGORIES}\n  \"codes\": [\n{}\n  ]\n}}\n",
        entries.join(",\n")
    )
}

const TWO: &[(&str, &str)] = &[("FRS.0011", "ParameterMissing"), ("FRS.0012", "BadFormat")];
const THREE: &[(&str, &str)] = &[
    ("FRS.0011", "ParameterMissing"),
    ("FRS.0012", "BadFormat"),
    ("FRS.0013", "TooLarge"),
];

#[test]
fn editing_only_the_catalogue_rebuilds_the_consumer() {
    let consumer = Consumer::binary("edit-rebuilds");
    consumer.write("codes.json", &catalogue(TWO)).write(
        "src/main.rs",
        "frs_codes::frs_codes!();\n\nfn main() {\n    for code in ErrorCode::ALL {\n        println!(\"{code} {code:?}\");\n    }\n}\n",
    );
    assert_eq!(
        consumer.run().expect("first build"),
        "FRS.0011 ParameterMissing\nFRS.0012 BadFormat\n"
    );

    consumer.write("codes.json", &catalogue(THREE));
    assert_eq!(
        consumer.run().expect("build after the edit"),
        "FRS.0011 ParameterMissing\nFRS.0012 BadFormat\nFRS.0013 TooLarge\n",
        "the new variant must exist without touching any .rs file"
    );
}

const EXHAUSTIVE_MATCH: &str = "#![deny(warnings)]\n//! Handles every code.\n\nfrs_codes::frs_codes!();\n\n\
    /// One number per code, with no wildcard arm.\n\
    #[must_use]\n\
    pub fn handle(code: ErrorCode) -> u8 {\n    match code {\n        ErrorCode::ParameterMissing => 1,\n        ErrorCode::BadFormat => 2,\n    }\n}\n";

/// A consumer of the two-code catalogue whose `match` names both codes, built once as it is.
fn exhaustive_consumer(name: &str) -> Consumer {
    let consumer = Consumer::library(name);
    consumer
        .write("codes.json", &catalogue(TWO))
        .write("src/lib.rs", EXHAUSTIVE_MATCH);
    consumer
        .build()
        .expect("a match naming every variant builds");
    consumer
}

#[test]
fn an_added_code_breaks_exhaustive_matches_and_names_the_new_variant() {
    let consumer = exhaustive_consumer("edit-adds-code");

    consumer.write("codes.json", &catalogue(THREE));
    let error = consumer
        .build()
        .expect_err("the added code must break the match");
    assert!(error.contains("error[E0004]"), "{error}");
    assert!(
        error.contains("`ErrorCode::TooLarge` not covered"),
        "{error}"
    );
}

#[test]
fn a_removed_code_breaks_consumers_that_name_it() {
    let consumer = exhaustive_consumer("edit-removes-code");

    consumer.write("codes.json", &catalogue(&TWO[..1]));
    let error = consumer
        .build()
        .expect_err("the removed code is still named");
    assert!(error.contains("error[E0599]"), "{error}");
    assert!(
        error.contains("no variant or associated item named `BadFormat`"),
        "{error}"
    );
}

#[test]
fn a_renamed_variant_breaks_consumers_that_use_the_old_name() {
    let consumer = exhaustive_consumer("edit-renames-variant");

    consumer.write(
        "codes.json",
        &catalogue(&[("FRS.0011", "MissingParameter"), ("FRS.0012", "BadFormat")]),
    );
    let error = consumer.build().expect_err("the old name is gone");
    assert!(
        error.contains("no variant or associated item named `ParameterMissing`"),
        "{error}"
    );
    assert!(error.contains("error[E0599]"), "{error}");
}
