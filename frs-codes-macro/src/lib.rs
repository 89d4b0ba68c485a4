//! The proc macro behind [`frs-codes`](https://docs.rs/frs-codes): `frs_codes!()` turns an
//! error-code catalogue (JSON) into an exhaustive enum at compile time.
//!
//! Most users depend on `frs-codes`, which re-exports this macro and ships the generated types
//! for Huawei Cloud FRS. See its documentation for the catalogue format.

mod args;
mod catalogue;
mod expand;
mod validate;

#[cfg(test)]
mod expansion_tests;

use proc_macro::TokenStream;

/// Generates an error-code enum, a category enum and a parse error type from a catalogue.
///
/// ```ignore
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
/// * `parse_error = ErrorCodeParseError`: the `FromStr` error (default: `name` + `ParseError`).
/// * `vis = pub`: the visibility of every generated item, e.g. `vis = pub(crate)`.
/// * `doc_path = my_crate::errors`: where users reach the types; with it the generated docs carry
///   examples (they run as doctests of the calling crate).
///
/// A catalogue that breaks a rule is a compile error naming the file, the line and column of
/// the entry and what to change; every problem is reported at once.
#[proc_macro]
pub fn frs_codes(input: TokenStream) -> TokenStream {
    generate(input.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

fn generate(input: proc_macro2::TokenStream) -> syn::Result<proc_macro2::TokenStream> {
    let args: args::Args = syn::parse2(input)?;
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").ok();
    let loaded = catalogue::load(manifest_dir.as_deref(), &args.path)
        .map_err(|error| syn::Error::new(args.path_span, error.0))?;
    let model = validate::validate(&loaded, &args.path).map_err(|problems| {
        problems
            .into_iter()
            .map(|problem| syn::Error::new(args.path_span, problem))
            .reduce(|mut all, next| {
                all.combine(next);
                all
            })
            .unwrap_or_else(|| syn::Error::new(args.path_span, "invalid catalogue"))
    })?;
    Ok(expand::expand(&args, &model, &loaded.resolved))
}
