use frs_codes::{code, ErrorCode};

/// Compiles: the code is in the catalogue.
pub const FROZEN: ErrorCode = code!("FRS.0202");

/// Fails the build: the catalogue has no `FRS.0292`.
pub const TYPO: ErrorCode = code!("FRS.0292");
