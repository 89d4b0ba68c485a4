//! The code enum: its variants, the tables every accessor reads by discriminant, the shape of
//! any input (what `Category::of` and the parse error need), and parsing.

use super::docs::Docs;
use super::{index_literal, index_type, lookup, variant, Distinct, Optional, Signatures};
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
    let names = codes.iter().map(|code| &code.name);
    let mut distinct_prefixes = Distinct::default();
    let prefixes: Vec<Literal> = codes
        .iter()
        .map(|code| index_literal(distinct_prefixes.position(&code.prefix)))
        .collect();
    let distinct_prefixes = distinct_prefixes.texts;
    let prefix_count = distinct_prefixes.len();
    let prefix_index = index_type(prefix_count);
    let number_type = signatures.number.ty(quote!(u32));
    let numbers = codes
        .iter()
        .map(|code| Literal::u32_unsuffixed(code.number.unwrap_or(NO_NUMBER)));
    let number_body = match signatures.number {
        Optional::Always => quote!(Self::numbers()[self as usize]),
        Optional::Sometimes => quote! {
            let number = Self::numbers()[self as usize];
            if number == #NO_NUMBER {
                ::core::option::Option::None
            } else {
                ::core::option::Option::Some(number)
            }
        },
    };
    let category_index = index_type(catalogue.categories.len());
    let categories = codes.iter().map(|code| index_literal(code.category));

    // The cases of code `i` are `CASES[CASE_STARTS[i]..CASE_STARTS[i + 1]]`, and its statuses
    // `STATUSES[STATUS_STARTS[i]..STATUS_STARTS[i + 1]]`: flat arrays of plain values, the
    // cheapest tables for rustc to check.
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

    let lookup = lookup::lookup(catalogue);
    let status_type = signatures.status.ty(quote!(u16));
    let message_type = signatures.message.ty(quote!(&'static str));
    let measure_type = signatures.measure.ty(quote!(&'static str));
    let doc_enum = docs.code_enum();
    let doc_display = docs.code_display();
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
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #code_type {
            #(#variants)*
        }

        impl #code_type {
            #doc_all
            #vis const ALL: &'static [Self] = Self::all();

            /// Every code, in catalogue order. A `static` behind `ALL`: rustc checks an array
            /// of thousands of variants much faster there than written out in a `const`.
            const fn all() -> &'static [Self; #count] {
                static ALL: [#code_type; #count] = [#(#code_type::#all),*];
                &ALL
            }

            /// Each code's variant name, for `Debug`.
            const fn names() -> &'static [&'static str; #count] {
                static NAMES: [&str; #count] = [#(#names),*];
                &NAMES
            }

            /// Each code as the service sends it, in catalogue order.
            const fn spellings() -> &'static [&'static str; #count] {
                static SPELLINGS: [&str; #count] = [#(#spellings),*];
                &SPELLINGS
            }

            /// Every prefix, once.
            const fn distinct_prefixes() -> &'static [&'static str; #prefix_count] {
                static DISTINCT_PREFIXES: [&str; #prefix_count] = [#(#distinct_prefixes),*];
                &DISTINCT_PREFIXES
            }

            /// Each code's prefix, as its position in `distinct_prefixes`.
            const fn prefixes() -> &'static [#prefix_index; #count] {
                static PREFIXES: [#prefix_index; #count] = [#(#prefixes),*];
                &PREFIXES
            }

            /// Each code's number; `u32::MAX` for a code without one (numbers have at most 9
            /// digits).
            const fn numbers() -> &'static [u32; #count] {
                static NUMBERS: [u32; #count] = [#(#numbers),*];
                &NUMBERS
            }

            /// Each code's category, as its position in the category enum's `ALL`.
            const fn categories() -> &'static [#category_index; #count] {
                static CATEGORIES: [#category_index; #count] = [#(#categories),*];
                &CATEGORIES
            }

            /// Where each code's cases start among all cases, and where the last code's end.
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
                Self::distinct_prefixes()[Self::prefixes()[self as usize] as usize]
            }

            #doc_number
            #[must_use]
            #vis const fn number(self) -> #number_type {
                #number_body
            }

            #doc_cases
            #[must_use]
            #vis const fn cases(self) -> &'static [#case_type] {
                let starts = Self::case_starts();
                let (start, end) = (starts[self as usize] as usize, starts[self as usize + 1] as usize);
                #case_type::all().split_at(end).0.split_at(start).1
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
                #category_type::ALL[Self::categories()[self as usize] as usize]
            }

            #doc_from_code
            #[must_use]
            #[inline]
            #vis const fn from_code(code: &str) -> ::core::option::Option<Self> {
                Self::lookup(code.as_bytes())
            }

            /// The length of the prefix of `bytes` and its number: a `PREFIX.DIGITS` or
            /// `DIGITS` input (1 to 9 digits) has both; another has what comes before its last
            /// dot (or nothing) and no number. The trailing digits are found 8 at a time in
            /// `last`, the last word of `bytes` (see `words`), and read with three
            /// multiplications.
            #[inline]
            const fn shape(bytes: &[u8], last: u64) -> (usize, ::core::option::Option<u32>) {
                let len = bytes.len();
                let (mut digits, values) = Self::trailing_digits(last);
                let mut high = 0;
                if digits == 8 && len > 8 && bytes[len - 9].is_ascii_digit() {
                    high = (bytes[len - 9] - b'0') as u64;
                    digits = if len > 9 && bytes[len - 10].is_ascii_digit() { 10 } else { 9 };
                }
                if digits >= 1 && digits <= 9 && (digits == len || bytes[len - 1 - digits] == b'.') {
                    let low_digits = if digits > 8 { 8 } else { digits };
                    let number = (high * 100_000_000 + Self::digits_value(values, low_digits)) as u32;
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

            /// How many ASCII digits end `last` (at most 8), and `last` with `b'0'` taken from
            /// each byte, which `digit_bytes` reads.
            #[inline(always)]
            const fn trailing_digits(last: u64) -> (usize, u64) {
                let values = last ^ 0x3030_3030_3030_3030;
                // Bit 7 of each byte that is not an ASCII digit; no byte carries into the next.
                // The padding of a short input is zeros, which are not digits.
                let not_digits = (((values & 0x7F7F_7F7F_7F7F_7F7F) + 0x7676_7676_7676_7676) | values)
                    & 0x8080_8080_8080_8080;
                ((not_digits.leading_zeros() / 8) as usize, values)
            }

            /// The top `digits` bytes (1 to 8) of `values` (see `trailing_digits`), each a
            /// digit's value, the last digit highest; the bytes below them cleared, zeros in
            /// front of the number.
            #[inline(always)]
            const fn digit_bytes(values: u64, digits: usize) -> u64 {
                values & u64::MAX.wrapping_shl(8 * (8 - digits) as u32)
            }

            /// The number that `digit_bytes` write.
            #[inline(always)]
            const fn digits_value(values: u64, digits: usize) -> u64 {
                let mut number = Self::digit_bytes(values, digits);
                number = ((number & 0x0F0F_0F0F_0F0F_0F0F).wrapping_mul((10 << 8) + 1)) >> 8;
                number = ((number & 0x00FF_00FF_00FF_00FF).wrapping_mul((100 << 16) + 1)) >> 16;
                ((number & 0x0000_FFFF_0000_FFFF).wrapping_mul((10_000 << 32) + 1)) >> 32
            }

            /// Whether `bytes` is shaped like a numbered code: `DIGITS`, or `PREFIX.DIGITS` with
            /// a prefix of ASCII letters, digits, `-`, `_` and dots that starts with a letter.
            #[inline]
            const fn is_numbered(bytes: &[u8]) -> bool {
                let (prefix_len, number) = Self::shape(bytes, Self::words(bytes).1);
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

        impl ::core::fmt::Debug for #code_type {
            /// Writes the variant's name, as `#[derive(Debug)]` would. Read from a table: the
            /// derived `match` over every variant is most of the build time of a crate with
            /// thousands of codes.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(Self::names()[*self as usize])
            }
        }

        impl ::core::fmt::Display for #code_type {
            #doc_display
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::core::str::FromStr for #code_type {
            type Err = #parse_error_type;

            #[inline]
            fn from_str(code: &str) -> ::core::result::Result<Self, #parse_error_type> {
                match Self::from_code(code) {
                    ::core::option::Option::Some(found) => ::core::result::Result::Ok(found),
                    ::core::option::Option::None => ::core::result::Result::Err(#parse_error_type::new(code)),
                }
            }
        }

        impl<'a> ::core::convert::TryFrom<&'a str> for #code_type {
            type Error = #parse_error_type;

            #[inline]
            fn try_from(code: &'a str) -> ::core::result::Result<Self, #parse_error_type> {
                code.parse()
            }
        }
    }
}

/// What `numbers()` holds for a code without a number.
const NO_NUMBER: u32 = u32::MAX;

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
