//! `explain`, `list`, `schema`, `diff` and the command line itself, run as a user runs them.

mod support;

use frs_codes::{Category, ErrorCode};
use serde_json::Value;
use support::{frs_codes, frs_codes_with, scratch, workspace_file, workspace_root};

#[test]
fn explain_prints_what_the_document_says() {
    let run = frs_codes(&["explain", "FRS.0202"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "FRS.0202 (ServiceFrozen)\n\
         \x20 HTTP status: 400\n\
         \x20 Category:    Service management errors (FRS 201–300)\n\
         \x20 Description: The service has been frozen.\n\
         \x20 Measure:     Contact the customer service for assistance.\n"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn explain_takes_several_codes_and_keeps_every_measure_line() {
    let run = frs_codes(&["explain", "APIG.0201", "APIG.0307"]);
    assert_eq!(run.status, 0);
    assert_eq!(
        run.stdout,
        "APIG.0201 (RequestTooLargeOrBackendTimeout)\n\
         \x20 HTTP status: 413, 504\n\
         \x20 Category:    Gateway errors (APIG/APIGW 1–400)\n\
         \x20 Description: The request body exceeds the allowed range or the backend times out.\n\
         \x20 Measure:     Check whether the request size is valid. Contact the customer service to check whether the backend service is running properly.\n\
         \n\
         APIG.0307 (TokenNeedsUpdate)\n\
         \x20 HTTP status: 401\n\
         \x20 Category:    Gateway errors (APIG/APIGW 1–400)\n\
         \x20 Description: The token needs to be updated.\n\
         \x20 Measure:     - The validity period of the token is 24 hours. Obtain the token again to call the API.\n\
         \x20              - Check whether the endpoint in the API URL is correct. Services deployed in different regions cannot be called across regions. If APIs in different regions are called, the token is invalid and error code APIG.0307 is displayed.\n"
    );
}

#[test]
fn an_unlisted_code_still_gets_its_category_and_exit_status_1() {
    let run = frs_codes(&["explain", "FRS.0250"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stdout,
        "`FRS.0250` is not in the catalogue; its number falls in Service management errors.\n\
         \x20 Category:    Service management errors (FRS 201–300)\n"
    );
}

#[test]
fn near_misses_get_the_listed_code_suggested() {
    for near_miss in ["FRS.202", "frs.0202", "Frs.00202"] {
        let run = frs_codes(&["explain", near_miss]);
        assert_eq!(run.status, 1, "{near_miss}");
        assert!(
            run.stdout
                .contains("Did you mean `FRS.0202`? Codes are matched exactly"),
            "{near_miss}: {}",
            run.stdout
        );
    }
    // Not even shaped like a code, but plainly meant as one.
    let run = frs_codes(&["explain", "FRS-0202"]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        "error: `FRS-0202` is not an error code: expected PREFIX.DIGITS, e.g. `FRS.0002`; \
         did you mean `FRS.0202`?\n"
    );
}

#[test]
fn inputs_are_shown_escaped() {
    let run = frs_codes(&[
        "explain",
        "FRS.0202\n",
        "\u{1b}[31mFRS.0250",
        "\"FRS.0202\"",
    ]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        "error: `FRS.0202\\n` is not an error code: expected PREFIX.DIGITS, e.g. `FRS.0002`; did \
         you mean `FRS.0202`?\n\
         error: `\\u{1b}[31mFRS.0250` is not an error code: expected PREFIX.DIGITS, e.g. \
         `FRS.0002`\n\
         error: `\"FRS.0202\"` is not an error code: expected PREFIX.DIGITS, e.g. `FRS.0002`; did \
         you mean `FRS.0202`?\n"
    );
}

#[test]
fn a_malformed_code_exits_2_after_explaining_the_others() {
    let run = frs_codes(&["explain", "hello", "FRS.0011", "FRS.0999"]);
    assert_eq!(run.status, 2);
    assert!(run.stdout.starts_with("FRS.0011 (ParameterMissing)\n"));
    assert!(run.stdout.contains("`FRS.0999` is not in the catalogue"));
    assert_eq!(
        run.stderr,
        "error: `hello` is not an error code: expected PREFIX.DIGITS, e.g. `FRS.0002`\n"
    );
}

#[test]
fn explain_as_json_agrees_with_the_generated_enum_for_every_code() {
    let codes: Vec<&str> = ErrorCode::ALL.iter().map(|code| code.as_str()).collect();
    let mut args = vec!["explain", "--format", "json"];
    args.extend(&codes);
    args.push("FRS.0250");
    let run = frs_codes(&args);
    assert_eq!(run.status, 1);
    let explained: Vec<Value> = serde_json::from_str(&run.stdout).expect("a JSON array");
    assert_eq!(explained.len(), ErrorCode::ALL.len() + 1);
    for (code, object) in ErrorCode::ALL.iter().zip(&explained) {
        assert_eq!(object["known"], true);
        assert_eq!(object["code"], code.as_str());
        assert_eq!(object["name"], format!("{code:?}"));
        assert_eq!(object["statuses"], serde_json::json!(code.http_statuses()));
        assert_eq!(object["description"], code.description());
        let measure: Vec<&str> = object["measure"]
            .as_array()
            .expect("lines")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(measure.join("\n"), code.measure());
        assert_eq!(object["category"]["title"], code.category().title());
    }
    let unknown = &explained[ErrorCode::ALL.len()];
    assert_eq!(unknown["known"], false);
    assert_eq!(unknown["well_formed"], true);
    assert_eq!(unknown["category"]["name"], "ServiceManagement");
    assert_eq!(unknown["did_you_mean"], Value::Null);
}

#[test]
fn explain_serves_any_catalogue() {
    let dir = scratch("explain-any");
    let catalogue = dir.join("gateway.json");
    std::fs::write(
        &catalogue,
        r#"{
  "categories": [{ "name": "Auth", "title": "Authentication errors", "prefix": "IAM", "range": [1, 999] }],
  "codes": [{ "code": "IAM.0011", "name": "TokenExpired", "status": 401,
              "description": "The token has expired.", "measure": ["Get a new token.", "Retry."] }]
}"#,
    )
    .expect("write");
    let run = frs_codes(&[
        "explain",
        "--catalogue",
        catalogue.to_str().expect("UTF-8 path"),
        "IAM.0011",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "IAM.0011 (TokenExpired)\n\
         \x20 HTTP status: 401\n\
         \x20 Category:    Authentication errors (IAM 1–999)\n\
         \x20 Description: The token has expired.\n\
         \x20 Measure:     Get a new token.\n\
         \x20              Retry.\n"
    );
}

#[test]
fn a_text_of_several_lines_keeps_its_column_in_explain_and_list() {
    let dir = scratch("explain-lines");
    let catalogue = dir.join("gateway.json");
    std::fs::write(
        &catalogue,
        r#"{
  "categories": [{ "name": "Auth", "title": "Authentication errors", "prefix": "IAM", "range": [1, 999] }],
  "codes": [{ "code": "IAM.0011", "name": "TokenExpired", "status": 401,
              "message": "token expired\nat the gateway",
              "description": "The token has expired.\nIt lasts 24 hours.", "measure": "Get a new token." }]
}"#,
    )
    .expect("write");
    let catalogue = catalogue.to_str().expect("UTF-8 path");
    let run = frs_codes(&["explain", "--catalogue", catalogue, "IAM.0011"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "  Message:     token expired\n\
             \x20              at the gateway\n\
             \x20 Description: The token has expired.\n\
             \x20              It lasts 24 hours.\n"
        ),
        "{}",
        run.stdout
    );
    let run = frs_codes(&["list", "--catalogue", catalogue]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Authentication errors (IAM 1–999)\n\
         \x20 IAM.0011 401      The token has expired.\n\
         \x20                   It lasts 24 hours.\n"
    );
}

#[test]
fn a_catalogue_of_named_codes_is_explained_in_its_own_terms() {
    let dir = scratch("explain-names");
    let catalogue = dir.join("storage.json");
    std::fs::write(
        &catalogue,
        r#"{
  "categories": [{ "name": "Storage", "title": "Storage errors" }],
  "codes": [
    { "code": "AccessDenied", "category": "Storage", "status": 403, "description": "Access denied." },
    { "code": "NoSuchKey", "category": "Storage", "status": 404, "description": "No such key." }
  ]
}"#,
    )
    .expect("write");
    let path = catalogue.to_str().expect("UTF-8 path");
    // A name that the catalogue does not list is a code it does not have, not a malformed one.
    let run = frs_codes(&["explain", "--catalogue", path, "NoSuchBucket"]);
    assert_eq!((run.status, run.stderr.as_str()), (1, ""));
    assert_eq!(
        run.stdout,
        "`NoSuchBucket` is not in the catalogue, whose codes are names such as `AccessDenied`; \
         `frs-codes list` shows them all.\n"
    );
    for near_miss in ["accessdenied", "ACCESS_DENIED", "AccesDenied"] {
        let run = frs_codes(&["explain", "--catalogue", path, near_miss]);
        assert_eq!(run.status, 1, "{near_miss}: {}", run.stderr);
        assert!(
            run.stdout.contains("Did you mean `AccessDenied`?"),
            "{near_miss}: {}",
            run.stdout
        );
    }
}

#[test]
fn an_unlisted_code_of_a_whole_prefix_belongs_by_its_prefix() {
    let catalogue = workspace_root().join("frs-codes-gen/tests/expansion/imported.json");
    let run = frs_codes(&[
        "explain",
        "--catalogue",
        catalogue.to_str().expect("UTF-8 path"),
        "ModelArts.9999",
    ]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "`ModelArts.9999` is not in the catalogue; its prefix belongs to ModelArts errors.\n\
         \x20 Category:    ModelArts errors (ModelArts)\n"
    );
}

#[test]
fn a_bad_catalogue_is_shown_in_context_and_exits_2() {
    let dir = scratch("explain-bad");
    let catalogue = dir.join("codes.json");
    std::fs::write(
        &catalogue,
        "{\n  \"categories\": [],\n  \"codes\": [{ \"code\": \"X.1\", \"status\": 400, \"description\": \"d\", \"measure\": \"m\" }]\n}\n",
    )
    .expect("write");
    let path = catalogue.to_str().expect("UTF-8 path");
    let run = frs_codes(&["list", "--catalogue", path]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains(&format!(
        "error: code `X.1` falls in no category: no category has the prefix `X`; add a category whose range holds 1, or correct the code\n --> {path}:3:23\n"
    )), "{}", run.stderr);
    let missing = frs_codes(&["explain", "--catalogue", "no-such.json", "FRS.0202"]);
    assert_eq!(missing.status, 2);
    assert!(missing
        .stderr
        .starts_with("error: cannot read the error-code catalogue `no-such.json`"));
}

#[test]
fn list_prints_every_code_grouped_by_category() {
    let run = frs_codes(&["list"]);
    assert_eq!(run.status, 0);
    for code in ErrorCode::ALL {
        let row = format!(
            "  {:<9} {:<8} {}\n",
            code.as_str(),
            code.http_statuses()
                .iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join("/"),
            code.description()
        );
        assert!(run.stdout.contains(&row), "{row:?} in\n{}", run.stdout);
    }
    let headings: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| !line.starts_with(' ') && !line.is_empty())
        .collect();
    let titles: Vec<String> = Category::ALL
        .iter()
        .map(|category| {
            let range = category.range();
            format!(
                "{category} ({} {}–{})",
                category.prefixes().join("/"),
                range.start(),
                range.end()
            )
        })
        .collect();
    assert_eq!(headings, titles);
}

#[test]
fn list_filters_by_category_name_or_title() {
    let by_name = frs_codes(&["list", "--category", "livedetect"]);
    let by_title = frs_codes(&["list", "--category", "Face LiveDetect errors"]);
    assert_eq!(by_name.status, 0);
    assert_eq!(by_name.stdout, by_title.stdout);
    assert_eq!(
        by_name.stdout.lines().count(),
        1 + Category::LiveDetect.codes().len()
    );
    let unknown = frs_codes(&["list", "--category", "Gatway"]);
    assert_eq!(unknown.status, 2);
    assert_eq!(
        unknown.stderr,
        "error: no category `Gatway` in the bundled FRS catalogue; did you mean `Gateway`? the \
         categories are: CommonService, ServiceManagement, FaceLibrary, FaceResource, \
         FaceVerification, LiveDetect, Gateway\n"
    );
}

#[test]
fn list_as_markdown_is_one_pipe_table_and_as_json_every_code() {
    let markdown = frs_codes(&["list", "--format", "markdown"]);
    let lines: Vec<&str> = markdown.stdout.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "| Category | Status Code | Error Code | Description | Measure |",
            "| --- | --- | --- | --- | --- |"
        ]
    );
    assert_eq!(lines.len(), 2 + ErrorCode::ALL.len());
    assert!(lines.contains(&"| Gateway errors | 413/504 | APIG.0201 | The request body exceeds the allowed range or the backend times out. | Check whether the request size is valid. Contact the customer service to check whether the backend service is running properly. |"));
    assert!(lines.iter().any(|line| line.starts_with("| Common service errors | 400 | FRS.0013 |")
        && line.ends_with("meets the requirements.<br>The image resolution must be less than 4,096 x 2,160. The face resolution in an image must be greater than 80 x 80. It is recommended that the face resolution be greater than 120 x 120. |")));

    let json = frs_codes(&["list", "--format", "json"]);
    let codes: Vec<Value> = serde_json::from_str(&json.stdout).expect("a JSON array");
    let listed: Vec<&str> = codes
        .iter()
        .filter_map(|code| code["code"].as_str())
        .collect();
    let expected: Vec<&str> = ErrorCode::ALL.iter().map(|code| code.as_str()).collect();
    assert_eq!(listed, expected);
}

#[test]
fn list_as_markdown_keeps_each_row_on_its_line_whatever_the_texts_hold() {
    let dir = scratch("list-markdown-breaks");
    let catalogue = dir.join("codes.json");
    std::fs::write(
        &catalogue,
        r#"{"categories": [{"name": "Face", "title": "Face | errors", "prefix": "FRS", "range": [1, 99]}],
  "codes": [{"code": "FRS.0001", "status": 400, "message": "First line\r\nsecond line",
             "description": "Spans\ntwo lines.", "measure": ["One.", "Two\rand a half."]}]}"#,
    )
    .expect("write");
    let run = frs_codes(&[
        "list",
        "--format",
        "markdown",
        "--catalogue",
        catalogue.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().nth(2),
        Some(
            "| Face \\| errors | 400 | FRS.0001 | First line<br>second line | Spans<br>two lines. | \
             One.<br>Two<br>and a half. |"
        )
    );
    assert_eq!(run.stdout.lines().count(), 3);
}

#[test]
fn schema_prints_the_committed_schema_byte_for_byte() {
    let run = frs_codes(&["schema"]);
    assert_eq!(run.status, 0);
    let committed = workspace_file("codes.schema.json");
    assert_eq!(run.stdout, committed);
}

/// The bundled catalogue with `edit` applied to its text, written to a scratch file.
fn edited_catalogue(dir: &std::path::Path, name: &str, edit: impl Fn(String) -> String) -> String {
    let text = workspace_file("codes.json");
    let path = dir.join(name);
    std::fs::write(&path, edit(text)).expect("write");
    path.to_str().expect("UTF-8 path").to_owned()
}

#[test]
fn diff_names_each_change_and_ends_with_the_semver_impact() {
    let dir = scratch("diff");
    let same = edited_catalogue(&dir, "same.json", |text| text);
    let run = frs_codes(&["diff", &same]);
    assert_eq!(
        (run.status, run.stdout.as_str()),
        (0, "no differences\nsemver: none\n")
    );

    let text_only = edited_catalogue(&dir, "text.json", |text| {
        text.replace("The service has been frozen.", "The service is frozen.")
    });
    let run = frs_codes(&["diff", &same, &text_only]);
    assert_eq!(run.status, 0);
    assert_eq!(
        run.stdout,
        "code FRS.0202 description: \"The service has been frozen.\" → \"The service is frozen.\" (patch)\n\
         semver: patch\n"
    );

    let data = edited_catalogue(&dir, "data.json", |text| {
        text.replace("\"status\": [413, 504]", "\"status\": [413, 502, 504]")
    });
    let run = frs_codes(&["diff", &same, &data]);
    assert_eq!(
        run.stdout,
        "code APIG.0201 status: 413, 504 → 413, 502, 504 (minor)\nsemver: minor\n"
    );

    let renamed = edited_catalogue(&dir, "renamed.json", |text| {
        text.replace("\"ServiceFrozen\"", "\"Frozen\"")
    });
    let run = frs_codes(&["diff", &same, &renamed]);
    assert_eq!(
        run.stdout,
        "code FRS.0202 renamed `ServiceFrozen` → `Frozen` (enum_variant_missing: major)\nsemver: major\n"
    );

    let added = edited_catalogue(&dir, "added.json", |text| {
        text.replacen(
            "\"codes\": [\n",
            "\"codes\": [\n    { \"code\": \"FRS.0037\", \"name\": \"ImageTooBlurry\", \"status\": 400, \"description\": \"The image is too blurry.\", \"measure\": \"Upload a sharper image.\" },\n",
            1,
        )
    });
    let run = frs_codes(&["diff", &same, &added]);
    assert_eq!(
        run.stdout,
        "code FRS.0037 `ImageTooBlurry` added (enum_variant_added: major)\nsemver: major\n"
    );
    let run = frs_codes(&["diff", &added, &same]);
    assert_eq!(
        run.stdout,
        "code FRS.0037 `ImageTooBlurry` removed (enum_variant_missing: major)\nsemver: major\n"
    );
    // One file: compared with --catalogue, here the bundled one.
    let run = frs_codes(&["diff", &added]);
    assert!(run.stdout.ends_with("semver: major\n"));
}

#[test]
fn every_command_has_help_and_bad_arguments_exit_2() {
    for command in [
        "explain", "list", "check", "generate", "schema", "diff", "import", "serve",
    ] {
        let run = frs_codes(&[command, "--help"]);
        assert_eq!(run.status, 0, "{command}");
        assert!(
            run.stdout.contains(&format!("Usage: frs-codes {command}")),
            "{command}: {}",
            run.stdout
        );
    }
    let run = frs_codes(&["explain"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("required arguments were not provided"));
    let run = frs_codes(&["list", "--format", "yaml"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("invalid value 'yaml'"));
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let plain = frs_codes(&["explain", "FRS.0202"]);
    assert!(!plain.stdout.contains('\x1b'));
    let forced = frs_codes_with(&["explain", "FRS.0202"], &[("CLICOLOR_FORCE", "1")]);
    assert!(forced.stdout.contains("\x1b["), "{:?}", forced.stdout);
    let refused = frs_codes_with(
        &["explain", "FRS.0202"],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert_eq!(refused.stdout, plain.stdout);
}
