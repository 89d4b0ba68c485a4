//! Whole imports of small pages written for these tests, in the shapes real pages have: what
//! a bad cell costs (only itself, with a warning naming its line), group rows and ranges
//! wherever a page states them, and merging into a hand-made catalogue. The real pages are
//! imported by `tests/tests/corpus.rs` when `FRS_CODES_CORPUS` names them.

use frs_codes_gen::import::{import, Imported, Severity};

fn imported(page: &str, name: &str) -> Imported {
    import(page, name, None, None).unwrap_or_else(|error| panic!("{name}:\n{error}"))
}

fn warnings(imported: &Imported) -> Vec<String> {
    imported
        .notes()
        .iter()
        .filter(|note| note.severity == Severity::Warning)
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_bad_cell_costs_only_itself_and_is_said_with_its_line() {
    let page = "| Status Code | Error Code | Description |\n|---|---|---|\n\
                | 400 | A.1 | Fine. |\n\
                | 4000 | A.2 | A status with a digit too many. |\n\
                | 400 | A. 3 | A stray space. |\n\
                | 500 | Other error codes | Words, not a code. |\n\
                | 404 | | A row without its code. |\n";
    let imported = imported(page, "page.md");
    let codes: Vec<(&str, Vec<Option<u16>>)> = imported
        .catalogue()
        .codes
        .iter()
        .map(|code| {
            (
                code.code.as_str(),
                code.cases.iter().map(|case| case.status).collect(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("A.1", vec![Some(400)]),
            ("A.2", vec![None]),
            ("A.3", vec![Some(400), Some(404)]),
        ]
    );
    assert_eq!(
        warnings(&imported),
        [
            "line 4: `4000` in the status column of `A.2` is not an HTTP status (100–599): the case is kept without it",
            "line 5: whitespace is never part of a code: `A. 3` is read as `A.3`",
            "line 6: `Other error codes` in the code column is words, not a code: the row is left out: 500 | Other error codes | Words, not a code.",
            "line 7: a row without an error code: read as another case of `A.3`, the code above it",
        ]
    );
}

#[test]
fn group_rows_headings_and_type_cells_give_categories_with_ranges() {
    let markdown = "# Error codes\n\n## Common errors (error code range: 1–99)\n\n\
                    | Status Code | Error Code | Description |\n|---|---|---|\n\
                    | 403 | FRS.0002 | The token is wrong. |\n\n\
                    ## Face errors (error code range: 100–199)\n\n\
                    | Status Code | Error Code | Description |\n|---|---|---|\n\
                    | 400 | FRS.0101 | No face was found. |\n\
                    | **Legacy** | | |\n\
                    | 400 | OLD.0001 | An old code. |\n";
    let from_headings = imported(markdown, "page.md");
    let categories: Vec<(&str, Option<(u32, u32)>)> = from_headings
        .catalogue()
        .categories
        .iter()
        .map(|category| {
            let range = category
                .range
                .as_ref()
                .map(|range| (*range.start(), *range.end()));
            (category.title.as_str(), range)
        })
        .collect();
    assert_eq!(
        categories,
        [
            ("Common errors", Some((1, 99))),
            ("Face errors", Some((100, 199))),
            ("Legacy", None),
        ]
    );
    let html = "<table><tr><th>Type</th><th>Status Code</th><th>Error Code</th><th>Description</th></tr>\
                <tr><td rowspan=\"2\">Common errors<br>(error code range: 1–99)</td><td>403</td><td>FRS.0002</td><td>The token is wrong.</td></tr>\
                <tr><td>400</td><td>FRS.0011</td><td>A parameter is missing.</td></tr></table>\n";
    let from_type_cells = imported(html, "page.html");
    let category = &from_type_cells.catalogue().categories[0];
    assert_eq!(
        (
            category.name.as_str(),
            category.title.as_str(),
            category.range.clone()
        ),
        ("CommonErrors", "Common errors", Some(1..=99))
    );
}

#[test]
fn a_page_without_an_error_code_table_is_refused_saying_what_it_found() {
    let page = "| Parameter | Type | Description |\n|---|---|---|\n| name | String | A name. |\n";
    let error = import(page, "page.md", None, None).expect_err("no code column");
    assert_eq!(
        error.to_string(),
        "no error-code table found in the page read as markdown: a table needs a column \
         of codes (`Error Code`, `错误码`) and one of descriptions or messages (`Description`, \
         `Error Message`, `描述`, `错误信息`); the page's table has other columns (line 1: \
         `Parameter`, `Type`, `Description`)"
    );
    let error = import("Just prose.\n", "page.txt", None, None).expect_err("no table");
    assert!(
        error
            .to_string()
            .ends_with("the page has no table at all (try --format)"),
        "{error}"
    );
}

#[test]
fn import_is_linear_in_the_rows() {
    let page = |rows: usize| {
        let mut page = String::from("Status Code\tError Code\tDescription\n");
        for row in 0..rows {
            page.push_str(&format!("400\tSVC.{row:06}\tThe case of row {row}.\n"));
        }
        page
    };
    let time = |rows: usize| {
        let page = page(rows);
        let start = std::time::Instant::now();
        let imported = import(&page, "page.txt", None, None).expect("imports");
        assert_eq!(imported.catalogue().codes.len(), rows);
        start.elapsed()
    };
    let small = time(5_000);
    let large = time(40_000);
    // Eight times the rows: a quadratic import takes 64 times as long; allow a noisy machine
    // three times the linear cost.
    assert!(
        large < small * 24,
        "5,000 rows took {small:?}, 40,000 rows {large:?}"
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
             `message()` of codes and cases: `Option<&str>` → `&str` (major)\n\
             semver: major\n"
        )
    );
    let notes: Vec<String> = merged.notes().iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        ["the code `IAM.0099` is not on the page and is left out"]
    );
}

#[test]
fn merging_keeps_a_hand_made_category_and_the_codes_that_name_it() {
    let page = "| Status Code | Error Code | Description |\n|---|---|---|\n\
                | 401 | IAM.0001 | The token has expired. |\n\
                | 403 | IAM.0002 | The user may not do this. |\n";
    let existing = r#"{
  "categories": [
    { "name": "Iam", "title": "IAM errors", "prefix": "IAM" },
    { "name": "Auth", "title": "Authentication" }
  ],
  "codes": [
    { "code": "IAM.0001", "category": "Auth", "status": 401, "description": "Old text." },
    { "code": "IAM.0002", "status": 403, "description": "The user may not do this." }
  ]
}
"#;
    let merged = import(page, "page.md", None, Some((existing, "codes.json"))).expect("merges");
    let catalogue = merged.catalogue();
    let names: Vec<&str> = catalogue
        .categories
        .iter()
        .map(|category| category.name.as_str())
        .collect();
    assert_eq!(names, ["Iam", "Auth"]);
    let auth = &catalogue.codes[0];
    assert_eq!(
        (
            auth.code.as_str(),
            catalogue.categories[auth.category].name.as_str()
        ),
        ("IAM.0001", "Auth")
    );
    let notes: Vec<String> = merged.notes().iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        ["the category `Auth` is not on the page; it is kept, with the codes that name it"]
    );
}
