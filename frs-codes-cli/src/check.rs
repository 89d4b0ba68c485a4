//! `frs-codes check`: the macro's rules, with each problem shown in its JSON line.

use crate::Outcome;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use frs_codes_gen::{Error, Problem};
use std::path::PathBuf;

/// Check a catalogue against every rule of `frs_codes!` and show each problem in context
#[derive(clap::Args)]
pub struct Args {
    /// The catalogue to check
    #[arg(default_value = "codes.json")]
    file: PathBuf,
    /// `text`: as rustc shows errors; `json`: one object per line (file, line, column,
    /// message), for editors and CI
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(args: &Args, out: &mut Vec<u8>) -> Outcome {
    match frs_codes_gen::load(&args.file) {
        Ok(catalogue) => {
            if let Format::Text = args.format {
                out.extend_from_slice(
                    format!(
                        "{}: no problems ({} in {})\n",
                        args.file.display(),
                        counted(catalogue.codes.len(), "code", "codes"),
                        counted(catalogue.categories.len(), "category", "categories")
                    )
                    .as_bytes(),
                );
            }
            Outcome::Done
        }
        // Without the file's text there was nothing to check: it could not be read, and the
        // answer is not "no" but that the command could not run (shown as problems still).
        Err(error) if error.text().is_none() && matches!(args.format, Format::Text) => {
            crate::failed(&error)
        }
        Err(error) => {
            match args.format {
                Format::Text => out.extend_from_slice(render(&error).as_bytes()),
                Format::Json => {
                    for problem in error.problems() {
                        out.extend_from_slice(json(problem).as_bytes());
                        out.push(b'\n');
                    }
                }
            }
            if error.text().is_none() {
                Outcome::Failed
            } else {
                Outcome::No
            }
        }
    }
}

/// Every problem of `error` as rustc renders an error: the message, ` --> file:line:col`, the
/// line itself and a caret under the spot; then a count of those in the file, if any (a file
/// that cannot be read, or a bad argument, is not a problem of the file).
pub fn render(error: &Error) -> String {
    let renderer = Renderer::styled();
    let mut rendered = String::new();
    for problem in error.problems() {
        let title = Level::ERROR.primary_title(&problem.message);
        let group = match (&problem.location, error.text()) {
            (Some(location), Some(text)) => {
                let span = if location.span.is_empty() {
                    // A point: the character there, so that the caret has something to mark,
                    // unless it ends the line (the caret would run onto the next).
                    let width = text[location.span.start..]
                        .chars()
                        .next()
                        .filter(|next| !matches!(next, '\n' | '\r'))
                        .map_or(0, char::len_utf8);
                    location.span.start..location.span.start + width
                } else {
                    location.span.clone()
                };
                // Only the lines the span is on, each with its line end (a CRLF file's `\r` would
                // otherwise be drawn as a character): annotate-snippets reads all the source it
                // is given, and a file with thousands of problems would be read once for each.
                let first_line = text[..span.start]
                    .rfind('\n')
                    .map_or(0, |newline| newline + 1);
                let last_line_end = text[span.end..]
                    .find('\n')
                    .map_or(text.len(), |newline| span.end + newline + 1);
                title.element(
                    Snippet::source(&text[first_line..last_line_end])
                        .line_start(location.line)
                        .path(&problem.file)
                        .annotation(
                            AnnotationKind::Primary
                                .span(span.start - first_line..span.end - first_line),
                        ),
                )
            }
            _ => Group::with_title(title),
        };
        rendered.push_str(&renderer.render(&[group]));
        rendered.push_str("\n\n");
    }
    let in_the_file: Vec<&Problem> = error
        .problems()
        .iter()
        .filter(|problem| problem.location.is_some())
        .collect();
    if let Some(first) = in_the_file.first() {
        let summary = Level::ERROR.primary_title(format!(
            "`{}` has {}",
            first.file,
            counted(in_the_file.len(), "problem", "problems")
        ));
        rendered.push_str(&renderer.render(&[Group::with_title(summary)]));
        rendered.push('\n');
    } else {
        // One blank line after the last problem is enough.
        rendered.pop();
    }
    rendered
}

/// `count` and the noun that goes with it: `1 category`, `7 categories`.
fn counted(count: usize, one: &str, more: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { more })
}

/// One problem as a JSON object on one line; `line` and `column` are null for a problem that
/// has no place in the file.
fn json(problem: &Problem) -> String {
    let location = problem.location.as_ref();
    serde_json::json!({
        "file": problem.file,
        "line": location.map(|location| location.line),
        "column": location.map(|location| location.column),
        "message": problem.message,
    })
    .to_string()
}
