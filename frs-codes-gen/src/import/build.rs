//! From a page's tables to a catalogue: its codes with their cases, its categories and the
//! variant names that need writing down.

use super::columns::Columns;
use super::statuses::{is_empty_cell, statuses};
use super::table::Table;
use super::text::GroupRange;
use crate::model::{is_prefix, Shape};
use crate::validate::{derived_name, name_problem};
use serde_json::{json, Map, Value};

/// What a page says, before it is written as a catalogue.
#[derive(Clone, Debug, Default)]
pub(crate) struct Built {
    pub categories: Vec<CategoryDraft>,
    pub codes: Vec<CodeDraft>,
    /// What was left out or decided, with the line concerned.
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CategoryDraft {
    pub name: String,
    pub title: String,
    pub prefix: Option<String>,
    pub extra_prefixes: Vec<String>,
    pub range: Option<(u32, u32)>,
}

#[derive(Clone, Debug)]
pub(crate) struct CodeDraft {
    pub code: String,
    /// A variant name to write down: where the derived one is taken or not a name.
    pub name: Option<String>,
    pub category: usize,
    /// Whether the code must name its category (its prefix and number do not lead to it).
    pub explicit_category: bool,
    pub cases: Vec<CaseDraft>,
    /// The category cell of its first row, if any.
    title: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CaseDraft {
    pub statuses: Vec<u16>,
    pub message: Option<String>,
    pub description: String,
    pub measure: Vec<String>,
}

/// The codes and categories of the error-code tables among `tables`; `Err` is a row that cannot
/// be read: its line and why.
pub(crate) fn document(tables: &[Table], ranges: &[GroupRange]) -> Result<Built, (usize, String)> {
    let mut built = Built::default();
    for table in tables {
        let Some(columns) = Columns::of(&table.header) else {
            continue;
        };
        for &column in &columns.unread {
            built.notes.push(format!(
                "line {}: the column `{}` is not read",
                table.line, table.header[column]
            ));
        }
        read_rows(table, &columns, &mut built)?;
    }
    categorise(&mut built, ranges);
    name_variants(&mut built);
    Ok(built)
}

fn read_rows(table: &Table, columns: &Columns, built: &mut Built) -> Result<(), (usize, String)> {
    let mut category: Option<String> = None;
    for row in &table.rows {
        let cell = |column: usize| row.cells.get(column).map_or("", |cell| cell.trim());
        let text = |column: Option<usize>| {
            column
                .map(cell)
                .filter(|cell| !is_empty_cell(cell))
                .map(str::to_owned)
        };
        if let Some(value) = text(columns.category) {
            category = Some(value);
        }
        let code = cell(columns.code);
        let status = columns.status.map_or("", cell);
        let message = text(columns.message);
        let description = text(columns.description);
        let measure = text(columns.measure);
        let described = message.is_some() || description.is_some() || measure.is_some();
        if is_empty_cell(code) {
            if described || !is_empty_cell(status) {
                return Err((row.line, "a row without an error code".to_owned()));
            }
            continue;
        }
        let prose = code.ends_with(['.', '。', '!', '！'])
            && code.contains(|c: char| c.is_whitespace() || !c.is_ascii());
        if prose && !described && is_empty_cell(status) {
            built.notes.push(format!(
                "line {}: a note, not a code, left out: {code}",
                row.line
            ));
            continue;
        }
        if code.contains('\n') {
            return Err((
                row.line,
                format!("the error code cell holds several lines: {:?}", code),
            ));
        }
        let statuses = statuses(status).map_err(|part| {
            (
                row.line,
                format!(
                    "`{part}` in the status column of `{code}` is not an HTTP status (100–599)"
                ),
            )
        })?;
        let Some(description) = description.or_else(|| message.clone()) else {
            return Err((
                row.line,
                format!("the row of `{code}` has neither a description nor a message"),
            ));
        };
        let case = CaseDraft {
            statuses,
            message,
            description,
            measure: measure
                .map(|measure| measure.lines().map(str::to_owned).collect())
                .unwrap_or_default(),
        };
        match built.codes.iter_mut().find(|draft| draft.code == code) {
            Some(draft) => {
                if draft.title != category && category.is_some() {
                    built.notes.push(format!(
                        "line {}: `{code}` is listed again under `{}`; it stays in `{}`, where it is first listed",
                        row.line,
                        category.as_deref().unwrap_or_default(),
                        draft.title.as_deref().unwrap_or_default()
                    ));
                }
                draft.cases.push(case);
            }
            None => built.codes.push(CodeDraft {
                code: code.to_owned(),
                name: None,
                category: 0,
                explicit_category: false,
                cases: vec![case],
                title: category.clone(),
            }),
        }
    }
    Ok(())
}

/// Gives every code a category: the page's group rows with ranges, else its category column,
/// else one per prefix.
fn categorise(built: &mut Built, ranges: &[GroupRange]) {
    let mut titles: Vec<String> = Vec::new();
    for title in built.codes.iter().filter_map(|code| code.title.clone()) {
        if !titles.contains(&title) {
            titles.push(title);
        }
    }
    let shapes: Vec<(String, Option<u32>)> = built
        .codes
        .iter()
        .map(|code| {
            let Shape { prefix, number } = Shape::of(&code.code);
            (prefix.to_owned(), number)
        })
        .collect();
    for title in &titles {
        let members: Vec<usize> = (0..built.codes.len())
            .filter(|&index| built.codes[index].title.as_ref() == Some(title))
            .collect();
        let mut prefixes: Vec<(String, usize)> = Vec::new();
        for &member in &members {
            let prefix = &shapes[member].0;
            if !is_prefix(prefix) {
                continue;
            }
            match prefixes.iter_mut().find(|(seen, _)| seen == prefix) {
                Some((_, count)) => *count += 1,
                None => prefixes.push((prefix.clone(), 1)),
            }
        }
        prefixes.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        let range = ranges
            .iter()
            .find(|group| &group.title == title)
            .map(|group| group.range);
        let index = built.categories.len();
        let draft = match range {
            Some(range) => CategoryDraft {
                name: String::new(),
                title: title.clone(),
                prefix: prefixes.first().map(|(prefix, _)| prefix.clone()),
                extra_prefixes: prefixes
                    .iter()
                    .skip(1)
                    .map(|(prefix, _)| prefix.clone())
                    .collect(),
                range: Some(range),
            },
            None => {
                // A prefix none of the other categories' codes has is this category's whole.
                let own = match prefixes.as_slice() {
                    [(prefix, _)] => {
                        let elsewhere = (0..built.codes.len()).any(|other| {
                            built.codes[other].title.as_ref() != Some(title)
                                && &shapes[other].0 == prefix
                        });
                        (!elsewhere).then(|| prefix.clone())
                    }
                    _ => None,
                };
                CategoryDraft {
                    name: String::new(),
                    title: title.clone(),
                    prefix: own,
                    extra_prefixes: Vec::new(),
                    range: None,
                }
            }
        };
        for &member in &members {
            let (prefix, number) = &shapes[member];
            let holds = match (&draft.prefix, draft.range) {
                (None, _) => false,
                (Some(main), None) => main == prefix,
                (Some(main), Some((start, end))) => {
                    (main == prefix || draft.extra_prefixes.contains(prefix))
                        && number.is_some_and(|number| (start..=end).contains(&number))
                }
            };
            built.codes[member].category = index;
            built.codes[member].explicit_category = !holds;
        }
        built.categories.push(draft);
    }
    // Codes the page puts in no category: one category per prefix.
    for (index, (prefix, _)) in shapes.iter().enumerate() {
        if built.codes[index].title.is_some() {
            continue;
        }
        let whole = built.categories.iter().position(|category| {
            category.prefix.as_ref() == Some(prefix) && category.range.is_none()
        });
        let (category, explicit) = match whole {
            Some(category) => (category, false),
            None if is_prefix(prefix) => {
                built.categories.push(CategoryDraft {
                    name: String::new(),
                    title: if prefix.is_empty() {
                        "Codes without a prefix".to_owned()
                    } else {
                        format!("{prefix} errors")
                    },
                    prefix: Some(prefix.clone()),
                    extra_prefixes: Vec::new(),
                    range: None,
                });
                (built.categories.len() - 1, false)
            }
            None => {
                let other = built.categories.iter().position(|category| {
                    category.prefix.is_none() && category.title == "Other codes"
                });
                let other = other.unwrap_or_else(|| {
                    built.categories.push(CategoryDraft {
                        name: String::new(),
                        title: "Other codes".to_owned(),
                        prefix: None,
                        extra_prefixes: Vec::new(),
                        range: None,
                    });
                    built.categories.len() - 1
                });
                (other, true)
            }
        };
        built.codes[index].category = category;
        built.codes[index].explicit_category = explicit;
    }
    let mut taken: Vec<String> = Vec::new();
    for (position, category) in built.categories.iter_mut().enumerate() {
        let base = match &category.prefix {
            Some(prefix)
                if category.title.ends_with(" errors")
                    && category.title.starts_with(prefix.as_str()) =>
            {
                derived_name(prefix)
            }
            _ => derived_name(&category.title),
        };
        let base = if base.is_empty() || name_problem(&base).is_some() {
            format!("Category{}", position + 1)
        } else {
            base
        };
        category.name = unique(&base, &taken);
        taken.push(category.name.clone());
    }
}

/// Writes down a variant name where the derived one would not do: taken by an earlier code
/// (`Apig0201V2`), or not a name at all (`Code7`).
fn name_variants(built: &mut Built) {
    let mut taken: Vec<String> = Vec::new();
    for (position, code) in built.codes.iter_mut().enumerate() {
        let derived = derived_name(&code.code);
        let base = if name_problem(&derived).is_some() {
            format!("Code{}", position + 1)
        } else {
            derived.clone()
        };
        let name = unique(&base, &taken);
        if name != derived {
            code.name = Some(name.clone());
        }
        taken.push(name);
    }
}

/// `base`, or `base` with `V2`, `V3`, … when the names before have it.
fn unique(base: &str, taken: &[String]) -> String {
    if !taken.iter().any(|name| name == base) {
        return base.to_owned();
    }
    (2..)
        .map(|suffix| format!("{base}V{suffix}"))
        .find(|name| !taken.contains(name))
        .unwrap_or_default()
}

/// The catalogue as a JSON document of its own (no catalogue to merge into).
pub(crate) fn fresh(built: &Built) -> Value {
    let categories: Vec<Value> = built.categories.iter().map(category_value).collect();
    let codes: Vec<Value> = built
        .codes
        .iter()
        .map(|code| code_value(code, &built.categories[code.category].name))
        .collect();
    json!({ "categories": categories, "codes": codes })
}

pub(crate) fn category_value(category: &CategoryDraft) -> Value {
    let mut value = Map::new();
    value.insert("name".into(), json!(category.name));
    value.insert("title".into(), json!(category.title));
    if let Some(prefix) = &category.prefix {
        value.insert("prefix".into(), json!(prefix));
    }
    if !category.extra_prefixes.is_empty() {
        value.insert("extra_prefixes".into(), json!(category.extra_prefixes));
    }
    if let Some((start, end)) = category.range {
        value.insert("range".into(), json!([start, end]));
    }
    Value::Object(value)
}

fn code_value(code: &CodeDraft, category: &str) -> Value {
    let mut value = Map::new();
    value.insert("code".into(), json!(code.code));
    if let Some(name) = &code.name {
        value.insert("name".into(), json!(name));
    }
    if code.explicit_category {
        value.insert("category".into(), json!(category));
    }
    for (key, field) in case_fields(&code.cases) {
        value.insert(key.into(), field);
    }
    Value::Object(value)
}

/// The fields that hold a code's cases: the case's own fields for one case (statuses of several
/// one-status cases with the same texts are one list: `413/504` is written `[413, 504]`), else
/// `cases`.
pub(crate) fn case_fields(cases: &[CaseDraft]) -> Vec<(&'static str, Value)> {
    match cases {
        [case] => case_members(case),
        _ => {
            let cases: Vec<Value> = cases
                .iter()
                .map(|case| {
                    Value::Object(
                        case_members(case)
                            .into_iter()
                            .map(|(key, value)| (key.to_owned(), value))
                            .collect(),
                    )
                })
                .collect();
            vec![("cases", Value::Array(cases))]
        }
    }
}

fn case_members(case: &CaseDraft) -> Vec<(&'static str, Value)> {
    let mut members = Vec::new();
    match case.statuses.as_slice() {
        [] => {}
        [status] => members.push(("status", json!(status))),
        statuses => members.push(("status", json!(statuses))),
    }
    if let Some(message) = &case.message {
        members.push(("message", json!(message)));
    }
    members.push(("description", json!(case.description)));
    match case.measure.as_slice() {
        [] => {}
        [line] => members.push(("measure", json!(line))),
        lines => members.push(("measure", json!(lines))),
    }
    members
}
