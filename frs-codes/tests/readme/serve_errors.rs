use frs_codes::{ErrorCode, ErrorResponse};

pub async fn frozen() -> http::Response<String> {
    ErrorResponse::new(ErrorCode::ServiceFrozen).request_id("4c1b9e5f").into()
}

// Another of the code's documented statuses: `with_status` is `None` for one it does not list.
pub async fn backend_timeout() -> http::Response<String> {
    ErrorResponse::with_status(ErrorCode::RequestTooLargeOrBackendTimeout, 504)
        .expect("APIG.0201 is documented with 504")
        .into()
}
