//! The generated 5,000-code catalogue: several services in one enum, as users who merge the
//! catalogues of many cloud services write it.
//!
//! Its shape follows real service catalogues: upper-case and mixed-case prefixes (`ECS`-like
//! `Ecs`, `ModelArts`), 4-, 6- and 8-digit numbers (`DBS.200001`, `CCE.01400001`), categories
//! that are ranges of 100 to 100,000 numbers filled from their start with holes, an extra prefix
//! (`APIGW` next to `APIG`), several statuses for some codes, multi-line measures, and codes
//! without a `name` (their variant name is derived from the code).

use crate::Rng;
use std::collections::HashSet;
use std::fmt::Write as _;

/// Where the catalogue is committed, relative to the bench crate.
pub const BIG_PATH: &str = "catalogues/codes-5000.json";

/// How many codes [`generate`] writes.
pub const BIG_SIZE: usize = 5_000;

/// A catalogue as the generator builds it.
#[derive(Clone, Debug)]
pub struct Catalogue {
    /// The categories, in file order.
    pub categories: Vec<Category>,
    /// The codes, in file order (the enum's variant order).
    pub codes: Vec<Code>,
}

/// One category of [`Catalogue`].
#[derive(Clone, Debug)]
pub struct Category {
    /// The variant name.
    pub name: String,
    /// The heading.
    pub title: String,
    /// The main prefix.
    pub prefix: String,
    /// Other prefixes whose codes fall in the same ranges.
    pub extra_prefixes: Vec<String>,
    /// The first number of the category.
    pub start: u32,
    /// The last number of the category.
    pub end: u32,
}

/// One code of [`Catalogue`].
#[derive(Clone, Debug)]
pub struct Code {
    /// The code as the service sends it, e.g. `CCE.01400001`.
    pub code: String,
    /// Its prefix, e.g. `CCE`.
    pub prefix: String,
    /// Its number, e.g. `1400001`.
    pub number: u32,
    /// The `name` written in the catalogue, if any.
    pub name: Option<String>,
    /// The enum variant: `name`, or the name derived from the code.
    pub variant: String,
    /// The HTTP statuses.
    pub statuses: Vec<u16>,
    /// The description.
    pub description: String,
    /// The measure, one string per line.
    pub measure: Vec<String>,
    /// Index of its category in [`Catalogue::categories`].
    pub category: usize,
}

struct Service {
    prefix: &'static str,
    extra_prefix: Option<&'static str>,
    digits: usize,
    noun: &'static str,
    /// `(name, title, start, end, codes)`
    categories: &'static [(&'static str, &'static str, u32, u32, usize)],
}

const SERVICES: &[Service] = &[
    Service {
        prefix: "FRS",
        extra_prefix: None,
        digits: 4,
        noun: "face",
        categories: &[
            ("FrsCommon", "Face recognition common errors", 1, 99, 60),
            (
                "FrsService",
                "Face recognition service errors",
                201,
                300,
                60,
            ),
            ("FrsLibrary", "Face library errors", 301, 400, 60),
            ("FrsLiveDetect", "Face LiveDetect errors", 701, 800, 40),
        ],
    },
    Service {
        prefix: "APIG",
        extra_prefix: Some("APIGW"),
        digits: 4,
        noun: "API",
        categories: &[
            ("ApigRequest", "API gateway request errors", 1, 400, 230),
            ("ApigBackend", "API gateway backend errors", 401, 999, 250),
        ],
    },
    Service {
        prefix: "Ecs",
        extra_prefix: None,
        digits: 4,
        noun: "instance",
        categories: &[
            ("EcsInstance", "ECS instance errors", 1, 999, 460),
            ("EcsDisk", "ECS disk errors", 1000, 1999, 450),
            ("EcsNetwork", "ECS network errors", 2000, 2999, 300),
            ("EcsImage", "ECS image errors", 3000, 3999, 250),
        ],
    },
    Service {
        prefix: "IAM",
        extra_prefix: None,
        digits: 4,
        noun: "user",
        categories: &[
            (
                "IamAuthentication",
                "IAM authentication errors",
                1,
                999,
                350,
            ),
            ("IamPolicy", "IAM policy errors", 1000, 1999, 200),
        ],
    },
    Service {
        prefix: "VPC",
        extra_prefix: None,
        digits: 4,
        noun: "subnet",
        categories: &[
            ("VpcNetwork", "VPC network errors", 100, 999, 350),
            (
                "VpcSecurityGroup",
                "VPC security group errors",
                1000,
                1999,
                150,
            ),
        ],
    },
    Service {
        prefix: "DBS",
        extra_prefix: None,
        digits: 6,
        noun: "database",
        categories: &[
            (
                "DbsInstance",
                "Database instance errors",
                200_001,
                209_999,
                260,
            ),
            ("DbsBackup", "Database backup errors", 280_001, 289_999, 160),
        ],
    },
    Service {
        prefix: "CCE",
        extra_prefix: None,
        digits: 8,
        noun: "cluster",
        categories: &[
            (
                "CceCluster",
                "Container cluster errors",
                1_400_000,
                1_499_999,
                150,
            ),
            (
                "CceNode",
                "Container node errors",
                1_500_000,
                1_599_999,
                140,
            ),
            (
                "CceStorage",
                "Container storage errors",
                3_400_000,
                3_499_999,
                90,
            ),
            (
                "CceAddon",
                "Container add-on errors",
                4_000_000,
                4_099_999,
                80,
            ),
        ],
    },
    Service {
        prefix: "ModelArts",
        extra_prefix: None,
        digits: 4,
        noun: "training job",
        categories: &[
            (
                "ModelArtsTraining",
                "ModelArts training errors",
                100,
                999,
                300,
            ),
            (
                "ModelArtsInference",
                "ModelArts inference errors",
                1000,
                1999,
                200,
            ),
        ],
    },
    Service {
        prefix: "DCS",
        extra_prefix: None,
        digits: 4,
        noun: "cache",
        categories: &[("DcsInstance", "Distributed cache errors", 4000, 4999, 250)],
    },
    Service {
        prefix: "ELB",
        extra_prefix: None,
        digits: 4,
        noun: "listener",
        categories: &[("ElbListener", "Load balancer errors", 1000, 1999, 160)],
    },
];

const SUBJECTS: &[&str] = &[
    "Token",
    "Project",
    "Region",
    "Quota",
    "Image",
    "Flavor",
    "Volume",
    "Snapshot",
    "Backup",
    "Subnet",
    "Port",
    "Certificate",
    "Policy",
    "Role",
    "Group",
    "Agency",
    "Tag",
    "Bucket",
    "Listener",
    "Pool",
    "Member",
    "Node",
    "Cluster",
    "Addon",
    "Namespace",
    "Job",
    "Model",
    "Dataset",
    "Endpoint",
    "Route",
    "Signature",
    "Throttle",
    "Whitelist",
    "Parameter",
    "Header",
    "Body",
    "Payload",
    "Instance",
    "Disk",
    "Key",
];

const PROBLEMS: &[(&str, &str)] = &[
    ("NotFound", "does not exist"),
    ("AlreadyExists", "already exists"),
    ("QuotaExceeded", "exceeds the quota"),
    ("Invalid", "is invalid"),
    ("Missing", "is missing"),
    ("Expired", "has expired"),
    ("Locked", "is locked by another operation"),
    ("Frozen", "is frozen"),
    ("Busy", "is busy"),
    ("Unauthorized", "is not authorized for this operation"),
    ("TooLarge", "is too large"),
    ("TooSmall", "is too small"),
    ("Conflict", "conflicts with an existing resource"),
    ("Unavailable", "is temporarily unavailable"),
    ("Timeout", "did not respond in time"),
    ("Mismatch", "does not match the request"),
    ("InUse", "is in use"),
    ("Deleted", "has been deleted"),
    ("Unsupported", "is not supported in this region"),
    ("Malformed", "is malformed"),
];

const MEASURES: &[&str] = &[
    "Check the request parameters and try again.",
    "Wait a moment and retry the request.",
    "Contact technical support.",
    "Apply for a higher quota or release unused resources.",
    "Check whether the resource exists and whether you have the permissions to access it.",
    "Obtain a new token and call the API again.",
    "Correct the format of the value according to the API reference.",
];

const STATUSES: &[u16] = &[400, 400, 400, 401, 403, 404, 404, 409, 429, 500, 503];

/// Builds the 5,000-code catalogue. Deterministic: every call returns the same catalogue.
#[must_use]
pub fn generate() -> Catalogue {
    let mut rng = Rng::new(0x5EED_F25C_0DE5_0001);
    let mut categories = Vec::new();
    let mut codes = Vec::new();
    let mut names = HashSet::new();
    for service in SERVICES {
        for &(name, title, start, end, count) in service.categories {
            let category = categories.len();
            categories.push(Category {
                name: name.to_owned(),
                title: title.to_owned(),
                prefix: service.prefix.to_owned(),
                extra_prefixes: service
                    .extra_prefix
                    .map(str::to_owned)
                    .into_iter()
                    .collect(),
                start,
                end,
            });
            // Codes are handed out from the start of the range, with holes where codes were
            // retired or never published.
            let mut number = if service.digits == 8 {
                start + 1
            } else {
                start
            };
            for _ in 0..count {
                assert!(
                    number <= end,
                    "category {name} is too small for {count} codes"
                );
                let prefix = match service.extra_prefix {
                    Some(extra) if rng.chance(15) => extra,
                    _ => service.prefix,
                };
                codes.push(code(
                    &mut rng, &mut names, service, prefix, number, category,
                ));
                number += if rng.chance(80) {
                    1
                } else {
                    2 + rng.below(3) as u32
                };
            }
        }
    }
    assert_eq!(codes.len(), BIG_SIZE, "the services add up to {BIG_SIZE}");
    Catalogue { categories, codes }
}

fn code(
    rng: &mut Rng,
    names: &mut HashSet<String>,
    service: &Service,
    prefix: &str,
    number: u32,
    category: usize,
) -> Code {
    let code = format!("{prefix}.{number:0width$}", width = service.digits);
    let subject = *rng.pick(SUBJECTS);
    let (problem, problem_text) = *rng.pick(PROBLEMS);
    // A name made of words never collides with a derived one, which always has digits.
    let name = format!("{}{subject}{problem}", upper_camel(service.prefix));
    let name = (rng.chance(85) && names.insert(name.clone())).then_some(name);
    let variant = name
        .clone()
        .unwrap_or_else(|| frs_codes_gen::derived_name(&code));
    let mut statuses = vec![*rng.pick(STATUSES)];
    if rng.chance(8) {
        let second = if statuses[0] == 503 { 500 } else { 503 };
        statuses.push(second);
    }
    let description = format!(
        "The {} {} {problem_text}.",
        service.noun,
        subject.to_ascii_lowercase()
    );
    let mut measure = vec![(*rng.pick(MEASURES)).to_owned()];
    if rng.chance(10) {
        measure.push(format!(
            "If the problem persists, contact technical support with the code {code}."
        ));
    }
    Code {
        code,
        prefix: prefix.to_owned(),
        number,
        name,
        variant,
        statuses,
        description,
        measure,
        category,
    }
}

/// `ModelArts` stays `ModelArts`, `APIG` becomes `Apig`.
fn upper_camel(prefix: &str) -> String {
    if prefix.bytes().any(|byte| byte.is_ascii_lowercase()) {
        return prefix.to_owned();
    }
    let mut name = prefix[..1].to_owned();
    name.push_str(&prefix[1..].to_ascii_lowercase());
    name
}

impl Catalogue {
    /// `(code, variant)` of every code, in catalogue order.
    #[must_use]
    pub fn entries(&self) -> Vec<(String, String)> {
        self.codes
            .iter()
            .map(|code| (code.code.clone(), code.variant.clone()))
            .collect()
    }

    /// Every prefix, main and extra, each once, in catalogue order.
    #[must_use]
    pub fn prefixes(&self) -> Vec<String> {
        let mut prefixes: Vec<String> = Vec::new();
        for category in &self.categories {
            for prefix in std::iter::once(&category.prefix).chain(&category.extra_prefixes) {
                if !prefixes.contains(prefix) {
                    prefixes.push(prefix.clone());
                }
            }
        }
        prefixes
    }

    /// The catalogue in the format `frs_codes!` reads, laid out like the bundled `codes.json`.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\n  \"categories\": [\n");
        for (index, category) in self.categories.iter().enumerate() {
            let _ = write!(
                out,
                "    {{\n      \"name\": {},\n      \"title\": {},\n      \"prefix\": {},\n      \"range\": [{}, {}]",
                json_string(&category.name),
                json_string(&category.title),
                json_string(&category.prefix),
                category.start,
                category.end,
            );
            if !category.extra_prefixes.is_empty() {
                let extra: Vec<String> = category
                    .extra_prefixes
                    .iter()
                    .map(|prefix| json_string(prefix))
                    .collect();
                let _ = write!(out, ",\n      \"extra_prefixes\": [{}]", extra.join(", "));
            }
            out.push_str("\n    }");
            out.push_str(if index + 1 < self.categories.len() {
                ",\n"
            } else {
                "\n"
            });
        }
        out.push_str("  ],\n  \"codes\": [\n");
        for (index, code) in self.codes.iter().enumerate() {
            let _ = write!(
                out,
                "    {{\n      \"code\": {},\n",
                json_string(&code.code)
            );
            if let Some(name) = &code.name {
                let _ = writeln!(out, "      \"name\": {},", json_string(name));
            }
            let statuses: Vec<String> = code.statuses.iter().map(u16::to_string).collect();
            if let [status] = statuses.as_slice() {
                let _ = writeln!(out, "      \"status\": {status},");
            } else {
                let _ = writeln!(out, "      \"status\": [{}],", statuses.join(", "));
            }
            let _ = writeln!(
                out,
                "      \"description\": {},",
                json_string(&code.description)
            );
            if let [line] = code.measure.as_slice() {
                let _ = writeln!(out, "      \"measure\": {}", json_string(line));
            } else {
                out.push_str("      \"measure\": [\n");
                for (line_index, line) in code.measure.iter().enumerate() {
                    let comma = if line_index + 1 < code.measure.len() {
                        ","
                    } else {
                        ""
                    };
                    let _ = writeln!(out, "        {}{comma}", json_string(line));
                }
                out.push_str("      ]\n");
            }
            out.push_str("    }");
            out.push_str(if index + 1 < self.codes.len() {
                ",\n"
            } else {
                "\n"
            });
        }
        out.push_str("  ]\n}\n");
        out
    }
}

fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
