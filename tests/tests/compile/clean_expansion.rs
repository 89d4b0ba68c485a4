//! The expansion compiles without a single diagnostic in a strict `no_std` consumer, in nested
//! modules with restricted visibility, and twice in one module.

use crate::support::Consumer;

/// `Err`, `Error`, `Category` and `Case` are also the names of associated types of the traits the
/// expansion implements (`FromStr`, `TryFrom`, the runtime's `CatalogueCode`): a variant so named
/// must not make `Self::Err` or the like ambiguous.
const CATALOGUE: &str = r#"{
  "categories": [
    { "name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 99] },
    { "name": "Gateway", "title": "Gateway errors", "prefix": "APIG", "extra_prefixes": ["APIGW"], "range": [1, 400] }
  ],
  "codes": [
    { "code": "FRS.0011", "name": "ParameterMissing", "status": 400, "description": "A parameter is missing.", "measure": "Check the parameters." },
    { "code": "FRS.0012", "name": "Err", "status": 400, "description": "Named as FromStr's error type.", "measure": "None." },
    { "code": "FRS.0013", "name": "Error", "status": 400, "description": "Named as TryFrom's error type.", "measure": "None." },
    { "code": "FRS.0014", "name": "Category", "status": 400, "description": "Named as an associated type.", "measure": "None." },
    { "code": "FRS.0015", "name": "Case", "status": 400, "description": "Named as an associated type.", "measure": "None." },
    { "code": "APIG.0201", "status": [413, 504], "description": "Too large or timed out.", "measure": ["Check the size.", "Retry later."] }
  ]
}
"#;

/// Categories by prefix alone and by code, as an imported page has them: the other shape of
/// `Category::of`.
const IMPORTED: &str = include_str!("../../../frs-codes-gen/tests/expansion/imported.json");

const STRICT_LIB: &str = r#"//! A consumer with every lint the issue names turned into an error.
#![no_std]
#![deny(missing_docs, warnings, unreachable_pub)]
#![deny(clippy::all, clippy::pedantic)]
#![forbid(unsafe_code)]

frs_codes::frs_codes!();
frs_codes::frs_codes!(path = "imported.json", name = ImportedCode, category = ImportedCategory);

/// Generated types may also live in a nested module, visible to the crate only.
pub mod nested {
    frs_codes::frs_codes!(vis = pub(crate), name = InnerCode, category = InnerCategory);

    /// Uses the crate-visible items so that none of them is dead code.
    #[must_use]
    pub fn describe(code: &str) -> Option<(&'static str, u16, &'static str)> {
        let parsed: Result<InnerCode, InnerCodeParseError> = code.parse();
        let code = parsed.ok()?;
        let category: InnerCategory = code.category();
        Some((code.as_str(), code.http_status(), category.title()))
    }
}

/// A constant checked when the crate compiles.
pub const MISSING: ErrorCode = match ErrorCode::from_code("FRS.0011") {
    Some(code) => code,
    None => panic!("FRS.0011 is in the catalogue"),
};
"#;

/// Writes the strict consumer and requires `cargo clippy` to pass without printing anything.
fn assert_strict_consumer_is_clean(consumer: &Consumer) {
    consumer
        .write("codes.json", CATALOGUE)
        .write("imported.json", IMPORTED)
        .write("src/lib.rs", STRICT_LIB);
    let output = consumer.cargo(&["clippy", "--all-targets"]);
    let stderr = consumer.normalize(&String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        stderr, "",
        "the expansion must not cause a single diagnostic"
    );
}

#[test]
fn a_strict_no_std_consumer_builds_and_lints_without_any_diagnostic() {
    assert_strict_consumer_is_clean(&Consumer::library("clean-strict"));
}

/// Edition 2024, which `cargo new` writes, lints and scopes some code differently.
#[test]
fn in_edition_2024_the_expansion_is_as_clean() {
    assert_strict_consumer_is_clean(
        &Consumer::library_with_default_features("clean-strict-2024").in_edition("2024"),
    );
}

/// With the runtime's default features the expansion also implements its traits and serde.
#[test]
fn with_the_runtimes_default_features_the_expansion_is_as_clean() {
    assert_strict_consumer_is_clean(&Consumer::library_with_default_features(
        "clean-strict-serde",
    ));
}

#[test]
fn the_macro_alone_is_enough() {
    let consumer = Consumer::macro_only("clean-macro-only");
    consumer.write("codes.json", CATALOGUE).write(
        "src/lib.rs",
        "//! Depends on frs-codes-macro only.\n#![no_std]\n#![deny(missing_docs, warnings)]\n#![forbid(unsafe_code)]\n\nfrs_codes_macro::frs_codes!();\n",
    );
    consumer
        .build()
        .expect("no dependency beyond the macro crate is needed");
}

/// A crate that renames the dependency names the runtime with `runtime = …`; the expansion then
/// implements the runtime's traits through that name, so `ApiError` reads the consumer's codes.
#[test]
fn a_renamed_runtime_is_named_with_the_runtime_option() {
    let consumer = Consumer::library_with(
        "clean-renamed-runtime",
        &format!(
            "frs = {{ package = \"frs-codes\", path = {}, features = [\"macro\"] }}",
            crate::support::crate_path("frs-codes")
        ),
    );
    consumer.write("codes.json", CATALOGUE).write(
        "src/lib.rs",
        r#"//! Depends on frs-codes under the name `frs`.
#![deny(missing_docs, warnings)]
#![forbid(unsafe_code)]

frs::frs_codes!(runtime = frs);

/// The code a body names, read through the runtime's `ApiError`.
pub fn code_of(body: &[u8]) -> Option<ErrorCode> {
    let error = frs::ApiError::<ErrorCode>::from_catalogue_parts(400, |_| None::<&str>, body)?;
    error.known_code()
}
"#,
    );
    consumer
        .build()
        .expect("the expansion names the runtime by the consumer's name for it");
    consumer.write(
        "src/lib.rs",
        "//! Renamed, runtime not named.\n\nfrs::frs_codes!();\n",
    );
    let unnamed = consumer
        .build()
        .expect_err("`::frs_codes` is not a crate this consumer has");
    assert!(unnamed.contains("frs_codes"), "{unnamed}");
}
