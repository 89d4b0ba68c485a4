//! `Category::of`: the category of any input, by its prefix and number, in a few loads and
//! compares whatever the catalogue's shape, and no branch that depends on which prefix the
//! input has or how many digits it ends with (inputs in random order would mispredict it).
//!
//! The usual inputs, `PREFIX.DIGITS` and `DIGITS` with up to 8 digits, are told apart from the
//! others with a few word operations on the input's last 8 bytes, and their number is read as
//! its digits' bytes in one byte swap (see `number_key`); the others (9 digits, no number) take
//! an out-of-line path through `shape`.
//! The prefix (up to 16 bytes) is found by a perfect hash of its length and first 8 bytes (and
//! its last 8 bytes only where those do not tell two prefixes apart), and confirmed by comparing
//! them; a catalogue with one prefix compares it with constants, and a longer prefix is compared
//! byte by byte. The hash names a slot, and every table is indexed by slot; how the slot and the
//! number give the category is in [`category_ranges`](super::category_ranges).
//! A listed code whose category is not the one its prefix and number give (a category that
//! names codes instead of a prefix) is found by the lookup, which runs only for its prefix.

use super::category_ranges::{number_key, number_use, NumberUse, UNNUMBERED};
use super::index_literal;
use super::lookup::{bits_for, seed, seeds, words};
use crate::model::{Catalogue, Shape};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{quote, ToTokens};

/// A prefix the category lookup knows: claimed by categories, or the prefix of a code whose
/// category is its own.
pub(super) struct Known<'a> {
    text: &'a str,
    /// `(first, last, category)`, the bounds as keys (see `number_key`); a category that holds
    /// the prefix whole has the one range `0..=UNNUMBERED`.
    pub(super) ranges: Vec<(u64, u64, usize)>,
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
                None => prefix
                    .ranges
                    .iter()
                    .map(|(first, last, category)| {
                        (number_key(*first), number_key(*last), *category)
                    })
                    .collect(),
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

/// A word of a prefix key, with `u64::MAX` (an empty slot's length) spelled so.
fn key_literal(word: u64) -> TokenStream {
    if word == u64::MAX {
        quote!(u64::MAX)
    } else {
        Literal::u64_unsuffixed(word).into_token_stream()
    }
}

/// The longest prefix the perfect hash takes; longer ones are compared byte by byte.
const HASHED_PREFIX_LEN: usize = 16;

/// The key of a prefix of at most 16 bytes: its length, its first 8 bytes and, when longer than
/// 8, its last 8 bytes, little-endian and zero-padded as the generated code reads them.
fn key(text: &str) -> (u64, u64, u64) {
    let (head, last) = words(text.as_bytes());
    let tail = if text.len() > 8 { last } else { 0 };
    (text.len() as u64, head, tail)
}

/// The word the perfect hash of prefixes multiplies, made of a prefix's key (its length, first
/// word and last word): the first form that gives every known prefix a word of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PrefixMix {
    /// The first word and the length: enough for nearly every catalogue (each prefix of up to 8
    /// bytes has a word of its own), and the usual hash waits for no other load.
    Head,
    /// The last word too, rotated: where two prefixes start alike, e.g. `SVCSTG.CCECAM` and
    /// `SVCSTG.CCEOPS`, or where a first byte differs exactly as their lengths do (`ABCDEFGHIJ`
    /// and `CBCDEFGH`: `A ^ C` is `10 ^ 8`).
    HeadAndTail,
    /// The last word and the length each multiplied by a factor: where the rotation lines up a
    /// difference in the last word with one in the first (only a catalogue made to do that
    /// needs it, e.g. `ABCDEFGHIJKLMNOP` and `CBCDEFGHIJKLONOP`).
    Spread { tail_factor: u64, len_factor: u64 },
}

impl PrefixMix {
    /// The first form, and the first factors, that give each of `keys` a word of its own. The
    /// keys differ, so some factors tell them apart, and the first pair almost always does. The
    /// one difference no factor moves, in the top bits of the words alone, would take bytes that
    /// are not UTF-8 text or are control characters, which validation refuses.
    fn choose(keys: &[(u64, u64, u64)]) -> Self {
        let mut mix = PrefixMix::Head;
        let mut attempt = 0;
        while !mix.tells_apart(keys) {
            mix = match mix {
                PrefixMix::Head => PrefixMix::HeadAndTail,
                PrefixMix::HeadAndTail | PrefixMix::Spread { .. } => {
                    attempt += 1;
                    PrefixMix::Spread {
                        tail_factor: seed(2 * attempt) | 1,
                        len_factor: seed(2 * attempt + 1) | 1,
                    }
                }
            };
        }
        mix
    }

    fn tells_apart(self, keys: &[(u64, u64, u64)]) -> bool {
        let mut words: Vec<u64> = keys.iter().map(|key| self.word(*key)).collect();
        words.sort_unstable();
        words.dedup();
        words.len() == keys.len()
    }

    /// The word of a prefix's key, as the generated code computes it.
    fn word(self, (len, head, tail): (u64, u64, u64)) -> u64 {
        match self {
            PrefixMix::Head => head ^ len,
            PrefixMix::HeadAndTail => head ^ tail.rotate_left(32) ^ len,
            PrefixMix::Spread {
                tail_factor,
                len_factor,
            } => head ^ tail.wrapping_mul(tail_factor) ^ len.wrapping_mul(len_factor),
        }
    }

    /// The generated expression of the word, from `head`, `tail` and `prefix_len`.
    fn tokens(self) -> TokenStream {
        match self {
            PrefixMix::Head => quote!((head ^ prefix_len as u64)),
            PrefixMix::HeadAndTail => quote!((head ^ tail.rotate_left(32) ^ prefix_len as u64)),
            PrefixMix::Spread {
                tail_factor,
                len_factor,
            } => {
                let tail_factor = Literal::u64_unsuffixed(tail_factor);
                let len_factor = Literal::u64_unsuffixed(len_factor);
                quote!((head
                    ^ tail.wrapping_mul(#tail_factor)
                    ^ (prefix_len as u64).wrapping_mul(#len_factor)))
            }
        }
    }
}

/// A multiplier and a table size (in bits) that send every key to a slot of its own, from the
/// lookup's fixed sequence of seeds made odd, so expansion is deterministic. The search ends:
/// `mix` gives each key a word of its own, and at 64 bits an odd multiplier keeps them apart.
fn perfect(keys: &[(u64, u64, u64)], mix: PrefixMix) -> (u64, u32) {
    let mut bits = bits_for(2 * keys.len());
    loop {
        for multiplier in seeds().take(64).map(|seed| seed | 1) {
            let mut slots: Vec<u64> = keys
                .iter()
                .map(|key| mix.word(*key).wrapping_mul(multiplier) >> (64 - bits))
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
    let PrefixSlots {
        slot_prefix,
        prefix_keys,
        find_slot,
        reads_bytes: slot_reads_bytes,
    } = prefix_slots(&known);
    let slot_count = slot_prefix.len();
    let listed_tables = known.iter().any(|prefix| prefix.listed).then(|| {
        let listed = slot_prefix
            .iter()
            .map(|prefix| prefix.is_some_and(|index| known[index].listed));
        quote! {
            /// Whether a listed code with the prefix in each slot has a category of its own.
            const fn listed_categories() -> &'static [bool; #slot_count] {
                static LISTED_CATEGORIES: [bool; #slot_count] = [#(#listed),*];
                &LISTED_CATEGORIES
            }
        }
    });
    let listed_lookup = listed_tables.is_some().then(|| {
        // Not two nested `if`s: from edition 2024 clippy would have them be one let chain,
        // which edition 2021 does not have.
        quote! {
            let listed = if Self::listed_categories()[slot] {
                #code_type::lookup(bytes)
            } else {
                #none
            };
            if let ::core::option::Option::Some(found) = listed {
                return ::core::option::Option::Some(found.category());
            }
        }
    });
    // The input's bytes, only where the prefix's last word, a long prefix or the lookup reads
    // them.
    let reads_bytes = slot_reads_bytes || listed_lookup.is_some();
    let bytes_parameter = reads_bytes.then(|| quote!(bytes: &[u8],));
    let bytes_argument = reads_bytes.then(|| quote!(bytes,));
    let (number_tables, number) = number_use(
        catalogue,
        &known,
        &slot_prefix,
        code_type,
        category_type,
        &bytes_argument,
    );
    let NumberUse {
        parameter: number_parameter,
        values,
        read: read_number,
        argument: number_argument,
        unusual: unusual_number,
        find_category,
        doc: of_prefix_doc,
    } = number;
    quote! {
        #prefix_keys

        #number_tables

        #listed_tables

        /// [`of`](Self::of) for an input not shaped `PREFIX.DIGITS` or `DIGITS` with up to 8
        /// digits: rare, and kept out of line so that the usual path stays short.
        #[cold]
        #[inline(never)]
        const fn of_unusual(bytes: &[u8], first: u64, last: u64) -> ::core::option::Option<Self> {
            #unusual_number
        }

        /// [`of`](Self::of) for the bytes of a string.
        #[inline]
        const fn of_bytes(bytes: &[u8]) -> ::core::option::Option<Self> {
            let len = bytes.len();
            let (first, last) = #code_type::words(bytes);
            let (digits, #values) = #code_type::trailing_digits(last);
            // The byte in front of the digits (an input that is all digits reads its own first
            // digit, and is `DIGITS` by its length): one read, where telling up to 7 digits from
            // 8 would be a branch that inputs in random order mispredict.
            let before = if len > 0 { bytes[(len - digits).saturating_sub(1)] } else { 0 };
            // The usual shapes, `PREFIX.DIGITS` and `DIGITS` with up to 8 digits, are told
            // apart without a branch.
            if !((digits.wrapping_sub(1) < 8) & ((before == b'.') | (digits == len))) {
                return Self::of_unusual(bytes, first, last);
            }
            #read_number
            Self::of_prefix(#bytes_argument first, len.saturating_sub(digits + 1), #number_argument)
        }

        #[doc = #of_prefix_doc]
        #[inline(always)]
        const fn of_prefix(
            #bytes_parameter
            first: u64,
            prefix_len: usize,
            #number_parameter
        ) -> ::core::option::Option<Self> {
            let slot = #find_slot;
            #listed_lookup
            #find_category
        }
    }
}

/// How `Category::of` finds an input prefix's slot, which every other table is indexed by.
struct PrefixSlots {
    /// The known prefix (its index in `known`) each slot holds.
    slot_prefix: Vec<Option<usize>>,
    /// The `prefix_keys` table, where there is more than one prefix.
    prefix_keys: Option<TokenStream>,
    /// The expression that is the input prefix's slot, or returns `None`.
    find_slot: TokenStream,
    /// Whether that expression reads the input's bytes (a long prefix, or a last word).
    reads_bytes: bool,
}

/// A perfect hash of the known prefixes up to 16 bytes, and a slot of its own for each longer
/// one.
fn prefix_slots(known: &[Known<'_>]) -> PrefixSlots {
    let none = quote!(::core::option::Option::None);
    let hashed: Vec<(usize, (u64, u64, u64))> = known
        .iter()
        .enumerate()
        .filter(|(_, prefix)| prefix.text.len() <= HASHED_PREFIX_LEN)
        .map(|(index, prefix)| (index, key(prefix.text)))
        .collect();
    let keys: Vec<(u64, u64, u64)> = hashed.iter().map(|(_, key)| *key).collect();
    // Whether a hashed prefix is longer than 8 bytes, so that its last word is read.
    let wide = keys.iter().any(|(len, _, _)| *len > 8);
    // The prefix's first word: its first `prefix_len` bytes of `first`. Where every prefix is
    // shorter than 8 bytes, an input's longer prefix matches none whatever its word, so the mask
    // may wrap around for it rather than be chosen by a comparison (and its shift is computed
    // wrapping too: an input prefix of 2^29 bytes must not overflow it).
    let read_head = if keys.iter().all(|(len, _, _)| *len < 8) {
        quote!(let head = first & (1u64.wrapping_shl((prefix_len as u32).wrapping_mul(8)) - 1);)
    } else {
        quote!(let head = if prefix_len >= 8 { first } else { first & ((1 << (8 * prefix_len)) - 1) };)
    };
    // One prefix, compared without a hash or a table.
    let single = known.len() == 1 && hashed.len() == 1;
    let mix = PrefixMix::choose(&keys);
    let (multiplier, bits) = if single { (0, 0) } else { perfect(&keys, mix) };
    // Every table is indexed by slot: the hash's slots first, then one slot for each prefix too
    // long to hash, so that the prefix's key and ranges are one load away from the hash.
    let hashed_slots = 1usize << bits;
    let mut slot_prefix: Vec<Option<usize>> = vec![None; hashed_slots];
    for (index, key) in &hashed {
        let slot = if single {
            0
        } else {
            (mix.word(*key).wrapping_mul(multiplier) >> (64 - bits)) as usize
        };
        slot_prefix[slot] = Some(*index);
    }
    let long: Vec<(usize, usize)> = known
        .iter()
        .enumerate()
        .filter(|(_, prefix)| prefix.text.len() > HASHED_PREFIX_LEN)
        .map(|(index, _)| {
            slot_prefix.push(Some(index));
            (index, slot_prefix.len() - 1)
        })
        .collect();
    let slot_count = slot_prefix.len();
    // An empty slot, or one a long prefix holds, has a key no input's prefix has (a length
    // over 16).
    let key_width = if wide { 3 } else { 2 };
    let key_values = slot_prefix.iter().flat_map(|prefix| {
        let (len, head, tail) = match prefix {
            Some(index) if known[*index].text.len() <= HASHED_PREFIX_LEN => key(known[*index].text),
            _ => (u64::MAX, 0, 0),
        };
        [len, head, tail][..key_width]
            .iter()
            .map(|word| key_literal(*word))
            .collect::<Vec<_>>()
    });
    let key_count = key_width * slot_count;
    let key_width = index_literal(key_width);
    let read_tail = wide.then(|| {
        quote! {
            // The 8 bytes that end the prefix, read whatever its length (from the start of an
            // input of 8 bytes or more) and kept only when it is longer than 8: a branch on its
            // length would mispredict.
            let len = bytes.len();
            let end = if prefix_len > 8 { prefix_len } else { 8 };
            let window = match bytes.split_at(if end > len { len } else { end }).0.last_chunk::<8>() {
                ::core::option::Option::Some(window) => u64::from_le_bytes(*window),
                ::core::option::Option::None => 0,
            };
            let tail = window & 0u64.wrapping_sub((prefix_len > 8) as u64);
        }
    });
    let find_slot = if single {
        let (len, head, tail) = keys[0];
        let (len, head, tail) = (
            Literal::u64_unsuffixed(len),
            Literal::u64_unsuffixed(head),
            Literal::u64_unsuffixed(tail),
        );
        let compare_tail = wide.then(|| quote!(| (tail ^ #tail)));
        quote! {
            if (prefix_len as u64 ^ #len) | (head ^ #head) #compare_tail != 0 {
                return #none;
            }
            0
        }
    } else {
        let hashed_key = mix.tokens();
        let multiplier = Literal::u64_unsuffixed(multiplier);
        let shift = Literal::u32_unsuffixed(64 - bits);
        let (pattern, differs) = if wide {
            (
                quote!([key_len, key_head, key_tail]),
                quote!((key_len ^ prefix_len as u64) | (key_head ^ head) | (key_tail ^ tail)),
            )
        } else {
            (
                quote!([key_len, key_head]),
                quote!((key_len ^ prefix_len as u64) | (key_head ^ head)),
            )
        };
        quote! {
            let slot = (#hashed_key.wrapping_mul(#multiplier) >> #shift) as usize;
            let ::core::option::Option::Some(&#pattern) =
                Self::prefix_keys().split_at(#key_width * slot).1.first_chunk::<#key_width>()
            else {
                return #none;
            };
            if #differs != 0 {
                return #none;
            }
            slot
        }
    };
    let prefix_keys = (!single).then(|| {
        quote! {
            /// Each slot's prefix as its length, its first word and, where a prefix is longer than
            /// 8 bytes, its last word; an empty slot has a length no prefix has.
            const fn prefix_keys() -> &'static [u64; #key_count] {
                static PREFIX_KEYS: [u64; #key_count] = [#(#key_values),*];
                &PREFIX_KEYS
            }
        }
    });

    let long_prefixes = (!long.is_empty()).then(|| {
        let arms = long.iter().map(|(index, slot)| {
            let text = Literal::byte_string(known[*index].text.as_bytes());
            let slot = index_literal(*slot);
            quote!(#text => #slot,)
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
    PrefixSlots {
        slot_prefix,
        prefix_keys,
        find_slot: quote! {
            #long_prefixes {
                #read_head
                #read_tail
                #find_slot
            }
        },
        reads_bytes: wide || !long.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::{key, perfect, PrefixMix};

    fn keys(prefixes: &[&str]) -> Vec<(u64, u64, u64)> {
        prefixes.iter().map(|prefix| key(prefix)).collect()
    }

    /// Where a form stands in the order `choose` tries them.
    fn rank(mix: PrefixMix) -> usize {
        match mix {
            PrefixMix::Head => 0,
            PrefixMix::HeadAndTail => 1,
            PrefixMix::Spread { .. } => 2,
        }
    }

    /// Each form is chosen only where the ones before it send two prefixes to the same word, and
    /// the perfect hash then gives every prefix a slot of its own.
    #[test]
    fn prefixes_that_look_alike_to_a_form_get_the_next() {
        let cases: [(&[&str], usize); 4] = [
            (&["FRS", "APIG", "APIGW", "ModelArts", ""], 0),
            (&["ModelArts", "ModelArtz", "FRS"], 1),
            // The first bytes differ as the lengths do: `A ^ C == 10 ^ 8`.
            (&["ABCDEFGHIJ", "CBCDEFGH"], 1),
            // The first two differ alike in bytes 0 and 12, which the rotation lines up; the
            // third starts as the first does.
            (
                &["ABCDEFGHIJKLMNOP", "CBCDEFGHIJKLONOP", "ABCDEFGHIJKLMNOQ"],
                2,
            ),
        ];
        for (prefixes, expected) in cases {
            let keys = keys(prefixes);
            let mix = PrefixMix::choose(&keys);
            assert_eq!(rank(mix), expected, "{prefixes:?}: {mix:?}");
            for earlier in [PrefixMix::Head, PrefixMix::HeadAndTail]
                .iter()
                .take(expected)
            {
                assert!(!earlier.tells_apart(&keys), "{prefixes:?}: {earlier:?}");
            }
            let (multiplier, bits) = perfect(&keys, mix);
            let mut slots: Vec<u64> = keys
                .iter()
                .map(|key| mix.word(*key).wrapping_mul(multiplier) >> (64 - bits))
                .collect();
            slots.sort_unstable();
            slots.dedup();
            assert_eq!(slots.len(), keys.len(), "{prefixes:?}");
        }
    }
}
