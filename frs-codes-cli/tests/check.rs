//! `frs-codes check` finds what the macro finds, where the macro finds it: every UI sample's
//! problems are read from its reviewed `.stderr` snapshot (what a consumer's build prints) and
//! compared with what the command reports for the same file.

mod support;

use serde_json::Value;
use std::fs;
use std::path::Path;
use support::{frs_codes, workspace_root};

/// `(line, column, message)` of each catalogue error in a UI snapshot, in order.
fn macro_problems(snapshot: &str) -> Vec<(u64, u64, String)> {
    snapshot
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("error: codes.json:")?;
            let (line, rest) = rest.split_once(':')?;
            let (column, message) = rest.split_once(": ")?;
            Some((line.parse().ok()?, column.parse().ok()?, message.to_owned()))
        })
        .collect()
}

/// The UI samples with a catalogue of their own, read by the macro as `codes.json`.
fn samples() -> Vec<String> {
    let mut samples: Vec<String> = fs::read_dir(workspace_root().join("tests/ui"))
        .expect("tests/ui")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "json").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    samples.sort();
    assert!(samples.len() >= 15, "{samples:?}");
    samples
}

#[test]
fn check_reports_the_macros_problems_at_the_same_places() {
    for sample in samples() {
        let dir = Path::new("tests/ui");
        let snapshot =
            fs::read_to_string(workspace_root().join(dir).join(format!("{sample}.stderr")))
                .expect("snapshot");
        let expected = macro_problems(&snapshot);
        assert!(
            !expected.is_empty(),
            "{sample}: no catalogue error in the snapshot"
        );

        // The samples are named `codes.json` where the macro reads them; copy to that name so
        // that messages which mention the file agree.
        let scratch = support::scratch(&format!("check-{sample}"));
        fs::copy(
            workspace_root().join(dir).join(format!("{sample}.json")),
            scratch.join("codes.json"),
        )
        .expect("copy");
        let run = support::frs_codes_in(&scratch, &["check", "--format", "json", "codes.json"]);
        assert_eq!(run.status, 1, "{sample}: {}", run.stderr);
        let reported: Vec<(u64, u64, String)> = run
            .stdout
            .lines()
            .map(|line| {
                let problem: Value = serde_json::from_str(line).expect("one JSON object per line");
                assert_eq!(problem["file"], "codes.json");
                (
                    problem["line"].as_u64().expect("a line"),
                    problem["column"].as_u64().expect("a column"),
                    problem["message"].as_str().expect("a message").to_owned(),
                )
            })
            .collect();
        assert_eq!(reported, expected, "{sample}");

        // As text: each problem with rustc's ` --> file:line:col` under it, then a count.
        let text = support::frs_codes_in(&scratch, &["check", "codes.json"]);
        assert_eq!(text.status, 1);
        let mut rest = text.stdout.as_str();
        for (line, column, message) in &expected {
            let block = format!("error: {message}\n --> codes.json:{line}:{column}\n");
            let block = if *line >= 10 {
                block.replace(" -->", "  -->")
            } else {
                block
            };
            let found = rest
                .find(&block)
                .unwrap_or_else(|| panic!("{sample}: {block:?} in\n{}", text.stdout));
            rest = &rest[found + block.len()..];
        }
        let plural = if expected.len() == 1 { "" } else { "s" };
        assert!(
            rest.ends_with(&format!(
                "error: `codes.json` has {} problem{plural}\n",
                expected.len()
            )),
            "{sample}: {rest}"
        );
    }
}

#[test]
fn check_shows_the_line_with_a_caret_under_the_spot() {
    let scratch = support::scratch("check-caret");
    fs::copy(
        workspace_root().join("tests/ui/duplicate_code.json"),
        scratch.join("codes.json"),
    )
    .expect("copy");
    let run = support::frs_codes_in(&scratch, &["check"]);
    assert_eq!(run.status, 1);
    let expected_start = "error: duplicate code `FRS.0011` (first at codes.json:7:15); each code appears once, so put all its rows in its `cases`, or correct its code\n \
        --> codes.json:9:15\n  \
        |\n\
        9 |     { \"code\": \"FRS.0011\", \"name\": \"ParameterAbsent\",";
    assert!(run.stdout.starts_with(expected_start), "{}", run.stdout);
    assert!(
        run.stdout.contains("\n  |               ^^^^^^^^^^\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_clean_catalogue_passes_and_a_missing_one_cannot_be_checked() {
    let run = frs_codes(&["check", "codes.json"]);
    assert_eq!(run.status, 0);
    assert_eq!(
        run.stdout,
        "codes.json: no problems (55 codes in 7 categories)\n"
    );
    let quiet = frs_codes(&["check", "--format", "json"]);
    assert_eq!((quiet.status, quiet.stdout.as_str()), (0, ""));

    // Still one JSON object for the editor, but the check could not run: 2.
    let missing = frs_codes(&["check", "--format", "json", "nowhere.json"]);
    assert_eq!(missing.status, 2);
    let problem: Value = serde_json::from_str(missing.stdout.trim()).expect("JSON");
    assert_eq!(problem["file"], "nowhere.json");
    assert_eq!(problem["line"], Value::Null);
    assert!(problem["message"].as_str().is_some_and(
        |message| message.starts_with("cannot read the error-code catalogue `nowhere.json`")
    ));
}

#[test]
fn a_problem_over_several_lines_is_shown_on_them_numbered_as_in_the_file() {
    let scratch = support::scratch("check-several-lines");
    fs::write(
        scratch.join("codes.json"),
        r#"{
  "categories": [
    { "name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 99] }
  ],
  "codes": [
    {
      "code": "FRS.0001",
      "status": 400,
      "measure": "Fix it."
    }
  ]
}
"#,
    )
    .expect("write");
    let run = support::frs_codes_in(&scratch, &["check"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stdout,
        "error: code `FRS.0001` has no `description`; say what the error means, as the service's \
         documentation does\n  \
         --> codes.json:6:5\n   \
         |\n \
         6 | /     {\n \
         7 | |       \"code\": \"FRS.0001\",\n \
         8 | |       \"status\": 400,\n \
         9 | |       \"measure\": \"Fix it.\"\n\
         10 | |     }\n   \
         | |_____^\n\n\
         error: `codes.json` has 1 problem\n"
    );
}

/// Each problem is shown from its own lines. When each was shown from the whole file, 10,000
/// problems took 14 s in a release build and 15 s in the debug build the tests run; now 0.1 s
/// and 0.7 s.
#[test]
fn thousands_of_problems_are_shown_each_with_its_line_without_rereading_the_file() {
    let scratch = support::scratch("check-thousands");
    let codes: Vec<String> = (0..10_000)
        .map(|number| {
            format!(
                r#"    {{ "code": "P.{number}", "name": "lower{number}", "description": "D." }}"#
            )
        })
        .collect();
    fs::write(
        scratch.join("codes.json"),
        format!(
            "{{\n  \"categories\": [{{ \"name\": \"All\", \"title\": \"All\", \"prefix\": \"P\" }}],\n  \"codes\": [\n{}\n  ]\n}}\n",
            codes.join(",\n")
        ),
    )
    .expect("write");
    let started = std::time::Instant::now();
    let run = support::frs_codes_in(&scratch, &["check"]);
    let took = started.elapsed();
    assert_eq!(run.status, 1);
    assert!(
        took < std::time::Duration::from_secs(8),
        "10,000 problems took {took:?}"
    );
    assert_eq!(
        run.stdout.matches("the variant name `lower").count(),
        10_000
    );
    // The codes start on line 4.
    assert!(
        run.stdout.contains(
            "--> codes.json:10003:33\n      |\n10003 |     { \"code\": \"P.9999\", \"name\": \"lower9999\""
        ),
        "{}",
        &run.stdout[run.stdout.len().saturating_sub(600)..]
    );
    assert!(run
        .stdout
        .ends_with("error: `codes.json` has 10000 problems\n"));
}

#[test]
fn a_clean_catalogue_of_one_code_says_so_in_the_singular() {
    let scratch = support::scratch("check-singular");
    fs::write(
        scratch.join("codes.json"),
        r#"{"categories": [{"name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 99]}],
  "codes": [{"code": "FRS.0001", "status": 400, "description": "D.", "measure": "M."}]}"#,
    )
    .expect("write");
    let run = support::frs_codes_in(&scratch, &["check"]);
    assert_eq!(
        (run.status, run.stdout.as_str()),
        (0, "codes.json: no problems (1 code in 1 category)\n")
    );
}

/// `check` in `dir` on `text` written as `codes.json`.
fn check_text(dir: &str, text: &str, format: &str) -> support::Run {
    let scratch = support::scratch(dir);
    fs::write(scratch.join("codes.json"), text).expect("write");
    support::frs_codes_in(&scratch, &["check", "--format", format])
}

#[test]
fn a_file_with_crlf_line_ends_is_shown_as_one_with_lf() {
    let text = "{\n  \"categories\": [{ \"name\": \"Face\", \"title\": \"Face errors\", \"prefix\": \"FRS\", \"range\": [1, 99] }],\n  \"codes\": [\n    { \"code\": \"FRS.0001\", \"status\": 999, \"description\": \"D.\", \"measure\": \"M.\" },\n    {\n      \"code\": \"FRS.0002\",\n      \"status\": 400\n    }\n  ]\n}\n";
    let lf = check_text("check-lf", text, "text");
    let crlf = check_text("check-crlf", &text.replace('\n', "\r\n"), "text");
    assert_eq!(lf.status, 1);
    assert!(lf.stdout.contains("4 |     { \"code\": \"FRS.0001\", \"status\": 999, \"description\": \"D.\", \"measure\": \"M.\" },\n"), "{}", lf.stdout);
    assert_eq!(crlf.status, 1);
    assert_eq!(crlf.stdout, lf.stdout);
}

/// serde_json counts a syntax error's column in bytes; the location counts characters, and the
/// line shown is the error's.
#[test]
fn a_syntax_error_after_wide_characters_is_placed_on_its_line() {
    let text =
        "{\n  \"categories\": [],\n  \"codes\": [{\"code\": \"日本語日本語\", \"x\" 1}]\n}\n";
    let json = check_text("check-wide-json", text, "json");
    let problem: Value = serde_json::from_str(json.stdout.trim()).expect("one JSON line");
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(3), Some(36))
    );
    let shown = check_text("check-wide-text", text, "text");
    assert!(
        shown.stdout.contains(
            " --> codes.json:3:36\n  |\n3 |   \"codes\": [{\"code\": \"日本語日本語\", \"x\" 1}]\n"
        ),
        "{}",
        shown.stdout
    );
}

#[test]
fn a_file_that_ends_too_early_is_shown_where_its_content_ends() {
    let shown = check_text("check-early-end", "{\n  \"codes\": [\n\n", "text");
    assert_eq!(shown.status, 1);
    assert!(
        shown.stdout.starts_with(
            "error: the catalogue is not valid JSON: EOF while parsing a list\n \
             --> codes.json:2:13\n  |\n2 |   \"codes\": [\n  |             ^\n"
        ),
        "{}",
        shown.stdout
    );
}

#[test]
fn unknown_fields_wrong_types_and_broken_rules_come_in_one_report() {
    let text = r#"{
  "categories": [{ "name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 99] }],
  "codes": [
    { "code": "FRS.0001", "status": 400, "description": "First.", "mesure": "Fix it." },
    { "code": "FRS.0002", "status": "404", "description": "Second." },
    { "code": "FRS.0003", "status": 99, "description": "Third." },
    { "code": "FRS.0003", "status": 400, "description": "Again." },
    { "code": "FRS.0200", "status": 400, "description": "Far." },
    { "code": "FRS.0004", "status": 400, "description": " " }
  ]
}"#;
    let shown = check_text("check-all-at-once", text, "text");
    assert_eq!(shown.status, 1);
    // Every line as shown, the blank one after each problem included.
    let expected = r#"error: code `FRS.0001` has the unknown field `mesure`; did you mean `measure`? the fields here are: code, name, category, status, message, description, measure, cases, retry
 --> codes.json:4:67
  |
4 |     { "code": "FRS.0001", "status": 400, "description": "First.", "mesure": "Fix it." },
  |                                                                   ^^^^^^^^

error: code `FRS.0002`: `status` takes an HTTP status number such as 400, or a list such as [413, 504], not the string "404"
 --> codes.json:5:37
  |
5 |     { "code": "FRS.0002", "status": "404", "description": "Second." },
  |                                     ^^^^^

error: code `FRS.0003` has the status 99, outside 100–599; an HTTP status has three digits, from 100 to 599
 --> codes.json:6:37
  |
6 |     { "code": "FRS.0003", "status": 99, "description": "Third." },
  |                                     ^^

error: duplicate code `FRS.0003` (first at codes.json:6:15); each code appears once, so put all its rows in its `cases`, or correct its code
 --> codes.json:7:15
  |
7 |     { "code": "FRS.0003", "status": 400, "description": "Again." },
  |               ^^^^^^^^^^

error: code `FRS.0003`: the variant name `Frs0003` is already used by `FRS.0003` (at codes.json:6:15); give one of them another `name`
 --> codes.json:7:15
  |
7 |     { "code": "FRS.0003", "status": 400, "description": "Again." },
  |               ^^^^^^^^^^

error: code `FRS.0200` falls in no category: the categories of prefix `FRS` cover 1–99 (Common); add a category whose range holds 200, or correct the code
 --> codes.json:8:15
  |
8 |     { "code": "FRS.0200", "status": 400, "description": "Far." },
  |               ^^^^^^^^^^

error: code `FRS.0004` has an empty description; copy the description from the service's documentation
 --> codes.json:9:57
  |
9 |     { "code": "FRS.0004", "status": 400, "description": " " }
  |                                                         ^^^

"#;
    assert!(shown.stdout.starts_with(expected), "{}", shown.stdout);
    assert!(
        shown
            .stdout
            .ends_with("error: `codes.json` has 7 problems\n"),
        "{}",
        shown.stdout
    );
}

#[test]
fn a_trailing_comma_is_shown_at_the_comma() {
    let text = "{\n  \"categories\": [{ \"name\": \"Common\", \"title\": \"Common errors\", \"prefix\": \"FRS\", \"range\": [1, 99] }],\n  \"codes\": [\n    { \"code\": \"FRS.0001\", \"status\": 400, \"description\": \"First.\" },\n  ]\n}\n";
    let shown = check_text("check-trailing-comma", text, "text");
    assert_eq!(shown.status, 1);
    assert!(
        shown.stdout.starts_with(
            "error: the catalogue is not valid JSON: trailing comma; remove it (JSON has no comma after the last element)\n \
             --> codes.json:4:67\n  |\n4 |     { \"code\": \"FRS.0001\", \"status\": 400, \"description\": \"First.\" },\n  |                                                                   ^\n"
        ),
        "{}",
        shown.stdout
    );
}
