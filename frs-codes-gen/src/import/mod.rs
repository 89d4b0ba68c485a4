//! A vendor's error-code page, imported as a catalogue: the document itself as the source of
//! truth.
//!
//! Available with the `import` feature.
//!
//! The page may be the text a browser copies from it (one cell per line), its HTML (as the site
//! serves it, or as Huawei Cloud's Markdown sources embed it), reStructuredText grid or simple
//! tables (Open Telekom Cloud's documentation), or Markdown pipe tables; [`Format::detect`] tells
//! them apart. Error-code tables are found by their header, in English or Chinese; other tables
//! are left alone. Each row becomes a case of its code (a code in several rows gets several
//! cases), in page order; categories come from the page's group rows with ranges, from a
//! category column, or else one per prefix. With an existing catalogue to merge into, every
//! hand-made choice of it is kept.
//!
//! ```
//! use frs_codes_gen::import::{import, Format};
//!
//! let page = "| Status Code | Error Code | Error Message | Description |\n\
//!             |---|---|---|---|\n\
//!             | 400 | DLI.0001 | Parameter check errors occur. | The parameters are wrong. |\n";
//! let imported = import(page, "page.md", None, None)?;
//! assert_eq!(Format::detect(page), Format::Markdown);
//! let code = imported.catalogue().find("DLI.0001").unwrap();
//! assert_eq!(code.cases[0].message.as_deref(), Some("Parameter check errors occur."));
//! # Ok::<(), frs_codes_gen::Error>(())
//! ```

mod build;
mod columns;
mod decode;
mod fences;
mod groups;
mod html;
mod json;
mod markdown;
mod merge;
mod notes;
mod rst;
mod statuses;
mod table;
mod text;

pub use decode::{decode, DecodeError};
pub use notes::{Note, Severity};
pub use table::{ReadError, Row, Table};

use crate::diff::{diff, Diff};
use crate::model::Catalogue;
use crate::problem::{Error, Location, Problem};

/// How a page is written.
///
/// Available with the `import` feature.
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// The page as text, one cell per line, as a browser copies it.
    Text,
    /// HTML `<table>`s, alone or inside Markdown.
    Html,
    /// reStructuredText grid or simple tables.
    Rst,
    /// Markdown pipe tables.
    Markdown,
}

impl Format {
    /// Every format, with its name.
    pub const ALL: [Format; 4] = [Format::Text, Format::Html, Format::Rst, Format::Markdown];

    /// `text`, `html`, `rst` or `markdown`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Rst => "rst",
            Format::Markdown => "markdown",
        }
    }

    /// The format `page` is written in: HTML where it has a `<table>` (Markdown sources embed
    /// them), reStructuredText where it has a grid border or a simple table's rules, Markdown
    /// where it has a pipe table's delimiter row, and text otherwise.
    ///
    /// ```
    /// use frs_codes_gen::import::Format;
    ///
    /// assert_eq!(Format::detect("<table><tr><td>x</td></tr></table>"), Format::Html);
    /// assert_eq!(Format::detect("+-----+\n| a   |\n+=====+\n"), Format::Rst);
    /// assert_eq!(Format::detect("| a | b |\n|---|---|\n"), Format::Markdown);
    /// assert_eq!(Format::detect("Error Code\nDescription\n"), Format::Text);
    /// ```
    #[must_use]
    pub fn detect(page: &str) -> Format {
        if page.to_ascii_lowercase().contains("<table") {
            return Format::Html;
        }
        let lines = || page.lines().map(str::trim);
        let grid = |line: &str| line.starts_with("+-") || line.starts_with("+=");
        let rules = |line: &str| {
            !line.is_empty()
                && line.chars().all(|c| c == '=' || c == ' ')
                && line.split_whitespace().count() >= 2
        };
        if lines().any(|line| grid(line) || rules(line)) {
            return Format::Rst;
        }
        let delimiter = |line: &str| {
            line.contains('|')
                && line.contains('-')
                && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
        };
        if lines().any(delimiter) {
            return Format::Markdown;
        }
        Format::Text
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

/// Every table of `page`, read as `format` says: header cells and rows of plain text.
///
/// Available with the `import` feature.
///
/// # Errors
///
/// A table the reader cannot make sense of, with its line.
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
pub fn tables(page: &str, format: Format) -> Result<Vec<Table>, ReadError> {
    match format {
        Format::Text => Ok(text::tables(page).0),
        Format::Html => html::tables(page),
        Format::Rst => rst::tables(page),
        Format::Markdown => markdown::tables(page),
    }
}

/// A page imported as a catalogue.
///
/// Available with the `import` feature.
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
#[derive(Clone, Debug)]
pub struct Imported {
    text: String,
    catalogue: Catalogue,
    notes: Vec<Note>,
    changes: Option<Diff>,
}

impl Imported {
    /// The catalogue as JSON text, ready to be written to a file.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The catalogue, checked by every rule.
    #[must_use]
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// What the import mended, left out or decided, each with the page line it concerns: cells
    /// it mended or could not read ([`Severity::Warning`]), note rows, group titles, columns it
    /// does not read, codes listed under several categories ([`Severity::Info`]).
    #[must_use]
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// With a catalogue merged into: what changed from it.
    #[must_use]
    pub fn changes(&self) -> Option<&Diff> {
        self.changes.as_ref()
    }
}

/// Imports `page` (named `page_name` in messages), read as `format` or as [`Format::detect`]
/// finds, merged into the existing catalogue `(text, file)` if one is given.
///
/// Available with the `import` feature.
///
/// # Errors
///
/// A row that cannot be read (naming its line), a page without an error-code table, an existing
/// catalogue that is not valid, or an imported catalogue that breaks a rule.
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
pub fn import(
    page: &str,
    page_name: &str,
    format: Option<Format>,
    existing: Option<(&str, &str)>,
) -> Result<Imported, Error> {
    let format = format.unwrap_or_else(|| Format::detect(page));
    let at_line = |line: usize, message: String| {
        let start: usize = page
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        let end = page[start..]
            .find('\n')
            .map_or(page.len(), |end| start + end);
        let location = Location {
            line,
            column: 1,
            span: start..end,
        };
        Error::new(
            vec![Problem::new(page_name, Some(location), message)],
            Some(page.to_owned()),
        )
    };
    let (tables, reader_notes) = match format {
        Format::Text => text::tables(page),
        _ => tables(page, format)
            .map(|tables| (tables, Vec::new()))
            .map_err(|error| {
                at_line(
                    error.line,
                    format!("cannot read the page as {format}: {}", error.message),
                )
            })?,
    };
    let table_lines: Vec<usize> = tables.iter().map(|table| table.line).collect();
    let built = build::document(&tables, &groups::section_titles(page, &table_lines));
    if built.codes.is_empty() {
        return Err(Error::one(Problem::new(
            page_name,
            None,
            no_table_found(format, &tables),
        )));
    }
    let mut notes = reader_notes;
    notes.extend(built.notes.iter().cloned());
    let (document, old) = match existing {
        None => (build::fresh(&built), None),
        Some((text, file)) => {
            let old = crate::parse(text, file)?;
            let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
                Error::one(Problem::new(file, None, format!("not JSON: {error}")))
            })?;
            let (document, merge_notes) = merge::merge(&built, value);
            notes.extend(merge_notes.into_iter().map(|note| Note::info(None, note)));
            (document, Some(old))
        }
    };
    let text = json::to_text(&document);
    let name = existing.map_or("the imported catalogue", |(_, file)| file);
    let catalogue = crate::parse(&text, name)?;
    let changes = old.map(|old| diff(&old, &catalogue));
    Ok(Imported {
        text,
        catalogue,
        notes,
        changes,
    })
}

/// Why a page gave no codes: what a table needs, and the headers the page's tables have.
fn no_table_found(format: Format, tables: &[Table]) -> String {
    let needs = format!(
        "no error-code table found in the page read as {format}: a table needs a column of \
         codes (`Error Code`, `错误码`) and one of descriptions or messages (`Description`, \
         `Error Message`, `描述`, `错误信息`)"
    );
    if tables.is_empty() {
        return format!("{needs}; the page has no table at all (try --format)");
    }
    let headers: Vec<String> = tables
        .iter()
        .take(5)
        .map(|table| {
            let cells: Vec<String> = table
                .header
                .iter()
                .map(|cell| format!("`{cell}`"))
                .collect();
            format!("line {}: {}", table.line, cells.join(", "))
        })
        .collect();
    let more = tables.len().saturating_sub(5);
    format!(
        "{needs}; the page's {} has other columns ({}{})",
        if tables.len() == 1 {
            "table".to_owned()
        } else {
            format!("{} tables", tables.len())
        },
        headers.join("; "),
        if more > 0 {
            format!("; and {more} more")
        } else {
            String::new()
        }
    )
}
