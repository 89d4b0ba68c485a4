//! Builds real consumer crates, the way users meet the macro: a crate with its own `codes.json`
//! that depends on the workspace crates by path. All consumers share one target directory, so
//! the dependencies are compiled once per test run.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_path_buf()
}

/// A throw-away crate under the test's temporary directory.
const LIBRARY: &str = "[lib]\npath = \"src/lib.rs\"\n";
const BINARY: &str = "[[bin]]\nname = \"consumer\"\npath = \"src/main.rs\"\n";

/// The quoted TOML path of the workspace crate in directory `crate_dir`, for a `path = ...` key.
pub fn crate_path(crate_dir: &str) -> String {
    format!("{:?}", workspace_root().join(crate_dir))
}

fn runtime_dependency() -> String {
    format!(
        "frs-codes = {{ path = {}, default-features = false, features = [\"macro\"] }}",
        crate_path("frs-codes")
    )
}

pub struct Consumer {
    pub dir: PathBuf,
    name: String,
}

impl Consumer {
    /// A library crate named `name`, depending on `frs-codes` with the `macro` feature alone
    /// (the macro is what these tests are about; the other features only cost build time).
    pub fn library(name: &str) -> Self {
        Self::create(name, LIBRARY, &runtime_dependency())
    }

    /// A library crate named `name`, depending on `frs-codes` with its default features and
    /// `macro`, so that the expansion also implements the runtime's traits and serde.
    pub fn library_with_default_features(name: &str) -> Self {
        Self::create(
            name,
            LIBRARY,
            &format!(
                "frs-codes = {{ path = {}, features = [\"macro\"] }}",
                crate_path("frs-codes")
            ),
        )
    }

    /// A library crate named `name` whose `[dependencies]` table is `dependencies`.
    pub fn library_with(name: &str, dependencies: &str) -> Self {
        Self::create(name, LIBRARY, dependencies)
    }

    /// A binary crate named `name`, depending on `frs-codes` like [`Consumer::library`].
    pub fn binary(name: &str) -> Self {
        Self::binary_with(name, &format!("[dependencies]\n{}\n", runtime_dependency()))
    }

    /// A library crate that depends on `frs-codes-macro` alone.
    pub fn macro_only(name: &str) -> Self {
        Self::create(
            name,
            LIBRARY,
            &format!(
                "frs-codes-macro = {{ path = {} }}",
                crate_path("frs-codes-macro")
            ),
        )
    }

    /// A binary crate named `name` whose manifest ends with `sections` (dependency tables).
    pub fn binary_with(name: &str, sections: &str) -> Self {
        Self::create_with(name, BINARY, sections)
    }

    fn create(name: &str, target: &str, dependency: &str) -> Self {
        Self::create_with(name, target, &format!("[dependencies]\n{dependency}\n"))
    }

    fn create_with(name: &str, target: &str, sections: &str) -> Self {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("consumers")
            .join(name);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("src")).expect("create consumer directory");
        let manifest = format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             {target}\n{sections}\n\
             # Not part of the frs-codes workspace it happens to sit under.\n[workspace]\n"
        );
        fs::write(dir.join("Cargo.toml"), manifest).expect("write consumer manifest");
        // The workspace's lock file pins the same dependency versions without a registry query.
        let _ = fs::copy(workspace_root().join("Cargo.lock"), dir.join("Cargo.lock"));
        Consumer {
            dir,
            name: name.to_owned(),
        }
    }

    /// The consumer in another edition than 2021: code that is clean in one edition may not be
    /// in another (clippy's `collapsible_if` reaches `if let` only from 2024, where let chains
    /// exist), and `cargo new` writes the newest.
    pub fn in_edition(self, edition: &str) -> Self {
        let manifest_path = self.dir.join("Cargo.toml");
        let manifest = fs::read_to_string(&manifest_path).expect("read consumer manifest");
        let from = "edition = \"2021\"";
        assert!(
            manifest.contains(from),
            "the consumer's manifest names its edition"
        );
        let manifest = manifest.replacen(from, &format!("edition = \"{edition}\""), 1);
        fs::write(manifest_path, manifest).expect("write consumer manifest");
        self
    }

    pub fn write(&self, relative: &str, contents: &str) -> &Self {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create directory");
        }
        fs::write(path, contents).expect("write consumer file");
        self
    }

    pub fn cargo(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO"))
            .args(args)
            .arg("--quiet")
            .arg("--manifest-path")
            .arg(self.dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", shared_target())
            .env("CARGO_TERM_COLOR", "never")
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .output()
            .expect("run cargo")
    }

    /// `cargo build`; `Ok` when it succeeds, otherwise the normalized diagnostics.
    pub fn build(&self) -> Result<(), String> {
        outcome(self, self.cargo(&["build"]))
    }

    /// Builds and runs the binary, returning what it printed.
    pub fn run(&self) -> Result<String, String> {
        let output = self.cargo(&["run"]);
        outcome(self, output.clone())?;
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// The consumer's stderr with machine-specific paths replaced by `$DIR` and `$WORKSPACE`.
    pub fn normalize(&self, stderr: &str) -> String {
        stderr
            .replace(&self.dir.display().to_string(), "$DIR")
            .replace(&workspace_root().display().to_string(), "$WORKSPACE")
            .replace(&self.name, "$CRATE")
    }
}

fn outcome(consumer: &Consumer, output: Output) -> Result<(), String> {
    if output.status.success() {
        Ok(())
    } else {
        Err(consumer.normalize(&diagnostics(&output)))
    }
}

/// What a failed build printed for the user, without the line cargo adds when the failure
/// comes while other crates still compile: it depends on scheduling, not on the consumer.
pub fn diagnostics(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|line| *line != "warning: build failed, waiting for other jobs to finish...")
        .map(|line| format!("{line}\n"))
        .collect()
}

fn shared_target() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("consumers-target")
}
