use frs_codes::{ApiError, ErrorCode, ResponseCode, Retry};

pub fn check(status: u16, headers: &http::HeaderMap, body: &[u8]) -> Result<(), ApiError> {
    match ApiError::from_parts(status, |name| headers.get(name), body) {
        None => Ok(()),
        Some(error) => {
            if let Some(ResponseCode::Known(ErrorCode::TokenAuthenticationFailed)) = error.code() {
                // refresh the token
            }
            if error.retry() == Retry::Throttling { /* back off */ }
            Err(error) // Display: one log line with status, code, description, message, request id
        }
    }
}
