//! Runs the `frs-codes` binary the way a user does: as a process, on real files.

#![allow(dead_code)] // Each test file uses some of these.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a run printed and how it exited.
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("frs-codes-cli sits in the workspace")
        .to_path_buf()
}

/// The text of the workspace's file at `path`.
pub fn workspace_file(path: &str) -> String {
    std::fs::read_to_string(workspace_root().join(path)).expect(path)
}

/// `frs-codes ARGS...`, run in the workspace root with colour left to its defaults (standard
/// output is a pipe here, so none).
pub fn frs_codes(args: &[&str]) -> Run {
    frs_codes_with(args, &[])
}

/// Like [`frs_codes`], with environment variables set.
pub fn frs_codes_with(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_frs-codes"));
    command
        .args(args)
        .current_dir(workspace_root())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    for (key, value) in env {
        command.env(key, value);
    }
    finish(&mut command)
}

fn finish(command: &mut Command) -> Run {
    let output = command.output().expect("run frs-codes");
    Run {
        status: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 output"),
    }
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch directory");
    dir
}

/// Like [`frs_codes`], run in `dir`.
pub fn frs_codes_in(dir: &Path, args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_frs-codes"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    finish(&mut command)
}

/// The README's block after `marker`, fenced with ```` ```lang ````.
pub fn readme_block(marker: &str, lang: &str) -> String {
    let readme = workspace_file("README.md");
    let at = readme
        .find(marker)
        .unwrap_or_else(|| panic!("the README has `{marker}`"));
    let fence = format!("```{lang}\n");
    let start = readme[at..].find(&fence).expect("a block after it") + at + fence.len();
    let end = readme[start..].find("```\n").expect("the block ends") + start;
    readme[start..end].to_owned()
}

/// `cargo run -p frs-codes --features http --example NAME -- ARGS`, fed `stdin`.
pub fn run_example(name: &str, args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write as _;
    // Its own target directory: this test's cargo holds the workspace's while it runs.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme-examples");
    let mut child = Command::new(env!("CARGO"))
        .args([
            "run",
            "-q",
            "--locked",
            "-p",
            "frs-codes",
            "--features",
            "http",
        ])
        .args(["--example", name, "--"])
        .args(args)
        .current_dir(workspace_root())
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the example");
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(stdin)
        .expect("write its input");
    child.wait_with_output().expect("the example ends")
}
