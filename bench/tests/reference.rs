//! The generated lookups give the same answers as a naive reference (a `HashMap` of the exact
//! spellings, and a linear scan of the categories) over the 5,000-code catalogue, for every code
//! and for a large set of malformed and near-miss strings.

use frs_codes_bench::catalogue::{self, Catalogue};
use frs_codes_bench::shapes::SHAPES_PATH;
use frs_codes_bench::Rng;
use std::collections::HashMap;

frs_codes::frs_codes!(
    path = "catalogues/codes-5000.json",
    name = BigCode,
    category = BigCategory
);

/// The naive answers for one input.
struct Reference<'a> {
    model: &'a Catalogue,
    by_spelling: HashMap<&'a str, usize>,
}

impl<'a> Reference<'a> {
    fn new(model: &'a Catalogue) -> Self {
        let by_spelling = model
            .codes
            .iter()
            .enumerate()
            .map(|(index, code)| (code.code.as_str(), index))
            .collect();
        Reference { model, by_spelling }
    }

    fn code(&self, input: &str) -> Option<usize> {
        self.by_spelling.get(input).copied()
    }

    /// What comes before the number, and the number: `DIGITS`, or `PREFIX.DIGITS`, 1 to 9
    /// digits, any prefix.
    fn numbered(input: &str) -> Option<(&str, u32)> {
        let digits = input.len() - input.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if !(1..=9).contains(&digits) {
            return None;
        }
        let number = input[input.len() - digits..].parse().ok()?;
        if digits == input.len() {
            return Some(("", number));
        }
        let prefix = input[..input.len() - digits].strip_suffix('.')?;
        Some((prefix, number))
    }

    /// A numbered code with a prefix of ASCII letters, digits, `-`, `_` and dots that starts
    /// with a letter and does not end with a dot, or none.
    fn shape(input: &str) -> Option<(&str, u32)> {
        let (prefix, number) = Self::numbered(input)?;
        let prefix_ok = prefix.is_empty()
            || (prefix.starts_with(|c: char| c.is_ascii_alphabetic())
                && !prefix.ends_with('.')
                && prefix
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')));
        prefix_ok.then_some((prefix, number))
    }

    fn category(&self, input: &str) -> Option<usize> {
        if let Some(index) = self.code(input) {
            return Some(self.model.codes[index].category);
        }
        let (prefix, number) = Self::numbered(input)?;
        self.model.categories.iter().position(|category| {
            (category.prefix == prefix || category.extra_prefixes.iter().any(|p| p == prefix))
                && (category.start..=category.end).contains(&number)
        })
    }
}

/// Near misses of one code: case, padding, digits, dot, prefix, whitespace, Unicode.
fn near_misses(code: &str, prefixes: &[String], out: &mut Vec<String>) {
    let (prefix, digits) = code.split_once('.').expect("a dot");
    out.push(code.to_ascii_lowercase());
    out.push(code.to_ascii_uppercase());
    out.push(format!("{}.{digits}", prefix.to_ascii_lowercase()));
    out.push(code[..code.len() - 1].to_owned());
    out.push(format!("{code}0"));
    out.push(format!("{prefix}.0{digits}"));
    out.push(format!("{prefix}.{}", digits.trim_start_matches('0')));
    out.push(format!("{prefix}.{digits:0>9}"));
    out.push(format!("{prefix}.+{}", &digits[1..]));
    out.push(format!("{prefix}{digits}"));
    out.push(format!("{prefix}..{digits}"));
    out.push(format!("{prefix}-{digits}"));
    out.push(format!("{prefix}.{digits}."));
    out.push(format!(".{digits}"));
    out.push(format!("{prefix}."));
    out.push(format!(" {code}"));
    out.push(format!("{code} "));
    out.push(format!("{code}\n"));
    out.push(format!("{prefix}X.{digits}"));
    out.push(format!("{}.{digits}", &prefix[..prefix.len() - 1]));
    out.push(format!("1{code}"));
    out.push(format!("{prefix}.{}\u{0663}", &digits[..digits.len() - 1]));
    out.push(format!("\u{FF26}{}", &code[1..]));
    for position in 0..digits.len() {
        for shift in [1, 5] {
            let mut changed = digits.as_bytes().to_vec();
            changed[position] = b'0' + (changed[position] - b'0' + shift) % 10;
            out.push(format!(
                "{prefix}.{}",
                String::from_utf8(changed).expect("ASCII")
            ));
        }
        let mut letter = digits.as_bytes().to_vec();
        letter[position] = b'a';
        out.push(format!(
            "{prefix}.{}",
            String::from_utf8(letter).expect("ASCII")
        ));
    }
    for position in 0..prefix.len() {
        let mut changed = prefix.as_bytes().to_vec();
        changed[position] = changed[position].wrapping_add(1);
        if let Ok(changed) = String::from_utf8(changed) {
            out.push(format!("{changed}.{digits}"));
        }
    }
    for other in prefixes {
        out.push(format!("{other}.{digits}"));
    }
}

fn inputs(model: &Catalogue) -> Vec<String> {
    let prefixes = model.prefixes();
    let mut inputs: Vec<String> = vec![
        String::new(),
        ".".into(),
        "A.1".into(),
        "FRS.9999".into(),
        "FRS.99999999".into(),
        "FRS.4294967296".into(),
        "12345678".into(),
        "123456789012".into(),
        "........".into(),
        "ModelArts.01010101010".into(),
        "ModelArtsModelArts.0101".into(),
        "\u{0}\u{0}\u{0}\u{0}.0101".into(),
        "é.0101".into(),
    ];
    for code in &model.codes {
        inputs.push(code.code.clone());
        near_misses(&code.code, &prefixes, &mut inputs);
    }
    for category in &model.categories {
        for prefix in std::iter::once(&category.prefix).chain(&category.extra_prefixes) {
            for number in [
                category.start.saturating_sub(1),
                category.start,
                category.end,
                category.end + 1,
            ] {
                for width in 1..=9 {
                    inputs.push(format!("{prefix}.{number:0width$}"));
                }
            }
        }
    }
    let mut rng = Rng::new(0x7E57);
    let alphabet = b"ABCDEFGIMPRSWXaceglmrsz0123456789.. -_\x00\xff";
    for _ in 0..30_000 {
        let len = rng.below(20);
        let bytes: Vec<u8> = (0..len).map(|_| *rng.pick(alphabet)).collect();
        inputs.push(String::from_utf8_lossy(&bytes).into_owned());
    }
    for _ in 0..30_000 {
        let prefix = rng.pick(&prefixes).clone();
        let width = 1 + rng.below(9);
        let number = rng.next_u64() % 10u64.pow(width as u32);
        inputs.push(format!("{prefix}.{number:0width$}"));
    }
    inputs
}

#[test]
fn every_code_round_trips_with_its_catalogue_data() {
    let model = catalogue::generate();
    assert_eq!(BigCode::ALL.len(), model.codes.len());
    for (code, expected) in BigCode::ALL.iter().zip(&model.codes) {
        assert_eq!(code.as_str(), expected.code);
        assert_eq!(format!("{code:?}"), expected.variant);
        assert_eq!(code.prefix(), expected.prefix);
        assert_eq!(code.number(), expected.number);
        assert_eq!(code.http_statuses(), expected.statuses.as_slice());
        assert_eq!(code.description(), expected.description);
        assert_eq!(code.measure(), expected.measure.join("\n"));
        assert_eq!(
            format!("{:?}", code.category()),
            model.categories[expected.category].name
        );
    }
}

#[test]
fn lookups_agree_with_the_naive_reference() {
    let model = catalogue::generate();
    let reference = Reference::new(&model);
    let inputs = inputs(&model);
    assert!(inputs.len() > 250_000, "{} inputs", inputs.len());
    let (mut hits, mut well_formed_misses) = (0, 0);
    for input in &inputs {
        let expected = reference.code(input).map(|index| BigCode::ALL[index]);
        assert_eq!(BigCode::from_code(input), expected, "from_code({input:?})");
        let expected_category = reference
            .category(input)
            .map(|index| BigCategory::ALL[index]);
        assert_eq!(
            BigCategory::of(input),
            expected_category,
            "Category::of({input:?})"
        );
        match input.parse::<BigCode>() {
            Ok(code) => {
                assert_eq!(Some(code), expected, "parse({input:?})");
                hits += 1;
            }
            Err(error) => {
                assert_eq!(expected, None, "parse({input:?})");
                let shaped = Reference::shape(input).is_some();
                assert_eq!(error.is_well_formed(), shaped, "is_well_formed({input:?})");
                assert_eq!(error.category(), expected_category, "category({input:?})");
                well_formed_misses += usize::from(shaped);
            }
        }
    }
    // The inputs exercise both outcomes in bulk, not only malformed strings.
    assert!(hits >= model.codes.len(), "{hits} hits");
    assert!(
        well_formed_misses > 100_000,
        "{well_formed_misses} near misses"
    );
}

#[test]
fn bundled_lookup_agrees_with_a_linear_scan() {
    use frs_codes::ErrorCode;
    let mut inputs = Vec::new();
    let prefixes: Vec<String> = ["FRS", "APIG", "APIGW"].map(String::from).to_vec();
    for code in ErrorCode::ALL {
        inputs.push(code.as_str().to_owned());
        near_misses(code.as_str(), &prefixes, &mut inputs);
    }
    for input in &inputs {
        let expected = ErrorCode::ALL
            .iter()
            .copied()
            .find(|code| code.as_str() == input);
        assert_eq!(
            ErrorCode::from_code(input),
            expected,
            "from_code({input:?})"
        );
    }
}

/// The bundled catalogue's number ranges take the bucket tables (the 5,000-code one counts its
/// ranges instead): every number up to 10,000 in every width, and the ends of each range, after
/// each prefix, must fall where the generator's model puts them.
#[test]
fn bundled_categories_agree_with_the_generators_model() {
    use frs_codes::{Category, ErrorCode};
    let model = generators_model("../frs-codes/codes.json");
    let prefixes: Vec<String> = ["FRS", "APIG", "APIGW", "APIGX", "FR", ""]
        .map(String::from)
        .to_vec();
    let mut inputs = vec![String::new(), ".".into(), "FRS.".into(), "FRS.x".into()];
    for code in ErrorCode::ALL {
        inputs.push(code.as_str().to_owned());
        near_misses(code.as_str(), &prefixes, &mut inputs);
    }
    for prefix in &prefixes {
        let dot = if prefix.is_empty() { "" } else { "." };
        for number in (0..=10_000).chain([99_999, 100_000, 99_999_999, 100_000_000, 999_999_999]) {
            for width in 1..=10 {
                inputs.push(format!("{prefix}{dot}{number:0width$}"));
            }
        }
    }
    assert!(generated_source(&model).contains("fn range_buckets("));
    agrees_with_the_model(&model, &inputs, |input| {
        Category::of(input).map(|category| format!("{category:?}"))
    });
}

/// The generator's model of the catalogue at `path`, relative to this crate.
fn generators_model(path: &str) -> frs_codes_gen::Catalogue {
    frs_codes_gen::load(frs_codes_bench::crate_dir().join(path)).expect("a valid catalogue")
}

/// The source `frs-codes generate` writes for `model`.
fn generated_source(model: &frs_codes_gen::Catalogue) -> String {
    frs_codes_gen::Builder::from_catalogue(model.clone())
        .source()
        .expect("the catalogue expands")
}

/// `Category::of` (`of`, answering with the category's name) agrees with the generator's model
/// on every input, and the inputs reach every category of the model, at least 100 each.
fn agrees_with_the_model(
    model: &frs_codes_gen::Catalogue,
    inputs: &[String],
    of: impl Fn(&str) -> Option<String>,
) {
    let mut answers: HashMap<String, usize> = HashMap::new();
    for input in inputs {
        let expected = model
            .category_of(input)
            .map(|category| category.name.clone());
        let found = of(input);
        assert_eq!(found, expected, "Category::of({input:?})");
        if let Some(name) = found {
            *answers.entry(name).or_default() += 1;
        }
    }
    for category in &model.categories {
        let count = answers.get(&category.name).copied().unwrap_or_default();
        assert!(count >= 100, "{} answered {count} times", category.name);
    }
}

mod two_digit_buckets {
    frs_codes::frs_codes!(
        path = "tests/catalogues/two-digit-buckets.json",
        name = BucketCode,
        category = BucketCategory
    );
}

/// Ranges of 7-digit numbers (the 5,000-code catalogue's `CCE` ranges) beside digit-only codes
/// and a prefix held whole: buckets named by two digits.
#[test]
fn two_digit_buckets_agree_with_the_generators_model() {
    use two_digit_buckets::BucketCategory;
    let model = generators_model("tests/catalogues/two-digit-buckets.json");
    let mut inputs = vec![String::new(), "DBS".into(), "DBS.".into(), "CCE.x".into()];
    let mut rng = Rng::new(0xB0C4);
    for prefix in ["CCE.", "DBS.", "", "CCF.", "."] {
        for category in &model.categories {
            let Some(range) = &category.range else {
                continue;
            };
            for number in [*range.start(), *range.end()] {
                for step in [0, 1, 2, 9, 10, 99_999, 100_000, 100_001] {
                    for number in [number.saturating_sub(step), number + step] {
                        for width in 1..=10 {
                            inputs.push(format!("{prefix}{number:0width$}"));
                        }
                    }
                }
            }
        }
        for _ in 0..20_000 {
            let width = 1 + rng.below(9);
            let number = rng.next_u64() % 10u64.pow(width as u32);
            inputs.push(format!("{prefix}{number:0width$}"));
        }
    }
    assert!(
        generated_source(&model).contains("10 * (high >> 8)"),
        "buckets named by two digits"
    );
    agrees_with_the_model(&model, &inputs, |input| {
        BucketCategory::of(input).map(|category| format!("{category:?}"))
    });
}

mod page_shapes {
    frs_codes::frs_codes!(
        path = "catalogues/page-shapes.json",
        name = ShapesCode,
        category = ShapesCategory
    );
}

/// Inputs near each code of any shape (digit-only, names, several segments): case changes, a
/// character more or less, a digit changed, another code's prefix, every number of digits
/// after every prefix, and random strings.
fn shape_inputs(codes: &[String]) -> Vec<String> {
    let mut inputs = vec![String::new(), ".".into(), "..".into(), "0".into()];
    let prefixes: Vec<&str> = codes
        .iter()
        .filter_map(|code| code.rsplit_once('.').map(|(prefix, _)| prefix))
        .collect();
    let mut rng = Rng::new(0x2EA1);
    for code in codes {
        inputs.push(code.clone());
        inputs.push(code.to_ascii_lowercase());
        inputs.push(code.to_ascii_uppercase());
        inputs.push(code[..code.len() - 1].to_owned());
        inputs.push(format!("{code}0"));
        inputs.push(format!("0{code}"));
        inputs.push(format!("{code}."));
        inputs.push(format!("{}.{code}", rng.pick(&prefixes)));
        let (head, tail) = code.rsplit_once('.').unwrap_or(("", code.as_str()));
        inputs.push(format!("{}.{tail}", rng.pick(&prefixes)));
        if !head.is_empty() {
            inputs.push(format!("{head}.{}", rng.below(100_000_000)));
            inputs.push(format!("{head}{tail}"));
        }
        for position in 0..code.len() {
            let mut changed = code.as_bytes().to_vec();
            if changed[position].is_ascii_digit() {
                changed[position] = b'0' + (changed[position] - b'0' + 3) % 10;
                inputs.push(String::from_utf8(changed).expect("ASCII"));
            }
        }
    }
    // Every number of digits (1 to 10, the first digit a 7 so that none is a leading zero)
    // after each prefix, after the prefix and another byte instead of the dot, and alone:
    // `Category::of` reads up to 8 digits on its usual path and the rest on another.
    let mut distinct_prefixes = prefixes.clone();
    distinct_prefixes.sort_unstable();
    distinct_prefixes.dedup();
    for digits in 1..=10 {
        let number = format!("7{}", "1".repeat(digits - 1));
        inputs.push(number.clone());
        inputs.push(format!("X{number}"));
        inputs.push(format!(".{number}"));
        for prefix in &distinct_prefixes {
            inputs.push(format!("{prefix}.{number}"));
            inputs.push(format!("{prefix}-{number}"));
            inputs.push(format!("{prefix}{number}"));
        }
    }
    let alphabet = b"ACDIKMSVaelr0123456789..";
    for _ in 0..90_000 {
        let len = rng.below(24);
        let bytes: Vec<u8> = (0..len).map(|_| *rng.pick(alphabet)).collect();
        inputs.push(String::from_utf8(bytes).expect("ASCII"));
    }
    inputs
}

#[test]
fn page_shapes_agree_with_the_generators_model() {
    use page_shapes::{ShapesCategory, ShapesCode};
    let model = generators_model(SHAPES_PATH);
    let codes: Vec<String> = model.codes.iter().map(|code| code.code.clone()).collect();
    let inputs = shape_inputs(&codes);
    assert!(inputs.len() > 100_000, "{} inputs", inputs.len());
    let mut explicit_categories = 0;
    for input in &inputs {
        let expected = model.find(input).map(|code| code.name.clone());
        let found = ShapesCode::from_code(input).map(|code| format!("{code:?}"));
        assert_eq!(found, expected, "from_code({input:?})");
        let expected_category = model
            .category_of(input)
            .map(|category| category.name.clone());
        let category = ShapesCategory::of(input);
        assert_eq!(
            category.map(|category| format!("{category:?}")),
            expected_category,
            "Category::of({input:?})"
        );
        match input.parse::<ShapesCode>() {
            Ok(code) => {
                assert_eq!(Some(format!("{code:?}")), expected, "parse({input:?})");
                explicit_categories += usize::from(code.prefix() == "VPC");
            }
            Err(error) => {
                assert_eq!(expected, None, "parse({input:?})");
                assert_eq!(error.input(), input, "input()");
                assert_eq!(error.category(), category, "category({input:?})");
            }
        }
    }
    // VPC's categories are its APIs, named per code: the lookup, not the prefix, answers.
    assert!(explicit_categories > 0);
}
