//! How `Category::of` turns an input's prefix slot (see [`category_of`](super::category_of))
//! and number into its category, with no branch on the slot and none on the number's size.
//!
//! Numbers are compared as keys: their digits' bytes, the last digit lowest (see `number_key`).
//! Where every prefix is held whole by one category (or by none), as on every imported page,
//! each slot has its category and the number is not read at all. Otherwise:
//!
//! * where the ranges' ends are far enough apart (`Buckets`), the number's leading digits name
//!   a bucket of the slot's table, which holds at most one place where the category changes:
//!   one load and one comparison (which LLVM makes a branch, taken the same way by most numbers
//!   of a bucket), whatever the number of ranges;
//! * else each slot has the same number of ranges, sorted by first number (an unused one starts
//!   at `u64::MAX`, after every number): the number of them starting at or before the input's
//!   number, counted without a branch, names the only range that can hold it, and a comparison
//!   with its last number picks that range's category or the slot's `None`.
//!
//! A prefix held whole by a category has the one range `0..=UNNUMBERED`, which an input without
//! a number also falls in.

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
    let slot_count = slot_prefix.len();
    let slot_ranges: Vec<&[(u64, u64, usize)]> = slot_prefix
        .iter()
        .map(|prefix| prefix.map_or(&[][..], |index| &known[index].ranges))
        .collect();
    // Category values rather than positions in `ALL`: one load less on the way to the answer.
    let category_value = |category: Option<usize>| match category {
        Some(category) => {
            let ident = variant(&catalogue.categories[category].name);
            quote!(::core::option::Option::Some(#category_type::#ident))
        }
        None => quote!(::core::option::Option::None),
    };
    // Where every prefix is held whole by one category or by none (as on every imported page,
    // which names no ranges), no category changes with the number: it follows from the prefix
    // alone, and the number is neither read nor compared.
    let ranged = slot_ranges
        .iter()
        .any(|ranges| !boundaries(ranges).is_empty());
    if !ranged {
        let slot_categories = slot_ranges
            .iter()
            .map(|ranges| category_value(ranges.first().map(|(_, _, category)| *category)));
        let tables = quote! {
            /// The category that holds each slot's prefix whole, whatever the number.
            const fn slot_categories() -> &'static [::core::option::Option<Self>; #slot_count] {
                static SLOT_CATEGORIES: [::core::option::Option<#category_type>; #slot_count] =
                    [#(#slot_categories),*];
                &SLOT_CATEGORIES
            }
        };
        let number = NumberUse {
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
        };
        return (tables, number);
    }
    let (tables, find_category) = match Buckets::choose(&slot_ranges) {
        Some(buckets) => buckets.tables(&slot_ranges, category_type, &category_value),
        None => counted_ranges(&slot_ranges, category_type, &category_value),
    };
    let nine_digits = nine_digits_mark();
    let unnumbered = bound_literal(UNNUMBERED);
    let number = NumberUse {
        parameter: quote!(number: u64,),
        values: quote!(values),
        read: quote! {
            // The digits, one a byte, the last one lowest: the keys the range tables hold.
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
        find_category,
        doc: " The category of an input whose prefix is its first `prefix_len` bytes \
              (`first` is its first word) and whose number is `number`.",
    };
    (tables, number)
}

/// The category of the numbers with key `key` under a prefix with `ranges`.
fn category_at(ranges: &[(u64, u64, usize)], key: u64) -> Option<usize> {
    ranges
        .iter()
        .find(|(first, last, _)| (*first..=*last).contains(&key))
        .map(|(_, _, category)| *category)
}

/// Where the category can change, as keys: each range's first number and the number after its
/// last (the one after the largest 9-digit number is `UNNUMBERED`). A prefix held whole has
/// none.
fn boundaries(ranges: &[(u64, u64, usize)]) -> Vec<u64> {
    let mut boundaries = Vec::new();
    for (first, last, _) in ranges {
        if *first == 0 && *last == UNNUMBERED {
            continue;
        }
        boundaries.push(*first);
        boundaries.push(match key_number(*last) {
            999_999_999 => UNNUMBERED,
            last => number_key(last + 1),
        });
    }
    boundaries.retain(|boundary| *boundary != 0);
    boundaries.sort_unstable();
    boundaries.dedup();
    boundaries
}

/// The number a key (see `number_key`) stands for.
fn key_number(key: u64) -> u32 {
    if key & NINE_DIGITS != 0 {
        return (key & !NINE_DIGITS) as u32;
    }
    key.to_be_bytes()
        .iter()
        .fold(0, |number, digit| number * 10 + u32::from(*digit))
}

/// A layout that finds an input's range with one load and one comparison, for catalogues whose
/// ranges start and end far enough apart: numbers below `10^(low_digits + high_digits)` are
/// cut into buckets of `10^low_digits` by their digits from the `low_digits`th on, with one
/// more bucket for every larger number (and any input without a number). Each bucket holds at
/// most one boundary, compared with the number's low digits.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Buckets {
    low_digits: u32,
    high_digits: u32,
}

impl Buckets {
    /// The layout with the fewest buckets and then the fewest low digits that fits every
    /// prefix's ranges, if one does. One or two digits name a bucket: more would make tables
    /// of thousands of entries per prefix.
    fn choose(slot_ranges: &[&[(u64, u64, usize)]]) -> Option<Self> {
        let boundaries: Vec<Vec<u64>> = slot_ranges
            .iter()
            .map(|ranges| boundaries(ranges))
            .collect();
        (1..=2)
            .flat_map(|high_digits| {
                (1..=8 - high_digits).map(move |low_digits| Buckets {
                    low_digits,
                    high_digits,
                })
            })
            .find(|buckets| boundaries.iter().all(|boundaries| buckets.fits(boundaries)))
    }

    /// Whether no boundary comes after `limit` and at most one is inside each bucket (one at a
    /// bucket's start only changes the bucket's category).
    fn fits(self, boundaries: &[u64]) -> bool {
        let mut inside: Vec<usize> = boundaries
            .iter()
            .filter(|boundary| self.is_inside(**boundary))
            .map(|boundary| self.bucket(*boundary))
            .collect();
        let count = inside.len();
        inside.sort_unstable();
        inside.dedup();
        inside.len() == count && boundaries.iter().all(|boundary| *boundary <= self.limit())
    }

    /// Whether `boundary` falls inside a bucket rather than at its start (`limit`, where the
    /// last bucket starts, is not made of the low digits a bucket compares).
    fn is_inside(self, boundary: u64) -> bool {
        boundary < self.limit() && boundary & self.low_mask() != 0
    }

    /// The buckets of each prefix, the last for numbers from `limit` on.
    fn bucket_count(self) -> usize {
        10usize.pow(self.high_digits) + 1
    }

    /// The key of the first number of the last bucket.
    fn limit(self) -> u64 {
        number_key(10u32.pow(self.low_digits + self.high_digits))
    }

    /// The key bytes of the digits compared within a bucket.
    fn low_mask(self) -> u64 {
        (1 << (8 * self.low_digits)) - 1
    }

    /// The bucket of the numbers with key `key`, as the generated code finds it: the value of
    /// the digits from `low_digits` on, or the last bucket where that is larger, as it is from
    /// `limit` on (a key's byte past those digits is set, or its top bit).
    fn bucket(self, key: u64) -> usize {
        let high = key >> (8 * self.low_digits);
        ((high & 0xFF) + 10 * (high >> 8)).min(self.bucket_count() as u64 - 1) as usize
    }

    /// Each bucket of a prefix with `ranges`: the key of the low digits of the boundary inside
    /// it (`0` for none), the category below that boundary and the one from it on.
    fn entries(self, ranges: &[(u64, u64, usize)]) -> Vec<(u64, Option<usize>, Option<usize>)> {
        let boundaries = boundaries(ranges);
        (0..self.bucket_count())
            .map(|bucket| {
                let start = if bucket + 1 == self.bucket_count() {
                    self.limit()
                } else {
                    number_key(bucket as u32 * 10u32.pow(self.low_digits))
                };
                let below = category_at(ranges, start);
                let inside = boundaries.iter().find(|boundary| {
                    self.is_inside(**boundary) && self.bucket(**boundary) == bucket
                });
                match inside {
                    Some(boundary) => (
                        *boundary & self.low_mask(),
                        below,
                        category_at(ranges, *boundary),
                    ),
                    None => (0, below, below),
                }
            })
            .collect()
    }

    /// The `range_buckets` table and the code that reads it.
    fn tables(
        self,
        slot_ranges: &[&[(u64, u64, usize)]],
        category_type: &Ident,
        category_value: &dyn Fn(Option<usize>) -> TokenStream,
    ) -> (TokenStream, TokenStream) {
        let per_slot = index_literal(self.bucket_count());
        // A slot whose buckets are all alike (no prefix, or one held whole) is one repeat.
        let row = |items: Vec<TokenStream>| {
            let first = items[0].to_string();
            if items.iter().all(|item| item.to_string() == first) {
                let first = &items[0];
                quote!([#first; #per_slot])
            } else {
                quote!([#(#items),*])
            }
        };
        let rows = slot_ranges.iter().map(|ranges| {
            row(self
                .entries(ranges)
                .iter()
                .map(|(boundary, below, above)| {
                    let boundary = bound_literal(*boundary);
                    let (below, above) = (category_value(*below), category_value(*above));
                    quote!((#boundary, [#below, #above]))
                })
                .collect())
        });
        let slot_count = index_literal(slot_ranges.len());
        let last_bucket = Literal::u64_unsuffixed(self.bucket_count() as u64 - 1);
        let shift = Literal::u32_unsuffixed(8 * self.low_digits);
        // One `FF` a digit, as the keys show one digit a byte.
        let low_mask = format!("0x{}", vec!["FF"; self.low_digits as usize].join("_"))
            .parse::<Literal>()
            .expect("a hex literal");
        let high_value = if self.high_digits == 1 {
            quote!(let bucket = number >> #shift;)
        } else {
            quote! {
                let high = number >> #shift;
                let bucket = (high & 0xFF) + 10 * (high >> 8);
            }
        };
        // `Ord::min` is not a `const fn`.
        let bucket = quote! {
            #high_value
            let bucket = if bucket < #last_bucket { bucket as usize } else { #last_bucket };
        };
        let doc = format!(
            " The buckets of `slot`: the numbers below `{}` in buckets of `{}`, then one for\n \
             every other input. Each holds where a range or the gap after one starts inside it, as\n \
             the key of its digits below `{1}` (`0` where nothing starts inside it), and the\n \
             category of its numbers below that boundary and from it on.",
            grouped(10u32.pow(self.low_digits + self.high_digits)),
            grouped(10u32.pow(self.low_digits)),
        );
        // A row of the table per slot; the function returns one, which keeps its signature
        // simple enough for clippy's `type_complexity`.
        let tables = quote! {
            #[doc = #doc]
            const fn range_buckets(
                slot: usize,
            ) -> &'static [(u64, [::core::option::Option<Self>; 2]); #per_slot] {
                static RANGE_BUCKETS: [
                    [(u64, [::core::option::Option<#category_type>; 2]); #per_slot];
                    #slot_count
                ] = [#(#rows),*];
                &RANGE_BUCKETS[slot]
            }
        };
        let find_category = quote! {
            // The bucket: the value of the number's digits from the bucket size on, larger than
            // any bucket for a number past the last bucket's start (or none), whose bucket is the
            // last (see `Buckets::bucket`); then one load and one comparison, whatever the ranges.
            #bucket
            let (boundary, [below, above]) = Self::range_buckets(slot)[bucket];
            if number & #low_mask >= boundary { above } else { below }
        };
        (tables, find_category)
    }
}

/// `number` as a Rust literal would group it, `1_000_000`.
fn grouped(number: u32) -> String {
    let digits = number.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('_');
        }
        grouped.push(digit);
    }
    grouped
}

/// Tables that find an input's range by counting the ranges that start at or before its
/// number, for ranges too close together for `Buckets`.
fn counted_ranges(
    slot_ranges: &[&[(u64, u64, usize)]],
    category_type: &Ident,
    category_value: &dyn Fn(Option<usize>) -> TokenStream,
) -> (TokenStream, TokenStream) {
    let per_slot = slot_ranges
        .iter()
        .map(|ranges| ranges.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let firsts = slot_ranges.iter().flat_map(|ranges| {
        ranges
            .iter()
            .map(|(first, _, _)| *first)
            .chain(std::iter::repeat_n(u64::MAX, per_slot - ranges.len()))
            .map(bound_literal)
    });
    let first_count = per_slot * slot_ranges.len();
    // Each slot's ranges after one that holds no number: no range starts at or before the number
    // means the first entry; its last number lets every number through to its `None`.
    let ends: Vec<(u64, Option<usize>)> = slot_ranges
        .iter()
        .flat_map(|ranges| {
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
    let range_categories = ends.iter().map(|(_, category)| category_value(*category));
    let per_slot_ends = index_literal(per_slot + 1);
    let firsts_doc = format!(
        " The first number of each slot's ranges, in order, the same number of them for every\n \
         slot; `u64::MAX` where the slot's prefix has no more ranges. Each number is a key:\n \
         its decimal digits, one a byte, the last digit lowest (an input's digits,\n \
         byte-swapped), which the hex literals show; a 9-digit number, which 8 bytes cannot\n \
         hold, is `1 << {}` above its value. Keys are in the order of their numbers.",
        NINE_DIGITS.trailing_zeros()
    );
    let tables = quote! {
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
    };
    let ranges_per_slot = index_literal(per_slot);
    // `slot * 1` is what clippy's `identity_op` flags in a generated file.
    let base = if per_slot == 1 {
        quote!(slot)
    } else {
        quote!(slot * #ranges_per_slot)
    };
    let find_category = quote! {
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
    };
    (tables, find_category)
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

    /// Ranges as the generator holds them: bounds as keys, categories numbered in order.
    fn keyed(ranges: &[(u32, u32)]) -> Vec<(u64, u64, usize)> {
        ranges
            .iter()
            .enumerate()
            .map(|(category, (first, last))| (number_key(*first), number_key(*last), category))
            .collect()
    }

    /// What the generated `range_buckets` lookup answers for `key`, written as `tables` emits it
    /// (the one-digit form shifts only), with checked arithmetic.
    fn bucketed(buckets: Buckets, ranges: &[(u64, u64, usize)], key: u64) -> Option<usize> {
        let last = buckets.bucket_count() as u64 - 1;
        let high = key >> (8 * buckets.low_digits);
        let bucket = if buckets.high_digits == 1 {
            high
        } else {
            (high & 0xFF)
                .checked_add((high >> 8).checked_mul(10).expect("no overflow"))
                .expect("no overflow")
        };
        let bucket = if bucket < last { bucket } else { last };
        let (boundary, below, above) = buckets.entries(ranges)[usize::try_from(bucket).unwrap()];
        if key & buckets.low_mask() >= boundary {
            above
        } else {
            below
        }
    }

    /// The lookup gives every key in `keys` the category its ranges do.
    fn assert_answers(
        buckets: Buckets,
        ranges: &[(u64, u64, usize)],
        keys: impl IntoIterator<Item = u64>,
    ) {
        for key in keys {
            assert_eq!(
                bucketed(buckets, ranges, key),
                category_at(ranges, key),
                "key {key:#x} in {buckets:?} for {ranges:x?}"
            );
        }
    }

    const FRS: [(u32, u32); 6] = [
        (1, 99),
        (201, 300),
        (301, 400),
        (401, 500),
        (501, 600),
        (701, 800),
    ];
    const CCE: [(u32, u32); 4] = [
        (1_400_000, 1_499_999),
        (1_500_000, 1_599_999),
        (3_400_000, 3_499_999),
        (4_000_000, 4_099_999),
    ];

    #[test]
    fn buckets_are_as_few_and_as_fine_as_the_ranges_allow() {
        let frs = keyed(&FRS);
        let gateway = keyed(&[(1, 400)]);
        let layout = |low_digits, high_digits| Buckets {
            low_digits,
            high_digits,
        };
        assert_eq!(Buckets::choose(&[&frs, &gateway, &[]]), Some(layout(2, 1)));
        assert_eq!(Buckets::choose(&[&keyed(&CCE)]), Some(layout(5, 2)));
        // FRS needs buckets of 100 at most, CCE's ranges then span too many of them.
        assert_eq!(Buckets::choose(&[&frs, &keyed(&CCE)]), None);
        // Two boundaries, 1 and 6, inside the first bucket of any size.
        assert_eq!(Buckets::choose(&[&keyed(&[(1, 5), (6, 10)])]), None);
        // A range up to the largest 9-digit number ends where inputs without one start.
        assert_eq!(Buckets::choose(&[&keyed(&[(1, 999_999_999)])]), None);
        // A range ending just before the last bucket ends where it starts.
        let upto_999 = keyed(&[(1, 400), (401, 999)]);
        assert_eq!(Buckets::choose(&[&upto_999]), Some(layout(2, 1)));
        let eight_digits = keyed(&[(10_000_000, 99_999_999)]);
        assert_eq!(Buckets::choose(&[&eight_digits]), Some(layout(7, 1)));
    }

    #[test]
    fn every_layout_answers_as_random_ranges_do() {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        let mut layouts = std::collections::BTreeSet::new();
        for _ in 0..3_000 {
            // Up to four ranges of numbers at one scale, sorted, not overlapping, some touching.
            let scale = 10u64.pow(next(8) as u32);
            let mut start = next(3) * scale;
            let mut numbers = Vec::new();
            for _ in 0..=next(4) {
                let end = start + next(20) * scale + next(2) * (scale - 1);
                if end > 999_999_999 {
                    break;
                }
                numbers.push((start as u32, end as u32));
                start = end + 1 + next(2) * next(30) * scale;
            }
            let ranges = keyed(&numbers);
            let Some(buckets) = Buckets::choose(&[&ranges]) else {
                continue;
            };
            layouts.insert((buckets.low_digits, buckets.high_digits));
            let mut probes = vec![0, 1, 999_999_999];
            for (first, last) in &numbers {
                for step in [0, 1, 2, 10, scale] {
                    probes.extend([
                        first.saturating_sub(step as u32),
                        last.saturating_add(step as u32),
                    ]);
                }
            }
            probes.extend((0..20).map(|_| next(1_000_000_000) as u32));
            let keys = probes
                .into_iter()
                .filter(|number| *number <= 999_999_999)
                .map(number_key)
                .chain([UNNUMBERED]);
            assert_answers(buckets, &ranges, keys);
        }
        // Both bucket widths, and layouts across the digits.
        assert!(
            layouts.iter().any(|(_, high)| *high == 1)
                && layouts.iter().any(|(_, high)| *high == 2)
        );
        assert!(layouts.len() >= 8, "{layouts:?}");
    }

    #[test]
    fn a_bucket_answers_as_the_ranges_do() {
        let nine_digit_keys = [100_000_000, 123_456_789, 999_999_999].map(number_key);
        for (ranges, numbers) in [
            (keyed(&FRS), (0..=20_000).collect::<Vec<u32>>()),
            (
                keyed(&CCE),
                CCE.iter()
                    .flat_map(|(first, last)| {
                        [0, 1, 99_999, 100_000, 100_001].map(|step| [first - step, last + step])
                    })
                    .flatten()
                    .chain([0, 1, 9_999_999, 10_000_000, 99_999_999])
                    .collect(),
            ),
            (vec![(0, UNNUMBERED, 3)], vec![0, 1, 500, 99_999_999]),
        ] {
            let buckets = Buckets::choose(&[&ranges]).expect("a layout");
            let keys = numbers
                .into_iter()
                .map(number_key)
                .chain(nine_digit_keys)
                .chain([UNNUMBERED]);
            assert_answers(buckets, &ranges, keys);
        }
    }
}
