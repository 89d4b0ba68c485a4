//! How `Category::of` turns an input's prefix slot (see [`category_of`](super::category_of))
//! and number into its category, with no branch on either.
//!
//! Each slot has the same number of ranges, sorted by first number (an unused one starts at
//! `u64::MAX`, after every number): the number of them starting at or before the input's number,
//! counted without a branch, names the only range that can hold it, and a comparison with its
//! last number picks that range's category or the slot's `None`. A prefix held whole by a
//! category has the one range `0..=UNNUMBERED`, which an input without a number also falls in.
//! Where every prefix is held so (or by no category), as on every imported page, each slot has
//! its category instead of ranges, and the number is not read at all.

use super::category_of::Known;
use super::{index_literal, variant};
use crate::model::Catalogue;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{quote, ToTokens};

/// What `of_bytes`, `of_unusual` and `of_prefix` do with an input's number: read it as a key
/// and compare it with the ranges, or, where no category has a range, nothing.
pub(super) struct NumberUse {
    /// `of_prefix`'s parameter for the number.
    pub(super) parameter: TokenStream,
    /// The binding `of_bytes` gives the digits' values (`_` where it does not read them).
    pub(super) values: TokenStream,
    /// How `of_bytes` reads the number, and the argument it passes on.
    pub(super) read: TokenStream,
    pub(super) argument: TokenStream,
    /// `of_unusual`'s body.
    pub(super) unusual: TokenStream,
    /// How `of_prefix` ends, once it has the prefix's slot.
    pub(super) find_category: TokenStream,
    /// `of_prefix`'s doc.
    pub(super) doc: &'static str,
}

/// A range bound as a key: in hex, so that its bytes show the number's digits; the key of a
/// 9-digit number, `UNNUMBERED` and `u64::MAX` (after every number) spelled so.
fn bound_literal(bound: u64) -> TokenStream {
    match bound {
        u64::MAX => quote!(u64::MAX),
        UNNUMBERED => quote!(u64::MAX - 1),
        0 => quote!(0),
        bound if bound & NINE_DIGITS != 0 => {
            let mark = nine_digits_mark();
            let value = Literal::u64_unsuffixed(bound & !NINE_DIGITS);
            quote!(#mark | #value)
        }
        bound => {
            let digits: Vec<String> = bound
                .to_be_bytes()
                .iter()
                .skip_while(|byte| **byte == 0)
                .map(|byte| format!("{byte:02}"))
                .collect();
            format!("0x{}", digits.join("_"))
                .parse::<Literal>()
                .expect("a hex literal")
                .into_token_stream()
        }
    }
}

/// The mark of a 9-digit number's key.
const NINE_DIGITS: u64 = 1 << 63;

/// `NINE_DIGITS` as the generated code spells it, a shift that names its bit.
fn nine_digits_mark() -> TokenStream {
    let bit = Literal::u32_unsuffixed(NINE_DIGITS.trailing_zeros());
    quote!((1 << #bit))
}

/// A number as the generated code compares it: its decimal digits, one a byte, the last digit in
/// the lowest (so that an input's key is its digits' bytes in reverse order, one byte swap); a
/// 9-digit number, which the bytes cannot hold, is `NINE_DIGITS` above its value, after every
/// shorter one. Keys are in the order of their numbers.
pub(super) fn number_key(number: u32) -> u64 {
    if number >= 100_000_000 {
        return NINE_DIGITS | u64::from(number);
    }
    let (mut key, mut rest, mut shift) = (0, number, 0);
    while rest > 0 {
        key |= u64::from(rest % 10) << shift;
        rest /= 10;
        shift += 8;
    }
    key
}

/// The key of an input without a number: after every number a code can have, before the start
/// of an unused range slot.
pub(super) const UNNUMBERED: u64 = u64::MAX - 1;

/// The tables `Category::of` reads an input's category from, by its prefix's slot (and number),
/// and what the generated functions do with the number.
pub(super) fn number_use(
    catalogue: &Catalogue,
    known: &[Known<'_>],
    slot_prefix: &[Option<usize>],
    code_type: &Ident,
    category_type: &Ident,
    bytes_argument: &Option<TokenStream>,
) -> (TokenStream, NumberUse) {
    let none = quote!(::core::option::Option::None);
    let slot_count = slot_prefix.len();
    let unnumbered = bound_literal(UNNUMBERED);
    // Where every prefix is held whole by one category or by none (as on every imported page,
    // which names no ranges), the category follows from the prefix alone: the number is
    // neither read nor compared.
    let ranged = known
        .iter()
        .any(|prefix| !prefix.whole && !prefix.ranges.is_empty());
    let per_slot = known
        .iter()
        .map(|prefix| prefix.ranges.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let slot_ranges = |prefix: &Option<usize>| -> &[(u64, u64, usize)] {
        prefix.map_or(&[], |index| &known[index].ranges)
    };
    let firsts = slot_prefix.iter().flat_map(|prefix| {
        let ranges = slot_ranges(prefix);
        ranges
            .iter()
            .map(|(first, _, _)| *first)
            .chain(std::iter::repeat_n(u64::MAX, per_slot - ranges.len()))
            .map(bound_literal)
    });
    let first_count = per_slot * slot_count;
    // Each slot's ranges after one that holds no number: no range starts at or before the number
    // means the first entry; its last number lets every number through to its `None`.
    let ends: Vec<(u64, Option<usize>)> = slot_prefix
        .iter()
        .flat_map(|prefix| {
            let ranges = slot_ranges(prefix);
            std::iter::once((u64::MAX, None))
                .chain(
                    ranges
                        .iter()
                        .map(|(_, last, category)| (*last, Some(*category))),
                )
                .chain(std::iter::repeat_n((0, None), per_slot - ranges.len()))
        })
        .collect();
    let end_count = ends.len();
    let lasts = ends.iter().map(|(last, _)| bound_literal(*last));
    // Category values rather than positions in `ALL`: one load less on the way to the answer.
    let category_value = |category: Option<usize>| match category {
        Some(category) => {
            let ident = variant(&catalogue.categories[category].name);
            quote!(::core::option::Option::Some(#category_type::#ident))
        }
        None => none.clone(),
    };
    let range_categories = ends.iter().map(|(_, category)| category_value(*category));
    let per_slot_ends = index_literal(per_slot + 1);
    let nine_digits = nine_digits_mark();
    let number_tables = if ranged {
        let firsts_doc = format!(
            " The first number of each slot's ranges, in order, the same number of them for every\n \
             slot; `u64::MAX` where the slot's prefix has no more ranges. Each number is a key:\n \
             its decimal digits, one a byte, the last digit lowest (an input's digits,\n \
             byte-swapped), which the hex literals show; a 9-digit number, which 8 bytes cannot\n \
             hold, is `1 << {}` above its value. Keys are in the order of their numbers.",
            NINE_DIGITS.trailing_zeros()
        );
        quote! {
            #[doc = #firsts_doc]
            const fn range_firsts() -> &'static [u64; #first_count] {
                static RANGE_FIRSTS: [u64; #first_count] = [#(#firsts),*];
                &RANGE_FIRSTS
            }

            /// The last number of each slot's ranges, as keys, after `u64::MAX` for numbers before
            /// them all.
            const fn range_lasts() -> &'static [u64; #end_count] {
                static RANGE_LASTS: [u64; #end_count] = [#(#lasts),*];
                &RANGE_LASTS
            }

            /// The category of each slot's ranges, after `None` for numbers before them all.
            const fn range_categories() -> &'static [::core::option::Option<Self>; #end_count] {
                static RANGE_CATEGORIES: [::core::option::Option<#category_type>; #end_count] =
                    [#(#range_categories),*];
                &RANGE_CATEGORIES
            }
        }
    } else {
        let slot_categories = slot_prefix.iter().map(|prefix| {
            category_value(
                slot_ranges(prefix)
                    .first()
                    .map(|(_, _, category)| *category),
            )
        });
        quote! {
            /// The category that holds each slot's prefix whole, whatever the number.
            const fn slot_categories() -> &'static [::core::option::Option<Self>; #slot_count] {
                static SLOT_CATEGORIES: [::core::option::Option<#category_type>; #slot_count] =
                    [#(#slot_categories),*];
                &SLOT_CATEGORIES
            }
        }
    };
    let number = if ranged {
        let ranges_per_slot = index_literal(per_slot);
        // `slot * 1` is what clippy's `identity_op` flags in a generated file.
        let base = if per_slot == 1 {
            quote!(slot)
        } else {
            quote!(slot * #ranges_per_slot)
        };
        NumberUse {
            parameter: quote!(number: u64,),
            values: quote!(values),
            read: quote! {
                // The digits, one a byte, the last one lowest: the key `range_firsts` holds.
                let number = #code_type::digit_bytes(values, digits).swap_bytes();
            },
            argument: quote!(number),
            unusual: quote! {
                match #code_type::shape(bytes, last) {
                    // Only a 9-digit number comes this way (up to 8 digits take the usual path):
                    // its key is `NINE_DIGITS` above its value, or, with a leading zero, its last 8
                    // digits' bytes, as on the usual path.
                    (prefix_len, ::core::option::Option::Some(number)) => {
                        let key = if number >= 100_000_000 {
                            #nine_digits | number as u64
                        } else {
                            #code_type::digit_bytes(#code_type::trailing_digits(last).1, 8)
                                .swap_bytes()
                        };
                        Self::of_prefix(#bytes_argument first, prefix_len, key)
                    }
                    (prefix_len, ::core::option::Option::None) => {
                        Self::of_prefix(#bytes_argument first, prefix_len, #unnumbered)
                    }
                }
            },
            find_category: quote! {
                // Ranges are sorted and do not overlap: the last one starting at or before the
                // number is the only one that can hold it, and the number is in it or in none.
                let base = #base;
                let mut started = 0;
                let mut range = base;
                while range < base + #ranges_per_slot {
                    started += (Self::range_firsts()[range] <= number) as usize;
                    range += 1;
                }
                let before_all = slot * #per_slot_ends;
                let range = before_all + started;
                let range = if number <= Self::range_lasts()[range] { range } else { before_all };
                Self::range_categories()[range]
            },
            doc: " The category of an input whose prefix is its first `prefix_len` bytes \
                  (`first` is its first word) and whose number is `number`.",
        }
    } else {
        NumberUse {
            parameter: quote!(),
            values: quote!(_),
            read: quote!(),
            argument: quote!(),
            unusual: quote! {
                let (prefix_len, _) = #code_type::shape(bytes, last);
                Self::of_prefix(#bytes_argument first, prefix_len)
            },
            find_category: quote!(Self::slot_categories()[slot]),
            doc: " The category of an input whose prefix is its first `prefix_len` bytes \
                  (`first` is its first word).",
        }
    };
    (number_tables, number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_keys_are_the_digits_last_lowest_and_keep_the_order() {
        assert_eq!(number_key(0), 0);
        assert_eq!(number_key(201), 0x02_00_01);
        assert_eq!(number_key(99_999_999), 0x0909_0909_0909_0909);
        assert_eq!(number_key(100_000_000), NINE_DIGITS | 100_000_000);
        let numbers = [
            0,
            1,
            9,
            10,
            99,
            100,
            201,
            300,
            301,
            1_400_000,
            99_999_999,
            100_000_000,
        ];
        assert!(numbers
            .windows(2)
            .all(|pair| number_key(pair[0]) < number_key(pair[1])));
        assert!(number_key(999_999_999) < UNNUMBERED);
    }

    #[test]
    fn bounds_are_spelled_with_their_digits() {
        let spelled = |bound| bound_literal(bound).to_string();
        assert_eq!(spelled(number_key(400)), "0x04_00_00");
        assert_eq!(spelled(number_key(7)), "0x07");
        assert_eq!(spelled(number_key(123_456_789)), "(1 << 63) | 123456789");
        assert_eq!(spelled(UNNUMBERED), "u64 :: MAX - 1");
    }
}
