//! What the call says: `frs_codes!(path = "...", name = ..., category = ..., ...)`.

use crate::catalogue::closest;
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::format_ident;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Path, Token, Visibility};

/// Options of one `frs_codes!` invocation, defaults filled in.
pub(crate) struct Args {
    /// The catalogue path as the user wrote it, relative to `CARGO_MANIFEST_DIR`.
    pub path: String,
    /// Where diagnostics about the catalogue point: the path literal if given, else the call.
    pub path_span: Span,
    pub code_type: Ident,
    pub category_type: Ident,
    pub parse_error_type: Ident,
    pub vis: Visibility,
    /// Path under which rustdoc examples name the generated types; no examples without it,
    /// because they would become doctests of the calling crate.
    pub doc_path: Option<Path>,
    /// The path of the `frs-codes` runtime crate, given only by its `frs_codes!` wrapper (as
    /// `$crate`). With it the generated types implement the runtime's traits and get its serde
    /// impls; without it the output depends on nothing but `core`.
    pub runtime: Option<TokenStream>,
}

/// Options users write; the listing in the "unknown option" message.
const OPTIONS: &[&str] = &["path", "name", "category", "parse_error", "vis", "doc_path"];

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut path: Option<LitStr> = None;
        let mut code_type: Option<Ident> = None;
        let mut category_type: Option<Ident> = None;
        let mut parse_error_type: Option<Ident> = None;
        let mut vis: Option<Visibility> = None;
        let mut doc_path: Option<Path> = None;
        let mut seen: Vec<String> = Vec::new();
        let runtime = parse_runtime(input)?;

        while !input.is_empty() {
            let key: Ident = input.call(Ident::parse_any)?;
            let key_name = key.to_string();
            if !OPTIONS.contains(&key_name.as_str()) {
                let suggestion = closest(&key_name, OPTIONS)
                    .map(|option| format!("did you mean `{option}`? "))
                    .unwrap_or_default();
                return Err(syn::Error::new(
                    key.span(),
                    format!(
                        "unknown option `{key_name}`; {suggestion}the options are: {}",
                        OPTIONS.join(", ")
                    ),
                ));
            }
            if seen.contains(&key_name) {
                return Err(syn::Error::new(
                    key.span(),
                    format!("option `{key_name}` is given twice; keep one"),
                ));
            }
            seen.push(key_name.clone());
            input.parse::<Token![=]>()?;
            match key_name.as_str() {
                "path" => {
                    path = Some(parse_value(
                        input,
                        &key_name,
                        "a string literal such as \"codes.json\"",
                    )?)
                }
                "name" => {
                    code_type = Some(parse_value(
                        input,
                        &key_name,
                        "a type name such as `ErrorCode`",
                    )?)
                }
                "category" => {
                    category_type = Some(parse_value(
                        input,
                        &key_name,
                        "a type name such as `Category`",
                    )?)
                }
                "parse_error" => {
                    parse_error_type = Some(parse_value(
                        input,
                        &key_name,
                        "a type name such as `ErrorCodeParseError`",
                    )?)
                }
                "vis" => {
                    vis = Some(parse_value(
                        input,
                        &key_name,
                        "a visibility such as `pub(crate)`",
                    )?)
                }
                _ => {
                    doc_path = Some(parse_value(
                        input,
                        &key_name,
                        "a path such as `my_crate::errors`",
                    )?)
                }
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }

        let code_type = code_type.unwrap_or_else(|| Ident::new("ErrorCode", Span::call_site()));
        let parse_error_type =
            parse_error_type.unwrap_or_else(|| format_ident!("{}ParseError", code_type.unraw()));
        Ok(Args {
            path: path
                .as_ref()
                .map_or_else(|| "codes.json".to_owned(), LitStr::value),
            path_span: path.as_ref().map_or_else(Span::call_site, LitStr::span),
            code_type,
            category_type: category_type
                .unwrap_or_else(|| Ident::new("Category", Span::call_site())),
            parse_error_type,
            vis: vis.unwrap_or_else(|| syn::parse_quote!(pub)),
            doc_path,
            runtime,
        })
    }
}

/// The hidden leading `runtime = <path>,` that `frs_codes::frs_codes!` passes. The path is taken
/// as raw tokens up to the comma because `$crate` is not something `syn::Path` parses.
fn parse_runtime(input: ParseStream) -> syn::Result<Option<TokenStream>> {
    let fork = input.fork();
    let is_runtime = fork
        .call(Ident::parse_any)
        .is_ok_and(|key: Ident| key == "runtime")
        && fork.peek(Token![=]);
    if !is_runtime {
        return Ok(None);
    }
    input.call(Ident::parse_any).map(|_: Ident| ())?;
    input.parse::<Token![=]>()?;
    let runtime = input.step(|cursor| {
        let mut tokens = TokenStream::new();
        let mut rest = *cursor;
        while let Some((token, next)) = rest.token_tree() {
            if matches!(&token, TokenTree::Punct(punct) if punct.as_char() == ',') {
                break;
            }
            tokens.extend([token]);
            rest = next;
        }
        Ok((tokens, rest))
    })?;
    if !input.is_empty() {
        input.parse::<Token![,]>()?;
    }
    Ok(Some(runtime))
}

fn parse_value<T: Parse>(input: ParseStream, key: &str, expected: &str) -> syn::Result<T> {
    let span = input.span();
    input
        .parse()
        .map_err(|_| syn::Error::new(span, format!("option `{key}` takes {expected}")))
}
