//! The `FromStr` error: why a string is not a code, keeping the input without allocating.

use super::docs::Docs;
use super::KEPT_INPUT;
use crate::model::Catalogue;
use crate::options::Options;
use proc_macro2::TokenStream;
use quote::quote;

pub(super) fn parse_error(options: &Options, catalogue: &Catalogue, docs: &Docs) -> TokenStream {
    let Options {
        code_type,
        category_type,
        parse_error_type,
        vis,
        ..
    } = options;
    let example = &catalogue.codes[0].code;
    let doc = docs.parse_error();
    let malformed =
        format!("`{{}}{{}}` is not an error code: expected PREFIX.DIGITS, e.g. `{example}`");
    quote! {
        #doc
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        #vis struct #parse_error_type {
            kept: [u8; #KEPT_INPUT],
            kept_len: usize,
            truncated: bool,
            well_formed: bool,
            category: ::core::option::Option<#category_type>,
        }

        impl #parse_error_type {
            fn new(input: &str) -> Self {
                let mut kept_len = input.len().min(#KEPT_INPUT);
                while !input.is_char_boundary(kept_len) {
                    kept_len -= 1;
                }
                let mut kept = [0; #KEPT_INPUT];
                kept[..kept_len].copy_from_slice(&input.as_bytes()[..kept_len]);
                Self {
                    kept,
                    kept_len,
                    truncated: kept_len < input.len(),
                    well_formed: #code_type::split(input.as_bytes()).is_some(),
                    category: #category_type::of(input),
                }
            }

            /// The rejected input, or its beginning if [`is_truncated`](Self::is_truncated).
            #[must_use]
            #vis fn input(&self) -> &str {
                ::core::str::from_utf8(&self.kept[..self.kept_len]).unwrap_or_default()
            }

            /// Whether the input was longer than what is kept.
            #[must_use]
            #vis const fn is_truncated(&self) -> bool {
                self.truncated
            }

            /// Whether the input has the shape of a code (`PREFIX.DIGITS`, 1 to 8 digits), so it
            /// was rejected only because the catalogue does not list it.
            #[must_use]
            #vis const fn is_well_formed(&self) -> bool {
                self.well_formed
            }

            /// The category the input's number falls in, for a well-formed code of a known prefix.
            #[must_use]
            #vis const fn category(&self) -> ::core::option::Option<#category_type> {
                self.category
            }
        }

        impl ::core::fmt::Debug for #parse_error_type {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(::core::stringify!(#parse_error_type))
                    .field("input", &self.input())
                    .field("truncated", &self.truncated)
                    .field("well_formed", &self.well_formed)
                    .field("category", &self.category)
                    .finish()
            }
        }

        impl ::core::fmt::Display for #parse_error_type {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let ellipsis = if self.truncated { "…" } else { "" };
                match (self.well_formed, self.category) {
                    (false, _) => ::core::write!(f, #malformed, self.input(), ellipsis),
                    (true, ::core::option::Option::Some(category)) => ::core::write!(
                        f,
                        "`{}` is not in the catalogue; its number falls in {}",
                        self.input(),
                        category.title(),
                    ),
                    (true, ::core::option::Option::None) => ::core::write!(
                        f,
                        "`{}` is not in the catalogue, and no category covers its prefix and number",
                        self.input(),
                    ),
                }
            }
        }

        impl ::core::error::Error for #parse_error_type {}
    }
}
