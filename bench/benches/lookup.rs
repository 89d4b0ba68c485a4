//! `cargo bench -p frs-codes-bench --bench lookup`: the generated `from_code` against the usual
//! ways to map a string to an enum, and the generated string paths (`FromStr`, `TryFrom<&str>`,
//! `Category::of`) against `from_code`, on the bundled 55-code catalogue, the generated
//! 5,000-code one and the generated catalogue of real pages' code shapes (1,194 codes), for hits
//! in random order and for three kinds of misses.
//!
//! A custom harness, so that every contender of a table is measured in the same run, in
//! interleaved rounds, and reported as a ratio to its peers: the machine is noisy, the ratios
//! are the claims. Each lookup is one call through a `&dyn Fn` (never inlined into the loop)
//! that returns a number made from its answer, summed by the loop: a `black_box` of each
//! answer stores it to the stack where the call's epilogue reads it back, a stall that costs
//! more than the cheapest lookups. `FromStr` and `TryFrom` `black_box` their whole `Result`,
//! so that building the error is measured. `empty call` is the call with nothing in it: the
//! floor every row includes. `8-byte read` reads the input's first 8 bytes where it has them:
//! the branch on the length that every string path takes first, which inputs of mixed lengths
//! (the wrong-length rows) mispredict.
//!
//! Environment: `FRS_BENCH_ROUNDS` (default 21) samples per contender, `FRS_BENCH_SAMPLE_US`
//! (default 1000) microseconds per sample.

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

mod shapes {
    frs_codes::frs_codes!(
        path = "catalogues/page-shapes.json",
        name = Code,
        category = ShapesCategory,
        parse_error = ShapesParseError,
        vis = pub
    );
    include!("../generated/peers_shapes.rs");
}

/// The same contenders for a catalogue module (its `Code`, `PHF` and `match_lookup`), its
/// category type and a `HashMap` of its codes, so every catalogue runs identical closures.
/// Each answer becomes a number: a code's position plus one, 0 for none.
macro_rules! contenders {
    ($module:ident, $category:path, $map:ident) => {
        [
            Contender {
                name: "frs-codes from_code",
                lookup: &|code| $module::Code::from_code(code).map_or(0, |found| found as u64 + 1),
                role: Role::Ours,
            },
            Contender {
                name: "phf::Map",
                lookup: &|code| $module::PHF.get(code).map_or(0, |found| *found as u64 + 1),
                role: Role::Hash,
            },
            Contender {
                name: "std HashMap",
                lookup: &|code| $map.get(code).map_or(0, |found| *found as u64 + 1),
                role: Role::Hash,
            },
            Contender {
                name: "&str match",
                lookup: &|code| $module::match_lookup(code).map_or(0, |found| found as u64 + 1),
                role: Role::Match,
            },
            Contender {
                name: "empty call (floor)",
                lookup: &|code| code.len() as u64,
                role: Role::Floor,
            },
            Contender {
                name: "8-byte read (floor)",
                lookup: &|code| match code.as_bytes().first_chunk::<8>() {
                    Some(word) => u64::from_le_bytes(*word),
                    None => code.len() as u64,
                },
                role: Role::Reference,
            },
            Contender {
                name: "FromStr::from_str",
                lookup: &|code| {
                    black_box(code.parse::<$module::Code>()).map_or(0, |found| found as u64 + 1)
                },
                role: Role::StringPath,
            },
            Contender {
                name: "TryFrom<&str>",
                lookup: &|code| {
                    black_box($module::Code::try_from(code)).map_or(0, |found| found as u64 + 1)
                },
                role: Role::StringPath,
            },
            Contender {
                name: "Category::of",
                lookup: &|code| <$category>::of(code).map_or(0, |found| found as u64 + 1),
                role: Role::StringPath,
            },
        ]
    };
}

/// Every table of a catalogue module: its codes in random order and the misses of
/// [`input_sets`], each through every contender.
macro_rules! measure {
    ($label:expr, $module:ident, $category:path, $rounds:expr, $sample:expr) => {{
        let codes: Vec<String> = $module::Code::ALL
            .iter()
            .map(|code| code.as_str().to_owned())
            .collect();
        let map: HashMap<&'static str, $module::Code> = $module::Code::ALL
            .iter()
            .map(|&code| (code.as_str(), code))
            .collect();
        let contenders = contenders!($module, $category, map);
        input_sets(&codes, codes.len())
            .iter()
            .map(|inputs| table($label, inputs, &contenders, $rounds, $sample))
            .collect::<Vec<Measured>>()
    }};
}

/// One way of looking a code up; it returns a number made from its answer.
type Lookup<'a> = &'a dyn Fn(&str) -> u64;

struct Contender<'a> {
    name: &'static str,
    lookup: Lookup<'a>,
    role: Role,
}

/// What a contender is compared with: ours against the best of phf and `HashMap` (`Hash`) and
/// the `match`; a string path against a `from_code` hit of the same catalogue. The `Floor` is
/// subtracted in the last column; a `Reference` is compared with nothing: it shows the cost of
/// a step every path takes, on these inputs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Ours,
    Hash,
    Match,
    Floor,
    Reference,
    StringPath,
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
    let selected = |name: &str| filter.as_deref().is_none_or(|wanted| name.contains(wanted));
    let rounds = env_number("FRS_BENCH_ROUNDS", 21).max(3);
    let sample = Duration::from_micros(env_number("FRS_BENCH_SAMPLE_US", 1000).max(50) as u64);

    println!("frs-codes lookup benchmark: {rounds} rounds, {sample:?} per sample, medians.");
    println!(
        "Ratios are to contenders measured in the same run; `best peer` is the faster of phf and HashMap.\n"
    );
    let mut results: Vec<(&str, Vec<Measured>)> = Vec::new();

    if selected("55 bundled") {
        results.push((
            "55 codes",
            measure!("55 codes", bundled, frs_codes::Category, rounds, sample),
        ));
    }
    if selected("5000 generated") {
        results.push((
            "5,000 codes",
            measure!("5,000 codes", big, big::BigCategory, rounds, sample),
        ));
    }
    if selected("page shapes") {
        results.push((
            "page shapes",
            measure!(
                "page shapes",
                shapes,
                shapes::ShapesCategory,
                rounds,
                sample
            ),
        ));
    }

    println!("Goals (ratios of medians measured above)");
    println!("\nfrom_code against the best of phf and HashMap (<= 0.35) and the &str match:");
    println!(
        "{:<12} {:<22} {:>12} {:>8} {:>12} {:>10}",
        "catalogue", "inputs", "/best peer", "<=0.35", "/&str match", "goal"
    );
    for (catalogue, tables) in &results {
        for measured in tables {
            println!("{}", measured.peer_goal(catalogue));
        }
    }
    println!("\nString paths against a from_code hit of the same catalogue (<= 1.5 x hit + 1 ns):");
    println!(
        "{:<12} {:<22} {:<18} {:>9} {:>9} {:>8}",
        "catalogue", "inputs", "path", "ns", "bound ns", "goal"
    );
    for (catalogue, tables) in &results {
        let hit = tables[0].ours();
        for measured in tables {
            for line in measured.string_path_goals(catalogue, hit) {
                println!("{line}");
            }
        }
    }
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// Hits in random order; well-formed unknown codes (random numbers, as wide as the catalogue's,
/// under each prefix of its numbered codes, and `FRS.9999`); codes one digit too long or too
/// short; and the empty string.
fn input_sets(codes: &[String], size: usize) -> Vec<Inputs> {
    let mut rng = Rng::new(0xBE4C_0000 + size as u64);
    let known: std::collections::HashSet<&str> = codes.iter().map(String::as_str).collect();
    let hits = (0..INPUTS.max(codes.len() * 2))
        .map(|_| rng.pick(codes).clone())
        .collect();
    // `(prefix with its dot, digits)` of each prefix's first numbered code.
    let mut numbered: Vec<(String, usize)> = Vec::new();
    for code in codes {
        let digits = code.len() - code.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let prefix = &code[..code.len() - digits];
        if (1..=9).contains(&digits)
            && (prefix.is_empty() || prefix.ends_with('.'))
            && numbered.iter().all(|(known, _)| known != prefix)
        {
            numbered.push((prefix.to_owned(), digits));
        }
    }
    let mut unknown = vec!["FRS.9999".to_owned()];
    while unknown.len() < INPUTS {
        let (prefix, width) = rng.pick(&numbered);
        let number = rng.next_u64() % 10u64.pow(*width as u32);
        let candidate = format!("{prefix}{number:0width$}");
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
    let mut answers = 0u64;
    for _ in 0..reps {
        for item in items {
            answers = answers.wrapping_add(lookup(black_box(item)));
        }
    }
    black_box(answers);
    start.elapsed().as_nanos() as f64 / (reps * items.len()) as f64
}

/// The medians of one table: every contender on one set of inputs.
struct Measured {
    inputs: &'static str,
    /// `(name, role, median ns)`, in contender order.
    medians: Vec<(&'static str, Role, f64)>,
}

impl Measured {
    fn of_role(&self, role: Role) -> impl Iterator<Item = f64> + '_ {
        self.medians
            .iter()
            .filter(move |(_, found, _)| *found == role)
            .map(|(_, _, median)| *median)
    }

    fn ours(&self) -> f64 {
        self.of_role(Role::Ours)
            .next()
            .expect("from_code is a contender")
    }

    fn best_peer(&self) -> f64 {
        self.of_role(Role::Hash).fold(f64::INFINITY, f64::min)
    }

    fn matched(&self) -> f64 {
        self.of_role(Role::Match)
            .next()
            .expect("the match is a contender")
    }

    /// `from_code` against the best peer (the goal: <= 0.35) and the `match` (<= 1 at 55
    /// codes, <= 0.02 at thousands).
    fn peer_goal(&self, catalogue: &str) -> String {
        let (ours, best_peer, matched) = (self.ours(), self.best_peer(), self.matched());
        let match_goal = if catalogue.starts_with("55") {
            1.0
        } else {
            0.02
        };
        format!(
            "{:<12} {:<22} {:>12.3} {:>8} {:>12.4} {:>10}",
            catalogue,
            self.inputs,
            ours / best_peer,
            verdict(ours <= 0.35 * best_peer),
            ours / matched,
            format!("<={match_goal} {}", verdict(ours <= match_goal * matched)),
        )
    }

    /// Each string path against `1.5 * hit + 1` ns.
    fn string_path_goals(&self, catalogue: &str, hit: f64) -> Vec<String> {
        let bound = 1.5 * hit + 1.0;
        self.medians
            .iter()
            .filter(|(_, role, _)| *role == Role::StringPath)
            .map(|(name, _, median)| {
                format!(
                    "{:<12} {:<22} {:<18} {:>9.2} {:>9.2} {:>8}",
                    catalogue,
                    self.inputs,
                    name,
                    median,
                    bound,
                    verdict(*median <= bound)
                )
            })
            .collect()
    }
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "MISSED"
    }
}

/// Measures every contender on `inputs` and prints the table.
fn table(
    catalogue: &str,
    inputs: &Inputs,
    contenders: &[Contender],
    rounds: usize,
    sample: Duration,
) -> Measured {
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
    let measured = Measured {
        inputs: inputs.name,
        medians: contenders
            .iter()
            .zip(&medians)
            .map(|(contender, median)| (contender.name, contender.role, *median))
            .collect(),
    };
    let (best_peer, matched) = (measured.best_peer(), measured.matched());
    let floor = measured
        .of_role(Role::Floor)
        .next()
        .expect("the floor is a contender");

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
    measured
}
