//! Tests of `markdown::tables` on small pages written for them: the rules one by one, then
//! robustness (random garbage). Real pages are read by `tests/tests/corpus.rs`.

mod support;

use frs_codes_gen::import::{ReadError, Table};
use support::{column, err, only_table, row_lines};

/// The Markdown reader, as the importer calls it.
fn tables(page: &str) -> Result<Vec<Table>, ReadError> {
    frs_codes_gen::import::tables(page, frs_codes_gen::import::Format::Markdown)
}

/// The only table of `page`.
fn table(page: &str) -> Table {
    only_table(tables(page))
}

/// The cells of the only row of the only table of `page`.
fn cells(page: &str) -> Vec<String> {
    let mut t = table(page);
    assert_eq!(t.rows.len(), 1, "one row expected");
    t.rows.remove(0).cells
}

#[test]
fn pipes_escapes_and_code_spans() {
    assert_eq!(
        cells("| a | b | c |\n|---|---|---|\n| x \\| y | `p|q` | ``r`|`s`` |\n"),
        ["x | y", "p|q", "r`|`s"]
    );
    // GitHub drops the backslash of `\|` inside a code span too; other escapes stay in code.
    assert_eq!(cells("a | b\n-|-\n`\\|` | `\\*`\n"), ["|", "\\*"]);
    // An escaped backslash does not escape the pipe after it.
    assert_eq!(cells("a | b\n-|-\nx\\\\| y\n"), ["x\\", "y"]);
    // An unclosed backtick is text.
    assert_eq!(cells("a | b\n-|-\n`x | y\n"), ["`x", "y"]);
}

#[test]
fn inline_markdown_is_removed_keeping_words() {
    let page = "| a |\n|:-:|\n\
        | **bold** and *em* and _em_ and __strong__ and ***both*** |\n\
        | snake_case_name, 2 * 3 * 4, Load Balaner *** already, **unclosed |\n\
        | [text](https://x.y/z) and ![alt](i.png) and [not a link] and [ref][1] |\n\
        | one<br>two<br/>three <span>four</span> |\n\
        | &lt;tag&gt; &amp; &nbsp;x&#x41; &bogus; |\n\
        | \\*not em\\* \\_x\\_ \\\\ \\` \\<b> \\&amp; |\n\
        | `<br>` and `&amp;` and `\\*` stay verbatim |\n\
        | <https://example.com> |\n";
    let t = table(page);
    assert_eq!(
        column(&t, 0),
        [
            "bold and em and em and strong and both",
            "snake_case_name, 2 * 3 * 4, Load Balaner *** already, **unclosed",
            "text and alt and [not a link] and [ref][1]",
            "one\ntwo\nthree four",
            "<tag> & \u{a0}xA &bogus;",
            "*not em* _x_ \\ ` <b> &amp;",
            "<br> and &amp; and \\* stay verbatim",
            "<https://example.com>",
        ]
    );
}

#[test]
fn row_shapes() {
    // No outer pipes, a single dash, a short row padded, a blank line ending the table.
    let page = "a | b | c\n- | :-: | --:\n1 | 2\n| | x |\n\nnot | a row\n";
    let t = table(page);
    assert_eq!(t.header, ["a", "b", "c"]);
    let rows: Vec<&Vec<String>> = t.rows.iter().map(|row| &row.cells).collect();
    assert_eq!(rows, [&["1", "2", ""], &["", "x", ""]]);
    assert_eq!(row_lines(&t), [3, 4]);
    // A line without a pipe ends a table too, and a single-column table needs its pipes.
    let page = "text\n| h |\n| --- |\n| v |\ntext\n| h2 |\n|-|\n";
    let found = tables(page).expect("page reads");
    let summary: Vec<(usize, usize, usize)> = found
        .iter()
        .map(|t| (t.line, t.header.len(), t.rows.len()))
        .collect();
    assert_eq!(summary, [(2, 1, 1), (6, 1, 0)]);
}

#[test]
fn things_that_are_not_tables() {
    let page = "a | b\nc | d\n\n| x |\n---\n\nheading\n---\n\n| a | b |\n| -- | x- |\n\n\
        |a|b|\n\n|---|---|\n";
    assert_eq!(tables(page), Ok(Vec::new()));
}

#[test]
fn fenced_code_blocks_are_skipped() {
    let page = "```\n| a | b |\n|---|---|\n```\n\
        ~~~~ text\n| c | d |\n|---|---|\n~~~\n| e | f |\n|---|---|\n~~~~\n\
        ```inline``` is not a fence\n| g | h |\n|---|---|\n| 1 | 2 |\n\
        ```\n| i | j |\n|---|---|\n";
    let found = tables(page).expect("page reads");
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].line, found[0].header.clone()),
        (13, vec!["g".into(), "h".into()])
    );
    assert_eq!(found[0].rows[0].cells, ["1", "2"]);
}

#[test]
fn crlf_bom_and_indentation() {
    let page = "\u{feff}| a | b |\r\n|---|---|\r\n  | 1 | 2 |  \r\n";
    let t = table(page);
    assert_eq!(
        (t.line, t.header.clone()),
        (1, vec!["a".into(), "b".into()])
    );
    assert_eq!(t.rows[0].cells, ["1", "2"]);
}

#[test]
fn malformed_tables_are_errors_naming_the_line() {
    assert_eq!(
        tables("x\n| a | b |\n|---|\n"),
        err(3, "delimiter row has 1 cells but the header has 2")
    );
    assert_eq!(
        tables("| a | b |\n|---|---|\n| 1 | 2 |\n| 1 | 2 | 3 |\n"),
        err(4, "row has 3 cells but the header has 2")
    );
}

#[test]
fn random_garbage_does_not_panic() {
    const PIECES: [&str; 30] = [
        "|",
        "\\|",
        "\\",
        "`",
        "``",
        "```\n",
        "~~~\n",
        "*",
        "**",
        "_",
        "[",
        "](",
        ")",
        "!",
        "<",
        ">",
        "<br>",
        "&amp;",
        "&",
        ":",
        "-",
        "---",
        " ",
        "\n",
        "\r\n",
        "a",
        "表",
        "<https:",
        "\u{feff}",
        "&#x1F600;",
    ];
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    for _ in 0..3000 {
        let mut page = String::new();
        for _ in 0..(state % 80) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            page.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
        }
        let _ = tables(&page);
    }
}
