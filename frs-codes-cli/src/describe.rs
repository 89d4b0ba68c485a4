//! How codes and categories are written, as text and as JSON, by `explain` and `list`.

use anstyle::Style;
use frs_codes_gen::{Case, Catalogue, Category, Code};
use serde_json::{json, Value};
use std::fmt::Write as _;

const BOLD: Style = Style::new().bold();

/// `Service management errors (FRS 201–300)`, `IAM errors (IAM)`, `Other errors`.
pub fn category_line(category: &Category) -> String {
    let prefixes = category.prefixes.join("/");
    match (&category.range, prefixes.is_empty()) {
        (Some(range), _) => format!(
            "{} ({prefixes} {}–{})",
            category.title,
            range.start(),
            range.end()
        ),
        (None, false) => format!("{} ({prefixes})", category.title),
        (None, true) => category.title.clone(),
    }
}

/// `400`, `413, 504`, or `none documented`.
pub fn statuses(code: &Code, separator: &str) -> String {
    let statuses: Vec<String> = code.statuses().iter().map(u16::to_string).collect();
    if statuses.is_empty() {
        return "none documented".to_owned();
    }
    statuses.join(separator)
}

/// Whether every case of `code` has the same texts, so that it reads as one entry.
fn same_texts(code: &Code) -> bool {
    let first = code.first_case();
    code.cases.iter().all(|case| {
        case.message == first.message
            && case.description == first.description
            && case.measure == first.measure
    })
}

/// A code's block: the code and its variant, then its status, category, message, description
/// and measure, one labelled line each (more lines for a measure of several), or per case when
/// its cases say different things.
pub fn code_text(catalogue: &Catalogue, code: &Code, out: &mut String) {
    let _ = writeln!(out, "{BOLD}{}{BOLD:#} ({})", code.code, code.name);
    let category = &catalogue.categories[code.category];
    if same_texts(code) {
        let _ = writeln!(out, "  HTTP status: {}", statuses(code, ", "));
        let _ = writeln!(out, "  Category:    {}", category_line(category));
        case_text(code.first_case(), "  ", out);
    } else {
        let _ = writeln!(out, "  Category:    {}", category_line(category));
        for case in &code.cases {
            match case.status {
                Some(status) => {
                    let _ = writeln!(out, "  HTTP {status}:");
                }
                None => out.push_str("  No status:\n"),
            }
            case_text(case, "    ", out);
        }
    }
}

fn case_text(case: &Case, indent: &str, out: &mut String) {
    if let Some(message) = &case.message {
        field(out, indent, "Message:", message.lines());
    }
    field(out, indent, "Description:", case.description.lines());
    field(
        out,
        indent,
        "Measure:",
        case.measure.iter().flatten().flat_map(|line| line.lines()),
    );
}

/// A labelled field, every line of it under the first (a text's own line breaks included), so
/// that the labels stay a column of their own.
fn field<'a>(out: &mut String, indent: &str, label: &str, lines: impl Iterator<Item = &'a str>) {
    for (index, line) in lines.enumerate() {
        let label = if index == 0 { label } else { "" };
        let _ = writeln!(out, "{indent}{label:<12} {line}");
    }
}

pub fn category_json(category: &Category) -> Value {
    json!({
        "name": category.name,
        "title": category.title,
        "prefixes": category.prefixes,
        "range": category.range.as_ref().map(|range| [range.start(), range.end()]),
    })
}

pub fn code_json(catalogue: &Catalogue, code: &Code) -> Value {
    let first = code.first_case();
    let cases: Vec<Value> = code
        .cases
        .iter()
        .map(|case| {
            json!({
                "status": case.status,
                "message": case.message,
                "description": case.description,
                "measure": case.measure,
            })
        })
        .collect();
    json!({
        "code": code.code,
        "name": code.name,
        "statuses": code.statuses(),
        "category": category_json(&catalogue.categories[code.category]),
        "message": first.message,
        "description": first.description,
        "measure": first.measure,
        "cases": cases,
    })
}
