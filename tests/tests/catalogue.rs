//! `codes.json` against the source document: every row, exactly as written.
//!
//! `fixtures/frs-error-codes.txt` is the FRS error-code page as published. This test reads it
//! with its own small parser (independent of the macro) and compares every row with what the
//! generated `ErrorCode` carries.

use frs_codes::{Category, ErrorCode};

const DOCUMENT: &str = include_str!("../fixtures/frs-error-codes.txt");

struct DocumentCategory {
    title: String,
    range: (u32, u32),
    rows: Vec<DocumentRow>,
}

struct DocumentRow {
    statuses: Vec<u16>,
    code: String,
    description: String,
    measure: Vec<String>,
}

fn statuses_line(line: &str) -> Option<Vec<u16>> {
    let statuses: Option<Vec<u16>> = line.split('/').map(|part| part.parse().ok()).collect();
    statuses.filter(|statuses| !statuses.is_empty() && line.len() >= 3)
}

fn is_code_line(line: &str) -> bool {
    line.split_once('.').is_some_and(|(prefix, digits)| {
        !prefix.is_empty()
            && prefix.bytes().all(|b| b.is_ascii_uppercase())
            && digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
    })
}

fn range_line(line: &str) -> Option<(u32, u32)> {
    let inner = line
        .strip_prefix("(error code range: ")?
        .strip_suffix(')')?;
    let (start, end) = inner.split_once('–')?;
    Some((start.parse().ok()?, end.parse().ok()?))
}

/// The document's categories and rows, in order.
fn document() -> Vec<DocumentCategory> {
    let lines: Vec<&str> = DOCUMENT.lines().collect();
    let end = lines
        .iter()
        .position(|line| *line == "Feedback")
        .expect("document ends with Feedback");
    let row_starts = |index: usize| {
        index + 1 < end && statuses_line(lines[index]).is_some() && is_code_line(lines[index + 1])
    };
    let category_starts = |index: usize| index + 1 < end && range_line(lines[index + 1]).is_some();
    let mut categories: Vec<DocumentCategory> = Vec::new();
    let mut index = 0;
    while index < end {
        if category_starts(index) {
            categories.push(DocumentCategory {
                title: lines[index].to_owned(),
                range: range_line(lines[index + 1]).expect("checked"),
                rows: Vec::new(),
            });
            index += 2;
        } else if row_starts(index) {
            let mut measure = Vec::new();
            let mut next = index + 3;
            while next < end
                && !row_starts(next)
                && !category_starts(next)
                && lines[next] != "- Gateway error code"
            {
                measure.push(lines[next].to_owned());
                next += 1;
            }
            categories
                .last_mut()
                .expect("rows follow a category")
                .rows
                .push(DocumentRow {
                    statuses: statuses_line(lines[index]).expect("checked"),
                    code: lines[index + 1].to_owned(),
                    description: lines[index + 2].to_owned(),
                    measure,
                });
            index = next;
        } else {
            index += 1;
        }
    }
    categories
}

#[test]
fn every_row_of_the_document_is_in_the_catalogue_exactly() {
    let document = document();
    let rows: Vec<(&DocumentCategory, &DocumentRow)> = document
        .iter()
        .flat_map(|category| category.rows.iter().map(move |row| (category, row)))
        .collect();
    assert_eq!(rows.len(), 55, "the document has 55 codes");
    assert_eq!(ErrorCode::ALL.len(), rows.len());
    for (code, (category, row)) in ErrorCode::ALL.iter().zip(&rows) {
        assert_eq!(
            code.as_str(),
            row.code,
            "catalogue order follows the document"
        );
        assert_eq!(
            code.http_statuses(),
            row.statuses.as_slice(),
            "{}",
            row.code
        );
        assert_eq!(code.description(), row.description, "{}", row.code);
        assert_eq!(code.measure(), row.measure.join("\n"), "{}", row.code);
        assert_eq!(code.category().title(), category.title, "{}", row.code);
    }
}

#[test]
fn categories_match_the_document_with_their_counts() {
    let document = document();
    assert_eq!(Category::ALL.len(), 7);
    assert_eq!(Category::ALL.len(), document.len());
    for (category, expected) in Category::ALL.iter().zip(&document) {
        assert_eq!(category.title(), expected.title);
        assert_eq!(category.range(), expected.range.0..=expected.range.1);
        assert_eq!(category.codes().len(), expected.rows.len(), "{category}");
        let prefix = expected.rows[0].code.split('.').next().unwrap_or_default();
        assert_eq!(category.prefix(), prefix);
    }
    let counts: Vec<(Category, usize)> = Category::ALL
        .iter()
        .map(|category| (*category, category.codes().len()))
        .collect();
    assert_eq!(
        counts,
        [
            (Category::CommonService, 25),
            (Category::ServiceManagement, 3),
            (Category::FaceLibrary, 5),
            (Category::FaceResource, 7),
            (Category::FaceVerification, 1),
            (Category::LiveDetect, 10),
            (Category::Gateway, 4),
        ]
    );
    let frs = ErrorCode::ALL
        .iter()
        .filter(|code| code.prefix() == "FRS")
        .count();
    let apig = ErrorCode::ALL
        .iter()
        .filter(|code| code.prefix() == "APIG")
        .count();
    assert_eq!((frs, apig), (51, 4));
}

#[test]
fn odd_rows_keep_the_documents_wording() {
    assert_eq!(
        ErrorCode::RequestTooLargeOrBackendTimeout.as_str(),
        "APIG.0201"
    );
    assert_eq!(
        ErrorCode::RequestTooLargeOrBackendTimeout.http_statuses(),
        [413, 504]
    );
    assert_eq!(
        ErrorCode::RequestTooLargeOrBackendTimeout.http_status(),
        413
    );

    assert_eq!(
        ErrorCode::FaceImageSizeOutOfRange.measure(),
        "Upload a facial image that meets the requirements.\n\
         The image resolution must be less than 4,096 x 2,160. The face resolution in an image \
         must be greater than 80 x 80. It is recommended that the face resolution be greater \
         than 120 x 120."
    );
    let token_lines: Vec<&str> = ErrorCode::TokenNeedsUpdate.measure().lines().collect();
    assert_eq!(token_lines.len(), 2);
    assert!(token_lines[0].starts_with("- The validity period of the token is 24 hours."));
    assert!(token_lines[1].ends_with("error code APIG.0307 is displayed."));

    // Rows whose measure repeats the description, and other phrasings kept as published.
    assert_eq!(
        ErrorCode::UnsupportedSortField.description(),
        ErrorCode::UnsupportedSortField.measure()
    );
    assert_eq!(
        ErrorCode::UserAlreadyRegistered.measure(),
        "The user has been registered."
    );
    assert_eq!(
        ErrorCode::ReturnFieldsUndefined.description(),
        "return_fields is not defined."
    );
    assert_eq!(
        ErrorCode::ServiceFrozen.description(),
        "The service has been frozen."
    );
    assert_eq!(
        ErrorCode::LowFaceImageQuality.description(),
        "Check whether the quality of the input facial image meets the requirements."
    );
    assert_eq!(ErrorCode::VideoDataParseFailed.as_str(), "FRS.0751");
    assert_eq!(
        ErrorCode::VideoDataParseFailed.category(),
        Category::LiveDetect
    );
    assert_eq!(ErrorCode::TokenAuthenticationFailed.http_status(), 403);
    assert_eq!(ErrorCode::FaceLimitExceeded.http_status(), 403);
    assert_eq!(ErrorCode::InternalServiceError.http_status(), 500);
    assert_eq!(ErrorCode::ApiNotFound.http_status(), 404);
}
