//! One exit-status rule for every command, as `--help` and the README state it: 0 done, 1 the
//! answer is no, 2 the command could not run. Each command is run for success, a "no", an input
//! that does not exist, a directory given as a file, and a bad argument.

mod support;

use std::path::{Path, PathBuf};
use support::{frs_codes, frs_codes_in, scratch, workspace_file};

/// What every command says and does not say about the rule.
const RULE: &str = "Exit status: 0 done; 1 the answer is no";

/// A catalogue that parses but breaks a rule (a code outside every category).
const BROKEN: &str = r#"{"categories": [{"name": "Common", "title": "Common errors", "prefix": "ACME", "range": [1, 9]}],
 "codes": [{"code": "ACME.0100", "status": 400, "description": "Out of range."}]}
"#;

/// A page of one table whose code is not in `codes.json`: importing it over `--merge` changes it.
const PAGE: &str = "| Error Code | Status Code | Description |\n|---|---|---|\n| ACME.0001 | 400 | Something is missing. |\n";

fn assert_status(dir: &Path, args: &[&str], expected: i32, case: &str) {
    let run = frs_codes_in(dir, args);
    assert_eq!(
        run.status,
        expected,
        "{case}: `frs-codes {}` exits {expected}\nstdout: {}\nstderr: {}",
        args.join(" "),
        run.stdout,
        run.stderr
    );
    if expected == 2 {
        assert!(
            run.stderr.starts_with("error"),
            "{case}: `frs-codes {}` says why on stderr: {}",
            args.join(" "),
            run.stderr
        );
    }
}

/// A directory with `codes.json` (the bundled catalogue), `broken.json`, `page.md`,
/// `codes.rs` (stale), and `dir/`.
fn fixtures(command: &str) -> PathBuf {
    let dir = scratch(&format!("exit-status-{command}"));
    std::fs::write(dir.join("codes.json"), workspace_file("codes.json")).unwrap();
    std::fs::write(dir.join("broken.json"), BROKEN).unwrap();
    std::fs::write(dir.join("page.md"), PAGE).unwrap();
    std::fs::write(dir.join("codes.rs"), "// stale\n").unwrap();
    std::fs::create_dir_all(dir.join("dir")).unwrap();
    dir
}

#[test]
fn the_rule_is_stated_in_help_and_the_readme_alike() {
    // --help wraps its lines to the terminal; the words are what must agree.
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let help = words(&frs_codes(&["--help"]).stdout);
    let stated = help
        .find(RULE)
        .map(|start| &help[start..])
        .and_then(|rule| rule.find(").").map(|end| &rule[..end + 2]))
        .unwrap_or_else(|| panic!("--help states the rule: {help}"));
    assert!(
        words(&workspace_file("README.md")).contains(stated),
        "the README states the rule as --help does: {stated}"
    );
}

#[test]
fn explain() {
    let dir = fixtures("explain");
    assert_status(&dir, &["explain", "FRS.0202"], 0, "success");
    assert_status(&dir, &["explain", "FRS.0250"], 1, "an unlisted code");
    assert_status(
        &dir,
        &["explain", "FRS.0202", "--catalogue", "missing.json"],
        2,
        "missing",
    );
    assert_status(
        &dir,
        &["explain", "FRS.0202", "--catalogue", "dir"],
        2,
        "directory",
    );
    assert_status(&dir, &["explain", "FRS.0202", "--bogus"], 2, "bad argument");
}

#[test]
fn list() {
    let dir = fixtures("list");
    assert_status(&dir, &["list"], 0, "success");
    assert_status(&dir, &["list", "--catalogue", "missing.json"], 2, "missing");
    assert_status(&dir, &["list", "--catalogue", "dir"], 2, "directory");
    assert_status(&dir, &["list", "--bogus"], 2, "bad argument");
}

#[test]
fn check() {
    let dir = fixtures("check");
    assert_status(&dir, &["check", "codes.json"], 0, "success");
    assert_status(&dir, &["check", "broken.json"], 1, "problems found");
    assert_status(&dir, &["check", "missing.json"], 2, "missing");
    assert_status(&dir, &["check", "dir"], 2, "directory");
    assert_status(&dir, &["check", "--bogus"], 2, "bad argument");
}

#[test]
fn generate() {
    let dir = fixtures("generate");
    assert_status(&dir, &["generate", "codes.json"], 0, "success");
    assert_status(
        &dir,
        &["generate", "codes.json", "-o", "codes.rs", "--check"],
        1,
        "a stale file",
    );
    assert_status(&dir, &["generate", "missing.json"], 2, "missing");
    assert_status(&dir, &["generate", "dir"], 2, "directory");
    assert_status(
        &dir,
        &["generate", "codes.json", "-o", "dir", "--check"],
        2,
        "a directory to check",
    );
    assert_status(
        &dir,
        &["generate", "codes.json", "--bogus"],
        2,
        "bad argument",
    );
}

#[test]
fn schema() {
    let dir = fixtures("schema");
    assert_status(&dir, &["schema"], 0, "success");
    assert_status(&dir, &["schema", "--bogus"], 2, "bad argument");
}

#[test]
fn diff() {
    let dir = fixtures("diff");
    // diff reports; its verdict is the last line, not the status.
    assert_status(&dir, &["diff", "codes.json", "codes.json"], 0, "success");
    assert_status(&dir, &["diff", "missing.json", "codes.json"], 2, "missing");
    assert_status(&dir, &["diff", "dir", "codes.json"], 2, "directory");
    assert_status(&dir, &["diff", "codes.json", "--bogus"], 2, "bad argument");
}

#[test]
fn import() {
    let dir = fixtures("import");
    assert_status(&dir, &["import", "page.md"], 0, "success");
    assert_status(
        &dir,
        &["import", "page.md", "--merge", "codes.json", "--check"],
        1,
        "the page changed",
    );
    assert_status(&dir, &["import", "missing.md"], 2, "missing");
    assert_status(&dir, &["import", "dir"], 2, "directory");
    assert_status(&dir, &["import", "page.md", "--bogus"], 2, "bad argument");
}

#[test]
fn serve() {
    let dir = fixtures("serve");
    assert_status(
        &dir,
        &["serve", "--catalogue", "missing.json"],
        2,
        "missing",
    );
    assert_status(&dir, &["serve", "--catalogue", "dir"], 2, "directory");
    assert_status(&dir, &["serve", "--bogus"], 2, "bad argument");
}

#[test]
fn a_bad_argument_or_an_unreadable_file_is_not_blamed_on_the_catalogue() {
    let dir = fixtures("blame");
    let said = |args: &[&str]| {
        let run = frs_codes_in(&dir, args);
        assert_eq!(run.status, 2, "{args:?}: {}", run.stderr);
        assert!(
            !run.stderr.contains("problem"),
            "{args:?}: the catalogue is not said to have problems: {}",
            run.stderr
        );
        run.stderr
    };
    let missing = said(&["check", "missing.json"]);
    assert!(
        missing.starts_with("error: cannot read the error-code catalogue `missing.json`: "),
        "a path used as given is not repeated as resolved: {missing}"
    );
    let vis = said(&["generate", "codes.json", "--vis", "pub(nowhere"]);
    assert!(vis.contains("option `vis` takes a visibility"), "{vis}");
    let unwritable = said(&["generate", "codes.json", "-o", "dir/none/codes.rs"]);
    assert!(
        unwritable.starts_with("error: cannot write the generated code to `dir/none/codes.rs`"),
        "{unwritable}"
    );
    let directory = said(&["generate", "codes.json", "--check", "-o", "dir"]);
    assert_eq!(
        directory,
        "error: `dir` is a directory; -o names the generated file, e.g. `dir/codes.rs`\n"
    );
}
