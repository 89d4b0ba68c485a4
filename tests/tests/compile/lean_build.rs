//! What a user's build of the bundled types compiles: `frs-codes` with its defaults, or with
//! none, builds no proc macro at all (no generator, no `syn`, no `serde_derive`).

use super::support::{crate_path, workspace_root, Consumer};
use std::process::Command;

/// Uses the bundled types the way the README's first example does.
const BUNDLED_USER: &str = r#"//! Reads a code of the bundled catalogue.
#![no_std]
#![deny(missing_docs, warnings)]
#![forbid(unsafe_code)]

use frs_codes::{Category, ErrorCode};

/// The category of a code of the bundled catalogue, if it is one.
pub const fn category(code: &str) -> Option<Category> {
    match ErrorCode::from_code(code) {
        Some(code) => Some(code.category()),
        None => None,
    }
}
"#;

/// The packages `cargo tree -e normal,build` shows for `consumer` that are proc macros.
fn proc_macros_in_the_build_of(consumer: &Consumer) -> Vec<String> {
    let tree = consumer.cargo(&[
        "tree",
        "-e",
        "normal,build",
        "--prefix",
        "none",
        "--offline",
    ]);
    assert!(
        tree.status.success(),
        "cargo tree: {}",
        String::from_utf8_lossy(&tree.stderr)
    );
    let tree = String::from_utf8(tree.stdout).expect("UTF-8");
    assert!(
        tree.contains("frs-codes v"),
        "the tree lists frs-codes: {tree}"
    );
    tree.lines()
        .filter(|line| line.contains("(proc-macro)"))
        .map(str::to_owned)
        .collect()
}

fn assert_lean(name: &str, dependency: &str) {
    let consumer = Consumer::library_with(name, dependency);
    consumer.write("src/lib.rs", BUNDLED_USER);
    assert_eq!(
        proc_macros_in_the_build_of(&consumer),
        Vec::<String>::new(),
        "{dependency}: no proc macro is compiled"
    );
    consumer.build().expect("the consumer builds");
}

#[test]
fn the_bundled_types_compile_no_proc_macro_with_default_features() {
    let path = crate_path("frs-codes");
    assert_lean("lean-defaults", &format!("frs-codes = {{ path = {path} }}"));
}

#[test]
fn the_bundled_types_compile_no_proc_macro_without_default_features() {
    let path = crate_path("frs-codes");
    assert_lean(
        "lean-no-defaults",
        &format!("frs-codes = {{ path = {path}, default-features = false }}"),
    );
}

#[test]
fn the_macro_feature_is_what_brings_the_proc_macro() {
    let path = crate_path("frs-codes");
    let consumer = Consumer::library_with(
        "lean-with-macro",
        &format!(
            "frs-codes = {{ path = {path}, default-features = false, features = [\"macro\"] }}"
        ),
    );
    consumer.write("src/lib.rs", BUNDLED_USER);
    let macros = proc_macros_in_the_build_of(&consumer);
    assert!(
        macros
            .iter()
            .any(|line| line.starts_with("frs-codes-macro v")),
        "{macros:?}"
    );
}

/// "Using the bundled catalogue" names what depending on `frs-codes` with its defaults brings,
/// which a user weighs before adding it: the names are exactly its direct dependencies.
#[test]
fn the_readme_names_every_dependency_the_default_features_bring() {
    let tree = Command::new(env!("CARGO"))
        .current_dir(workspace_root())
        .args(["tree", "-p", "frs-codes", "-e", "normal", "--depth", "1"])
        .args(["--prefix", "none", "--offline", "--locked"])
        .output()
        .expect("run cargo tree");
    assert!(
        tree.status.success(),
        "cargo tree: {}",
        String::from_utf8_lossy(&tree.stderr)
    );
    let tree = String::from_utf8(tree.stdout).expect("UTF-8");
    let mut direct: Vec<&str> = tree
        .lines()
        .skip(1)
        .filter_map(|line| line.split(' ').next())
        .collect();
    direct.sort_unstable();

    let readme = std::fs::read_to_string(workspace_root().join("README.md")).expect("README.md");
    let sentence = readme
        .split("costs about what its default features bring, ")
        .nth(1)
        .and_then(|rest| rest.split(" (`BENCHMARKS.md`").next())
        .expect("the README says what the default features bring");
    let mut named: Vec<&str> = sentence.split('`').skip(1).step_by(2).collect();
    named.sort_unstable();
    assert_eq!(named, direct, "the README's list, and `cargo tree`'s");
}
