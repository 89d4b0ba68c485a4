//! Tests of the reStructuredText table reader: excerpts of real OTC pages (fixtures/rst/) and
//! small synthetic pages for the syntax corners the real pages do not show.

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

const IAM: &str = include_str!("fixtures/import/rst/iam.rst");
const APIG_UMN: &str = include_str!("fixtures/import/rst/apig_umn.rst");
const OCR: &str = include_str!("fixtures/import/rst/ocr.rst");
const MODELARTS: &str = include_str!("fixtures/import/rst/modelarts.rst");
const DLI: &str = include_str!("fixtures/import/rst/dli.rst");
const ECS: &str = include_str!("fixtures/import/rst/ecs.rst");
const VPC: &str = include_str!("fixtures/import/rst/vpc.rst");
const FIXTURES: [&str; 7] = [IAM, APIG_UMN, OCR, MODELARTS, DLI, ECS, VPC];

#[test]
fn iam_bare_grid_table_with_digit_codes_bold_and_templates() {
    let tables = read(IAM);
    assert_eq!(tables.len(), 1, "the title underline is not a table");
    let t = &tables[0];
    assert_eq!(t.line, 6);
    assert_eq!(
        t.header,
        strings(&[
            "Status Code",
            "Error Code",
            "Error Message",
            "Description",
            "Measure"
        ])
    );
    assert_eq!(
        t.rows,
        vec![
            row(
                9,
                &[
                    "400",
                    "1100",
                    "Mandatory parameters are not specified.",
                    "Mandatory parameters are not specified.",
                    "Check the request parameters.",
                ]
            ),
            row(
                11,
                &[
                    "400",
                    "1101",
                    "Invalid username.",
                    "Invalid username.",
                    "Check the username."
                ]
            ),
            row(
                13,
                &[
                    "400",
                    "1105",
                    "The value of xuser_type must be the same as that of xdomain_type.",
                    "The value of xuser_type must be the same as that of xdomain_type.",
                    "Check whether the value of xuser_type is the same as that of xdomain_type.",
                ]
            ),
            row(
                15,
                &[
                    "400",
                    "IAM.0007",
                    "Request parameter %(key)s is invalid.",
                    "The request parameter is invalid.",
                    "Check the request parameter.",
                ]
            ),
            row(
                17,
                &[
                    "400",
                    "IAM.0073",
                    "Invalid input for field '%(key)s'. The value is '%(value)s'.",
                    "The input is invalid.",
                    "Contact technical support.",
                ]
            ),
            row(
                19,
                &[
                    "400",
                    "IAM.1001",
                    "The display_name must be a string and cannot be left blank or contain spaces.",
                    "The value of display_name is empty or contains spaces.",
                    "Check whether the value of display_name is correct.",
                ]
            ),
        ]
    );
}

#[test]
fn apig_indented_table_in_directive_with_repeated_code_and_emphasis() {
    let tables = read(APIG_UMN);
    assert_eq!(tables.len(), 1, "the note's bullet list is not a table");
    let t = &tables[0];
    assert_eq!(t.line, 10);
    assert_eq!(
        t.header,
        strings(&[
            "Error Code",
            "Error Message",
            "HTTP Status Code",
            "Description",
            "Solution"
        ])
    );
    assert_eq!(
        t.rows,
        vec![
            row(
                13,
                &[
                    "APIG.0201",
                    "API request error.",
                    "400",
                    "Invalid request parameters.",
                    "Set valid request parameters.",
                ]
            ),
            row(
                15,
                &[
                    "APIG.0201",
                    "Request entity too large.",
                    "413",
                    "The request body exceeds 12 MB.",
                    "Reduce the size of the request body.",
                ]
            ),
            row(
                17,
                &[
                    "APIG.0201",
                    "Request URI too large.",
                    "414",
                    "The request URI exceeds 32 KB.",
                    "Reduce the size of the request URI.",
                ]
            ),
            row(
                19,
                &[
                    "APIG.0201",
                    "Request headers too large.",
                    "494",
                    "The request headers are too large because one of them exceeds 32 KB or the total length exceeds 128 KB.",
                    "Reduce the size of the request headers.",
                ]
            ),
            row(
                21,
                &[
                    "APIG.0201",
                    "Backend unavailable.",
                    "502",
                    "The backend service is unavailable.",
                    "Check whether the backend address configured for the API is accessible.",
                ]
            ),
            row(
                23,
                &[
                    "APIG.0201",
                    "Backend timeout.",
                    "504",
                    "The backend service has timed out.",
                    "Increase the timeout duration of the backend service or shorten the processing time.",
                ]
            ),
            row(
                25,
                &[
                    "APIG.0201",
                    "An unexpected error occurred",
                    "500",
                    "An internal error occurred.",
                    "Contact technical support.",
                ]
            ),
            row(
                27,
                &[
                    "APIG.0607",
                    "The following protocol is supported: {xxx}",
                    "400",
                    "The protocol is not supported. Only xxx is supported.\nxxx is subject to the actual value in the response.",
                    "Use HTTP or HTTPS to access the API.",
                ]
            ),
        ]
    );
}

#[test]
fn ocr_blank_category_cells_lists_ref_and_prose_row() {
    let tables = read(OCR);
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    assert_eq!(t.line, 6);
    assert_eq!(
        t.header,
        strings(&[
            "Category",
            "Error Code",
            "Error Message",
            "Description",
            "Solution"
        ])
    );
    assert_eq!(
        t.rows,
        vec![
            row(
                9,
                &[
                    "OCR",
                    "AIS.0101",
                    "The input parameter is invalid.",
                    "The input parameter does not meet the requirements.",
                    "Check whether the input parameters are correct. Possible causes are as follows:\n\
                     - Both image and url set, or the value format is incorrect.\n\
                     - true or false is incorrectly spelled.\n\
                     - Incorrect characters are included in the parameter value.\n\
                     For details about the parameter value format, see the request parameter description of each API.",
                ]
            ),
            row(
                17,
                &[
                    "",
                    "AIS.0102",
                    "The image format is not supported.",
                    "The image format is not supported.",
                    "Check the image format. For details about the image format supported by each service, \
                     see \"Constraints and Limitations\" in the related API section.",
                ]
            ),
            row(
                19,
                &["Platform", "ModelArts.0203", "Invalid token.", "Invalid token.", "Ensure that the token is correct."]
            ),
            row(
                21,
                &[
                    "APIG",
                    "APIG.0101",
                    "The API does not exist or has not been published in the environment.",
                    "The API does not exist or has not been published.",
                    "- Check whether the API URL is correct. For example, check whether the project ID is included in the URL.\n\
                     - Check whether the region in the URI is the same as that configured for calling the service by referring to Endpoint.\n\
                     - Check whether the HTTP request method (such as POST and GET) is correct.\n\
                     - For details about the URI, see the corresponding API page.",
                ]
            ),
            row(
                26,
                &[
                    "",
                    "APIG.0201",
                    "Backend timeout.",
                    "Request timed out.",
                    "- Check whether the original API call requests are excessively frequent. If so, check the return value in the code \
                     and resend the requests later (for example, 2 to 5 seconds later). You can also check whether the result of the \
                     previous request is returned at the backend. After the result of the previous request is returned, send the next request.\n\
                     - Check whether the image is too large or the network delay is too long. If the image is too large, compress the \
                     image in proportion while ensuring the image definition. If the network delay is long, you can increase the network \
                     transmission speed.",
                ]
            ),
            row(
                29,
                &[
                    "",
                    "APIG.0301",
                    "Incorrect IAM authentication information.",
                    "The IAM authentication information is incorrect.\n\
                     - decrypt token fail: The token fails to be parsed.\n\
                     - token expires: The token has expired.\n\
                     - x-auth-token not found: The x-auth-token parameter is not found.",
                    "- If the token fails to be parsed, check the method for obtaining the token, whether the request body is correct, \
                     whether the token is correct, and whether the environment for obtaining the token is the same as the environment \
                     for calling the token.\n\
                     - If the token expires, obtain a new token that is valid permanently.\n\
                     - Check whether the spelling of X-Auth-Token in the request header is correct.",
                ]
            ),
            row(
                35,
                &[
                    "",
                    "APIG.0308",
                    "The throttling threshold has been reached: policy user over ratelimit,limit:XX,time:1 minute.",
                    "The request exceeds the default rate limit of the service.",
                    "Rectify the fault using either of the following methods:\n\
                     - Use the retry mechanism to rectify the fault by checking the return value in the code and retrying the requests \
                     after a short period of time (for example, 2 to 5 seconds).\n\
                     - You can also check whether the result of the previous request is returned at the backend. After the result of \
                     the previous request is returned, send the next request.",
                ]
            ),
            row(
                40,
                &["Other", "If other error codes cannot be rectified, contact technical support.", "", "", ""]
            ),
        ]
    );
}

#[test]
fn modelarts_pipe_inside_literal_and_unusual_statuses() {
    let tables = read(MODELARTS);
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    assert_eq!(t.line, 3);
    assert_eq!(
        t.header,
        strings(&[
            "Status Code",
            "Error Codes",
            "Error Message",
            "Description",
            "Solution"
        ])
    );
    assert_eq!(
        t.rows,
        vec![
            row(
                6,
                &[
                    "100",
                    "ModelArts.0116",
                    "The expected {0} exceeds the quota limit.",
                    "The expected {0} exceeds the quota limit.",
                    "Contact the administrator to increase the quota.",
                ]
            ),
            row(
                8,
                &[
                    "200",
                    "ModelArts.4902",
                    "Exporting labels.",
                    "Labels are being exported.",
                    "Wait until labels are exported.",
                ]
            ),
            row(
                10,
                &[
                    "400",
                    "ModelArts.4902",
                    "Access prohibited because the app-auth API was not associated with APIG app %s.",
                    "The target app is not authorized.",
                    "Ensure AppCode is allowed to access the target service.",
                ]
            ),
            row(
                12,
                &[
                    "400",
                    "ModelArts.6334",
                    "Invalid value for name or description. The character `{}` is not allowed.",
                    "The description parameter is incorrect.",
                    "Enter a valid description value.",
                ]
            ),
            row(
                14,
                &[
                    "500",
                    "ModelArts.3060",
                    "Task spec ({0}) not meeting the specification.",
                    "Advanced task option {0} does not comply with specifications.",
                    "Ensure that the advanced option does not contain Chinese characters or the following characters: \
                     (|)&$?<>. Ensure that the value is less than 4000.",
                ]
            ),
        ]
    );
}

#[test]
fn dli_parameter_grid_table_then_simple_table() {
    let tables = read(DLI);
    assert_eq!(tables.len(), 2);
    let params = &tables[0];
    assert_eq!(params.line, 5);
    assert_eq!(
        params.header,
        strings(&["Parameter", "Parameter Type", "Description"])
    );
    assert_eq!(
        params.rows,
        vec![
            row(
                8,
                &[
                    "error_code",
                    "String",
                    "Error code. For details, see Table 2."
                ]
            ),
            row(10, &["error_msg", "String", "Error details."]),
        ]
    );
    let codes = &tables[1];
    assert_eq!(codes.line, 20);
    assert_eq!(
        codes.header,
        strings(&["Status Code", "Error Code", "Error Message"])
    );
    assert_eq!(
        codes.rows,
        vec![
            row(23, &["400", "DLI.0001", "Parameter check errors occur."]),
            row(24, &["400", "DLI.0002", "The object does not exist."]),
            row(
                25,
                &["400", "DLI.0003", "SQL permission verification fails."]
            ),
            row(
                26,
                &["401", "DLI.0013", "User authentication errors occur."]
            ),
            row(
                27,
                &["401", "DLI.0014", "Service authentication errors occur."]
            ),
            row(28, &["404", "DLI.0023", "No related resources were found."]),
            row(29, &["400", "DLI.0999", "Server-side errors occur."]),
            row(30, &["400", "DLI.1028", "The quota is insufficient."]),
        ]
    );
}

#[test]
fn ecs_multi_paragraph_cell_with_note() {
    let tables = read(ECS);
    assert_eq!(
        tables.len(),
        1,
        "the bullet list and the section underlines are not tables"
    );
    let t = &tables[0];
    assert_eq!(t.line, 6);
    assert_eq!(
        t.header,
        strings(&[
            "HTTP Status Code",
            "Error Code",
            "Error Message",
            "Description",
            "Solution"
        ])
    );
    assert_eq!(
        t.rows,
        vec![
            row(
                9,
                &[
                    "400",
                    "Ecs.0000",
                    "Request error. Try again later or contact customer service.",
                    "Request error.",
                    "Check the request body according to the returned error message.",
                ]
            ),
            row(
                11,
                &[
                    "400",
                    "Ecs.0001",
                    "Insufficient ECS quota. Contact customer service to increase quota.",
                    "The number of ECSs has reached the maximum allowed.",
                    "Apply for higher quotas of the corresponding resources based on the returned error message.\n\
                     When applying for increasing ECS resource quotas, you need to evaluate the number of ECSs, vCPUs, \
                     and memory capacity (RAM) required.",
                ]
            ),
            row(
                17,
                &[
                    "400",
                    "Ecs.0002",
                    "A system exception occurred. Try again later or contact customer service.",
                    "Failed to submit the task.",
                    "Contact technical support to locate the fault.",
                ]
            ),
            row(
                19,
                &[
                    "202",
                    "Common.0024",
                    "Flow limit exceeded.",
                    "Limited by traffic control.",
                    "The number of concurrent requests has exceeded the upper limit. Try again later.",
                ]
            ),
        ]
    );
}

#[test]
fn vpc_escaped_backslash_multi_status_and_blank_module() {
    let tables = read(VPC);
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    assert_eq!(t.line, 6);
    assert_eq!(
        t.header,
        strings(&[
            "Module",
            "Status Code",
            "Error Code",
            "Message",
            "Description",
            "Handling Measure"
        ])
    );
    assert_eq!(
        t.rows,
        vec![
            row(
                9,
                &[
                    "Public",
                    "400",
                    "VPC.0002",
                    "AZ name is null.",
                    "The AZ is left blank.",
                    "Check whether the availability_zone field in the request body for creating a subnet is left blank.",
                ]
            ),
            row(
                11,
                &[
                    "",
                    "404",
                    "VPC.0003",
                    "VPC does not exist.",
                    "The VPC does not exist.",
                    "Check whether the VPC ID is correct or whether the VPC exists under the tenant.",
                ]
            ),
            row(
                13,
                &[
                    "",
                    "404/500",
                    "VPC.0105",
                    "Neutron error.",
                    "Calling the backend service fails.",
                    "Check whether the Neutron service is normal or contact technical support.",
                ]
            ),
            row(
                15,
                &[
                    "Deleting a VPC",
                    "400/404",
                    "VPC.0101",
                    "Delete router error xx is invalid.",
                    "Invalid parameters.",
                    "Check whether the parameter values are valid based on the returned error message.",
                ]
            ),
            row(
                17,
                &[
                    "",
                    "409",
                    "VPC.9907",
                    r"1. The IP address group is used by a security group rule.\n2. The IP address group is used by a network ACL rule.",
                    "1. The IP address group is used by a security group rule.\n\
                     2. The IP address group is used by a network ACL rule.",
                    "Check whether the security group rule or network ACL rule is required. If not, use the API for forcibly \
                     deleting the IP address group.",
                ]
            ),
        ]
    );
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
fn never_panics_on_truncated_or_damaged_tables() {
    for page in [DLI, ECS] {
        for (at, _) in page.char_indices() {
            check_any(&page[..at]);
        }
    }
    for page in FIXTURES {
        let lines: Vec<&str> = page.lines().collect();
        for k in 0..lines.len() {
            let mut without = lines.clone();
            without.remove(k);
            check_any(&without.join("\n"));
            let mut cut = lines.clone();
            let half: String = lines[k]
                .chars()
                .take(lines[k].chars().count() / 2)
                .collect();
            cut[k] = &half;
            check_any(&cut.join("\n"));
        }
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
