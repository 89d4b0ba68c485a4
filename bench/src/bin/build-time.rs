//! `cargo run -p frs-codes-bench --bin build-time [-- ROUNDS]`: release build time of a crate
//! holding the 5,000-code catalogue through `frs_codes!`, against a lean hand-written crate with
//! the same data (the goal's baseline), the same items written by hand in table shape, and a
//! crate holding only a 5,000-entry `phf_map!`, in one run.
//!
//! The three crates are generated into a fresh workspace under the system temp directory,
//! depending on this workspace's crates by path and on `phf` at the version of this workspace's
//! `Cargo.lock` (copied, so nothing new is resolved; builds run with `--offline`). Dependencies
//! are built once first; then each round touches each crate and rebuilds it alone, in rotated
//! order. A no-op build of the same crate in the same round measures Cargo's own overhead, which
//! is subtracted: `net` is the time rustc spends on the crate, macro expansion included.

use frs_codes_bench::{catalogue, consumers};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|rounds| rounds.parse().ok())
        .unwrap_or(5)
        .max(1);
    let bench_dir = frs_codes_bench::crate_dir();
    let workspace = bench_dir
        .parent()
        .expect("the bench crate is in the workspace");
    let lock = std::fs::read_to_string(workspace.join("Cargo.lock")).expect("read Cargo.lock");
    let phf_version = locked_version(&lock, "phf").expect("phf is in Cargo.lock");
    let model = catalogue::generate();
    let json = std::fs::read_to_string(bench_dir.join(catalogue::BIG_PATH))
        .expect("read the committed catalogue");

    let root = std::env::temp_dir().join(format!("frs-codes-build-time-{}", std::process::id()));
    let crates = consumers::crates(&model, &json, &workspace.to_string_lossy(), &phf_version);
    let names: Vec<&str> = crates.iter().map(|krate| krate.name).collect();
    write(
        &root.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            names
                .iter()
                .map(|name| format!("{name:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
    write(&root.join("Cargo.lock"), &lock);
    for krate in &crates {
        for (path, content) in &krate.files {
            write(&root.join(krate.name).join(path), content);
        }
    }
    println!("Workspace: {}", root.display());
    println!("Building dependencies (not timed)...");
    let warm = cargo(&root, &["build", "--release", "--offline", "--workspace"]);
    assert!(warm.0, "the warm-up build failed; see the output above");

    let mut wall = vec![Vec::new(); crates.len()];
    let mut noop = vec![Vec::new(); crates.len()];
    for round in 0..rounds {
        for offset in 0..crates.len() {
            let index = (round + offset) % crates.len();
            let name = crates[index].name;
            touch(&root.join(name).join("src/lib.rs"));
            let (ok, time) = cargo(&root, &["build", "--release", "--offline", "-p", name]);
            assert!(ok, "building {name} failed");
            wall[index].push(time);
            let (ok, time) = cargo(&root, &["build", "--release", "--offline", "-p", name]);
            assert!(ok, "the no-op build of {name} failed");
            noop[index].push(time);
        }
        println!("round {} of {rounds} done", round + 1);
    }

    let median = |values: &mut Vec<Duration>| {
        values.sort();
        values[values.len() / 2].as_secs_f64()
    };
    let results: Vec<(f64, f64)> = wall
        .iter_mut()
        .zip(noop.iter_mut())
        .map(|(wall, noop)| {
            let wall = median(wall);
            let noop = median(noop);
            (wall, (wall - noop).max(0.0))
        })
        .collect();
    let position = |wanted: &str| {
        names
            .iter()
            .position(|name| *name == wanted)
            .unwrap_or_else(|| panic!("{wanted} is one of the crates"))
    };
    let (lean, hand) = (position("lean"), position("hand-tables"));
    println!("\nRelease build of one crate, 5,000 codes, median of {rounds} rounds (seconds):");
    println!(
        "{:<16} {:>8} {:>8} {:>10} {:>10} {:>10}",
        "crate", "wall", "net", "net/lean", "wall/lean", "net/hand"
    );
    for (name, (wall, net)) in names.iter().zip(&results) {
        println!(
            "{:<16} {:>8.2} {:>8.2} {:>10.2} {:>10.2} {:>10.2}",
            name,
            wall,
            net,
            net / results[lean].1,
            wall / results[lean].0,
            net / results[hand].1,
        );
    }
    let macro_net = results[0].1 / results[lean].1;
    println!(
        "\nGoal: macro-consumer <= 1.5x lean (net): {:.2}x, {}",
        macro_net,
        if macro_net <= 1.5 { "met" } else { "MISSED" }
    );
    if std::env::var_os("FRS_BENCH_KEEP").is_none() {
        std::fs::remove_dir_all(&root).ok();
    }
}

fn write(path: &Path, content: &str) {
    std::fs::create_dir_all(path.parent().expect("a file has a directory")).expect("mkdir");
    std::fs::write(path, content).expect("write a generated file");
}

/// Rewrites the file so that its modification time is now and Cargo rebuilds the crate.
fn touch(path: &PathBuf) {
    let content = std::fs::read(path).expect("read");
    std::fs::write(path, content).expect("write");
}

/// Runs Cargo in `root` with its own target directory; returns success and wall time.
fn cargo(root: &Path, args: &[&str]) -> (bool, Duration) {
    let start = Instant::now();
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
        .args(args)
        .current_dir(root)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .stdout(std::process::Stdio::null())
        .stderr(if args.contains(&"--workspace") {
            std::process::Stdio::inherit()
        } else {
            std::process::Stdio::null()
        })
        .status()
        .expect("run cargo");
    (status.success(), start.elapsed())
}

/// The version of `name` in a `Cargo.lock`.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{name}\"") {
            let version = lines.next()?;
            return Some(
                version
                    .trim_start_matches("version = \"")
                    .trim_end_matches('"')
                    .to_owned(),
            );
        }
    }
    None
}
