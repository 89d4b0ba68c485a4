//! The crates whose release build times `build-time` compares, rendered from one catalogue:
//!
//! * `macro-consumer`: one `frs_codes!` call on the catalogue (expansion included in its build);
//! * `lean`: the least a hand-written crate with the same data needs: the enum (same derives, a
//!   doc line per variant), `static` arrays for code, description, measure and status, one
//!   dense `[u16; 10000]` index (open addressing on a hash of the spelling) and a `from_code`
//!   over it. The baseline of the build-time goal: it has none of the generated crate's shapes,
//!   so it shows what they cost;
//! * `hand-tables`: the same items as the generated crate, written out as a person would in
//!   table shape: the enums, `static` arrays indexed by the discriminant, and a dense number
//!   index per prefix and category, with the same derives, methods, trait impls and per-variant
//!   docs;
//! * `phf-only`: nothing but a `phf_map!` from each code to its index.

use crate::catalogue::Catalogue;
use std::fmt::Write as _;

/// A crate to write: its directory name and its files `(relative path, content)`.
pub struct Crate {
    /// Directory and package name.
    pub name: &'static str,
    /// `(path relative to the crate directory, content)`.
    pub files: Vec<(String, String)>,
}

/// The three crates, each depending on the workspace crates at `workspace` (an absolute path)
/// and on `phf` at `phf_version`.
#[must_use]
pub fn crates(
    catalogue: &Catalogue,
    catalogue_json: &str,
    workspace: &str,
    phf_version: &str,
) -> Vec<Crate> {
    vec![
        Crate {
            name: "macro-consumer",
            files: vec![
                (
                    "Cargo.toml".to_owned(),
                    manifest(
                        "macro-consumer",
                        &format!("frs-codes = {{ path = {:?} }}", format!("{workspace}/frs-codes")),
                    ),
                ),
                ("codes-5000.json".to_owned(), catalogue_json.to_owned()),
                (
                    "src/lib.rs".to_owned(),
                    "//! The 5,000-code catalogue through `frs_codes!`.\n#![no_std]\n\n\
                     frs_codes::frs_codes!(path = \"codes-5000.json\");\n"
                        .to_owned(),
                ),
            ],
        },
        Crate {
            name: "lean",
            files: vec![
                ("Cargo.toml".to_owned(), manifest("lean", "")),
                ("src/lib.rs".to_owned(), lean(catalogue)),
            ],
        },
        Crate {
            name: "hand-tables",
            files: vec![
                ("Cargo.toml".to_owned(), manifest("hand-tables", "")),
                ("src/lib.rs".to_owned(), hand_tables(catalogue)),
            ],
        },
        Crate {
            name: "phf-only",
            files: vec![
                (
                    "Cargo.toml".to_owned(),
                    manifest(
                        "phf-only",
                        &format!(
                            "phf = {{ version = \"={phf_version}\", default-features = false, features = [\"macros\"] }}"
                        ),
                    ),
                ),
                ("src/lib.rs".to_owned(), phf_only(catalogue)),
            ],
        },
    ]
}

fn manifest(name: &str, dependencies: &str) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\n{dependencies}\n"
    )
}

fn phf_only(catalogue: &Catalogue) -> String {
    let mut out = String::from(
        "//! Only a `phf_map!` over the 5,000 codes.\n#![no_std]\n\n\
         /// Each code's index in the catalogue.\n\
         pub static CODES: phf::Map<&'static str, u16> = phf::phf_map! {\n",
    );
    for (index, code) in catalogue.codes.iter().enumerate() {
        let _ = writeln!(out, "    {:?} => {index},", code.code);
    }
    out.push_str("};\n");
    out
}

/// Slots of the lean crate's index: twice the codes, so that open addressing stays short.
const LEAN_SLOTS: usize = 10_000;

/// FNV-1a of `code`: what the lean crate's `from_code` hashes with.
fn fnv(code: &str) -> usize {
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for byte in code.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3);
    }
    (hash % LEAN_SLOTS as u64) as usize
}

/// The lean crate: the data and a lookup, nothing more.
fn lean(catalogue: &Catalogue) -> String {
    let count = catalogue.codes.len();
    let mut out = String::from(
        "//! The 5,000-code catalogue written by hand, as lean as the data allows.
#![no_std]

         /// An error code of the catalogue.
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
         pub enum ErrorCode {
",
    );
    for code in &catalogue.codes {
        let _ = writeln!(
            out,
            "    /// `{}`: {}
    {},",
            code.code, code.description, code.variant
        );
    }
    out.push_str(
        "}

",
    );
    let list = |out: &mut String, name: &str, ty: &str, items: &mut dyn Iterator<Item = String>| {
        let _ = writeln!(out, "static {name}: [{ty}; {count}] = [");
        for item in items {
            let _ = writeln!(out, "    {item},");
        }
        out.push_str(
            "];

",
        );
    };
    list(
        &mut out,
        "ALL",
        "ErrorCode",
        &mut catalogue
            .codes
            .iter()
            .map(|code| format!("ErrorCode::{}", code.variant)),
    );
    list(
        &mut out,
        "CODES",
        "&str",
        &mut catalogue
            .codes
            .iter()
            .map(|code| format!("{:?}", code.code)),
    );
    list(
        &mut out,
        "DESCRIPTIONS",
        "&str",
        &mut catalogue
            .codes
            .iter()
            .map(|code| format!("{:?}", code.description)),
    );
    list(
        &mut out,
        "MEASURES",
        "&str",
        &mut catalogue
            .codes
            .iter()
            .map(|code| format!("{:?}", code.measure.join("\n"))),
    );
    list(
        &mut out,
        "STATUSES",
        "u16",
        &mut catalogue
            .codes
            .iter()
            .map(|code| code.statuses[0].to_string()),
    );
    let mut index = vec![0usize; LEAN_SLOTS];
    for (position, code) in catalogue.codes.iter().enumerate() {
        let mut slot = fnv(&code.code);
        while index[slot] != 0 {
            slot = (slot + 1) % LEAN_SLOTS;
        }
        index[slot] = position + 1;
    }
    let _ = writeln!(
        out,
        "/// Each slot's code, as its position in `ALL` plus one (0: empty).
static INDEX: [u16; {LEAN_SLOTS}] = ["
    );
    for chunk in index.chunks(20) {
        let row: Vec<String> = chunk.iter().map(usize::to_string).collect();
        let _ = writeln!(out, "    {},", row.join(", "));
    }
    let _ = write!(
        out,
        "];

         impl ErrorCode {{
             /// The code as sent.
    #[must_use]
    pub fn as_str(self) -> &'static str {{ CODES[self as usize] }}
             /// What it means.
    #[must_use]
    pub fn description(self) -> &'static str {{ DESCRIPTIONS[self as usize] }}
             /// What to do.
    #[must_use]
    pub fn measure(self) -> &'static str {{ MEASURES[self as usize] }}
             /// Its HTTP status.
    #[must_use]
    pub fn http_status(self) -> u16 {{ STATUSES[self as usize] }}
             /// The code spelled exactly `code`.
    #[must_use]
             pub fn from_code(code: &str) -> Option<Self> {{
                 let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
                 for byte in code.bytes() {{
                     hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3);
                 }}
                 let mut slot = (hash % {LEAN_SLOTS}) as usize;
                 loop {{
                     let found = usize::from(INDEX[slot]);
                     if found == 0 {{
                return None;
            }}
                     if CODES[found - 1] == code {{
                return Some(ALL[found - 1]);
            }}
                     slot = (slot + 1) % {LEAN_SLOTS};
                 }}
             }}
         }}
"
    );
    out
}

/// The hand-written crate. Its API mirrors what `frs_codes!` generates, so that the two builds
/// compile the same amount of code; its lookup is the plain one: the prefix by `match`, then a
/// dense table per prefix and category indexed by the number.
fn hand_tables(catalogue: &Catalogue) -> String {
    let count = catalogue.codes.len();
    let mut out = String::from(
        "//! The 5,000-code catalogue written by hand in table shape.\n#![no_std]\n\n\
         /// An error code of the catalogue.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\n\
         pub enum ErrorCode {\n",
    );
    for code in &catalogue.codes {
        let category = &catalogue.categories[code.category];
        let statuses: Vec<String> = code.statuses.iter().map(u16::to_string).collect();
        let _ = writeln!(
            out,
            "    /// `{}`: {}\n    ///\n    /// * HTTP status: {}\n    /// * Category: [{}](Category::{})\n    ///\n    /// **Measure:**",
            code.code,
            code.description,
            statuses.join(", "),
            category.title,
            category.name
        );
        for line in &code.measure {
            let _ = writeln!(out, "    ///\n    /// {line}");
        }
        let _ = writeln!(out, "    {},", code.variant);
    }
    out.push_str(
        "}\n\n/// A category of error codes.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\n\
         pub enum Category {\n",
    );
    for category in &catalogue.categories {
        let _ = writeln!(
            out,
            "    /// {}: prefix `{}`, numbers {}–{}.\n    {},",
            category.title, category.prefix, category.start, category.end, category.name
        );
    }
    out.push_str("}\n\nuse Category as C;\nuse ErrorCode as E;\n\n");

    let list = |out: &mut String, name: &str, ty: &str, items: &mut dyn Iterator<Item = String>| {
        let _ = writeln!(out, "static {name}: [{ty}; {count}] = [");
        for item in items {
            let _ = writeln!(out, "    {item},");
        }
        out.push_str("];\n");
    };
    let codes = &catalogue.codes;
    list(
        &mut out,
        "ALL",
        "ErrorCode",
        &mut codes.iter().map(|c| format!("E::{}", c.variant)),
    );
    list(
        &mut out,
        "CODES",
        "&str",
        &mut codes.iter().map(|c| format!("{:?}", c.code)),
    );
    list(
        &mut out,
        "PREFIXES",
        "&str",
        &mut codes.iter().map(|c| format!("{:?}", c.prefix)),
    );
    list(
        &mut out,
        "NUMBERS",
        "u32",
        &mut codes.iter().map(|c| c.number.to_string()),
    );
    list(
        &mut out,
        "STATUSES",
        "&[u16]",
        &mut codes.iter().map(|c| format!("&{:?}", c.statuses)),
    );
    list(
        &mut out,
        "DESCRIPTIONS",
        "&str",
        &mut codes.iter().map(|c| format!("{:?}", c.description)),
    );
    list(
        &mut out,
        "MEASURES",
        "&str",
        &mut codes.iter().map(|c| format!("{:?}", c.measure.join("\n"))),
    );
    list(
        &mut out,
        "CATEGORIES",
        "Category",
        &mut codes
            .iter()
            .map(|c| format!("C::{}", catalogue.categories[c.category].name)),
    );

    // The dense number index: one table per prefix and category, over the numbers in use.
    let mut arms = String::new();
    let mut table_index = 0;
    for prefix in catalogue.prefixes() {
        for category_index in 0..catalogue.categories.len() {
            let numbers: Vec<(u32, usize)> = codes
                .iter()
                .enumerate()
                .filter(|(_, c)| c.prefix == prefix && c.category == category_index)
                .map(|(index, c)| (c.number, index))
                .collect();
            let (Some(&(first, _)), Some(&(last, _))) = (numbers.first(), numbers.last()) else {
                continue;
            };
            let mut slots = vec![u16::MAX; (last - first + 1) as usize];
            for &(number, index) in &numbers {
                slots[(number - first) as usize] = index as u16;
            }
            let _ = writeln!(
                out,
                "static BY_NUMBER_{table_index}: [u16; {}] = [",
                slots.len()
            );
            for chunk in slots.chunks(16) {
                let chunk: Vec<String> = chunk.iter().map(u16::to_string).collect();
                let _ = writeln!(out, "    {},", chunk.join(", "));
            }
            out.push_str("];\n");
            let _ = writeln!(
                arms,
                "            (b{prefix:?}, {first}..={last}) => BY_NUMBER_{table_index}[(number - {first}) as usize],"
            );
            table_index += 1;
        }
    }
    let mut category_arms = String::new();
    let mut category_codes = String::new();
    for (index, category) in catalogue.categories.iter().enumerate() {
        let prefixes: Vec<String> = std::iter::once(&category.prefix)
            .chain(&category.extra_prefixes)
            .map(|prefix| format!("b{prefix:?}"))
            .collect();
        let _ = writeln!(
            category_arms,
            "            ({}, {}..={}) => Some(C::{}),",
            prefixes.join(" | "),
            category.start,
            category.end,
            category.name
        );
        let members: Vec<String> = codes
            .iter()
            .filter(|c| c.category == index)
            .map(|c| format!("E::{}", c.variant))
            .collect();
        let _ = writeln!(category_codes, "    &[{}],", members.join(", "));
    }
    let category_count = catalogue.categories.len();
    let category_list = |field: &dyn Fn(&crate::catalogue::Category) -> String| -> String {
        catalogue
            .categories
            .iter()
            .map(|category| format!("    {},\n", field(category)))
            .collect()
    };
    let titles = category_list(&|c| format!("{:?}", c.title));
    let category_prefixes = category_list(&|c| format!("{:?}", c.prefix));
    let all_prefixes = category_list(&|c| {
        let mut all = vec![c.prefix.clone()];
        all.extend(c.extra_prefixes.iter().cloned());
        format!("&{all:?}")
    });
    let ranges = category_list(&|c| format!("({}, {})", c.start, c.end));
    let all_categories = category_list(&|c| format!("C::{}", c.name));
    let _ = write!(
        out,
        r#"
static CATEGORY_ALL: [Category; {category_count}] = [
{all_categories}];
static TITLES: [&str; {category_count}] = [
{titles}];
static CATEGORY_PREFIXES: [&str; {category_count}] = [
{category_prefixes}];
static ALL_PREFIXES: [&[&str]; {category_count}] = [
{all_prefixes}];
static RANGES: [(u32, u32); {category_count}] = [
{ranges}];
static CATEGORY_CODES: [&[ErrorCode]; {category_count}] = [
{category_codes}];

/// `PREFIX.DIGITS` split into the prefix and the number, or `None`.
fn split(code: &str) -> Option<(&[u8], u32)> {{
    let bytes = code.as_bytes();
    let dot = bytes.iter().position(|&byte| byte == b'.')?;
    let (prefix, digits) = (&bytes[..dot], &bytes[dot + 1..]);
    if !prefix.first()?.is_ascii_alphabetic()
        || !prefix.iter().all(u8::is_ascii_alphanumeric)
        || digits.is_empty()
        || digits.len() > 8
    {{
        return None;
    }}
    let mut number = 0;
    for &digit in digits {{
        if !digit.is_ascii_digit() {{
            return None;
        }}
        number = number * 10 + u32::from(digit - b'0');
    }}
    Some((prefix, number))
}}

impl ErrorCode {{
    /// Every code, in catalogue order.
    pub const ALL: &'static [Self] = &ALL;

    /// The code as the service sends it.
    #[must_use]
    pub fn as_str(self) -> &'static str {{
        CODES[self as usize]
    }}

    /// The prefix.
    #[must_use]
    pub fn prefix(self) -> &'static str {{
        PREFIXES[self as usize]
    }}

    /// The number.
    #[must_use]
    pub fn number(self) -> u32 {{
        NUMBERS[self as usize]
    }}

    /// The first HTTP status.
    #[must_use]
    pub fn http_status(self) -> u16 {{
        STATUSES[self as usize][0]
    }}

    /// Every HTTP status.
    #[must_use]
    pub fn http_statuses(self) -> &'static [u16] {{
        STATUSES[self as usize]
    }}

    /// The description.
    #[must_use]
    pub fn description(self) -> &'static str {{
        DESCRIPTIONS[self as usize]
    }}

    /// The measure.
    #[must_use]
    pub fn measure(self) -> &'static str {{
        MEASURES[self as usize]
    }}

    /// The category.
    #[must_use]
    pub fn category(self) -> Category {{
        CATEGORIES[self as usize]
    }}

    /// The code spelled exactly `code`, or `None`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {{
        let (prefix, number) = split(code)?;
        let slot = match (prefix, number) {{
{arms}            _ => return None,
        }};
        let found = *ALL.get(usize::from(slot))?;
        (found.as_str() == code).then_some(found)
    }}
}}

impl core::fmt::Display for ErrorCode {{
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {{
        f.pad(self.as_str())
    }}
}}

impl core::str::FromStr for ErrorCode {{
    type Err = ErrorCodeParseError;

    fn from_str(code: &str) -> Result<Self, Self::Err> {{
        Self::from_code(code).ok_or(ErrorCodeParseError {{
            well_formed: split(code).is_some(),
            category: Category::of(code),
        }})
    }}
}}

impl<'a> TryFrom<&'a str> for ErrorCode {{
    type Error = ErrorCodeParseError;

    fn try_from(code: &'a str) -> Result<Self, Self::Error> {{
        code.parse()
    }}
}}

impl Category {{
    /// Every category.
    pub const ALL: &'static [Self] = &CATEGORY_ALL;

    /// The title.
    #[must_use]
    pub fn title(self) -> &'static str {{
        TITLES[self as usize]
    }}

    /// The main prefix.
    #[must_use]
    pub fn prefix(self) -> &'static str {{
        CATEGORY_PREFIXES[self as usize]
    }}

    /// Every prefix.
    #[must_use]
    pub fn prefixes(self) -> &'static [&'static str] {{
        ALL_PREFIXES[self as usize]
    }}

    /// The numbers covered.
    #[must_use]
    pub fn range(self) -> core::ops::RangeInclusive<u32> {{
        let (start, end) = RANGES[self as usize];
        start..=end
    }}

    /// The codes of the category.
    #[must_use]
    pub fn codes(self) -> &'static [ErrorCode] {{
        CATEGORY_CODES[self as usize]
    }}

    /// The category of any well-formed code.
    #[must_use]
    pub fn of(code: &str) -> Option<Self> {{
        let (prefix, number) = split(code)?;
        match (prefix, number) {{
{category_arms}            _ => None,
        }}
    }}
}}

impl core::fmt::Display for Category {{
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {{
        f.pad(self.title())
    }}
}}

/// Why a string is not an [`ErrorCode`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ErrorCodeParseError {{
    well_formed: bool,
    category: Option<Category>,
}}

impl ErrorCodeParseError {{
    /// Whether the input has the shape of a code.
    #[must_use]
    pub fn is_well_formed(&self) -> bool {{
        self.well_formed
    }}

    /// The category the input's number falls in.
    #[must_use]
    pub fn category(&self) -> Option<Category> {{
        self.category
    }}
}}

impl core::fmt::Display for ErrorCodeParseError {{
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {{
        match (self.well_formed, self.category) {{
            (false, _) => f.write_str("not an error code"),
            (true, Some(category)) => write!(f, "not in the catalogue; falls in {{category}}"),
            (true, None) => f.write_str("not in the catalogue"),
        }}
    }}
}}

impl core::error::Error for ErrorCodeParseError {{}}
"#
    );
    out
}
