//! Tests of the reStructuredText table reader on small pages written for them, one syntax
//! corner each. Real pages are read by `tests/tests/corpus.rs`.

use frs_codes_gen::import::{ReadError, Row, Table};

/// The Rst reader, as the importer calls it.
fn tables(page: &str) -> Result<Vec<Table>, ReadError> {
    frs_codes_gen::import::tables(page, frs_codes_gen::import::Format::Rst)
}

fn read(page: &str) -> Vec<Table> {
    match tables(page) {
        Ok(tables) => tables,
        Err(err) => panic!("line {}: {}", err.line, err.message),
    }
}

fn row(line: usize, cells: &[&str]) -> Row {
    Row {
        line,
        cells: cells.iter().map(|c| c.to_string()).collect(),
    }
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// Wraps `text` into a one-cell grid table and returns the cell's plain text.
fn cell(text: &str) -> String {
    let cells = cells(&[text]);
    assert_eq!(cells.len(), 1);
    cells.into_iter().next().unwrap_or_default()
}

/// A one-column grid table holding one cell with these lines.
fn frame(lines: &[&str]) -> String {
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 2;
    let border = format!("+{}+", "-".repeat(width));
    let mut page = format!("{border}\n");
    for line in lines {
        let pad = width - 1 - line.chars().count();
        page.push_str(&format!("| {line}{}|\n", " ".repeat(pad)));
    }
    page.push_str(&border);
    page
}

/// Wraps the lines of one cell into a one-column grid table and returns the cell's text.
fn cells(lines: &[&str]) -> Vec<String> {
    let tables = read(&frame(lines));
    assert_eq!(tables.len(), 1);
    tables[0]
        .rows
        .iter()
        .flat_map(|r| r.cells.clone())
        .collect()
}

#[test]
fn row_span_keeps_text_in_the_starting_row() {
    let page = "\
+-----+----------+
| A   | B        |
+=====+==========+
| x   | spans    |
+-----+ two      |
| y   | rows     |
+-----+----------+
| one | two      |
|     +----------+
|     | three    |
+-----+----------+
";
    let t = &read(page)[0];
    assert_eq!(t.header, strings(&["A", "B"]));
    assert_eq!(
        t.rows,
        vec![
            row(4, &["x", "spans two rows"]),
            row(6, &["y", ""]),
            row(8, &["one", "two"]),
            row(10, &["", "three"]),
        ]
    );
}

#[test]
fn grid_table_variants() {
    // No header separator: no header, every row is a body row. A multi-line header is joined.
    let page = "\
+---+---+
| a | b |
+---+---+

+--------+-----+
| Status | Two |
| Code   |     |
+--------+-----+
| Error  |     |
| Code   |     |
+========+=====+
| 400    | x   |
+--------+-----+
";
    let tables = read(page);
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0].header, Vec::<String>::new());
    assert_eq!(tables[0].rows, vec![row(2, &["a", "b"])]);
    assert_eq!(tables[1].line, 5);
    assert_eq!(
        tables[1].header,
        strings(&["Status Code Error Code", "Two"])
    );
    assert_eq!(tables[1].rows, vec![row(12, &["400", "x"])]);
}

#[test]
fn wide_chars_count_one_column_each() {
    // Aligned by display width (as docutils expects), the header line has fewer chars than
    // the border, so it cannot be read.
    let page = "+--------+------+\n| 错误码 | 说明 |\n+========+======+\n";
    assert_eq!(err(page).line, 2);
    let page = "+----+---+\n| 错误码| 说明|\n+====+===+\n|É.01| 无 |\n+----+---+\n";
    let t = &read(page)[0];
    assert_eq!(t.header, strings(&["错误码", "说明"]));
    assert_eq!(t.rows, vec![row(4, &["É.01", "无"])]);
}

#[test]
fn simple_tables() {
    let page = "\
=====  =====  ======
Code   Name   Text
-------------------
=====  =====  ======
400    A.1    First line
              continues.

       more   Second
              paragraph.
401    A.2    Last column may run past the rule.
=====  =====  ======

===  ===
a    b
c    d
===  ===
";
    let tables = read(page);
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0].line, 1);
    assert_eq!(tables[0].header, strings(&["Code", "Name", "Text"]));
    assert_eq!(
        tables[0].rows,
        vec![
            row(
                5,
                &[
                    "400",
                    "A.1\nmore",
                    "First line continues.\nSecond paragraph."
                ]
            ),
            row(10, &["401", "A.2", "Last column may run past the rule."]),
        ]
    );
    assert_eq!(tables[1].line, 13);
    assert_eq!(tables[1].header, Vec::<String>::new());
    assert_eq!(
        tables[1].rows,
        vec![row(14, &["a", "b"]), row(15, &["c", "d"])]
    );
}

#[test]
fn things_that_are_not_tables() {
    let page = "\
=====
Title
=====

Section
=======

A paragraph
+---+---+
| a | b |
+---+---+

An example::

   +---+
   | x |
   +---+

.. code-block:: text

   ===  ===
   a    b
   ===  ===

..
   +---+
   | comment |
   +---+

.. note::

   -  Not a table: APIG.0101.

====
";
    assert_eq!(read(page), Vec::<Table>::new());
}

#[test]
fn cell_paragraphs_lists_and_directives() {
    let text = cells(&[
        "Para one",
        "continues.",
        "",
        "-  item",
        "   more",
        "* star",
        "#. auto",
        "2. two",
        "",
        ".. note::",
        "",
        "   Para   two",
        "",
        ".. code-block:: json",
        "",
        "   {}",
    ]);
    assert_eq!(
        text,
        ["Para one continues.\n- item more\n- star\n#. auto\n2. two\nPara two\n{}"]
    );
}

#[test]
fn inline_markup_becomes_plain_text() {
    let cases = [
        ("**bold** and *emphasis*", "bold and emphasis"),
        ("``(|)&$?<>.``", "(|)&$?<>."),
        (r"``a\b`` keeps backslashes", r"a\b keeps backslashes"),
        ("`text <https://example.com>`_", "text"),
        ("`<https://example.com>`_", "https://example.com"),
        ("`Named`_ and `anonymous`__", "Named and anonymous"),
        (":ref:`Endpoint <ocr_03_0062>`.", "Endpoint."),
        (":ref:`ocr_03_0062`", "ocr_03_0062"),
        ("`interpreted` text", "interpreted text"),
        (r"4\ *xx* or 5\ *xx*", "4xx or 5xx"),
        (r"rule.\\n2.", r"rule.\n2."),
        (
            r"The character \`{}\` is not allowed.",
            "The character `{}` is not allowed.",
        ),
        ("grant_type and client_id_", "grant_type and client_id_"),
        ("Load Balancer *** exists", "Load Balancer *** exists"),
        ("limit:XX,time:1", "limit:XX,time:1"),
        ("2*3*4 and (*) and '*'", "2*3*4 and (*) and '*'"),
        ("**unclosed and *", "**unclosed and *"),
        ("a\u{a0}\u{a0} b  c ", "a b c"),
        ("**{minTTL}** to **{maxTTL}**", "{minTTL} to {maxTTL}"),
    ];
    for (source, plain) in cases {
        assert_eq!(cell(source), plain, "source: {source}");
    }
}

#[test]
fn markup_may_span_physical_lines() {
    assert_eq!(
        cells(&["**two", "words** and a\\", "joined"]),
        ["two words and ajoined"]
    );
}

fn err(page: &str) -> ReadError {
    match tables(page) {
        Ok(tables) => panic!("expected an error, got {tables:?}"),
        Err(err) => err,
    }
}

#[test]
fn malformed_grid_tables_are_errors() {
    let short = err("Intro.\n\n+---+---+\n| a | b |\n+===+===+\n| c | d\n+---+---+\n");
    assert_eq!(short.line, 6);
    assert_eq!(
        short.message,
        "a grid table line must end with `|` at column 9, where the border on line 3 ends"
    );

    let indented = err(".. table:: T\n\n   +---+---+\n   | a | b |\n   c | d |\n   +---+---+\n");
    assert_eq!(indented.line, 5);
    assert_eq!(
        indented.message,
        "a grid table row must start with `|` at column 4"
    );

    let unclosed = err("+---+\n| a |\n| b |\n\nText.\n");
    assert_eq!(unclosed.line, 4);
    assert_eq!(
        unclosed.message,
        "expected a `+---+` border closing the grid table row that starts on line 2"
    );

    let at_end = err("+---+\n| a |\n+---+\n| b |");
    assert_eq!(at_end.line, 4);

    let no_rows = err("+---+\n\nText.\n");
    assert_eq!(no_rows.line, 2);

    let simple = err("===  ===\na    b\n===  ===\nc    d\n");
    assert_eq!(simple.line, 4);
    assert_eq!(
        simple.message,
        "expected a `=====` rule closing the simple table that starts on line 1"
    );
}

#[test]
fn crlf_and_bom_are_accepted() {
    let page = "\u{feff}+---+\r\n| a |\r\n+---+\r\n";
    assert_eq!(read(page)[0].rows, vec![row(2, &["a"])]);
}

/// Checks what must hold for any input: no panic, errors name an existing line, and rows have
/// one cell per header column.
fn check_any(page: &str) {
    let line_count = page.lines().count().max(1);
    match tables(page) {
        Ok(tables) => {
            for t in tables {
                assert!(t.line >= 1 && t.line <= line_count);
                let mut previous = t.line;
                for row in &t.rows {
                    assert!(row.line > previous, "rows in page order: {page:?}");
                    previous = row.line;
                    if !t.header.is_empty() {
                        assert_eq!(row.cells.len(), t.header.len());
                    }
                }
            }
        }
        Err(err) => assert!(
            err.line >= 1 && err.line <= line_count,
            "{err:?} for {page:?}"
        ),
    }
}

#[test]
fn never_panics_on_garbage() {
    const ALPHABET: &[char] = &[
        '+', '-', '=', '|', ' ', ' ', ' ', '\n', '\n', '*', '`', '\\', ':', '_', '<', '>', '.',
        '#', '1', 'a', 'é', '中', '\t', '\u{a0}', '\r',
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 300) as usize;
        let page: String = (0..len)
            .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
            .collect();
        check_any(&page);
        // Garbage framed as a well-formed cell reaches the cell-text reader.
        let cell_lines: Vec<&str> = page.split(['\n', '\r']).collect();
        check_any(&frame(&cell_lines));
    }
}
