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
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: parse_response --status CODE [--header 'Name: value']... [FILE]\n\
     Reads an HTTP error response body from FILE (or standard input) and prints the error\n\
     and its retry class.";

struct Arguments {
    status: u16,
    headers: Vec<(String, String)>,
    file: Option<String>,
}

fn main() -> ExitCode {
    let arguments = match parse_arguments(std::env::args().skip(1)) {
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
    mut arguments: impl Iterator<Item = String>,
) -> Result<Option<Arguments>, String> {
    let mut status = None;
    let mut headers = Vec::new();
    let mut file = None;
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "-h" | "--help" => return Ok(None),
            "--status" => {
                let value = arguments
                    .next()
                    .ok_or("--status needs a value, e.g. --status 400")?;
                let parsed = value.parse().map_err(|_| {
                    format!("--status takes a number from 0 to 65535, not `{value}`")
                })?;
                status = Some(parsed);
            }
            "--header" => {
                let value = arguments
                    .next()
                    .ok_or("--header needs a value, e.g. --header 'X-Request-Id: 4c1b9e5f'")?;
                let (name, content) = value.split_once(':').ok_or_else(|| {
                    format!("--header takes 'Name: value', and `{value}` has no colon")
                })?;
                headers.push((name.trim().to_owned(), content.trim().to_owned()));
            }
            option if option.starts_with("--") => {
                return Err(format!("unknown option `{option}`"));
            }
            path if file.is_none() => file = Some(path.to_owned()),
            extra => return Err(format!("one FILE at most, but `{extra}` is a second one")),
        }
    }
    let status = status.ok_or("--status is required")?;
    Ok(Some(Arguments {
        status,
        headers,
        file,
    }))
}

fn read_body(file: Option<&str>) -> Result<Vec<u8>, String> {
    match file {
        None | Some("-") => {
            let mut body = Vec::new();
            std::io::stdin()
                .read_to_end(&mut body)
                .map_err(|error| format!("cannot read standard input: {error}"))?;
            Ok(body)
        }
        Some(path) => std::fs::read(path).map_err(|error| format!("cannot read `{path}`: {error}")),
    }
}
