//! Tests of `html::tables`: excerpts of real pages (fixtures/html, provenance in each file's first
//! line; line numbers below are the fixture's), then the rules on small synthetic pages, then
//! robustness (every truncation of real tables, random garbage).

mod support;

use frs_codes_gen::import::{ReadError, Table};
use support::{column, err, only_table, row_lines};

/// The Html reader, as the importer calls it.
fn tables(page: &str) -> Result<Vec<Table>, ReadError> {
    frs_codes_gen::import::tables(page, frs_codes_gen::import::Format::Html)
}

const AS: &str = include_str!("fixtures/import/html/otc-legacy-as-error-codes.md");
const VPC: &str = include_str!("fixtures/import/html/otc-legacy-vpc-error-codes.md");
const CSBS: &str = include_str!("fixtures/import/html/otc-legacy-csbs-error-codes.md");
const ELB: &str = include_str!("fixtures/import/html/otc-legacy-elb-error-codes-table3.md");
const APIG: &str = include_str!("fixtures/import/html/hwc-zh-apig-user-guide-error-codes.md");
const OCR: &str = include_str!("fixtures/import/html/hwc-zh-ocr-error-codes.md");
const MODELARTS: &str = include_str!("fixtures/import/html/hwc-zh-modelarts-error-codes.md");
const FIXTURES: [&str; 7] = [AS, VPC, CSBS, ELB, APIG, OCR, MODELARTS];

/// The only table of `page`.
fn table(page: &str) -> Table {
    only_table(tables(page))
}

#[test]
fn legacy_as_baseline_dialect() {
    let t = table(AS);
    assert_eq!(t.line, 3);
    let header = [
        "HTTP Status Code",
        "Error Code",
        "Description",
        "Error Message",
        "Solution",
    ];
    assert_eq!(t.header, header);
    assert_eq!(row_lines(&t), [15, 26, 37, 48]);
    assert_eq!(
        t.rows[0].cells,
        [
            "500",
            "AS.0001",
            "A system error occurs.",
            "System error.",
            "Try again later or contact technical support."
        ]
    );
    assert_eq!(
        t.rows[1].cells,
        [
            "404",
            "AS.0007",
            "The requested resources are not found.",
            "The requested resource [%s] could not be found.",
            "Use the correct URL parameter."
        ]
    );
    // `<strong id>` with its own doubled anchors inside the paragraph.
    assert_eq!(
        t.rows[2].cells,
        [
            "400",
            "AS.0008",
            "The project id value carried in the URL is different from that resolved from the token.",
            "Incorrect ProjectID.",
            "Check whether the parameter in the URL matches that in the token."
        ]
    );
    // A bare `<strong>` in one cell and a `<strong id>` in another.
    assert_eq!(
        t.rows[3].cells,
        [
            "400",
            "AS.1001",
            "The start number value is invalid.",
            "The value of parameter Start number is invalid.",
            "Enter a valid start number value."
        ]
    );
}

#[test]
fn legacy_vpc_module_rowspan_and_entities() {
    let t = table(VPC);
    assert_eq!(t.line, 2);
    let header = [
        "Module",
        "HTTP Status Code",
        "Error Code",
        "Description",
        "Error Message",
        "Handling Measure",
    ];
    assert_eq!(t.header, header);
    assert_eq!(row_lines(&t), [16, 29, 40, 51, 62, 76, 87, 100, 111]);
    let modules = [
        "Public",
        "Public",
        "Public",
        "Public",
        "Public",
        "Public",
        "Querying a VPC",
        "Querying a VPC",
        "Querying a VPC",
    ];
    assert_eq!(column(&t, 0), modules);
    // A row shortened by the rowspan: its 5 cells land in columns 1–5.
    assert_eq!(
        t.rows[1].cells,
        [
            "Public",
            "404",
            "VPC.0003",
            "The VPC does not exist.",
            "VPC does not exist.",
            "Check whether the VPC ID is correct or whether the VPC exists under the tenant."
        ]
    );
    assert_eq!(
        t.rows[5].cells,
        [
            "Public",
            "403",
            "VPC.2201",
            "Insufficient fine-grained permissions.",
            "Policy doesn't allow <x:x:x> to be performed",
            "Obtain the required permissions."
        ]
    );
    assert_eq!(
        t.rows[7].cells,
        [
            "Querying a VPC",
            "404/500",
            "VPC.0105",
            "The interface fails to invoke the background service.",
            "Neutron Error.",
            "Check whether the Neutron service is normal or contact technical support."
        ]
    );
}

#[test]
fn legacy_csbs_blank_module_cell_with_rowspan() {
    let t = table(CSBS);
    assert_eq!(t.line, 2);
    let header = [
        "Module",
        "HTTP Status Code",
        "Error Code",
        "Description",
        "Error Message",
        "Measure",
    ];
    assert_eq!(t.header, header);
    assert_eq!(row_lines(&t), [16, 28, 39, 50, 61, 72]);
    // `&nbsp;&nbsp;` with rowspan="5", then one more `&nbsp;&nbsp;` without a span.
    assert_eq!(column(&t, 0), ["", "", "", "", "", ""]);
    let codes = [
        "CSBS.6027",
        "CSBS.6030",
        "CSBS.6031",
        "CSBS.6032",
        "CSBS.6033",
        "CSBS.6061",
    ];
    assert_eq!(column(&t, 2), codes);
    assert_eq!(
        t.rows[1].cells,
        [
            "",
            "500",
            "CSBS.6030",
            "The backup task cannot be executed, because an automatic backup task is being executed.",
            "auto plan executing",
            "Re-execute the backup task after the automatic backup task is complete."
        ]
    );
}

#[test]
fn legacy_elb_header_in_tbody_and_status_code_rowspan() {
    let t = table(ELB);
    assert_eq!(t.line, 2);
    let header = [
        "Module",
        "HTTP Status Code",
        "Error Code",
        "Error Message",
        "Description",
        "Solution",
    ];
    assert_eq!(t.header, header);
    assert_eq!(row_lines(&t), [15, 28, 39, 56, 63, 70, 77, 88, 100, 112]);
    assert_eq!(column(&t, 0), ["Tag"; 10]);
    let statuses = [
        "400", "401", "400", "400", "400", "400", "403", "403", "403", "400",
    ];
    assert_eq!(column(&t, 1), statuses);
    // Status and code both have rowspan="4" (with three empty `<p>`s each); the next three
    // rows have only the last three cells.
    assert_eq!(
        t.rows[2].cells,
        [
            "Tag",
            "400",
            "ELB.0002",
            "LogTankRequestBody is null, request is invalid.",
            "Invalid request body.",
            "Set parameters by following the instructions in this guide."
        ]
    );
    assert_eq!(
        t.rows[3].cells,
        [
            "Tag",
            "400",
            "ELB.0002",
            "LoadbalancerId in requestBody is null.",
            "loadbalancer_id in the request body is empty.",
            "Set the parameter by following the instructions in this guide."
        ]
    );
    assert_eq!(
        t.rows[5].cells,
        [
            "Tag",
            "400",
            "ELB.0002",
            "LogtopicId in requestBody is null.",
            "log_topic_id in the request body is empty.",
            "Set the parameter by following the instructions in this guide."
        ]
    );
    // After the span: full rows again, one with two paragraphs.
    assert_eq!(
        t.rows[7].cells,
        [
            "Tag",
            "403",
            "ELB.9803",
            "Policy doesn't allow elb:loadbalancers:list to be performed.\netc.",
            "Permission verification failed.",
            "Check whether you have the permission to perform this operation."
        ]
    );
}

#[test]
fn hwc_zh_apig_user_guide_chinese_header_and_apig_0201() {
    let t = table(APIG);
    assert_eq!(t.line, 3);
    assert_eq!(
        t.header,
        ["错误码", "错误信息", "HTTP状态码", "语义", "解决方案"]
    );
    assert_eq!(row_lines(&t), [15, 26, 37, 48, 59, 70, 81]);
    assert_eq!(column(&t, 0), ["APIG.0201"; 7]);
    assert_eq!(
        column(&t, 2),
        ["400", "413", "414", "494", "502", "504", "500"]
    );
    let messages = [
        "API request error.",
        "Request entity too large.",
        "Request URI too large.",
        "Request headers too large.",
        "Backend unavailable.",
        "Backend timeout.",
        "An unexpected error occurred",
    ];
    assert_eq!(column(&t, 1), messages);
    assert_eq!(
        t.rows[3].cells,
        [
            "APIG.0201",
            "Request headers too large.",
            "494",
            "请求头过大（单个请求头大于32K或所有请求头总长度大于128K）",
            "减小请求头大小"
        ]
    );
}

#[test]
fn hwc_zh_ocr_module_rowspan_lists_and_colspan_row() {
    let t = table(OCR);
    assert_eq!(t.line, 2);
    assert_eq!(
        t.header,
        ["模块", "错误码", "错误信息", "说明", "建议解决方法"]
    );
    assert_eq!(row_lines(&t), [14, 25, 34, 44, 53]);
    assert_eq!(column(&t, 0), ["APIG", "APIG", "APIG", "APIG", "其他"]);
    // A list whose items hold a link.
    assert_eq!(
        t.rows[0].cells,
        [
            "APIG",
            "APIG.0101",
            "The API does not exist or has not been published in the environment.",
            "访问的API不存在或尚未在环境中发布。",
            "- 请检查API的URL是否拼写正确。\n\
             - 检查URI中的区域信息是否和调用服务配置的终端节点对。\n\
             - HTTP请求方法（POST，GET等）是否正确。\n\
             - 具体的URI信息请在各接口的API页面查看。"
        ]
    );
    // A paragraph followed by a list in one cell.
    assert_eq!(
        t.rows[2].cells[3],
        "IAM身份验证信息不正确：\n\
         - decrypt token fail：token解析失败。\n\
         - token expires：token过期。\n\
         - verify aksk signature fail：AK/SK认证失败。"
    );
    // The closing prose row: one cell with colspan="4" fills the last four columns.
    let prose = "如若出现其他无法解决的错误码，请联系华为云支持人员。";
    assert_eq!(t.rows[4].cells, ["其他", prose, "", "", ""]);
}

#[test]
fn hwc_zh_modelarts_plain_dialect_and_markdown_escape() {
    let t = table(MODELARTS);
    assert_eq!(t.line, 3);
    // The source header is `<p>状态码 </p>`, with a trailing space.
    assert_eq!(
        t.header,
        ["状态码", "错误码", "错误信息", "描述", "处理措施"]
    );
    assert_eq!(row_lines(&t), [15, 26, 37]);
    // `&amp;,!\"&lt;&gt;=` in the source.
    assert_eq!(
        t.rows[1].cells,
        [
            "500",
            "ModelArts.3057",
            "Task description ({0}) not meeting the specification.",
            "任务描述({0}) 不满足规范",
            "任务描述不规范，不能包含&,!\"<>=等特殊字符，且长度在1到100以内。"
        ]
    );
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

/// Every prefix reads without panicking, and a prefix that opens the table without closing it is
/// an error. Every byte position of three fixtures (the anchor dialect, the plain dialect, and
/// rowspan + colspan + lists), every line end of the others (all of them would take a while).
#[test]
fn every_truncation_of_real_tables_is_handled() {
    for (page, every_char) in FIXTURES.map(|page| (page, [AS, OCR, MODELARTS].contains(&page))) {
        let start = page.find("<table").expect("fixture has a table");
        let opened = start + page[start..].find('>').expect("tag ends") + 1;
        let closed = page.find("</table>").expect("fixture closes its table") + "</table>".len();
        let cuts: Vec<usize> = match every_char {
            true => page.char_indices().map(|(cut, _)| cut).collect(),
            false => page.match_indices('\n').map(|(cut, _)| cut).collect(),
        };
        for cut in cuts {
            let result = tables(&page[..cut]);
            if (opened..closed).contains(&cut) {
                assert!(result.is_err(), "prefix of {cut} bytes should be an error");
            }
        }
    }
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
