use frs_codes::{Category, ErrorCode};

/// Every category is named and there is no wildcard arm, so a category added to the catalogue
/// stops this build until it is handled here. A `match` on `ErrorCode` works the same way.
pub fn owner(code: ErrorCode) -> &'static str {
    match code.category() {
        Category::CommonService => "client",
        Category::ServiceManagement => "account admin",
        Category::FaceLibrary | Category::FaceResource => "data team",
        Category::FaceVerification | Category::LiveDetect => "model team",
        Category::Gateway => "platform",
    }
}

pub fn advice(code: &str) -> String {
    match code.parse::<ErrorCode>() {
        Ok(ErrorCode::ServiceFrozen) => "contact support".into(),
        Ok(known) => format!("{known} ({}, ask the {}): {}", known.category(), owner(known), known.measure()),
        // "`FRS.0250` is not in the catalogue; its number falls in Service management errors"
        Err(unknown) => unknown.to_string(),
    }
}
