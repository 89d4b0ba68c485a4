//! The page as text, the way people paste it: a whole page copied from a browser (title,
//! prose, captions and tables), or just its table.
//!
//! Three table shapes are read, each found by its header (cells that name an error code and a
//! description or message, see [`super::columns`]); everything around them is prose and is
//! passed over:
//!
//! * **Tab-separated rows**, as a browser copies a selected table: the header is one line of
//!   cells separated by tabs, and so is each row. A cell holding several lines continues on the
//!   next line: a row is complete when it has the header's number of cells, and a line without
//!   a tab after a complete row continues its last cell. A blank line ends the table.
//! * **One cell per line, with a blank line between cells**, as a documentation site's text
//!   view gives it. A cell's own lines follow each other without a blank line; an empty cell is
//!   one more blank line on each side (three in a row). The table ends where a row's code cell
//!   is no code (prose after the table) or at the next header.
//! * **One cell per line, without blank lines**, as Huawei Cloud's pages copy: a row starts
//!   where a status and a code stand in their columns' places, and the last column takes every
//!   line up to the next row. The table ends at a blank line or the next header.
//!
//! In all three, a title with a range, `Common service errors` then `(error code range:
//! 1–99)`, or on one line, is a group row: it is read as a row with only its first cell, the
//! group's title, which the importer takes for the category of the rows below it. A title line
//! standing right before a header (`Error Codes`) is not taken for a column. The documentation
//! site's footer (`Feedback`) ends the page.

use super::columns::{role_of, Columns, Role};
use super::groups::split_range;
use super::notes::Note;
use super::statuses::{is_empty_cell, is_status_cell};
use super::table::{Row, Table};

/// Lines where the documentation site's footer starts: nothing after them is a table.
const FOOTERS: [&str; 4] = [
    "Feedback",
    "Was this page helpful?",
    "意见反馈",
    "文档是否有帮助？",
];

/// The tables of a text page, and what was ambiguous in it.
pub(crate) fn tables(page: &str) -> (Vec<Table>, Vec<Note>) {
    let page = page.strip_prefix('\u{feff}').unwrap_or(page);
    let lines: Vec<&str> = page.lines().collect();
    let end = lines
        .iter()
        .position(|line| FOOTERS.contains(&line.trim()))
        .unwrap_or(lines.len());
    let mut reader = Reader {
        lines: &lines[..end],
        notes: Vec::new(),
    };
    let mut tables = Vec::new();
    let mut at = 0;
    while at < reader.lines.len() {
        match reader.table_at(at) {
            Some((table, next)) => {
                tables.push(table);
                at = next.max(at + 1);
            }
            None => at += 1,
        }
    }
    (tables, reader.notes)
}

struct Reader<'a> {
    lines: &'a [&'a str],
    notes: Vec<Note>,
}

/// A line's text without the spaces around it (tabs are kept: they separate cells).
fn trimmed(line: &str) -> &str {
    line.trim_matches([' ', '\u{a0}', '\u{3000}'])
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

impl Reader<'_> {
    fn line(&self, at: usize) -> Option<&str> {
        self.lines.get(at).map(|line| trimmed(line))
    }

    /// The table whose header starts at line `at` (0-based), and the line after it.
    fn table_at(&mut self, at: usize) -> Option<(Table, usize)> {
        let line = self.line(at)?;
        if line.contains('\t') {
            let header: Vec<String> = line
                .split('\t')
                .map(|cell| cell.trim().to_owned())
                .collect();
            return is_header(&header).then(|| self.tab_separated(at, header));
        }
        let (cells, spaced) = self.header_run(at)?;
        let header: Vec<String> = cells
            .iter()
            .map(|&line| trimmed(self.lines[line]).to_owned())
            .collect();
        let body = cells.last().map_or(at, |last| last + 1);
        Some(if spaced {
            self.blank_separated(cells[0], header, body)
        } else {
            self.line_per_cell(cells[0], header, body)
        })
    }

    /// The lines of a one-cell-per-line header starting at `at`, and whether blank lines
    /// separate them: column names in a row (three at least, or two with blank lines between),
    /// that make an error-code table.
    fn header_run(&self, at: usize) -> Option<(Vec<usize>, bool)> {
        let name = |at: usize| {
            self.line(at)
                .filter(|line| !line.starts_with(['-', '*', '•']))
                .and_then(role_of)
        };
        name(at)?;
        let spaced = self.line(at + 1).is_some_and(is_blank) && name(at + 2).is_some();
        let step = if spaced { 2 } else { 1 };
        let mut cells = vec![at];
        let mut next = at + step;
        while name(next).is_some() && (!spaced || self.line(next - 1).is_some_and(is_blank)) {
            cells.push(next);
            next += step;
        }
        let mut roles: Vec<Role> = cells
            .iter()
            .filter_map(|&line| self.line(line).and_then(role_of))
            .collect();
        // A title right before the header (`Error Codes`) names what a later cell names.
        while roles.len() > 1
            && matches!(roles[0], Role::Code | Role::Status)
            && roles[1..].contains(&roles[0])
        {
            roles.remove(0);
            cells.remove(0);
        }
        // A header names each role once (a second description is the measure): a line that
        // names one again is the first row (`Common service errors`), not a column.
        let mut seen: Vec<Role> = Vec::new();
        let width = roles
            .iter()
            .position(|role| {
                let again = seen.contains(role)
                    && (*role != Role::Description || seen.contains(&Role::Measure));
                seen.push(*role);
                again
            })
            .unwrap_or(roles.len());
        cells.truncate(width);
        let header: Vec<String> = cells
            .iter()
            .map(|&line| trimmed(self.lines[line]).to_owned())
            .collect();
        let least = if spaced { 2 } else { 3 };
        (cells.len() >= least && Columns::of(&header).is_some()).then_some((cells, spaced))
    }

    fn tab_separated(&mut self, at: usize, header: Vec<String>) -> (Table, usize) {
        let width = header.len();
        let mut table = Table {
            line: at + 1,
            header,
            rows: Vec::new(),
        };
        let mut next = at + 1;
        let mut open: Option<Row> = None;
        while let Some(line) = self.line(next) {
            if is_blank(line) {
                break;
            }
            if open.is_none() && line.contains('\t') {
                let cells: Vec<String> = line
                    .split('\t')
                    .map(|cell| cell.trim().to_owned())
                    .collect();
                if is_header(&cells) {
                    break; // the next table's header
                }
            }
            let mut pieces = line.split('\t').map(str::trim);
            match open.as_mut() {
                Some(row) => {
                    if let (Some(first), Some(last)) = (pieces.next(), row.cells.last_mut()) {
                        push_line(last, first);
                    }
                    row.cells.extend(pieces.map(str::to_owned));
                }
                None if !line.contains('\t') => match table.rows.last_mut() {
                    Some(row) => {
                        if let Some(last) = row.cells.last_mut() {
                            push_line(last, line.trim());
                        }
                    }
                    None => {
                        self.notes.push(Note::warning(
                            next + 1,
                            format!("`{}` stands between the header and the first row of the table at line {}, without a tab: left out", line.trim(), at + 1),
                        ));
                    }
                },
                None => {
                    open = Some(Row {
                        line: next + 1,
                        cells: pieces.map(str::to_owned).collect(),
                    });
                }
            }
            if open.as_ref().is_some_and(|row| row.cells.len() >= width) {
                let mut row = open.take().expect("an open row");
                self.fit(&mut row, width);
                table.rows.push(row);
            }
            next += 1;
        }
        if let Some(mut row) = open {
            self.notes.push(Note::warning(
                row.line,
                format!(
                    "the row has {} of the header's {width} cells when the table ends: the missing ones are empty",
                    row.cells.len()
                ),
            ));
            self.fit(&mut row, width);
            table.rows.push(row);
        }
        (table, next)
    }

    /// `row` cut or padded to `width` cells: extra cells are joined into the last, with a
    /// warning, so that nothing is lost.
    fn fit(&mut self, row: &mut Row, width: usize) {
        if row.cells.len() > width {
            self.notes.push(Note::warning(
                row.line,
                format!(
                    "the row has {} cells but the header has {width}: the last {} are joined into its last cell",
                    row.cells.len(),
                    row.cells.len() - width + 1
                ),
            ));
            let extra: Vec<String> = row.cells.split_off(width);
            if let Some(last) = row.cells.last_mut() {
                for cell in extra.iter().filter(|cell| !cell.is_empty()) {
                    if !last.is_empty() {
                        last.push(' ');
                    }
                    last.push_str(cell);
                }
            }
        }
        row.cells.resize(width, String::new());
    }

    /// The cells after a blank-line-separated header, in order: each with its first line
    /// (`None` for an empty cell), up to the end of the page.
    fn blocks(&mut self, body: usize) -> Vec<(Option<usize>, String)> {
        let mut blocks = Vec::new();
        let mut at = body;
        let mut blanks: usize = 0;
        let mut first = true;
        while at < self.lines.len() {
            if is_blank(self.lines[at]) {
                blanks += 1;
                at += 1;
                continue;
            }
            if !first {
                if blanks.is_multiple_of(2) {
                    self.notes.push(Note::warning(
                        at + 1,
                        format!(
                            "{blanks} blank lines before this cell: one separates two cells and each empty cell adds two, so they are read as {} empty cell(s)",
                            (blanks - 1) / 2
                        ),
                    ));
                }
                for _ in 0..blanks.saturating_sub(1) / 2 {
                    blocks.push((None, String::new()));
                }
            }
            first = false;
            blanks = 0;
            let start = at;
            let mut text = String::new();
            while at < self.lines.len() && !is_blank(self.lines[at]) {
                push_line(&mut text, self.lines[at].trim());
                at += 1;
            }
            blocks.push((Some(start), text));
        }
        blocks
    }

    fn blank_separated(
        &mut self,
        start: usize,
        header: Vec<String>,
        body: usize,
    ) -> (Table, usize) {
        let width = header.len();
        let columns = Columns::of(&header).expect("an error-code header");
        let blocks = self.blocks(body);
        let mut table = Table {
            line: start + 1,
            header,
            rows: Vec::new(),
        };
        let mut next = 0;
        let mut end = body;
        while next < blocks.len() {
            if let (Some(line), text) = &blocks[next] {
                if split_range(text).1.is_some() {
                    table.rows.push(group_row(*line, text, width));
                    next += 1;
                    end = line + text.lines().count();
                    continue;
                }
                if self.header_run(*line).is_some() {
                    break;
                }
            }
            let cells = &blocks[next..blocks.len().min(next + width)];
            let cell = |column: usize| cells.get(column).map_or("", |(_, text)| text.as_str());
            let fits = cells.len() == width
                && looks_like_code(cell(columns.code))
                && columns.status.is_none_or(|status| {
                    let status = cell(status);
                    is_empty_cell(status) || status.starts_with(|c: char| c.is_ascii_digit())
                });
            let written: Vec<(usize, &String)> = cells
                .iter()
                .filter_map(|(line, text)| Some(((*line)?, text)))
                .collect();
            let (Some(&(first, _)), Some(&(last, last_text)), true) =
                (written.first(), written.last(), fits)
            else {
                break;
            };
            table.rows.push(Row {
                line: first + 1,
                cells: cells.iter().map(|(_, text)| text.clone()).collect(),
            });
            end = last + last_text.lines().count();
            next += width;
        }
        (table, end)
    }

    fn line_per_cell(&mut self, start: usize, header: Vec<String>, body: usize) -> (Table, usize) {
        let width = header.len();
        let roles: Vec<Option<Role>> = header.iter().map(|name| role_of(name)).collect();
        // Group rows stand for the category column; every other column has a line of its own.
        let group_column = roles.iter().position(|role| *role == Some(Role::Category));
        let per_row: Vec<usize> = (0..width)
            .filter(|column| Some(*column) != group_column)
            .collect();
        let offset_of = |wanted: Role| {
            per_row
                .iter()
                .position(|&column| roles[column] == Some(wanted))
        };
        let (status_at, code_at) = (offset_of(Role::Status), offset_of(Role::Code));
        // The table ends at a blank line, or at the next header less the caption line just
        // before it (`- Gateway error code`).
        let stop = match (body..self.lines.len())
            .find(|&at| is_blank(self.lines[at]) || self.header_run(at).is_some())
        {
            Some(next) if next > body && !is_blank(self.lines[next]) => next - 1,
            Some(next) => next,
            None => self.lines.len(),
        };
        let line_at = |at: usize| self.line(at).filter(|_| at < stop);
        let row_starts = |at: usize| -> bool {
            let code_ok = code_at
                .and_then(|offset| line_at(at + offset))
                .is_some_and(|line| !line.is_empty() && !line.contains(char::is_whitespace));
            let status_ok =
                status_at.is_none_or(|offset| line_at(at + offset).is_some_and(is_status_cell));
            code_ok && status_ok
        };
        let group_at = |at: usize| -> Option<String> {
            let line = line_at(at)?;
            if split_range(line).1.is_some() {
                return Some(line.to_owned());
            }
            let range_line = line_at(at + 1)?;
            (split_range(range_line).1.is_some() && split_range(range_line).0.is_empty())
                .then(|| format!("{line}\n{range_line}"))
        };
        let mut table = Table {
            line: start + 1,
            header,
            rows: Vec::new(),
        };
        let mut left_out = Vec::new();
        let mut at = body;
        while at < stop {
            if let Some(group) = group_at(at) {
                let cells = group.lines().count();
                table.rows.push(group_row(at, &group, width));
                at += cells;
                continue;
            }
            if !row_starts(at) {
                left_out.push(Note::warning(
                    at + 1,
                    format!(
                        "`{}` is neither a row of the table at line {} nor a group row (a row has one line for each of {}): left out",
                        self.lines[at].trim(),
                        start + 1,
                        per_row.iter().map(|&column| format!("`{}`", table.header[column])).collect::<Vec<_>>().join(", ")
                    ),
                ));
                at += 1;
                continue;
            }
            let mut cells = vec![String::new(); width];
            let (last, fixed) = per_row
                .split_last()
                .expect("a header has two columns or more");
            for (offset, &column) in fixed.iter().enumerate() {
                cells[column] = line_at(at + offset).unwrap_or_default().to_owned();
            }
            // The last column takes every line up to the next row, group row or the end.
            let mut next = at + fixed.len();
            let mut last_cell = String::new();
            while next < stop && !row_starts(next) && group_at(next).is_none() {
                push_line(&mut last_cell, self.lines[next].trim());
                next += 1;
            }
            cells[*last] = last_cell;
            table.rows.push(Row {
                line: at + 1,
                cells,
            });
            at = next;
        }
        self.notes.extend(left_out);
        (table, stop)
    }
}

/// Whether the cells of a tab-separated line are an error-code table's header: most name a
/// column, the others are no values (a status, a code), and they make an error-code table.
fn is_header(cells: &[String]) -> bool {
    let named = cells.iter().filter(|cell| role_of(cell).is_some()).count();
    named >= 2
        && 2 * named >= cells.len()
        && !cells.iter().any(|cell| is_status_cell(cell))
        && Columns::of(cells).is_some()
}

/// A group row: its title (and range) in the first cell, the others empty.
fn group_row(line: usize, title: &str, width: usize) -> Row {
    let mut cells = vec![String::new(); width];
    cells[0] = title.to_owned();
    Row {
        line: line + 1,
        cells,
    }
}

/// Adds `line` to a cell's text as a line of its own.
fn push_line(cell: &mut String, line: &str) {
    if line.is_empty() {
        return;
    }
    if !cell.is_empty() {
        cell.push('\n');
    }
    cell.push_str(line);
}

/// Whether a cell can be an error code (or a code wrapped in its cell, or empty): short ASCII
/// without a sentence's end. Prose after a table is not.
fn looks_like_code(cell: &str) -> bool {
    let pieces = cell.split_whitespace().count();
    cell.is_empty()
        || (pieces <= 5
            && cell.len() <= 2 * crate::validate::MAX_CODE_LEN
            && cell.is_ascii()
            && !cell.contains(": ")
            && !cell.ends_with(['.', ':', ','])
            && cell.contains(|c: char| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The FRS page's layout, text written for the test.
    const PAGE: &str = "Error Codes
- Parameter description
Parameter
Mandatory
Type
Description
error_code
No
String
Error code
-
Type
Status Code
Error Code
Description
Measure
Common service errors
(error code range: 1–99)
403
FRS.0002
Token authentication failed.
Obtain your token again.
400
FRS.0013
The face image size is too large or too small.
Upload a facial image that meets the requirements.
The image resolution must be less than 4,096 x 2,160.
- Gateway error code
Type
Status Code
Error Code
Description
Measure
Gateway errors
(error code range: 1–400)
413/504
APIG.0201
The request body exceeds the allowed range.
- Check the size.
- Contact the customer service.
Feedback
Was this page helpful?
";

    fn row(line: usize, cells: &[&str]) -> Row {
        Row {
            line,
            cells: cells.iter().map(|cell| (*cell).to_owned()).collect(),
        }
    }

    #[test]
    fn one_cell_per_line_with_group_rows_and_multi_line_cells() {
        let (read, notes) = tables(PAGE);
        assert_eq!(read.len(), 2, "{read:#?}");
        assert_eq!(
            read[0].header,
            [
                "Type",
                "Status Code",
                "Error Code",
                "Description",
                "Measure"
            ]
        );
        assert_eq!(read[0].line, 12);
        assert_eq!(
            read[0].rows,
            [
                row(17, &["Common service errors\n(error code range: 1–99)", "", "", "", ""]),
                row(19, &["", "403", "FRS.0002", "Token authentication failed.", "Obtain your token again."]),
                row(23, &["", "400", "FRS.0013", "The face image size is too large or too small.", "Upload a facial image that meets the requirements.\nThe image resolution must be less than 4,096 x 2,160."]),
            ]
        );
        assert_eq!(
            read[1].rows[1].cells[4],
            "- Check the size.\n- Contact the customer service."
        );
        assert_eq!(
            notes,
            [],
            "the caption before the next header belongs to neither table"
        );
        let stray = "Status Code\nError Code\nDescription\nstray\n400\nFRS.0011\nMissing.\n";
        let (read, notes) = tables(stray);
        assert_eq!(read[0].rows, [row(5, &["400", "FRS.0011", "Missing."])]);
        assert_eq!(
            notes,
            [Note::warning(
                4,
                "`stray` is neither a row of the table at line 1 nor a group row (a row has one line for each of `Status Code`, `Error Code`, `Description`): left out".to_owned()
            )],
            "a line that is no row is left out, and said so"
        );
    }

    #[test]
    fn a_title_right_before_the_header_is_not_a_column() {
        let page = "Error Codes\nStatus Code\nError Code\nDescription\n400\nFRS.0011\nA parameter is missing.\n";
        let (read, _) = tables(page);
        assert_eq!(read[0].header, ["Status Code", "Error Code", "Description"]);
        assert_eq!(
            read[0].rows,
            [row(5, &["400", "FRS.0011", "A parameter is missing."])]
        );
    }

    #[test]
    fn tab_separated_rows_with_prose_around_and_cells_over_several_lines() {
        let page = "Error Codes\n\nWhen a call fails, the body names the code.\n\
                    Status Code\tError Code\tError Message\tSolution\n\
                    400\tAPIG.0101\tThe API does not exist.\tCheck the path.\n\
                    504\tAPIG.0201\tBackend timeout.\tRetry later.\nOr ask for help.\n\
                    \t\tA second case of the code above.\t\n\
                    \n\
                    Parent topic: Appendix\n";
        let (read, notes) = tables(page);
        assert_eq!(notes, []);
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].line, 4);
        assert_eq!(
            read[0].rows,
            [
                row(
                    5,
                    &[
                        "400",
                        "APIG.0101",
                        "The API does not exist.",
                        "Check the path."
                    ]
                ),
                row(
                    6,
                    &[
                        "504",
                        "APIG.0201",
                        "Backend timeout.",
                        "Retry later.\nOr ask for help."
                    ]
                ),
                row(8, &["", "", "A second case of the code above.", ""]),
            ]
        );
        let wrapped = "Error Code\tDescription\tSolution\nA.1\tFirst line\nsecond line\tFix it.\n";
        assert_eq!(
            tables(wrapped).0[0].rows,
            [row(2, &["A.1", "First line\nsecond line", "Fix it."])],
            "a line break inside a cell that is not the last"
        );
    }

    #[test]
    fn one_cell_per_line_with_blank_lines_and_empty_cells() {
        let page = "Error Codes\n\nSome prose about the codes.\n\n\
                    Status Code\n\nError Code\n\nError Message\n\nDescription\n\n\
                    400\n\nAPIG.0101\n\nThe API does not exist.\n\nNo API matches the path.\nCheck it.\n\n\
                    504\n\nAPIG.0201\n\n\n\nThe backend timed out.\n\n\
                    Parent topic: Appendix\n";
        let (read, notes) = tables(page);
        assert_eq!(notes, []);
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].line, 5);
        assert_eq!(
            read[0].rows,
            [
                row(
                    13,
                    &[
                        "400",
                        "APIG.0101",
                        "The API does not exist.",
                        "No API matches the path.\nCheck it."
                    ]
                ),
                row(22, &["504", "APIG.0201", "", "The backend timed out."]),
            ]
        );
    }
}
