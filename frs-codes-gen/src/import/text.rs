//! The page as text, the way a browser copies Huawei Cloud's error-code page: one cell per line.
//!
//! A table starts with its header, one column name per line (`Type`, `Status Code`, `Error
//! Code`, `Description`, `Measure`); three or more known column names in a row, one of them
//! the code's, make a header. Group rows follow, a title and then `(error code range: 1–99)`,
//! and between them the rows: one line per cell, except that the last column takes every line
//! up to the next row. A row starts where a status and a code stand in their columns' places; a
//! group row, the next header (and a caption line just before it, such as `- Gateway error
//! code`), and the site's footer (`Feedback`) end the row before.
//!
//! The group title becomes the cell of the `Type` column, and its range is returned beside the
//! tables, by title.

use super::columns::{role_of, Role};
use super::statuses::is_status_cell;
use super::table::{ReadError, Row, Table};

/// A group row's title and the range of code numbers it declares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GroupRange {
    pub title: String,
    pub range: (u32, u32),
}

/// Lines where the documentation site's footer starts: nothing after them is a table.
const FOOTERS: [&str; 4] = [
    "Feedback",
    "Was this page helpful?",
    "意见反馈",
    "文档是否有帮助？",
];

/// The tables of a text page and the ranges of its group rows.
pub(crate) fn tables(page: &str) -> Result<(Vec<Table>, Vec<GroupRange>), ReadError> {
    let lines: Vec<&str> = page.lines().map(str::trim).collect();
    let end = lines
        .iter()
        .position(|line| FOOTERS.contains(line))
        .unwrap_or(lines.len());
    let lines = &lines[..end];
    let headers = header_runs(lines);
    let mut tables = Vec::new();
    let mut ranges = Vec::new();
    for (number, &(start, width)) in headers.iter().enumerate() {
        let header: Vec<String> = lines[start..start + width]
            .iter()
            .map(|line| (*line).to_owned())
            .collect();
        // The table runs to the next header, less the caption line just before it.
        let stop = match headers.get(number + 1) {
            Some(&(next, _)) if next > 0 && !lines[next - 1].is_empty() => next - 1,
            Some(&(next, _)) => next,
            None => lines.len(),
        };
        let table = read_table(lines, header, start, width, stop, &mut ranges)?;
        tables.push(table);
    }
    Ok((tables, ranges))
}

/// `(first line, width)` of every header: three or more known column names in a row, one of
/// them the code's.
fn header_runs(lines: &[&str]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let width = lines[index..]
            .iter()
            .take_while(|line| role_of(line).is_some())
            .count();
        let has_code = lines[index..index + width]
            .iter()
            .any(|line| role_of(line) == Some(Role::Code));
        if width >= 3 && has_code {
            runs.push((index, width));
            index += width;
        } else {
            index += 1;
        }
    }
    runs
}

fn read_table(
    lines: &[&str],
    header: Vec<String>,
    start: usize,
    width: usize,
    stop: usize,
    ranges: &mut Vec<GroupRange>,
) -> Result<Table, ReadError> {
    let roles: Vec<Option<Role>> = header.iter().map(|name| role_of(name)).collect();
    // Group rows stand for the category column; every other column has a line of its own.
    let group_column = roles.iter().position(|role| *role == Some(Role::Category));
    let per_row: Vec<usize> = (0..width)
        .filter(|column| Some(*column) != group_column)
        .collect();
    let status_at = per_row
        .iter()
        .position(|&column| roles[column] == Some(Role::Status));
    let code_at = per_row
        .iter()
        .position(|&column| roles[column] == Some(Role::Code));
    let row_starts = |index: usize| -> bool {
        let line_at = |offset: usize| lines.get(index + offset).filter(|_| index + offset < stop);
        let code_ok = code_at
            .and_then(line_at)
            .is_some_and(|line| !line.is_empty() && !line.contains(char::is_whitespace));
        let status_ok =
            status_at.is_none_or(|offset| line_at(offset).is_some_and(|line| is_status_cell(line)));
        code_ok && status_ok
    };
    let mut table = Table {
        line: start + 1,
        header,
        rows: Vec::new(),
    };
    let mut group: Option<String> = None;
    let mut index = start + width;
    while index < stop {
        if let Some(range) = lines.get(index + 1).and_then(|line| group_range(line)) {
            if !lines[index].is_empty() && index + 1 < stop {
                group = Some(lines[index].to_owned());
                ranges.push(GroupRange {
                    title: lines[index].to_owned(),
                    range,
                });
                index += 2;
                continue;
            }
        }
        if lines[index].is_empty() {
            index += 1;
            continue;
        }
        if !row_starts(index) {
            return Err(ReadError {
                line: index + 1,
                message: format!(
                    "`{}` is neither a row of the table that starts at line {} nor a group row; a row has one line for each of {}",
                    lines[index],
                    start + 1,
                    per_row
                        .iter()
                        .map(|&column| format!("`{}`", table.header[column]))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
        let row_line = index;
        let mut cells = vec![String::new(); width];
        if let Some(column) = group_column {
            cells[column] = group.clone().unwrap_or_default();
        }
        let (last, fixed) = per_row
            .split_last()
            .expect("a header has three columns or more");
        for (offset, &column) in fixed.iter().enumerate() {
            cells[column] = lines
                .get(row_line + offset)
                .map_or_else(String::new, |line| (*line).to_owned());
        }
        // The last column takes every line up to the next row, group row or the end.
        let mut next = row_line + fixed.len();
        let mut last_lines = Vec::new();
        while next < stop
            && !row_starts(next)
            && lines
                .get(next + 1)
                .is_none_or(|line| group_range(line).is_none())
        {
            if !lines[next].is_empty() {
                last_lines.push(lines[next]);
            }
            next += 1;
        }
        cells[*last] = last_lines.join("\n");
        table.rows.push(Row {
            line: row_line + 1,
            cells,
        });
        index = next;
    }
    Ok(table)
}

/// The range of a group row's second line: `(error code range: 1–99)`, with an en dash or a
/// hyphen, or the Chinese `（错误码范围：1-99）`.
fn group_range(line: &str) -> Option<(u32, u32)> {
    let inner = line
        .strip_prefix("(error code range:")
        .and_then(|rest| rest.strip_suffix(')'))
        .or_else(|| {
            line.strip_prefix("（错误码范围：")
                .and_then(|rest| rest.strip_suffix('）'))
        })?;
    let (start, end) = inner.trim().split_once(['–', '-', '~'])?;
    Some((start.trim().parse().ok()?, end.trim().parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn rows_groups_and_multi_line_cells() {
        let (read, ranges) = tables(PAGE).unwrap_or_else(|error| panic!("{error:?}"));
        assert_eq!(read.len(), 2);
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
                Row {
                    line: 19,
                    cells: vec![
                        "Common service errors".into(),
                        "403".into(),
                        "FRS.0002".into(),
                        "Token authentication failed.".into(),
                        "Obtain your token again.".into()
                    ]
                },
                Row {
                    line: 23,
                    cells: vec![
                        "Common service errors".into(),
                        "400".into(),
                        "FRS.0013".into(),
                        "The face image size is too large or too small.".into(),
                        "Upload a facial image that meets the requirements.\nThe image resolution must be less than 4,096 x 2,160.".into()
                    ]
                },
            ]
        );
        assert_eq!(
            read[1].rows[0].cells[4],
            "- Check the size.\n- Contact the customer service."
        );
        assert_eq!(
            ranges,
            [
                GroupRange {
                    title: "Common service errors".into(),
                    range: (1, 99)
                },
                GroupRange {
                    title: "Gateway errors".into(),
                    range: (1, 400)
                },
            ]
        );
    }

    #[test]
    fn a_line_that_is_no_row_is_an_error_naming_it() {
        let page = "Status Code\nError Code\nDescription\nMeasure\n400\nFRS.0011\nMissing.\nAdd it.\nnot a status\n";
        // `not a status` ends up in the last cell: it is not a row start, so it continues the
        // measure; a stray line before any row is the error.
        let (read, _) = tables(page).unwrap_or_else(|error| panic!("{error:?}"));
        assert_eq!(read[0].rows[0].cells[3], "Add it.\nnot a status");
        let page = "Status Code\nError Code\nDescription\nMeasure\nstray\n400\nFRS.0011\nMissing.\nAdd it.\n";
        let error = tables(page).unwrap_err();
        assert_eq!(error.line, 5);
        assert!(
            error.message.starts_with("`stray` is neither a row"),
            "{}",
            error.message
        );
    }
}
