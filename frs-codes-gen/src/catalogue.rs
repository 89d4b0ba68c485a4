//! The catalogue file as written and its loading: reading the file, parsing the JSON into a
//! tree that keeps where every key and value sits, and reading the fields from it. A field that
//! is unknown, given twice or of the wrong type is a problem like any other: it is collected with
//! the rules' problems, and the entry it is in is left out of the rules' checks.

use crate::json::{self, Kind, Member, Value};
use crate::problem::{Error, Location, Problem};
use crate::suggest::closest;
use std::path::Path;

/// A catalogue file as written.
pub(crate) struct Document {
    /// The categories that could be read.
    pub categories: Vec<CategoryEntry>,
    /// The codes that could be read.
    pub codes: Vec<CodeEntry>,
    /// How many entries `codes` has as written; `None` when it is missing or not a list.
    pub written_codes: Option<usize>,
    /// Whether a category was left out: codes cannot then be told to fall in none.
    pub unread_categories: bool,
    /// How a response with a given HTTP status is retried, whatever its code.
    pub retry: Option<StatusClasses>,
}

pub(crate) struct CategoryEntry {
    /// Its position in `categories` as written, which paths into the file name.
    pub index: usize,
    pub name: String,
    pub title: String,
    /// The prefix of its codes; `""` for codes without one. Without a prefix, a category holds
    /// only the codes that name it.
    pub prefix: Option<String>,
    pub extra_prefixes: Vec<String>,
    /// The numbers it holds of its prefixes; without a range, every code of its prefixes.
    pub range: Option<[u32; 2]>,
}

/// A code: one case written inline (`status`, `message`, `description`, `measure`), or several
/// in `cases`.
pub(crate) struct CodeEntry {
    /// Its position in `codes` as written, which paths into the file name.
    pub index: usize,
    pub code: String,
    pub name: Option<String>,
    /// The category, by name; without it, the one whose prefix and range hold the code.
    pub category: Option<String>,
    pub status: Option<Statuses>,
    pub message: Option<String>,
    pub description: Option<String>,
    pub measure: Option<Lines>,
    pub cases: Option<Vec<CaseEntry>>,
    /// How a response with this code is retried, overriding the catalogue's `retry` by status.
    pub retry: Option<CodeRetry>,
}

/// One row of the documentation for a code.
pub(crate) struct CaseEntry {
    pub status: Option<Statuses>,
    pub message: Option<String>,
    pub description: Option<String>,
    pub measure: Option<Lines>,
}

/// A JSON object of HTTP status → retry class, kept as written (keys unparsed, duplicates and
/// order preserved) so that validation can point at the offending entry.
pub(crate) struct StatusClasses(pub Vec<(String, String)>);

/// A code's `retry`: one class for every status it comes with, or classes by status.
pub(crate) enum CodeRetry {
    Always(String),
    ByStatus(StatusClasses),
}

/// `status`: one number or a list of numbers. Kept as `u64` so that out-of-range values reach
/// validation, which explains the rule.
#[derive(Clone)]
pub(crate) struct Statuses(pub Vec<u64>);

/// `measure`: one string or a list of lines.
#[derive(Clone)]
pub(crate) struct Lines(pub Vec<String>);

/// A parsed catalogue file: the document, its text, and where its values are.
pub(crate) struct Loaded {
    pub document: Document,
    pub text: String,
    /// The file as the caller named it; what every message starts with.
    pub file: String,
    /// Fields unknown, repeated, missing or of the wrong type: reported before the rules'
    /// problems, in the same report.
    pub problems: Vec<Problem>,
    tree: Value,
}

impl Loaded {
    /// Where the value at `path` (e.g. `codes[3].name`, `retry.503`) is, falling back to the
    /// nearest entry that holds it, then to the whole file.
    pub fn location(&self, path: &str) -> Location {
        Location::spanning(&self.text, locate(&self.tree, path).span.clone())
    }
}

/// The value at `path` below `value`, or the deepest one on the way that exists.
fn locate<'v>(mut value: &'v Value, mut path: &str) -> &'v Value {
    loop {
        path = path.strip_prefix('.').unwrap_or(path);
        if path.is_empty() {
            return value;
        }
        if let Some(rest) = path.strip_prefix('[') {
            let element = match (&value.kind, rest.split_once(']')) {
                (Kind::Array(elements), Some((index, rest))) => index
                    .parse::<usize>()
                    .ok()
                    .and_then(|index| elements.get(index))
                    .map(|element| (element, rest)),
                _ => None,
            };
            let Some((element, rest)) = element else {
                return value;
            };
            value = element;
            path = rest;
        } else {
            let Kind::Object(members) = &value.kind else {
                return value;
            };
            // Keys may hold dots: the longest key the path goes on with. Of a key given twice,
            // the last, which is the one reported as repeated.
            let Some(member) = members
                .iter()
                .filter(|member| {
                    path.starts_with(member.key.as_str())
                        && matches!(
                            path.as_bytes().get(member.key.len()),
                            None | Some(b'.' | b'[')
                        )
                })
                .max_by_key(|member| member.key.len())
            else {
                return value;
            };
            value = &member.value;
            path = &path[member.key.len()..];
        }
    }
}

/// Reads the catalogue at `resolved`. `file` is how the caller named it (messages start with
/// it) and `hint` ends the message when the file cannot be read (where the path is relative to).
pub(crate) fn load(resolved: &Path, file: &str, hint: &str) -> Result<Loaded, Error> {
    let text = std::fs::read_to_string(resolved).map_err(|error| {
        // Where the path was resolved against something, say what it became.
        let resolved = match resolved.display().to_string() {
            same if same == file => String::new(),
            other => format!(" (resolved to `{other}`)"),
        };
        Error::one(Problem::new(
            file,
            None,
            format!("cannot read the error-code catalogue `{file}`{resolved}: {error}{hint}"),
        ))
    })?;
    parse(text, file)
}

/// Parses the catalogue `text`, read from `file` (as the caller named it). Only text that is
/// not JSON is an error here; every problem of its fields is in [`Loaded::problems`].
pub(crate) fn parse(text: String, file: &str) -> Result<Loaded, Error> {
    let tree = match json::parse(&text) {
        Ok(tree) => tree,
        Err(error) => {
            let location = if error.at_end {
                Location::after_the_content(&text)
            } else {
                Location::spanning(&text, error.offset..error.offset)
            };
            let problem = Problem::new(
                file,
                Some(location),
                format!("the catalogue is not valid JSON: {}", error.message),
            );
            return Err(Error::new(vec![problem], Some(text)));
        }
    };
    let mut reader = Reader {
        text: &text,
        file,
        problems: Vec::new(),
    };
    let document = reader.document(&tree);
    let problems = reader.problems;
    Ok(Loaded {
        document,
        problems,
        file: file.to_owned(),
        text,
        tree,
    })
}

const DOCUMENT_FIELDS: [&str; 4] = ["$schema", "categories", "codes", "retry"];
const CATEGORY_FIELDS: [&str; 5] = ["name", "title", "prefix", "extra_prefixes", "range"];
const CODE_FIELDS: [&str; 9] = [
    "code",
    "name",
    "category",
    "status",
    "message",
    "description",
    "measure",
    "cases",
    "retry",
];
const CASE_FIELDS: [&str; 4] = ["status", "message", "description", "measure"];

/// What each kind of field takes, worded to follow "takes".
const A_STRING: &str = "a string";
const STATUSES: &str = "an HTTP status number such as 400, or a list such as [413, 504]";
const LINES: &str = "a string, or a list of strings (one per line)";
const RANGE: &str = "[first, last], two whole numbers such as [1, 99]";
const STATUS_CLASSES: &str =
    "an object of HTTP status to retry class, such as {\"503\": \"transient\"}";
const CODE_RETRY: &str = "a retry class such as \"throttling\", or an object of HTTP status to \
     retry class such as {\"504\": \"transient\"}";

/// Reads the document's fields out of the tree, collecting every problem of their names and
/// types.
struct Reader<'a> {
    text: &'a str,
    file: &'a str,
    problems: Vec<Problem>,
}

/// The members of an object whose keys were checked, each field once.
struct Fields<'v> {
    members: Vec<&'v Member>,
}

impl<'v> Fields<'v> {
    fn get(&self, field: &str) -> Option<&'v Value> {
        self.members
            .iter()
            .find(|member| member.key == field)
            .map(|member| &member.value)
    }
}

impl Reader<'_> {
    fn report(&mut self, span: std::ops::Range<usize>, message: String) {
        let location = Location::spanning(self.text, span);
        self.problems
            .push(Problem::new(self.file, Some(location), message));
    }

    fn wrong_type(&mut self, what: &str, field: &str, expected: &str, found: &Value) {
        self.report(
            found.span.clone(),
            format!(
                "{what}: `{field}` takes {expected}, not {}",
                found.described()
            ),
        );
    }

    /// The fields of `value`, which must be an object of `known` keys, each once, `required`
    /// among them; with whether it is (each way it is not reported), or `None` when it is not an
    /// object at all.
    fn object<'v>(
        &mut self,
        value: &'v Value,
        what: &str,
        known: &[&str],
        required: &[&str],
    ) -> Option<(Fields<'v>, bool)> {
        let Kind::Object(members) = &value.kind else {
            self.report(
                value.span.clone(),
                format!(
                    "{what} is {}, where an object `{{...}}` belongs",
                    value.described()
                ),
            );
            return None;
        };
        let mut complete = true;
        let mut fields: Vec<&Member> = Vec::new();
        for member in members {
            if !known.contains(&member.key.as_str()) {
                let suggestion = closest(&member.key, known)
                    .map(|best| format!("did you mean `{best}`? "))
                    .unwrap_or_default();
                self.report(
                    member.key_span.clone(),
                    format!(
                        "{what} has the unknown field `{}`; {suggestion}the fields here are: {}",
                        member.key,
                        known.join(", ")
                    ),
                );
                complete = false;
            } else if let Some(first) = fields.iter().find(|first| first.key == member.key) {
                let first = Location::spanning(self.text, first.key_span.clone());
                self.report(
                    member.key_span.clone(),
                    format!(
                        "{what} gives `{}` twice (first at {}:{}:{}); keep one",
                        member.key, self.file, first.line, first.column
                    ),
                );
                complete = false;
            } else {
                fields.push(member);
            }
        }
        for field in required {
            if !fields.iter().any(|member| member.key == *field) {
                self.report(
                    value.span.start..value.span.start + 1,
                    format!(
                        "{what} has no `{field}`; add it (the fields it needs: {})",
                        required.join(", ")
                    ),
                );
                complete = false;
            }
        }
        Some((Fields { members: fields }, complete))
    }

    fn document(&mut self, tree: &Value) -> Document {
        let mut document = Document {
            categories: Vec::new(),
            codes: Vec::new(),
            written_codes: None,
            unread_categories: false,
            retry: None,
        };
        let what = "the catalogue";
        let Some((fields, _)) = self.object(tree, what, &DOCUMENT_FIELDS, &["categories", "codes"])
        else {
            return document;
        };
        if let Some(schema) = fields.get("$schema") {
            self.string(schema, what, "$schema");
        }
        if let Some(categories) = fields.get("categories") {
            match &categories.kind {
                Kind::Array(entries) => {
                    for (index, entry) in entries.iter().enumerate() {
                        match self.category(index, entry) {
                            Some(category) => document.categories.push(category),
                            None => document.unread_categories = true,
                        }
                    }
                }
                _ => {
                    self.wrong_type(what, "categories", "a list of categories", categories);
                    document.unread_categories = true;
                }
            }
        }
        if let Some(codes) = fields.get("codes") {
            match &codes.kind {
                Kind::Array(entries) => {
                    document.written_codes = Some(entries.len());
                    for (index, entry) in entries.iter().enumerate() {
                        document.codes.extend(self.code(index, entry));
                    }
                }
                _ => self.wrong_type(what, "codes", "a list of codes", codes),
            }
        }
        if let Some(retry) = fields.get("retry") {
            document.retry = self.status_classes(retry, what, "retry");
        }
        document
    }

    fn category(&mut self, index: usize, entry: &Value) -> Option<CategoryEntry> {
        let what = match named(entry, "name") {
            Some(name) => format!("category `{name}`"),
            None => format!("entry {} of `categories`", index + 1),
        };
        let (fields, mut complete) =
            self.object(entry, &what, &CATEGORY_FIELDS, &["name", "title"])?;
        let mut text = |field: &str| {
            let value = fields.get(field)?;
            let text = self.string(value, &what, field);
            complete &= text.is_some();
            text
        };
        let name = text("name");
        let title = text("title");
        let prefix = text("prefix");
        let extra_prefixes = match fields.get("extra_prefixes") {
            Some(value) => {
                let read = self.strings(value, &what, "extra_prefixes", "a list of prefixes");
                complete &= read.is_some();
                read.unwrap_or_default()
            }
            None => Vec::new(),
        };
        let range = fields.get("range").and_then(|value| {
            let range = self.range(value, &what);
            complete &= range.is_some();
            range
        });
        Some(CategoryEntry {
            index,
            name: name?,
            title: title?,
            prefix,
            extra_prefixes,
            range,
        })
        .filter(|_| complete)
    }

    fn code(&mut self, index: usize, entry: &Value) -> Option<CodeEntry> {
        let what = match named(entry, "code") {
            Some(code) => format!("code `{code}`"),
            None => format!("entry {} of `codes`", index + 1),
        };
        let (fields, mut complete) = self.object(entry, &what, &CODE_FIELDS, &["code"])?;
        let mut text = |field: &str| {
            let value = fields.get(field)?;
            let text = self.string(value, &what, field);
            complete &= text.is_some();
            text
        };
        let code = text("code");
        let name = text("name");
        let category = text("category");
        let message = text("message");
        let description = text("description");
        let (status, measure) = self.case_fields(&fields, &what, &mut complete);
        let cases = match fields.get("cases") {
            Some(Value {
                kind: Kind::Array(cases),
                ..
            }) => {
                let mut read = Vec::new();
                for (case, value) in cases.iter().enumerate() {
                    match self.case(value, &format!("{what} (case {})", case + 1)) {
                        Some(case) => read.push(case),
                        None => complete = false,
                    }
                }
                Some(read)
            }
            Some(value) => {
                self.wrong_type(&what, "cases", "a list of cases", value);
                complete = false;
                None
            }
            None => None,
        };
        let retry = match fields.get("retry") {
            Some(value) => match &value.kind {
                Kind::String(class) => Some(CodeRetry::Always(class.clone())),
                Kind::Object(_) => {
                    let classes = self.status_classes(value, &what, "retry");
                    complete &= classes.is_some();
                    classes.map(CodeRetry::ByStatus)
                }
                _ => {
                    self.wrong_type(&what, "retry", CODE_RETRY, value);
                    complete = false;
                    None
                }
            },
            None => None,
        };
        Some(CodeEntry {
            index,
            code: code?,
            name,
            category,
            status,
            message,
            description,
            measure,
            cases,
            retry,
        })
        .filter(|_| complete)
    }

    fn case(&mut self, value: &Value, what: &str) -> Option<CaseEntry> {
        let (fields, mut complete) = self.object(value, what, &CASE_FIELDS, &[])?;
        let mut text = |field: &str| {
            let value = fields.get(field)?;
            let text = self.string(value, what, field);
            complete &= text.is_some();
            text
        };
        let message = text("message");
        let description = text("description");
        let (status, measure) = self.case_fields(&fields, what, &mut complete);
        Some(CaseEntry {
            status,
            message,
            description,
            measure,
        })
        .filter(|_| complete)
    }

    /// `status` and `measure`, as a code or a case writes them.
    fn case_fields(
        &mut self,
        fields: &Fields,
        what: &str,
        complete: &mut bool,
    ) -> (Option<Statuses>, Option<Lines>) {
        let status = fields.get("status").and_then(|value| {
            let statuses = self.statuses(value, what);
            *complete &= statuses.is_some();
            statuses
        });
        let measure = fields.get("measure").and_then(|value| {
            let lines = match &value.kind {
                Kind::String(line) => Some(vec![line.clone()]),
                _ => self.strings(value, what, "measure", LINES),
            };
            *complete &= lines.is_some();
            lines.map(Lines)
        });
        (status, measure)
    }

    fn string(&mut self, value: &Value, what: &str, field: &str) -> Option<String> {
        match &value.kind {
            Kind::String(text) => Some(text.clone()),
            _ => {
                self.wrong_type(what, field, A_STRING, value);
                None
            }
        }
    }

    /// A list of strings; each element that is not one is reported at the element.
    fn strings(
        &mut self,
        value: &Value,
        what: &str,
        field: &str,
        expected: &str,
    ) -> Option<Vec<String>> {
        let Kind::Array(elements) = &value.kind else {
            self.wrong_type(what, field, expected, value);
            return None;
        };
        let mut strings = Vec::new();
        let mut all = true;
        for element in elements {
            match &element.kind {
                Kind::String(text) => strings.push(text.clone()),
                _ => {
                    self.wrong_type(what, field, expected, element);
                    all = false;
                }
            }
        }
        all.then_some(strings)
    }

    fn statuses(&mut self, value: &Value, what: &str) -> Option<Statuses> {
        let one = |value: &Value| match &value.kind {
            Kind::Number(number) => number.parse::<u64>().ok(),
            _ => None,
        };
        if let Some(status) = one(value) {
            return Some(Statuses(vec![status]));
        }
        let Kind::Array(elements) = &value.kind else {
            self.wrong_type(what, "status", STATUSES, value);
            return None;
        };
        let mut statuses = Vec::new();
        let mut all = true;
        for element in elements {
            match one(element) {
                Some(status) => statuses.push(status),
                None => {
                    self.wrong_type(what, "status", STATUSES, element);
                    all = false;
                }
            }
        }
        all.then_some(Statuses(statuses))
    }

    fn range(&mut self, value: &Value, what: &str) -> Option<[u32; 2]> {
        let bound = |value: &Value| match &value.kind {
            Kind::Number(number) => number.parse::<u32>().ok(),
            _ => None,
        };
        if let Kind::Array(elements) = &value.kind {
            if let [start, end] = elements.as_slice() {
                if let (Some(start), Some(end)) = (bound(start), bound(end)) {
                    return Some([start, end]);
                }
            }
        }
        self.wrong_type(what, "range", RANGE, value);
        None
    }

    fn status_classes(&mut self, value: &Value, what: &str, field: &str) -> Option<StatusClasses> {
        let Kind::Object(members) = &value.kind else {
            self.wrong_type(what, field, STATUS_CLASSES, value);
            return None;
        };
        let mut classes = Vec::new();
        let mut all = true;
        for member in members {
            match &member.value.kind {
                Kind::String(class) => classes.push((member.key.clone(), class.clone())),
                _ => {
                    self.wrong_type(what, field, STATUS_CLASSES, &member.value);
                    all = false;
                }
            }
        }
        all.then_some(StatusClasses(classes))
    }
}

/// The string `field` of `entry`, if it is an object that has one: how messages name it.
fn named<'v>(entry: &'v Value, field: &str) -> Option<&'v str> {
    let Kind::Object(members) = &entry.kind else {
        return None;
    };
    members.iter().find_map(|member| match &member.value.kind {
        Kind::String(text) if member.key == field => Some(text.as_str()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize, span: std::ops::Range<usize>) -> Location {
        Location { line, column, span }
    }

    #[test]
    fn locates_entries_and_fields() {
        let text = "{\n  \"codes\": [\n    {\"code\": \"A.1\"},\n    {\"code\": \"Ä.2\"}\n  ],\n  \"retry\": {\"5.3\": \"no\"}\n}";
        let loaded = parse(text.to_owned(), "codes.json").unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(loaded.location("codes[1]"), at(4, 5, 40..56));
        assert_eq!(&text[40..56], "{\"code\": \"Ä.2\"}");
        assert_eq!(loaded.location("codes[1].code"), at(4, 14, 49..55));
        assert_eq!(loaded.location("codes[1].name"), at(4, 5, 40..56));
        assert_eq!(loaded.location("retry.5.3").column, 20);
        assert_eq!(loaded.location("categories[0]"), at(1, 1, 0..text.len()));
    }

    fn problems(text: &str) -> Vec<String> {
        let loaded = parse(text.to_owned(), "codes.json").unwrap_or_else(|error| panic!("{error}"));
        loaded.problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn fields_unknown_repeated_missing_or_mistyped_are_all_reported_at_their_key_or_value() {
        let text = r#"{
  "categories": [{ "name": "Common", "titel": "Common errors", "range": "1-99" }],
  "codes": [
    { "code": "FRS.0001", "mesure": "m", "status": "404", "description": 7 },
    { "code": "FRS.0002", "code": "FRS.0003", "status": [400, "x"], "measure": [1] },
    { "name": "NoCode", "cases": [{ "status": 400, "descripton": "d" }] },
    3
  ],
  "retry": []
}"#;
        assert_eq!(
            problems(text),
            [
                "codes.json:2:38: category `Common` has the unknown field `titel`; did you mean `title`? the fields here are: name, title, prefix, extra_prefixes, range",
                "codes.json:2:18: category `Common` has no `title`; add it (the fields it needs: name, title)",
                "codes.json:2:73: category `Common`: `range` takes [first, last], two whole numbers such as [1, 99], not the string \"1-99\"",
                "codes.json:4:27: code `FRS.0001` has the unknown field `mesure`; did you mean `measure`? the fields here are: code, name, category, status, message, description, measure, cases, retry",
                "codes.json:4:74: code `FRS.0001`: `description` takes a string, not the number 7",
                "codes.json:4:52: code `FRS.0001`: `status` takes an HTTP status number such as 400, or a list such as [413, 504], not the string \"404\"",
                "codes.json:5:27: code `FRS.0002` gives `code` twice (first at codes.json:5:7); keep one",
                "codes.json:5:63: code `FRS.0002`: `status` takes an HTTP status number such as 400, or a list such as [413, 504], not the string \"x\"",
                "codes.json:5:81: code `FRS.0002`: `measure` takes a string, or a list of strings (one per line), not the number 1",
                "codes.json:6:5: entry 3 of `codes` has no `code`; add it (the fields it needs: code)",
                "codes.json:6:52: entry 3 of `codes` (case 1) has the unknown field `descripton`; did you mean `description`? the fields here are: status, message, description, measure",
                "codes.json:7:5: entry 4 of `codes` is the number 3, where an object `{...}` belongs",
                "codes.json:9:12: the catalogue: `retry` takes an object of HTTP status to retry class, such as {\"503\": \"transient\"}, not a list",
            ]
        );
    }
}
