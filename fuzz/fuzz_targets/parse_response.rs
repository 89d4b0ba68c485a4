//! Any status, request id header and body: `ApiError::from_parts` must not panic, must keep the
//! status, and must describe the error on one line.
#![no_main]

use frs_codes::ApiError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    // The first two bytes are the status, the next byte the request id header's length.
    let [high, low, id_length, rest @ ..] = input else {
        return;
    };
    let status = u16::from_be_bytes([*high, *low]);
    let (request_id, body) = rest.split_at(usize::from(*id_length).min(rest.len()));
    let error = ApiError::from_parts(status, |_| Some(request_id), body);
    assert_eq!(error.is_some(), status >= 400);
    if let Some(error) = error {
        assert_eq!(error.status(), status);
        assert!(!error.to_string().contains('\n'));
        let _ = error.retry();
    }
});
