//! The catalogue of the code shapes real error-code pages bring, generated: 1,194 codes laid
//! out as five vendor pages lay theirs out (the counts and statuses were read off those pages;
//! every text is made up here, so the repository holds no page's prose).
//!
//! * `ModelArts.NNNN`: a mixed-case prefix, 838 codes, 23 of them with two or three cases;
//! * digit-only codes (`1100`) beside `IAM.NNNN`;
//! * `SVCSTG.CCECAM.NNNNNNN`: a prefix of two segments, 7-digit numbers that start with the
//!   status, no status or message column;
//! * `VPC.NNNN` in 33 categories named per code (a page's API sections, not prefixes), 30 codes
//!   with 2 to 22 cases, some cases with two statuses;
//! * codes that are names (`NoSuchBucket`), and `KMS.` names under a prefix of their own.
//!
//! Texts are drawn from a word list to lengths like the pages' (a median of 35 to 55
//! characters, a tail past 200), with placeholders (`{0}`, `%s`) and a few line breaks.

use crate::Rng;
use serde_json::{json, Map, Value};
use std::collections::HashSet;

/// Where the catalogue is committed, relative to the bench crate.
pub const SHAPES_PATH: &str = "catalogues/page-shapes.json";

/// How many codes [`generate`] writes.
pub const SHAPES_SIZE: usize = 1_194;

/// Statuses of one page's single-case codes, each with its weight (how often it comes).
type Statuses = &'static [(u16, u64)];

const MODELARTS_STATUSES: Statuses = &[
    (400, 700),
    (500, 156),
    (401, 48),
    (403, 45),
    (404, 24),
    (200, 5),
    (409, 13),
    (501, 6),
    (429, 3),
];
const IAM_STATUSES: Statuses = &[
    (400, 816),
    (401, 71),
    (403, 61),
    (409, 21),
    (429, 21),
    (500, 10),
];
const VPC_STATUSES: Statuses = &[
    (400, 400),
    (404, 170),
    (409, 160),
    (500, 200),
    (403, 40),
    (401, 30),
];
const NAME_STATUSES: Statuses = &[
    (400, 490),
    (403, 160),
    (404, 95),
    (409, 105),
    (301, 20),
    (307, 10),
    (405, 20),
    (503, 20),
    (412, 10),
    (416, 10),
    (500, 10),
    (501, 10),
    (429, 10),
];

const MODELARTS: Page = Page::all_columns(MODELARTS_STATUSES, 40);
const DIGIT_ONLY: Page = Page::all_columns(&[(400, 1)], 40);
const IAM: Page = Page::all_columns(IAM_STATUSES, 45);
const CCECAM: Page = Page {
    statuses: &[],
    message: false,
    measure: false,
    median: 50,
};
const CCECAM_WITH_MEASURE: Page = Page {
    measure: true,
    ..CCECAM
};
const VPC: Page = Page::all_columns(VPC_STATUSES, 40);
const NAMES: Page = Page::all_columns(NAME_STATUSES, 50);

const WORDS: &[&str] = &[
    "the",
    "request",
    "job",
    "workspace",
    "bucket",
    "object",
    "quota",
    "parameter",
    "value",
    "is",
    "was",
    "cannot",
    "be",
    "not",
    "found",
    "invalid",
    "already",
    "exists",
    "failed",
    "to",
    "create",
    "delete",
    "update",
    "query",
    "a",
    "an",
    "of",
    "for",
    "in",
    "user",
    "account",
    "project",
    "token",
    "signature",
    "network",
    "subnet",
    "port",
    "address",
    "key",
    "policy",
    "version",
    "region",
    "resource",
    "limit",
    "exceeded",
    "service",
    "instance",
    "image",
    "model",
    "dataset",
    "label",
    "task",
    "node",
    "pool",
    "storage",
    "permission",
    "denied",
    "missing",
    "required",
    "header",
    "body",
    "format",
    "length",
    "range",
    "state",
    "status",
    "expired",
    "unsupported",
    "operation",
    "internal",
    "error",
    "try",
    "again",
    "later",
    "check",
    "whether",
    "correct",
    "contact",
    "support",
    "ensure",
    "that",
    "and",
    "or",
    "with",
    "its",
    "this",
    "current",
    "specified",
    "maximum",
    "minimum",
    "number",
    "name",
    "type",
];

/// The whole catalogue as JSON text (deterministic: same program, same file).
///
/// # Panics
///
/// Never for the built-in layout; a panic means two generated codes collide.
#[must_use]
pub fn generate() -> String {
    let mut rng = Rng::new(0x005A_A9E5);
    let mut writer = Writer::default();
    writer.category("ModelArts", "ModelArts codes", Some("ModelArts"));
    writer.category("Unprefixed", "Codes with no prefix", Some(""));
    writer.category("Iam", "Identity codes", Some("IAM"));
    writer.category(
        "SvcstgCcecam",
        "Container engine codes",
        Some("SVCSTG.CCECAM"),
    );
    let vpc_categories = vpc_categories();
    for (name, title) in &vpc_categories {
        writer.category(name, title, None);
    }
    writer.category("Kms", "Key management codes", Some("KMS"));

    let mut cases = vec![1; 838];
    cases[..20].fill(2);
    cases[20..23].fill(3);
    rng.shuffle(&mut cases);
    let numbers = distinct_numbers(&mut rng, 838, 10_000);
    for (number, cases) in numbers.into_iter().zip(cases) {
        let code = format!("ModelArts.{number:04}");
        writer.code(&mut rng, code, None, cases, &MODELARTS);
    }
    for number in distinct_numbers(&mut rng, 17, 21) {
        let code = format!("{}", 1100 + number);
        writer.code(&mut rng, code, None, 1, &DIGIT_ONLY);
    }
    for number in distinct_numbers(&mut rng, 98, 10_000) {
        let code = format!("IAM.{number:04}");
        writer.code(&mut rng, code, None, 1, &IAM);
    }
    for index in 0..49 {
        // The page's numbers start with the HTTP status, though it has no status column.
        let status = *rng.pick(&[400, 400, 403, 404, 409, 500, 500, 500]);
        let code = format!("SVCSTG.CCECAM.{status}{:04}", index * 5 + rng.below(5));
        let page = if index % 9 == 0 {
            &CCECAM_WITH_MEASURE
        } else {
            &CCECAM
        };
        writer.code(&mut rng, code, None, 1, page);
    }
    let mut vpc_cases = vec![1; 97];
    let several = [2; 12].into_iter().chain([3, 3, 3, 4, 4, 4, 4, 4, 4]);
    for (slot, count) in several.chain([5, 5, 5, 5, 6, 7, 10, 12, 22]).enumerate() {
        vpc_cases[slot * 3] = count;
    }
    let numbers = distinct_numbers(&mut rng, 97, 10_000);
    for (index, (number, cases)) in numbers.into_iter().zip(vpc_cases).enumerate() {
        // The first category holds the shared codes; each API section has one to a dozen.
        let category = if index < 10 {
            0
        } else {
            1 + (index - 10) * (vpc_categories.len() - 1) / 87
        };
        let code = format!("VPC.{number:04}");
        let category = Some(vpc_categories[category].0.as_str());
        writer.code(&mut rng, code, category, cases, &VPC);
    }
    for (index, name) in names(&mut rng).into_iter().enumerate() {
        let cases = if index == 40 { 2 } else { 1 };
        writer.code(&mut rng, name, None, cases, &NAMES);
    }
    assert_eq!(writer.codes.len(), SHAPES_SIZE, "the layout's counts");
    let mut document = Map::new();
    document.insert("categories".to_owned(), Value::Array(writer.categories));
    document.insert("codes".to_owned(), Value::Array(writer.codes));
    serde_json::to_string_pretty(&document).expect("JSON values serialize") + "\n"
}

/// `(code, variant)` of every code of the catalogue, for the peers, with the variant names the
/// generator gives them.
///
/// # Panics
///
/// If the generator refuses the catalogue.
#[must_use]
pub fn entries(catalogue: &str) -> Vec<(String, String)> {
    let catalogue = frs_codes_gen::parse(catalogue, SHAPES_PATH)
        .unwrap_or_else(|error| panic!("the page-shapes catalogue is refused:\n{error}"));
    catalogue
        .codes
        .into_iter()
        .map(|code| (code.code, code.name))
        .collect()
}

/// How one vendor page writes its codes: the statuses of its single-case codes (none: the page
/// has no status column), which text columns it has, and its texts' median length.
struct Page {
    statuses: Statuses,
    message: bool,
    measure: bool,
    median: usize,
}

impl Page {
    const fn all_columns(statuses: Statuses, median: usize) -> Page {
        Page {
            statuses,
            message: true,
            measure: true,
            median,
        }
    }
}

#[derive(Default)]
struct Writer {
    categories: Vec<Value>,
    codes: Vec<Value>,
    seen: HashSet<String>,
}

impl Writer {
    fn category(&mut self, name: &str, title: &str, prefix: Option<&str>) {
        let mut category = json!({ "name": name, "title": title });
        if let Some(prefix) = prefix {
            category["prefix"] = json!(prefix);
        }
        self.categories.push(category);
    }

    /// One code with `cases` cases; `statuses` empty means the page has no status column.
    fn code(
        &mut self,
        rng: &mut Rng,
        code: String,
        category: Option<&str>,
        cases: usize,
        page: &Page,
    ) {
        assert!(self.seen.insert(code.clone()), "`{code}` twice");
        let mut entry = json!({ "code": code });
        if let Some(category) = category {
            entry["category"] = json!(category);
        }
        let mut bodies: Vec<Value> = (0..cases).map(|_| case(rng, page, cases > 1)).collect();
        if cases == 1 {
            let body = bodies.pop().expect("one case");
            for (key, value) in body.as_object().expect("a case is an object") {
                entry[key] = value.clone();
            }
        } else {
            entry["cases"] = Value::Array(bodies);
        }
        self.codes.push(entry);
    }
}

fn case(rng: &mut Rng, page: &Page, several: bool) -> Value {
    let mut body = Map::new();
    if !page.statuses.is_empty() {
        let status = weighted(rng, page.statuses);
        // Pages with cases list some under two statuses (a failure that is either).
        let status = if several && rng.chance(10) {
            json!(rng.pick(&[[400, 404], [404, 500]]))
        } else {
            json!(status)
        };
        body.insert("status".to_owned(), status);
    }
    if page.message {
        body.insert("message".to_owned(), json!(sentence(rng, page.median)));
    }
    body.insert("description".to_owned(), json!(sentence(rng, page.median)));
    if page.measure {
        body.insert("measure".to_owned(), json!(sentence(rng, page.median)));
    }
    Value::Object(body)
}

fn weighted(rng: &mut Rng, statuses: Statuses) -> u16 {
    let total: u64 = statuses.iter().map(|(_, weight)| weight).sum();
    let mut ticket = rng.next_u64() % total;
    for (status, weight) in statuses {
        if ticket < *weight {
            return *status;
        }
        ticket -= weight;
    }
    unreachable!("the ticket is below the total")
}

/// A made-up sentence of about `median` characters (a quarter to 1.75 times that, one in ten
/// up to five times), now and then with a placeholder or a second line.
fn sentence(rng: &mut Rng, median: usize) -> String {
    let target = if rng.chance(10) {
        median * (2 + rng.below(4))
    } else {
        median / 4 + rng.below(median * 3 / 2)
    }
    .max(8);
    let mut text = String::new();
    while text.len() < target {
        if !text.is_empty() {
            text.push(if rng.below(1000) == 0 { '\n' } else { ' ' });
        }
        match rng.below(40) {
            0 => text.push_str("{0}"),
            1 => text.push_str("%s"),
            _ => text.push_str(rng.pick::<&str>(WORDS)),
        }
    }
    let mut chars = text.chars();
    let first = chars.next().expect("a sentence has a word");
    first.to_uppercase().chain(chars).chain(['.']).collect()
}

/// `count` distinct numbers below `bound`, ascending (pages list codes mostly in order).
fn distinct_numbers(rng: &mut Rng, count: usize, bound: usize) -> Vec<usize> {
    let mut numbers: Vec<usize> = (0..bound).collect();
    rng.shuffle(&mut numbers);
    numbers.truncate(count);
    numbers.sort_unstable();
    numbers
}

/// The 33 API sections of the `VPC` codes: `(name, title)`.
fn vpc_categories() -> Vec<(String, String)> {
    const ACTIONS: [&str; 6] = [
        "Creating",
        "Querying",
        "Deleting",
        "Updating",
        "Attaching",
        "Releasing",
    ];
    const THINGS: [&str; 6] = [
        "network",
        "address block",
        "floating address",
        "route",
        "firewall rule",
        "port",
    ];
    let mut sections = vec![("Shared".to_owned(), "Shared codes".to_owned())];
    for action in ACTIONS {
        for thing in THINGS {
            if sections.len() == 33 {
                break;
            }
            let title = format!("{action} a {thing}");
            let name = title
                .split(' ')
                .map(|word| {
                    let mut chars = word.chars();
                    let first = chars.next().expect("a word");
                    first.to_uppercase().chain(chars).collect::<String>()
                })
                .collect();
            sections.push((name, title));
        }
    }
    sections
}

/// 93 codes that are names and two `KMS.` names.
fn names(rng: &mut Rng) -> Vec<String> {
    const LEADS: [&str; 12] = [
        "Invalid",
        "Missing",
        "NoSuch",
        "TooMany",
        "Malformed",
        "Bad",
        "Incorrect",
        "Unexpected",
        "Unsupported",
        "Duplicate",
        "Expired",
        "Locked",
    ];
    const NOUNS: [&str; 16] = [
        "Bucket", "Key", "Policy", "Region", "Header", "Range", "Part", "Upload", "Version",
        "Digest", "Argument", "Token", "Domain", "Request", "Object", "Tag",
    ];
    let mut names = Vec::new();
    let mut seen = HashSet::new();
    while names.len() < 93 {
        let name = format!("{}{}", rng.pick(&LEADS), rng.pick(&NOUNS));
        if seen.insert(name.clone()) {
            names.push(name);
        }
    }
    names.push("KMS.DisabledKeyException".to_owned());
    names.push("KMS.MissingKeyException".to_owned());
    names
}
