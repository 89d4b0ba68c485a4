//! `from_code` without data-dependent branches, so that its cost neither grows with the
//! catalogue nor depends on which code is asked for (random lookups stay cheap: no branch
//! mispredictions on the prefix, the digit count or a search).
//!
//! The input is read as two little-endian words, its first 8 bytes and its last 8 (zero-padded
//! when shorter). The trailing digits (up to 8) are counted and converted with SWAR arithmetic in
//! the last word; the prefix in front of the dot is hashed to a prefix index by a perfect
//! multiplicative hash found here; the number is then found in that prefix's two-level page table
//! (a dense table over the numbers in use, with empty pages left out). The candidate it names is
//! checked against the input exactly (length and both words, and the middle bytes of codes longer
//! than 16), so any detour taken by a malformed input ends in `None`, never in a wrong code.

use crate::validate::Model;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// Page tables whose entries exceed `PAGE_COST_PER_CODE` per code plus `PAGE_COST_BASE` are
/// refused (the catalogue falls back to the per-prefix tables and binary search).
const PAGE_COST_PER_CODE: usize = 16;
const PAGE_COST_BASE: usize = 1 << 14;
/// The largest prefix hash table, in bits.
const MAX_PREFIX_BITS: u32 = 12;

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

/// The tables and `lookup` function, or `None` when the catalogue's numbers are too scattered
/// for page tables of reasonable size (or two prefixes share a hash key).
pub(super) fn lookup(model: &Model, slot_type: &TokenStream) -> Option<TokenStream> {
    let keys: Vec<u64> = model
        .prefixes
        .iter()
        .map(|prefix| prefix_key(prefix.text.as_bytes()))
        .collect();
    let mut distinct = keys.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() != keys.len() {
        return None;
    }
    let (multiplier, bits) = perfect_prefix_hash(&keys)?;

    let mut page_offsets: Vec<u32> = Vec::new();
    let mut slots: Vec<usize> = Vec::new();
    // Unused hash slots: no pages, so every number misses.
    let mut prefix_rows = vec![quote!((0, 0, 0, 0)); 1 << bits];
    for (prefix, key) in model.prefixes.iter().zip(&keys) {
        let table = page_table(&prefix.codes)?;
        let page_base = page_offsets.len() as u32;
        let mut any_page = None;
        for page in &table.pages {
            match page {
                Some(entries) => {
                    any_page.get_or_insert(slots.len());
                    page_offsets.push(slots.len() as u32);
                    slots.extend(
                        entries
                            .iter()
                            .map(|&code| if code == usize::MAX { 0 } else { code }),
                    );
                }
                // Any candidate will do: the final comparison rejects it.
                None => page_offsets.push(0),
            }
        }
        if any_page.is_none() {
            // A prefix without codes: one page of one slot, whose candidate never matches.
            slots.push(0);
        }
        let first = Literal::u32_unsuffixed(table.first);
        let shift = Literal::u32_unsuffixed(table.shift);
        let count = Literal::u32_unsuffixed(table.pages.len() as u32);
        let base = Literal::u32_unsuffixed(page_base);
        prefix_rows[(key.wrapping_mul(multiplier) >> (64 - bits)) as usize] =
            quote!((#first, #shift, #count, #base));
    }

    let (mut min_len, mut max_len) = (usize::MAX, 0);
    let mut spellings = Vec::new();
    for code in &model.codes {
        let (first, last) = words(code.code.as_bytes());
        let (first, last) = (
            Literal::u64_unsuffixed(first),
            Literal::u64_unsuffixed(last),
        );
        let len = Literal::usize_unsuffixed(code.code.len());
        spellings.push(quote!((#first, #last, #len)));
        min_len = min_len.min(code.code.len());
        max_len = max_len.max(code.code.len());
    }
    let page_offsets = page_offsets.into_iter().map(Literal::u32_unsuffixed);
    let slots = slots.into_iter().map(Literal::usize_unsuffixed);
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
    Some(quote! {
        /// Each code's first and last 8 bytes as little-endian words (see `words`), and length.
        const SPELLINGS: &'static [(u64, u64, usize)] = &[#(#spellings),*];
        /// Per prefix, at the perfect hash of its key: first number, page size in bits, page
        /// count, first page in `PAGES`.
        const PREFIX_PAGES: &'static [(u32, u32, u32, u32)] = &[#(#prefix_rows),*];
        /// Where each page starts in `SLOTS`.
        const PAGES: &'static [u32] = &[#(#page_offsets),*];
        /// The code index of each number of each page (holes hold a code that cannot match).
        const SLOTS: &'static [#slot_type] = &[#(#slots),*];

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

        const fn lookup(bytes: &[u8]) -> ::core::option::Option<Self> {
            let len = bytes.len();
            if #length_mismatch {
                return #none;
            }
            let (first, last) = Self::words(bytes);
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
            number = number.wrapping_mul(10).wrapping_add(number >> 8);
            number = ((number & 0x0000_00FF_0000_00FF).wrapping_mul(0x000F_4240_0000_0064))
                .wrapping_add(((number >> 16) & 0x0000_00FF_0000_00FF).wrapping_mul(0x0000_2710_0000_0001))
                >> 32;
            let number = number as u32;
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
            let (start, shift, page_count, page_base) =
                Self::PREFIX_PAGES[(key.wrapping_mul(#multiplier) >> #hash_shift) as usize];
            // The number in the prefix's page table.
            let offset = number.wrapping_sub(start);
            let page = offset >> shift;
            if page >= page_count {
                return #none;
            }
            let slot = Self::PAGES[(page_base + page) as usize] + (offset & ((1 << shift) - 1));
            let found = Self::SLOTS[slot as usize] as usize;
            // The candidate is the answer only if it is spelled exactly like the input.
            let (expected_first, expected_last, expected_len) = Self::SPELLINGS[found];
            if expected_len != len || expected_first != first || expected_last != last {
                return #none;
            }
            if len > 16 {
                let expected = Self::CODES[found].as_bytes();
                let mut index = 8;
                while index < len - 8 {
                    if expected[index] != bytes[index] {
                        return #none;
                    }
                    index += 1;
                }
            }
            ::core::option::Option::Some(Self::ALL[found])
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
