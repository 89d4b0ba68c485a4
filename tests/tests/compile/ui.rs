//! Compile-fail UI tests: each `tests/ui/NAME.rs` becomes the `src/lib.rs` of a consumer crate
//! (with `tests/ui/NAME.json` as its `codes.json`), and what the build prints must equal
//! `tests/ui/NAME.stderr`, the message a user will read.
//!
//! trybuild would build each case in a project whose `CARGO_MANIFEST_DIR` lies in `target/`,
//! where the case's catalogue is not; building a consumer crate keeps the macro honest about
//! the path resolution users rely on. Run with `FRS_CODES_BLESS=1` to rewrite the snapshots
//! after a deliberate change, then review the diff.

use crate::support::{workspace_root, Consumer};
use std::fs;
use std::path::Path;

#[test]
fn compile_fail_messages_match_their_snapshots() {
    let cases_dir = workspace_root().join("tests/ui");
    let mut cases: Vec<String> = fs::read_dir(&cases_dir)
        .expect("tests/ui exists")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "rs").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 15,
        "the UI cases were not found in {}",
        cases_dir.display()
    );

    let bless = std::env::var_os("FRS_CODES_BLESS").is_some();
    let mut failures = Vec::new();
    for case in &cases {
        if let Err(failure) = check_case(&cases_dir, case, bless) {
            failures.push(failure);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} UI cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

fn check_case(cases_dir: &Path, case: &str, bless: bool) -> Result<(), String> {
    let consumer = Consumer::library(&format!("ui-{}", case.replace('_', "-")));
    let source =
        fs::read_to_string(cases_dir.join(format!("{case}.rs"))).map_err(|e| e.to_string())?;
    consumer.write("src/lib.rs", &format!("//! UI case `{case}`.\n{source}"));
    if let Ok(catalogue) = fs::read_to_string(cases_dir.join(format!("{case}.json"))) {
        consumer.write("codes.json", &catalogue);
    }
    let Err(actual) = consumer.build() else {
        return Err(format!("{case}: compiled, but it must fail"));
    };
    let snapshot = cases_dir.join(format!("{case}.stderr"));
    if bless {
        fs::write(&snapshot, &actual).map_err(|e| e.to_string())?;
        return Ok(());
    }
    match fs::read_to_string(&snapshot) {
        Ok(expected) if expected == actual => Ok(()),
        Ok(expected) => Err(format!(
            "{case}: stderr differs\n--- expected\n{expected}\n--- actual\n{actual}"
        )),
        Err(_) => Err(format!(
            "{case}: no snapshot {}; the build printed:\n{actual}",
            snapshot.display()
        )),
    }
}

/// rustc notes that an error spanned at a macro call comes from that macro. The note must name
/// the macro the user wrote, `frs_codes::frs_codes`, and nothing inside the runtime crate (a
/// `macro_rules!` wrapper made it `$crate::__private::frs_codes`, "which comes from the
/// expansion of the macro `frs_codes::frs_codes`").
#[test]
fn catalogue_errors_name_the_macro_the_user_called() {
    let called = "  = note: this error originates in the macro `frs_codes::frs_codes` (in Nightly \
                  builds, run with -Z macro-backtrace for more info)";
    let mut notes = 0;
    let mut wrong = Vec::new();
    for entry in fs::read_dir(workspace_root().join("tests/ui")).expect("tests/ui") {
        let path = entry.expect("an entry").path();
        if path
            .extension()
            .is_none_or(|extension| extension != "stderr")
        {
            continue;
        }
        let source = fs::read_to_string(path.with_extension("rs")).expect("the case's source");
        if !source.contains("frs_codes::frs_codes!") {
            continue;
        }
        let snapshot = fs::read_to_string(&path).expect("the snapshot");
        for line in snapshot
            .lines()
            .filter(|line| line.contains("originates in"))
        {
            notes += 1;
            if line != called {
                wrong.push(format!("{}: {line}", path.display()));
            }
        }
    }
    assert!(notes > 10, "the catalogue cases carry the note ({notes})");
    assert!(wrong.is_empty(), "{wrong:#?}");
}
