//! Markdown pipe tables (GitHub style).
//!
//! The rules:
//!
//! * **Tables.** A pipe row (the header), then a delimiter row whose cells are dashes with an
//!   optional ':' at either end (`---`, `:--`, `:-:`, a single `-` will do), then body rows up to
//!   the first line that is not a pipe row (a blank line, text, a fence). `Table::line` is the
//!   header's line, `Row::line` each row's line. A pipe row is a line holding at least one `|`
//!   outside code spans and escapes; leading and trailing pipes are optional and leading
//!   indentation is ignored. Pipe rows inside fenced code blocks (```` ``` ```` or `~~~`) are not
//!   tables.
//! * **Cells.** Split on `|`, except `\|` (a literal pipe, even inside a code span) and pipes
//!   inside backtick code spans. Inline Markdown is removed, its words kept: `**strong**`,
//!   `*em*`, `_em_`, `` `code` `` (verbatim), `[text](url)` and `![alt](src)` (their text). The
//!   rest is HTML for [`super::html`]'s cell-text rules: `<br>` breaks a line, other tags are
//!   stripped, entities and backslash escapes are decoded, whitespace is collapsed and lines are
//!   trimmed.
//! * **Row width.** A body row with fewer cells than the header gets "" for the missing ones.
//! * **Errors** ([`ReadError`] with the line): a delimiter row whose cell count differs from the
//!   header's; a body row with more cells than the header.
//!
//! Not handled (kept as written): tables inside block quotes (`> | a |`), reference-style links,
//! autolinks (`<https://…>`), brackets inside link text, parentheses inside link targets, and
//! emphasis beyond pairing runs of the same character and length (an unpaired `*` stays).

use std::borrow::Cow;

use super::fences::fenced_lines;
use super::html::cell_text;
use super::table::{ReadError, Row, Table};

/// Reads every pipe table of the Markdown `page`, in page order.
pub(crate) fn tables(page: &str) -> Result<Vec<Table>, ReadError> {
    let page = page.strip_prefix('\u{feff}').unwrap_or(page);
    let lines: Vec<&str> = page.lines().collect();
    let fenced = fenced_lines(page);
    let row_at = |i: usize| split_row(lines.get(i).filter(|_| fenced.get(i) == Some(&false))?);
    let text = |cells: Vec<String>| cells.iter().map(|cell| cell_text(&to_html(cell))).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let delimiter = row_at(i + 1).filter(|cells| is_delimiter(cells));
        let (Some(header), Some(delimiter)) = (row_at(i), delimiter) else {
            i += 1;
            continue;
        };
        let width = header.len();
        if delimiter.len() != width {
            return Err(mismatch(i + 2, "delimiter row", delimiter.len(), width));
        }
        let mut table = Table {
            line: i + 1,
            header: text(header),
            rows: Vec::new(),
        };
        i += 2;
        while let Some(cells) = row_at(i) {
            if cells.len() > width {
                return Err(mismatch(i + 1, "row", cells.len(), width));
            }
            let mut cells: Vec<String> = text(cells);
            cells.resize(width, String::new());
            table.rows.push(Row { line: i + 1, cells });
            i += 1;
        }
        found.push(table);
    }
    Ok(found)
}

fn mismatch(line: usize, what: &str, cells: usize, width: usize) -> ReadError {
    let message = format!("{what} has {cells} cells but the header has {width}");
    ReadError { line, message }
}

/// The raw cells of a pipe row (`\|` already turned into `|`), or `None` if `line` is not one.
fn split_row(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    let body = line.strip_prefix('|').unwrap_or(line);
    let bytes = body.as_bytes();
    let (mut cells, mut start, mut i) = (Vec::new(), 0, 0);
    while let Some(&b) = bytes.get(i) {
        match b {
            // Skip the escaped byte: an escaped pipe does not split.
            b'\\' => i += 1,
            b'`' => {
                let rest = &body[i..];
                i += code_span(rest).map_or_else(|| run_len(rest, '`'), |(_, len)| len) - 1;
            }
            b'|' => {
                cells.push(body[start..i].replace("\\|", "|"));
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if cells.is_empty() && body.len() == line.len() {
        return None;
    }
    // A trailing pipe ends the last cell instead of starting an empty one.
    if start < body.len() || cells.is_empty() {
        cells.push(body[start..].replace("\\|", "|"));
    }
    Some(cells)
}

fn is_delimiter(cells: &[String]) -> bool {
    cells.iter().all(|cell| {
        let cell = cell.trim();
        let cell = cell.strip_prefix(':').unwrap_or(cell);
        let cell = cell.strip_suffix(':').unwrap_or(cell);
        !cell.is_empty() && cell.bytes().all(|b| b == b'-')
    })
}

/// Length of the run of `c` that `s` starts with.
fn run_len(s: &str, c: char) -> usize {
    s.len() - s.trim_start_matches(c).len()
}

/// For a code span that `s` starts with: the length of its backtick runs and its whole length.
fn code_span(s: &str) -> Option<(usize, usize)> {
    let ticks = run_len(s, '`');
    let mut at = ticks;
    while let Some(offset) = s[at..].find('`') {
        let closing = run_len(&s[at + offset..], '`');
        at += offset + closing;
        if closing == ticks {
            return Some((ticks, at));
        }
    }
    None
}

/// Markdown inline syntax rewritten as HTML: emphasis and link syntax dropped, code spans,
/// autolinks and backslash escapes turned into escaped text, everything else (tags, entities) left
/// for [`cell_text`].
fn to_html(cell: &str) -> String {
    let mut html = String::new();
    let mut runs: Vec<Run> = Vec::new();
    // The open link: where its text ends (the ']') and where to resume (after the ')').
    let mut link_end: Option<(usize, usize)> = None;
    let mut i = 0;
    while let Some(c) = cell[i..].chars().next() {
        if let Some((close, resume)) = link_end.filter(|&(close, _)| close <= i) {
            // A code span can hide the ']'; then the target stays as text.
            link_end = None;
            if close == i {
                i = resume;
                continue;
            }
        }
        let rest = &cell[i..];
        let (text, len): (Cow<str>, usize) = match c {
            '\\' if rest[1..].starts_with(|p: char| p.is_ascii_punctuation()) => {
                (code(&rest[1..2]), 2)
            }
            '`' => match code_span(rest) {
                Some((ticks, len)) => (code(&rest[ticks..len - ticks]), len),
                None => (rest[..run_len(rest, '`')].into(), run_len(rest, '`')),
            },
            '*' | '_' => {
                let len = run_len(rest, c);
                let (before, after) = (cell[..i].chars().next_back(), rest[len..].chars().next());
                let flanking = |x: Option<char>| x.is_some_and(|x| !x.is_whitespace());
                // '_' does not emphasise inside words (snake_case); '*' does.
                let word = |x: Option<char>| c == '_' && x.is_some_and(char::is_alphanumeric);
                let open = flanking(after) && !word(before);
                let close = flanking(before) && !word(after);
                runs.push(Run {
                    at: html.len(),
                    c,
                    len,
                    open,
                    close,
                });
                (rest[..len].into(), len)
            }
            '[' | '!' if link_end.is_none() => {
                let bang = usize::from(c == '!');
                match link(&rest[bang..]) {
                    Some((close, end)) => {
                        link_end = Some((i + bang + close, i + bang + end));
                        ("".into(), bang + 1)
                    }
                    None => (rest[..1].into(), 1),
                }
            }
            _ => (rest[..c.len_utf8()].into(), c.len_utf8()),
        };
        html.push_str(&text);
        i += len;
    }
    // Pair each closing run with the nearest open run of the same character and length; the
    // paired runs are emphasis and go, the others stay as text.
    let mut openers: Vec<usize> = Vec::new();
    let mut paired = Vec::new();
    for (k, run) in runs.iter().enumerate() {
        let same = |&o: &usize| runs[o].c == run.c && runs[o].len == run.len;
        match openers.iter().rposition(same).filter(|_| run.close) {
            Some(o) => {
                paired.extend([openers[o], k]);
                openers.truncate(o);
            }
            None if run.open => openers.push(k),
            None => {}
        }
    }
    paired.sort_unstable();
    for run in paired.iter().rev().map(|&k| &runs[k]) {
        html.replace_range(run.at..run.at + run.len, "");
    }
    html
}

/// A run of emphasis characters in the HTML being built, and whether it can open or close.
struct Run {
    at: usize,
    c: char,
    len: usize,
    open: bool,
    close: bool,
}

/// Text escaped so that [`cell_text`] gives it back verbatim.
fn code(text: &str) -> Cow<'static, str> {
    let escaped = text.replace('&', "&amp;").replace('<', "&lt;");
    escaped.replace('\\', "&#92;").into()
}

/// For a link or image `[text](target)` that `s` starts with (no brackets inside the text): the
/// offset of its ']' and its length.
fn link(s: &str) -> Option<(usize, usize)> {
    let close = 1 + s.strip_prefix('[')?.find(['[', ']'])?;
    let target = s[close..].strip_prefix("](")?;
    Some((close, s.len() - target.len() + target.find(')')? + 1))
}
