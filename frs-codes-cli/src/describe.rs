//! How codes and categories are written, as text and as JSON, by `explain` and `list`.

use anstyle::Style;
use frs_codes_gen::{Catalogue, Category, Code};
use serde_json::{json, Value};
use std::fmt::Write as _;

const BOLD: Style = Style::new().bold();

/// `Service management errors (FRS 201–300)`.
pub fn category_line(category: &Category) -> String {
    format!(
        "{} ({} {}–{})",
        category.title,
        category.prefixes.join("/"),
        category.range.start(),
        category.range.end()
    )
}

/// `400` or `413, 504`.
pub fn statuses(code: &Code, separator: &str) -> String {
    let statuses: Vec<String> = code.statuses.iter().map(u16::to_string).collect();
    statuses.join(separator)
}

/// A code's block: the code and its variant, then its status, category, description and
/// measure, one labelled line each (more lines for a measure of several).
pub fn code_text(catalogue: &Catalogue, code: &Code, out: &mut String) {
    let _ = writeln!(out, "{BOLD}{}{BOLD:#} ({})", code.code, code.name);
    let _ = writeln!(out, "  HTTP status: {}", statuses(code, ", "));
    let category = &catalogue.categories[code.category];
    let _ = writeln!(out, "  Category:    {}", category_line(category));
    let _ = writeln!(out, "  Description: {}", code.description);
    for (index, line) in code.measure.iter().enumerate() {
        let label = if index == 0 { "Measure:" } else { "" };
        let _ = writeln!(out, "  {label:<12} {line}");
    }
}

pub fn category_json(category: &Category) -> Value {
    json!({
        "name": category.name,
        "title": category.title,
        "prefixes": category.prefixes,
        "range": [category.range.start(), category.range.end()],
    })
}

pub fn code_json(catalogue: &Catalogue, code: &Code) -> Value {
    json!({
        "code": code.code,
        "name": code.name,
        "statuses": code.statuses,
        "category": category_json(&catalogue.categories[code.category]),
        "description": code.description,
        "measure": code.measure,
    })
}
