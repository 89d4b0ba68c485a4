//! Huawei Cloud Face Recognition Service (FRS) error codes as an exhaustive Rust enum.
//!
//! [`ErrorCode`] has one variant per row of FRS's published error-code table (55 codes in 7
//! [`Category`] ranges), each documented with its HTTP status(es), category, description and
//! measure. It is generated at compile time from the catalogue file `codes.json` by
//! [`frs_codes!`], which you can also run on your own catalogue.
//!
//! ```
//! use frs_codes::{Category, ErrorCode};
//!
//! let code: ErrorCode = "FRS.0202".parse()?;
//! assert_eq!(code, ErrorCode::ServiceFrozen);
//! assert_eq!(code.http_status(), 400);
//! assert_eq!(code.category(), Category::ServiceManagement);
//! assert_eq!(code.measure(), "Contact the customer service for assistance.");
//!
//! // A code the catalogue does not list still tells which range it falls in.
//! let unknown = "FRS.0250".parse::<ErrorCode>().unwrap_err();
//! assert_eq!(unknown.category(), Some(Category::ServiceManagement));
//! # Ok::<(), frs_codes::ErrorCodeParseError>(())
//! ```
//!
//! `ErrorCode` is deliberately not `#[non_exhaustive]`: a `match` without a wildcard names every
//! code, so when the catalogue gains a code the compiler shows each place that must handle it.
//!
//! ```
//! # use frs_codes::ErrorCode;
//! fn retry_after_refreshing_token(code: ErrorCode) -> bool {
//!     match code {
//!         ErrorCode::TokenAuthenticationFailed | ErrorCode::TokenNeedsUpdate => true,
//!         ErrorCode::ServiceFrozen | ErrorCode::InternalServiceError => false,
//!         // ...every other variant, or a wildcard arm if you choose to give that up.
//! #       _ => false,
//!     }
//! }
//! ```
//!
//! Codes written in source can be checked at compile time with [`code!`], or with the
//! `const fn` [`ErrorCode::from_code`] for a catalogue of your own.
//!
//! # Your own catalogue
//!
//! `frs_codes!()` reads `codes.json` next to the calling crate's `Cargo.toml` and expands, in
//! the calling module, to the same items as this crate's: a code enum, a category enum and a
//! parse error. Editing the JSON rebuilds the crate; no `build.rs` is needed.
//!
//! ```ignore
//! frs_codes::frs_codes!();                      // ErrorCode, Category, ErrorCodeParseError
//! frs_codes::frs_codes!(path = "gateway.json", name = GatewayCode, category = GatewayCategory);
//! ```
//!
//! Options (all optional): `path` (relative to `Cargo.toml`), `name`, `category`, `parse_error`
//! (default: `name` + `ParseError`), `vis` (e.g. `vis = pub(crate)`), and `doc_path` (the path
//! users name the types by; with it the generated docs carry runnable examples).
//!
//! # Catalogue format
//!
//! ```json
//! {
//!   "$schema": "./codes.schema.json",
//!   "categories": [
//!     { "name": "ServiceManagement", "title": "Service management errors",
//!       "prefix": "FRS", "range": [201, 300] },
//!     { "name": "Gateway", "title": "Gateway errors",
//!       "prefix": "APIG", "extra_prefixes": ["APIGW"], "range": [1, 400] }
//!   ],
//!   "codes": [
//!     { "code": "FRS.0202", "name": "ServiceFrozen", "status": 400,
//!       "description": "The service has been frozen.",
//!       "measure": "Contact the customer service for assistance." },
//!     { "code": "APIG.0201", "status": [413, 504], "description": "...",
//!       "measure": ["first line", "second line"] }
//!   ]
//! }
//! ```
//!
//! * A category has a variant `name` (UpperCamelCase), a `title`, a code `prefix`, optional
//!   `extra_prefixes` that also belong to it, and an inclusive number `range`.
//! * A code is `PREFIX.DIGITS`: ASCII letters and digits starting with a letter, a dot, and 1 to
//!   8 digits; its number is the digits' value and the string is matched exactly. Its category
//!   is the one whose prefix and range hold it; it is not repeated on the code.
//! * `name` is the variant; without it the variant is derived from the code (`FRS.0202` becomes
//!   `Frs0202`). `status` is one HTTP status or a list (the first is the main one);
//!   `measure` is a string or a list of lines, joined with `\n`.
//!
//! A catalogue that breaks a rule does not compile; the error names the file, the line and
//! column of the entry and what to change, and every problem is reported in one build.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use frs_codes_macro::frs_codes;

frs_codes!(path = "codes.json", doc_path = frs_codes);

/// A code of the bundled catalogue, checked at compile time.
///
/// Expands to a constant [`ErrorCode`]; a string that is not a code of the catalogue fails the
/// build with a message naming it.
///
/// ```
/// use frs_codes::{code, ErrorCode};
///
/// const FROZEN: ErrorCode = code!("FRS.0202");
/// assert_eq!(FROZEN, ErrorCode::ServiceFrozen);
/// ```
///
/// ```compile_fail
/// let typo = frs_codes::code!("FRS.0292"); // error: `FRS.0292` is not a code of the catalogue
/// ```
#[macro_export]
macro_rules! code {
    ($code:literal) => {
        const {
            match $crate::ErrorCode::from_code($code) {
                ::core::option::Option::Some(code) => code,
                ::core::option::Option::None => ::core::panic!(::core::concat!(
                    "`",
                    $code,
                    "` is not a code of the FRS catalogue (see the variants of `frs_codes::ErrorCode`)"
                )),
            }
        }
    };
}
