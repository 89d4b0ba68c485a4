//! Properties of `ApiError::from_parts` over arbitrary input: it never panics, never loses the
//! status, and keeps whatever a well-formed body says exactly.
#![cfg(feature = "alloc")]

use frs_codes::{ApiError, ErrorCode, MAX_KEPT_BODY};
use proptest::prelude::*;

fn read(status: u16, request_id: &[u8], body: &[u8]) -> Option<ApiError> {
    ApiError::from_parts(status, |_| Some(request_id), body)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_bytes_and_status_give_an_error_that_keeps_the_status(
        status in any::<u16>(),
        request_id in proptest::collection::vec(any::<u8>(), 0..64),
        body in proptest::collection::vec(any::<u8>(), 0..MAX_KEPT_BODY * 2),
    ) {
        let error = read(status, &request_id, &body);
        prop_assert_eq!(error.is_some(), status >= 400);
        if let Some(error) = error {
            prop_assert_eq!(error.status(), status);
            let line = error.to_string();
            prop_assert!(!line.contains('\n'), "{}", line);
            let status_prefix = format!("HTTP {status}");
            prop_assert!(line.starts_with(&status_prefix));
            if let Some(raw) = error.raw_body() {
                // Lossy decoding turns each invalid byte into U+FFFD, three bytes long.
                prop_assert!(raw.len() <= MAX_KEPT_BODY * 3, "lossy text is bounded");
            }
            prop_assert_eq!(error.is_truncated(), body.len() > MAX_KEPT_BODY && error.raw_body().is_some());
            let _ = error.retry();
        }
    }

    #[test]
    fn json_shaped_bodies_never_panic(
        status in 400..=599u16,
        body in r#"[{}\[\]":, a-z_0-9.\\]{0,200}"#,
    ) {
        let error = read(status, b"", body.as_bytes()).expect("an error status");
        prop_assert_eq!(error.status(), status);
    }

    #[test]
    fn a_well_formed_body_is_kept_exactly(
        status in 400..=599u16,
        code in "\\PC{1,24}",
        message in "\\PC{0,200}",
        field_names in prop_oneof![
            Just(("error_code", "error_msg")),
            Just(("errorCode", "errorMsg")),
            Just(("code", "message")),
        ],
        nested in any::<bool>(),
    ) {
        let fields = serde_json::json!({ field_names.0: code, field_names.1: message });
        let body = if nested { serde_json::json!({ "error": fields }) } else { fields };
        let error = read(status, b"", &serde_json::to_vec(&body).unwrap()).unwrap();
        prop_assert_eq!(error.code().map(|code| code.as_str()), Some(code.as_str()));
        prop_assert_eq!(error.message(), Some(message.as_str()));
        prop_assert_eq!(error.raw_body(), None);
        prop_assert_eq!(
            error.known_code(),
            ErrorCode::from_code(&code),
            "known exactly when the catalogue lists the string"
        );
    }
}
