//! The `FromStr` error: why a string is not a code. It keeps the input without allocating and
//! works out the rest (its shape, its category) when asked, so that a failed parse costs the
//! lookup and a copy, no more.

use super::docs::Docs;
use super::{Optional, Signatures};
use crate::model::{BELONGS_BY_NUMBER, BELONGS_BY_PREFIX};
use crate::options::Options;
use crate::validate::MAX_CODE_LEN;
use proc_macro2::TokenStream;
use quote::quote;

/// How many 16-byte chunks the parse error keeps of its input: enough for the longest code.
const KEPT_CHUNKS: usize = MAX_CODE_LEN / 16;

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
    // A well-formed input's category holds its number where the category is a range, and its
    // prefix where it holds the prefix whole.
    let by_prefix = format!("`{{}}` is not in the catalogue; {BELONGS_BY_PREFIX} {{}}");
    let placed = match signatures.category_range {
        Optional::Always => {
            let message = format!("`{{}}` is not in the catalogue; {BELONGS_BY_NUMBER} {{}}");
            quote!(::core::write!(f, #message, input, category.title()))
        }
        Optional::Sometimes => quote! {
            ::core::write!(
                f,
                "`{}` is not in the catalogue; {} {}",
                input,
                if category.range().is_some() { #BELONGS_BY_NUMBER } else { #BELONGS_BY_PREFIX },
                category.title(),
            )
        },
    };
    quote! {
        #doc
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        // `kept` aligned, for the 16-byte moves that fill and copy it, and after the two small
        // fields: a `Result` with this error puts its `Ok` value at offset 0, and over the kept
        // bytes that made the compiler split their first chunk into five stores.
        #[repr(C)]
        #vis struct #parse_error_type {
            kept_len: u8,
            truncated: bool,
            aligned: [u128; 0],
            kept: [[u8; 16]; #KEPT_CHUNKS],
        }

        impl #parse_error_type {
            /// Keeps `input`, or as much of it as fits on a character boundary, in 16-byte
            /// chunks each built in a register: a buffer written a byte at a time and then
            /// moved is read back before the writes have landed, which costs more than the
            /// lookup. Always inlined, so that the error is built where the caller keeps it
            /// rather than built, then copied.
            #[inline(always)]
            fn new(input: &str) -> Self {
                let mut kept_len = input.len();
                if kept_len > #MAX_CODE_LEN {
                    kept_len = #MAX_CODE_LEN;
                    while !input.is_char_boundary(kept_len) {
                        kept_len -= 1;
                    }
                }
                let bytes = input.as_bytes().split_at(kept_len).0;
                let kept = if kept_len <= 16 {
                    // What a code's length usually is: one chunk, from the words the lookup
                    // has just read.
                    let (first, last) = #code_type::words(bytes);
                    let high = if kept_len > 8 { last >> (8 * (16 - kept_len)) } else { 0 };
                    let mut kept = [[0; 16]; #KEPT_CHUNKS];
                    kept[0] = ((first as u128) | ((high as u128) << 64)).to_le_bytes();
                    kept
                } else {
                    // Whole chunks as they are; the partial one from the input's last 16 bytes,
                    // shifted down: no loop over its bytes.
                    let last = match bytes.last_chunk::<16>() {
                        ::core::option::Option::Some(last) => u128::from_le_bytes(*last),
                        ::core::option::Option::None => 0,
                    };
                    let mut kept = [[0; 16]; #KEPT_CHUNKS];
                    let mut chunk = 0;
                    while chunk < #KEPT_CHUNKS {
                        let start = 16 * chunk;
                        let rest = bytes.split_at(if start < kept_len { start } else { kept_len }).1;
                        if let ::core::option::Option::Some(full) = rest.first_chunk::<16>() {
                            kept[chunk] = *full;
                        } else if !rest.is_empty() {
                            kept[chunk] = (last >> (8 * (start + 16 - kept_len))).to_le_bytes();
                        }
                        chunk += 1;
                    }
                    kept
                };
                Self {
                    kept,
                    kept_len: kept_len as u8,
                    truncated: kept_len < input.len(),
                    aligned: [],
                }
            }

            /// The kept bytes of the input.
            const fn kept(&self) -> &[u8] {
                self.kept.as_flattened().split_at(self.kept_len as usize).0
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
                /// The input with its control characters escaped (a line break as `\n`, ESC
                /// as `\u{1b}`), so that the message stays on one line and shows what the
                /// input holds; quotes and the rest are written as given.
                struct Shown<'a>(&'a str);
                impl ::core::fmt::Display for Shown<'_> {
                    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        for character in self.0.chars() {
                            if character.is_control() {
                                ::core::write!(f, "{}", character.escape_debug())?;
                            } else {
                                ::core::fmt::Write::write_char(f, character)?;
                            }
                        }
                        ::core::result::Result::Ok(())
                    }
                }
                let input = Shown(self.input());
                match (self.is_well_formed(), self.category()) {
                    (true, ::core::option::Option::Some(category)) => #placed,
                    (false, ::core::option::Option::Some(category)) => {
                        ::core::write!(f, #by_prefix, input, category.title())
                    }
                    (true, ::core::option::Option::None) => ::core::write!(
                        f,
                        "`{}` is not in the catalogue, and no category covers its prefix and number",
                        input,
                    ),
                    (false, ::core::option::Option::None) => {
                        ::core::write!(f, #malformed, input, ellipsis)
                    }
                }
            }
        }

        impl ::core::error::Error for #parse_error_type {}
    }
}
