//! `Category::of`: the category of any input, by its prefix and number, in a few loads and
//! compares whatever the catalogue's shape, and no branch that depends on which prefix the
//! input has (inputs in random order would mispredict it every time).
//!
//! The prefix (up to 16 bytes) is found by a perfect hash of its length, its first 8 bytes and
//! its last 8 bytes, and confirmed by comparing the three; a longer prefix is compared byte by
//! byte. Each prefix has the same number of range slots, sorted by first number (an unused slot
//! starts at `u32::MAX`, after every number): the number of slots starting at or before the
//! input's number, counted without a branch, names the only range that can hold it, and one
//! comparison with its last number decides. A prefix held whole by a category has the one range
//! `0..=UNNUMBERED`, which an input without a number (`UNNUMBERED`) also falls in. A listed
//! code whose category is not the one its prefix and number give (a category that names codes
//! instead of a prefix) is found by the lookup, which runs only for its prefix.

use super::lookup::{bits_for, seeds, words};
use super::{index_literal, index_type, variant};
use crate::model::{Catalogue, Shape};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

/// A prefix the category lookup knows: claimed by categories, or the prefix of a code whose
/// category is its own.
struct Known<'a> {
    text: &'a str,
    /// `(first, last, category)`.
    ranges: Vec<(u32, u32, usize)>,
    /// Whether a listed code with this prefix has a category of its own.
    listed: bool,
}

/// The prefixes, in catalogue order, then those only exceptions have.
fn known(catalogue: &Catalogue) -> Vec<Known<'_>> {
    let mut known: Vec<Known> = catalogue
        .prefixes
        .iter()
        .map(|prefix| Known {
            text: &prefix.text,
            ranges: match prefix.whole {
                Some(whole) => vec![(0, UNNUMBERED, whole)],
                None => prefix.ranges.clone(),
            },
            listed: false,
        })
        .collect();
    for code in &catalogue.codes {
        let shape = Shape::of(&code.code);
        if catalogue.category_by_shape(&shape) == Some(code.category) {
            continue;
        }
        match known.iter_mut().find(|prefix| prefix.text == shape.prefix) {
            Some(prefix) => prefix.listed = true,
            None => known.push(Known {
                text: shape.prefix,
                ranges: Vec::new(),
                listed: true,
            }),
        }
    }
    known
}

/// The number of an input without one: after every number a code can have (at most 9 digits),
/// before the start of an unused range slot.
const UNNUMBERED: u32 = u32::MAX - 1;

/// The longest prefix the perfect hash takes; longer ones are compared byte by byte.
const HASHED_PREFIX_LEN: usize = 16;

/// The key of a prefix of at most 16 bytes: its length, its first 8 bytes and, when longer than
/// 8, its last 8 bytes, little-endian and zero-padded as the generated code reads them.
fn key(text: &str) -> (u64, u64, u64) {
    let (head, last) = words(text.as_bytes());
    let tail = if text.len() > 8 { last } else { 0 };
    (text.len() as u64, head, tail)
}

fn mix((len, head, tail): (u64, u64, u64)) -> u64 {
    head ^ tail.rotate_left(32) ^ len
}

/// A multiplier and a table size (in bits) that send every key to a slot of its own, from the
/// lookup's fixed sequence of seeds made odd, so expansion is deterministic.
fn perfect(keys: &[(u64, u64, u64)]) -> (u64, u32) {
    let mut bits = bits_for(2 * keys.len());
    loop {
        for multiplier in seeds().take(64).map(|seed| seed | 1) {
            let mut slots: Vec<u64> = keys
                .iter()
                .map(|key| mix(*key).wrapping_mul(multiplier) >> (64 - bits))
                .collect();
            slots.sort_unstable();
            slots.dedup();
            if slots.len() == keys.len() {
                return (multiplier, bits);
            }
        }
        bits += 1;
    }
}

/// The tables and `of_bytes`.
pub(super) fn of_bytes(
    catalogue: &Catalogue,
    code_type: &Ident,
    category_type: &Ident,
) -> TokenStream {
    let known = known(catalogue);
    let none = quote!(::core::option::Option::None);
    if known.is_empty() {
        return quote! {
            /// [`of`](Self::of) for the bytes of a string: no category names a prefix.
            #[inline]
            const fn of_bytes(bytes: &[u8]) -> ::core::option::Option<Self> {
                let _ = bytes;
                #none
            }
        };
    }
    let count = known.len();
    let position = index_type(count);
    let hashed: Vec<(usize, (u64, u64, u64))> = known
        .iter()
        .enumerate()
        .filter(|(_, prefix)| prefix.text.len() <= HASHED_PREFIX_LEN)
        .map(|(index, prefix)| (index, key(prefix.text)))
        .collect();
    let keys: Vec<(u64, u64, u64)> = hashed.iter().map(|(_, key)| *key).collect();
    let (multiplier, bits) = perfect(&keys);
    let mut slots = vec![0; 1 << bits];
    for (index, key) in &hashed {
        slots[(mix(*key).wrapping_mul(multiplier) >> (64 - bits)) as usize] = *index;
    }
    let slot_count = slots.len();
    let slots = slots.into_iter().map(index_literal);
    // Unhashed prefixes keep a key that no input's matches (a length over 16).
    let key_values = known.iter().flat_map(|prefix| {
        let (len, head, tail) = if prefix.text.len() <= HASHED_PREFIX_LEN {
            key(prefix.text)
        } else {
            (u64::MAX, 0, 0)
        };
        [len, head, tail].map(Literal::u64_unsuffixed)
    });
    let key_count = 3 * count;
    let per_prefix = known
        .iter()
        .map(|prefix| prefix.ranges.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let ranges: Vec<(u32, u32, usize)> = known
        .iter()
        .flat_map(|prefix| {
            let padding = per_prefix - prefix.ranges.len();
            prefix
                .ranges
                .iter()
                .copied()
                .chain(std::iter::repeat_n((u32::MAX, 0, 0), padding))
        })
        .collect();
    let range_count = ranges.len();
    let firsts = ranges
        .iter()
        .map(|(first, _, _)| Literal::u32_unsuffixed(*first));
    let lasts = ranges
        .iter()
        .map(|(_, last, _)| Literal::u32_unsuffixed(*last));
    // Category values rather than positions in `ALL`: one load less on the way to the answer.
    let range_categories = ranges.iter().map(|(_, _, category)| {
        let ident = variant(&catalogue.categories[*category].name);
        quote!(#category_type::#ident)
    });
    let per_prefix = index_literal(per_prefix);
    let multiplier = Literal::u64_unsuffixed(multiplier);
    let shift = Literal::u32_unsuffixed(64 - bits);

    let long: Vec<(usize, &str)> = known
        .iter()
        .enumerate()
        .filter(|(_, prefix)| prefix.text.len() > HASHED_PREFIX_LEN)
        .map(|(index, prefix)| (index, prefix.text))
        .collect();
    let long_prefixes = (!long.is_empty()).then(|| {
        let arms = long.iter().map(|(index, text)| {
            let text = Literal::byte_string(text.as_bytes());
            let index = index_literal(*index);
            quote!(#text => #index,)
        });
        quote! {
            if prefix_len > #HASHED_PREFIX_LEN {
                match bytes.split_at(prefix_len).0 {
                    #(#arms)*
                    _ => return #none,
                }
            } else
        }
    });
    let listed_tables = known.iter().any(|prefix| prefix.listed).then(|| {
        let listed = known.iter().map(|prefix| prefix.listed);
        quote! {
            /// Whether a listed code with each prefix has a category of its own.
            const fn listed_categories() -> &'static [bool; #count] {
                static LISTED_CATEGORIES: [bool; #count] = [#(#listed),*];
                &LISTED_CATEGORIES
            }
        }
    });
    let listed_lookup = listed_tables.is_some().then(|| {
        quote! {
            if Self::listed_categories()[index] {
                if let ::core::option::Option::Some(found) = #code_type::lookup(bytes) {
                    return ::core::option::Option::Some(found.category());
                }
            }
        }
    });
    quote! {
        /// Each slot of the perfect hash of the prefixes: a prefix's position (0 in an empty slot).
        const fn prefix_slots() -> &'static [#position; #slot_count] {
            static PREFIX_SLOTS: [#position; #slot_count] = [#(#slots),*];
            &PREFIX_SLOTS
        }

        /// Each prefix's length, first word and last word (0 when it has at most 8 bytes),
        /// three numbers a prefix.
        const fn prefix_keys() -> &'static [u64; #key_count] {
            static PREFIX_KEYS: [u64; #key_count] = [#(#key_values),*];
            &PREFIX_KEYS
        }

        /// The first number of each prefix's ranges, in order, the same number of them for every
        /// prefix; `u32::MAX` in a slot the prefix does not use.
        const fn range_firsts() -> &'static [u32; #range_count] {
            static RANGE_FIRSTS: [u32; #range_count] = [#(#firsts),*];
            &RANGE_FIRSTS
        }

        /// The last number of each prefix's ranges.
        const fn range_lasts() -> &'static [u32; #range_count] {
            static RANGE_LASTS: [u32; #range_count] = [#(#lasts),*];
            &RANGE_LASTS
        }

        /// The category of each prefix's ranges (the first category in a slot the prefix does not
        /// use, which is never read).
        const fn range_categories() -> &'static [Self; #range_count] {
            static RANGE_CATEGORIES: [#category_type; #range_count] = [#(#range_categories),*];
            &RANGE_CATEGORIES
        }

        #listed_tables

        /// [`of`](Self::of) for the bytes of a string.
        #[inline]
        const fn of_bytes(bytes: &[u8]) -> ::core::option::Option<Self> {
            let (first, last) = #code_type::words(bytes);
            let (prefix_len, number) = #code_type::shape(bytes, last);
            let index = #long_prefixes {
                let head = if prefix_len >= 8 { first } else { first & ((1 << (8 * prefix_len)) - 1) };
                let tail = match bytes.split_at(prefix_len).0.last_chunk::<8>() {
                    ::core::option::Option::Some(tail) if prefix_len > 8 => u64::from_le_bytes(*tail),
                    _ => 0,
                };
                let slot = ((head ^ tail.rotate_left(32) ^ prefix_len as u64).wrapping_mul(#multiplier)
                    >> #shift) as usize;
                // An empty slot holds 0; the keys tell whether the input's prefix is there.
                let index = Self::prefix_slots()[slot] as usize;
                let ::core::option::Option::Some(&[key_len, key_head, key_tail]) =
                    Self::prefix_keys().split_at(3 * index).1.first_chunk::<3>()
                else {
                    return #none;
                };
                if (key_len ^ prefix_len as u64) | (key_head ^ head) | (key_tail ^ tail) != 0 {
                    return #none;
                }
                index
            };
            #listed_lookup
            let number = match number {
                ::core::option::Option::Some(number) => number,
                ::core::option::Option::None => #UNNUMBERED,
            };
            // Ranges are sorted and do not overlap: the last one starting at or before the
            // number is the only one that can hold it.
            let base = index * #per_prefix;
            let mut started = 0;
            let mut range = base;
            while range < base + #per_prefix {
                started += (Self::range_firsts()[range] <= number) as usize;
                range += 1;
            }
            if started == 0 || number > Self::range_lasts()[base + started - 1] {
                return #none;
            }
            ::core::option::Option::Some(Self::range_categories()[base + started - 1])
        }
    }
}
