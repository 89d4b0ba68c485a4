//! What every page reader produces: the tables of a page, with plain-text cells and the line
//! each row starts on. Which tables hold error codes, and what the columns mean, is decided
//! later by the importer from the header cells.

/// A table found on a page.
///
/// Available with the `import` feature.
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// 1-based line of the table's first line (its header row, or its border).
    pub line: usize,
    /// The header cells, plain text, in column order. Empty if the table has no header row.
    pub header: Vec<String>,
    /// The body rows, in order.
    pub rows: Vec<Row>,
}

/// A body row.
///
/// Available with the `import` feature.
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based line where the row starts in the page.
    pub line: usize,
    /// One cell per header column, in column order (always `header.len()` cells when there is a
    /// header). A cell's text is plain: markup removed but its words kept; each paragraph and
    /// each list item is one line (lines joined with '\n'; a list item starts with "- "); runs of
    /// whitespace inside a line are one space; leading/trailing whitespace trimmed (including
    /// U+00A0); entities and escapes decoded. An empty cell is "".
    pub cells: Vec<String>,
}

/// A page that cannot be read as tables: where and why.
///
/// Available with the `import` feature.
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    /// 1-based line.
    pub line: usize,
    pub message: String,
}
