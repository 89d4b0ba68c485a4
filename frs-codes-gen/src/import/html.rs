//! HTML tables, as Huawei Cloud's documentation sites serve them and as their Markdown sources
//! embed them (`<table>` blocks between lines of Markdown).
//!
//! The pages are machine-generated and regular, so this is a small tokenizer plus a table state
//! machine, not a full HTML5 parser. The rules:
//!
//! * **Tables.** Every `<table>` … `</table>` is one [`Table`], in page order; `Table::line` is
//!   the line of `<table`. `<thead>`, `<tbody>` and `<tfoot>` may be present or not: they only
//!   group rows. A `<caption>`, and any text between cells, is not part of a row.
//! * **Header and body.** The first row (`<tr>`) is the header, whether its cells are `<th>` or
//!   `<td>` (some pages put the header as the first `<tr>` of `<tbody>`); every other row is a
//!   body row, with `Row::line` the line of its `<tr`. A table with several header rows gets only
//!   the first as its header; the others read as body rows.
//! * **Spans.** Spans are tracked by position (the `headers="…"` attributes are not trusted: they
//!   are wrong in rows shortened by a rowspan). A cell with `rowspan="N"` repeats its text in the
//!   same column of the next N-1 rows; a cell with `colspan="N"` fills N columns, its text in the
//!   first and "" in the others. A rowspan running past the last row is cut off there. Values are
//!   clamped as in HTML (colspan at most 1000, rowspan at most 65534; 0 or junk counts as 1).
//! * **Row width.** A body row covering fewer columns than the header is padded with ""; a row
//!   covering more is an error.
//! * **Cell text.** Tags are removed and their words kept. Each `<p>`, `<div>`, list and nested
//!   table cell starts a new line, as does `<br>`; an `<li>` line starts with "- ". Entities are
//!   decoded (`&lt; &gt; &amp; &quot; &apos; &nbsp;`, `&#NNN;`, `&#xHH;`; `&nbsp;` becomes
//!   U+00A0; unknown or invalid ones stay as written), and so are Markdown backslash escapes of
//!   ASCII punctuation (`\"` → `"`), which the Markdown sources leave inside HTML. Runs of ASCII
//!   whitespace become one space; each line is trimmed (U+00A0 included) and empty lines are
//!   dropped, so a cell holding only `&nbsp;&nbsp;` is "".
//! * **Nested tables** inside a cell are text of that cell (one line per nested cell), not tables
//!   of their own.
//! * **Ignored:** comments, `<!…>`/`<?…>` declarations, `<script>`/`<style>` contents, and, outside
//!   tables, Markdown fenced code blocks (so an HTML example in a fence is not a table). An
//!   attribute value may contain `>` inside quotes. A `<` that starts no tag is text.
//! * **Errors** ([`ReadError`] with the line): a `<table>` never closed; a row, cell or row-group
//!   tag outside a table; a `<table>` directly inside a table but outside a cell; a cell outside a
//!   row; a `</tr>`, `</td>` or `</th>` with nothing open to close; a body row wider than the
//!   header. End tags that HTML lets you omit (`</td>`, `</th>`, `</tr>`) may be omitted.

use super::table::{ReadError, Row, Table};

/// Reads every table of `page` (HTML, or Markdown with HTML tables), in page order.
pub(crate) fn tables(page: &str) -> Result<Vec<Table>, ReadError> {
    let lines = LineIndex::new(page);
    let fenced = super::fences::fenced_lines(page);
    let mut found = Vec::new();
    let mut open: Option<OpenTable> = None;
    for (at, token) in Tokens::new(page) {
        let Token::Tag(tag) = token else { continue };
        let line = lines.line_of(at);
        let name = tag.name.to_ascii_lowercase();
        match open.take() {
            Some(mut table) => {
                if table.on_tag(&tag, &name, page, at, line)? {
                    found.push(table.finish()?);
                } else {
                    open = Some(table);
                }
            }
            None if fenced.get(line - 1).copied().unwrap_or(false) => {}
            None if name == "table" && !tag.closing => {
                open = Some(OpenTable {
                    line,
                    ..Default::default()
                });
            }
            None if name == "table" || ROW_TAGS.contains(&name.as_str()) => {
                let slash = if tag.closing { "/" } else { "" };
                return Err(error(line, format!("<{slash}{name}> outside a table")));
            }
            None => {}
        }
    }
    match open {
        Some(table) => Err(error(table.line, "<table> is never closed")),
        None => Ok(found),
    }
}

/// Tags that only make sense inside a table (besides `table` itself).
const ROW_TAGS: [&str; 7] = ["thead", "tbody", "tfoot", "tr", "td", "th", "caption"];

/// Tags that end an open cell, even when their own end tags were omitted.
const ENDS_CELL: [&str; 7] = ["table", "thead", "tbody", "tfoot", "tr", "td", "th"];

/// HTML's limits on spans (the HTML standard clamps larger values to these).
const MAX_COLSPAN: usize = 1000;
const MAX_ROWSPAN: usize = 65534;

fn error(line: usize, message: impl Into<String>) -> ReadError {
    let message = message.into();
    ReadError { line, message }
}

/// A table whose `</table>` has not been seen yet.
#[derive(Default)]
struct OpenTable {
    line: usize,
    rows: Vec<RawRow>,
    row: Option<RawRow>,
    /// The open cell, and the byte offset where its content starts.
    cell: Option<(usize, RawCell)>,
    /// Depth of `<table>`s opened inside the open cell and not yet closed.
    nested: usize,
}

/// A row as written, before spans are expanded.
struct RawRow {
    line: usize,
    cells: Vec<RawCell>,
}

struct RawCell {
    text: String,
    rowspan: usize,
    colspan: usize,
}

impl OpenTable {
    /// Feeds one tag (`name` lower-cased) at byte `at` on `line`; true when it closed the table.
    fn on_tag(
        &mut self,
        tag: &Tag,
        name: &str,
        page: &str,
        at: usize,
        line: usize,
    ) -> Result<bool, ReadError> {
        if self.cell.is_some() {
            // Inside a cell only what ends the cell matters; a nested table is cell text.
            match (name, tag.closing) {
                ("table", false) => self.nested += 1,
                ("table", true) if self.nested > 0 => self.nested -= 1,
                _ if self.nested > 0 || !ENDS_CELL.contains(&name) => {}
                _ => self.close_cell(page, at),
            }
            if self.cell.is_some() || (tag.closing && matches!(name, "td" | "th")) {
                return Ok(false);
            }
        }
        match (name, tag.closing) {
            ("table", true) => {
                self.close_row();
                Ok(true)
            }
            ("table", false) => Err(error(line, "<table> inside a table but outside a cell")),
            ("tr", false) => {
                self.close_row();
                self.row = Some(RawRow {
                    line,
                    cells: Vec::new(),
                });
                Ok(false)
            }
            ("td" | "th", false) if self.row.is_some() => {
                let span = |attribute, max: usize| {
                    let value = attr(tag.attrs, attribute).and_then(|v| v.trim().parse().ok());
                    value.map_or(1, |n: usize| n.clamp(1, max))
                };
                let cell = RawCell {
                    text: String::new(),
                    rowspan: span("rowspan", MAX_ROWSPAN),
                    colspan: span("colspan", MAX_COLSPAN),
                };
                self.cell = Some((at + tag.len, cell));
                Ok(false)
            }
            ("td" | "th", false) => Err(error(line, format!("<{name}> outside a row"))),
            ("tr", true) if self.row.is_some() => {
                self.close_row();
                Ok(false)
            }
            ("tr" | "td" | "th", true) => Err(error(line, format!("</{name}> closes nothing"))),
            ("thead" | "tbody" | "tfoot", _) => {
                self.close_row();
                Ok(false)
            }
            _ => Ok(false),
        }
    }

    /// Ends the open cell at byte `end`, where the tag that ends it starts.
    fn close_cell(&mut self, page: &str, end: usize) {
        if let (Some((start, mut cell)), Some(row)) = (self.cell.take(), self.row.as_mut()) {
            cell.text = cell_text(page.get(start..end).unwrap_or_default());
            row.cells.push(cell);
        }
    }

    fn close_row(&mut self) {
        self.rows.extend(self.row.take());
    }

    /// Expands the spans: the first row becomes the header, the others body rows of its width.
    fn finish(self) -> Result<Table, ReadError> {
        let mut spans = Spans::default();
        let mut rows = self.rows.into_iter();
        let header = rows.next().map(|row| spans.place(row)).unwrap_or_default();
        let width = header.len();
        let rows = rows
            .map(|raw| {
                let line = raw.line;
                let mut cells = spans.place(raw);
                if cells.len() > width {
                    let message =
                        format!("row has {} columns but the header has {width}", cells.len());
                    return Err(error(line, message));
                }
                cells.resize(width, String::new());
                Ok(Row { line, cells })
            })
            .collect::<Result<_, _>>()?;
        Ok(Table {
            line: self.line,
            header,
            rows,
        })
    }
}

/// Cells from rows above that reach down into later rows: per column, the text to repeat and how
/// many more rows it covers.
#[derive(Default)]
struct Spans(Vec<(String, usize)>);

impl Spans {
    /// Lays `row` out in columns: columns still covered from above take the covering text, the
    /// row's own cells fill the free columns left to right, and gaps are "".
    fn place(&mut self, row: RawRow) -> Vec<String> {
        let mut columns: Vec<Option<String>> = self
            .0
            .iter_mut()
            .map(|(text, left)| {
                (*left > 0).then(|| {
                    *left -= 1;
                    text.clone()
                })
            })
            .collect();
        let mut col = 0;
        for cell in row.cells {
            while matches!(columns.get(col), Some(Some(_))) {
                col += 1;
            }
            let blanks = std::iter::repeat_n(String::new(), cell.colspan - 1);
            for (at, text) in (col..).zip(std::iter::once(cell.text).chain(blanks)) {
                if cell.rowspan > 1 {
                    *slot(&mut self.0, at) = (text.clone(), cell.rowspan - 1);
                }
                *slot(&mut columns, at) = Some(text);
            }
            col += cell.colspan;
        }
        columns.into_iter().map(Option::unwrap_or_default).collect()
    }
}

/// The element at `at`, growing `items` with defaults to reach it.
fn slot<T: Default>(items: &mut Vec<T>, at: usize) -> &mut T {
    if items.len() <= at {
        items.resize_with(at + 1, T::default);
    }
    &mut items[at]
}

/// The plain text of an HTML fragment (a cell's content), by the rules in the module docs.
pub(crate) fn cell_text(html: &str) -> String {
    let mut text = Lines::default();
    for (_, token) in Tokens::new(html) {
        let tag = match token {
            Token::Text(raw) => {
                text.push_text(raw);
                continue;
            }
            Token::Tag(tag) => tag,
            Token::Other => continue,
        };
        match (tag.name.to_ascii_lowercase().as_str(), tag.closing) {
            ("li", false) => text.list_item(),
            // Block elements: each starts and ends a line.
            ("p" | "br" | "div" | "li" | "ul" | "ol" | "dl" | "dt" | "dd" | "pre", _)
            | ("blockquote" | "hr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6", _)
            | ("table" | "caption" | "tr" | "td" | "th", _) => text.line_break(),
            _ => {}
        }
    }
    text.finish()
}

/// Cell text being built, one line at a time.
#[derive(Default)]
struct Lines {
    done: Vec<String>,
    line: String,
    /// The current line is a list item.
    item: bool,
    /// Whitespace was seen since the last character written.
    space: bool,
}

impl Lines {
    /// Adds raw text, decoding backslash escapes and entities.
    fn push_text(&mut self, raw: &str) {
        let mut rest = raw;
        while let Some(c) = rest.chars().next() {
            let (decoded, len) = match c {
                '\\' => match rest[1..].chars().next() {
                    Some(p) if p.is_ascii_punctuation() => (p, 2),
                    _ => (c, 1),
                },
                '&' => entity(rest).unwrap_or((c, 1)),
                _ => (c, c.len_utf8()),
            };
            self.push(decoded);
            rest = &rest[len..];
        }
    }

    fn push(&mut self, c: char) {
        // HTML collapses only ASCII whitespace; U+00A0 and U+3000 are kept inside a line.
        if c.is_ascii_whitespace() {
            self.space = true;
            return;
        }
        if self.space && !self.line.is_empty() {
            self.line.push(' ');
        }
        self.space = false;
        self.line.push(c);
    }

    fn line_break(&mut self) {
        let text = self.line.trim();
        if !text.is_empty() {
            self.done.push(if self.item {
                format!("- {text}")
            } else {
                text.to_owned()
            });
            // A list item's mark stays until its first line of text (`<li><p>…`).
            self.item = false;
        }
        self.line.clear();
        self.space = false;
    }

    fn list_item(&mut self) {
        self.line_break();
        self.item = true;
    }

    fn finish(mut self) -> String {
        self.line_break();
        self.done.join("\n")
    }
}

/// Decodes the entity that `s` starts with (`s` starts with '&'): the character and the length
/// written. `None` for an unknown or invalid entity, which then stays as written.
fn entity(s: &str) -> Option<(char, usize)> {
    // Longer than any entity this decodes, so a lone '&' does not scan the rest of the text.
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let c = match &s[1..semi] {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        name => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                    u32::from_str_radix(hex, 16).ok()?
                }
                None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
                    number.parse().ok()?
                }
                _ => return None,
            };
            char::from_u32(code).filter(|&c| c != '\0')?
        }
    };
    Some((c, semi + 1))
}

/// 1-based line numbers of byte offsets.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1));
        LineIndex(starts.collect())
    }

    fn line_of(&self, at: usize) -> usize {
        self.0.partition_point(|&start| start <= at)
    }
}

enum Token<'a> {
    Text(&'a str),
    Tag(Tag<'a>),
    /// A comment or a declaration (`<!DOCTYPE …>`, `<?xml …?>`).
    Other,
}

struct Tag<'a> {
    name: &'a str,
    closing: bool,
    /// Everything between the name and the closing '>'.
    attrs: &'a str,
    /// Length of the whole tag in bytes.
    len: usize,
}

/// The tokens of an HTML fragment, each with its byte offset. The contents of `<script>` and
/// `<style>` are skipped.
struct Tokens<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Tokens<'a> {
    fn new(src: &'a str) -> Self {
        Tokens { src, pos: 0 }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = (usize, Token<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.pos;
        let rest = self.src.get(start..).filter(|rest| !rest.is_empty())?;
        let (token, len) = match markup(rest) {
            Some((token, len)) => (token, len),
            None => {
                // Text runs to the next '<' that starts markup; other '<' are text.
                let first = rest.chars().next().map_or(0, char::len_utf8);
                let end = (rest[first..].match_indices('<'))
                    .map(|(at, _)| first + at)
                    .find(|&at| markup(&rest[at..]).is_some())
                    .unwrap_or(rest.len());
                (Token::Text(&rest[..end]), end)
            }
        };
        self.pos += len;
        if let Token::Tag(tag) = &token {
            if !tag.closing
                && ["script", "style"]
                    .iter()
                    .any(|raw| tag.name.eq_ignore_ascii_case(raw))
            {
                let after = &self.src[self.pos..];
                let close = format!("</{}", tag.name);
                self.pos += find_ascii_ci(after, &close).unwrap_or(after.len());
            }
        }
        Some((start, token))
    }
}

/// The markup that `s` starts with, if any, and its length.
fn markup(s: &str) -> Option<(Token<'_>, usize)> {
    let after = s.strip_prefix('<')?;
    if let Some(comment) = after.strip_prefix("!--") {
        // An unterminated comment runs to the end, as in HTML.
        let len = comment.find("-->").map_or(s.len(), |end| 4 + end + 3);
        return Some((Token::Other, len));
    }
    if after.starts_with(['!', '?']) {
        return Some((Token::Other, s.find('>')? + 1));
    }
    let named = after.strip_prefix('/').unwrap_or(after);
    if !named.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_len = named
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(named.len());
    let attrs_at = s.len() - named.len() + name_len;
    // `<https://…>` and the like are not tags.
    if !s[attrs_at..].starts_with(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>') {
        return None;
    }
    let len = attrs_at + tag_body_len(&s[attrs_at..])? + 1;
    let tag = Tag {
        name: &named[..name_len],
        closing: named.len() < after.len(),
        attrs: &s[attrs_at..len - 1],
        len,
    };
    Some((Token::Tag(tag), len))
}

/// Length of a tag's attributes, up to the '>' that ends the tag; a quoted value after '=' may
/// hold '>'. `None` if the tag never ends.
fn tag_body_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut after_equals = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => return Some(i),
            b'"' | b'\'' if after_equals => {
                i += 1 + bytes[i + 1..].iter().position(|&q| q == b)?;
                after_equals = false;
            }
            b'=' => after_equals = true,
            _ if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

/// The value of attribute `wanted` (case-insensitive) in a tag's attribute text; "" for an
/// attribute without a value.
fn attr<'a>(attrs: &'a str, wanted: &str) -> Option<&'a str> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let name_len = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        // A stray '=' where a name should be: skip it.
        let name_len = name_len.max(1);
        let name = &rest[..name_len];
        rest = rest[name_len..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            (value, rest) = match after.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    match inner.find(quote) {
                        Some(end) => (&inner[..end], &inner[end + 1..]),
                        None => (inner, ""),
                    }
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    after.split_at(end)
                }
            };
        }
        if name.eq_ignore_ascii_case(wanted) {
            return Some(value);
        }
    }
}

/// Byte offset of the first ASCII-case-insensitive occurrence of `needle` in `haystack`.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}
