//! Tests of `html::tables` on small pages written for them: the rules one by one, then
//! robustness (random garbage). Real pages are read by `tests/tests/corpus.rs`.

mod support;

use frs_codes_gen::import::{ReadError, Table};
use support::{column, err, only_table, row_lines};

/// The Html reader, as the importer calls it.
fn tables(page: &str) -> Result<Vec<Table>, ReadError> {
    frs_codes_gen::import::tables(page, frs_codes_gen::import::Format::Html)
}

/// The only table of `page`.
fn table(page: &str) -> Table {
    only_table(tables(page))
}

#[test]
fn cell_text_rules() {
    let page = "<table><tr><th>a</th></tr>\n\
        <tr><td><p>one <b>two</b>\n  <em>three</em></p><p></p><p>four<br>five<br/>six</p></td></tr>\n\
        <tr><td><ul><li>x</li><li><p>y</p><p>z</p></li></ul>after</td></tr>\n\
        <tr><td>&lt;&gt;&amp;&quot;&#39;&apos;&#65;&#x42;&#X43; &unknown; &#xZZ; &#0; & ;</td></tr>\n\
        <tr><td>\\\"q\\\" \\*s\\* \\_u\\_ \\\\ \\n</td></tr>\n\
        <tr><td>&nbsp;&nbsp;</td></tr>\n\
        <tr><td><a name=\"p1\"></a><a name=\"p1\"></a><span class=\"x\"><code>c</code><sub>2</sub></span> \
        <a href=\"u\">link</a><!-- gone <td> --></td></tr>\n\
        <tr><td title=\"a > b\" data-x='<tr>'>quoted</td></tr>\n\
        <tr><td>a < b, List<String>, <https://example.com></td></tr>\n\
        </table>";
    let t = table(page);
    let texts: Vec<&str> = column(&t, 0);
    assert_eq!(
        texts,
        [
            "one two three\nfour\nfive\nsix",
            "- x\n- y\nz\nafter",
            "<>&\"''ABC &unknown; &#xZZ; &#0; & ;",
            "\"q\" *s* _u_ \\ \\n",
            "",
            "c2 link",
            "quoted",
            "a < b, List, <https://example.com>",
        ]
    );
    assert_eq!(row_lines(&t), [2, 4, 5, 6, 7, 8, 9, 10]);
}

#[test]
fn nbsp_is_kept_inside_a_line_and_trimmed_at_its_ends() {
    let t =
        table("<table><tr><td>h</td></tr><tr><td>&nbsp;a&nbsp;&nbsp;b &nbsp;</td></tr></table>");
    assert_eq!(t.rows[0].cells, ["a\u{a0}\u{a0}b"]);
}

#[test]
fn spans_are_tracked_by_position() {
    let page = "<table>\n\
        <tr><th colspan=\"2\">ab</th><th>c</th><th>d</th></tr>\n\
        <tr><td rowspan=\"3\">1</td><td colspan=\"2\" rowspan=\"2\">2</td><td>3</td></tr>\n\
        <tr><td>4</td></tr>\n\
        <tr><td>5</td><td>6</td></tr>\n\
        <tr><td>7</td><td rowspan=\"9\">8</td></tr>\n\
        </table>";
    let t = table(page);
    assert_eq!(t.header, ["ab", "", "c", "d"]);
    let rows: Vec<&Vec<String>> = t.rows.iter().map(|row| &row.cells).collect();
    assert_eq!(
        rows,
        [
            &["1", "2", "", "3"],
            &["1", "2", "", "4"],
            // A short row is padded.
            &["1", "5", "6", ""],
            // The rowspan of 9 is cut off at the last row.
            &["7", "8", "", ""],
        ]
    );
}

#[test]
fn span_values_are_clamped() {
    let page = "<table><tr><th>a</th><th>b</th></tr>\
        <tr><td rowspan=0 colspan=\"x\">1</td><td ROWSPAN=' 2 '>2</td></tr>\
        <tr><td>3</td></tr></table>";
    let t = table(page);
    let rows: Vec<&Vec<String>> = t.rows.iter().map(|row| &row.cells).collect();
    assert_eq!(rows, [&["1", "2"], &["3", "2"]]);
}

#[test]
fn header_is_the_first_row_with_or_without_th() {
    let page = "<table><thead><tr><th>a</th><th>b</th></tr></thead>\
        <tbody><tr><td>1</td><td>2</td></tr></tbody></table>\n\
        <table><tbody><tr><td>x</td><td>y</td></tr><tr><td>3</td><td>4</td></tr></tbody></table>\n\
        <table><tr><th>only</th></tr></table>\n\
        <table></table>";
    let found = tables(page).expect("page reads");
    let summary: Vec<(usize, Vec<String>, usize)> = found
        .iter()
        .map(|t| (t.line, t.header.clone(), t.rows.len()))
        .collect();
    let strings = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(
        summary,
        [
            (1, strings(&["a", "b"]), 1),
            (2, strings(&["x", "y"]), 1),
            (3, strings(&["only"]), 0),
            (4, Vec::new(), 0),
        ]
    );
    assert_eq!(found[1].rows[0].cells, ["3", "4"]);
}

#[test]
fn omitted_end_tags_and_upper_case_tags() {
    let page = "<TABLE><TR><TH>a<TH>b\n<TR><TD>1<TD>2\n<tr><td>3</td><td>4</TD></tr></Table>";
    let t = table(page);
    assert_eq!(t.header, ["a", "b"]);
    let rows: Vec<&Vec<String>> = t.rows.iter().map(|row| &row.cells).collect();
    assert_eq!(rows, [&["1", "2"], &["3", "4"]]);
    assert_eq!(row_lines(&t), [2, 3]);
}

#[test]
fn nested_table_is_text_of_its_cell() {
    let page = "<table><tr><th>a</th><th>b</th></tr>\n\
        <tr><td>before<table><tr><td>n1</td><td>n2</td></tr><tr><td>n3</td></tr></table>after</td>\
        <td>2</td></tr>\n</table>";
    let t = table(page);
    assert_eq!(t.rows[0].cells, ["before\nn1\nn2\nn3\nafter", "2"]);
}

#[test]
fn comments_scripts_and_code_fences_hide_tables() {
    let page = "<!-- <table><tr><td>commented</td></tr></table> -->\n\
        <script>var t = '<table><tr>';</script>\n\
        <style>td:after { content: '</td>'; }</style>\n\
        ```html\n<table><tr><td>example</td></tr>\n<tr>\n```\n\
        <!DOCTYPE html><?xml version=\"1.0\"?>\n\
        <table><tr><td>real</td></tr></table>";
    let found = tables(page).expect("page reads");
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].line, found[0].header.clone()),
        (9, vec!["real".to_string()])
    );
}

#[test]
fn markdown_around_tables_is_ignored() {
    let page = "# Title<a name=\"x\"></a>\n\n**Table 1**  Codes\n\n<a name=\"t\"></a>\n\
        <table><tr><th>Code</th></tr><tr><td>X.1</td></tr></table>\n\nSee <https://x.y> and 1 < 2.\n";
    let t = table(page);
    assert_eq!((t.line, t.rows[0].line), (6, 6));
    assert_eq!(t.rows[0].cells, ["X.1"]);
}

#[test]
fn malformed_tables_are_errors_naming_the_line() {
    assert_eq!(
        tables("text\n<table><tr><td>a</td></tr>\n"),
        err(2, "<table> is never closed")
    );
    assert_eq!(
        tables("x\n\n<tr><td>a</td></tr>"),
        err(3, "<tr> outside a table")
    );
    assert_eq!(tables("<td>a</td>"), err(1, "<td> outside a table"));
    assert_eq!(tables("a\n</table>"), err(2, "</table> outside a table"));
    assert_eq!(
        tables("<table>\n<td>a</td></table>"),
        err(2, "<td> outside a row")
    );
    assert_eq!(
        tables("<table><tr><td>a</td>\n</td></tr></table>"),
        err(2, "</td> closes nothing")
    );
    assert_eq!(
        tables("<table><tr><td>a</td></tr>\n</tr></table>"),
        err(2, "</tr> closes nothing")
    );
    assert_eq!(
        tables("<table><tr>\n<table></table></tr></table>"),
        err(2, "<table> inside a table but outside a cell")
    );
    assert_eq!(
        tables("<table><tr><th>a</th></tr>\n<tr><td>1</td><td>2</td></tr></table>"),
        err(2, "row has 2 columns but the header has 1")
    );
    // A rowspan pushing a later row past the header's width.
    let page =
        "<table><tr><th>a</th><th>b</th></tr>\n<tr><td rowspan=\"2\">1</td><td>2</td></tr>\n\
        <tr><td>3</td><td>4</td></tr></table>";
    assert_eq!(
        tables(page),
        err(3, "row has 3 columns but the header has 2")
    );
    // An unterminated tag or comment leaves the table unclosed.
    assert_eq!(
        tables("\n<table><tr><td class=\"x"),
        err(2, "<table> is never closed")
    );
    assert_eq!(
        tables("<table><!-- </table>"),
        err(1, "<table> is never closed")
    );
}

#[test]
fn random_garbage_does_not_panic() {
    const PIECES: [&str; 34] = [
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td rowspan=\"3\">",
        "<td colspan='2'>",
        "<th>",
        "</td>",
        "</th>",
        "<thead>",
        "<!--",
        "-->",
        "<p>",
        "</p>",
        "<li>",
        "<br/>",
        "&nbsp;",
        "&#x41;",
        "&#99999999;",
        "&",
        "\\",
        "\"",
        "'",
        "<",
        ">",
        "=",
        "\n",
        " ",
        "a",
        "表",
        "<script>",
        "```\n",
        "<td rowspan=99999999999>",
        "<td colspan=1000>",
    ];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..3000 {
        let mut page = String::new();
        for _ in 0..(state % 60) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            page.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
        }
        let _ = tables(&page);
    }
}
