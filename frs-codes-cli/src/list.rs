//! `frs-codes list`: the whole table, for people, programs or documentation.

use crate::describe::{category_line, code_json, statuses};
use crate::{complain, failed, CatalogueArg, Outcome};
use frs_codes_gen::{closest, Case, Catalogue, Category, Code};
use std::fmt::Write as _;

/// List every code of a catalogue, grouped by category
#[derive(clap::Args)]
pub struct Args {
    /// Only this category: its name (e.g. ServiceManagement) or its title, in any case
    #[arg(long, value_name = "NAME")]
    category: Option<String>,
    #[command(flatten)]
    catalogue: CatalogueArg,
    /// `text` for people, `json` (an array of codes) for programs, `markdown` for a pipe table
    /// to paste into documentation
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
}

pub fn run(args: &Args, out: &mut Vec<u8>) -> Outcome {
    let catalogue = match args.catalogue.load() {
        Ok(catalogue) => catalogue,
        Err(error) => return failed(&error),
    };
    let shown: Vec<usize> = match &args.category {
        None => (0..catalogue.categories.len()).collect(),
        Some(wanted) => match find_category(&catalogue, wanted) {
            Some(index) => vec![index],
            None => {
                let names: Vec<&str> = catalogue
                    .categories
                    .iter()
                    .map(|category| category.name.as_str())
                    .collect();
                let hint = closest(wanted, &names)
                    .map(|name| format!("did you mean `{name}`? "))
                    .unwrap_or_default();
                complain(&format!(
                    "no category `{wanted}` in {}; {hint}the categories are: {}",
                    catalogue.file,
                    names.join(", ")
                ));
                return Outcome::Failed;
            }
        },
    };
    let codes = |category: usize| {
        catalogue
            .codes
            .iter()
            .filter(move |code| code.category == category)
    };
    let width = shown
        .iter()
        .flat_map(|&category| codes(category))
        .map(|code| code.code.len())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    match args.format {
        Format::Text => {
            for (position, &category) in shown.iter().enumerate() {
                if position > 0 {
                    text.push('\n');
                }
                let _ = writeln!(text, "{}", category_line(&catalogue.categories[category]));
                for code in codes(category) {
                    let mut lines = code.first_case().description.lines();
                    let _ = writeln!(
                        text,
                        "  {:<width$} {:<8} {}",
                        code.code,
                        statuses(code, "/"),
                        lines.next().unwrap_or_default()
                    );
                    // A description's further lines stay in its column.
                    for line in lines {
                        let _ = writeln!(text, "  {:<width$} {:<8} {line}", "", "");
                    }
                }
            }
        }
        Format::Json => {
            let objects: Vec<serde_json::Value> = shown
                .iter()
                .flat_map(|&category| codes(category))
                .map(|code| code_json(&catalogue, code))
                .collect();
            text = serde_json::to_string_pretty(&objects).unwrap_or_default();
            text.push('\n');
        }
        Format::Markdown => {
            let messages = catalogue
                .codes
                .iter()
                .flat_map(|code| &code.cases)
                .any(|case| case.message.is_some());
            if messages {
                text.push_str("| Category | Status Code | Error Code | Error Message | Description | Measure |\n");
                text.push_str("| --- | --- | --- | --- | --- | --- |\n");
            } else {
                text.push_str("| Category | Status Code | Error Code | Description | Measure |\n");
                text.push_str("| --- | --- | --- | --- | --- |\n");
            }
            for &category in &shown {
                for code in codes(category) {
                    markdown_rows(&catalogue.categories[category], code, messages, &mut text);
                }
            }
        }
    }
    out.extend_from_slice(text.as_bytes());
    Outcome::Done
}

fn find_category(catalogue: &Catalogue, wanted: &str) -> Option<usize> {
    catalogue.categories.iter().position(|category| {
        category.name.eq_ignore_ascii_case(wanted) || category.title.eq_ignore_ascii_case(wanted)
    })
}

/// The code's table rows: one for its cases when they say the same (their statuses joined
/// with `/`, as the documentation writes them), else one per case. A measure of several lines
/// keeps them apart with `<br>`, and so does a text with line breaks of its own, which would
/// end the row.
fn markdown_rows(category: &Category, code: &Code, messages: bool, text: &mut String) {
    let cell = |value: &str| {
        value
            .replace('|', "\\|")
            .replace("\r\n", "<br>")
            .replace(['\n', '\r'], "<br>")
    };
    let first = code.first_case();
    let uniform = code.cases.iter().all(|case| {
        case.message == first.message
            && case.description == first.description
            && case.measure == first.measure
    });
    let rows: Vec<(String, &Case)> = if uniform {
        let statuses: Vec<String> = code.statuses().iter().map(u16::to_string).collect();
        vec![(statuses.join("/"), first)]
    } else {
        code.cases
            .iter()
            .map(|case| {
                (
                    case.status
                        .map(|status| status.to_string())
                        .unwrap_or_default(),
                    case,
                )
            })
            .collect()
    };
    for (status, case) in rows {
        let measure: Vec<String> = case
            .measure
            .iter()
            .flatten()
            .map(|line| cell(line))
            .collect();
        let message = if messages {
            format!(" {} |", cell(case.message.as_deref().unwrap_or_default()))
        } else {
            String::new()
        };
        let _ = writeln!(
            text,
            "| {} | {status} | {} |{message} {} | {} |",
            cell(&category.title),
            cell(&code.code),
            cell(&case.description),
            measure.join("<br>")
        );
    }
}
