//! `cargo bench -p frs-codes-bench --bench lookup`: the generated `from_code` against the usual
//! ways to map a string to an enum, on the bundled 55-code catalogue and on the generated
//! 5,000-code one, for hits in random order and for three kinds of misses.
//!
//! A custom harness, so that every contender of a table is measured in the same run, in
//! interleaved rounds, and reported as a ratio to its peers: the machine is noisy, the ratios
//! are the claims. Each lookup is one call through a `&dyn Fn` (never inlined into the loop);
//! `empty call` is that call with nothing in it: the floor every row includes.
//!
//! Environment: `FRS_BENCH_ROUNDS` (default 21) samples per contender, `FRS_BENCH_SAMPLE_US`
//! (default 1000) microseconds per sample.

use frs_codes_bench::catalogue::{self, Catalogue};
use frs_codes_bench::Rng;
use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

mod bundled {
    pub use frs_codes::ErrorCode as Code;
    include!("../generated/peers_55.rs");
}

mod big {
    frs_codes::frs_codes!(
        path = "catalogues/codes-5000.json",
        name = Code,
        category = BigCategory,
        parse_error = BigParseError,
        vis = pub
    );
    include!("../generated/peers_5000.rs");
}

/// The same contenders for a catalogue module (its `Code`, `PHF` and `match_lookup`), its
/// category type and a `HashMap` of its codes, so both catalogues run identical closures.
macro_rules! contenders {
    ($module:ident, $category:path, $map:ident) => {
        [
            Contender {
                name: "frs-codes from_code",
                lookup: &|code| {
                    black_box($module::Code::from_code(code));
                },
                role: Role::Ours,
            },
            Contender {
                name: "phf::Map",
                lookup: &|code| {
                    black_box($module::PHF.get(code).copied());
                },
                role: Role::Hash,
            },
            Contender {
                name: "std HashMap",
                lookup: &|code| {
                    black_box($map.get(code).copied());
                },
                role: Role::Hash,
            },
            Contender {
                name: "&str match",
                lookup: &|code| {
                    black_box($module::match_lookup(code));
                },
                role: Role::Match,
            },
            Contender {
                name: "empty call (floor)",
                lookup: &|code| {
                    black_box(code);
                },
                role: Role::Floor,
            },
            Contender {
                name: "(FromStr::from_str)",
                lookup: &|code| {
                    let _ = black_box(code.parse::<$module::Code>());
                },
                role: Role::Info,
            },
            Contender {
                name: "(Category::of)",
                lookup: &|code| {
                    black_box(<$category>::of(code));
                },
                role: Role::Info,
            },
        ]
    };
}

/// One way of looking a code up; it `black_box`es its answer.
type Lookup<'a> = &'a dyn Fn(&str);

struct Contender<'a> {
    name: &'static str,
    lookup: Lookup<'a>,
    /// A peer: counts for "best of phf/HashMap" (`Peer::Hash`) or is the `match` (`Peer::Match`).
    role: Role,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Ours,
    Hash,
    Match,
    Floor,
    Info,
}

/// The inputs of one table: hits, or one kind of miss.
struct Inputs {
    name: &'static str,
    items: Vec<String>,
}

const INPUTS: usize = 4096;

fn main() {
    // `cargo bench` passes `--bench`; a filter argument, if any, selects catalogues by name.
    let filter: Option<String> = std::env::args().skip(1).find(|arg| !arg.starts_with('-'));
    let rounds = env_number("FRS_BENCH_ROUNDS", 21).max(3);
    let sample = Duration::from_micros(env_number("FRS_BENCH_SAMPLE_US", 1000).max(50) as u64);

    println!("frs-codes lookup benchmark: {rounds} rounds, {sample:?} per sample, medians.");
    println!(
        "Ratios are to contenders measured in the same run; `best peer` is the faster of phf and HashMap.\n"
    );
    let mut summary = Vec::new();

    if filter.as_deref().is_none_or(|f| "55".contains(f)) {
        let codes: Vec<String> = bundled::Code::ALL
            .iter()
            .map(|code| code.as_str().to_owned())
            .collect();
        let map: HashMap<&'static str, bundled::Code> = bundled::Code::ALL
            .iter()
            .map(|&code| (code.as_str(), code))
            .collect();
        let contenders = contenders!(bundled, frs_codes::Category, map);
        let prefixes = ["FRS", "APIG", "APIGW"];
        let widths = [4, 4, 4];
        for inputs in input_sets(&codes, &prefixes, &widths, 55) {
            summary.push(table("55 codes", &inputs, &contenders, rounds, sample));
        }
    }

    if filter.as_deref().is_none_or(|f| "5000".contains(f)) {
        let model: Catalogue = catalogue::generate();
        let codes: Vec<String> = model.codes.iter().map(|code| code.code.clone()).collect();
        let map: HashMap<&'static str, big::Code> = big::Code::ALL
            .iter()
            .map(|&code| (code.as_str(), code))
            .collect();
        let contenders = contenders!(big, big::BigCategory, map);
        let prefixes = model.prefixes();
        let prefixes: Vec<&str> = prefixes.iter().map(String::as_str).collect();
        let widths: Vec<usize> = prefixes
            .iter()
            .map(|prefix| {
                let code = model.codes.iter().find(|code| code.prefix == *prefix);
                code.map_or(4, |code| code.code.len() - prefix.len() - 1)
            })
            .collect();
        for inputs in input_sets(&codes, &prefixes, &widths, 5000) {
            summary.push(table("5,000 codes", &inputs, &contenders, rounds, sample));
        }
    }

    println!("Goals (from_code; ratios of medians measured above):");
    println!(
        "{:<12} {:<22} {:>12} {:>8} {:>12} {:>8}",
        "catalogue", "inputs", "/best peer", "<=0.35", "/&str match", "goal"
    );
    for line in summary {
        println!("{line}");
    }
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// Hits in random order, well-formed unknown codes, codes one digit too long or too short,
/// and the empty string.
fn input_sets(codes: &[String], prefixes: &[&str], widths: &[usize], size: usize) -> Vec<Inputs> {
    let mut rng = Rng::new(0xBE4C_0000 + size as u64);
    let known: std::collections::HashSet<&str> = codes.iter().map(String::as_str).collect();
    let hits = (0..INPUTS.max(codes.len() * 2))
        .map(|_| rng.pick(codes).clone())
        .collect();
    let mut unknown = vec!["FRS.9999".to_owned()];
    while unknown.len() < INPUTS {
        let which = rng.below(prefixes.len());
        let width = widths[which];
        let number = rng.next_u64() % 10u64.pow(width as u32);
        let candidate = format!("{}.{number:0width$}", prefixes[which]);
        if !known.contains(candidate.as_str()) {
            unknown.push(candidate);
        }
    }
    rng.shuffle(&mut unknown);
    let wrong_length = (0..INPUTS)
        .map(|_| {
            let code = rng.pick(codes);
            if rng.chance(50) {
                format!("{code}{}", rng.below(10))
            } else {
                code[..code.len() - 1].to_owned()
            }
        })
        .collect();
    vec![
        Inputs {
            name: "hit (random order)",
            items: hits,
        },
        Inputs {
            name: "miss: unknown code",
            items: unknown,
        },
        Inputs {
            name: "miss: wrong length",
            items: wrong_length,
        },
        Inputs {
            name: "miss: empty",
            items: vec![String::new(); INPUTS],
        },
    ]
}

/// Nanoseconds per lookup of one pass of `reps` times over `items`.
fn sample_once(lookup: Lookup, items: &[&str], reps: usize) -> f64 {
    let lookup = black_box(lookup);
    let start = Instant::now();
    for _ in 0..reps {
        for item in items {
            lookup(black_box(item));
        }
    }
    start.elapsed().as_nanos() as f64 / (reps * items.len()) as f64
}

/// Measures every contender on `inputs`, prints the table, returns the goal line.
fn table(
    catalogue: &str,
    inputs: &Inputs,
    contenders: &[Contender],
    rounds: usize,
    sample: Duration,
) -> String {
    let items: Vec<&str> = inputs.items.iter().map(String::as_str).collect();
    // Passes per sample, per contender, from one warm-up pass each.
    let reps: Vec<usize> = contenders
        .iter()
        .map(|contender| {
            sample_once(contender.lookup, &items, 1);
            let per_pass = sample_once(contender.lookup, &items, 1) * items.len() as f64;
            ((sample.as_nanos() as f64 / per_pass) as usize).max(1)
        })
        .collect();
    let mut samples = vec![Vec::with_capacity(rounds); contenders.len()];
    for round in 0..rounds {
        // Rotate the order so that no contender always runs right after the same one.
        for offset in 0..contenders.len() {
            let index = (round + offset) % contenders.len();
            samples[index].push(sample_once(contenders[index].lookup, &items, reps[index]));
        }
    }
    let medians: Vec<f64> = samples
        .iter_mut()
        .map(|values| {
            values.sort_by(f64::total_cmp);
            values[values.len() / 2]
        })
        .collect();
    let of_role = |role: Role| -> Vec<f64> {
        contenders
            .iter()
            .zip(&medians)
            .filter(|(contender, _)| contender.role == role)
            .map(|(_, &median)| median)
            .collect()
    };
    let best_peer = of_role(Role::Hash)
        .into_iter()
        .fold(f64::INFINITY, f64::min);
    let matched = of_role(Role::Match)[0];
    let floor = of_role(Role::Floor)[0];
    let ours = of_role(Role::Ours)[0];

    println!("{catalogue}, {} ({} inputs)", inputs.name, items.len());
    println!(
        "  {:<22} {:>10} {:>10} {:>10} {:>12} {:>10}",
        "contender", "ns/lookup", "spread", "/best peer", "/&str match", "-floor ns"
    );
    for (contender, (median, values)) in contenders.iter().zip(medians.iter().zip(&samples)) {
        // Interquartile spread, relative to the median.
        let spread = (values[values.len() * 3 / 4] - values[values.len() / 4]) / median;
        println!(
            "  {:<22} {:>10.2} {:>9.0}% {:>10.3} {:>12.4} {:>10.2}",
            contender.name,
            median,
            spread * 100.0,
            median / best_peer,
            median / matched,
            median - floor,
        );
    }
    println!();

    let match_goal = if catalogue.starts_with("55") {
        1.0
    } else {
        0.02
    };
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    format!(
        "{:<12} {:<22} {:>12.3} {:>8} {:>12.4} {:>8}",
        catalogue,
        inputs.name,
        ours / best_peer,
        verdict(ours <= 0.35 * best_peer),
        ours / matched,
        format!("<={match_goal} {}", verdict(ours <= match_goal * matched)),
    )
}
