//! Reads a captured error response and prints what `frs-codes` makes of it.
//!
//! ```text
//! cargo run -p frs-codes --example parse_response -- --status 400 [--header 'Name: value']... [FILE]
//! ```
//!
//! The body comes from FILE, or from standard input without one (or with `-`). The output is
//! the error's `Display` line, then `retry: throttling`, `retry: transient`, `retry: server` or
//! `retry: no`. Any body gives exit status 0; only bad arguments give 2.

use frs_codes::{ApiError, Retry};
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: parse_response --status CODE [--header 'Name: value']... [FILE]\n\
     Reads an HTTP error response body from FILE (or standard input) and prints the error\n\
     and its retry class.";

struct Arguments {
    status: u16,
    headers: Vec<(String, String)>,
    file: Option<PathBuf>,
}

fn main() -> ExitCode {
    let arguments = match parse_arguments(std::env::args_os().skip(1)) {
        Ok(Some(arguments)) => arguments,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(problem) => {
            eprintln!("parse_response: {problem}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let body = match read_body(arguments.file.as_deref()) {
        Ok(body) => body,
        Err(problem) => {
            eprintln!("parse_response: {problem}");
            return ExitCode::from(2);
        }
    };
    let header = |name: &str| {
        arguments
            .headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    };
    match ApiError::from_parts(arguments.status, header, &body) {
        Some(error) => {
            println!("{error}");
            println!("retry: {}", error.retry());
        }
        None => {
            println!(
                "HTTP {} is not an error response (errors are 400 and above)",
                arguments.status
            );
            println!("retry: {}", Retry::No);
        }
    }
    ExitCode::SUCCESS
}

/// The arguments, or `None` when help was asked for.
fn parse_arguments(
    mut arguments: impl Iterator<Item = OsString>,
) -> Result<Option<Arguments>, String> {
    let mut status = None;
    let mut headers = Vec::new();
    let mut file: Option<PathBuf> = None;
    // Options and their values are text; a file name may be any bytes the system allows.
    let text = |option: &str, value: Option<OsString>, example: &str| {
        value
            .ok_or_else(|| format!("{option} needs a value, e.g. {option} {example}"))?
            .into_string()
            .map_err(|value| format!("{option} takes text, and {value:?} is not UTF-8"))
    };
    while let Some(argument) = arguments.next() {
        match argument.to_str() {
            Some("-h" | "--help") => return Ok(None),
            Some("--status") => {
                let value = text("--status", arguments.next(), "400")?;
                let parsed = value.parse().map_err(|_| {
                    format!("--status takes a number from 0 to 65535, not `{value}`")
                })?;
                status = Some(parsed);
            }
            Some("--header") => {
                let value = text("--header", arguments.next(), "'X-Request-Id: 4c1b9e5f'")?;
                let (name, content) = value.split_once(':').ok_or_else(|| {
                    format!("--header takes 'Name: value', and `{value}` has no colon")
                })?;
                headers.push((name.trim().to_owned(), content.trim().to_owned()));
            }
            Some(option) if option.starts_with("--") => {
                return Err(format!("unknown option `{option}`"));
            }
            _ if file.is_none() => file = Some(PathBuf::from(argument)),
            _ => {
                return Err(format!(
                    "one FILE at most, but `{}` is a second one",
                    Path::new(&argument).display()
                ))
            }
        }
    }
    let status = status.ok_or("--status is required")?;
    Ok(Some(Arguments {
        status,
        headers,
        file,
    }))
}

fn read_body(file: Option<&Path>) -> Result<Vec<u8>, String> {
    match file {
        Some(path) if path != Path::new("-") => std::fs::read(path)
            .map_err(|error| format!("cannot read `{}`: {error}", path.display())),
        _ => {
            let mut body = Vec::new();
            std::io::stdin()
                .read_to_end(&mut body)
                .map_err(|error| format!("cannot read standard input: {error}"))?;
            Ok(body)
        }
    }
}
