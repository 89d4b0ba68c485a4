//! Benchmarks of `frs-codes` and the generator of everything they run on.
//!
//! * [`catalogue::generate`] builds the 5,000-code catalogue committed as
//!   `catalogues/codes-5000.json` (deterministic: same program, same file).
//! * [`shapes::generate`] builds `catalogues/page-shapes.json`, a catalogue of the code shapes
//!   real error-code pages bring, with texts of its own.
//! * [`peers`] renders the lookups `frs_codes!` is compared with (a `&str` `match` as strum's
//!   `EnumString` writes it, and a `phf::Map` as rust-postgres' `SqlState` has it) into
//!   `generated/`.
//! * [`consumers`] renders the three crates whose release build times `build-time` compares.
//!
//! `cargo test -p frs-codes-bench` checks that the committed files are what the generator writes;
//! `FRS_BENCH_BLESS=1 cargo test -p frs-codes-bench --test generated` rewrites them.

pub mod catalogue;
pub mod consumers;
pub mod peers;
pub mod shapes;

use std::path::{Path, PathBuf};

/// A small, fast, deterministic pseudo-random generator (SplitMix64): reproducible inputs
/// without a dependency.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator whose sequence is fixed by `seed`.
    #[must_use]
    pub const fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound` > 0); the tiny modulo bias does not matter here.
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound as u64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One element of `items` (not empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for index in (1..items.len()).rev() {
            let other = self.below(index + 1);
            items.swap(index, other);
        }
    }
}

/// The bench crate's directory, where `catalogues/` and `generated/` live.
#[must_use]
pub fn crate_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every file the generator writes, relative to [`crate_dir`], with its content.
#[must_use]
pub fn generated_files() -> Vec<(&'static str, String)> {
    let big = catalogue::generate();
    let shapes = shapes::generate();
    let shapes_entries = shapes::entries(&shapes);
    vec![
        (catalogue::BIG_PATH, big.to_json()),
        (
            "generated/peers_55.rs",
            peers::render(
                "the bundled 55-code catalogue (`frs_codes::ErrorCode`)",
                &peers::bundled_entries(),
            ),
        ),
        (
            "generated/peers_5000.rs",
            peers::render(
                "the generated 5,000-code catalogue (`catalogues/codes-5000.json`)",
                &big.entries(),
            ),
        ),
        (shapes::SHAPES_PATH, shapes),
        (
            "generated/peers_shapes.rs",
            peers::render(
                "the generated catalogue of page shapes (`catalogues/page-shapes.json`)",
                &shapes_entries,
            ),
        ),
    ]
}
