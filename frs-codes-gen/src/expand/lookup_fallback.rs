//! `lookup` by a table per prefix: dense when the prefix's numbers are close together, a binary
//! search otherwise. The fallback for catalogues whose numbers are too scattered for the page
//! tables of [`lookup`](super::lookup).

use crate::model::{Catalogue, Prefix};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// A prefix's codes go in a table indexed by number when it is at most this much larger than
/// a sorted list; otherwise lookup is a binary search over the sorted numbers.
const DENSE_SLACK: usize = 4;
const DENSE_MIN: usize = 64;

/// `lookup` and its tables.
pub(super) fn lookup(catalogue: &Catalogue) -> TokenStream {
    let (slot_type, no_slot) = slot_type(catalogue.codes.len());
    let (tables, arms): (Vec<_>, Vec<_>) = catalogue
        .prefixes
        .iter()
        .enumerate()
        .map(|(index, prefix)| number_lookup(index, prefix, &slot_type, &no_slot))
        .unzip();
    by_number_lookup(&tables, &arms, &no_slot)
}

/// The smallest unsigned type that indexes every code, and its "no code here" marker.
fn slot_type(count: usize) -> (TokenStream, TokenStream) {
    if count < usize::from(u16::MAX) {
        (quote!(u16), quote!(u16::MAX))
    } else {
        (quote!(u32), quote!(u32::MAX))
    }
}

/// `lookup` by the per-prefix tables of [`number_lookup`].
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
