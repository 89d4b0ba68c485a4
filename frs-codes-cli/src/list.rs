//! `frs-codes list`: the whole table, for people, programs or documentation.

use crate::describe::{category_line, code_json, statuses};
use crate::{complain, failed, CatalogueArg, Outcome};
use frs_codes_gen::{closest, Catalogue, Category, Code};
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
                    let _ = writeln!(
                        text,
                        "  {:<width$} {:<8} {}",
                        code.code,
                        statuses(code, "/"),
                        code.description
                    );
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
            text.push_str("| Category | Status Code | Error Code | Description | Measure |\n");
            text.push_str("| --- | --- | --- | --- | --- |\n");
            for &category in &shown {
                for code in codes(category) {
                    markdown_row(&catalogue.categories[category], code, &mut text);
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

/// One table row; a measure of several lines keeps them apart with `<br>`.
fn markdown_row(category: &Category, code: &Code, text: &mut String) {
    let cell = |value: &str| value.replace('|', "\\|");
    let measure: Vec<String> = code.measure.iter().map(|line| cell(line)).collect();
    let _ = writeln!(
        text,
        "| {} | {} | {} | {} | {} |",
        cell(&category.title),
        statuses(code, "/"),
        code.code,
        cell(&code.description),
        measure.join("<br>")
    );
}
