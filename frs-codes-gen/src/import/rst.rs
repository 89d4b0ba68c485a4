//! Reads the tables of a reStructuredText page.
//!
//! Two table syntaxes are recognised, bare or indented (for instance inside a
//! `.. table:: **Table 1** Error codes` directive):
//!
//! * **Grid tables** draw every cell. The top border `+----+----+` fixes the column boundaries:
//!   every physical line of the table is cut into cells at the character columns of the
//!   border's `+` signs, never at `|` characters, because a cell may contain a `|` (for example
//!   inside an inline literal). Rows are separated by `+----+` border lines, and the rows above
//!   a `+====+` line form the header. A row usually spans several physical lines.
//! * **Simple tables** are drawn with column rules, `=====  =====` (at least two runs of `=`
//!   on one line). The first rule gives the column starts; the rows before the second rule are
//!   the header, and the body runs until the rule after that. A rule followed by a blank line
//!   (or the end of the page) when no header has been seen closes a table that has no header.
//!   Text may run past its column only in the last column. A body line whose first column is
//!   blank continues the row above it.
//!
//! A table must start after a blank line, as in docutils, so a section title's `=====`
//! underline is never taken for a table. Literal blocks (the indented block after a paragraph
//! ending in `::`, the content of `.. code-block::` and similar directives, and comments) are
//! skipped, so a table drawn inside an example is not a table. The content of other directives
//! (`.. table::`, `.. note::`, …) is read like the rest of the page.
//!
//! # Cell text
//!
//! Each cell becomes plain text, one line (joined with `'\n'`) per paragraph or list item:
//!
//! * Blank lines separate paragraphs; the physical lines of a paragraph are joined with a space.
//! * A bullet item (`-  text`, `* text`, `+ text`, continuation lines indented) becomes one line
//!   starting with `- `. Enumerated items (`#. text`, `1. text`, `1) text`) keep their marker as
//!   written. Nested lists are flattened.
//! * Explicit markup lines (`.. note::`, labels, comments) are dropped, except for the argument
//!   of a non-literal directive (`.. admonition:: Title`); the lines indented under them are
//!   read as paragraphs like any others.
//! * Inline markup is removed and its words kept: `**strong**`, `*emphasis*`, ` ``literal`` `,
//!   `` `interpreted` ``, `` `text <url>`_ `` and `` `text`_ `` (the text),
//!   `` :role:`Title <target>` `` (the title) and `` :role:`target` `` (the target). Markup is
//!   recognised only where RST recognises it (the start-string follows whitespace or
//!   punctuation and precedes a non-space, and so on), so `grant_type`, `limit:XX` and `***`
//!   stay as they are. Simple references (`word_`), substitutions (`|name|`) and footnote
//!   references are left as written.
//! * Outside inline literals, `\` followed by whitespace disappears (`4\ *xx*` gives `4xx`),
//!   and `\` followed by another character gives that character (`\\n` gives `\n`).
//! * Whitespace runs (including U+00A0) become one space, lines are trimmed, empty lines are
//!   dropped; an empty cell is `""`. A header cell is joined into a single line.
//!
//! # Merged cells and limits
//!
//! A border line whose segment under a column is not `---` (spaces or text) means that the cell
//! above spans the border (a row span). Its text, including the text crossing the border, stays
//! in the row where the cell starts, and the following rows get `""` in that column. Column
//! spans are not recognised: every line is cut at the top border's boundaries, so the text of a
//! cell spanning columns is split between them. Columns are counted in chars (one per char, East
//! Asian wide characters included, unlike docutils, which counts those as two), and a tab counts
//! as one column.
//!
//! A grid table that cannot be read (a line of a different length than the top border, a line
//! not starting with `|` inside the table, a row without a closing border) is an error naming
//! the line; so is a simple table without a closing rule.

use super::table::{ReadError, Row, Table};

/// Directives whose content is literal text, not RST to look for tables in.
const LITERAL_DIRECTIVES: [&str; 7] = [
    "code-block",
    "code",
    "sourcecode",
    "parsed-literal",
    "raw",
    "math",
    "csv-table",
];

/// Every table of `page`, in page order.
///
/// Each table's `line` is the line of its top border or first rule, and each row's `line` the
/// first line of the row (1-based). A table without a header row has an empty `header`; every
/// row has one cell per column.
pub(crate) fn tables(page: &str) -> Result<Vec<Table>, ReadError> {
    // A BOM would hide a table starting on the first line; `lines` already accepts CRLF.
    let page = page.strip_prefix('\u{feff}').unwrap_or(page);
    let lines: Vec<&str> = page.lines().collect();
    let mut found = Vec::new();
    let mut after_blank = true;
    // Indentation of the line opening a literal block or comment; deeper lines are skipped.
    let mut literal_opener: Option<usize> = None;
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if is_blank(line) {
            after_blank = true;
            i += 1;
            continue;
        }
        let indent = indent_of(line);
        if let Some(opener) = literal_opener {
            if indent > opener {
                after_blank = false;
                i += 1;
                continue;
            }
            literal_opener = None;
        }
        let text = line.trim();
        if after_blank {
            let table = if is_grid_border(text) {
                Some(grid(&lines, i, indent)?)
            } else if rule_starts(line).len() >= 2 {
                Some(simple(&lines, i, indent)?)
            } else {
                None
            };
            if let Some((table, next)) = table {
                found.push(table);
                after_blank = false;
                i = next;
                continue;
            }
        }
        if opens_literal(text) {
            literal_opener = Some(indent);
        }
        after_blank = false;
        i += 1;
    }
    Ok(found)
}

/// A row while its table is being read: the raw text lines of each of its cells.
struct RawRow {
    line: usize,
    cells: Vec<Vec<String>>,
}

impl RawRow {
    fn new(line: usize, columns: usize) -> Self {
        RawRow {
            line,
            cells: vec![Vec::new(); columns],
        }
    }
}

/// Reads the grid table whose top border is `lines[start]`; returns it and the index of the
/// first line after it.
fn grid(lines: &[&str], start: usize, indent: usize) -> Result<(Table, usize), ReadError> {
    let top: Vec<char> = lines[start].trim_end().chars().collect();
    let bounds: Vec<usize> = (0..top.len()).filter(|&k| top[k] == '+').collect();
    let right = bounds.last().copied().unwrap_or(indent);
    let columns = bounds.len().saturating_sub(1);
    let mut rows: Vec<RawRow> = Vec::new();
    // The row whose cell each column is filling; None until the first row line.
    let mut owner: Vec<Option<usize>> = vec![None; columns];
    // Columns closed by the last border line, so the next row line starts a new cell in them.
    let mut closed = vec![true; columns];
    let mut in_row = false;
    let mut header_rows = None;
    let mut i = start + 1;
    loop {
        let no = i + 1;
        let line: Vec<char> = lines
            .get(i)
            .map_or_else(Vec::new, |l| l.trim_end().chars().collect());
        let starts_row =
            matches!(line.get(indent), Some('|' | '+')) && line[..indent].iter().all(|&c| c == ' ');
        if !starts_row {
            if line.is_empty() && in_row {
                let opened = rows.last().map_or(start + 1, |row| row.line);
                return Err(error(
                    no.min(lines.len()),
                    format!("expected a `+---+` border closing the grid table row that starts on line {opened}"),
                ));
            }
            if in_row || rows.is_empty() {
                return Err(error(
                    no.min(lines.len()),
                    format!(
                        "a grid table row must start with `|` at column {}",
                        indent + 1
                    ),
                ));
            }
            break;
        }
        if line.len() != right + 1 || !matches!(line[right], '|' | '+') {
            return Err(error(
                no,
                format!(
                    "a grid table line must end with `|` at column {}, where the border on line {} ends",
                    right + 1,
                    start + 1
                ),
            ));
        }
        let segments: Vec<&[char]> = bounds.windows(2).map(|b| &line[b[0] + 1..b[1]]).collect();
        let rules: Vec<bool> = bounds
            .windows(2)
            .zip(&segments)
            .map(|(b, seg)| line[b[0]] == '+' && line[b[1]] == '+' && is_rule(seg))
            .collect();
        if rules.contains(&true) {
            let is_header_separator = segments
                .iter()
                .zip(&rules)
                .any(|(seg, &rule)| rule && seg[0] == '=');
            if is_header_separator && header_rows.is_none() {
                header_rows = Some(rows.len());
            }
            // A column that does not close here belongs to a cell spanning this border.
            for (k, (seg, &rule)) in segments.iter().zip(&rules).enumerate() {
                if rule {
                    closed[k] = true;
                } else if let Some(row) = owner[k] {
                    rows[row].cells[k].push(seg.iter().collect());
                }
            }
            in_row = false;
        } else {
            if closed.contains(&true) {
                rows.push(RawRow::new(no, columns));
                for (k, was_closed) in closed.iter_mut().enumerate() {
                    if *was_closed {
                        owner[k] = Some(rows.len() - 1);
                        *was_closed = false;
                    }
                }
            }
            for (k, seg) in segments.iter().enumerate() {
                if let Some(row) = owner[k] {
                    rows[row].cells[k].push(seg.iter().collect());
                }
            }
            in_row = true;
        }
        i += 1;
    }
    Ok((finish(start + 1, rows, header_rows, columns), i))
}

/// Reads the simple table whose top rule is `lines[start]`; returns it and the index of the
/// first line after its closing rule.
fn simple(lines: &[&str], start: usize, indent: usize) -> Result<(Table, usize), ReadError> {
    let starts = rule_starts(lines[start]);
    let columns = starts.len();
    let mut rows: Vec<RawRow> = Vec::new();
    let mut header_rows = None;
    // The row a continuation line (blank first column) or blank line belongs to.
    let mut current: Option<usize> = None;
    let missing_rule = |line: usize| {
        error(
            line,
            format!(
                "expected a `=====` rule closing the simple table that starts on line {}",
                start + 1
            ),
        )
    };
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        let no = i + 1;
        let text = line.trim();
        if text.is_empty() {
            // Inside a multi-line row a blank line separates paragraphs.
            if let Some(row) = current {
                rows[row]
                    .cells
                    .iter_mut()
                    .for_each(|cell| cell.push(String::new()));
            }
            continue;
        }
        if indent_of(line) < indent {
            return Err(missing_rule(no));
        }
        if is_rule(&text.chars().filter(|c| *c != ' ').collect::<Vec<_>>()) {
            if text.starts_with('-') {
                // An underline grouping header columns has no text; it ends the row, as in docutils.
                current = None;
                continue;
            }
            let blank_follows = lines.get(i + 1).is_none_or(|l| is_blank(l));
            if header_rows.is_none() && !blank_follows {
                header_rows = Some(rows.len());
                current = None;
                continue;
            }
            return Ok((finish(start + 1, rows, header_rows, columns), i + 1));
        }
        let chars: Vec<char> = line.chars().collect();
        let cells: Vec<String> = (0..columns)
            .map(|k| {
                let from = starts[k].min(chars.len());
                let to = starts
                    .get(k + 1)
                    .map_or(chars.len(), |&next| next.min(chars.len()));
                chars[from..to].iter().collect()
            })
            .collect();
        let continues = cells.first().is_some_and(|first| first.trim().is_empty());
        let row = match current {
            Some(row) if continues => row,
            _ => {
                rows.push(RawRow::new(no, columns));
                rows.len() - 1
            }
        };
        for (cell, text) in rows[row].cells.iter_mut().zip(cells) {
            cell.push(text);
        }
        current = Some(row);
    }
    Err(missing_rule(lines.len()))
}

/// Turns raw rows into a table: the first `header_rows` rows are joined into the header.
fn finish(line: usize, rows: Vec<RawRow>, header_rows: Option<usize>, columns: usize) -> Table {
    let mut rows: Vec<Row> = rows
        .into_iter()
        .map(|row| Row {
            line: row.line,
            cells: row.cells.iter().map(|cell| cell_text(cell)).collect(),
        })
        .collect();
    let header = match header_rows {
        Some(count) => {
            let head: Vec<Row> = rows.drain(..count.min(rows.len())).collect();
            (0..columns)
                .map(|k| {
                    let parts: Vec<&str> =
                        head.iter().flat_map(|row| row.cells[k].lines()).collect();
                    parts.join(" ")
                })
                .collect()
        }
        None => Vec::new(),
    };
    Table { line, header, rows }
}

/// The plain text of a cell from its raw lines: one line per paragraph or list item.
fn cell_text(raw: &[String]) -> String {
    let margin = raw
        .iter()
        .filter(|l| !is_blank(l))
        .map(|l| indent_of(l))
        .min()
        .unwrap_or(0);
    let mut blocks: Vec<String> = Vec::new();
    let mut in_block = false;
    // Indentation of the current list item's marker, while lines may continue that item.
    let mut item: Option<usize> = None;
    for line in raw {
        if is_blank(line) {
            in_block = false;
            continue;
        }
        let indent = indent_of(line) - margin;
        let text = line.trim();
        if let Some(rest) = text
            .strip_prefix("..")
            .filter(|r| r.is_empty() || r.starts_with(' '))
        {
            // Explicit markup: keep only a non-literal directive's argument.
            let argument = directive(rest.trim())
                .filter(|(name, _)| !LITERAL_DIRECTIVES.contains(name))
                .map(|(_, argument)| argument.trim())
                .filter(|argument| !argument.is_empty());
            if let Some(argument) = argument {
                blocks.push(argument.to_string());
            }
            in_block = false;
            item = None;
            continue;
        }
        match list_marker(text) {
            Some((marker, rest)) if !in_block || item.is_some() => {
                blocks.push(format!("{marker} {}", rest.trim()));
                item = Some(indent);
            }
            _ if in_block && item.is_none_or(|marker| indent > marker) => {
                if let Some(last) = blocks.last_mut() {
                    last.push(' ');
                    last.push_str(text);
                }
            }
            _ => {
                blocks.push(text.to_string());
                item = None;
            }
        }
        in_block = true;
    }
    let lines: Vec<String> = blocks
        .iter()
        .map(|block| collapse(&plain(&block.chars().collect::<Vec<_>>(), true)))
        .filter(|line| !line.is_empty())
        .collect();
    lines.join("\n")
}

/// The marker of a list item starting `text` (`-` for any bullet) and the item's text.
fn list_marker(text: &str) -> Option<(&str, &str)> {
    let (marker, rest) = text.split_once(|c: char| c.is_whitespace())?;
    if matches!(marker, "-" | "*" | "+" | "•") {
        return Some(("-", rest));
    }
    let number = marker
        .strip_suffix('.')
        .or_else(|| marker.strip_suffix(')'))?;
    let enumerated =
        number == "#" || (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit()));
    enumerated.then_some((marker, rest))
}

/// Whether a non-blank line (trimmed) opens a literal block or a comment, whose more indented
/// lines are not RST to look for tables in.
fn opens_literal(text: &str) -> bool {
    match text.strip_prefix("..") {
        Some(rest) if rest.is_empty() || rest.starts_with(' ') => {
            let rest = rest.trim();
            match directive(rest) {
                Some((name, _)) => LITERAL_DIRECTIVES.contains(&name),
                // Not a label, footnote, citation or substitution definition: a comment.
                None => !rest.starts_with(['_', '[', '|']),
            }
        }
        _ => text.ends_with("::"),
    }
}

/// Splits `name:: argument` (the text after `.. `) into the directive name and its argument.
fn directive(text: &str) -> Option<(&str, &str)> {
    let (name, argument) = text.split_once("::")?;
    let is_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '+'));
    is_name.then_some((name, argument))
}

/// Whether a trimmed line is a grid table's top border, `+---+---+`.
fn is_grid_border(text: &str) -> bool {
    text.len() >= 3
        && text.starts_with('+')
        && text.ends_with('+')
        && !text.contains("++")
        && text.chars().all(|c| c == '+' || c == '-')
}

/// Whether `seg` is a non-empty run of `-` or of `=`.
fn is_rule(seg: &[char]) -> bool {
    seg.first()
        .is_some_and(|&first| matches!(first, '-' | '=') && seg.iter().all(|&c| c == first))
}

/// The char columns where the `=` runs of a simple-table rule start; empty if `line` is not one.
fn rule_starts(line: &str) -> Vec<usize> {
    let text = line.trim();
    if text.is_empty() || !text.chars().all(|c| c == '=' || c == ' ') {
        return Vec::new();
    }
    let chars: Vec<char> = line.chars().collect();
    (0..chars.len())
        .filter(|&k| chars[k] == '=' && (k == 0 || chars[k - 1] != '='))
        .collect()
}

/// The plain text of `s`: backslash escapes applied and, if `markup`, inline markup removed.
fn plain(s: &[char], markup: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        if c == '\\' {
            // An escaped whitespace vanishes; any other escaped character stands for itself.
            if let Some(&next) = s.get(i + 1).filter(|n| !n.is_whitespace()) {
                out.push(next);
            }
            i += 2;
        } else if let Some((text, next)) = markup.then(|| inline_markup(s, i)).flatten() {
            out.push_str(&text);
            i = next;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The plain text of the inline markup starting at `s[i]` and the index after it, if there is one.
fn inline_markup(s: &[char], i: usize) -> Option<(String, usize)> {
    let after_start = |len: usize| -> bool {
        let Some(&next) = s.get(i + len) else {
            return false;
        };
        let prev = i.checked_sub(1).map(|p| s[p]);
        // RST ignores a start-string quoted by a matching pair, as in `(*)` or `"*"`.
        let quoted = matches!(
            (prev, next),
            (Some('('), ')')
                | (Some('['), ']')
                | (Some('{'), '}')
                | (Some('<'), '>')
                | (Some('\''), '\'')
                | (Some('"'), '"')
        );
        !next.is_whitespace() && !quoted && prev.is_none_or(may_precede)
    };
    let starts_with = |at: usize, pat: &str| {
        pat.chars()
            .enumerate()
            .all(|(k, c)| s.get(at + k) == Some(&c))
    };
    if starts_with(i, "``") {
        if !after_start(2) {
            return None;
        }
        let end = find_end(s, i + 3, "``", false, |at| at)?;
        return Some((s[i + 2..end].iter().collect(), end + 2));
    }
    if starts_with(i, "**") {
        if !after_start(2) {
            return None;
        }
        let end = find_end(s, i + 3, "**", true, |at| at)?;
        return Some((plain(&s[i + 2..end], false), end + 2));
    }
    match s[i] {
        '*' if s.get(i + 1) != Some(&'*') && after_start(1) => {
            let end = find_end(s, i + 2, "*", true, |at| at)?;
            Some((plain(&s[i + 1..end], false), end + 1))
        }
        '`' if after_start(1) => {
            // Interpreted text or a hyperlink reference, maybe followed by `_`, `__` or `:role:`.
            let suffix = |at: usize| {
                if starts_with(at, "__") {
                    at + 2
                } else if starts_with(at, "_") {
                    at + 1
                } else {
                    role_end(s, at).unwrap_or(at)
                }
            };
            let end = find_end(s, i + 2, "`", true, suffix)?;
            Some((target_text(&s[i + 1..end]), suffix(end + 1)))
        }
        ':' if i == 0 || may_precede(s[i - 1]) => {
            let open = role_end(s, i)?;
            if s.get(open) != Some(&'`') || s.get(open + 1).is_none_or(|c| c.is_whitespace()) {
                return None;
            }
            let end = find_end(s, open + 2, "`", true, |at| at)?;
            Some((target_text(&s[open + 1..end]), end + 1))
        }
        _ => None,
    }
}

/// Finds the end-string `end` at or after `from`: not preceded by whitespace (nor escaped, if
/// `escapable`) and followed, after whatever `suffix` skips, by the end of text, whitespace or
/// punctuation.
fn find_end(
    s: &[char],
    from: usize,
    end: &str,
    escapable: bool,
    suffix: impl Fn(usize) -> usize,
) -> Option<usize> {
    let end: Vec<char> = end.chars().collect();
    (from..s.len()).find(|&at| {
        s[at..].starts_with(&end)
            && !s[at - 1].is_whitespace()
            && !(escapable && s[..at].iter().rev().take_while(|&&c| c == '\\').count() % 2 == 1)
            && s.get(suffix(at + end.len())).is_none_or(|&c| may_follow(c))
    })
}

/// The index just after a role name `:name:` starting at `s[at]`, if there is one.
fn role_end(s: &[char], at: usize) -> Option<usize> {
    if s.get(at) != Some(&':') {
        return None;
    }
    let len = s[at + 1..]
        .iter()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '+' | ':'))
        .count();
    let end = at + 1 + len;
    (len >= 2 && s[end - 1] == ':').then_some(end)
}

/// The text shown for a reference or role content: `Title <target>` shows `Title`, a bare
/// `<target>` or `target` shows the target.
fn target_text(content: &[char]) -> String {
    let text: String = content.iter().collect();
    let shown = text
        .strip_suffix('>')
        .and_then(|inner| inner.rsplit_once('<'))
        .filter(|(title, _)| title.is_empty() || title.ends_with(char::is_whitespace))
        .map_or(text.as_str(), |(title, target)| match title.trim() {
            "" => target,
            title => title,
        });
    plain(&shown.chars().collect::<Vec<_>>(), false)
}

/// Whether inline markup may start after `c` (whitespace, an opening bracket or a delimiter).
fn may_precede(c: char) -> bool {
    c.is_whitespace()
        || "!\"#%&'(*,-./:;<?@[\\{".contains(c)
        || (!c.is_ascii() && !c.is_alphanumeric())
}

/// Whether inline markup may end before `c` (whitespace, a closing bracket or a delimiter).
fn may_follow(c: char) -> bool {
    c.is_whitespace()
        || "!\"#%&')*,-./:;?@\\]}>".contains(c)
        || (!c.is_ascii() && !c.is_alphanumeric())
}

/// Collapses whitespace runs to one space and trims.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// The number of leading spaces of `line`.
fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn error(line: usize, message: String) -> ReadError {
    ReadError { line, message }
}
