//! `lookup`: a code by its exact spelling, in constant time whatever the catalogue's size and the
//! shape of its codes (digits only, mixed case, several segments, names).
//!
//! The input's length, its first and last 8 bytes (read as two little-endian words) and, for
//! inputs longer than 16 bytes, the words between them are hashed. A perfect hash found here
//! ("hash and displace": the hash's top bits choose a bucket, and the bucket's displacement moves
//! its codes to slots no other code takes) sends every code of the catalogue to a slot of its
//! own, which holds the code's index. The input is that code only if it is spelled exactly so:
//! its length and both words are compared (the last word first, where misses differ), and for
//! long codes the bytes between, so any other input, whatever slot it reaches, ends in `None`.
//! Every step is a multiply, a shift or a load; the only branches are the length check and the
//! comparisons, which go the same way for every miss.

use super::{index_literal, index_type};
use crate::model::Catalogue;
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use std::cmp::Reverse;

/// Constants of the hash (wyhash's): odd, with as many ones as zeros.
const SECRET: [u64; 4] = [
    0xA076_1D64_78BD_642F,
    0xE703_7ED1_A0B4_28DB,
    0x8EBC_6AF0_9C88_C6E3,
    0x5899_65CC_7537_4CC3,
];
const MIX_DISPLACEMENT: u64 = 0x9E37_79B9_7F4A_7C15;
const MIX_SLOT: u64 = 0xFF51_AFD7_ED55_8CCD;

/// The full 128-bit product of `a` and `b`, folded to 64 bits: wyhash's mixing step, one
/// multiply instruction on 64-bit machines, whose every output bit depends on every input bit.
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// The first and last 8 bytes of `bytes` as little-endian words; a shorter input is zero-padded,
/// at the end for the first word and at the start for the last one.
pub(super) fn words(bytes: &[u8]) -> (u64, u64) {
    let mut padded = [0; 8];
    let shown = bytes.len().min(8);
    padded[..shown].copy_from_slice(&bytes[..shown]);
    let first = u64::from_le_bytes(padded);
    let last = match bytes.len() {
        0 => 0,
        1..=7 => first << (8 * (8 - bytes.len())),
        len => {
            let mut last = [0; 8];
            last.copy_from_slice(&bytes[len - 8..]);
            u64::from_le_bytes(last)
        }
    };
    (first, last)
}

/// What the generated `hash` computes for `bytes`; the words between the first and last only
/// `with_middle`.
fn hash(bytes: &[u8], seed: u64, with_middle: bool) -> u64 {
    let (first, last) = words(bytes);
    let mut hash = fold(first ^ SECRET[0] ^ seed, last ^ SECRET[1]);
    let mut index = 8;
    while with_middle && index + 8 < bytes.len() {
        let mut middle = [0; 8];
        middle.copy_from_slice(&bytes[index..index + 8]);
        hash = fold(hash ^ SECRET[2], u64::from_le_bytes(middle) ^ SECRET[3]);
        index += 8;
    }
    fold(hash ^ SECRET[2], (bytes.len() as u64) ^ SECRET[3])
}

fn slot_of(hash: u64, displacement: u16, slot_bits: u32) -> usize {
    ((hash ^ u64::from(displacement).wrapping_mul(MIX_DISPLACEMENT)).wrapping_mul(MIX_SLOT)
        >> (64 - slot_bits)) as usize
}

/// A perfect hash of a catalogue's spellings.
struct Perfect {
    /// Whether the hash reads the words between the first and last: only when two codes have
    /// the same length and first and last words, so that inputs of different lengths take the
    /// same steps (a loop whose count depends on the input is mispredicted).
    with_middle: bool,
    seed: u64,
    bucket_bits: u32,
    slot_bits: u32,
    displacements: Vec<u16>,
    /// Each slot's code index (an unused slot holds 0: the comparison rejects what reaches it).
    slots: Vec<usize>,
}

/// The `index`-th of a fixed sequence of seeds (SplitMix64's), so expansion is deterministic.
pub(super) fn seed(index: u64) -> u64 {
    let mut z = (index + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The seeds to try, in order.
pub(super) fn seeds() -> impl Iterator<Item = u64> {
    (0..).map(seed)
}

/// Bits of a table with at least `count` entries (and at least 2 of them).
pub(super) fn bits_for(count: usize) -> u32 {
    count.max(2).next_power_of_two().trailing_zeros()
}

/// A perfect hash for `spellings` (all different): about four codes a bucket, a table with a
/// fifth of its slots spare, and bigger tables on the rare seed that cannot be placed.
fn perfect(spellings: &[&str]) -> Perfect {
    let count = spellings.len();
    let mut keys: Vec<(u64, u64, usize)> = spellings
        .iter()
        .map(|spelling| {
            let (first, last) = words(spelling.as_bytes());
            (first, last, spelling.len())
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let with_middle = keys.len() < count;
    let bucket_bits = bits_for(count.div_ceil(4));
    let mut slot_bits = bits_for(count + count / 4 + 1);
    loop {
        for seed in seeds().take(8) {
            let hashes: Vec<u64> = spellings
                .iter()
                .map(|spelling| hash(spelling.as_bytes(), seed, with_middle))
                .collect();
            let mut distinct = hashes.clone();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() < count {
                continue;
            }
            if let Some((displacements, slots)) = place(&hashes, bucket_bits, slot_bits) {
                return Perfect {
                    with_middle,
                    seed,
                    bucket_bits,
                    slot_bits,
                    displacements,
                    slots,
                };
            }
        }
        slot_bits += 1;
    }
}

/// Displacements that put every hash in a slot of its own, largest buckets first.
fn place(hashes: &[u64], bucket_bits: u32, slot_bits: u32) -> Option<(Vec<u16>, Vec<usize>)> {
    let mut buckets = vec![Vec::new(); 1 << bucket_bits];
    for (index, hash) in hashes.iter().enumerate() {
        buckets[(hash >> (64 - bucket_bits)) as usize].push(index);
    }
    let mut order: Vec<usize> = (0..buckets.len()).collect();
    order.sort_by_key(|&bucket| (Reverse(buckets[bucket].len()), bucket));
    let mut slots: Vec<Option<usize>> = vec![None; 1 << slot_bits];
    let mut displacements = vec![0; buckets.len()];
    for bucket in order {
        let members = &buckets[bucket];
        if members.is_empty() {
            continue;
        }
        let (displacement, taken) = (0..=u16::MAX).find_map(|displacement| {
            let mut taken: Vec<usize> = Vec::with_capacity(members.len());
            for &member in members {
                let slot = slot_of(hashes[member], displacement, slot_bits);
                if slots[slot].is_some() || taken.contains(&slot) {
                    return None;
                }
                taken.push(slot);
            }
            Some((displacement, taken))
        })?;
        displacements[bucket] = displacement;
        for (&member, slot) in members.iter().zip(taken) {
            slots[slot] = Some(member);
        }
    }
    Some((
        displacements,
        slots.into_iter().map(Option::unwrap_or_default).collect(),
    ))
}

/// The tables, `words`, `hash` and `lookup`.
pub(super) fn lookup(catalogue: &Catalogue) -> TokenStream {
    let spellings: Vec<&str> = catalogue
        .codes
        .iter()
        .map(|code| code.code.as_str())
        .collect();
    let Perfect {
        with_middle,
        seed,
        bucket_bits,
        slot_bits,
        displacements,
        slots,
    } = perfect(&spellings);
    let (min_len, max_len) = spellings
        .iter()
        .fold((usize::MAX, 0), |(min, max), spelling| {
            (min.min(spelling.len()), max.max(spelling.len()))
        });
    let count = spellings.len();
    let keys = spellings.iter().flat_map(|spelling| {
        let (first, last) = words(spelling.as_bytes());
        [last, first, spelling.len() as u64].map(Literal::u64_unsuffixed)
    });
    let key_count = 3 * count;
    let bucket_count = displacements.len();
    let displacements = displacements.into_iter().map(Literal::u16_unsuffixed);
    let slot_count = slots.len();
    let slot_type = index_type(count);
    let slots = slots.into_iter().map(index_literal);
    let seed = Literal::u64_unsuffixed(seed);
    let [secret_0, secret_1, secret_2, secret_3] = SECRET.map(Literal::u64_unsuffixed);
    let bucket_shift = Literal::u32_unsuffixed(64 - bucket_bits);
    let slot_shift = Literal::u32_unsuffixed(64 - slot_bits);
    let none = quote!(::core::option::Option::None);
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
    // Only catalogues with codes longer than 16 bytes need the bytes between the first and last
    // words, to compare them; and only those with two such codes alike but for them, to hash
    // them.
    let (hash_binding, hash_middle) = if with_middle {
        (
            quote!(mut hash),
            quote! {
                let mut index = 8;
                while index + 8 < bytes.len() {
                    if let ::core::option::Option::Some(middle) = bytes.split_at(index).1.first_chunk::<8>() {
                        hash = fold(hash ^ #secret_2, u64::from_le_bytes(*middle) ^ #secret_3);
                    }
                    index += 8;
                }
            },
        )
    } else {
        (quote!(hash), quote!())
    };
    let compare_middle = (max_len > 16).then(|| {
        quote! {
                if len > 16 {
                    let expected = Self::spellings()[index].as_bytes();
                    let mut byte = 8;
                    while byte < len - 8 {
                        if expected[byte] != bytes[byte] {
                            return #none;
                        }
                        byte += 1;
                    }
                }
        }
    });
    quote! {
        /// Each code's last and first 8 bytes as little-endian words (see `words`) and its
        /// length, three numbers a code, in catalogue order: a flat array of numbers, the
        /// cheapest table for rustc to check. The last word comes first: the compiler branches
        /// on each comparison in the order the words lie here, and the last word, which holds
        /// the number, is where an unknown code differs from the candidate, where a first word
        /// that many codes share would make the first branch a coin toss.
        const fn spelling_keys() -> &'static [u64; #key_count] {
            static SPELLING_KEYS: [u64; #key_count] = [#(#keys),*];
            &SPELLING_KEYS
        }

        /// The perfect hash's displacement of each bucket.
        const fn displacements() -> &'static [u16; #bucket_count] {
            static DISPLACEMENTS: [u16; #bucket_count] = [#(#displacements),*];
            &DISPLACEMENTS
        }

        /// Each slot's code, as its position in `ALL`.
        const fn slots() -> &'static [#slot_type; #slot_count] {
            static SLOTS: [#slot_type; #slot_count] = [#(#slots),*];
            &SLOTS
        }

        /// The first and last 8 bytes of `bytes` as little-endian words; a shorter input is
        /// zero-padded, at the end for the first word and at the start for the last one. Read
        /// with overlapping loads, without a loop over the bytes.
        #[inline]
        const fn words(bytes: &[u8]) -> (u64, u64) {
            let len = bytes.len();
            if let (::core::option::Option::Some(first), ::core::option::Option::Some(last)) =
                (bytes.first_chunk::<8>(), bytes.last_chunk::<8>())
            {
                return (u64::from_le_bytes(*first), u64::from_le_bytes(*last));
            }
            let first = if let (::core::option::Option::Some(low), ::core::option::Option::Some(high)) =
                (bytes.first_chunk::<4>(), bytes.last_chunk::<4>())
            {
                u32::from_le_bytes(*low) as u64 | ((u32::from_le_bytes(*high) as u64) << (8 * (len - 4)))
            } else if len > 0 {
                bytes[0] as u64
                    | ((bytes[len / 2] as u64) << (8 * (len / 2)))
                    | ((bytes[len - 1] as u64) << (8 * (len - 1)))
            } else {
                return (0, 0);
            };
            (first, first << (8 * (8 - len)))
        }

        /// The hash the perfect hash was built on: the words of `bytes` and its length, each
        /// step a 128-bit product folded to 64 bits.
        #[inline]
        const fn hash(bytes: &[u8], first: u64, last: u64) -> u64 {
            const fn fold(a: u64, b: u64) -> u64 {
                let product = (a as u128) * (b as u128);
                (product as u64) ^ ((product >> 64) as u64)
            }
            let #hash_binding = fold(first ^ #secret_0 ^ #seed, last ^ #secret_1);
            #hash_middle
            fold(hash ^ #secret_2, (bytes.len() as u64) ^ #secret_3)
        }

        /// The code spelled exactly `bytes`, or `None`.
        #[inline]
        const fn lookup(bytes: &[u8]) -> ::core::option::Option<Self> {
            let len = bytes.len();
            if #length_mismatch {
                return #none;
            }
            let (first, last) = Self::words(bytes);
            let hash = Self::hash(bytes, first, last);
            let displacement = Self::displacements()[(hash >> #bucket_shift) as usize] as u64;
            let slot = ((hash ^ displacement.wrapping_mul(#MIX_DISPLACEMENT)).wrapping_mul(#MIX_SLOT)
                >> #slot_shift) as usize;
            let index = Self::slots()[slot] as usize;
            // The candidate is the answer only if it is spelled exactly like the input; the last
            // word first (see `spelling_keys`).
            let ::core::option::Option::Some(&[expected_last, expected_first, expected_len]) =
                Self::spelling_keys().split_at(3 * index).1.first_chunk::<3>()
            else {
                return #none;
            };
            if (expected_last ^ last) | (expected_first ^ first) | (expected_len ^ len as u64) != 0 {
                return #none;
            }
            #compare_middle
            ::core::option::Option::Some(Self::all()[index])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_pad_short_input() {
        assert_eq!(words(b""), (0, 0));
        assert_eq!(words(b"A.1"), (0x31_2E_41, 0x31_2E_41 << 40));
        assert_eq!(words(b"FRS.0202").0, words(b"FRS.0202").1);
        assert_eq!(words(b"CCE.01400001").1, u64::from_le_bytes(*b"01400001"));
    }

    #[test]
    fn every_spelling_gets_a_slot_of_its_own() {
        let spellings: Vec<String> = (0..5000)
            .map(|number| format!("ModelArts.{number:04}"))
            .chain((0..2000).map(|number| format!("CCE.0{}", 1_400_001 + number * 7)))
            .chain((0..500).map(|number| format!("DBS.{}", 200_001 + number)))
            .chain(["1100", "01", "AccessDenied", "SVCSTG.CCE-ADDONMGR.4000003"].map(String::from))
            .collect();
        let spellings: Vec<&str> = spellings.iter().map(String::as_str).collect();
        let table = perfect(&spellings);
        let mut reached: Vec<usize> = spellings
            .iter()
            .map(|spelling| {
                let hash = hash(spelling.as_bytes(), table.seed, table.with_middle);
                let bucket = (hash >> (64 - table.bucket_bits)) as usize;
                table.slots[slot_of(hash, table.displacements[bucket], table.slot_bits)]
            })
            .collect();
        assert!(reached
            .iter()
            .enumerate()
            .all(|(index, slot)| index == *slot));
        reached.dedup();
        assert_eq!(reached.len(), spellings.len());
        assert!(table.slots.len() <= 2 * spellings.len().next_power_of_two());
    }
}
