//! Importing excerpts of real error-code pages (`fixtures/import/`, provenance on each file's
//! first line): every format, the shapes real pages have, and the problems a page can have.

use frs_codes_gen::import::{import, Format, Imported};
use frs_codes_gen::{Case, Catalogue, Code};

fn fixture(path: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/import/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn imported(path: &str) -> Imported {
    import(&fixture(path), path, None, None).unwrap_or_else(|error| panic!("{path}:\n{error}"))
}

fn code<'a>(catalogue: &'a Catalogue, code: &str) -> &'a Code {
    catalogue
        .find(code)
        .unwrap_or_else(|| panic!("{code} is imported"))
}

/// A case as `(status, message, description, measure)`, measure lines joined with `\n`.
type CaseRow<'a> = (Option<u16>, Option<&'a str>, &'a str, Option<String>);

fn cases(code: &Code) -> Vec<CaseRow<'_>> {
    code.cases
        .iter()
        .map(
            |Case {
                 status,
                 message,
                 description,
                 measure,
                 ..
             }| {
                (
                    *status,
                    message.as_deref(),
                    description.as_str(),
                    measure.as_ref().map(|lines| lines.join("\n")),
                )
            },
        )
        .collect()
}

#[test]
fn formats_are_told_apart_by_their_content() {
    let expected = [
        ("rst/iam.rst", Format::Rst),
        ("rst/dli.rst", Format::Rst),
        ("html/otc-legacy-as-error-codes.md", Format::Html),
        ("html/hwc-zh-ocr-error-codes.md", Format::Html),
        (
            "markdown/hwc-zh-obs-error-codes-table2.md",
            Format::Markdown,
        ),
        ("markdown/thirdparty-ddns-huaweidns-en.md", Format::Markdown),
    ];
    for (path, format) in expected {
        assert_eq!(Format::detect(&fixture(path)), format, "{path}");
    }
}

#[test]
fn rst_grid_a_code_in_seven_rows_is_one_variant_with_seven_cases() {
    let imported = imported("rst/apig_umn.rst");
    let catalogue = imported.catalogue();
    let apig = code(catalogue, "APIG.0201");
    let statuses: Vec<Option<u16>> = apig.cases.iter().map(|case| case.status).collect();
    assert_eq!(statuses, [400, 413, 414, 494, 502, 504, 500].map(Some));
    assert_eq!(
        cases(apig)[5],
        (
            Some(504),
            Some("Backend timeout."),
            "The backend service has timed out.",
            Some("Increase the timeout duration of the backend service or shorten the processing time.".to_owned())
        )
    );
    assert_eq!(
        apig.case_for(504).message.as_deref(),
        Some("Backend timeout.")
    );
    assert_eq!(apig.statuses(), [400, 413, 414, 494, 502, 504, 500]);
    // Two paragraphs of a cell are two lines; emphasis keeps its words.
    assert_eq!(
        code(catalogue, "APIG.0607").cases[0].description,
        "The protocol is not supported. Only xxx is supported.\nxxx is subject to the actual value in the response."
    );
    assert!(imported.text().contains("\"cases\": ["));
}

#[test]
fn rst_grid_digit_only_codes_get_a_category_and_a_derived_name() {
    let imported = imported("rst/iam.rst");
    let catalogue = imported.catalogue();
    let digits = code(catalogue, "1100");
    assert_eq!(
        (digits.name.as_str(), digits.prefix.as_str(), digits.number),
        ("Code1100", "", Some(1100))
    );
    assert_eq!(
        catalogue.categories[digits.category].title,
        "Codes without a prefix"
    );
    let templated = code(catalogue, "IAM.0073");
    assert_eq!(
        templated.cases[0].message.as_deref(),
        Some("Invalid input for field '%(key)s'. The value is '%(value)s'.")
    );
    assert_eq!(catalogue.categories[templated.category].title, "IAM errors");
}

#[test]
fn rst_category_column_without_status_and_a_note_row() {
    let imported = imported("rst/ocr.rst");
    let catalogue = imported.catalogue();
    let titles: Vec<&str> = catalogue
        .categories
        .iter()
        .map(|category| category.title.as_str())
        .collect();
    assert_eq!(titles, ["OCR", "Platform", "APIG"]);
    let ais = code(catalogue, "AIS.0101");
    assert_eq!(
        ais.cases[0].status, None,
        "OCR's page gives no status, and none is invented"
    );
    assert_eq!(
        ais.cases[0]
            .measure
            .as_deref()
            .map(|lines| lines[1].as_str()),
        Some("- Both image and url set, or the value format is incorrect.")
    );
    assert_eq!(
        catalogue.categories[code(catalogue, "ModelArts.0203").category].title,
        "Platform"
    );
    assert_eq!(
        imported.notes(),
        ["line 40: a note, not a code, left out: If other error codes cannot be rectified, contact technical support."]
    );
}

#[test]
fn rst_simple_table_with_only_a_message_column() {
    let imported = imported("rst/dli.rst");
    let catalogue = imported.catalogue();
    assert_eq!(
        catalogue.codes.len(),
        8,
        "the parameter table before it is not read"
    );
    let first = code(catalogue, "DLI.0001");
    assert_eq!(
        cases(first),
        [(
            Some(400),
            Some("Parameter check errors occur."),
            "Parameter check errors occur.",
            None
        )]
    );
}

#[test]
fn rst_statuses_outside_4xx_5xx_and_pipes_inside_literals() {
    let imported = imported("rst/modelarts.rst");
    let catalogue = imported.catalogue();
    assert_eq!(code(catalogue, "ModelArts.0116").cases[0].status, Some(100));
    assert_eq!(code(catalogue, "ModelArts.4902").statuses(), [200, 400]);
    let pipes = code(catalogue, "ModelArts.3060").cases[0]
        .measure
        .clone()
        .expect("measure");
    assert!(
        pipes.iter().any(|line| line.contains("(|)&$?<>.")),
        "{pipes:?}"
    );
}

#[test]
fn rst_two_statuses_in_one_cell_and_a_code_under_two_modules() {
    let imported = imported("rst/vpc.rst");
    let catalogue = imported.catalogue();
    assert_eq!(code(catalogue, "VPC.0105").statuses(), [404, 500]);
    assert_eq!(
        code(catalogue, "VPC.0105").cases.len(),
        2,
        "one case per status"
    );
    let message = code(catalogue, "VPC.9907").cases[0]
        .message
        .clone()
        .unwrap_or_default();
    assert!(message.contains("\\n2. The IP address group"), "{message}");
}

#[test]
fn html_rowspan_colspan_and_the_chinese_page_of_apig() {
    let zh = imported("html/hwc-zh-apig-user-guide-error-codes.md");
    let apig = code(zh.catalogue(), "APIG.0201");
    assert_eq!(apig.cases.len(), 7);
    assert_eq!(
        cases(apig)[5],
        (
            Some(504),
            Some("Backend timeout."),
            "后端超时",
            Some("增大超时时间或缩小后端的处理时间".to_owned())
        )
    );

    let ocr = imported("html/hwc-zh-ocr-error-codes.md");
    assert!(
        ocr.notes()
            .iter()
            .any(|note| note.contains("如若出现其他无法解决的错误码")),
        "{:?}",
        ocr.notes()
    );

    let elb = imported("html/otc-legacy-elb-error-codes-table3.md");
    let spanned = code(elb.catalogue(), "ELB.0002");
    assert!(
        spanned.cases.len() >= 4,
        "a status and code spanning four rows: {:?}",
        cases(spanned)
    );
    assert!(spanned.cases.iter().all(|case| case.status == Some(400)));

    let vpc = imported("html/otc-legacy-vpc-error-codes.md");
    assert!(vpc
        .catalogue()
        .codes
        .iter()
        .any(|code| code.statuses() == [404, 500]));
    assert!(vpc
        .catalogue()
        .codes
        .iter()
        .flat_map(|code| &code.cases)
        .any(|case| case
            .message
            .as_deref()
            .is_some_and(|message| message.contains("<x:x:x>"))));
}

#[test]
fn markdown_reason_phrases_and_named_codes() {
    let obs = imported("markdown/hwc-zh-obs-error-codes-table2.md");
    let catalogue = obs.catalogue();
    assert_eq!(
        code(catalogue, "ObjectNotAppendable").cases[0].status,
        Some(409)
    );
    let kms = code(catalogue, "KMS.DisabledException");
    assert_eq!((kms.prefix.as_str(), kms.number), ("KMS", None));
    assert_eq!(kms.name, "KmsDisabledException");
    let denied = code(catalogue, "AccessDenied");
    assert_eq!((denied.prefix.as_str(), denied.number), ("", None));
    assert!(denied.cases.len() >= 2, "AccessDenied has two rows");

    let ddns = imported("markdown/thirdparty-ddns-huaweidns-en.md");
    assert_eq!(
        ddns.catalogue().codes.len(),
        5,
        "the parameter table is not read"
    );
    assert_eq!(
        code(ddns.catalogue(), "DNS.0101").cases[0]
            .measure
            .as_deref(),
        Some(&["Check domain configuration".to_owned()][..])
    );
}

#[test]
fn every_fixture_row_is_a_case() {
    for path in [
        "rst/apig_umn.rst",
        "rst/ecs.rst",
        "html/otc-legacy-as-error-codes.md",
        "html/otc-legacy-csbs-error-codes.md",
        "html/hwc-zh-modelarts-error-codes.md",
    ] {
        let page = fixture(path);
        let rows: usize = frs_codes_gen::import::tables(&page, Format::detect(&page))
            .expect("reads")
            .iter()
            .filter(|table| {
                table
                    .header
                    .iter()
                    .any(|cell| cell.contains("Error Code") || cell.contains("错误码"))
            })
            .map(|table| table.rows.len())
            .sum();
        let cases: usize = imported(path)
            .catalogue()
            .codes
            .iter()
            .map(|code| code.cases.len())
            .sum();
        assert!(cases >= rows, "{path}: {rows} rows, {cases} cases");
    }
}

#[test]
fn a_row_that_cannot_be_read_names_its_line() {
    let page = "| Status Code | Error Code | Description |\n|---|---|---|\n| 400 | A.1 | Fine. |\n| 4xx | A.2 | Bad status. |\n";
    let error = import(page, "page.md", None, None).expect_err("4xx is no status");
    assert_eq!(
        error.to_string(),
        "page.md:4:1: `4xx` in the status column of `A.2` is not an HTTP status (100–599)"
    );
    let page = "| Status Code | Error Code | Description |\n|---|---|---|\n| 400 | A.1 | |\n";
    let error = import(page, "page.md", None, None).expect_err("no description");
    assert_eq!(
        error.to_string(),
        "page.md:3:1: the row of `A.1` has neither a description nor a message"
    );
    let error = import("Just prose.\n", "page.txt", None, None).expect_err("no table");
    assert!(
        error
            .to_string()
            .starts_with("no error-code table found in the page read as text"),
        "{error}"
    );
    let error = import("<table><tr><td>x</td>", "page.html", None, None).expect_err("unclosed");
    assert!(
        error
            .to_string()
            .starts_with("page.html:1:1: cannot read the page as html:"),
        "{error}"
    );
}

#[test]
fn merging_keeps_hand_made_choices_and_takes_the_rest_from_the_page() {
    let page = "| Status Code | Error Code | Error Message | Description |\n|---|---|---|---|\n\
                | 401 | IAM.0001 | Token expired. | The token has expired. |\n\
                | 404 | IAM.0002 | Not found. | The user does not exist. |\n";
    let existing = r#"{
  "$schema": "./codes.schema.json",
  "categories": [
    { "title": "Identity errors", "name": "Identity", "prefix": "IAM" }
  ],
  "codes": [
    { "code": "IAM.0001", "name": "TokenExpired", "retry": "no", "status": 400, "description": "Old text." },
    { "code": "IAM.0099", "name": "Gone", "status": 400, "description": "No longer documented." }
  ]
}
"#;
    let merged = import(page, "page.md", None, Some((existing, "codes.json"))).expect("merges");
    assert_eq!(
        merged.text(),
        r#"{
  "$schema": "./codes.schema.json",
  "categories": [
    {
      "title": "Identity errors",
      "name": "Identity",
      "prefix": "IAM"
    }
  ],
  "codes": [
    {
      "code": "IAM.0001",
      "name": "TokenExpired",
      "retry": "no",
      "status": 401,
      "message": "Token expired.",
      "description": "The token has expired."
    },
    {
      "code": "IAM.0002",
      "status": 404,
      "message": "Not found.",
      "description": "The user does not exist."
    }
  ]
}
"#
    );
    assert_eq!(
        merged.changes().map(ToString::to_string).as_deref(),
        Some(
            "code IAM.0002 `Iam0002` added (enum_variant_added: major)\n\
             code IAM.0099 `Gone` removed (enum_variant_missing: major)\n\
             code IAM.0001 status: 400 → 401 (minor)\n\
             code IAM.0001 message: none → \"Token expired.\" (patch)\n\
             code IAM.0001 description: \"Old text.\" → \"The token has expired.\" (patch)\n\
             semver: major\n"
        )
    );
    assert_eq!(
        merged.notes(),
        ["the code `IAM.0099` is not on the page and is left out"]
    );
}
