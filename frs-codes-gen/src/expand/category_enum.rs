//! The category enum: titles, prefixes, ranges and codes, and the category of any code.

use super::docs::Docs;
use super::{index_literal, index_type, variant, Optional, Signatures};
use crate::model::Catalogue;
use crate::options::Options;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub(super) fn category_enum(
    options: &Options,
    catalogue: &Catalogue,
    docs: &Docs,
    signatures: &Signatures,
) -> TokenStream {
    let Options {
        code_type,
        category_type,
        vis,
        ..
    } = options;
    let categories = &catalogue.categories;
    let count = categories.len();
    let variants = categories.iter().enumerate().map(|(index, category)| {
        let doc = docs.category_variant(index);
        let ident = variant(&category.name);
        quote!(#doc #ident,)
    });
    let all = categories.iter().map(|category| variant(&category.name));
    let titles = categories.iter().map(|category| &category.title);
    let prefix_type = signatures.category_prefix.ty(quote!(&'static str));
    // A `static`'s references are `'static` already; spelling it is clippy's
    // `redundant_static_lifetimes` in a generated file.
    let static_prefix_type = signatures.category_prefix.ty(quote!(&str));
    let prefixes = categories
        .iter()
        .map(|category| signatures.category_prefix.value(category.prefixes.first()));
    let all_prefixes = categories.iter().map(|category| {
        let prefixes = &category.prefixes;
        quote!(&[#(#prefixes),*])
    });
    let range_type = signatures
        .category_range
        .ty(quote!(::core::ops::RangeInclusive<u32>));
    let bound_type = signatures.category_range.ty(quote!((u32, u32)));
    let bounds = categories.iter().map(|category| {
        let bounds = category.range.as_ref().map(|range| {
            let (start, end) = (
                Literal::u32_unsuffixed(*range.start()),
                Literal::u32_unsuffixed(*range.end()),
            );
            quote!((#start, #end))
        });
        signatures.category_range.value(bounds)
    });
    let range_body = match signatures.category_range {
        Optional::Always => quote! {
            let (start, end) = Self::bounds()[self as usize];
            ::core::ops::RangeInclusive::new(start, end)
        },
        Optional::Sometimes => quote! {
            match Self::bounds()[self as usize] {
                ::core::option::Option::Some((start, end)) => {
                    ::core::option::Option::Some(::core::ops::RangeInclusive::new(start, end))
                }
                ::core::option::Option::None => ::core::option::Option::None,
            }
        },
    };
    let members: Vec<Vec<usize>> = (0..count)
        .map(|index| {
            (0..catalogue.codes.len())
                .filter(|&code| catalogue.codes[code].category == index)
                .collect()
        })
        .collect();
    let code_index = index_type(catalogue.codes.len());
    let contiguous = members
        .iter()
        .all(|codes| codes.windows(2).all(|pair| pair[1] == pair[0] + 1));
    // A category's codes, when they stand together in the catalogue, are a slice of `ALL`;
    // otherwise they get a table of their own.
    let (member_tables, codes_body) = if contiguous {
        let spans = members.iter().map(|codes| {
            let start = codes.first().copied().unwrap_or(0);
            let (start, end) = (index_literal(start), index_literal(start + codes.len()));
            quote!((#start, #end))
        });
        (
            quote! {
                /// Where each category's codes start and end in the code enum's `ALL`.
                const fn spans() -> &'static [(#code_index, #code_index); #count] {
                    static SPANS: [(#code_index, #code_index); #count] = [#(#spans),*];
                    &SPANS
                }
            },
            quote! {
                let (start, end) = Self::spans()[self as usize];
                #code_type::ALL.split_at(end as usize).0.split_at(start as usize).1
            },
        )
    } else {
        let member_count = catalogue.codes.len();
        let member_index = index_type(member_count);
        let mut at = 0;
        let member_starts: Vec<Literal> = std::iter::once(index_literal(0))
            .chain(members.iter().map(|codes| {
                at += codes.len();
                index_literal(at)
            }))
            .collect();
        let members = members
            .iter()
            .flatten()
            .map(|&code| variant(&catalogue.codes[code].name));
        (
            quote! {
                /// Every code, category after category, in catalogue order within each.
                const fn members() -> &'static [#code_type; #member_count] {
                    static MEMBERS: [#code_type; #member_count] = [#(#code_type::#members),*];
                    &MEMBERS
                }

                /// Where each category's codes start in `members`, and where the last one's end.
                const fn member_starts() -> &'static [#member_index; #count + 1] {
                    static MEMBER_STARTS: [#member_index; #count + 1] = [#(#member_starts),*];
                    &MEMBER_STARTS
                }
            },
            quote! {
                let starts = Self::member_starts();
                let (start, end) = (starts[self as usize] as usize, starts[self as usize + 1] as usize);
                Self::members().split_at(end).0.split_at(start).1
            },
        )
    };
    let of_bytes = super::category_of::of_bytes(catalogue, code_type, category_type);
    let doc_enum = docs.category_enum();
    let doc_all = docs.category_method("ALL");
    let doc_title = docs.category_method("title");
    let doc_prefix = docs.category_method("prefix");
    let doc_prefixes = docs.category_method("prefixes");
    let doc_range = docs.category_method("range");
    let doc_codes = docs.category_method("codes");
    let doc_of = docs.category_method("of");
    let doc_display = docs.category_display();
    quote! {
        #doc_enum
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #category_type {
            #(#variants)*
        }

        impl #category_type {
            #doc_all
            #vis const ALL: &'static [Self] = &[#(Self::#all),*];

            /// Each category's title.
            const fn titles() -> &'static [&'static str; #count] {
                static TITLES: [&str; #count] = [#(#titles),*];
                &TITLES
            }

            /// Each category's main prefix.
            const fn main_prefixes() -> &'static [#prefix_type; #count] {
                static PREFIXES: [#static_prefix_type; #count] = [#(#prefixes),*];
                &PREFIXES
            }

            /// Each category's prefixes.
            const fn all_prefixes() -> &'static [&'static [&'static str]; #count] {
                static ALL_PREFIXES: [&[&str]; #count] = [#(#all_prefixes),*];
                &ALL_PREFIXES
            }

            /// Each category's first and last number.
            const fn bounds() -> &'static [#bound_type; #count] {
                static BOUNDS: [#bound_type; #count] = [#(#bounds),*];
                &BOUNDS
            }

            #member_tables

            #doc_title
            #[must_use]
            #vis const fn title(self) -> &'static str {
                Self::titles()[self as usize]
            }

            #doc_prefix
            #[must_use]
            #vis const fn prefix(self) -> #prefix_type {
                Self::main_prefixes()[self as usize]
            }

            #doc_prefixes
            #[must_use]
            #vis const fn prefixes(self) -> &'static [&'static str] {
                Self::all_prefixes()[self as usize]
            }

            #doc_range
            #[must_use]
            #vis const fn range(self) -> #range_type {
                #range_body
            }

            #doc_codes
            #[must_use]
            #vis const fn codes(self) -> &'static [#code_type] {
                #codes_body
            }

            #doc_of
            #[must_use]
            #[inline]
            #vis const fn of(code: &str) -> ::core::option::Option<Self> {
                Self::of_bytes(code.as_bytes())
            }

            #of_bytes
        }

        impl ::core::fmt::Display for #category_type {
            #doc_display
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.title())
            }
        }
    }
}
