//! Huawei Cloud Face Recognition Service (FRS) error codes as an exhaustive Rust enum.
//!
//! [`ErrorCode`] has one variant per row of FRS's published error-code table (55 codes in 7
//! [`Category`] ranges), each documented with its HTTP status(es), category, description and
//! measure. It is generated from the catalogue file `codes.json` by `frs-codes generate` and
//! shipped as source, so using it compiles no proc macro; with the `macro` feature,
//! `frs_codes!` generates the same items from a catalogue of your own.
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
//! # Reading error responses
//!
//! [`ApiError::from_parts`] turns what any HTTP client got back (the status, a header look-up
//! and the body bytes) into a typed error that loses nothing: the status, the code (a known
//! [`ErrorCode`], or an [`UnknownCode`] kept as sent with the category its number falls in),
//! the server's message as sent, the request id, and the body's text when it was not
//! understood. It never panics and never fails; `Display` writes one log line, and
//! [`ApiError::retry`] classifies the failure as [`Retry::Throttling`], [`Retry::Transient`],
//! [`Retry::Server`] or [`Retry::No`] from the catalogue's data.
//!
//! ```
//! use frs_codes::{ApiError, ErrorCode, ResponseCode, Retry};
//!
//! let body = br#"{"error_code": "FRS.0033", "error_msg": "Request throttled"}"#;
//! let header = |name: &str| name.eq_ignore_ascii_case("x-request-id").then_some("4c1b9e5f");
//! let error = ApiError::from_parts(400, header, body).expect("400 is an error");
//!
//! assert_eq!(error.retry(), Retry::Throttling);
//! match error.code() {
//!     Some(ResponseCode::Known(ErrorCode::TrafficLimitExceeded)) => { /* slow down */ }
//!     Some(ResponseCode::Known(_) | ResponseCode::Unknown(_)) | None => {}
//! }
//! assert_eq!(
//!     error.to_string(),
//!     "HTTP 400, FRS.0033 (The number of requests has exceeded the traffic control threshold.), \
//!      message \"Request throttled\", request id 4c1b9e5f",
//! );
//! ```
//!
//! `ApiError<C>` works the same for a catalogue of your own (`C` is its code enum), read with
//! [`ApiError::from_catalogue_parts`]. To try a
//! body you received: `cargo run -p frs-codes --example parse_response -- --status 400 FILE`.
//!
//! # Features
//!
//! * `std` (default): implements the dependencies' `std` traits, and lets
//!   [`ApiError::retry_after`] read a `Retry-After` HTTP date against the system clock (with
//!   `httpdate`); everything else here works without.
//! * `alloc` (with `std`): [`ApiError`]; it parses bodies with `serde_json`.
//! * `serde` (default): `Serialize`/`Deserialize` for the generated enums, as their strings
//!   (codes as sent, categories by name), also for catalogues of your own; [`ErrorBody`] to
//!   serve an FRS-compatible error response.
//! * `macro`: `frs_codes!`, the generator as a proc macro, for a catalogue of your own (as
//!   `serde`'s and `clap`'s `derive`); without it no proc macro is compiled.
//! * `http`: `ApiError::from_http` and `ApiError::status_code` with the `http` crate's types,
//!   and `ErrorResponse`, a code as the `http::Response` a service sends (status, JSON body,
//!   `X-Request-Id`), which `axum` and other `http`-based servers return as it is.
//!
//! Without `alloc` the crate needs neither an allocator nor `std`: the generated types,
//! [`Retry`], [`Idempotency`] and the catalogue traits are all `core`.
//!
//! # Your own catalogue
//!
//! With the `macro` feature, `frs_codes!()` reads `codes.json` next to the calling crate's
//! `Cargo.toml` and expands, in the calling module, to the same items as this crate's: a code
//! enum, a category enum and a parse error. Editing the JSON rebuilds the crate; no `build.rs` is needed.
//!
//! ```text
//! frs_codes::frs_codes!();                      // ErrorCode, Category, ErrorCodeParseError
//! frs_codes::frs_codes!(path = "gateway.json", name = GatewayCode, category = GatewayCategory);
//! ```
//!
//! Options (all optional): `path` (relative to `Cargo.toml`), `name`, `category`, `case`
//! (default: `name` + `Case`), `parse_error` (default: `name` + `ParseError`), `vis` (e.g.
//! `vis = pub(crate)`), `doc_path` (the path users name the types by; with it the generated
//! docs carry runnable examples), and `runtime` (this crate's path, `::frs_codes` unless your
//! `Cargo.toml` renames it).
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
//! * A category has a variant `name` (UpperCamelCase) and a `title`; optionally a code `prefix`
//!   (`""` for codes of digits only), `extra_prefixes` that also belong to it, and an inclusive
//!   number `range`. Without a range it holds every code of its prefixes; without a prefix,
//!   only the codes that name it.
//! * A code is the string the service sends in `error_code`, matched exactly: `FRS.0202`,
//!   `1100`, `SVCSTG.CCE-ADDONMGR.4000003`, `AccessDenied` (at most 64 bytes). Its number is
//!   the digits after the prefix (`PREFIX.DIGITS`, up to 9 digits), if it has one. Its category
//!   is the one whose prefix and range hold it, or the one its optional `category` names.
//! * `name` is the variant; without it the variant is derived from the code (`FRS.0202` becomes
//!   `Frs0202`). `status` is one HTTP status or a list (the first is the main one), and may be
//!   left out where the page gives none; `message` is the documented `error_msg`; `measure` is
//!   a string or a list of lines, joined with `\n`, and optional; `cases` lists a code's rows
//!   when the page documents it more than once, each with those fields.
//! * An accessor returns an `Option` exactly when some entry lacks its field, so the bundled
//!   catalogue's `http_status()` is a `u16` and `measure()` a `&str`.
//!
//! The README's "Catalogue format" has every field, and `codes.schema.json` (printed by
//! `frs-codes schema`) is the format as a JSON Schema.
//!
//! # Retry classes
//!
//! A catalogue may also say how failed calls can be retried, so that [`ApiError::retry`]
//! reads data rather than lists in code. The bundled one says:
//!
//! ```json
//! {
//!   "retry": { "429": "throttling", "500": "server",
//!              "502": "transient", "503": "transient", "504": "transient" },
//!   "codes": [
//!     { "code": "FRS.0018", "status": 500, "retry": "server", "...": "..." },
//!     { "code": "FRS.0033", "status": 400, "retry": "throttling", "...": "..." },
//!     { "code": "APIG.0201", "status": [413, 504], "retry": { "504": "transient" }, "...": "..." }
//!   ]
//! }
//! ```
//!
//! * The classes are `throttling`, `transient`, `server` and `no`: the variants of [`Retry`].
//! * The top-level `retry` maps HTTP statuses (400–599, written as strings) to a class; it
//!   applies to every response, whatever its code, and a status it does not name is `no`.
//! * A code's `retry` is a class for every status the code comes with, or an object naming
//!   some of the statuses in its `status`; a status it does not name falls back to the
//!   top-level table. So FRS.0033 is throttling even as HTTP 400, and APIG.0201 is transient
//!   as 504 but `no` as 413.
//! * Both are optional and validated like every other field: a key that is not an error
//!   status, a status given twice or not among the code's statuses, an empty object, or an
//!   unknown class (with the nearest one suggested) is a compile error at its line and column.
//!
//! A catalogue that breaks a rule does not compile; the error names the file, the line and
//! column of the entry and what to change, and every problem is reported in one build.

// The crate docs link to the `alloc` items; without the feature those links have no target.
#![cfg_attr(not(feature = "alloc"), allow(rustdoc::broken_intra_doc_links))]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
// For the system clock that an HTTP date in `Retry-After` is measured against.
#[cfg(feature = "std")]
extern crate std;

#[cfg(feature = "alloc")]
mod body;
mod catalogue;
#[cfg(feature = "http")]
mod http;
#[cfg(feature = "reqwest-middleware")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest-middleware")))]
pub mod middleware;
#[cfg(feature = "alloc")]
mod response;
mod retry;
#[cfg(any(feature = "reqwest-middleware", feature = "tower"))]
mod retrying;
#[cfg(feature = "serde")]
mod serde_impls;
#[cfg(feature = "tower")]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub mod tower;

#[cfg(feature = "alloc")]
pub use body::{MAX_KEPT_BODY, MAX_PARSED_BODY};
pub use catalogue::{CatalogueCase, CatalogueCategory, CatalogueCode};
#[cfg(feature = "http")]
pub use http::ErrorResponse;
#[cfg(feature = "alloc")]
pub use response::{ApiError, ResponseCode, UnknownCode};
pub use retry::{Idempotency, Retry};
#[cfg(any(feature = "reqwest-middleware", feature = "tower"))]
#[cfg_attr(
    docsrs,
    doc(cfg(any(feature = "reqwest-middleware", feature = "tower")))
)]
pub use retrying::ReplayBody;
#[cfg(feature = "serde")]
pub use serde_impls::ErrorBody;

/// Generates an error-code enum, a category enum and a parse error type from a catalogue.
///
/// Available with the `macro` feature.
///
/// ```text
/// frs_codes::frs_codes!(); // reads codes.json next to Cargo.toml: ErrorCode, Category, ErrorCodeParseError
/// frs_codes::frs_codes!(path = "gateway.json", name = GatewayCode, category = GatewayCategory);
/// ```
///
/// Options, all optional, separated by commas:
///
/// * `path = "codes.json"`: the catalogue, relative to the calling crate's `Cargo.toml`.
///   Editing it rebuilds the crate.
/// * `name = ErrorCode`: the code enum.
/// * `category = Category`: the category enum.
/// * `case = ErrorCodeCase`: the case type, one documented occurrence of a code (default:
///   `name` + `Case`).
/// * `parse_error = ErrorCodeParseError`: the `FromStr` error (default: `name` + `ParseError`).
/// * `vis = pub`: the visibility of every generated item, e.g. `vis = pub(crate)`.
/// * `doc_path = my_crate::errors`: where users reach the types; with it the generated docs carry
///   examples (they run as doctests of the calling crate).
/// * `runtime = frs_codes`: the path of this crate, if your `Cargo.toml` renames it (`frs = {
///   package = "frs-codes", .. }` needs `runtime = frs`); by default `::frs_codes`.
///
/// Through this crate (rather than `frs-codes-macro` directly) the generated enums also
/// implement [`CatalogueCode`] and [`CatalogueCategory`], so [`ApiError`]`<YourCode>` reads
/// responses with your catalogue and its `retry` data, and, with this crate's `serde` feature,
/// `Serialize` and `Deserialize` (as strings), without a serde dependency of your own.
///
/// A catalogue that breaks a rule is a compile error naming the file, the line and column of
/// the entry and what to change; every problem is reported at once.
// A re-export rather than a `macro_rules!` wrapper passing `$crate`, so that rustc's note on a
// catalogue error names the macro the user called, not a path inside this crate.
#[cfg(feature = "macro")]
#[cfg_attr(docsrs, doc(cfg(feature = "macro")))]
#[doc(inline)]
pub use frs_codes_macro::frs_codes_in_runtime as frs_codes;

#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_serde {
    ($code:ident, $category:ident) => {};
}

/// What the expansions of `frs_codes!` and [`__impl_serde!`] name; not public API.
#[doc(hidden)]
pub mod __private {
    #[cfg(feature = "serde")]
    pub use serde;

    #[cfg(feature = "serde")]
    pub use crate::serde_impls::{
        deserialize_category, deserialize_code, serialize_category, serialize_code,
    };
}

// What `frs-codes generate` writes for `codes.json` (see the README's Development section for
// the command), so that the bundled types need no proc macro; a test keeps it current.
#[rustfmt::skip]
mod codes;
pub use codes::*;

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
