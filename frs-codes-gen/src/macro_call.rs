//! The macro front end: the grammar of `frs_codes!(...)`, and its expansion into items or into
//! compile errors.

use crate::options::{Options, OPTIONS};
use crate::problem::Problem;
use crate::suggest::closest;
use crate::{catalogue, expand, validate, MANIFEST_HINT};
use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Path, Token, Visibility};

/// A parsed `frs_codes!(...)` call: the catalogue path as written and the options.
///
/// This is the grammar of the macro's input, so that `frs-codes-macro` only has to hand its
/// tokens over:
///
/// ```
/// use frs_codes_gen::MacroCall;
/// use quote::quote;
///
/// // In the proc macro: `syn::parse::<MacroCall>(input)` on the compiler's tokens.
/// let call: MacroCall = syn::parse2(quote!(path = "missing.json", name = GatewayCode))?;
/// let errors = call.expand().unwrap_err();
/// assert!(errors.to_string().starts_with("cannot read the error-code catalogue `missing.json`"));
/// # Ok::<(), syn::Error>(())
/// ```
pub struct MacroCall {
    /// The catalogue path as the user wrote it, relative to `CARGO_MANIFEST_DIR`.
    pub(crate) path: String,
    /// Where diagnostics about the catalogue point: the path literal if given, else the call.
    pub(crate) path_span: Span,
    pub(crate) options: Options,
}

impl MacroCall {
    /// This call, generating impls of the traits of the runtime crate at `runtime` unless the
    /// call names its own `runtime`: how `frs_codes::frs_codes!` makes its default
    /// `::frs_codes` while a caller that renamed the dependency can still say where it is.
    ///
    /// ```
    /// use frs_codes_gen::MacroCall;
    /// use quote::quote;
    ///
    /// let call: MacroCall = syn::parse2(quote!(name = GatewayCode))?;
    /// let call = call.with_default_runtime(syn::parse_quote!(::frs_codes));
    /// # let _ = call;
    /// # Ok::<(), syn::Error>(())
    /// ```
    #[must_use]
    pub fn with_default_runtime(mut self, runtime: Path) -> Self {
        self.options.runtime.get_or_insert(runtime);
        self
    }

    /// The items for this call, with the catalogue resolved against `CARGO_MANIFEST_DIR` and
    /// tracked so that editing it rebuilds the caller; or every problem, each a `syn::Error` at
    /// the path literal (or the call), combined, ready for `into_compile_error`.
    pub fn expand(&self) -> syn::Result<TokenStream> {
        let error = |message: String| syn::Error::new(self.path_span, message);
        let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
            return Err(error(
                "CARGO_MANIFEST_DIR is not set, so the catalogue path cannot be resolved; \
                 build with Cargo"
                    .to_owned(),
            ));
        };
        let resolved = std::path::Path::new(&manifest_dir).join(&self.path);
        let combined = |problems: &[Problem]| {
            let mut errors = problems.iter().map(|problem| error(problem.to_string()));
            let mut all = errors
                .next()
                .unwrap_or_else(|| error("invalid catalogue".to_owned()));
            all.extend(errors);
            all
        };
        let loaded = catalogue::load(&resolved, &self.path, MANIFEST_HINT)
            .map_err(|problems| combined(problems.problems()))?;
        let catalogue = validate::validate(&loaded).map_err(|problems| combined(&problems))?;
        let tracked = resolved.canonicalize().unwrap_or(resolved);
        Ok(expand::expand(
            &self.options,
            &catalogue,
            Some(&tracked.to_string_lossy()),
        ))
    }
}

impl Parse for MacroCall {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut path: Option<LitStr> = None;
        let mut code_type: Option<Ident> = None;
        let mut category_type: Option<Ident> = None;
        let mut case_type: Option<Ident> = None;
        let mut parse_error_type: Option<Ident> = None;
        let mut vis: Option<Visibility> = None;
        let mut doc_path: Option<Path> = None;
        let mut runtime: Option<Path> = None;
        let mut seen: Vec<String> = Vec::new();
        let names: Vec<&str> = OPTIONS.iter().map(|(name, _)| *name).collect();

        while !input.is_empty() {
            let key: Ident = input.call(Ident::parse_any)?;
            let key_name = key.to_string();
            let Some((_, expected)) = OPTIONS.iter().find(|(name, _)| *name == key_name) else {
                let suggestion = closest(&key_name, &names)
                    .map(|option| format!("did you mean `{option}`? "))
                    .unwrap_or_default();
                return Err(syn::Error::new(
                    key.span(),
                    format!(
                        "unknown option `{key_name}`; {suggestion}the options are: {}",
                        names.join(", ")
                    ),
                ));
            };
            if seen.contains(&key_name) {
                return Err(syn::Error::new(
                    key.span(),
                    format!("option `{key_name}` is given twice; keep one"),
                ));
            }
            seen.push(key_name.clone());
            input.parse::<Token![=]>()?;
            match key_name.as_str() {
                "path" => path = Some(parse_value(input, &key_name, expected)?),
                "name" => code_type = Some(parse_value(input, &key_name, expected)?),
                "category" => category_type = Some(parse_value(input, &key_name, expected)?),
                "case" => case_type = Some(parse_value(input, &key_name, expected)?),
                "parse_error" => parse_error_type = Some(parse_value(input, &key_name, expected)?),
                "vis" => vis = Some(parse_value(input, &key_name, expected)?),
                "doc_path" => doc_path = Some(parse_value(input, &key_name, expected)?),
                _ => runtime = Some(parse_value(input, &key_name, expected)?),
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }

        let options = Options::with_defaults(
            code_type,
            category_type,
            case_type,
            parse_error_type,
            vis,
            doc_path,
            runtime,
        )
        .map_err(|clashes| {
            let mut errors = clashes
                .into_iter()
                .map(|(span, message)| syn::Error::new(span, message));
            let mut all = errors
                .next()
                .unwrap_or_else(|| input.error("clashing names"));
            all.extend(errors);
            all
        })?;
        Ok(MacroCall {
            path: path
                .as_ref()
                .map_or_else(|| "codes.json".to_owned(), LitStr::value),
            path_span: path.as_ref().map_or_else(Span::call_site, LitStr::span),
            options,
        })
    }
}

fn parse_value<T: Parse>(input: ParseStream, key: &str, expected: &str) -> syn::Result<T> {
    let span = input.span();
    input
        .parse()
        .map_err(|_| syn::Error::new(span, format!("option `{key}` takes {expected}")))
}
