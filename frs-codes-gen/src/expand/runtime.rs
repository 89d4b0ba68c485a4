//! The `frs-codes` runtime's traits for the generated types.

use super::{variant, Signatures};
use crate::model::{Catalogue, CodeRetry, RetryClass};
use crate::options::Options;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// The `frs-codes` runtime's traits (and, through its `__impl_serde!`, serde) for the generated
/// types; nothing unless the runtime's `frs_codes!` wrapper named itself, so that output of the
/// bare proc macro depends on `core` alone.
pub(super) fn runtime_impls(
    options: &Options,
    catalogue: &Catalogue,
    signatures: &Signatures,
) -> TokenStream {
    let Some(runtime) = &options.runtime else {
        return TokenStream::new();
    };
    let Options {
        code_type,
        category_type,
        case_type,
        ..
    } = options;
    let case_status = signatures
        .status
        .as_option(quote!(#case_type::status(self)));
    let case_message = signatures
        .message
        .as_option(quote!(#case_type::message(self)));
    let case_measure = signatures
        .measure
        .as_option(quote!(#case_type::measure(self)));
    let retry = |class: RetryClass| {
        let variant = format_ident!("{}", class.variant());
        quote!(#runtime::Retry::#variant)
    };
    let code_retry_arms = catalogue.codes.iter().map(|code| {
        let ident = variant(&code.name);
        match &code.retry {
            None => TokenStream::new(),
            Some(CodeRetry::Always(class)) => {
                let class = retry(*class);
                quote!((Self::#ident, _) => #class,)
            }
            Some(CodeRetry::ByStatus(classes)) => {
                let arms = classes.iter().map(|(status, class)| {
                    let status = Literal::u16_unsuffixed(*status);
                    let class = retry(*class);
                    quote!((Self::#ident, #status) => #class,)
                });
                quote!(#(#arms)*)
            }
        }
    });
    let status_retry_arms = catalogue.retry.iter().map(|(status, class)| {
        let status = Literal::u16_unsuffixed(*status);
        let class = retry(*class);
        quote!(#status => #class,)
    });
    let no_retry = retry(RetryClass::No);
    let count = catalogue.categories.len();
    let names = catalogue
        .categories
        .iter()
        .map(|category| category.name.clone());
    quote! {
        impl #runtime::CatalogueCode for #code_type {
            type Category = #category_type;
            type Case = #case_type;
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

            fn cases(self) -> &'static [#case_type] {
                #code_type::cases(self)
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

        impl #runtime::CatalogueCase for #case_type {
            fn status(self) -> ::core::option::Option<u16> {
                #case_status
            }

            fn message(self) -> ::core::option::Option<&'static str> {
                #case_message
            }

            fn description(self) -> &'static str {
                #case_type::description(self)
            }

            fn measure(self) -> ::core::option::Option<&'static str> {
                #case_measure
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
