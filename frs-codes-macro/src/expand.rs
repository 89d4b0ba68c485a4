//! The generated code: tables indexed by discriminant for every reverse lookup, and a lookup by
//! prefix and number (never a long string `match`) for parsing.

use crate::args::Args;
use crate::validate::{Code, CodeRetryRule, Model, Prefix, RetryClass};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use std::fmt::Write as _;
use std::path::Path;

mod fast;

/// A prefix's codes go in a table indexed by number when it is at most this much larger than
/// a sorted list; otherwise lookup is a binary search over the sorted numbers.
const DENSE_SLACK: usize = 4;
const DENSE_MIN: usize = 64;

/// How many bytes of a rejected input the parse error keeps inline: enough for any code with a
/// prefix of up to 30 characters, and no allocation, so the generated code works without `alloc`.
const KEPT_INPUT: usize = 40;

pub(crate) fn expand(args: &Args, model: &Model, catalogue_path: &Path) -> TokenStream {
    let docs = Docs::new(args, model);
    let tracking = catalogue_path.to_string_lossy().into_owned();
    let code_enum = code_enum(args, model, &docs);
    let category_enum = category_enum(args, model, &docs);
    let parse_error = parse_error(args, model);
    let runtime_impls = runtime_impls(args, model);
    quote! {
        // Makes rustc (and so Cargo) see the catalogue as an input: editing it rebuilds the caller.
        const _: &[u8] = ::core::include_bytes!(#tracking);
        #code_enum
        #category_enum
        #parse_error
        #runtime_impls
    }
}

/// The `frs-codes` runtime's traits (and, through its `__impl_serde!`, serde) for the generated
/// types; nothing unless the runtime's `frs_codes!` wrapper named itself, so that output of the
/// bare proc macro depends on `core` alone.
fn runtime_impls(args: &Args, model: &Model) -> TokenStream {
    let Some(runtime) = &args.runtime else {
        return TokenStream::new();
    };
    let Args {
        code_type,
        category_type,
        ..
    } = args;
    let retry = |class: RetryClass| {
        let variant = format_ident!("{}", class.variant());
        quote!(#runtime::Retry::#variant)
    };
    let code_retry_arms = model.codes.iter().map(|code| {
        let ident = &code.ident;
        match &code.retry {
            None => TokenStream::new(),
            Some(CodeRetryRule::Always(class)) => {
                let class = retry(*class);
                quote!((Self::#ident, _) => #class,)
            }
            Some(CodeRetryRule::ByStatus(classes)) => {
                let arms = classes.iter().map(|(status, class)| {
                    let status = Literal::u16_unsuffixed(*status);
                    let class = retry(*class);
                    quote!((Self::#ident, #status) => #class,)
                });
                quote!(#(#arms)*)
            }
        }
    });
    let status_retry_arms = model.status_retry.iter().map(|(status, class)| {
        let status = Literal::u16_unsuffixed(*status);
        let class = retry(*class);
        quote!(#status => #class,)
    });
    let no_retry = retry(RetryClass::No);
    let count = model.categories.len();
    let names = model
        .categories
        .iter()
        .map(|category| category.ident.to_string());
    quote! {
        impl #runtime::CatalogueCode for #code_type {
            type Category = #category_type;
            const ALL: &'static [Self] = #code_type::ALL;

            fn from_code(code: &str) -> ::core::option::Option<Self> {
                #code_type::from_code(code)
            }

            fn as_str(self) -> &'static str {
                #code_type::as_str(self)
            }

            fn description(self) -> &'static str {
                #code_type::description(self)
            }

            fn http_statuses(self) -> &'static [u16] {
                #code_type::http_statuses(self)
            }

            fn category(self) -> #category_type {
                #code_type::category(self)
            }

            fn retry(self, status: u16) -> #runtime::Retry {
                match (self, status) {
                    #(#code_retry_arms)*
                    _ => <Self as #runtime::CatalogueCode>::retry_for_status(status),
                }
            }

            fn retry_for_status(status: u16) -> #runtime::Retry {
                match status {
                    #(#status_retry_arms)*
                    _ => #no_retry,
                }
            }
        }

        impl #runtime::CatalogueCategory for #category_type {
            const ALL: &'static [Self] = #category_type::ALL;

            fn name(self) -> &'static str {
                const NAMES: [&str; #count] = [#(#names),*];
                NAMES[self as usize]
            }

            fn title(self) -> &'static str {
                #category_type::title(self)
            }

            fn of(code: &str) -> ::core::option::Option<Self> {
                #category_type::of(code)
            }
        }

        #runtime::__impl_serde!(#code_type, #category_type);
    }
}

fn code_enum(args: &Args, model: &Model, docs: &Docs) -> TokenStream {
    let Args {
        code_type,
        category_type,
        parse_error_type,
        vis,
        ..
    } = args;
    let count = model.codes.len();
    let variants = model.codes.iter().map(|code| {
        let doc = docs.variant(code);
        let ident = &code.ident;
        quote!(#[doc = #doc] #ident,)
    });
    let all = model.codes.iter().map(|code| &code.ident);
    let strings = model.codes.iter().map(|code| &code.code);
    let prefixes = model.codes.iter().map(|code| &code.prefix);
    let numbers = model
        .codes
        .iter()
        .map(|code| Literal::u32_unsuffixed(code.number));
    let statuses = model.codes.iter().map(|code| {
        let statuses = code
            .statuses
            .iter()
            .map(|status| Literal::u16_unsuffixed(*status));
        quote!(&[#(#statuses),*])
    });
    let descriptions = model.codes.iter().map(|code| &code.description);
    let measures = model.codes.iter().map(|code| code.measure.join("\n"));
    let categories = model
        .codes
        .iter()
        .map(|code| &model.categories[code.category].ident);
    let (slot_type, no_slot) = slot_type(count);
    let lookup = fast::lookup(model).unwrap_or_else(|| {
        let (tables, arms): (Vec<_>, Vec<_>) = model
            .prefixes
            .iter()
            .enumerate()
            .map(|(index, prefix)| number_lookup(index, prefix, &slot_type, &no_slot))
            .unzip();
        by_number_lookup(&tables, &arms, &no_slot)
    });
    let prefix_arms = model.prefixes.iter().enumerate().map(|(index, prefix)| {
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
        #[doc = #doc_enum]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #code_type {
            #(#variants)*
        }

        impl #code_type {
            #[doc = #doc_all]
            #vis const ALL: &'static [Self] = &[#(Self::#all),*];
            const CODES: [&'static str; #count] = [#(#strings),*];
            const PREFIXES: [&'static str; #count] = [#(#prefixes),*];
            const NUMBERS: [u32; #count] = [#(#numbers),*];
            const STATUSES: [&'static [u16]; #count] = [#(#statuses),*];
            const DESCRIPTIONS: [&'static str; #count] = [#(#descriptions),*];
            const MEASURES: [&'static str; #count] = [#(#measures),*];
            const CATEGORIES: [#category_type; #count] = [#(#category_type::#categories),*];
            #lookup

            #[doc = #doc_as_str]
            #[must_use]
            #vis const fn as_str(self) -> &'static str {
                Self::CODES[self as usize]
            }

            #[doc = #doc_prefix]
            #[must_use]
            #vis const fn prefix(self) -> &'static str {
                Self::PREFIXES[self as usize]
            }

            #[doc = #doc_number]
            #[must_use]
            #vis const fn number(self) -> u32 {
                Self::NUMBERS[self as usize]
            }

            #[doc = #doc_status]
            #[must_use]
            #vis const fn http_status(self) -> u16 {
                Self::STATUSES[self as usize][0]
            }

            #[doc = #doc_statuses]
            #[must_use]
            #vis const fn http_statuses(self) -> &'static [u16] {
                Self::STATUSES[self as usize]
            }

            #[doc = #doc_description]
            #[must_use]
            #vis const fn description(self) -> &'static str {
                Self::DESCRIPTIONS[self as usize]
            }

            #[doc = #doc_measure]
            #[must_use]
            #vis const fn measure(self) -> &'static str {
                Self::MEASURES[self as usize]
            }

            #[doc = #doc_category]
            #[must_use]
            #vis const fn category(self) -> #category_type {
                Self::CATEGORIES[self as usize]
            }

            #[doc = #doc_from_code]
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

/// The smallest unsigned type that indexes every code, and its "no code here" marker.
fn slot_type(count: usize) -> (TokenStream, TokenStream) {
    if count < usize::from(u16::MAX) {
        (quote!(u16), quote!(u16::MAX))
    } else {
        (quote!(u32), quote!(u32::MAX))
    }
}

/// `lookup` by the per-prefix tables of [`number_lookup`]: the fallback for catalogues whose
/// numbers are too scattered for [`fast::lookup`]'s page tables.
fn by_number_lookup(
    tables: &[TokenStream],
    arms: &[TokenStream],
    no_slot: &TokenStream,
) -> TokenStream {
    quote! {
        #(#tables)*

        const fn lookup(bytes: &[u8]) -> ::core::option::Option<Self> {
            let ::core::option::Option::Some((prefix, number)) = Self::locate(bytes) else {
                return ::core::option::Option::None;
            };
            let ::core::option::Option::Some(found) = Self::by_number(prefix, number) else {
                return ::core::option::Option::None;
            };
            // The number alone would accept other spellings ("FRS.202" for "FRS.0202").
            let expected = found.as_str().as_bytes();
            if expected.len() != bytes.len() {
                return ::core::option::Option::None;
            }
            let mut index = 0;
            while index < bytes.len() {
                if expected[index] != bytes[index] {
                    return ::core::option::Option::None;
                }
                index += 1;
            }
            ::core::option::Option::Some(found)
        }

        const fn by_number(prefix: usize, number: u32) -> ::core::option::Option<Self> {
            let slot = match prefix {
                #(#arms)*
                _ => #no_slot,
            };
            if slot == #no_slot {
                ::core::option::Option::None
            } else {
                ::core::option::Option::Some(Self::ALL[slot as usize])
            }
        }
    }
}

/// The lookup table of one prefix and the `match` arm that consults it.
fn number_lookup(
    index: usize,
    prefix: &Prefix,
    slot_type: &TokenStream,
    no_slot: &TokenStream,
) -> (TokenStream, TokenStream) {
    let (Some(&(first, _)), Some(&(last, _))) = (prefix.codes.first(), prefix.codes.last()) else {
        return (quote!(), quote!(#index => #no_slot,));
    };
    let span = (last - first) as usize + 1;
    let slot = |code: usize| Literal::usize_unsuffixed(code);
    if span <= prefix.codes.len() * DENSE_SLACK + DENSE_MIN {
        let table = format_ident!("BY_NUMBER_{}", index);
        let mut slots = vec![None; span];
        for &(number, code) in &prefix.codes {
            slots[(number - first) as usize] = Some(code);
        }
        let slots = slots.into_iter().map(|code| match code {
            Some(code) => {
                let code = slot(code);
                quote!(#code)
            }
            None => no_slot.clone(),
        });
        let first = Literal::u32_unsuffixed(first);
        let last = Literal::u32_unsuffixed(last);
        (
            quote!(const #table: [#slot_type; #span] = [#(#slots),*];),
            quote!(#index => match number {
                #first..=#last => Self::#table[(number - #first) as usize],
                _ => #no_slot,
            },),
        )
    } else {
        let numbers_table = format_ident!("NUMBERS_OF_PREFIX_{}", index);
        let slots_table = format_ident!("SLOTS_OF_PREFIX_{}", index);
        let count = prefix.codes.len();
        let numbers = prefix
            .codes
            .iter()
            .map(|(number, _)| Literal::u32_unsuffixed(*number));
        let slots = prefix.codes.iter().map(|(_, code)| slot(*code));
        (
            quote! {
                const #numbers_table: [u32; #count] = [#(#numbers),*];
                const #slots_table: [#slot_type; #count] = [#(#slots),*];
            },
            quote!(#index => {
                let (mut low, mut high) = (0, #count);
                let mut found = #no_slot;
                while low < high {
                    let middle = low + (high - low) / 2;
                    let candidate = Self::#numbers_table[middle];
                    if candidate == number {
                        found = Self::#slots_table[middle];
                        break;
                    } else if candidate < number {
                        low = middle + 1;
                    } else {
                        high = middle;
                    }
                }
                found
            },),
        )
    }
}

fn category_enum(args: &Args, model: &Model, docs: &Docs) -> TokenStream {
    let Args {
        code_type,
        category_type,
        vis,
        ..
    } = args;
    let count = model.categories.len();
    let variants = model
        .categories
        .iter()
        .enumerate()
        .map(|(index, category)| {
            let doc = docs.category_variant(index);
            let ident = &category.ident;
            quote!(#[doc = #doc] #ident,)
        });
    let all = model.categories.iter().map(|category| &category.ident);
    let titles = model.categories.iter().map(|category| &category.title);
    let prefixes = model
        .categories
        .iter()
        .map(|category| &category.prefixes[0]);
    let all_prefixes = model.categories.iter().map(|category| {
        let prefixes = &category.prefixes;
        quote!(&[#(#prefixes),*])
    });
    let starts = model
        .categories
        .iter()
        .map(|category| Literal::u32_unsuffixed(category.start));
    let ends = model
        .categories
        .iter()
        .map(|category| Literal::u32_unsuffixed(category.end));
    let codes = (0..count).map(|index| {
        let members = model
            .codes
            .iter()
            .filter(|code| code.category == index)
            .map(|code| &code.ident);
        quote!(&[#(#code_type::#members),*])
    });
    let prefix_arms = model.prefixes.iter().enumerate().map(|(index, prefix)| {
        let ranges = prefix.ranges.iter().map(|&(start, end, category)| {
            let ident = &model.categories[category].ident;
            let start = Literal::u32_unsuffixed(start);
            let end = Literal::u32_unsuffixed(end);
            quote!(#start..=#end => ::core::option::Option::Some(Self::#ident),)
        });
        quote!(#index => match number {
            #(#ranges)*
            _ => ::core::option::Option::None,
        },)
    });
    let doc_enum = docs.category_enum();
    let doc_all = docs.category_method("ALL");
    let doc_title = docs.category_method("title");
    let doc_prefix = docs.category_method("prefix");
    let doc_prefixes = docs.category_method("prefixes");
    let doc_range = docs.category_method("range");
    let doc_codes = docs.category_method("codes");
    let doc_of = docs.category_method("of");
    quote! {
        #[doc = #doc_enum]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #category_type {
            #(#variants)*
        }

        impl #category_type {
            #[doc = #doc_all]
            #vis const ALL: &'static [Self] = &[#(Self::#all),*];
            const TITLES: [&'static str; #count] = [#(#titles),*];
            const PREFIXES: [&'static str; #count] = [#(#prefixes),*];
            const ALL_PREFIXES: [&'static [&'static str]; #count] = [#(#all_prefixes),*];
            const STARTS: [u32; #count] = [#(#starts),*];
            const ENDS: [u32; #count] = [#(#ends),*];
            const CODES: [&'static [#code_type]; #count] = [#(#codes),*];

            #[doc = #doc_title]
            #[must_use]
            #vis const fn title(self) -> &'static str {
                Self::TITLES[self as usize]
            }

            #[doc = #doc_prefix]
            #[must_use]
            #vis const fn prefix(self) -> &'static str {
                Self::PREFIXES[self as usize]
            }

            #[doc = #doc_prefixes]
            #[must_use]
            #vis const fn prefixes(self) -> &'static [&'static str] {
                Self::ALL_PREFIXES[self as usize]
            }

            #[doc = #doc_range]
            #[must_use]
            #vis const fn range(self) -> ::core::ops::RangeInclusive<u32> {
                ::core::ops::RangeInclusive::new(Self::STARTS[self as usize], Self::ENDS[self as usize])
            }

            #[doc = #doc_codes]
            #[must_use]
            #vis const fn codes(self) -> &'static [#code_type] {
                Self::CODES[self as usize]
            }

            #[doc = #doc_of]
            #[must_use]
            #vis const fn of(code: &str) -> ::core::option::Option<Self> {
                let ::core::option::Option::Some((prefix, number)) = #code_type::locate(code.as_bytes()) else {
                    return ::core::option::Option::None;
                };
                match prefix {
                    #(#prefix_arms)*
                    _ => ::core::option::Option::None,
                }
            }
        }

        impl ::core::fmt::Display for #category_type {
            /// Writes the category's title, e.g. `Service management errors`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.title())
            }
        }
    }
}

fn parse_error(args: &Args, model: &Model) -> TokenStream {
    let Args {
        code_type,
        category_type,
        parse_error_type,
        vis,
        ..
    } = args;
    let example = &model.codes[0].code;
    let doc = format!(
        "Why a string is not a [`{code_type}`]: either it is not shaped like a code \
         (`PREFIX.DIGITS`, e.g. `{example}`), or it is a well-formed code that the catalogue \
         does not list.\n\nIt keeps the rejected input (its first {KEPT_INPUT} bytes, cut at a \
         character boundary, so no allocation is needed) and, for a well-formed code, the \
         [`{category_type}`] its number falls in."
    );
    let malformed =
        format!("`{{}}{{}}` is not an error code: expected PREFIX.DIGITS, e.g. `{example}`");
    quote! {
        #[doc = #doc]
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

/// Rustdoc text for every generated item. Examples are written only when the caller names the
/// path users reach the types by (`doc_path`), since they run as doctests of the calling crate.
struct Docs<'a> {
    args: &'a Args,
    model: &'a Model,
    /// The code the examples show, and one with several statuses where the catalogue has one.
    sample: &'a Code,
    multi_status: &'a Code,
}

impl<'a> Docs<'a> {
    fn new(args: &'a Args, model: &'a Model) -> Self {
        let sample = &model.codes[0];
        let multi_status = model
            .codes
            .iter()
            .find(|code| code.statuses.len() > 1)
            .unwrap_or(sample);
        Docs {
            args,
            model,
            sample,
            multi_status,
        }
    }

    fn code_enum(&self) -> String {
        format!(
            "An error code of the catalogue `{}`: {} codes in {} categories.\n\n\
             One variant per catalogue entry, in catalogue order; generated by `frs_codes!`. \
             The enum is deliberately not `#[non_exhaustive]`: a `match` without a wildcard arm \
             names every code, so a code added to the catalogue becomes a compile error exactly \
             where it needs handling.\n\n\
             `Display` writes the code (`{}`) and `FromStr` parses it back.",
            self.args.path,
            self.model.codes.len(),
            self.model.categories.len(),
            self.sample.code,
        )
    }

    fn variant(&self, code: &Code) -> String {
        let category = &self.model.categories[code.category];
        let statuses: Vec<String> = code.statuses.iter().map(u16::to_string).collect();
        let mut doc = format!(
            "`{}`: {}\n\n* HTTP status: {}\n* Category: [{}]({}::{})\n\n**Measure:**",
            code.code,
            escape_markdown(&code.description),
            statuses.join(", "),
            escape_markdown(&category.title),
            self.args.category_type,
            category.ident,
        );
        for line in &code.measure {
            let _ = write!(doc, "\n\n{}", escape_markdown(line));
        }
        doc
    }

    fn category_enum(&self) -> String {
        format!(
            "A category of error codes: a prefix and a range of numbers, as the catalogue `{}` \
             declares them. [`{}::category`] gives a code's category and \
             [`{}::of`](Self::of) the category of any well-formed code, listed or not.\n\n\
             `Display` writes the category's title.",
            self.args.path, self.args.code_type, self.args.category_type,
        )
    }

    fn category_variant(&self, index: usize) -> String {
        let category = &self.model.categories[index];
        let mut doc = format!(
            "{}: prefix `{}`, numbers {}–{}",
            escape_markdown(&category.title),
            category.prefixes[0],
            category.start,
            category.end,
        );
        if category.prefixes.len() > 1 {
            let extra: Vec<String> = category.prefixes[1..]
                .iter()
                .map(|p| format!("`{p}`"))
                .collect();
            let _ = write!(doc, " (also {})", extra.join(", "));
        }
        let count = self
            .model
            .codes
            .iter()
            .filter(|code| code.category == index)
            .count();
        let _ = write!(doc, ".\n\n{count} codes in the catalogue.");
        doc
    }

    fn method(&self, name: &str) -> String {
        let code_type = &self.args.code_type;
        let category_type = &self.args.category_type;
        let sample = self.sample;
        let variant = format!("{code_type}::{}", sample.ident);
        let multi = format!("{code_type}::{}", self.multi_status.ident);
        let (text, example) = match name {
            "ALL" => (
                "Every code of the catalogue, in catalogue order.".to_owned(),
                format!(
                    "assert_eq!({code_type}::ALL.len(), {});\nassert_eq!({code_type}::ALL[0], {variant});",
                    self.model.codes.len()
                ),
            ),
            "as_str" => (
                "The code as the service sends it in `error_code`.".to_owned(),
                format!("assert_eq!({variant}.as_str(), {:?});", sample.code),
            ),
            "prefix" => (
                "The code's prefix: the part before the dot.".to_owned(),
                format!("assert_eq!({variant}.prefix(), {:?});", sample.prefix),
            ),
            "number" => (
                "The code's number: the integer value of its digits.".to_owned(),
                format!("assert_eq!({variant}.number(), {});", sample.number),
            ),
            "http_status" => (
                "The HTTP status the service answers with this code; the first one where the \
                 catalogue lists several."
                    .to_owned(),
                format!("assert_eq!({multi}.http_status(), {});", self.multi_status.statuses[0]),
            ),
            "http_statuses" => (
                "Every HTTP status the catalogue lists for this code, in its order; never empty."
                    .to_owned(),
                format!("assert_eq!({multi}.http_statuses(), &{:?});", self.multi_status.statuses),
            ),
            "description" => (
                "What the error means, worded as in the catalogue.".to_owned(),
                format!("assert_eq!({variant}.description(), {:?});", sample.description),
            ),
            "measure" => (
                "What to do about the error, worded as in the catalogue; several lines are \
                 joined with `\\n`."
                    .to_owned(),
                format!("assert_eq!({variant}.measure(), {:?});", sample.measure.join("\n")),
            ),
            "category" => (
                "The category the code's number falls in.".to_owned(),
                format!(
                    "assert_eq!({variant}.category(), {category_type}::{});",
                    self.model.categories[sample.category].ident
                ),
            ),
            _ => (
                "The code spelled exactly `code` (case and zero padding included), or `None`.\n\n\
                 Constant time whatever the catalogue's size: the input's shape is checked first, \
                 then the code is found by prefix and number in a table. As a `const fn` it \
                 turns a misspelt code in a `const` item into a build error."
                    .to_owned(),
                format!(
                    "assert_eq!({code_type}::from_code({:?}), Some({variant}));\n\
                     assert_eq!({code_type}::from_code({:?}), None);\n\
                     assert_eq!({code_type}::from_code(\"not a code\"), None);",
                    sample.code,
                    format!("{}.{}", sample.prefix, sample.number),
                ),
            ),
        };
        self.with_example(text, &example)
    }

    fn category_method(&self, name: &str) -> String {
        let category_type = &self.args.category_type;
        let code_type = &self.args.code_type;
        let sample = self.sample;
        let category = &self.model.categories[sample.category];
        let variant = format!("{category_type}::{}", category.ident);
        let (text, example) = match name {
            "ALL" => (
                "Every category of the catalogue, in catalogue order.".to_owned(),
                format!(
                    "assert_eq!({category_type}::ALL.len(), {});",
                    self.model.categories.len()
                ),
            ),
            "title" => (
                "The category's title, as the catalogue gives it.".to_owned(),
                format!("assert_eq!({variant}.title(), {:?});", category.title),
            ),
            "prefix" => (
                "The category's main code prefix.".to_owned(),
                format!(
                    "assert_eq!({variant}.prefix(), {:?});",
                    category.prefixes[0]
                ),
            ),
            "prefixes" => {
                let shown = self
                    .model
                    .categories
                    .iter()
                    .find(|category| category.prefixes.len() > 1)
                    .unwrap_or(category);
                (
                    "Every prefix of the category: the main one first, then any extra prefixes \
                     the catalogue declares for it."
                        .to_owned(),
                    format!(
                        "assert_eq!({category_type}::{}.prefixes(), &{:?});",
                        shown.ident, shown.prefixes
                    ),
                )
            }
            "range" => (
                "The code numbers the category covers, both ends included.".to_owned(),
                format!(
                    "assert_eq!({variant}.range(), {}..={});",
                    category.start, category.end
                ),
            ),
            "codes" => (
                "The category's codes, in catalogue order.".to_owned(),
                format!(
                    "assert!({variant}.codes().contains(&{code_type}::{}));",
                    sample.ident
                ),
            ),
            _ => (
                "The category whose range holds the number of `code`, for any well-formed code \
                 (`PREFIX.DIGITS`), listed in the catalogue or not; `None` for a malformed code, \
                 an unknown prefix, or a number in no category's range."
                    .to_owned(),
                format!(
                    "assert_eq!({category_type}::of({:?}), Some({variant}));\n\
                     assert_eq!({category_type}::of(\"not a code\"), None);",
                    sample.code
                ),
            ),
        };
        self.with_example(text, &example)
    }

    fn with_example(&self, text: String, example: &str) -> String {
        match &self.args.doc_path {
            Some(path) => format!(
                "{text}\n\n# Examples\n\n```\nuse {}::{{{}, {}}};\n\n{example}\n```",
                quote!(#path).to_string().replace(' ', ""),
                self.args.code_type,
                self.args.category_type,
            ),
            None => text,
        }
    }
}

/// Catalogue text is prose, not Markdown: keep rustdoc from reading links, HTML or emphasis in it.
fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        if matches!(
            character,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|'
        ) {
            escaped.push('\\');
        }
        escaped.push(character);
    }
    escaped
}
