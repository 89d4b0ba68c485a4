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
fn a_clean_catalogue_passes_and_a_missing_one_is_a_problem() {
    let run = frs_codes(&["check", "codes.json"]);
    assert_eq!(run.status, 0);
    assert_eq!(
        run.stdout,
        "codes.json: no problems (55 codes in 7 categories)\n"
    );
    let quiet = frs_codes(&["check", "--format", "json"]);
    assert_eq!((quiet.status, quiet.stdout.as_str()), (0, ""));

    let missing = frs_codes(&["check", "--format", "json", "nowhere.json"]);
    assert_eq!(missing.status, 1);
    let problem: Value = serde_json::from_str(missing.stdout.trim()).expect("JSON");
    assert_eq!(problem["file"], "nowhere.json");
    assert_eq!(problem["line"], Value::Null);
    assert!(problem["message"].as_str().is_some_and(
        |message| message.starts_with("cannot read the error-code catalogue `nowhere.json`")
    ));
}
