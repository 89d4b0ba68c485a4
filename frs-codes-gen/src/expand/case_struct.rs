//! The case type: one documented occurrence of a code, with its status and texts.

use super::docs::Docs;
use super::Signatures;
use crate::options::Options;
use proc_macro2::TokenStream;
use quote::quote;

pub(super) fn case_struct(options: &Options, docs: &Docs, signatures: &Signatures) -> TokenStream {
    let Options {
        code_type,
        case_type,
        vis,
        ..
    } = options;
    let status_type = signatures.status.ty(quote!(u16));
    let message_type = signatures.message.ty(quote!(&'static str));
    let measure_type = signatures.measure.ty(quote!(&'static str));
    let doc_struct = docs.case_struct();
    let doc_code = docs.case_method("code");
    let doc_status = docs.case_method("status");
    let doc_message = docs.case_method("message");
    let doc_description = docs.case_method("description");
    let doc_measure = docs.case_method("measure");
    quote! {
        #doc_struct
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #vis struct #case_type {
            code: #code_type,
            status: #status_type,
            message: #message_type,
            description: &'static str,
            measure: #measure_type,
        }

        impl #case_type {
            #doc_code
            #[must_use]
            #vis const fn code(self) -> #code_type {
                self.code
            }

            #doc_status
            #[must_use]
            #vis const fn status(self) -> #status_type {
                self.status
            }

            #doc_message
            #[must_use]
            #vis const fn message(self) -> #message_type {
                self.message
            }

            #doc_description
            #[must_use]
            #vis const fn description(self) -> &'static str {
                self.description
            }

            #doc_measure
            #[must_use]
            #vis const fn measure(self) -> #measure_type {
                self.measure
            }
        }
    }
}
