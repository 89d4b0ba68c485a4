//! Error responses as they come back from FRS, its gateway, proxies and broken servers, read
//! into `ApiError`: every field is asserted, for the bundled catalogue and a user's own.
#![cfg(feature = "alloc")]

use frs_codes::{
    ApiError, Category, ErrorCode, ResponseCode, Retry, MAX_KEPT_BODY, MAX_PARSED_BODY,
};

/// The look-up of a client without headers.
fn no_headers(_: &str) -> Option<&'static str> {
    None
}

/// Reads a response with the bundled catalogue and no headers; the status must be an error.
fn read(status: u16, body: impl AsRef<[u8]>) -> ApiError {
    ApiError::from_parts(status, no_headers, body).expect("an error status")
}

/// `Result<_, ApiError>` is how users return it (the README does): at 128 bytes or more,
/// clippy's default `result_large_err` threshold, every such function of theirs would be linted.
#[test]
fn an_api_error_is_small_enough_to_return_by_value() {
    let size = std::mem::size_of::<ApiError>();
    assert!(size < 128, "ApiError is {size} bytes");
}

fn unknown_code(error: &ApiError) -> &str {
    match error.code() {
        Some(ResponseCode::Unknown(code)) => code.as_str(),
        other => panic!("expected an unknown code, got {other:?}"),
    }
}

/// The exception response printed in the FRS error-code document, byte for byte.
const DOCUMENT_EXAMPLE: &str =
    r#"{ "error_code": "FRS.0202", "error_msg": " The service has been freeze." }"#;

#[test]
fn the_documents_example_keeps_every_field() {
    let headers = [("X-Request-Id", "8d1b7f0e6c2a4a0f")];
    let error: ApiError = ApiError::from_parts(
        400,
        |name| {
            headers
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(name))
                .map(|(_, value)| *value)
        },
        DOCUMENT_EXAMPLE,
    )
    .expect("400 is an error");

    assert_eq!(error.status(), 400);
    assert_eq!(error.known_code(), Some(ErrorCode::ServiceFrozen));
    assert_eq!(
        error.code(),
        Some(&ResponseCode::Known(ErrorCode::ServiceFrozen))
    );
    assert_eq!(error.category(), Some(Category::ServiceManagement));
    // The message is not the catalogue's description ("frozen") and keeps its leading space.
    assert_eq!(error.message(), Some(" The service has been freeze."));
    assert_eq!(error.request_id(), Some("8d1b7f0e6c2a4a0f"));
    assert_eq!(error.raw_body(), None);
    assert!(!error.is_truncated());
    assert_eq!(error.status_mismatch(), None);
    assert_eq!(error.retry(), Retry::No);
    assert_eq!(
        error.to_string(),
        "HTTP 400, FRS.0202 (The service has been frozen.), \
         message \" The service has been freeze.\", request id 8d1b7f0e6c2a4a0f"
    );
}

#[test]
fn each_field_name_variant_is_read() {
    for body in [
        r#"{"error_code": "FRS.0011", "error_msg": "missing image"}"#,
        r#"{"errorCode": "FRS.0011", "errorMsg": "missing image"}"#,
        r#"{"code": "FRS.0011", "message": "missing image"}"#,
    ] {
        let error = read(400, body);
        assert_eq!(
            error.known_code(),
            Some(ErrorCode::ParameterMissing),
            "{body}"
        );
        assert_eq!(error.message(), Some("missing image"), "{body}");
        assert_eq!(error.raw_body(), None, "{body}");
    }
}

#[test]
fn the_documents_field_names_win_and_each_field_is_optional() {
    let error = read(
        400,
        r#"{"code": "X.1", "errorCode": "FRS.0012", "error_code": "FRS.0011",
            "message": "third", "errorMsg": "second", "error_msg": "first"}"#,
    );
    assert_eq!(error.known_code(), Some(ErrorCode::ParameterMissing));
    assert_eq!(error.message(), Some("first"));

    let camel_over_plain = read(400, r#"{"code": "X.1", "errorCode": "FRS.0012"}"#);
    assert_eq!(
        camel_over_plain.known_code(),
        Some(ErrorCode::InvalidParameterFormat)
    );

    let code_only = read(400, r#"{"error_code": "FRS.0011"}"#);
    assert_eq!(code_only.known_code(), Some(ErrorCode::ParameterMissing));
    assert_eq!(code_only.message(), None);
    assert_eq!(code_only.raw_body(), None);

    let message_only = read(400, r#"{"error_msg": "something went wrong"}"#);
    assert_eq!(message_only.code(), None);
    assert_eq!(message_only.message(), Some("something went wrong"));
    assert_eq!(message_only.raw_body(), None);
}

#[test]
fn nested_errors_are_read_one_level_down() {
    let error = read(
        401,
        r#"{"error": {"code": "APIG.0301", "message": "Incorrect IAM authentication information",
                      "request_id": "inner"}}"#,
    );
    assert_eq!(error.known_code(), Some(ErrorCode::AuthenticationFailed));
    assert_eq!(
        error.message(),
        Some("Incorrect IAM authentication information")
    );
    assert_eq!(error.request_id(), Some("inner"));

    let other_member = read(
        400,
        r#"{"data": null, "result": {"errorCode": "FRS.0403"}}"#,
    );
    assert_eq!(other_member.known_code(), Some(ErrorCode::FaceIdNotFound));

    let error_member_first = read(
        400,
        r#"{"a": {"code": "FRS.0011"}, "error": {"code": "FRS.0012"}}"#,
    );
    assert_eq!(
        error_member_first.known_code(),
        Some(ErrorCode::InvalidParameterFormat)
    );

    let top_level_first = read(
        400,
        r#"{"error_code": "FRS.0011", "error": {"code": "FRS.0012"}, "request_id": "outer"}"#,
    );
    assert_eq!(
        top_level_first.known_code(),
        Some(ErrorCode::ParameterMissing)
    );
    assert_eq!(top_level_first.request_id(), Some("outer"));

    // A wrapper's integer code (here its HTTP status) gives way to the service's own code.
    let wrapped = read(
        401,
        r#"{"code": 401, "error": {"code": "APIG.0301", "message": "Incorrect IAM authentication information"}}"#,
    );
    assert_eq!(wrapped.known_code(), Some(ErrorCode::AuthenticationFailed));
    assert_eq!(
        wrapped.message(),
        Some("Incorrect IAM authentication information")
    );
    let integer_only = read(400, r#"{"code": 400, "data": {"message": "no code here"}}"#);
    assert_eq!(integer_only.code().map(|code| code.as_str()), Some("400"));
    assert_eq!(integer_only.message(), None);

    // A code and its message may sit a level apart.
    let message_above = read(
        400,
        r#"{"message": "Bad request", "error": {"error_code": "FRS.0202"}}"#,
    );
    assert_eq!(message_above.known_code(), Some(ErrorCode::ServiceFrozen));
    assert_eq!(message_above.message(), Some("Bad request"));
    let message_below = read(
        400,
        r#"{"error_code": "FRS.0202", "error": {"message": "The service has been frozen."}}"#,
    );
    assert_eq!(message_below.known_code(), Some(ErrorCode::ServiceFrozen));
    assert_eq!(
        message_below.message(),
        Some("The service has been frozen.")
    );
    // Another member's code is about something else when the top level has an error.
    let region = read(
        403,
        r#"{"code": 403, "message": "Forbidden", "region": {"code": "cn-north-4"}}"#,
    );
    assert_eq!(region.code().map(|code| code.as_str()), Some("403"));
    assert_eq!(region.message(), Some("Forbidden"));
    // Only `error` lends the top level a message, not any member.
    let unrelated = read(
        400,
        r#"{"error_code": "FRS.0202", "data": {"message": "ok"}}"#,
    );
    assert_eq!(unrelated.message(), None);

    let two_levels_down = r#"{"outer": {"inner": {"error_code": "FRS.0011"}}}"#;
    let too_deep = read(400, two_levels_down);
    assert_eq!(too_deep.code(), None);
    assert_eq!(too_deep.raw_body(), Some(two_levels_down));
}

#[test]
fn an_empty_body_keeps_the_status() {
    let error = read(503, "");
    assert_eq!(error.status(), 503);
    assert_eq!(error.code(), None);
    assert_eq!(error.category(), None);
    assert_eq!(error.message(), None);
    assert_eq!(error.request_id(), None);
    assert_eq!(error.raw_body(), None);
    assert!(!error.is_truncated());
    assert_eq!(error.retry(), Retry::Transient);
    assert_eq!(error.to_string(), "HTTP 503, no error code");
}

#[test]
fn a_body_that_is_not_json_is_kept_as_the_message() {
    let html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n</html>\r\n";
    let error = read(502, html);
    assert_eq!(error.code(), None);
    assert_eq!(error.message(), Some(html));
    assert_eq!(error.raw_body(), Some(html));
    assert!(!error.is_truncated());
    assert_eq!(error.retry(), Retry::Transient);
    assert_eq!(
        error.to_string(),
        r#"HTTP 502, no error code, body "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n</html>\r\n""#
    );
}

#[test]
fn json_without_an_error_is_kept_as_text_with_its_request_id() {
    for body in [
        r#"{"request_id": "r-7", "detail": "nope"}"#,
        r#"{"error_code": "", "error_msg": null, "request_id": "r-7"}"#,
        r#"{"error_code": {"nested": true}, "request_id": "r-7"}"#,
    ] {
        let error = read(400, body);
        assert_eq!(error.code(), None, "{body}");
        assert_eq!(error.raw_body(), Some(body), "{body}");
        assert_eq!(error.message(), Some(body), "{body}");
        assert_eq!(error.request_id(), Some("r-7"), "{body}");
    }
    for body in [
        r#""just a string""#,
        "[1, 2]",
        "null",
        "42",
        "{\"error_code\": \"FRS.0011\"",
    ] {
        let error = read(400, body);
        assert_eq!(error.code(), None, "{body}");
        assert_eq!(error.raw_body(), Some(body), "{body}");
    }
}

#[test]
fn values_that_are_not_strings_are_kept_as_sent() {
    let error = read(
        401,
        r#"{"code": 401, "message": {"reason": "expired"}, "request_id": 12345}"#,
    );
    assert_eq!(unknown_code(&error), "401");
    assert_eq!(error.category(), None);
    assert_eq!(error.message(), Some(r#"{"reason":"expired"}"#));
    assert_eq!(error.request_id(), Some("12345"));

    let empty_message = read(400, r#"{"error_code": "FRS.0011", "error_msg": ""}"#);
    assert_eq!(empty_message.message(), Some(""));
}

#[test]
fn invalid_utf8_is_kept_as_lossy_text() {
    let body = b"{\"error_code\": \"FRS.0011\", \"error_msg\": \"caf\xE9\"}";
    let error = read(400, body);
    assert_eq!(error.code(), None, "invalid UTF-8 is not JSON");
    assert_eq!(
        error.raw_body(),
        Some("{\"error_code\": \"FRS.0011\", \"error_msg\": \"caf\u{FFFD}\"}")
    );

    let binary = read(500, [0xFF, 0xFE, 0x00, b'o', b'k']);
    assert_eq!(binary.message(), Some("\u{FFFD}\u{FFFD}\0ok"));
    assert_eq!(binary.retry(), Retry::Server);
    assert_eq!(
        binary.to_string(),
        "HTTP 500, no error code, body \"\u{FFFD}\u{FFFD}\\0ok\""
    );
}

#[test]
fn a_leading_byte_order_mark_is_skipped() {
    let body = [b"\xEF\xBB\xBF".as_slice(), DOCUMENT_EXAMPLE.as_bytes()].concat();
    assert_eq!(read(400, body).known_code(), Some(ErrorCode::ServiceFrozen));
}

#[test]
fn a_10_mb_body_is_not_parsed_and_keeps_a_bounded_beginning() {
    // Valid JSON with a code, padded to 10 MB: too large to parse, so kept as text.
    let mut body = DOCUMENT_EXAMPLE.as_bytes().to_vec();
    body.splice(1..1, vec![b' '; 10 * 1024 * 1024]);
    let error = read(400, &body);
    assert_eq!(error.status(), 400);
    assert_eq!(error.code(), None);
    assert!(error.is_truncated());
    let kept = error.raw_body().expect("the beginning is kept");
    assert_eq!(kept.len(), MAX_KEPT_BODY);
    assert!(kept.starts_with("{   "));
    assert!(error.to_string().ends_with("\" (truncated)"));

    let just_parsed = [
        DOCUMENT_EXAMPLE.as_bytes(),
        &vec![b' '; MAX_PARSED_BODY - DOCUMENT_EXAMPLE.len()],
    ]
    .concat();
    assert_eq!(
        read(400, just_parsed).known_code(),
        Some(ErrorCode::ServiceFrozen)
    );
}

#[test]
fn truncation_never_cuts_a_character() {
    // "é" is two bytes; an odd offset puts one across the cut.
    let body = format!("x{}", "é".repeat(MAX_KEPT_BODY));
    let error = read(500, &body);
    let kept = error.raw_body().unwrap();
    assert!(error.is_truncated());
    assert_eq!(kept.len(), MAX_KEPT_BODY - 1);
    assert!(body.starts_with(kept));
    assert!(!kept.contains('\u{FFFD}'));
}

#[test]
fn unknown_codes_stay_exact_with_their_range_category() {
    let later = read(400, r#"{"error_code": "FRS.0250", "error_msg": "new"}"#);
    assert_eq!(unknown_code(&later), "FRS.0250");
    assert_eq!(later.known_code(), None);
    assert_eq!(later.category(), Some(Category::ServiceManagement));
    assert_eq!(later.status_mismatch(), None);
    assert_eq!(
        later.to_string(),
        "HTTP 400, FRS.0250 (not in the catalogue; in the range of Service management errors), \
         message \"new\""
    );

    let gateway = read(
        429,
        r#"{"error_code": "APIGW.0308", "error_msg": "The request is throttled."}"#,
    );
    assert_eq!(unknown_code(&gateway), "APIGW.0308");
    assert_eq!(gateway.category(), Some(Category::Gateway));
    assert_eq!(gateway.retry(), Retry::Throttling);

    for (code, category) in [
        ("FRS.202", Some(Category::ServiceManagement)),
        ("frs.0202", None),
        ("FRS.0650", None),
        ("FRS.0202 ", None),
        ("APIGW.0101", Some(Category::Gateway)),
    ] {
        let body = format!(r#"{{"error_code": "{code}"}}"#);
        let error = read(400, body);
        assert_eq!(unknown_code(&error), code);
        assert_eq!(error.category(), category, "{code}");
    }

    let line_break = read(400, r#"{"error_code": "FRS\n0202"}"#);
    assert_eq!(unknown_code(&line_break), "FRS\n0202");
    assert_eq!(
        line_break.to_string(),
        r#"HTTP 400, FRS\n0202 (not in the catalogue)"#
    );
}

#[test]
fn the_request_id_header_wins_and_is_found_in_any_case() {
    let body = r#"{"error_code": "FRS.0002", "request_id": "from-body"}"#;
    // An HTTP/2 client's map: lower-case names, compared exactly.
    let lower = |name: &str| (name == "x-request-id").then_some(b"from-header".as_slice());
    let error = ApiError::<ErrorCode>::from_parts(403, lower, body).unwrap();
    assert_eq!(error.request_id(), Some("from-header"));

    let owned = |name: &str| (name == "X-Request-Id").then(|| String::from("  padded \t"));
    let error = ApiError::<ErrorCode>::from_parts(403, owned, body).unwrap();
    assert_eq!(error.request_id(), Some("padded"));

    let blank = |_: &str| Some("   ");
    let error = ApiError::<ErrorCode>::from_parts(403, blank, body).unwrap();
    assert_eq!(error.request_id(), Some("from-body"));

    let asked = std::cell::RefCell::new(Vec::new());
    let error = ApiError::<ErrorCode>::from_parts(
        403,
        |name: &str| {
            asked.borrow_mut().push(name.to_owned());
            None::<&str>
        },
        body,
    )
    .unwrap();
    assert_eq!(error.request_id(), Some("from-body"));
    assert!(asked.borrow().contains(&"X-Request-Id".to_owned()));
}

#[test]
fn statuses_below_400_are_not_errors_and_every_other_is_kept() {
    for status in [0, 200, 204, 304, 399] {
        assert!(ApiError::<ErrorCode>::from_parts(status, no_headers, DOCUMENT_EXAMPLE).is_none());
    }
    for status in [400, 404, 599, 600, 999, 1000, u16::MAX] {
        assert_eq!(read(status, DOCUMENT_EXAMPLE).status(), status);
    }
}

#[test]
fn a_status_the_catalogue_does_not_give_is_visible() {
    let server_error_as_400 = read(400, r#"{"error_code": "FRS.0018"}"#);
    assert_eq!(server_error_as_400.status_mismatch(), Some(&[500][..]));
    assert_eq!(
        server_error_as_400.to_string(),
        "HTTP 400, FRS.0018 (Internal service error.; the catalogue gives HTTP 500)"
    );

    let timeout = read(504, r#"{"error_code": "APIG.0201"}"#);
    assert_eq!(timeout.status_mismatch(), None);
    let gateway_error = read(502, r#"{"error_code": "APIG.0201"}"#);
    assert_eq!(gateway_error.status_mismatch(), Some(&[413, 504][..]));
    assert!(gateway_error
        .to_string()
        .contains("the catalogue gives HTTP 413/504"));
}

#[test]
fn retry_classes_follow_the_catalogue() {
    let cases: [(u16, &str, Retry); 16] = [
        (429, "", Retry::Throttling),
        (400, "FRS.0033", Retry::Throttling),
        (429, "FRS.0033", Retry::Throttling),
        (502, "", Retry::Transient),
        (503, "", Retry::Transient),
        (504, "", Retry::Transient),
        (504, "APIG.0201", Retry::Transient),
        (413, "APIG.0201", Retry::No),
        (503, "FRS.0250", Retry::Transient),
        (500, "", Retry::Server),
        (500, "FRS.0018", Retry::Server),
        (400, "FRS.0018", Retry::Server),
        (403, "FRS.0002", Retry::No),
        (401, "APIG.0307", Retry::No),
        (400, "FRS.0305", Retry::No),
        (400, "FRS.0012", Retry::No),
    ];
    for (status, code, expected) in cases {
        let body = if code.is_empty() {
            String::new()
        } else {
            format!(r#"{{"error_code": "{code}"}}"#)
        };
        assert_eq!(read(status, body).retry(), expected, "HTTP {status} {code}");
    }
    assert_eq!(read(501, "").retry(), Retry::No);
}

#[test]
fn display_is_one_line_whatever_the_message() {
    let error = read(
        400,
        r#"{"error_code": "FRS.0011", "error_msg": "line one\nline \"two\"", "request_id": "a\nb"}"#,
    );
    let line = error.to_string();
    assert!(!line.contains('\n'), "{line}");
    assert_eq!(
        line,
        r#"HTTP 400, FRS.0011 (A parameter is missing.), message "line one\nline \"two\"", request id a\nb"#
    );
}

#[test]
fn it_is_a_std_error() {
    let error: Box<dyn std::error::Error + Send + Sync> = Box::new(read(400, DOCUMENT_EXAMPLE));
    assert!(error.to_string().starts_with("HTTP 400, FRS.0202"));
    assert!(error.source().is_none());
}

#[cfg(feature = "serde")]
mod serde {
    use super::*;
    use frs_codes::ErrorBody;

    #[test]
    fn codes_and_categories_are_strings() {
        assert_eq!(
            serde_json::to_string(&ErrorCode::ServiceFrozen).unwrap(),
            r#""FRS.0202""#
        );
        assert_eq!(
            serde_json::from_str::<ErrorCode>(r#""APIG.0201""#).unwrap(),
            ErrorCode::RequestTooLargeOrBackendTimeout
        );
        assert_eq!(
            serde_json::to_string(&Category::ServiceManagement).unwrap(),
            r#""ServiceManagement""#
        );
        assert_eq!(
            serde_json::from_str::<Category>(r#""Gateway""#).unwrap(),
            Category::Gateway
        );
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), *code);
        }
        for category in Category::ALL {
            let json = serde_json::to_string(category).unwrap();
            assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), *category);
        }
    }

    #[test]
    fn unknown_strings_are_errors_naming_the_value() {
        let code = serde_json::from_str::<ErrorCode>(r#""FRS.0250""#).unwrap_err();
        assert_eq!(
            code.to_string(),
            r#"invalid value: string "FRS.0250", expected an error code listed in the catalogue, such as "FRS.0002" at line 1 column 10"#
        );
        let category = serde_json::from_str::<Category>(r#""Gateway errors""#).unwrap_err();
        assert_eq!(
            category.to_string(),
            r#"invalid value: string "Gateway errors", expected the name of a category of the catalogue, such as "CommonService" at line 1 column 16"#
        );
        let not_a_string = serde_json::from_str::<ErrorCode>("202").unwrap_err();
        assert!(not_a_string
            .to_string()
            .starts_with("invalid type: integer `202`"));
    }

    #[test]
    fn a_served_error_body_reads_back_as_the_same_error() {
        let body = ErrorBody::new(ErrorCode::TrafficLimitExceeded);
        let json = serde_json::to_vec(&body).unwrap();
        assert_eq!(
            json,
            br#"{"error_code":"FRS.0033","error_msg":"The number of requests has exceeded the traffic control threshold."}"#
        );
        let error = read(ErrorCode::TrafficLimitExceeded.http_status(), json);
        assert_eq!(error.known_code(), Some(ErrorCode::TrafficLimitExceeded));
        assert_eq!(error.message(), Some(body.error_msg));
        assert_eq!(error.retry(), Retry::Throttling);
    }
}

#[cfg(feature = "http")]
mod http_conversions {
    use super::*;
    use http::{HeaderMap, HeaderValue, StatusCode};

    #[test]
    fn status_codes_and_header_maps_convert() {
        let mut headers = HeaderMap::new();
        headers.insert("X-REQUEST-ID", HeaderValue::from_static("4c1b9e5f"));
        let error =
            ApiError::<ErrorCode>::from_http(StatusCode::TOO_MANY_REQUESTS, &headers, b"").unwrap();
        assert_eq!(error.status(), 429);
        assert_eq!(error.status_code(), Some(StatusCode::TOO_MANY_REQUESTS));
        assert_eq!(error.request_id(), Some("4c1b9e5f"));
        assert_eq!(error.retry(), Retry::Throttling);

        assert!(ApiError::<ErrorCode>::from_http(StatusCode::OK, &headers, b"").is_none());
        assert_eq!(read(1000, "").status_code(), None);
    }
}

/// The Huawei Cloud Go SDK's `ServiceResponseError`, serialised as it logs and stores it.
#[test]
fn the_go_sdks_serialised_error_reads_back_whole() {
    let body = r#"{"status_code":403,"request_id":"0a3e4d5c","error_code":"APIG.0301","error_message":"Incorrect IAM authentication information: verify aksk signature fail","encoded_authorization_message":"AQICAHhs0Dq..."}"#;
    let error = read(403, body);
    assert_eq!(error.known_code(), Some(ErrorCode::AuthenticationFailed));
    assert_eq!(
        error.message(),
        Some("Incorrect IAM authentication information: verify aksk signature fail")
    );
    assert_eq!(error.request_id(), Some("0a3e4d5c"));
    assert_eq!(
        error.encoded_authorization_message(),
        Some("AQICAHhs0Dq...")
    );
    assert_eq!(error.raw_body(), None, "understood");
    // The document's own field still wins over the SDK's.
    let both = read(
        400,
        r#"{"error_code": "FRS.0011", "error_msg": "document", "error_message": "sdk"}"#,
    );
    assert_eq!(both.message(), Some("document"));
    assert_eq!(
        read(400, r#"{"error_code": "FRS.0011"}"#).encoded_authorization_message(),
        None
    );
}
