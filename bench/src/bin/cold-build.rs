//! `cargo run --release -p frs-codes-bench --bin cold-build [-- ROUNDS]`: what a user's first
//! `cargo build` of a crate depending on `frs-codes` compiles, against the crates it cannot do
//! without, cold, in one run.
//!
//! Five consumer crates are written under the system temp directory, each its own workspace
//! with a copy of this workspace's `Cargo.lock` (so nothing new is resolved; builds run with
//! `--offline`), depending on this workspace's crates by path:
//!
//! * `baseline`: `serde` (no derive) and `serde_json`, the runtime dependencies of `frs-codes`
//!   alone; the baseline of `frs-only` and `frs-only-lean`;
//! * `frs-only`: `frs-codes` with its defaults, parsing a code and reading a response;
//! * `frs-only-lean`: `frs-codes` without default features, `ErrorCode::from_code`;
//! * `macro-baseline`: `syn` 3 with `full`, `quote`, `proc-macro2`, `serde` with derive and
//!   `serde_json`, what a proc macro reading JSON compiles at least; the baseline of
//!   `own-catalogue`;
//! * `own-catalogue`: `frs-codes` with `features = ["macro"]`, one `frs_codes!()` on a 2-code
//!   catalogue.
//!
//! Each round builds every crate (debug, `cargo build`) in a fresh target directory, in rotated
//! order; the medians are compared. `cargo tree -d` of `own-catalogue` is checked for a second
//! `syn`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The goals of the lean-build issue: a consumer over its baseline.
const FRS_ONLY_GOAL: f64 = 1.5;
const OWN_CATALOGUE_GOAL: f64 = 1.15;

/// A two-code catalogue of a made-up service, for `own-catalogue`.
const OWN_CATALOGUE: &str = r#"{
  "categories": [{ "name": "Common", "title": "Common errors", "prefix": "ACME", "range": [1, 99] }],
  "codes": [
    { "code": "ACME.0001", "name": "LoginRequired", "status": 401,
      "description": "Log in first.", "measure": "Send a token." },
    { "code": "ACME.0002", "name": "SlowDown", "status": 429,
      "description": "Too many requests.", "measure": "Wait and retry." }
  ]
}
"#;

struct Consumer {
    name: &'static str,
    dependencies: String,
    lib: &'static str,
    files: Vec<(&'static str, &'static str)>,
}

fn consumers(workspace: &Path) -> Vec<Consumer> {
    let frs_codes = workspace.join("frs-codes");
    vec![
        Consumer {
            name: "baseline",
            dependencies: "serde = { version = \"1\", default-features = false }\n\
                           serde_json = \"1\"\n"
                .to_owned(),
            lib: "//! The runtime dependencies alone.\n\n\
                  /// Whether `body` is JSON.\n\
                  pub fn is_json(body: &[u8]) -> bool {\n    \
                      serde_json::from_slice::<serde_json::Value>(body).is_ok()\n}\n",
            files: Vec::new(),
        },
        Consumer {
            name: "frs-only",
            dependencies: format!("frs-codes = {{ path = {frs_codes:?} }}\n"),
            lib: "//! The bundled catalogue, with the crate's defaults.\n\n\
                  use frs_codes::{ApiError, ErrorCode};\n\n\
                  /// The code `text` names, if the catalogue lists it.\n\
                  pub fn code(text: &str) -> Option<ErrorCode> {\n    text.parse().ok()\n}\n\n\
                  /// An error response read.\n\
                  pub fn read(status: u16, body: &[u8]) -> Option<ApiError> {\n    \
                      ApiError::from_parts(status, |_| None::<&str>, body)\n}\n",
            files: Vec::new(),
        },
        Consumer {
            name: "frs-only-lean",
            dependencies: format!(
                "frs-codes = {{ path = {frs_codes:?}, default-features = false }}\n"
            ),
            lib: "//! The bundled catalogue, without default features.\n#![no_std]\n\n\
                  use frs_codes::ErrorCode;\n\n\
                  /// The code `text` names, if the catalogue lists it.\n\
                  pub const fn code(text: &str) -> Option<ErrorCode> {\n    \
                      ErrorCode::from_code(text)\n}\n",
            files: Vec::new(),
        },
        Consumer {
            name: "macro-baseline",
            dependencies: "proc-macro2 = \"1\"\nquote = \"1\"\n\
                           serde = { version = \"1\", features = [\"derive\"] }\n\
                           serde_json = \"1\"\n\
                           syn = { version = \"3\", features = [\"full\"] }\n"
                .to_owned(),
            lib: "//! What a proc macro reading JSON compiles at least.\n\n\
                  /// A catalogue entry.\n\
                  #[derive(serde::Deserialize)]\n\
                  pub struct Entry {\n    /// Its code.\n    pub code: String,\n}\n\n\
                  /// The entries of `json`, as items.\n\
                  pub fn items(json: &str) -> Option<syn::File> {\n    \
                      let entries: Vec<Entry> = serde_json::from_str(json).ok()?;\n    \
                      let names = entries.iter().map(|entry| quote::format_ident!(\"C{}\", entry.code.len()));\n    \
                      syn::parse2(quote::quote!(#(pub struct #names;)*)).ok()\n}\n",
            files: Vec::new(),
        },
        Consumer {
            name: "own-catalogue",
            dependencies: format!(
                "frs-codes = {{ path = {frs_codes:?}, features = [\"macro\"] }}\n"
            ),
            lib: "//! A catalogue of its own through the macro.\n\n\
                  frs_codes::frs_codes!();\n",
            files: vec![("codes.json", OWN_CATALOGUE)],
        },
    ]
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|rounds| rounds.parse().ok())
        .unwrap_or(3)
        .max(1);
    let bench_dir = frs_codes_bench::crate_dir();
    let workspace = bench_dir
        .parent()
        .expect("the bench crate is in the workspace");
    let lock = std::fs::read_to_string(workspace.join("Cargo.lock")).expect("read Cargo.lock");
    let root = std::env::temp_dir().join(format!("frs-codes-cold-build-{}", std::process::id()));
    let consumers = consumers(workspace);
    for consumer in &consumers {
        let dir = root.join(consumer.name);
        write(
            &dir.join("Cargo.toml"),
            &format!(
                "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
                 [dependencies]\n{}\n[workspace]\n",
                consumer.name, consumer.dependencies
            ),
        );
        write(&dir.join("Cargo.lock"), &lock);
        write(&dir.join("src/lib.rs"), consumer.lib);
        for (path, content) in &consumer.files {
            write(&dir.join(path), content);
        }
    }
    println!("Consumers: {}", root.display());
    println!("Fetching nothing, checking that each builds (not timed)...");
    for consumer in &consumers {
        let dir = root.join(consumer.name);
        let (ok, _) = cold_build(&dir, &root.join("check-target"), Stdio::inherit());
        assert!(ok, "{} does not build; see above", consumer.name);
    }

    let mut times = vec![Vec::new(); consumers.len()];
    for round in 0..rounds {
        for offset in 0..consumers.len() {
            let index = (round + offset) % consumers.len();
            let dir = root.join(consumers[index].name);
            let target = root.join(format!("target-{round}-{index}"));
            let (ok, time) = cold_build(&dir, &target, Stdio::null());
            assert!(ok, "building {} failed", consumers[index].name);
            times[index].push(time);
            std::fs::remove_dir_all(&target).ok();
        }
        println!("round {} of {rounds} done", round + 1);
    }
    let medians: Vec<f64> = times
        .iter_mut()
        .map(|times| {
            times.sort();
            times[times.len() / 2].as_secs_f64()
        })
        .collect();
    let median_of = |name: &str| {
        let index = consumers
            .iter()
            .position(|consumer| consumer.name == name)
            .unwrap_or_else(|| panic!("{name} is a consumer"));
        medians[index]
    };

    println!("\nCold debug build, median of {rounds} rounds (seconds):");
    println!(
        "{:<16} {:>8}  {:<16} {:>7}",
        "crate", "wall", "baseline", "ratio"
    );
    let baseline_of = |name: &str| match name {
        "frs-only" | "frs-only-lean" => Some("baseline"),
        "own-catalogue" => Some("macro-baseline"),
        _ => None,
    };
    for (consumer, median) in consumers.iter().zip(&medians) {
        match baseline_of(consumer.name) {
            Some(baseline) => println!(
                "{:<16} {:>8.2}  {:<16} {:>6.2}x",
                consumer.name,
                median,
                baseline,
                median / median_of(baseline)
            ),
            None => println!("{:<16} {:>8.2}", consumer.name, median),
        }
    }

    let duplicates = duplicate_packages(&root.join("own-catalogue"));
    let second_syn = duplicates.iter().any(|line| line.starts_with("syn v"));
    println!("\n`cargo tree -d -e normal,build` of own-catalogue: {duplicates:?}");
    let goals = [
        (
            "frs-only <= 1.5x baseline",
            median_of("frs-only") / median_of("baseline") <= FRS_ONLY_GOAL,
        ),
        (
            "frs-only-lean <= 1.5x baseline",
            median_of("frs-only-lean") / median_of("baseline") <= FRS_ONLY_GOAL,
        ),
        (
            "own-catalogue <= 1.15x macro-baseline",
            median_of("own-catalogue") / median_of("macro-baseline") <= OWN_CATALOGUE_GOAL,
        ),
        ("own-catalogue compiles one syn", !second_syn),
    ];
    println!();
    for (goal, met) in goals {
        println!("Goal: {goal}: {}", if met { "met" } else { "MISSED" });
    }
    if std::env::var_os("FRS_BENCH_KEEP").is_none() {
        std::fs::remove_dir_all(&root).ok();
    }
}

fn write(path: &Path, content: &str) {
    std::fs::create_dir_all(path.parent().expect("a file has a directory")).expect("mkdir");
    std::fs::write(path, content).expect("write a consumer file");
}

/// `cargo build` of the crate in `dir` into the fresh `target`; success and wall time.
fn cold_build(dir: &Path, target: &PathBuf, stderr: Stdio) -> (bool, Duration) {
    std::fs::remove_dir_all(target).ok();
    let start = Instant::now();
    let status = cargo(dir, target)
        .args(["build", "--offline", "--quiet"])
        .stdout(Stdio::null())
        .stderr(stderr)
        .status()
        .expect("run cargo");
    (status.success(), start.elapsed())
}

/// The packages `cargo tree -d -e normal,build` lists at the top level for the crate in `dir`:
/// those compiled in more than one version.
fn duplicate_packages(dir: &Path) -> Vec<String> {
    let output = cargo(dir, &dir.join("target"))
        .args([
            "tree",
            "-d",
            "-e",
            "normal,build",
            "--offline",
            "--depth",
            "0",
        ])
        .stderr(Stdio::inherit())
        .output()
        .expect("run cargo tree");
    assert!(output.status.success(), "cargo tree failed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

fn cargo(dir: &Path, target: &Path) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    command
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    command
}
