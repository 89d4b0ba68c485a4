//! What to generate and how to name it: the options of `frs_codes!(...)`, of [`Builder`] and of
//! `frs-codes generate`, read from the macro call's tokens or from strings.
//!
//! [`Builder`]: crate::Builder

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, ToTokens};
use syn::ext::IdentExt;
use syn::parse::Parse;
use syn::{Ident, Path, Visibility};

/// The options users write, each with what its value must be (the "takes ..." of messages).
pub(crate) const OPTIONS: [(&str, &str); 7] = [
    ("path", "a string literal such as \"codes.json\""),
    ("name", "a type name such as `ErrorCode`"),
    ("category", "a type name such as `Category`"),
    ("case", "a type name such as `ErrorCodeCase`"),
    ("parse_error", "a type name such as `ErrorCodeParseError`"),
    ("vis", "a visibility such as `pub(crate)`"),
    ("doc_path", "a path such as `my_crate::errors`"),
];

/// The hidden option `runtime`: the path of the `frs-codes` crate.
const RUNTIME_EXPECTED: &str = "a path such as `frs_codes`";

/// Every choice expansion needs besides the catalogue, defaults filled in.
pub(crate) struct Options {
    pub code_type: Ident,
    pub category_type: Ident,
    pub case_type: Ident,
    pub parse_error_type: Ident,
    pub vis: Visibility,
    /// Path under which rustdoc examples name the generated types; no examples without it,
    /// because they would become doctests of the calling crate.
    pub doc_path: Option<Path>,
    /// The path of the `frs-codes` runtime crate. With it the generated types implement the
    /// runtime's traits and get its serde impls; without it the output depends on `core` alone.
    pub runtime: Option<TokenStream>,
}

impl Options {
    pub(crate) fn with_defaults(
        code_type: Option<Ident>,
        category_type: Option<Ident>,
        case_type: Option<Ident>,
        parse_error_type: Option<Ident>,
        vis: Option<Visibility>,
        doc_path: Option<Path>,
        runtime: Option<TokenStream>,
    ) -> Self {
        let code_type = code_type.unwrap_or_else(|| Ident::new("ErrorCode", Span::call_site()));
        let parse_error_type =
            parse_error_type.unwrap_or_else(|| format_ident!("{}ParseError", code_type.unraw()));
        let case_type = case_type.unwrap_or_else(|| format_ident!("{}Case", code_type.unraw()));
        Options {
            case_type,
            code_type,
            category_type: category_type
                .unwrap_or_else(|| Ident::new("Category", Span::call_site())),
            parse_error_type,
            vis: vis.unwrap_or_else(|| syn::parse_quote!(pub)),
            doc_path,
            runtime,
        }
    }

    /// The options given as strings (by [`Builder`](crate::Builder) or the command), or the
    /// message for each one that does not parse.
    pub fn from_strings(settings: &Settings) -> Result<Self, Vec<String>> {
        let mut problems = Vec::new();
        let code_type = parse_setting("name", &settings.name, &mut problems);
        let category_type = parse_setting("category", &settings.category, &mut problems);
        let case_type = parse_setting("case", &settings.case, &mut problems);
        let parse_error_type = parse_setting("parse_error", &settings.parse_error, &mut problems);
        let vis = parse_setting("vis", &settings.vis, &mut problems);
        let doc_path = parse_setting("doc_path", &settings.doc_path, &mut problems);
        let runtime: Option<Path> = parse_setting("runtime", &settings.runtime, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Options::with_defaults(
            code_type,
            category_type,
            case_type,
            parse_error_type,
            vis,
            doc_path,
            runtime.map(ToTokens::into_token_stream),
        ))
    }
}

/// `value` parsed as the option `key` takes, or `None` with a message in `problems`.
fn parse_setting<T: Parse>(
    key: &str,
    value: &Option<String>,
    problems: &mut Vec<String>,
) -> Option<T> {
    let value = value.as_deref()?;
    match syn::parse_str(value) {
        Ok(parsed) => Some(parsed),
        Err(_) => {
            let expected = OPTIONS
                .iter()
                .find(|(name, _)| *name == key)
                .map_or(RUNTIME_EXPECTED, |(_, expected)| expected);
            problems.push(format!("option `{key}` takes {expected}, not `{value}`"));
            None
        }
    }
}

/// Options as strings, as a build script or the command line gives them.
#[derive(Clone, Debug, Default)]
pub(crate) struct Settings {
    pub name: Option<String>,
    pub category: Option<String>,
    pub case: Option<String>,
    pub parse_error: Option<String>,
    pub vis: Option<String>,
    pub doc_path: Option<String>,
    pub runtime: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_become_options_or_say_what_they_take() {
        let options = Options::from_strings(&Settings {
            name: Some("GatewayCode".to_owned()),
            vis: Some("pub(crate)".to_owned()),
            runtime: Some("::frs_codes".to_owned()),
            ..Settings::default()
        })
        .unwrap_or_else(|problems| panic!("{problems:?}"));
        assert_eq!(options.code_type, "GatewayCode");
        assert_eq!(options.parse_error_type, "GatewayCodeParseError");
        assert_eq!(options.category_type, "Category");
        assert_eq!(options.vis.to_token_stream().to_string(), "pub (crate)");

        let problems = Options::from_strings(&Settings {
            name: Some("Gateway Code".to_owned()),
            doc_path: Some("my crate".to_owned()),
            ..Settings::default()
        })
        .err()
        .expect("neither value parses");
        assert_eq!(
            problems,
            [
                "option `name` takes a type name such as `ErrorCode`, not `Gateway Code`",
                "option `doc_path` takes a path such as `my_crate::errors`, not `my crate`",
            ]
        );
    }
}
