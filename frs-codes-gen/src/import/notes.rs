//! What an import tells its user besides the catalogue: what it mended, what it could not read,
//! and what it decided, each with the page line it concerns.

use std::fmt;

/// How much a [`Note`] matters.
///
/// Available with the `import` feature.
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Severity {
    /// Something on the page was mended or could not be read, and the note says what was done
    /// with it; `frs-codes import --strict` refuses a page with any.
    Warning,
    /// A decision the page left open, or something the catalogue has no place for (a column it
    /// does not read, a note row, a group title).
    Info,
}

/// One thing an import says about the page.
///
/// Available with the `import` feature.
///
/// ```
/// use frs_codes_gen::import::{import, Severity};
///
/// let page = "| Status Code | Error Code | Description |\n|---|---|---|\n\
///             | 4000 | ELB.1061 | The listener is busy. |\n";
/// let imported = import(page, "page.md", None, None)?;
/// let note = &imported.notes()[0];
/// assert_eq!((note.severity, note.line), (Severity::Warning, Some(3)));
/// assert!(note.message.starts_with("`4000` in the status column of `ELB.1061`"));
/// # Ok::<(), frs_codes_gen::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Note {
    /// Whether something was mended or left unread, or only decided.
    pub severity: Severity,
    /// The 1-based page line concerned, where there is one.
    pub line: Option<usize>,
    /// What was found and what was done with it.
    pub message: String,
}

impl Note {
    pub(crate) fn warning(line: usize, message: String) -> Self {
        Note {
            severity: Severity::Warning,
            line: Some(line),
            message,
        }
    }

    pub(crate) fn info(line: Option<usize>, message: String) -> Self {
        Note {
            severity: Severity::Info,
            line,
            message,
        }
    }
}

impl fmt::Display for Note {
    /// `line 12: …`, or the message alone for a note without a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
