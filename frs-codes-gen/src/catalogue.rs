//! The catalogue file as written (serde types) and its loading: reading the file, parsing the
//! JSON, and recording where every value sits in the text, so that validation can point into it.

use crate::problem::{Error, Location, Problem};
use crate::suggest::closest;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// A catalogue file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Document {
    /// Only for editors (JSON Schema); the generator ignores it.
    #[serde(rename = "$schema", default)]
    pub _schema: Option<String>,
    pub categories: Vec<CategoryEntry>,
    pub codes: Vec<CodeEntry>,
    /// How a response with a given HTTP status is retried, whatever its code.
    #[serde(default)]
    pub retry: Option<StatusClasses>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CategoryEntry {
    pub name: String,
    pub title: String,
    /// The prefix of its codes; `""` for codes without one. Without a prefix, a category holds
    /// only the codes that name it.
    #[serde(default)]
    pub prefix: Option<String>,
    #[serde(default)]
    pub extra_prefixes: Vec<String>,
    /// The numbers it holds of its prefixes; without a range, every code of its prefixes.
    #[serde(default)]
    pub range: Option<[u32; 2]>,
}

/// A code: one case written inline (`status`, `message`, `description`, `measure`), or several
/// in `cases`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CodeEntry {
    pub code: String,
    #[serde(default)]
    pub name: Option<String>,
    /// The category, by name; without it, the one whose prefix and range hold the code.
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub status: Option<Statuses>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub measure: Option<Lines>,
    #[serde(default)]
    pub cases: Option<Vec<CaseEntry>>,
    /// How a response with this code is retried, overriding the catalogue's `retry` by status.
    #[serde(default)]
    pub retry: Option<CodeRetry>,
}

/// One row of the documentation for a code.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaseEntry {
    #[serde(default)]
    pub status: Option<Statuses>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
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
/// validation, which explains the rule, instead of a bare serde type error.
#[derive(Clone)]
pub(crate) struct Statuses(pub Vec<u64>);

/// `measure`: one string or a list of lines.
#[derive(Clone)]
pub(crate) struct Lines(pub Vec<String>);

impl<'de> Deserialize<'de> for Statuses {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StatusVisitor;
        impl<'de> Visitor<'de> for StatusVisitor {
            type Value = Statuses;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an HTTP status number such as 400, or a list such as [413, 504]")
            }
            fn visit_u64<E: de::Error>(self, status: u64) -> Result<Statuses, E> {
                Ok(Statuses(vec![status]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Statuses, A::Error> {
                let mut statuses = Vec::new();
                while let Some(status) = seq.next_element::<u64>()? {
                    statuses.push(status);
                }
                Ok(Statuses(statuses))
            }
        }
        deserializer.deserialize_any(StatusVisitor)
    }
}

impl<'de> Deserialize<'de> for Lines {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LinesVisitor;
        impl<'de> Visitor<'de> for LinesVisitor {
            type Value = Lines;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a list of strings (one per line)")
            }
            fn visit_str<E: de::Error>(self, line: &str) -> Result<Lines, E> {
                Ok(Lines(vec![line.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Lines, A::Error> {
                let mut lines = Vec::new();
                while let Some(line) = seq.next_element::<String>()? {
                    lines.push(line);
                }
                Ok(Lines(lines))
            }
        }
        deserializer.deserialize_any(LinesVisitor)
    }
}

impl<'de> Deserialize<'de> for StatusClasses {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(StatusClassesVisitor)
    }
}

struct StatusClassesVisitor;

impl<'de> Visitor<'de> for StatusClassesVisitor {
    type Value = StatusClasses;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of HTTP status to retry class, such as {\"503\": \"transient\"}")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StatusClasses, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<String, String>()? {
            entries.push(entry);
        }
        Ok(StatusClasses(entries))
    }
}

impl<'de> Deserialize<'de> for CodeRetry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeRetryVisitor;
        impl<'de> Visitor<'de> for CodeRetryVisitor {
            type Value = CodeRetry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a retry class such as \"throttling\", or an object of HTTP status to retry \
                     class such as {\"504\": \"transient\"}",
                )
            }
            fn visit_str<E: de::Error>(self, class: &str) -> Result<CodeRetry, E> {
                Ok(CodeRetry::Always(class.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<CodeRetry, A::Error> {
                StatusClassesVisitor.visit_map(map).map(CodeRetry::ByStatus)
            }
        }
        deserializer.deserialize_any(CodeRetryVisitor)
    }
}

/// A parsed catalogue file: the document, its text, and where its values are.
pub(crate) struct Loaded {
    pub document: Document,
    pub text: String,
    /// The file as the caller named it; what every message starts with.
    pub file: String,
    /// Found only when a problem needs a location: walking thousands of entries costs more than
    /// validating them.
    positions: std::cell::OnceCell<Positions>,
}

impl Loaded {
    /// Where the document's values are.
    pub fn positions(&self) -> &Positions {
        self.positions.get_or_init(|| locate(&self.text))
    }
}

/// Where JSON values are, keyed by their path, e.g. `codes[3]` or `codes[3].name`.
#[derive(Default)]
pub(crate) struct Positions(HashMap<String, Location>);

impl Positions {
    /// The location of `path`, falling back to its parent entry, then to the start of the file.
    pub fn of(&self, path: &str) -> Location {
        let mut key = path;
        loop {
            if let Some(location) = self.0.get(key) {
                return location.clone();
            }
            match key.rfind(['.', '[']) {
                Some(cut) => key = &key[..cut],
                None => {
                    return Location {
                        line: 1,
                        column: 1,
                        span: 0..0,
                    }
                }
            }
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

/// Parses the catalogue `text`, read from `file` (as the caller named it).
pub(crate) fn parse(text: String, file: &str) -> Result<Loaded, Error> {
    match serde_json::from_str::<Document>(&text) {
        Ok(document) => Ok(Loaded {
            positions: std::cell::OnceCell::new(),
            document,
            text,
            file: file.to_owned(),
        }),
        Err(error) => {
            let kind = match error.classify() {
                serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                    "the catalogue is not valid JSON: "
                }
                serde_json::error::Category::Data | serde_json::error::Category::Io => "",
            };
            let location = match error.classify() {
                serde_json::error::Category::Eof => Location::after_the_content(&text),
                _ => Location::at_line_column(&text, error.line().max(1), error.column().max(1)),
            };
            let problem = Problem::new(
                file,
                Some(location),
                format!("{kind}{}", explain_serde_error(&error)),
            );
            Err(Error::new(vec![problem], Some(text)))
        }
    }
}

/// serde_json's message without its trailing position (it is printed first, compiler-style),
/// with an unknown field's likely intended name put first.
fn explain_serde_error(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let message = match full.rfind(" at line ") {
        Some(cut) => &full[..cut],
        None => &full,
    };
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some((field, expected)) = rest.split_once("`, expected ") {
            let candidates: Vec<&str> = expected
                .trim_start_matches("one of ")
                .split(", ")
                .map(|candidate| candidate.trim_matches('`'))
                .collect();
            if let Some(best) = closest(field, &candidates) {
                return format!(
                    "unknown field `{field}`, expected `{best}` (the fields here are: {})",
                    candidates.join(", ")
                );
            }
            return format!(
                "unknown field `{field}`; the fields here are: {}",
                candidates.join(", ")
            );
        }
    }
    message.to_owned()
}

/// Walks JSON text that serde_json already accepted and records where each value starts and
/// ends. serde_json reports positions only for its own errors; validation needs them for entries.
fn locate(text: &str) -> Positions {
    let mut walker = Walker {
        text,
        offset: 0,
        line: 1,
        column: 1,
        positions: Positions::default(),
    };
    walker.value(String::new());
    walker.positions
}

struct Walker<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    offset: usize,
    line: usize,
    /// In characters, 1-based.
    column: usize,
    positions: Positions,
}

impl Walker<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.offset..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let next = self.peek()?;
        self.offset += next.len_utf8();
        if next == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(next)
    }

    fn skip_whitespace(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    fn value(&mut self, path: String) {
        self.skip_whitespace();
        let (line, column, start) = (self.line, self.column, self.offset);
        match self.peek() {
            Some('{') => {
                self.bump();
                loop {
                    self.skip_whitespace();
                    match self.peek() {
                        Some('"') => {
                            let key = self.string();
                            self.skip_whitespace();
                            self.bump();
                            let child = if path.is_empty() {
                                key
                            } else {
                                format!("{path}.{key}")
                            };
                            self.value(child);
                        }
                        Some(',') => {
                            self.bump();
                        }
                        _ => {
                            self.bump();
                            break;
                        }
                    }
                }
            }
            Some('[') => {
                self.bump();
                let mut element = 0;
                loop {
                    self.skip_whitespace();
                    match self.peek() {
                        Some(']') | None => {
                            self.bump();
                            break;
                        }
                        Some(',') => {
                            self.bump();
                        }
                        _ => {
                            self.value(format!("{path}[{element}]"));
                            element += 1;
                        }
                    }
                }
            }
            Some('"') => {
                self.string();
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | ']' | '}') && !c.is_whitespace())
                {
                    self.bump();
                }
            }
        }
        let span = start..self.offset;
        self.positions
            .0
            .insert(path, Location { line, column, span });
    }

    /// Consumes a string literal and returns its raw content (keys need no unescaping here:
    /// the catalogue's field names are plain ASCII).
    fn string(&mut self) -> String {
        self.bump();
        let mut content = String::new();
        while let Some(next) = self.bump() {
            match next {
                '"' => break,
                '\\' => {
                    content.push(next);
                    if let Some(escaped) = self.bump() {
                        content.push(escaped);
                    }
                }
                _ => content.push(next),
            }
        }
        content
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize, span: std::ops::Range<usize>) -> Location {
        Location { line, column, span }
    }

    #[test]
    fn locates_entries_and_fields() {
        let text = "{\n  \"codes\": [\n    {\"code\": \"A.1\"},\n    {\"code\": \"Ä.2\"}\n  ]\n}";
        let positions = locate(text);
        assert_eq!(positions.of("codes[1]"), at(4, 5, 40..56));
        assert_eq!(&text[40..56], "{\"code\": \"Ä.2\"}");
        assert_eq!(positions.of("codes[1].code"), at(4, 14, 49..55));
        assert_eq!(positions.of("codes[1].name"), at(4, 5, 40..56));
        assert_eq!(positions.of("categories[0]"), at(1, 1, 0..0));
    }
}
