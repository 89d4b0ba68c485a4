//! The code enum: its variants, the tables every accessor reads by discriminant, and parsing.

use super::docs::Docs;
use super::{lookup, lookup_fallback, variant};
use crate::model::Catalogue;
use crate::options::Options;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub(super) fn code_enum(options: &Options, catalogue: &Catalogue, docs: &Docs) -> TokenStream {
    let Options {
        code_type,
        category_type,
        parse_error_type,
        vis,
        ..
    } = options;
    let count = catalogue.codes.len();
    let variants = catalogue.codes.iter().map(|code| {
        let doc = docs.variant(code);
        let ident = variant(&code.name);
        quote!(#doc #ident,)
    });
    let all = catalogue.codes.iter().map(|code| variant(&code.name));
    let strings = catalogue.codes.iter().map(|code| &code.code);
    let prefixes = catalogue.codes.iter().map(|code| &code.prefix);
    let numbers = catalogue
        .codes
        .iter()
        .map(|code| Literal::u32_unsuffixed(code.number));
    let statuses = catalogue.codes.iter().map(|code| {
        let statuses = code
            .statuses
            .iter()
            .map(|status| Literal::u16_unsuffixed(*status));
        quote!(&[#(#statuses),*])
    });
    let descriptions = catalogue.codes.iter().map(|code| &code.description);
    let measures = catalogue.codes.iter().map(|code| code.measure.join("\n"));
    let categories = catalogue
        .codes
        .iter()
        .map(|code| variant(&catalogue.categories[code.category].name));
    let lookup = lookup::lookup(catalogue).unwrap_or_else(|| lookup_fallback::lookup(catalogue));
    let prefix_arms = catalogue
        .prefixes
        .iter()
        .enumerate()
        .map(|(index, prefix)| {
            let bytes = prefix.text.bytes().map(Literal::byte_character);
            quote!([#(#bytes),*] => #index,)
        });
    let doc_enum = docs.code_enum();
    let doc_all = docs.method("ALL");
    let doc_as_str = docs.method("as_str");
    let doc_prefix = docs.method("prefix");
    let doc_number = docs.method("number");
    let doc_status = docs.method("http_status");
    let doc_statuses = docs.method("http_statuses");
    let doc_description = docs.method("description");
    let doc_measure = docs.method("measure");
    let doc_category = docs.method("category");
    let doc_from_code = docs.method("from_code");
    quote! {
        #doc_enum
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #code_type {
            #(#variants)*
        }

        impl #code_type {
            #doc_all
            #vis const ALL: &'static [Self] = &[#(Self::#all),*];
            const CODES: [&'static str; #count] = [#(#strings),*];
            const PREFIXES: [&'static str; #count] = [#(#prefixes),*];
            const NUMBERS: [u32; #count] = [#(#numbers),*];
            const STATUSES: [&'static [u16]; #count] = [#(#statuses),*];
            const DESCRIPTIONS: [&'static str; #count] = [#(#descriptions),*];
            const MEASURES: [&'static str; #count] = [#(#measures),*];
            const CATEGORIES: [#category_type; #count] = [#(#category_type::#categories),*];
            #lookup

            #doc_as_str
            #[must_use]
            #vis const fn as_str(self) -> &'static str {
                Self::CODES[self as usize]
            }

            #doc_prefix
            #[must_use]
            #vis const fn prefix(self) -> &'static str {
                Self::PREFIXES[self as usize]
            }

            #doc_number
            #[must_use]
            #vis const fn number(self) -> u32 {
                Self::NUMBERS[self as usize]
            }

            #doc_status
            #[must_use]
            #vis const fn http_status(self) -> u16 {
                Self::STATUSES[self as usize][0]
            }

            #doc_statuses
            #[must_use]
            #vis const fn http_statuses(self) -> &'static [u16] {
                Self::STATUSES[self as usize]
            }

            #doc_description
            #[must_use]
            #vis const fn description(self) -> &'static str {
                Self::DESCRIPTIONS[self as usize]
            }

            #doc_measure
            #[must_use]
            #vis const fn measure(self) -> &'static str {
                Self::MEASURES[self as usize]
            }

            #doc_category
            #[must_use]
            #vis const fn category(self) -> #category_type {
                Self::CATEGORIES[self as usize]
            }

            #doc_from_code
            #[must_use]
            #[inline]
            #vis const fn from_code(code: &str) -> ::core::option::Option<Self> {
                Self::lookup(code.as_bytes())
            }

            /// The prefix index and number of a well-formed code whose prefix the catalogue knows.
            const fn locate(bytes: &[u8]) -> ::core::option::Option<(usize, u32)> {
                let ::core::option::Option::Some((prefix_len, number)) = Self::split(bytes) else {
                    return ::core::option::Option::None;
                };
                let (prefix, _) = bytes.split_at(prefix_len);
                let prefix = match prefix {
                    #(#prefix_arms)*
                    _ => return ::core::option::Option::None,
                };
                ::core::option::Option::Some((prefix, number))
            }

            /// Checks the shape `PREFIX.DIGITS` (ASCII letters and digits starting with a letter,
            /// a dot, 1 to 8 digits) and returns the prefix length and the number.
            const fn split(bytes: &[u8]) -> ::core::option::Option<(usize, u32)> {
                if bytes.is_empty() || !bytes[0].is_ascii_alphabetic() {
                    return ::core::option::Option::None;
                }
                let mut dot = 1;
                while dot < bytes.len() && bytes[dot] != b'.' {
                    if !bytes[dot].is_ascii_alphanumeric() {
                        return ::core::option::Option::None;
                    }
                    dot += 1;
                }
                let digits = bytes.len().saturating_sub(dot + 1);
                if digits == 0 || digits > 8 {
                    return ::core::option::Option::None;
                }
                let mut number: u32 = 0;
                let mut index = dot + 1;
                while index < bytes.len() {
                    let digit = bytes[index].wrapping_sub(b'0');
                    if digit > 9 {
                        return ::core::option::Option::None;
                    }
                    number = number * 10 + digit as u32;
                    index += 1;
                }
                ::core::option::Option::Some((dot, number))
            }

        }

        impl ::core::fmt::Display for #code_type {
            /// Writes the code as the service sends it, e.g. `FRS.0202`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::core::str::FromStr for #code_type {
            type Err = #parse_error_type;

            fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                Self::from_code(code).ok_or_else(|| #parse_error_type::new(code))
            }
        }

        impl<'a> ::core::convert::TryFrom<&'a str> for #code_type {
            type Error = #parse_error_type;

            fn try_from(code: &'a str) -> ::core::result::Result<Self, Self::Error> {
                code.parse()
            }
        }
    }
}
