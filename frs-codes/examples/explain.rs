//! Explains FRS error codes: `cargo run -p frs-codes --example explain -- FRS.0202`.
//!
//! `--list` prints the whole catalogue grouped by category. Exit status: 0 when every code
//! was found, 1 when a well-formed code is not in the catalogue, 2 for a malformed argument.

use frs_codes::{Category, ErrorCode};
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

const USAGE: &str = "usage: explain CODE...   (e.g. explain FRS.0202)\n       explain --list";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = String::new();
    let status = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
        ["--help" | "-h"] => {
            out.push_str(USAGE);
            out.push('\n');
            ExitCode::SUCCESS
        }
        ["--list"] => {
            list(&mut out);
            ExitCode::SUCCESS
        }
        codes => explain_all(codes, &mut out),
    };
    // A closed pipe (`explain --list | head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(out.as_bytes());
    status
}

fn explain_all(codes: &[&str], out: &mut String) -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for (index, code) in codes.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        match code.parse::<ErrorCode>() {
            Ok(code) => explain(code, out),
            Err(error) if error.is_well_formed() => {
                let _ = writeln!(out, "{error}.");
                if let Some(category) = error.category() {
                    let _ = writeln!(out, "  Category:    {}", range_line(category));
                }
                if let Ok(known) = code.to_ascii_uppercase().parse::<ErrorCode>() {
                    let _ = writeln!(out, "  Did you mean `{known}`? Codes are case-sensitive.");
                }
                status = ExitCode::from(1);
            }
            Err(error) => {
                eprintln!("explain: {error}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    status
}

fn explain(code: ErrorCode, out: &mut String) {
    let _ = writeln!(out, "{code} ({code:?})");
    let _ = writeln!(out, "  HTTP status: {}", statuses(code, ", "));
    let _ = writeln!(out, "  Category:    {}", range_line(code.category()));
    let _ = writeln!(out, "  Description: {}", code.description());
    for (index, line) in code.measure().lines().enumerate() {
        let label = if index == 0 {
            "Measure:    "
        } else {
            "            "
        };
        let _ = writeln!(out, "  {label} {line}");
    }
}

fn statuses(code: ErrorCode, separator: &str) -> String {
    let statuses: Vec<String> = code.http_statuses().iter().map(u16::to_string).collect();
    statuses.join(separator)
}

fn range_line(category: Category) -> String {
    let range = category.range();
    format!(
        "{category} ({} {}–{})",
        category.prefixes().join("/"),
        range.start(),
        range.end()
    )
}

fn list(out: &mut String) {
    for (index, category) in Category::ALL.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "{}", range_line(*category));
        for code in category.codes() {
            let _ = writeln!(
                out,
                "  {:<10} {:<8} {}",
                code.as_str(),
                statuses(*code, "/"),
                code.description()
            );
        }
    }
}
