//! From a page's tables to a catalogue: its codes with their cases, its categories and the
//! variant names that need writing down. This is the one place that turns rows into codes; a
//! row it cannot read whole costs only that row, and every such row is a warning.

use super::columns::Columns;
use super::groups::split_range;
use super::notes::Note;
use super::statuses::{is_empty_cell, is_status_cell, statuses};
use super::table::{Row, Table};
use crate::model::{is_prefix, Shape};
use crate::validate::{derived_name, name_problem, spelling_problem};
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};

/// What a page says, before it is written as a catalogue.
#[derive(Clone, Debug, Default)]
pub(crate) struct Built {
    pub categories: Vec<CategoryDraft>,
    pub codes: Vec<CodeDraft>,
    /// What was mended, left out or decided, with the line concerned.
    pub notes: Vec<Note>,
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
    /// The group its first row is in (a category cell, a group row or a section title), if any.
    title: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CaseDraft {
    pub statuses: Vec<u16>,
    pub message: Option<String>,
    pub description: String,
    pub measure: Vec<String>,
}

/// The rows read so far, with what finds a code by its text and a group's range by its title.
#[derive(Default)]
struct Reading {
    built: Built,
    by_code: HashMap<String, usize>,
    ranges: HashMap<String, (u32, u32)>,
}

/// The codes and categories of the error-code tables among `tables`; `groups[i]`, where given,
/// is the title of the section table `i` stands in (a heading that states a range), which its
/// rows are in unless the table says otherwise.
pub(crate) fn document(tables: &[Table], groups: &[Option<String>]) -> Built {
    let mut reading = Reading::default();
    for (index, table) in tables.iter().enumerate() {
        let Some(columns) = Columns::of(&table.header) else {
            continue;
        };
        for &column in &columns.unread {
            reading.built.notes.push(Note::info(
                Some(table.line),
                format!(
                    "the column `{}` is not read: the catalogue has no field for it",
                    table.header[column]
                ),
            ));
        }
        let group = groups.get(index).and_then(Option::as_deref);
        reading.rows(table, &columns, group);
    }
    let Reading {
        mut built, ranges, ..
    } = reading;
    categorise(&mut built, &ranges);
    name_variants(&mut built);
    built
}

impl Reading {
    fn warn(&mut self, line: usize, message: String) {
        self.built.notes.push(Note::warning(line, message));
    }

    /// A group title as a category title: its range, if it states one, is kept by title.
    fn group_title(&mut self, text: &str, line: usize) -> String {
        let (title, range) = split_range(text);
        if let Some(range) = range {
            let known = *self.ranges.entry(title.clone()).or_insert(range);
            if known != range {
                self.warn(
                    line,
                    format!(
                        "the group `{title}` states the range {}–{}, but {}–{} earlier: the first is kept",
                        range.0, range.1, known.0, known.1
                    ),
                );
            }
        }
        title
    }

    fn rows(&mut self, table: &Table, columns: &Columns, group: Option<&str>) {
        let mut category: Option<String> = group.map(|group| self.group_title(group, table.line));
        let mut last_code: Option<usize> = None;
        for row in &table.rows {
            let cell = |column: usize| row.cells.get(column).map_or("", |cell| cell.trim());
            let text = |column: Option<usize>| {
                column
                    .map(cell)
                    .filter(|cell| !is_empty_cell(cell))
                    .map(str::to_owned)
            };
            if let Some(value) = text(columns.category) {
                category = Some(self.group_title(&value, row.line));
            }
            let filled: Vec<usize> = (0..row.cells.len())
                .filter(|&column| Some(column) != columns.category && !is_empty_cell(cell(column)))
                .collect();
            let code = cell(columns.code);
            let status = columns.status.map_or("", cell);
            match filled.as_slice() {
                [] => continue,
                // A lone cell at the row's start or in the code column is a group title (a
                // bold section row, a cell spanning the table) or a note.
                [only]
                    if (*only == 0 || *only == columns.code)
                        && (columns.status != Some(*only) || !is_status_cell(status)) =>
                {
                    let lone = cell(*only);
                    if is_prose(lone) {
                        self.built.notes.push(Note::info(
                            Some(row.line),
                            format!("a note, not a code, left out: {lone}"),
                        ));
                    } else {
                        let title = self.group_title(lone, row.line);
                        self.built.notes.push(Note::info(
                            Some(row.line),
                            format!(
                                "`{}` stands alone in its row: read as a group title, the category of the codes below it",
                                lone.replace('\n', " ")
                            ),
                        ));
                        category = Some(title);
                    }
                    continue;
                }
                _ => {}
            }
            let message = text(columns.message);
            let description = text(columns.description);
            let measure = text(columns.measure);
            let code = if is_empty_cell(code) {
                let Some(above) = last_code else {
                    self.warn(
                        row.line,
                        format!(
                            "a row without an error code, and no code above it in its table: left out: {}",
                            row_text(row)
                        ),
                    );
                    continue;
                };
                let above = self.built.codes[above].code.clone();
                self.warn(
                    row.line,
                    format!("a row without an error code: read as another case of `{above}`, the code above it"),
                );
                above
            } else {
                match self.mended_code(code, row) {
                    Some(code) => code,
                    None => continue,
                }
            };
            let (statuses, not_statuses) = statuses(status);
            if !not_statuses.is_empty() {
                self.warn(
                    row.line,
                    format!(
                        "`{}` in the status column of `{code}` is not an HTTP status (100–599): the case is kept without it",
                        not_statuses.join("`, `")
                    ),
                );
            }
            let description = match (description, &message, &measure) {
                (Some(description), _, _) => description,
                (None, Some(message), _) => message.clone(),
                (None, None, Some(measure)) => {
                    self.warn(
                        row.line,
                        format!("the row of `{code}` has neither a description nor a message: its measure is its description too"),
                    );
                    measure.clone()
                }
                (None, None, None) => {
                    self.warn(
                        row.line,
                        format!(
                            "the row of `{code}` has no description, message or measure: left out: {}",
                            row_text(row)
                        ),
                    );
                    continue;
                }
            };
            let case = CaseDraft {
                statuses,
                message,
                description,
                measure: measure
                    .map(|measure| measure.lines().map(str::to_owned).collect())
                    .unwrap_or_default(),
            };
            last_code = Some(self.add(code, case, category.as_ref(), row.line));
        }
    }

    /// The code a code cell holds: whitespace is never part of one (`DCS. 4855`, a name wrapped
    /// across two lines of its cell), so it is removed, with a warning; a cell that still is no
    /// code is left out, with a warning.
    fn mended_code(&mut self, cell: &str, row: &Row) -> Option<String> {
        if is_words(cell) {
            self.warn(
                row.line,
                format!(
                    "`{}` in the code column is words, not a code: the row is left out: {}",
                    cell.replace('\n', " "),
                    row_text(row)
                ),
            );
            return None;
        }
        let code: String = cell.split_whitespace().collect();
        if code != cell {
            self.warn(
                row.line,
                format!(
                    "whitespace is never part of a code: `{}` is read as `{code}`",
                    cell.escape_debug()
                ),
            );
        }
        match spelling_problem(&code) {
            None => Some(code),
            Some(problem) => {
                self.warn(
                    row.line,
                    format!(
                        "`{}` in the code column {problem}, so it is no code: the row is left out: {}",
                        code.escape_debug(),
                        row_text(row)
                    ),
                );
                None
            }
        }
    }

    /// Adds `case` to `code` (a new code, or another case of one already read); its index.
    fn add(&mut self, code: String, case: CaseDraft, title: Option<&String>, line: usize) -> usize {
        if let Some(&index) = self.by_code.get(&code) {
            let draft = &self.built.codes[index];
            if title.is_some() && draft.title.as_ref() != title {
                let note = format!(
                    "`{code}` is listed again under `{}`; it stays in `{}`, where it is first listed",
                    title.map_or("", String::as_str),
                    draft.title.as_deref().unwrap_or_default()
                );
                self.built.notes.push(Note::info(Some(line), note));
            }
            self.built.codes[index].cases.push(case);
            return index;
        }
        let index = self.built.codes.len();
        self.by_code.insert(code.clone(), index);
        self.built.codes.push(CodeDraft {
            code,
            name: None,
            category: 0,
            explicit_category: false,
            cases: vec![case],
            title: title.cloned(),
        });
        index
    }
}

/// Whether a cell is a sentence rather than a code or a title: OCR's "If other error codes
/// cannot be rectified, …" row.
fn is_prose(cell: &str) -> bool {
    cell.ends_with(['.', '。', '!', '！'])
        && cell.contains(|c: char| c.is_whitespace() || !c.is_ascii())
}

/// Whether a code cell holds words rather than a code broken by whitespace: a lower-case word
/// after another (`Other error codes`), where a wrapped code's pieces join as one name
/// (`IncorrectNumberOfFilesInPost` `Request`) or at its dot (`DCS.` `4855`).
fn is_words(cell: &str) -> bool {
    let pieces: Vec<&str> = cell.split_whitespace().collect();
    pieces.windows(2).any(|pair| {
        pair[0].ends_with(|c: char| c.is_lowercase())
            && pair[1].starts_with(|c: char| c.is_lowercase())
    })
}

/// A row's cells as one line, to show in a warning what was left out.
fn row_text(row: &Row) -> String {
    row.cells
        .iter()
        .map(|cell| cell.replace('\n', " "))
        .filter(|cell| !cell.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Gives every code a category: its group (a category cell, a group row or a section title,
/// with the range the page states for it), else one per prefix.
fn categorise(built: &mut Built, ranges: &HashMap<String, (u32, u32)>) {
    let shapes: Vec<(String, Option<u32>)> = built
        .codes
        .iter()
        .map(|code| {
            let Shape { prefix, number } = Shape::of(&code.code);
            (prefix.to_owned(), number)
        })
        .collect();
    let mut titles: Vec<String> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut title_index: HashMap<String, usize> = HashMap::new();
    let mut per_prefix: HashMap<&str, usize> = HashMap::new();
    for (index, code) in built.codes.iter().enumerate() {
        *per_prefix.entry(shapes[index].0.as_str()).or_default() += 1;
        if let Some(title) = &code.title {
            let at = *title_index.entry(title.clone()).or_insert_with(|| {
                titles.push(title.clone());
                members.push(Vec::new());
                titles.len() - 1
            });
            members[at].push(index);
        }
    }
    for (title, members) in titles.iter().zip(&members) {
        let mut prefixes: Vec<(String, usize)> = Vec::new();
        for &member in members {
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
        let index = built.categories.len();
        let draft = match ranges.get(title) {
            Some(&range) => CategoryDraft {
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
                // A prefix none of the other groups' codes has is this category's whole.
                let own = match prefixes.as_slice() {
                    [(prefix, count)] if per_prefix.get(prefix.as_str()) == Some(count) => {
                        Some(prefix.clone())
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
        for &member in members {
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
    // Codes the page puts in no group: one category per prefix.
    let mut whole: HashMap<String, usize> = built
        .categories
        .iter()
        .enumerate()
        .filter(|(_, category)| category.range.is_none())
        .filter_map(|(index, category)| Some((category.prefix.clone()?, index)))
        .collect();
    let mut other: Option<usize> = None;
    for (index, (prefix, _)) in shapes.iter().enumerate() {
        if built.codes[index].title.is_some() {
            continue;
        }
        let (category, explicit) = match whole.get(prefix) {
            Some(&category) => (category, false),
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
                whole.insert(prefix.clone(), built.categories.len() - 1);
                (built.categories.len() - 1, false)
            }
            None => {
                let other = *other.get_or_insert_with(|| {
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
    let mut taken: HashSet<String> = HashSet::new();
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
        taken.insert(category.name.clone());
    }
}

/// Writes down a variant name where the derived one would not do: taken by an earlier code
/// (`Apig0201V2`), or not a name at all (`Code7`).
fn name_variants(built: &mut Built) {
    let mut taken: HashSet<String> = HashSet::new();
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
        taken.insert(name);
    }
}

/// `base`, or `base` with `V2`, `V3`, … when the names before have it.
fn unique(base: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(base) {
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
