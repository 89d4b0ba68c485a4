//! The category enum: titles, prefixes and ranges, and the category of any well-formed code.

use super::docs::Docs;
use super::variant;
use crate::model::Catalogue;
use crate::options::Options;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub(super) fn category_enum(options: &Options, catalogue: &Catalogue, docs: &Docs) -> TokenStream {
    let Options {
        code_type,
        category_type,
        vis,
        ..
    } = options;
    let count = catalogue.categories.len();
    let variants = catalogue
        .categories
        .iter()
        .enumerate()
        .map(|(index, category)| {
            let doc = docs.category_variant(index);
            let ident = variant(&category.name);
            quote!(#doc #ident,)
        });
    let all = catalogue
        .categories
        .iter()
        .map(|category| variant(&category.name));
    let titles = catalogue.categories.iter().map(|category| &category.title);
    let prefixes = catalogue
        .categories
        .iter()
        .map(|category| &category.prefixes[0]);
    let all_prefixes = catalogue.categories.iter().map(|category| {
        let prefixes = &category.prefixes;
        quote!(&[#(#prefixes),*])
    });
    let starts = catalogue
        .categories
        .iter()
        .map(|category| Literal::u32_unsuffixed(*category.range.start()));
    let ends = catalogue
        .categories
        .iter()
        .map(|category| Literal::u32_unsuffixed(*category.range.end()));
    let codes = (0..count).map(|index| {
        let members = catalogue
            .codes
            .iter()
            .filter(|code| code.category == index)
            .map(|code| variant(&code.name));
        quote!(&[#(#code_type::#members),*])
    });
    let prefix_arms = catalogue
        .prefixes
        .iter()
        .enumerate()
        .map(|(index, prefix)| {
            let ranges = prefix.ranges.iter().map(|&(start, end, category)| {
                let ident = variant(&catalogue.categories[category].name);
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
        #doc_enum
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #category_type {
            #(#variants)*
        }

        impl #category_type {
            #doc_all
            #vis const ALL: &'static [Self] = &[#(Self::#all),*];
            const TITLES: [&'static str; #count] = [#(#titles),*];
            const PREFIXES: [&'static str; #count] = [#(#prefixes),*];
            const ALL_PREFIXES: [&'static [&'static str]; #count] = [#(#all_prefixes),*];
            const STARTS: [u32; #count] = [#(#starts),*];
            const ENDS: [u32; #count] = [#(#ends),*];
            const CODES: [&'static [#code_type]; #count] = [#(#codes),*];

            #doc_title
            #[must_use]
            #vis const fn title(self) -> &'static str {
                Self::TITLES[self as usize]
            }

            #doc_prefix
            #[must_use]
            #vis const fn prefix(self) -> &'static str {
                Self::PREFIXES[self as usize]
            }

            #doc_prefixes
            #[must_use]
            #vis const fn prefixes(self) -> &'static [&'static str] {
                Self::ALL_PREFIXES[self as usize]
            }

            #doc_range
            #[must_use]
            #vis const fn range(self) -> ::core::ops::RangeInclusive<u32> {
                ::core::ops::RangeInclusive::new(Self::STARTS[self as usize], Self::ENDS[self as usize])
            }

            #doc_codes
            #[must_use]
            #vis const fn codes(self) -> &'static [#code_type] {
                Self::CODES[self as usize]
            }

            #doc_of
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
