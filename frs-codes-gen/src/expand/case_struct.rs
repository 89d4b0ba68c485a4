//! The case type: one documented occurrence of a code, with its status and texts.
//!
//! A case is its position among all cases; its fields are read from flat arrays of plain values,
//! the cheapest shape for rustc to check at thousands of cases: statuses (0 for none: statuses
//! are 100 to 599) and positions in one table of every distinct text (0, the empty text, for
//! none: texts are never empty). The array of all cases that `cases()` slices is filled by a
//! `const` loop rather than written out.

use super::docs::Docs;
use super::{index_literal, index_type, Distinct, Optional, Signatures};
use crate::model::Catalogue;
use crate::options::Options;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub(super) fn case_struct(
    options: &Options,
    catalogue: &Catalogue,
    docs: &Docs,
    signatures: &Signatures,
) -> TokenStream {
    let Options {
        code_type,
        case_type,
        vis,
        ..
    } = options;
    let cases: Vec<(usize, &crate::Case)> = catalogue
        .codes
        .iter()
        .enumerate()
        .flat_map(|(index, code)| code.cases.iter().map(move |case| (index, case)))
        .collect();
    let count = cases.len();
    let position = index_type(count);
    let code_position = index_type(catalogue.codes.len());
    let codes = cases
        .iter()
        .map(|(code, _)| Literal::usize_unsuffixed(*code));
    let statuses = cases
        .iter()
        .map(|(_, case)| Literal::u16_unsuffixed(case.status.unwrap_or(0)));
    let joined_measures: Vec<Option<String>> = cases
        .iter()
        .map(|(_, case)| case.measure.as_ref().map(|lines| lines.join("\n")))
        .collect();
    // Position 0 is the empty text, which stands for none.
    let mut texts = Distinct::default();
    texts.position("");
    let messages = positions(
        &mut texts,
        cases.iter().map(|(_, case)| case.message.as_deref()),
    );
    let descriptions = positions(
        &mut texts,
        cases
            .iter()
            .map(|(_, case)| Some(case.description.as_str())),
    );
    let measures = positions(&mut texts, joined_measures.iter().map(Option::as_deref));
    let texts = texts.texts;
    let text_count = texts.len();
    let text_index = index_type(text_count);
    let status_type = signatures.status.ty(quote!(u16));
    let message_type = signatures.message.ty(quote!(&'static str));
    let measure_type = signatures.measure.ty(quote!(&'static str));
    let none = quote!(::core::option::Option::None);
    let some = |value: TokenStream| quote!(::core::option::Option::Some(#value));
    let status_body = match signatures.status {
        Optional::Always => quote!(Self::statuses()[self.0 as usize]),
        Optional::Sometimes => {
            let found = some(quote!(status));
            quote! {
                let status = Self::statuses()[self.0 as usize];
                if status == 0 { #none } else { #found }
            }
        }
    };
    let text_body = |optional: Optional, table: TokenStream| match optional {
        Optional::Always => quote!(Self::texts()[#table[self.0 as usize] as usize]),
        Optional::Sometimes => {
            let found = some(quote!(Self::texts()[text as usize]));
            quote! {
                let text = #table[self.0 as usize];
                if text == 0 { #none } else { #found }
            }
        }
    };
    let message_body = text_body(signatures.message, quote!(Self::messages()));
    let measure_body = text_body(signatures.measure, quote!(Self::measures()));
    let doc_struct = docs.case_struct();
    let doc_code = docs.case_method("code");
    let doc_status = docs.case_method("status");
    let doc_message = docs.case_method("message");
    let doc_description = docs.case_method("description");
    let doc_measure = docs.case_method("measure");
    quote! {
        #doc_struct
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        #vis struct #case_type(#position);

        impl #case_type {
            /// Every case, code after code in catalogue order.
            const fn all() -> &'static [Self; #count] {
                static CASES: [#case_type; #count] = {
                    let mut cases = [#case_type(0); #count];
                    let mut index = 0;
                    while index < #count {
                        cases[index] = #case_type(index as #position);
                        index += 1;
                    }
                    cases
                };
                &CASES
            }

            /// Each case's code, as its position in the code enum's `ALL`.
            const fn codes() -> &'static [#code_position; #count] {
                static CODES: [#code_position; #count] = [#(#codes),*];
                &CODES
            }

            /// Each case's status; 0 where the catalogue documents none.
            const fn statuses() -> &'static [u16; #count] {
                static STATUSES: [u16; #count] = [#(#statuses),*];
                &STATUSES
            }

            /// Every text of the cases, once; the first is empty.
            const fn texts() -> &'static [&'static str; #text_count] {
                static TEXTS: [&str; #text_count] = [#(#texts),*];
                &TEXTS
            }

            /// Each case's message, as its position in `texts`; 0 where there is none.
            const fn messages() -> &'static [#text_index; #count] {
                static MESSAGES: [#text_index; #count] = [#(#messages),*];
                &MESSAGES
            }

            /// Each case's description, as its position in `texts`.
            const fn descriptions() -> &'static [#text_index; #count] {
                static DESCRIPTIONS: [#text_index; #count] = [#(#descriptions),*];
                &DESCRIPTIONS
            }

            /// Each case's measure (lines joined with `\n`), as its position in `texts`; 0
            /// where the catalogue says nothing.
            const fn measures() -> &'static [#text_index; #count] {
                static MEASURES: [#text_index; #count] = [#(#measures),*];
                &MEASURES
            }

            #doc_code
            #[must_use]
            #vis const fn code(self) -> #code_type {
                #code_type::all()[Self::codes()[self.0 as usize] as usize]
            }

            #doc_status
            #[must_use]
            #vis const fn status(self) -> #status_type {
                #status_body
            }

            #doc_message
            #[must_use]
            #vis const fn message(self) -> #message_type {
                #message_body
            }

            #doc_description
            #[must_use]
            #vis const fn description(self) -> &'static str {
                Self::texts()[Self::descriptions()[self.0 as usize] as usize]
            }

            #doc_measure
            #[must_use]
            #vis const fn measure(self) -> #measure_type {
                #measure_body
            }
        }

        impl ::core::fmt::Debug for #case_type {
            /// Shows the case's code, status and texts, as `#[derive(Debug)]` would on a
            /// struct of them.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(::core::stringify!(#case_type))
                    .field("code", &self.code())
                    .field("status", &self.status())
                    .field("message", &self.message())
                    .field("description", &self.description())
                    .field("measure", &self.measure())
                    .finish()
            }
        }
    }
}

/// Each text's position in `texts`, 0 for none.
fn positions<'a>(
    texts: &mut Distinct<'a>,
    column: impl Iterator<Item = Option<&'a str>>,
) -> Vec<Literal> {
    column
        .map(|text| index_literal(text.map_or(0, |text| texts.position(text))))
        .collect()
}
