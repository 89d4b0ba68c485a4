//! The proc macro behind [`frs-codes`](https://docs.rs/frs-codes): `frs_codes!()` turns an
//! error-code catalogue (JSON) into an exhaustive enum at compile time.
//!
//! A thin front end: the call's grammar, the catalogue's loading and rules and the expansion all
//! live in [`frs-codes-gen`](https://docs.rs/frs-codes-gen), which build scripts and the
//! `frs-codes` command use too. Most users depend on `frs-codes`, which re-exports this macro
//! and ships the generated types for Huawei Cloud FRS; see it for the catalogue format.

use proc_macro::TokenStream;

/// Generates an error-code enum, a category enum and a parse error type from a catalogue.
///
/// ```text
/// frs_codes!(); // reads codes.json next to Cargo.toml: ErrorCode, Category, ErrorCodeParseError
/// frs_codes!(path = "gateway.json", name = GatewayCode, category = GatewayCategory);
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
/// * `runtime = frs_codes`: the path of the `frs-codes` crate; with it the generated enums
///   implement its `CatalogueCode` and `CatalogueCategory` (and its serde impls, with its `serde`
///   feature). `frs_codes::frs_codes!` gives `::frs_codes` by itself.
///
/// A catalogue that breaks a rule is a compile error naming the file, the line and column of
/// the entry and what to change; every problem is reported at once.
#[proc_macro]
pub fn frs_codes(input: TokenStream) -> TokenStream {
    expand(input, |call| call)
}

// `frs_codes!` as `frs-codes` re-exports it: the same, with `runtime = ::frs_codes` unless the
// call gives a `runtime`. Hidden and without doc comments, so that the re-export's docs are the
// only ones rustdoc shows for it.
#[doc(hidden)]
#[proc_macro]
pub fn frs_codes_in_runtime(input: TokenStream) -> TokenStream {
    expand(input, |call| {
        call.with_default_runtime(syn::parse_quote!(::frs_codes))
    })
}

/// The call parsed, completed by `complete`, and expanded; any problem as compile errors.
fn expand(
    input: TokenStream,
    complete: impl FnOnce(frs_codes_gen::MacroCall) -> frs_codes_gen::MacroCall,
) -> TokenStream {
    syn::parse::<frs_codes_gen::MacroCall>(input)
        .and_then(|call| complete(call).expand())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
