//! `from_code` with few data-dependent branches, so that its cost neither grows with the
//! catalogue nor depends on which code is asked for (random lookups stay cheap: no branch
//! mispredictions on the prefix, the digit count or a search).
//!
//! Codes are grouped in classes, one per prefix and, where that keeps the keys distinct, per
//! length. The input is read as two little-endian words, its first 8 bytes and its last 8
//! (zero-padded when shorter). A perfect multiplicative hash, found here, sends the class key
//! (the prefix's first bytes and the input length, or else the whole prefix) to its row, which
//! gives the digit mask, the first number and the class's slots. The digits are converted with
//! SWAR arithmetic and the number indexes the slots: directly for compact catalogues, through a
//! two-level page table (empty pages left out) for scattered ones. Each slot holds the code's
//! spelling (both words and the length) and its variant, checked against the input exactly (the
//! middle bytes too for codes longer than 16), so any detour a malformed or unknown input takes
//! ends in `None`, never in a wrong code.

use super::docs::DocText;
use super::variant;
use crate::model::Catalogue;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// Page tables whose entries exceed `PAGE_COST_PER_CODE` per code plus `PAGE_COST_BASE` are
/// refused (the catalogue falls back to the per-prefix tables and binary search).
const PAGE_COST_PER_CODE: usize = 16;
const PAGE_COST_BASE: usize = 1 << 14;
/// The largest prefix hash table, in bits.
const MAX_PREFIX_BITS: u32 = 12;
/// Catalogues whose numbers span at most this many slots per code plus `DENSE_SLOTS_BASE`
/// get one dense slot range per class instead of page tables (one dependent load fewer).
const DENSE_SLOTS_PER_CODE: usize = 16;
const DENSE_SLOTS_BASE: usize = 1024;

/// The first and last 8 bytes of `bytes` as little-endian words; a shorter input is zero-padded,
/// at the end for the first word and at the start for the last one.
fn words(bytes: &[u8]) -> (u64, u64) {
    if bytes.len() >= 8 {
        let first: [u8; 8] = bytes[..8].try_into().expect("8 bytes");
        let last: [u8; 8] = bytes[bytes.len() - 8..].try_into().expect("8 bytes");
        return (u64::from_le_bytes(first), u64::from_le_bytes(last));
    }
    let mut padded = [0; 8];
    padded[..bytes.len()].copy_from_slice(bytes);
    let first = u64::from_le_bytes(padded);
    (first, first << (8 * (8 - bytes.len())))
}

/// The key a prefix hashes by: its first 8 bytes, mixed with its last 8 when longer.
fn prefix_key(prefix: &[u8]) -> u64 {
    let mut head = [0; 8];
    let shown = prefix.len().min(8);
    head[..shown].copy_from_slice(&prefix[..shown]);
    let tail = if prefix.len() > 8 {
        let last: [u8; 8] = prefix[prefix.len() - 8..].try_into().expect("8 bytes");
        u64::from_le_bytes(last)
    } else {
        0
    };
    u64::from_le_bytes(head) ^ tail.rotate_left(29)
}

/// Odd multipliers to try, from a fixed sequence (SplitMix64), so expansion is deterministic.
fn multipliers() -> impl Iterator<Item = u64> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    std::iter::repeat_with(move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) | 1
    })
}

/// A multiplier and table size in bits that send every key to its own slot.
fn perfect_prefix_hash(keys: &[u64]) -> Option<(u64, u32)> {
    let min_bits = (keys.len().max(2) as u64)
        .next_power_of_two()
        .trailing_zeros();
    for bits in min_bits..=MAX_PREFIX_BITS {
        for multiplier in multipliers().take(512) {
            let mut slots: Vec<u64> = keys
                .iter()
                .map(|key| key.wrapping_mul(multiplier) >> (64 - bits))
                .collect();
            slots.sort_unstable();
            slots.dedup();
            if slots.len() == keys.len() {
                return Some((multiplier, bits));
            }
        }
    }
    None
}

/// One prefix's page table: numbers from `first`, pages of `1 << shift` slots.
struct Pages {
    first: u32,
    shift: u32,
    /// For each page in `first..`, its offset in the slot table (empty pages: any offset).
    pages: Vec<Option<Vec<usize>>>,
}

/// The cheapest page table of one prefix's `(number, code index)` list, sorted by number.
fn page_table(codes: &[(u32, usize)]) -> Option<Pages> {
    let (Some(&(first, _)), Some(&(last, _))) = (codes.first(), codes.last()) else {
        return Some(Pages {
            first: 0,
            shift: 0,
            pages: vec![None],
        });
    };
    let cost = |shift: u32| {
        let mut used: Vec<u32> = codes
            .iter()
            .map(|&(number, _)| (number - first) >> shift)
            .collect();
        used.dedup();
        ((last - first) >> shift) as usize + 1 + (used.len() << shift)
    };
    let shift = (0..28).min_by_key(|&shift| (cost(shift), shift))?;
    if cost(shift) > codes.len() * PAGE_COST_PER_CODE + PAGE_COST_BASE {
        return None;
    }
    let mut pages = vec![None; ((last - first) >> shift) as usize + 1];
    for &(number, code) in codes {
        let offset = number - first;
        let page: &mut Vec<usize> =
            pages[(offset >> shift) as usize].get_or_insert_with(|| vec![usize::MAX; 1 << shift]);
        page[(offset & ((1 << shift) - 1)) as usize] = code;
    }
    Some(Pages {
        first,
        shift,
        pages,
    })
}

/// How the row of a code's class is found.
enum Keying {
    /// By the first `prefix_bytes` bytes and the input length: every class has a fixed digit
    /// count, kept in its row as a mask, so no digit counting is needed.
    ByLength { prefix_mask: u64 },
    /// By the whole prefix (everything before the dot, found by counting trailing digits).
    ByPrefix,
}

/// The codes found through one row: one prefix (and, when keyed by length, one length).
struct Class {
    key: u64,
    /// The mask keeping the digits of `words(code).1` (`ByLength` only).
    digit_mask: u64,
    /// `(number, code index)`, sorted by number.
    codes: Vec<(u32, usize)>,
}

/// Classes keyed by the first bytes of the prefix and the length, if those keys are distinct.
fn classes_by_length(catalogue: &Catalogue) -> Option<(Vec<Class>, u64)> {
    let shortest = catalogue.codes.iter().map(|code| code.prefix.len()).min()?;
    let prefix_mask = u64::MAX >> (8 * (8 - shortest.min(8)));
    let mut classes: Vec<Class> = Vec::new();
    for (index, code) in catalogue.codes.iter().enumerate() {
        let bytes = code.code.as_bytes();
        let digits = bytes.len() - code.prefix.len() - 1;
        let key = (words(bytes).0 & prefix_mask) ^ ((bytes.len() as u64) << 56);
        let digit_mask = u64::MAX << (8 * (8 - digits));
        match classes.iter_mut().find(|class| class.key == key) {
            Some(class)
                if class.digit_mask == digit_mask && {
                    let other = &catalogue.codes[class.codes[0].1];
                    other.prefix == code.prefix
                } =>
            {
                class.codes.push((code.number, index));
            }
            Some(_) => return None,
            None => classes.push(Class {
                key,
                digit_mask,
                codes: vec![(code.number, index)],
            }),
        }
    }
    for class in &mut classes {
        class.codes.sort_unstable();
    }
    Some((classes, prefix_mask))
}

/// Classes keyed by the whole prefix, if no two prefixes share a key.
fn classes_by_prefix(catalogue: &Catalogue) -> Option<Vec<Class>> {
    let classes: Vec<Class> = catalogue
        .prefixes
        .iter()
        .map(|prefix| Class {
            key: prefix_key(prefix.text.as_bytes()),
            digit_mask: 0,
            codes: prefix.codes.clone(),
        })
        .collect();
    let mut distinct: Vec<u64> = classes.iter().map(|class| class.key).collect();
    distinct.sort_unstable();
    distinct.dedup();
    (distinct.len() == classes.len()).then_some(classes)
}

/// The tables and `lookup` function, or `None` when the catalogue's numbers are too scattered
/// for page tables of reasonable size (or two prefixes share a hash key).
pub(super) fn lookup(catalogue: &Catalogue) -> Option<TokenStream> {
    let (keying, classes) = match classes_by_length(catalogue) {
        Some((classes, prefix_mask)) => (Keying::ByLength { prefix_mask }, classes),
        None => (Keying::ByPrefix, classes_by_prefix(catalogue)?),
    };
    let keys: Vec<u64> = classes.iter().map(|class| class.key).collect();
    let (multiplier, bits) = perfect_prefix_hash(&keys)?;
    let hole_variant = variant(&catalogue.codes.first()?.name);
    let hole = quote!((0, 0, 0, Self::#hole_variant));
    // A code's spelling as the final comparison reads it: first word, last word, length.
    let spelling = |index: usize| {
        let code = &catalogue.codes[index];
        let (first, last) = words(code.code.as_bytes());
        let (first, last) = (
            Literal::u64_unsuffixed(first),
            Literal::u64_unsuffixed(last),
        );
        let len = Literal::u32_unsuffixed(code.code.len() as u32);
        quote!(#first, #last, #len)
    };
    let slot_row = |index: usize| {
        let spelling = spelling(index);
        let ident = variant(&catalogue.codes[index].name);
        quote!((#spelling, Self::#ident))
    };
    let mask_of = |class: &Class| match keying {
        Keying::ByLength { .. } => {
            let mask = Literal::u64_unsuffixed(class.digit_mask);
            quote!(#mask,)
        }
        Keying::ByPrefix => quote!(),
    };
    let hash_of = |key: u64| (key.wrapping_mul(multiplier) >> (64 - bits)) as usize;

    // Dense: one slot per number from each class's first to its last, when that stays small.
    let span: usize = classes
        .iter()
        .map(|class| match (class.codes.first(), class.codes.last()) {
            (Some(first), Some(last)) => (last.0 - first.0) as usize + 1,
            _ => 0,
        })
        .sum();
    let dense = span <= catalogue.codes.len() * DENSE_SLOTS_PER_CODE + DENSE_SLOTS_BASE;

    let mut slots: Vec<TokenStream> = Vec::new();
    let mut page_offsets: Vec<u32> = Vec::new();
    let empty_row = match (&keying, dense) {
        (Keying::ByLength { .. }, true) => quote!((0, 0, 0, 0)),
        (Keying::ByLength { .. }, false) => quote!((0, 0, 0, 0, 0)),
        (Keying::ByPrefix, true) => quote!((0, 0, 0)),
        (Keying::ByPrefix, false) => quote!((0, 0, 0, 0)),
    };
    // Unused hash slots: nothing to find, so every number misses.
    let mut rows = vec![empty_row; 1 << bits];
    for class in &classes {
        let mask = mask_of(class);
        let row = if dense {
            let (start, end) = match (class.codes.first(), class.codes.last()) {
                (Some(first), Some(last)) => (first.0, last.0 + 1),
                _ => (0, 0),
            };
            let base = Literal::u32_unsuffixed(slots.len() as u32);
            let mut entries = class.codes.iter().peekable();
            for number in start..end {
                match entries.next_if(|&&(code_number, _)| code_number == number) {
                    Some(&(_, index)) => slots.push(slot_row(index)),
                    None => slots.push(hole.clone()),
                }
            }
            let (start, count) = (
                Literal::u32_unsuffixed(start),
                Literal::u32_unsuffixed(end - start),
            );
            quote!((#mask #start, #count, #base))
        } else {
            let table = page_table(&class.codes)?;
            let page_base = page_offsets.len() as u32;
            let mut any_page = false;
            for page in &table.pages {
                match page {
                    Some(entries) => {
                        any_page = true;
                        page_offsets.push(slots.len() as u32);
                        // Any candidate will do for a hole: the final comparison rejects it.
                        slots.extend(entries.iter().map(|&code| {
                            let code = if code == usize::MAX { 0 } else { code };
                            let code = Literal::usize_unsuffixed(code);
                            quote!(#code)
                        }));
                    }
                    // Any candidate will do: the final comparison rejects it.
                    None => page_offsets.push(0),
                }
            }
            if !any_page {
                // A prefix without codes: one page of one slot, whose candidate never matches.
                slots.push(quote!(0));
            }
            let first = Literal::u32_unsuffixed(table.first);
            let shift = Literal::u32_unsuffixed(table.shift);
            let count = Literal::u32_unsuffixed(table.pages.len() as u32);
            let base = Literal::u32_unsuffixed(page_base);
            quote!((#mask #first, #shift, #count, #base))
        };
        rows[hash_of(class.key)] = row;
    }
    if slots.is_empty() {
        slots.push(if dense { hole } else { quote!(0) });
    }

    let (min_len, max_len) = catalogue
        .codes
        .iter()
        .fold((usize::MAX, 0), |(min, max), code| {
            (min.min(code.code.len()), max.max(code.code.len()))
        });
    let multiplier = Literal::u64_unsuffixed(multiplier);
    let hash_shift = Literal::u32_unsuffixed(64 - bits);
    // One comparison when every code has the same length: `len < 9 || len > 9` is what
    // clippy's `double_comparisons` flags in the caller's crate.
    let length_mismatch = if min_len == max_len {
        let len = Literal::usize_unsuffixed(min_len);
        quote!(len != #len)
    } else {
        let (min_len, max_len) = (
            Literal::usize_unsuffixed(min_len),
            Literal::usize_unsuffixed(max_len),
        );
        quote!(len < #min_len || len > #max_len)
    };
    let none = quote!(::core::option::Option::None);

    // The class row, and the number (the trailing digits, up to 8, as a `u32`).
    let parse = quote! {
        number = number.wrapping_mul(10).wrapping_add(number >> 8);
        number = ((number & 0x0000_00FF_0000_00FF).wrapping_mul(0x000F_4240_0000_0064))
            .wrapping_add(((number >> 16) & 0x0000_00FF_0000_00FF).wrapping_mul(0x0000_2710_0000_0001))
            >> 32;
        let number = number as u32;
    };
    let (row_type, row_doc, find_row) = match keying {
        Keying::ByLength { prefix_mask } => {
            let prefix_mask = Literal::u64_unsuffixed(prefix_mask);
            let (row_type, row_doc, names) = if dense {
                (
                    quote!((u64, u32, u32, u32)),
                    "Per prefix and length, at the perfect hash of its key: the mask keeping the \
                     digits of the last word, first number, number count, first slot in `SLOTS`.",
                    quote!((digit_mask, start, count, base)),
                )
            } else {
                (
                    quote!((u64, u32, u32, u32, u32)),
                    "Per prefix and length, at the perfect hash of its key: the mask keeping the \
                     digits of the last word, first number, page size in bits, page count, first \
                     page in `PAGES`.",
                    quote!((digit_mask, start, shift, count, base)),
                )
            };
            let find_row = quote! {
                // The row of the prefix's first bytes and the length; any bytes can be digits,
                // as a wrong number only finds a candidate the final comparison rejects.
                let key = (first & #prefix_mask) ^ ((len as u64) << 56);
                let #names = Self::ROWS[(key.wrapping_mul(#multiplier) >> #hash_shift) as usize];
                let mut number = (last ^ 0x3030_3030_3030_3030) & digit_mask;
                #parse
            };
            (row_type, row_doc, find_row)
        }
        Keying::ByPrefix => {
            let (row_type, row_doc, names) = if dense {
                (
                    quote!((u32, u32, u32)),
                    "Per prefix, at the perfect hash of its key: first number, number count, \
                     first slot in `SLOTS`.",
                    quote!((start, count, base)),
                )
            } else {
                (
                    quote!((u32, u32, u32, u32)),
                    "Per prefix, at the perfect hash of its key: first number, page size in bits, \
                     page count, first page in `PAGES`.",
                    quote!((start, shift, count, base)),
                )
            };
            let find_row = quote! {
                // The trailing digits, up to 8: bytes of `last` that are 0..=9 once '0' is taken off.
                let values = last ^ 0x3030_3030_3030_3030;
                let not_digits = (((values & 0x7F7F_7F7F_7F7F_7F7F) + 0x7676_7676_7676_7676) | values)
                    & 0x8080_8080_8080_8080;
                let digits = (not_digits.leading_zeros() / 8) as usize;
                if digits == 0 || digits + 1 >= len {
                    return #none;
                }
                // Their value: the other bytes cleared to zero digits, then 8 digits at once.
                let mut number = values & (u64::MAX << (8 * (8 - digits)));
                #parse
                // The prefix, everything before the dot, by its key.
                let prefix_len = len - digits - 1;
                let head = if prefix_len >= 8 {
                    first
                } else {
                    first & ((1u64 << (8 * prefix_len)) - 1)
                };
                let tail = if prefix_len > 8 {
                    match bytes.split_at(prefix_len - 8).1.first_chunk::<8>() {
                        ::core::option::Option::Some(tail) => u64::from_le_bytes(*tail),
                        ::core::option::Option::None => 0,
                    }
                } else {
                    0
                };
                let key = head ^ tail.rotate_left(29);
                let #names = Self::ROWS[(key.wrapping_mul(#multiplier) >> #hash_shift) as usize];
            };
            (row_type, row_doc, find_row)
        }
    };
    let (pages, find_slot) = if dense {
        let find_slot = quote! {
            // The number in the class's dense slot range.
            let offset = number.wrapping_sub(start);
            if offset >= count {
                return #none;
            }
            let slot = base + offset;
        };
        (quote!(), find_slot)
    } else {
        let page_offsets = page_offsets.into_iter().map(Literal::u32_unsuffixed);
        let pages = quote! {
            /// Where each page starts in `SLOTS`.
            const PAGES: &'static [u32] = &[#(#page_offsets),*];
        };
        let find_slot = quote! {
            // The number in the class's page table.
            let offset = number.wrapping_sub(start);
            let page = offset >> shift;
            if page >= count {
                return #none;
            }
            let slot = Self::PAGES[(base + page) as usize] + (offset & ((1 << shift) - 1));
        };
        (pages, find_slot)
    };
    // Dense tables are small, so each slot carries its candidate's spelling (one load fewer);
    // page tables serve large catalogues, whose slots hold a code index into one spelling per
    // code, which keeps the expansion (and its compile time) in proportion to the codes.
    let (slot_tables, candidate) = if dense {
        (
            quote! {
                /// Each slot's candidate: its first and last 8 bytes as little-endian words (see
                /// `words`), its length and the code (holes hold a length no input has).
                const SLOTS: &'static [(u64, u64, u32, Self)] = &[#(#slots),*];
            },
            quote! {
                let (expected_first, expected_last, expected_len, found) = Self::SLOTS[slot as usize];
            },
        )
    } else {
        let slot_type = if catalogue.codes.len() <= usize::from(u16::MAX) {
            quote!(u16)
        } else {
            quote!(u32)
        };
        let spellings = (0..catalogue.codes.len()).map(|index| {
            let spelling = spelling(index);
            quote!((#spelling))
        });
        (
            quote! {
                /// Each slot's candidate code, as its position in `ALL`.
                const SLOTS: &'static [#slot_type] = &[#(#slots),*];
                /// Each code's first and last 8 bytes as little-endian words (see `words`) and
                /// its length, in catalogue order.
                const SPELLINGS: &'static [(u64, u64, u32)] = &[#(#spellings),*];
            },
            quote! {
                // Spelling and variant are read by the same index, side by side.
                let index = Self::SLOTS[slot as usize] as usize;
                let (expected_first, expected_last, expected_len) = Self::SPELLINGS[index];
                let found = Self::ALL[index];
            },
        )
    };
    let row_doc = DocText(row_doc.to_owned());
    Some(quote! {
        #row_doc
        const ROWS: &'static [#row_type] = &[#(#rows),*];
        #pages
        #slot_tables

        /// The first and last 8 bytes of `bytes` as little-endian words; a shorter input is
        /// zero-padded, at the end for the first word and at the start for the last one.
        const fn words(bytes: &[u8]) -> (u64, u64) {
            if let (::core::option::Option::Some(first), ::core::option::Option::Some(last)) =
                (bytes.first_chunk::<8>(), bytes.last_chunk::<8>())
            {
                return (u64::from_le_bytes(*first), u64::from_le_bytes(*last));
            }
            let mut first = 0u64;
            let mut index = 0;
            while index < bytes.len() {
                first |= (bytes[index] as u64) << (8 * index);
                index += 1;
            }
            (first, first << (8 * (8 - bytes.len())))
        }

        #[inline]
        const fn lookup(bytes: &[u8]) -> ::core::option::Option<Self> {
            let len = bytes.len();
            if #length_mismatch {
                return #none;
            }
            let (first, last) = Self::words(bytes);
            #find_row
            #find_slot
            // The candidate is the answer only if it is spelled exactly like the input.
            #candidate
            if expected_len as usize != len || expected_first != first || expected_last != last {
                return #none;
            }
            if len > 16 {
                let expected = Self::CODES[found as usize].as_bytes();
                let mut index = 8;
                while index < len - 8 {
                    if expected[index] != bytes[index] {
                        return #none;
                    }
                    index += 1;
                }
            }
            ::core::option::Option::Some(found)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_pad_short_input() {
        assert_eq!(words(b"A.1"), (0x31_2E_41, 0x31_2E_41 << 40),);
        assert_eq!(words(b"FRS.0202").0, words(b"FRS.0202").1);
        assert_eq!(words(b"CCE.01400001").1, u64::from_le_bytes(*b"01400001"));
    }

    #[test]
    fn prefix_keys_differ() {
        assert_ne!(prefix_key(b"APIG"), prefix_key(b"APIGW"));
        assert_ne!(prefix_key(b"ModelArts"), prefix_key(b"ModelArtz"));
        assert_ne!(prefix_key(b"FRS"), prefix_key(b"frs"));
    }

    #[test]
    fn perfect_hash_separates_keys() {
        let keys: Vec<u64> = ["FRS", "APIG", "APIGW", "Ecs", "IAM", "ModelArts", "CCE"]
            .iter()
            .map(|prefix| prefix_key(prefix.as_bytes()))
            .collect();
        let (multiplier, bits) = perfect_prefix_hash(&keys).expect("found");
        let mut slots: Vec<u64> = keys
            .iter()
            .map(|key| key.wrapping_mul(multiplier) >> (64 - bits))
            .collect();
        slots.sort_unstable();
        slots.dedup();
        assert_eq!(slots.len(), keys.len());
    }

    #[test]
    fn page_tables_stay_small_for_clustered_numbers() {
        let codes: Vec<(u32, usize)> = (0..150)
            .map(|i| 1_400_001 + i)
            .chain((0..140).map(|i| 1_500_001 + i))
            .chain((0..80).map(|i| 4_000_001 + i))
            .enumerate()
            .map(|(index, number)| (number, index))
            .collect();
        let pages = page_table(&codes).expect("clustered numbers fit");
        let slots: usize = pages.pages.iter().flatten().map(Vec::len).sum();
        assert!(pages.pages.len() + slots < codes.len() * PAGE_COST_PER_CODE + PAGE_COST_BASE);
        // Scattered numbers do not.
        let scattered: Vec<(u32, usize)> = (0..2000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) % 99_999_999, i as usize))
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_iter()
            .collect();
        assert!(page_table(&scattered).is_none());
    }
}
