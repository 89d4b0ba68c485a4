//! The three ways to generate give one behaviour: a crate using `frs_codes!`, a crate whose build
//! script uses `frs_codes_gen::Builder`, and a crate holding the file `frs-codes generate` wrote
//! run the same probe over the same catalogue and print the same thing. The build-script crate
//! rebuilds when only the catalogue changes.

mod support;

// The consumer-crate helper of the workspace tests; this file uses part of it.
#[allow(dead_code)]
#[path = "../../tests/tests/compile/support.rs"]
mod consumers;

use consumers::Consumer;
use support::{frs_codes_in, workspace_file, workspace_root};

/// Exercises every generated item and prints what it says, for the bundled catalogue's names.
const PROBE: &str = r#"
fn main() {
    for code in ErrorCode::ALL {
        println!(
            "{code} {code:?} {} {} {} {:?} {:?} {:?} {:?}",
            code.prefix(),
            code.number(),
            code.http_status(),
            code.http_statuses(),
            code.description(),
            code.measure(),
            code.category(),
        );
        assert_eq!(code.as_str().parse::<ErrorCode>(), Ok(*code));
        assert_eq!(ErrorCode::try_from(code.as_str()), Ok(*code));
        println!("  message {:?}", code.message());
        for case in code.cases() {
            assert_eq!(case.code(), *code);
            println!(
                "  case {} {:?} {:?} {:?}",
                case.status(),
                case.message(),
                case.description(),
                case.measure(),
            );
        }
    }
    for category in Category::ALL {
        println!(
            "{category} {category:?} {:?} {:?} {:?} {:?}",
            category.prefix(),
            category.prefixes(),
            category.range(),
            category.codes(),
        );
    }
    for input in [
        "FRS.0202", "FRS.202", "frs.0202", "FRS.0250", "FRS.0999", "APIG.0201", "APIGW.0308",
        "", "FRS", "FRS.", "not a code", "FRS.123456789", "ÄPIG.0201",
        "a very long input that the parse error cannot keep whole, not by far",
        "ModelArts.0101", "ModelArts.9999", "ModelArts.Unknown", "1100", "1101", "VPC.0101",
        "VPC.0102",
    ] {
        let parsed = input.parse::<ErrorCode>();
        println!("{input:?} {parsed:?} {:?} {:?}", ErrorCode::from_code(input), Category::of(input));
        if let Err(error) = parsed {
            println!(
                "  {error} | {:?} {} {} {:?}",
                error.input(),
                error.is_truncated(),
                error.is_well_formed(),
                error.category(),
            );
        }
    }
}
"#;

const STRICT: &str = "//! A consumer under strict lints.\n#![deny(warnings, missing_docs)]\n#![forbid(unsafe_code)]\n";

/// The dependency table the README gives for the route whose paragraph starts with `route`,
/// its paths (to a clone beside the user's crate) made this workspace's.
fn readme_dependencies(route: &str) -> String {
    let readme = workspace_file("README.md");
    let paragraph = readme
        .find(route)
        .unwrap_or_else(|| panic!("the README has a paragraph `{route}`"));
    let block = readme[paragraph..]
        .split_once("```toml\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .unwrap_or_else(|| panic!("the README's `{route}` gives a toml block"))
        .0;
    assert!(
        block.contains("\"../frs-codes/"),
        "the README's `{route}` depends on a clone beside the crate: {block}"
    );
    block.replace(
        "\"../frs-codes/",
        &format!("\"{}/", workspace_root().display()),
    )
}

/// A crate with the dependency the README gives for the macro route.
fn macro_consumer(name: &str) -> Consumer {
    let consumer = Consumer::binary_with(name, &readme_dependencies("**Macro.**"));
    consumer.write(
        "src/main.rs",
        &format!("{STRICT}\nfrs_codes::frs_codes!();\n{PROBE}"),
    );
    consumer
}

/// A crate whose only dependency is `frs-codes-gen`, as a build dependency, as the README says.
fn build_script_consumer(name: &str) -> Consumer {
    let consumer = Consumer::binary_with(name, &readme_dependencies("**Build script.**"));
    consumer
        .write(
            "build.rs",
            r#"fn main() -> Result<(), Box<dyn std::error::Error>> {
    frs_codes_gen::Builder::new("codes.json")
        .name("ErrorCode")
        .write_to_out_dir("codes.rs")?;
    Ok(())
}
"#,
        )
        .write(
            "src/main.rs",
            &format!("{STRICT}\ninclude!(concat!(env!(\"OUT_DIR\"), \"/codes.rs\"));\n{PROBE}"),
        );
    consumer
}

/// A crate without any dependency, holding the file `frs-codes generate` wrote.
fn generated_file_consumer(name: &str) -> Consumer {
    let consumer = Consumer::binary_with(name, "");
    consumer.write(
        "src/main.rs",
        &format!("{STRICT}\nmod codes;\nuse codes::{{Category, ErrorCode}};\n{PROBE}"),
    );
    consumer
}

/// What the probe prints in a crate named `name` holding the file `frs-codes generate` writes
/// for `catalogue`.
fn run_generated_file(name: &str, catalogue: &str) -> String {
    let by_file = generated_file_consumer(name);
    by_file.write("codes.json", catalogue);
    let generated = frs_codes_in(
        &by_file.dir,
        &["generate", "codes.json", "-o", "src/codes.rs"],
    );
    assert_eq!(generated.status, 0, "{}", generated.stderr);
    by_file
        .run()
        .expect("the generated-file consumer builds and runs")
}

fn bundled_catalogue() -> String {
    workspace_file("codes.json")
}

/// A catalogue shaped like an imported page: the second expansion sample.
fn imported_catalogue() -> String {
    workspace_file("frs-codes-gen/tests/expansion/imported.json")
}

#[test]
fn macro_build_script_and_generated_file_behave_the_same() {
    let catalogue = bundled_catalogue();
    let by_macro = macro_consumer("front-end-macro");
    by_macro.write("codes.json", &catalogue);
    let expected = by_macro.run().expect("the macro consumer builds and runs");
    assert!(
        expected.contains("FRS.0202 ServiceFrozen FRS 202 400 [400]"),
        "{expected}"
    );

    let by_build_script = build_script_consumer("front-end-build-script");
    by_build_script.write("codes.json", &catalogue);
    assert_eq!(
        by_build_script
            .run()
            .expect("the build-script consumer builds and runs"),
        expected
    );

    assert_eq!(
        run_generated_file("front-end-generated-file", &catalogue),
        expected
    );
}

/// A catalogue shaped like an imported page (categories by prefix alone and by code, digit-only
/// codes) takes other paths through `Category::of`; the generated file, which the lints see,
/// must be as clean.
#[test]
fn an_imported_catalogue_behaves_the_same_from_the_macro_and_from_a_generated_file() {
    let catalogue = imported_catalogue();
    let by_macro = macro_consumer("front-end-macro-imported");
    by_macro.write("codes.json", &catalogue);
    let expected = by_macro.run().expect("the macro consumer builds and runs");
    for line in [
        "\"ModelArts.0101\" Ok(ModelArts0101) Some(ModelArts0101) Some(ModelArts)",
        "\"ModelArts.9999\" Err(ErrorCodeParseError { input: \"ModelArts.9999\", truncated: false, \
         well_formed: true, category: Some(ModelArts) }) None Some(ModelArts)",
        "\"ModelArts.Unknown\" Err(ErrorCodeParseError { input: \"ModelArts.Unknown\", \
         truncated: false, well_formed: false, category: Some(ModelArts) }) None Some(ModelArts)",
        "\"1100\" Ok(Code1100) Some(Code1100) Some(CodesWithoutAPrefix)",
        "\"1101\" Err(ErrorCodeParseError { input: \"1101\", truncated: false, well_formed: true, \
         category: Some(CodesWithoutAPrefix) }) None Some(CodesWithoutAPrefix)",
        "  `ModelArts.9999` is not in the catalogue; its prefix belongs to ModelArts errors |",
        "  `1101` is not in the catalogue; its prefix belongs to Codes without a prefix |",
        "\"VPC.0101\" Ok(Vpc0101) Some(Vpc0101) Some(CreatingAVpc)",
        "\"VPC.0102\" Err(ErrorCodeParseError { input: \"VPC.0102\", truncated: false, \
         well_formed: true, category: None }) None None",
    ] {
        assert!(expected.contains(line), "{line} in:\n{expected}");
    }

    assert_eq!(
        run_generated_file("front-end-generated-file-imported", &catalogue),
        expected
    );
}

/// The file `frs-codes generate` writes is plain source, so a consumer's lints see all of it
/// (the macro's expansion they mostly do not): clippy's default lints find nothing in it, for
/// each shape of `Category::of`: the bundled catalogue (bucket tables), buckets named by two
/// digits, ranges too close for buckets (counted), and one shaped like an imported page; in
/// edition 2021 and in 2024, which `cargo new` writes.
#[test]
fn a_generated_file_passes_clippy() {
    let catalogues = [
        ("clippy-generated-bundled", bundled_catalogue()),
        (
            "clippy-generated-two-digit",
            workspace_file("bench/tests/catalogues/two-digit-buckets.json"),
        ),
        (
            "clippy-generated-counted",
            workspace_file("frs-codes-gen/tests/expansion/counted.json"),
        ),
        ("clippy-generated-imported", imported_catalogue()),
    ];
    for (edition, (name, catalogue)) in ["2021", "2024"]
        .into_iter()
        .flat_map(|edition| catalogues.clone().map(|catalogue| (edition, catalogue)))
    {
        let name = format!("{name}-{edition}");
        let consumer = Consumer::library(&name).in_edition(edition);
        consumer.write("codes.json", &catalogue).write(
            "src/lib.rs",
            "//! A library holding a generated file.\n#![deny(warnings, missing_docs)]\n\
             #![forbid(unsafe_code)]\n\n/// The catalogue's types.\npub mod codes;\n",
        );
        let generated = frs_codes_in(
            &consumer.dir,
            &["generate", "codes.json", "-o", "src/codes.rs"],
        );
        assert_eq!(generated.status, 0, "{}", generated.stderr);
        let output = consumer.cargo(&["clippy"]);
        let stderr = consumer.normalize(&String::from_utf8_lossy(&output.stderr));
        assert!(output.status.success(), "{name}: {stderr}");
        assert_eq!(stderr, "", "{name}: clippy must have nothing to say");
    }
}

#[test]
fn the_build_script_consumer_rebuilds_when_only_the_catalogue_changes() {
    let consumer = build_script_consumer("front-end-build-script-rebuilds");
    consumer.write(
        "src/main.rs",
        "include!(concat!(env!(\"OUT_DIR\"), \"/codes.rs\"));\n\nfn main() {\n    for code in ErrorCode::ALL {\n        println!(\"{code} {code:?}\");\n    }\n}\n",
    );
    let catalogue = r#"{
  "categories": [{ "name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 99] }],
  "codes": [
    { "code": "FRS.0011", "name": "ParameterMissing", "status": 400, "description": "Missing.", "measure": "Add it." }
  ]
}"#;
    consumer.write("codes.json", catalogue);
    assert_eq!(
        consumer.run().expect("first build"),
        "FRS.0011 ParameterMissing\n"
    );
    consumer.write(
        "codes.json",
        &catalogue.replace(
            "\n  ]",
            ",\n    { \"code\": \"FRS.0012\", \"name\": \"BadFormat\", \"status\": 400, \"description\": \"Bad.\", \"measure\": \"Fix it.\" }\n  ]",
        ),
    );
    assert_eq!(
        consumer.run().expect("build after the edit"),
        "FRS.0011 ParameterMissing\nFRS.0012 BadFormat\n"
    );
}

#[test]
fn a_bad_catalogue_fails_the_build_script_with_every_problem_at_its_place() {
    let consumer = build_script_consumer("front-end-build-script-fails");
    consumer.write(
        "src/main.rs",
        "include!(concat!(env!(\"OUT_DIR\"), \"/codes.rs\"));\nfn main() {}\n",
    );
    consumer.write(
        "codes.json",
        &workspace_file("tests/ui/duplicate_code.json"),
    );
    let error = consumer.build().expect_err("the build script fails");
    assert!(
        error.contains("failed to run custom build command"),
        "{error}"
    );
    assert!(error.contains(
        "codes.json:9:15: duplicate code `FRS.0011` (first at codes.json:7:15); each code appears once, so put all its rows in its `cases`, or correct its code\n"
    ), "{error}");
    assert!(error.contains(
        "codes.json:10:15: code `FRS.11` has the same prefix and number as `FRS.0011` (at codes.json:7:15); codes are told apart by number, so keep one of them"
    ), "{error}");
}
