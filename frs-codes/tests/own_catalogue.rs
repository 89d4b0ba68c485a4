//! Error responses read with catalogues of users' own, generated here by `frs_codes!` (the
//! `macro` feature): their codes, retry data, cases and serde impls.

use frs_codes::{ApiError, CatalogueCode, ResponseCode, Retry};

/// The look-up of a client without headers.
fn no_headers(_: &str) -> Option<&'static str> {
    None
}

/// The exception response printed in the FRS error-code document, byte for byte.
const DOCUMENT_EXAMPLE: &str =
    r#"{ "error_code": "FRS.0202", "error_msg": " The service has been freeze." }"#;

/// A user's own catalogue, generated here through `frs_codes::frs_codes!`.
mod custom {
    frs_codes::frs_codes!(
        path = "tests/custom_catalogue.json",
        name = AcmeCode,
        category = AcmeCategory
    );
}

#[test]
fn a_users_catalogue_reads_responses_with_its_own_codes_and_retry_data() {
    use custom::{AcmeCategory, AcmeCode};

    let read_acme = |status, body: &str| {
        ApiError::<AcmeCode>::from_catalogue_parts(status, no_headers, body)
            .expect("an error status")
    };
    let login = read_acme(
        401,
        r#"{"errorCode": "ACME.0001", "errorMsg": "who are you?"}"#,
    );
    assert_eq!(login.known_code(), Some(AcmeCode::LoginRequired));
    assert_eq!(login.category(), Some(AcmeCategory::Account));
    assert_eq!(login.retry(), Retry::No);
    assert_eq!(
        login.to_string(),
        "HTTP 401, ACME.0001 (Log in first.), message \"who are you?\""
    );

    assert_eq!(
        read_acme(400, r#"{"code": "ACME.0002"}"#).retry(),
        Retry::Throttling
    );
    assert_eq!(
        read_acme(409, r#"{"code": "ACME.0101"}"#).retry(),
        Retry::Transient
    );
    assert_eq!(
        read_acme(503, r#"{"code": "ACME.0101"}"#).retry(),
        Retry::Transient
    );
    assert_eq!(read_acme(529, "").retry(), Retry::Throttling);
    assert_eq!(
        read_acme(500, "").retry(),
        Retry::No,
        "this catalogue names no 500"
    );

    let store = read_acme(400, r#"{"code": "STORE.0150"}"#);
    assert_eq!(unknown_acme(&store), "STORE.0150");
    assert_eq!(store.category(), Some(AcmeCategory::Storage));

    // The bundled catalogue's codes mean nothing here.
    let frs = read_acme(400, DOCUMENT_EXAMPLE);
    assert_eq!(unknown_acme(&frs), "FRS.0202");
    assert_eq!(frs.category(), None);

    assert_eq!(<AcmeCode as CatalogueCode>::ALL, AcmeCode::ALL);
}

fn unknown_acme(error: &ApiError<custom::AcmeCode>) -> &str {
    match error.code() {
        Some(ResponseCode::Unknown(code)) => code.as_str(),
        other => panic!("expected an unknown code, got {other:?}"),
    }
}

#[cfg(feature = "serde")]
#[test]
fn a_users_catalogue_gets_serde_without_its_own_dependency() {
    use custom::{AcmeCategory, AcmeCode};

    assert_eq!(
        serde_json::to_string(&(AcmeCode::DiskBusy, AcmeCategory::Storage)).unwrap(),
        r#"["ACME.0101","Storage"]"#
    );
    assert_eq!(
        serde_json::from_str::<AcmeCode>(r#""ACME.0002""#).unwrap(),
        AcmeCode::SlowDown
    );
    assert!(serde_json::from_str::<AcmeCode>(r#""FRS.0202""#).is_err());
}

/// A catalogue in the shape API Gateway's page has (texts written for the test), where
/// `APIG.0201` has seven rows.
mod gateway {
    frs_codes::frs_codes!(
        path = "tests/apig_catalogue.json",
        name = ApigCode,
        category = ApigCategory
    );
}

#[test]
fn the_case_that_matches_the_responses_status_is_the_one_reported() {
    use frs_codes::CatalogueCase;
    use gateway::ApigCode;

    let read = |status| {
        ApiError::<ApigCode>::from_catalogue_parts(
            status,
            no_headers,
            r#"{"error_code": "APIG.0201", "error_msg": "Backend too slow."}"#,
        )
        .expect("an error status")
    };
    let timeout = read(504);
    let case = timeout.case().expect("a known code");
    assert_eq!(case.status(), 504);
    // Every row of this page has a message, so the generated `message()` is a `&str`.
    assert_eq!(case.message(), "Backend too slow.");
    assert_eq!(
        CatalogueCase::description(case),
        "The backend did not answer in time."
    );
    assert_eq!(
        timeout.to_string(),
        "HTTP 504, APIG.0201 (The backend did not answer in time.), message \"Backend too slow.\""
    );
    assert_eq!(
        read(413).case().map(CatalogueCase::description),
        Some("The request body is larger than the gateway accepts.")
    );
    // A status the page does not list for the code: the first case, and the mismatch shown.
    let other = read(503);
    assert_eq!(other.case().map(|case| case.status()), Some(400));
    assert!(other
        .to_string()
        .contains("the catalogue gives HTTP 400/413/414/494/502/504/500"));
    assert_eq!(
        ApigCode::Apig0201.http_statuses(),
        [400, 413, 414, 494, 502, 504, 500]
    );
}

#[cfg(feature = "serde")]
#[test]
fn a_served_error_body_of_a_users_catalogue_reads_back_as_the_same_error() {
    use custom::AcmeCode;
    use frs_codes::ErrorBody;

    let mocked = ErrorBody {
        error_code: AcmeCode::LoginRequired,
        error_msg: "token \"expired\"",
    };
    let error = ApiError::<AcmeCode>::from_catalogue_parts(
        401,
        no_headers,
        serde_json::to_vec(&mocked).unwrap(),
    )
    .unwrap();
    assert_eq!(error.known_code(), Some(AcmeCode::LoginRequired));
    assert_eq!(error.message(), Some("token \"expired\""));
}
