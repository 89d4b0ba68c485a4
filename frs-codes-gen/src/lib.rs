//! The frs-codes generator as a plain library: everything it knows about error-code catalogues,
//! once, for its three front ends.
//!
//! A catalogue (JSON: codes with their HTTP statuses, descriptions and measures, in categories
//! of number ranges) becomes an exhaustive code enum, a category enum and a parse error, with
//! `Display`/`FromStr`, status mapping and category lookup. This crate loads a catalogue with
//! the position of every value, checks every rule (all problems at once, each at its
//! `file:line:col`), and expands it to a [`proc_macro2::TokenStream`] or to formatted source.
//!
//! * **Build scripts** use [`Builder`]:
//!
//!   ```no_run
//!   // build.rs
//!   fn main() -> Result<(), Box<dyn std::error::Error>> {
//!       frs_codes_gen::Builder::new("codes.json")   // relative to CARGO_MANIFEST_DIR
//!           .name("ErrorCode")
//!           .write_to_out_dir("codes.rs")?;         // $OUT_DIR/codes.rs, plus cargo:rerun-if-changed
//!       Ok(())
//!   }
//!   ```
//!
//!   and the crate includes the file: `include!(concat!(env!("OUT_DIR"), "/codes.rs"));`. The
//!   generated items need nothing but `core`.
//! * **The `frs_codes!` macro** (`frs-codes-macro`, re-exported by `frs-codes`) parses its call
//!   with [`MacroCall`] and hands it over.
//! * **The `frs-codes` command** (`frs-codes-cli`) explains, lists, checks, generates and
//!   compares catalogues with [`load`], [`Catalogue`] and [`Builder`].
//!
//! The catalogue format is described by [`SCHEMA`], a JSON Schema editors use for completion.

#![cfg_attr(docsrs, feature(doc_cfg))]

mod builder;
mod catalogue;
mod diff;
mod expand;
#[cfg(feature = "import")]
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
pub mod import;
mod json;
mod macro_call;
mod model;
mod options;
mod problem;
#[cfg(feature = "render")]
mod render;
mod suggest;
mod validate;

#[cfg(all(test, feature = "render"))]
mod expansion_tests;

pub use builder::Builder;
pub use diff::{diff, Change, Diff, Impact};
pub use macro_call::MacroCall;
pub use model::{split_code, Case, Catalogue, Category, Code, CodeRetry, RetryClass};
pub use problem::{Error, Location, Problem};
pub use suggest::closest;
pub use validate::derived_name;

use std::path::Path;

/// The catalogue format as a JSON Schema (draft 2020-12), the document `codes.schema.json`.
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(frs_codes_gen::SCHEMA).unwrap();
/// assert_eq!(schema["title"], "frs-codes error-code catalogue");
/// ```
pub const SCHEMA: &str = include_str!("../codes.schema.json");

/// How a build names a catalogue that cannot be read: relative to what.
pub(crate) const MANIFEST_HINT: &str = "; the path is relative to the directory of your Cargo.toml";

/// Reads and validates the catalogue at `path` (relative to the current directory); messages
/// name the file as given.
///
/// ```no_run
/// let catalogue = frs_codes_gen::load("codes.json")?;
/// println!("{} codes", catalogue.codes.len());
/// # Ok::<(), frs_codes_gen::Error>(())
/// ```
///
/// # Errors
///
/// Every problem found: the file cannot be read, is not JSON of the catalogue's shape, or
/// breaks a rule.
pub fn load(path: impl AsRef<Path>) -> Result<Catalogue, Error> {
    let path = path.as_ref();
    let loaded = catalogue::load(path, &path.display().to_string(), "")?;
    validated(&loaded)
}

/// Validates the catalogue `text`, read from `file` (how messages name it).
///
/// ```
/// let problems = frs_codes_gen::parse(r#"{"categories": [], "codes": []}"#, "codes.json")
///     .unwrap_err();
/// assert_eq!(
///     problems.to_string(),
///     "codes.json:1:29: the catalogue has no codes; add at least one entry to `codes`",
/// );
/// ```
///
/// # Errors
///
/// Every problem found, as for [`load`].
pub fn parse(text: &str, file: &str) -> Result<Catalogue, Error> {
    let loaded = catalogue::parse(text.to_owned(), file)?;
    validated(&loaded)
}

fn validated(loaded: &catalogue::Loaded) -> Result<Catalogue, Error> {
    validate::validate(loaded).map_err(|problems| Error::new(problems, Some(loaded.text.clone())))
}
