//! The README's output blocks, produced by running what it says, each test named after the
//! section whose block it keeps: the quick start, `check` on the sample catalogue, the macro's
//! error for that catalogue, `parse_response` on the document's body (and its usage and exit
//! statuses as the README states them), the stand-in server's first line, and the catalogue
//! format's sample. (The client example's block is compared in `serve.rs`, with the server it
//! needs.)

mod support;

// The consumer-crate helper of the workspace tests; this file uses part of it.
#[allow(dead_code)]
#[path = "../../tests/tests/compile/support.rs"]
mod consumers;

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};
use support::{frs_codes, frs_codes_in, readme_block, run_example, scratch, workspace_root};

/// The README's sample catalogue, the one `check` and the macro are shown failing on.
const DUPLICATE_CODE: &str = "With this `codes.json`, where a code is given twice:";

#[test]
fn quick_start_explain_prints_what_the_readme_shows() {
    let command = readme_block("## Quick start", "sh");
    let args = command
        .lines()
        .next()
        .and_then(|line| line.split_once('#'))
        .and_then(|(command, _)| {
            command
                .trim()
                .strip_prefix("cargo run -p frs-codes-cli -- ")
        })
        .expect("the quick start's first command runs frs-codes");
    let run = frs_codes(&args.split(' ').collect::<Vec<_>>());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, readme_block("## Quick start", "text"));
}

#[test]
fn the_frs_codes_command_check_prints_the_problem_and_the_count_the_readme_shows() {
    let dir = scratch("readme-check");
    std::fs::write(dir.join("codes.json"), readme_block(DUPLICATE_CODE, "json")).expect("write");
    let run = frs_codes_in(&dir, &["check", "codes.json"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(run.stdout, readme_block(DUPLICATE_CODE, "text"));
}

#[test]
fn validation_rules_the_macro_fails_the_build_as_the_readme_shows() {
    let marker =
        "For example, in a crate `my-crate` whose `src/lib.rs` is `frs_codes::frs_codes!();`";
    let source = marker
        .split_once("`src/lib.rs` is `")
        .and_then(|(_, rest)| rest.strip_suffix('`'))
        .expect("the README gives src/lib.rs");
    // The dependency the README's macro route gives: the runtime's default features and `macro`.
    let consumer = consumers::Consumer::library_with_default_features("my-crate");
    consumer
        .write("src/lib.rs", &format!("{source}\n"))
        .write("codes.json", &readme_block(DUPLICATE_CODE, "json"));
    // `cargo` runs quiet, leaving out the `Compiling` lines the README leaves out.
    let output = consumer.cargo(&["build"]);
    assert!(!output.status.success(), "the build fails");
    // Without the line cargo may add on a first build, which the README mentions.
    assert_eq!(
        consumers::diagnostics(&output),
        readme_block(marker, "text")
    );
}

#[test]
fn reading_error_responses_parse_response_prints_what_the_readme_shows() {
    let marker = "Try a response you received";
    let command = readme_block(marker, "sh");
    let (echo, run) = command
        .split_once(" |\n")
        .expect("echo BODY | cargo run ...");
    let body = echo
        .strip_prefix("echo '")
        .and_then(|body| body.strip_suffix('\''))
        .expect("echo 'BODY'");
    let args: Vec<&str> = run
        .trim()
        .strip_prefix("cargo run -p frs-codes --example parse_response -- ")
        .expect("the example's arguments")
        .split(' ')
        .collect();
    // `--header 'X-Request-Id: 4c1b9e5f'` as the shell passes it.
    let header = args
        .iter()
        .position(|arg| *arg == "--header")
        .expect("a header");
    let value = args[header + 1..].join(" ");
    let mut passed: Vec<&str> = args[..=header].to_vec();
    passed.push(value.trim_matches('\''));
    let output = run_example("parse_response", &passed, format!("{body}\n").as_bytes());
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        readme_block(marker, "text")
    );
}

/// A child process killed when the test ends, passed or not.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_stand_in_server_prints_where_it_listens_as_the_readme_shows() {
    let marker = "To test a client's error handling and retries without an account";
    let command = readme_block(marker, "sh");
    let args: Vec<&str> = command
        .trim()
        .strip_prefix("cargo run -p frs-codes-cli -- serve ")
        .expect("the README starts serve with cargo run")
        .split(' ')
        .collect();
    let shown = readme_block(marker, "text");
    let default = shown
        .trim_end()
        .strip_prefix("listening on http://")
        .expect("the README shows `listening on http://ADDR`");
    // The README's port may be taken on a machine running other tests: the system picks one,
    // and the default is read from --help instead.
    let help = frs_codes(&["serve", "--help"]);
    assert!(
        help.stdout.contains(&format!("[default: {default}]")),
        "--listen defaults to {default}: {}",
        help.stdout
    );
    let mut server = Killed(
        Command::new(env!("CARGO_BIN_EXE_frs-codes"))
            .arg("serve")
            .args(&args)
            .args(["--listen", "127.0.0.1:0"])
            .current_dir(workspace_root())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start frs-codes serve"),
    );
    let mut first = String::new();
    BufReader::new(server.0.stdout.take().expect("piped"))
        .read_line(&mut first)
        .expect("a first line");
    let port = first
        .trim_end()
        .rsplit_once(':')
        .map(|(_, port)| port)
        .expect("IP:PORT");
    assert_ne!(
        port, "0",
        "the first line says which port the system picked"
    );
    assert_eq!(first, shown.replace(default, &format!("127.0.0.1:{port}")));
}

#[test]
fn catalogue_format_the_sample_passes_every_rule() {
    let dir = scratch("readme-catalogue-format");
    std::fs::write(
        dir.join("codes.json"),
        readme_block("### Catalogue format", "json"),
    )
    .expect("write");
    let run = frs_codes_in(&dir, &["check", "codes.json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "codes.json: no problems (4 codes in 4 categories)\n"
    );
}

#[test]
fn reading_error_responses_parse_response_reads_any_body_as_its_usage_says() {
    let readme = support::workspace_file("README.md");
    let usage = readme
        .split_once("The usage is `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .expect("the README gives the usage")
        .0;
    let help = run_example("parse_response", &["--help"], b"");
    assert_eq!(help.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&help.stdout).lines().next(),
        Some(format!("usage: {usage}").as_str())
    );

    // "Any bytes give exit status 0": not UTF-8, not JSON, and the same from FILE, `-` and
    // standard input.
    let body: &[u8] = b"\xff\xfe<html>502 Bad Gateway";
    let file = scratch("readme-parse-response").join("body");
    std::fs::write(&file, body).expect("write");
    let file = file.to_str().expect("UTF-8 path");
    let from_stdin = run_example("parse_response", &["--status", "502"], body);
    assert_eq!(from_stdin.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&from_stdin.stdout).starts_with("HTTP 502"),
        "{}",
        String::from_utf8_lossy(&from_stdin.stdout)
    );
    for args in [["--status", "502", file], ["--status", "502", "-"]] {
        let run = run_example("parse_response", &args, body);
        assert_eq!(run.status.code(), Some(0), "{args:?}");
        assert_eq!(run.stdout, from_stdin.stdout, "{args:?}");
    }

    // "Bad arguments give 2".
    for args in [
        &[][..],
        &["--status", "four hundred"][..],
        &["--status"][..],
    ] {
        let run = run_example("parse_response", args, b"{}");
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&run.stderr).contains(&format!("usage: {usage}")),
            "{args:?}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
}
