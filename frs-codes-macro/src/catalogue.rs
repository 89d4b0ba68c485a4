//! The catalogue model (serde types) and its loading: file reading, JSON parsing, and the
//! positions of entries in the file so that later diagnostics can point into it.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

/// A catalogue file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Catalogue {
    /// Only for editors (JSON Schema); the macro ignores it.
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
    pub prefix: String,
    #[serde(default)]
    pub extra_prefixes: Vec<String>,
    pub range: [u32; 2],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CodeEntry {
    pub code: String,
    #[serde(default)]
    pub name: Option<String>,
    pub status: Statuses,
    pub description: String,
    pub measure: Lines,
    /// How a response with this code is retried, overriding the catalogue's `retry` by status.
    #[serde(default)]
    pub retry: Option<CodeRetry>,
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
/// validation, which explains the 400–599 rule, instead of a bare serde type error.
pub(crate) struct Statuses(pub Vec<u64>);

/// `measure`: one string or a list of lines.
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

/// A line and column (both 1-based, columns in characters) in the catalogue file.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(crate) struct Position {
    pub line: usize,
    pub column: usize,
}

/// A loaded catalogue together with where its parts are in the file.
pub(crate) struct Loaded {
    pub catalogue: Catalogue,
    /// The file's absolute path, for `include_bytes!` (so Cargo rebuilds on edit).
    pub resolved: PathBuf,
    pub positions: Positions,
}

/// Positions of JSON values keyed by their path, e.g. `codes[3]` or `codes[3].name`.
#[derive(Default)]
pub(crate) struct Positions(HashMap<String, Position>);

impl Positions {
    /// The position of `path`, falling back to its parent entry, then to the start of the file.
    pub fn of(&self, path: &str) -> Position {
        let mut key = path;
        loop {
            if let Some(position) = self.0.get(key) {
                return *position;
            }
            match key.rfind(['.', '[']) {
                Some(cut) => key = &key[..cut],
                None => return Position { line: 1, column: 1 },
            }
        }
    }
}

/// Why a catalogue could not be loaded; the message is complete and ready to show.
pub(crate) struct LoadError(pub String);

/// Reads and parses the catalogue at `path` (as the user wrote it) below `manifest_dir`.
pub(crate) fn load(manifest_dir: Option<&str>, path: &str) -> Result<Loaded, LoadError> {
    let Some(manifest_dir) = manifest_dir else {
        return Err(LoadError(
            "CARGO_MANIFEST_DIR is not set, so the catalogue path cannot be resolved; \
             build with Cargo"
                .to_owned(),
        ));
    };
    let resolved = PathBuf::from(manifest_dir).join(path);
    let text = std::fs::read_to_string(&resolved).map_err(|error| {
        LoadError(format!(
            "cannot read the error-code catalogue `{path}` (resolved to `{}`): {error}; \
             the path is relative to the directory of your Cargo.toml",
            resolved.display()
        ))
    })?;
    let resolved = resolved.canonicalize().unwrap_or(resolved);
    parse(&text, path, resolved)
}

/// Parses the catalogue `text`, read from `path` (as the user wrote it) at `resolved`.
pub(crate) fn parse(text: &str, path: &str, resolved: PathBuf) -> Result<Loaded, LoadError> {
    let catalogue: Catalogue = serde_json::from_str(text).map_err(|error| {
        let kind = match error.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                "the catalogue is not valid JSON: "
            }
            serde_json::error::Category::Data | serde_json::error::Category::Io => "",
        };
        LoadError(format!(
            "{path}:{}:{}: {kind}{}",
            error.line(),
            error.column(),
            explain_serde_error(&error)
        ))
    })?;
    Ok(Loaded {
        catalogue,
        resolved,
        positions: locate(text),
    })
}

/// serde_json's message without its trailing position (we print that first, compiler-style),
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

/// The candidate nearest to `word` by edit distance, if it is near enough to be a typo.
pub(crate) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|candidate| (edit_distance(word, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= candidate.len().max(word.len()) / 3)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Edit distance counting a swap of two neighbours as one edit (`nmae` is one from `name`).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut table = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in table.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in table[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let substitution = table[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = substitution
                .min(table[i - 1][j] + 1)
                .min(table[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[i - 2][j - 2] + 1);
            }
            table[i][j] = best;
        }
    }
    table[a.len()][b.len()]
}

/// Walks JSON text that serde_json already accepted and records where each value starts.
/// serde_json reports positions only for its own errors; validation needs them for entries.
fn locate(text: &str) -> Positions {
    let mut walker = Walker {
        chars: text.chars().collect(),
        index: 0,
        position: Position { line: 1, column: 1 },
        positions: Positions::default(),
    };
    walker.value(String::new());
    walker.positions
}

struct Walker {
    chars: Vec<char>,
    index: usize,
    position: Position,
    positions: Positions,
}

impl Walker {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.index).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let next = self.peek()?;
        self.index += 1;
        if next == '\n' {
            self.position.line += 1;
            self.position.column = 1;
        } else {
            self.position.column += 1;
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
        self.positions.0.insert(path.clone(), self.position);
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

    #[test]
    fn locates_entries_and_fields() {
        let positions =
            locate("{\n  \"codes\": [\n    {\"code\": \"A.1\"},\n    {\"code\": \"A.2\"}\n  ]\n}");
        assert_eq!(positions.of("codes[1]"), Position { line: 4, column: 5 });
        assert_eq!(
            positions.of("codes[1].code"),
            Position {
                line: 4,
                column: 14
            }
        );
        assert_eq!(
            positions.of("codes[1].name"),
            Position { line: 4, column: 5 }
        );
        assert_eq!(
            positions.of("categories[0]"),
            Position { line: 1, column: 1 }
        );
    }

    #[test]
    fn suggests_near_field_names_only() {
        let fields = ["code", "name", "status", "description", "measure"];
        assert_eq!(closest("descripton", &fields), Some("description"));
        assert_eq!(closest("stauts", &fields), Some("status"));
        assert_eq!(closest("remedy", &fields), None);
        assert_eq!(closest("nmae", &["path", "name", "vis"]), Some("name"));
    }
}
