//! The code enum: its variants, the tables every accessor reads by discriminant, the shape of
//! any input (what `Category::of` and the parse error need), and parsing.

use super::docs::Docs;
use super::{index_literal, index_type, lookup, variant, Signatures};
use crate::model::Catalogue;
use crate::options::Options;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub(super) fn code_enum(
    options: &Options,
    catalogue: &Catalogue,
    docs: &Docs,
    signatures: &Signatures,
) -> TokenStream {
    let Options {
        code_type,
        category_type,
        case_type,
        parse_error_type,
        vis,
        ..
    } = options;
    let codes = &catalogue.codes;
    let count = codes.len();
    let variants = codes.iter().map(|code| {
        let doc = docs.variant(code);
        let ident = variant(&code.name);
        quote!(#doc #ident,)
    });
    let all = codes.iter().map(|code| variant(&code.name));
    let spellings = codes.iter().map(|code| &code.code);
    let prefixes = codes.iter().map(|code| &code.prefix);
    let number_type = signatures.number.ty(quote!(u32));
    let numbers = codes.iter().map(|code| {
        signatures
            .number
            .value(code.number.map(Literal::u32_unsuffixed))
    });
    let categories = codes
        .iter()
        .map(|code| variant(&catalogue.categories[code.category].name));

    // The cases of code `i` are `CASES[CASE_STARTS[i]..CASE_STARTS[i + 1]]`, and its statuses
    // `STATUSES[STATUS_STARTS[i]..STATUS_STARTS[i + 1]]`: flat arrays, cheap to compile.
    let case_count: usize = codes.iter().map(|code| code.cases.len()).sum();
    let case_index = index_type(case_count);
    let case_starts = starts(codes.iter().map(|code| code.cases.len()));
    let statuses: Vec<Vec<u16>> = codes.iter().map(crate::Code::statuses).collect();
    let status_count: usize = statuses.iter().map(Vec::len).sum();
    let status_index = index_type(status_count);
    let status_starts = starts(statuses.iter().map(Vec::len));
    let status_values = statuses
        .iter()
        .flatten()
        .map(|status| Literal::u16_unsuffixed(*status));
    let cases = codes.iter().flat_map(|code| {
        let ident = variant(&code.name);
        code.cases.iter().map(move |case| {
            let status = signatures
                .status
                .value(case.status.map(Literal::u16_unsuffixed));
            let message = signatures.message.value(case.message.as_ref());
            let description = &case.description;
            let measure = signatures
                .measure
                .value(case.measure.as_ref().map(|lines| lines.join("\n")));
            quote! {
                #case_type {
                    code: #code_type::#ident,
                    status: #status,
                    message: #message,
                    description: #description,
                    measure: #measure,
                }
            }
        })
    });

    let lookup = lookup::lookup(catalogue);
    let status_type = signatures.status.ty(quote!(u16));
    let message_type = signatures.message.ty(quote!(&'static str));
    let measure_type = signatures.measure.ty(quote!(&'static str));
    let doc_enum = docs.code_enum();
    let doc_all = docs.method("ALL");
    let doc_as_str = docs.method("as_str");
    let doc_prefix = docs.method("prefix");
    let doc_number = docs.method("number");
    let doc_cases = docs.method("cases");
    let doc_status = docs.method("http_status");
    let doc_statuses = docs.method("http_statuses");
    let doc_message = docs.method("message");
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

            /// Each code as the service sends it, in catalogue order.
            const fn spellings() -> &'static [&'static str; #count] {
                static SPELLINGS: [&str; #count] = [#(#spellings),*];
                &SPELLINGS
            }

            /// Each code's prefix.
            const fn prefixes() -> &'static [&'static str; #count] {
                static PREFIXES: [&str; #count] = [#(#prefixes),*];
                &PREFIXES
            }

            /// Each code's number.
            const fn numbers() -> &'static [#number_type; #count] {
                static NUMBERS: [#number_type; #count] = [#(#numbers),*];
                &NUMBERS
            }

            /// Each code's category.
            const fn categories() -> &'static [#category_type; #count] {
                static CATEGORIES: [#category_type; #count] = [#(#category_type::#categories),*];
                &CATEGORIES
            }

            /// Every case, code after code in catalogue order.
            const fn case_table() -> &'static [#case_type; #case_count] {
                static CASES: [#case_type; #case_count] = [#(#cases),*];
                &CASES
            }

            /// Where each code's cases start in `case_table`, and where the last code's end.
            const fn case_starts() -> &'static [#case_index; #count + 1] {
                static CASE_STARTS: [#case_index; #count + 1] = [#(#case_starts),*];
                &CASE_STARTS
            }

            /// Every code's statuses, each once, code after code in catalogue order.
            const fn status_table() -> &'static [u16; #status_count] {
                static STATUSES: [u16; #status_count] = [#(#status_values),*];
                &STATUSES
            }

            /// Where each code's statuses start in `status_table`, and where the last code's end.
            const fn status_starts() -> &'static [#status_index; #count + 1] {
                static STATUS_STARTS: [#status_index; #count + 1] = [#(#status_starts),*];
                &STATUS_STARTS
            }

            #lookup

            #doc_as_str
            #[must_use]
            #vis const fn as_str(self) -> &'static str {
                Self::spellings()[self as usize]
            }

            #doc_prefix
            #[must_use]
            #vis const fn prefix(self) -> &'static str {
                Self::prefixes()[self as usize]
            }

            #doc_number
            #[must_use]
            #vis const fn number(self) -> #number_type {
                Self::numbers()[self as usize]
            }

            #doc_cases
            #[must_use]
            #vis const fn cases(self) -> &'static [#case_type] {
                let starts = Self::case_starts();
                let (start, end) = (starts[self as usize] as usize, starts[self as usize + 1] as usize);
                Self::case_table().split_at(end).0.split_at(start).1
            }

            #doc_status
            #[must_use]
            #vis const fn http_status(self) -> #status_type {
                self.cases()[0].status()
            }

            #doc_statuses
            #[must_use]
            #vis const fn http_statuses(self) -> &'static [u16] {
                let starts = Self::status_starts();
                let (start, end) = (starts[self as usize] as usize, starts[self as usize + 1] as usize);
                Self::status_table().split_at(end).0.split_at(start).1
            }

            #doc_message
            #[must_use]
            #vis const fn message(self) -> #message_type {
                self.cases()[0].message()
            }

            #doc_description
            #[must_use]
            #vis const fn description(self) -> &'static str {
                self.cases()[0].description()
            }

            #doc_measure
            #[must_use]
            #vis const fn measure(self) -> #measure_type {
                self.cases()[0].measure()
            }

            #doc_category
            #[must_use]
            #vis const fn category(self) -> #category_type {
                Self::categories()[self as usize]
            }

            #doc_from_code
            #[must_use]
            #[inline]
            #vis const fn from_code(code: &str) -> ::core::option::Option<Self> {
                Self::lookup(code.as_bytes())
            }

            /// The length of the prefix of `bytes` and its number: a `PREFIX.DIGITS` or
            /// `DIGITS` input (1 to 9 digits) has both; another has what comes before its last
            /// dot (or nothing) and no number.
            const fn shape(bytes: &[u8]) -> (usize, ::core::option::Option<u32>) {
                let len = bytes.len();
                let mut digits = 0;
                while digits < len && bytes[len - 1 - digits].is_ascii_digit() {
                    digits += 1;
                }
                if digits >= 1 && digits <= 9 && (digits == len || bytes[len - 1 - digits] == b'.') {
                    let mut number: u32 = 0;
                    let mut index = len - digits;
                    while index < len {
                        number = number * 10 + (bytes[index] - b'0') as u32;
                        index += 1;
                    }
                    let prefix_len = if digits == len { 0 } else { len - digits - 1 };
                    return (prefix_len, ::core::option::Option::Some(number));
                }
                let mut dot = len;
                while dot > 0 {
                    dot -= 1;
                    if bytes[dot] == b'.' {
                        return (dot, ::core::option::Option::None);
                    }
                }
                (0, ::core::option::Option::None)
            }

            /// Whether `bytes` is shaped like a numbered code: `DIGITS`, or `PREFIX.DIGITS` with
            /// a prefix of ASCII letters, digits, `-`, `_` and dots that starts with a letter.
            const fn is_numbered(bytes: &[u8]) -> bool {
                let (prefix_len, number) = Self::shape(bytes);
                if number.is_none() {
                    return false;
                }
                if prefix_len == 0 {
                    return true;
                }
                if !bytes[0].is_ascii_alphabetic() || bytes[prefix_len - 1] == b'.' {
                    return false;
                }
                let mut index = 1;
                while index < prefix_len {
                    let byte = bytes[index];
                    if !(byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' || byte == b'.') {
                        return false;
                    }
                    index += 1;
                }
                true
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

            #[inline]
            fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                match Self::from_code(code) {
                    ::core::option::Option::Some(found) => ::core::result::Result::Ok(found),
                    ::core::option::Option::None => ::core::result::Result::Err(#parse_error_type::new(code)),
                }
            }
        }

        impl<'a> ::core::convert::TryFrom<&'a str> for #code_type {
            type Error = #parse_error_type;

            #[inline]
            fn try_from(code: &'a str) -> ::core::result::Result<Self, Self::Error> {
                code.parse()
            }
        }
    }
}

/// The running sums of `lengths`, starting at 0: where each item starts, then the end.
fn starts(lengths: impl Iterator<Item = usize>) -> Vec<Literal> {
    let mut at = 0;
    let mut starts = vec![index_literal(0)];
    for length in lengths {
        at += length;
        starts.push(index_literal(at));
    }
    starts
}
