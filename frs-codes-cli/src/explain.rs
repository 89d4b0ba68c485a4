//! `frs-codes explain`: what a code means and what to do about it.

use crate::describe::{category_json, category_line, code_json, code_text};
use crate::{complain, failed, CatalogueArg, Outcome};
use frs_codes_gen::{split_code, Catalogue};
use serde_json::json;
use std::fmt::Write as _;

/// Explain error codes: HTTP status, category, description and measure
///
/// A code that is well formed but not listed still gets the category its number (or prefix)
/// falls in (exit status 1); a string that is not shaped like the catalogue's codes at all is an
/// error (exit status 2). Near misses (case, zero padding, separator, a typo in a name) get the
/// listed code suggested.
#[derive(clap::Args)]
pub struct Args {
    /// The codes to explain, e.g. FRS.0202
    #[arg(required = true, value_name = "CODE")]
    codes: Vec<String>,
    #[command(flatten)]
    catalogue: CatalogueArg,
    /// `text` for people, `json` (an array, one object per code) for programs
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(args: &Args, out: &mut Vec<u8>) -> Outcome {
    let catalogue = match args.catalogue.load() {
        Ok(catalogue) => catalogue,
        Err(error) => return failed(&error),
    };
    let mut outcome = Outcome::Done;
    let mut text = String::new();
    let mut objects = Vec::new();
    for input in &args.codes {
        let (object, found) = explain(&catalogue, input, &mut text);
        objects.push(object);
        outcome = outcome.max(found);
    }
    match args.format {
        Format::Text => out.extend_from_slice(text.as_bytes()),
        Format::Json => {
            let json = serde_json::to_string_pretty(&objects).unwrap_or_default();
            out.extend_from_slice(json.as_bytes());
            out.push(b'\n');
        }
    }
    outcome
}

/// Explains one input as text into `text` (or, for a malformed one, on standard error) and as
/// JSON, with what it concluded.
fn explain(catalogue: &Catalogue, input: &str, text: &mut String) -> (serde_json::Value, Outcome) {
    let separator = if text.is_empty() { "" } else { "\n" };
    if let Some(code) = catalogue.find(input) {
        text.push_str(separator);
        code_text(catalogue, code, text);
        let mut object = code_json(catalogue, code);
        object["input"] = json!(input);
        object["known"] = json!(true);
        return (object, Outcome::Done);
    }
    let near_miss = catalogue.near_miss(input);
    let well_formed = catalogue.is_code_shaped(input);
    let category = catalogue.category_of(input);
    let object = json!({
        "input": input,
        "known": false,
        "well_formed": well_formed,
        "category": category.map(category_json),
        "did_you_mean": near_miss.map(|code| &code.code),
    });
    let shown = shown(input);
    if !well_formed {
        let mut message = format!(
            "`{shown}` is not an error code: expected {}",
            catalogue.code_shape()
        );
        if let Some(code) = near_miss {
            let _ = write!(message, "; did you mean `{}`?", code.code);
        }
        complain(&message);
        return (object, Outcome::Failed);
    }
    text.push_str(separator);
    match category {
        Some(category) => {
            let _ = writeln!(
                text,
                "`{shown}` is not in the catalogue; {} {}.",
                category.how_unlisted_codes_belong(),
                category.title
            );
            let _ = writeln!(text, "  Category:    {}", category_line(category));
        }
        None if split_code(input).is_some() => {
            let _ = writeln!(
                text,
                "`{shown}` is not in the catalogue, and no category covers its prefix and number."
            );
        }
        None => {
            let _ = writeln!(
                text,
                "`{shown}` is not in the catalogue, whose codes are {}; `frs-codes list` shows them all.",
                catalogue.code_shape()
            );
        }
    }
    if let Some(code) = near_miss {
        let _ = writeln!(
            text,
            "  Did you mean `{}`? Codes are matched exactly, case and zero padding included.",
            code.code
        );
    }
    (object, Outcome::No)
}

/// `input` with its control characters escaped (a line break as `\n`, ESC as `\u{1b}`), so that
/// a message stays on one line and cannot drive the terminal; quotes and the rest as given.
fn shown(input: &str) -> String {
    input
        .chars()
        .map(|character| {
            if character.is_control() {
                character.escape_debug().to_string()
            } else {
                character.to_string()
            }
        })
        .collect()
}
