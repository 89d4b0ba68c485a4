//! What goes wrong, and where: every front end reports the same [`Problem`]s, the macro as
//! compile errors, the build script as its error, `frs-codes check` as rustc-style snippets.

use std::fmt;
use std::ops::Range;

/// Where a problem is in the catalogue file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The bytes of the value concerned in the file's text (empty when only a point is known).
    pub span: Range<usize>,
}

impl Location {
    /// The location of the bytes `span` of `text`: the line and the column (in characters) of
    /// their start.
    pub(crate) fn spanning(text: &str, span: Range<usize>) -> Self {
        let before = &text[..span.start];
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        Location {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            span,
        }
    }

    /// Just after the last character of `text` that is not whitespace: where a file that ends
    /// too early is missing something, as rustc points at an unclosed delimiter, rather than
    /// on the empty line after a final line break.
    pub(crate) fn after_the_content(text: &str) -> Self {
        let offset = text.trim_end().len();
        let line_start = text[..offset].rfind('\n').map_or(0, |newline| newline + 1);
        Location {
            line: text[..offset].matches('\n').count() + 1,
            column: text[line_start..offset].chars().count() + 1,
            span: offset..offset,
        }
    }
}

/// One problem in a catalogue or in the options given with it.
///
/// `Display` writes it as the compiler would: `codes.json:9:15: duplicate code ...`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Problem {
    /// The catalogue file as the caller named it, e.g. `codes.json`.
    pub file: String,
    /// Where in the file; `None` for a problem that has no place in it (an unreadable file, an
    /// option).
    pub location: Option<Location>,
    /// What is wrong and what to do about it, without the location.
    pub message: String,
}

impl Problem {
    pub(crate) fn new(file: &str, location: Option<Location>, message: String) -> Self {
        Problem {
            file: file.to_owned(),
            location,
            message,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(Location { line, column, .. }) => {
                write!(f, "{}:{line}:{column}: {}", self.file, self.message)
            }
            None => f.write_str(&self.message),
        }
    }
}

/// Why a catalogue could not be loaded, validated or generated: every problem found, in the
/// order of the rules, and the file's text for showing them in context.
///
/// `Display` (and `Debug`, so that `fn main() -> Result<(), Box<dyn Error>>` in a build script
/// prints something readable) writes one problem per line.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    problems: Vec<Problem>,
    text: Option<String>,
}

impl Error {
    pub(crate) fn new(problems: Vec<Problem>, text: Option<String>) -> Self {
        Error { problems, text }
    }

    pub(crate) fn one(problem: Problem) -> Self {
        Error::new(vec![problem], None)
    }

    /// Every problem; never empty.
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The catalogue's text, when it could be read: what the [`Location`]s point into.
    #[must_use]
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.problems.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_is_placed_by_line_and_character() {
        let text = "{\n  \"日本\": x\n}";
        let location = Location::spanning(text, 14..15);
        assert_eq!(&text[location.span.clone()], "x");
        assert_eq!((location.line, location.column), (2, 9));
        assert_eq!(Location::spanning(text, 0..0).line, 1);
    }

    #[test]
    fn the_end_of_a_file_is_after_its_last_character_that_is_not_whitespace() {
        let location = Location::after_the_content("{\n  \"codes\": [\n\n");
        assert_eq!(
            (location.line, location.column, location.span),
            (2, 13, 14..14)
        );
        assert_eq!(Location::after_the_content("").span, 0..0);
    }

    #[test]
    fn problems_display_like_compiler_errors() {
        let located = Problem::new(
            "codes.json",
            Some(Location {
                line: 9,
                column: 15,
                span: 3..5,
            }),
            "duplicate code".to_owned(),
        );
        let unplaced = Problem::new("codes.json", None, "cannot read it".to_owned());
        let error = Error::new(vec![located, unplaced], None);
        assert_eq!(
            error.to_string(),
            "codes.json:9:15: duplicate code\ncannot read it"
        );
        assert_eq!(format!("{error:?}"), error.to_string());
    }
}
