//! The README's output blocks, produced by running what it says: the quick start, `check` on the
//! sample catalogue, and `parse_response` on the document's body. (The client example's block is
//! compared in `serve.rs`, with the server it needs.)

mod support;

use support::{frs_codes, frs_codes_in, readme_block, run_example, scratch};

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
fn check_prints_the_problem_and_the_count_the_readme_shows() {
    let marker = "With this `codes.json`, where a code is given twice:";
    let dir = scratch("readme-check");
    std::fs::write(dir.join("codes.json"), readme_block(marker, "json")).expect("write");
    let run = frs_codes_in(&dir, &["check", "codes.json"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(run.stdout, readme_block(marker, "text"));
}

#[test]
fn parse_response_prints_what_the_readme_shows() {
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
