//! The README's Rust blocks that stand alone, compiled and run: each lives in
//! `tests/readme/NAME.rs`, is included here with the tests of what it says, and must appear in
//! the README exactly as it is.

#[test]
fn every_block_is_in_the_readme_as_it_is_here() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("read the README");
    for name in ["bundled", "responses", "serve_errors"] {
        let path = format!("{}/tests/readme/{name}.rs", env!("CARGO_MANIFEST_DIR"));
        let block = std::fs::read_to_string(&path).expect("read the block");
        assert!(
            readme.contains(&format!("```rust\n{block}```\n")),
            "the README no longer shows tests/readme/{name}.rs as it is; update one or the other"
        );
    }
}

/// "Using the bundled catalogue".
mod bundled {
    include!("readme/bundled.rs");

    #[test]
    fn it_says_what_its_comments_say() {
        assert_eq!(advice("FRS.0202"), "contact support");
        assert_eq!(
            advice("FRS.0250"),
            "`FRS.0250` is not in the catalogue; its number falls in Service management errors"
        );
        assert_eq!(owner(ErrorCode::TrafficLimitExceeded), "client");
    }
}

/// "Reading error responses".
mod responses {
    include!("readme/responses.rs");

    #[test]
    fn it_reads_errors_and_lets_successes_pass() {
        let headers = http::HeaderMap::new();
        assert!(check(200, &headers, b"{}").is_ok());
        let error = check(400, &headers, br#"{"error_code": "FRS.0033"}"#).unwrap_err();
        assert_eq!(error.known_code(), Some(ErrorCode::TrafficLimitExceeded));
    }
}

/// "A stand-in server and a client that reads it": serving errors from a server of your own.
mod serve_errors {
    include!("readme/serve_errors.rs");

    #[tokio::test]
    async fn it_answers_with_the_documented_statuses() {
        let frozen = frozen().await;
        assert_eq!(frozen.status(), 400);
        assert_eq!(frozen.headers()["x-request-id"], "4c1b9e5f");
        assert_eq!(backend_timeout().await.status(), 504);
    }
}
