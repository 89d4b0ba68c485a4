//! What the reader tests of every format ask of the tables a page reads into.

use frs_codes_gen::import::{ReadError, Table};

/// The only table of a page, from what its reader found.
pub fn only_table(found: Result<Vec<Table>, ReadError>) -> Table {
    let mut found = found.expect("page reads");
    assert_eq!(found.len(), 1, "one table expected");
    found.remove(0)
}

/// The line each row of `table` starts on.
pub fn row_lines(table: &Table) -> Vec<usize> {
    table.rows.iter().map(|row| row.line).collect()
}

/// The cells of column `index`, row after row.
pub fn column(table: &Table, index: usize) -> Vec<&str> {
    table
        .rows
        .iter()
        .map(|row| row.cells[index].as_str())
        .collect()
}

/// What a reader returns for a page it cannot read.
pub fn err(line: usize, message: &str) -> Result<Vec<Table>, ReadError> {
    let message = message.to_owned();
    Err(ReadError { line, message })
}
