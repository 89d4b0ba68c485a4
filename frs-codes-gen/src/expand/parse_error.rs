//! The `FromStr` error: why a string is not a code. It keeps the input without allocating and
//! works out the rest (its shape, its category) when asked, so that a failed parse costs the
//! lookup and a copy, no more.

use super::docs::Docs;
use super::Signatures;
use crate::options::Options;
use crate::validate::MAX_CODE_LEN;
use proc_macro2::TokenStream;
use quote::quote;

pub(super) fn parse_error(options: &Options, docs: &Docs, signatures: &Signatures) -> TokenStream {
    let Options {
        code_type,
        category_type,
        parse_error_type,
        vis,
        ..
    } = options;
    let doc = docs.parse_error();
    let malformed = if signatures.all_numbered {
        format!(
            "`{{}}{{}}` is not an error code: expected PREFIX.DIGITS, e.g. `{}`",
            docs.sample_code()
        )
    } else {
        "`{}{}` is not a code of the catalogue".to_owned()
    };
    quote! {
        #doc
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        #vis struct #parse_error_type {
            kept: [u8; #MAX_CODE_LEN],
            kept_len: usize,
            truncated: bool,
        }

        impl #parse_error_type {
            #[inline]
            fn new(input: &str) -> Self {
                let mut kept_len = input.len().min(#MAX_CODE_LEN);
                while !input.is_char_boundary(kept_len) {
                    kept_len -= 1;
                }
                let mut kept = [0; #MAX_CODE_LEN];
                kept[..kept_len].copy_from_slice(&input.as_bytes()[..kept_len]);
                Self {
                    kept,
                    kept_len,
                    truncated: kept_len < input.len(),
                }
            }

            /// The kept bytes of the input.
            const fn kept(&self) -> &[u8] {
                self.kept.split_at(self.kept_len).0
            }

            /// The rejected input, or its beginning if [`is_truncated`](Self::is_truncated).
            #[must_use]
            #vis fn input(&self) -> &str {
                ::core::str::from_utf8(self.kept()).unwrap_or_default()
            }

            /// Whether the input was longer than what is kept (longer than any code can be).
            #[must_use]
            #vis const fn is_truncated(&self) -> bool {
                self.truncated
            }

            /// Whether the input has the shape of a numbered code (`PREFIX.DIGITS` or `DIGITS`,
            /// 1 to 9 digits), so it may have been rejected only because the catalogue does not
            /// list it.
            #[must_use]
            #vis const fn is_well_formed(&self) -> bool {
                !self.truncated && #code_type::is_numbered(self.kept())
            }

            /// The category the input falls in: by its prefix, and where the category is a range,
            /// by its number.
            #[must_use]
            #vis const fn category(&self) -> ::core::option::Option<#category_type> {
                if self.truncated {
                    return ::core::option::Option::None;
                }
                #category_type::of_bytes(self.kept())
            }
        }

        impl ::core::fmt::Debug for #parse_error_type {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(::core::stringify!(#parse_error_type))
                    .field("input", &self.input())
                    .field("truncated", &self.truncated)
                    .field("well_formed", &self.is_well_formed())
                    .field("category", &self.category())
                    .finish()
            }
        }

        impl ::core::fmt::Display for #parse_error_type {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let ellipsis = if self.truncated { "…" } else { "" };
                match (self.is_well_formed(), self.category()) {
                    (true, ::core::option::Option::Some(category)) => ::core::write!(
                        f,
                        "`{}` is not in the catalogue; its number falls in {}",
                        self.input(),
                        category.title(),
                    ),
                    (false, ::core::option::Option::Some(category)) => ::core::write!(
                        f,
                        "`{}` is not in the catalogue; its prefix belongs to {}",
                        self.input(),
                        category.title(),
                    ),
                    (true, ::core::option::Option::None) => ::core::write!(
                        f,
                        "`{}` is not in the catalogue, and no category covers its prefix and number",
                        self.input(),
                    ),
                    (false, ::core::option::Option::None) => {
                        ::core::write!(f, #malformed, self.input(), ellipsis)
                    }
                }
            }
        }

        impl ::core::error::Error for #parse_error_type {}
    }
}
