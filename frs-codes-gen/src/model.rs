//! A catalogue that passed every rule: what expansion generates from, and what the command
//! reads to explain, list and compare codes.

use std::fmt;
use std::ops::RangeInclusive;

/// A validated catalogue, loaded with [`load`](crate::load) or [`parse`](crate::parse).
///
/// ```
/// let catalogue = frs_codes_gen::parse(
///     r#"{
///       "categories": [{ "name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 99] }],
///       "codes": [{ "code": "FRS.0011", "name": "ParameterMissing", "status": 400,
///                   "description": "A parameter is missing.", "measure": "Check the parameters." }]
///     }"#,
///     "codes.json",
/// )?;
/// let code = catalogue.find("FRS.0011").unwrap();
/// assert_eq!(code.name, "ParameterMissing");
/// assert_eq!(catalogue.category_of("FRS.0042").unwrap().title, "Common errors");
/// # Ok::<(), frs_codes_gen::Error>(())
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Catalogue {
    /// The file as the caller named it.
    pub file: String,
    /// The categories, in catalogue order: the category enum's variants.
    pub categories: Vec<Category>,
    /// The codes, in catalogue order: the code enum's variants.
    pub codes: Vec<Code>,
    /// The catalogue's `retry`: the class of a response by its status, whatever its code.
    pub retry: Vec<(u16, RetryClass)>,
    /// Every prefix a category names, with the categories that hold its codes.
    pub(crate) prefixes: Vec<Prefix>,
}

/// A category of codes: those of some prefixes (all of them, or a range of their numbers), or
/// only the codes that name it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Category {
    /// The variant name, e.g. `ServiceManagement`.
    pub name: String,
    /// What `Display` writes, e.g. `Service management errors`.
    pub title: String,
    /// The main prefix first, then the extra ones; empty for a category without a prefix. The
    /// prefix `""` stands for codes without one, such as `1100`.
    pub prefixes: Vec<String>,
    /// The numbers it holds of its prefixes; `None` for all of them.
    pub range: Option<RangeInclusive<u32>>,
}

impl Category {
    /// How a code the catalogue does not list belongs to the category, worded for a message: by
    /// its number where the category is a range, by its prefix where it holds the prefix whole.
    ///
    /// ```
    /// let catalogue = frs_codes_gen::parse(
    ///     r#"{ "categories": [{ "name": "ModelArts", "title": "ModelArts errors", "prefix": "ModelArts" }],
    ///          "codes": [{ "code": "ModelArts.0101", "status": 400, "description": "No AK/SK." }] }"#,
    ///     "codes.json",
    /// )?;
    /// let category = catalogue.category_of("ModelArts.9999").expect("its prefix is held");
    /// assert_eq!(category.how_unlisted_codes_belong(), "its prefix belongs to");
    /// # Ok::<(), frs_codes_gen::Error>(())
    /// ```
    #[must_use]
    pub fn how_unlisted_codes_belong(&self) -> &'static str {
        if self.range.is_some() {
            BELONGS_BY_NUMBER
        } else {
            BELONGS_BY_PREFIX
        }
    }
}

/// How an unlisted code belongs to a category that is a range, and to one that holds its
/// prefix whole: the words the commands and the generated parse error share.
pub(crate) const BELONGS_BY_NUMBER: &str = "its number falls in";
pub(crate) const BELONGS_BY_PREFIX: &str = "its prefix belongs to";

/// An error code of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Code {
    /// The code exactly as the service sends it, e.g. `FRS.0202`.
    pub code: String,
    /// The variant name, as given or derived.
    pub name: String,
    /// What comes before the number (or, for a code without one, before the last dot): `FRS`,
    /// `SVCSTG.CCE-ADDONMGR`; `""` for `1100` or `AccessDenied`.
    pub prefix: String,
    /// The value of the trailing digits (1 to 9 of them, after a dot or making up the whole
    /// code); `None` for a code such as `AccessDenied`.
    pub number: Option<u32>,
    /// Its rows in the documentation, in order; never empty. A row with several statuses is one
    /// case per status.
    pub cases: Vec<Case>,
    /// Its category, as an index into [`Catalogue::categories`].
    pub category: usize,
    /// Its own retry classes, if the catalogue gives any.
    pub retry: Option<CodeRetry>,
}

/// One documented occurrence of a code: a status and the texts that go with it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Case {
    /// The HTTP status, where the documentation gives one.
    pub status: Option<u16>,
    /// The text the service sends in `error_msg`, where the documentation gives it; sometimes a
    /// template such as `Invalid input for field '%(key)s'`.
    pub message: Option<String>,
    /// What the error means.
    pub description: String,
    /// What to do, one entry per line, where the documentation says.
    pub measure: Option<Vec<String>>,
}

impl Code {
    /// Every status of its cases, in order, each once.
    #[must_use]
    pub fn statuses(&self) -> Vec<u16> {
        let mut statuses = Vec::new();
        for status in self.cases.iter().filter_map(|case| case.status) {
            if !statuses.contains(&status) {
                statuses.push(status);
            }
        }
        statuses
    }

    /// The first case, which the code-level accessors read.
    #[must_use]
    pub fn first_case(&self) -> &Case {
        &self.cases[0]
    }

    /// The case documented for `status`: the first whose status it is, else the first case.
    #[must_use]
    pub fn case_for(&self, status: u16) -> &Case {
        self.cases
            .iter()
            .find(|case| case.status == Some(status))
            .unwrap_or(&self.cases[0])
    }
}

/// How a failed call may be retried: the classes of `frs_codes::Retry`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RetryClass {
    /// `throttling`: back off, then retry.
    Throttling,
    /// `transient`: a gateway or the backend was unavailable; retry soon.
    Transient,
    /// `server`: the service failed; a few retries may help.
    Server,
    /// `no`: the same request fails the same way.
    No,
}

impl RetryClass {
    /// Every class, with the name the catalogue writes.
    pub const ALL: [RetryClass; 4] = [
        RetryClass::Throttling,
        RetryClass::Transient,
        RetryClass::Server,
        RetryClass::No,
    ];

    /// The name the catalogue writes: `throttling`, `transient`, `server` or `no`.
    ///
    /// ```
    /// assert_eq!(frs_codes_gen::RetryClass::Transient.as_str(), "transient");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            RetryClass::Throttling => "throttling",
            RetryClass::Transient => "transient",
            RetryClass::Server => "server",
            RetryClass::No => "no",
        }
    }

    /// The variant of `frs_codes::Retry` with this meaning.
    pub(crate) const fn variant(self) -> &'static str {
        match self {
            RetryClass::Throttling => "Throttling",
            RetryClass::Transient => "Transient",
            RetryClass::Server => "Server",
            RetryClass::No => "No",
        }
    }
}

impl fmt::Display for RetryClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A code's own retry class: for every status it comes with, or for the statuses named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeRetry {
    /// One class whatever the status.
    Always(RetryClass),
    /// Classes for some of the code's statuses; the others follow the catalogue's `retry`.
    ByStatus(Vec<(u16, RetryClass)>),
}

/// The category whose prefix (and range) among `prefixes` hold a code of this shape; what
/// validation asks before the catalogue is built, and [`Catalogue::category_by_shape`] after.
pub(crate) fn category_in(prefixes: &[Prefix], shape: &Shape) -> Option<usize> {
    let prefix = prefixes.iter().find(|found| found.text == shape.prefix)?;
    if let Some(whole) = prefix.whole {
        return Some(whole);
    }
    let number = shape.number?;
    prefix
        .ranges
        .iter()
        .find(|(start, end, _)| (*start..=*end).contains(&number))
        .map(|(_, _, category)| *category)
}

/// One code prefix: the categories that hold its codes, and the codes written with it.
#[derive(Clone, Debug)]
pub(crate) struct Prefix {
    pub text: String,
    /// The category holding every code of the prefix, if one does.
    pub whole: Option<usize>,
    /// `(start, end, category index)`, sorted by start, never overlapping.
    pub ranges: Vec<(u32, u32, usize)>,
}

impl Catalogue {
    /// The code spelled exactly `code` (case and zero padding included).
    #[must_use]
    pub fn find(&self, code: &str) -> Option<&Code> {
        self.codes.iter().find(|found| found.code == code)
    }

    /// The category of `code`: a listed code's, or for another code the one its prefix and
    /// number fall in.
    #[must_use]
    pub fn category_of(&self, code: &str) -> Option<&Category> {
        if let Some(found) = self.find(code) {
            return Some(&self.categories[found.category]);
        }
        let shape = Shape::of(code);
        self.category_by_shape(&shape)
            .map(|index| &self.categories[index])
    }

    /// The category whose prefix (and range) hold a code of this shape.
    pub(crate) fn category_by_shape(&self, shape: &Shape) -> Option<usize> {
        category_in(&self.prefixes, shape)
    }

    /// The listed code that `input` most likely means: the same prefix (ignoring case) and the
    /// same number (ignoring zero padding and the separator), e.g. `frs.202` → `FRS.0202`, also
    /// when pasted with its quotes, e.g. `"FRS.0202"` from a JSON body; for a code that is a
    /// name, the nearest name ignoring case, e.g. `accessdenied` → `AccessDenied`.
    ///
    /// ```
    /// # let catalogue = frs_codes_gen::parse(r#"{"categories": [{"name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 999]}],
    /// #   "codes": [{"code": "FRS.0202", "status": 400, "description": "Frozen.", "measure": "Call us."}]}"#, "codes.json")?;
    /// assert_eq!(catalogue.near_miss("FRS.202").map(|code| code.code.as_str()), Some("FRS.0202"));
    /// assert_eq!(catalogue.near_miss("frs-0202").map(|code| code.code.as_str()), Some("FRS.0202"));
    /// assert_eq!(catalogue.near_miss("\"FRS.0202\"").map(|code| code.code.as_str()), Some("FRS.0202"));
    /// assert!(catalogue.near_miss("FRS.0203").is_none());
    /// # Ok::<(), frs_codes_gen::Error>(())
    /// ```
    #[must_use]
    pub fn near_miss(&self, given: &str) -> Option<&Code> {
        let input = given.trim().trim_matches(['"', '\'', '`']).trim();
        let digits = input.len() - input.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (head, digits) = input.split_at(input.len() - digits);
        let found = match digits.parse::<u32>() {
            Ok(number) => {
                let prefix = head.trim_end_matches(['.', '-', '_', ' ', ':', '/']);
                self.codes.iter().find(|code| {
                    code.number == Some(number) && code.prefix.eq_ignore_ascii_case(prefix)
                })
            }
            // Numbered codes differ by one digit from their neighbours, so only names are
            // compared by edit distance.
            Err(_) => {
                let names: Vec<&str> = self
                    .codes
                    .iter()
                    .filter(|code| code.number.is_none())
                    .map(|code| code.code.as_str())
                    .collect();
                crate::suggest::closest_name(input, &names).and_then(|name| self.find(name))
            }
        };
        found.filter(|code| code.code != given)
    }

    /// Whether every code is `PREFIX.DIGITS` or `DIGITS`: then anything else is malformed, and
    /// messages ask for that shape.
    pub(crate) fn all_numbered(&self) -> bool {
        self.codes
            .iter()
            .all(|code| split_code(&code.code).is_some())
    }

    /// Whether `input` is spelled like a code of this catalogue, listed or not: `PREFIX.DIGITS`
    /// or `DIGITS` where every code is, else any text a code can be (no surrounding whitespace,
    /// no control character, at most 64 bytes).
    ///
    /// ```
    /// # let catalogue = frs_codes_gen::parse(r#"{"categories": [{"name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 999]}],
    /// #   "codes": [{"code": "FRS.0202", "status": 400, "description": "Frozen."}]}"#, "codes.json")?;
    /// assert!(catalogue.is_code_shaped("FRS.0999"));
    /// assert!(!catalogue.is_code_shaped("NoSuchBucket"));
    /// # Ok::<(), frs_codes_gen::Error>(())
    /// ```
    #[must_use]
    pub fn is_code_shaped(&self, input: &str) -> bool {
        if self.all_numbered() {
            split_code(input).is_some()
        } else {
            crate::validate::spelling_problem(input).is_none()
        }
    }

    /// What this catalogue's codes look like, with examples from it, worded to follow
    /// "expected" or "codes are": `` PREFIX.DIGITS, e.g. `FRS.0202` ``, `` names such as
    /// `AccessDenied` ``, or both.
    ///
    /// ```
    /// # let catalogue = frs_codes_gen::parse(r#"{"categories": [{"name": "Storage", "title": "Storage errors"}],
    /// #   "codes": [{"code": "AccessDenied", "category": "Storage", "status": 403, "description": "Denied."}]}"#, "codes.json")?;
    /// assert_eq!(catalogue.code_shape(), "names such as `AccessDenied`");
    /// # Ok::<(), frs_codes_gen::Error>(())
    /// ```
    #[must_use]
    pub fn code_shape(&self) -> String {
        let numbered = self
            .codes
            .iter()
            .find(|code| split_code(&code.code).is_some());
        let named = self
            .codes
            .iter()
            .find(|code| split_code(&code.code).is_none());
        match (numbered, named) {
            (Some(numbered), None) => format!("PREFIX.DIGITS, e.g. `{}`", numbered.code),
            (None, Some(named)) => format!("names such as `{}`", named.code),
            (Some(numbered), Some(named)) => format!(
                "PREFIX.DIGITS such as `{}`, or names such as `{}`",
                numbered.code, named.code
            ),
            (None, None) => String::new(),
        }
    }
}

/// A code split into what comes before its number and the number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Shape<'a> {
    pub prefix: &'a str,
    pub number: Option<u32>,
}

/// The most digits a code's number has: nine fit a `u32`.
pub(crate) const MAX_DIGITS: usize = 9;

impl<'a> Shape<'a> {
    /// `1100` → `("", 1100)`; `FRS.0202` → `("FRS", 202)`; `SVCSTG.CCE-ADDONMGR.4000003` →
    /// `("SVCSTG.CCE-ADDONMGR", 4000003)`; `KMS.DisabledException` → `("KMS", None)`;
    /// `AccessDenied` → `("", None)`.
    pub fn of(code: &'a str) -> Self {
        let digits = code.len() - code.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let numbered = (1..=MAX_DIGITS).contains(&digits)
            && (digits == code.len() || code.as_bytes()[code.len() - digits - 1] == b'.');
        if numbered {
            let number = code[code.len() - digits..].parse().ok();
            let prefix = code[..code.len() - digits]
                .strip_suffix('.')
                .unwrap_or_default();
            return Shape { prefix, number };
        }
        let prefix = code.rfind('.').map_or("", |dot| &code[..dot]);
        Shape {
            prefix,
            number: None,
        }
    }
}

/// Splits a numbered code (`PREFIX.DIGITS` or `DIGITS`, 1 to 9 digits, the prefix ASCII letters,
/// digits, `-`, `_` and dots, starting with a letter) into its prefix and number.
///
/// ```
/// assert_eq!(frs_codes_gen::split_code("FRS.0202"), Some(("FRS", 202)));
/// assert_eq!(frs_codes_gen::split_code("1100"), Some(("", 1100)));
/// assert_eq!(frs_codes_gen::split_code("SVCSTG.CCE-ADDONMGR.4000003"), Some(("SVCSTG.CCE-ADDONMGR", 4_000_003)));
/// assert_eq!(frs_codes_gen::split_code("FRS-0202"), None);
/// assert_eq!(frs_codes_gen::split_code("AccessDenied"), None);
/// ```
#[must_use]
pub fn split_code(code: &str) -> Option<(&str, u32)> {
    let shape = Shape::of(code);
    let number = shape.number?;
    is_prefix(shape.prefix).then_some((shape.prefix, number))
}

/// A prefix a category can name: `""`, or ASCII letters, digits, `-`, `_` and `.` starting with a
/// letter and not ending with a dot.
pub(crate) fn is_prefix(prefix: &str) -> bool {
    prefix.is_empty()
        || (prefix.as_bytes()[0].is_ascii_alphabetic()
            && !prefix.ends_with('.')
            && prefix
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_real_codes() {
        let shape = |code| {
            let Shape { prefix, number } = Shape::of(code);
            (prefix, number)
        };
        assert_eq!(shape("FRS.0202"), ("FRS", Some(202)));
        assert_eq!(shape("Ecs.0000"), ("Ecs", Some(0)));
        assert_eq!(shape("1100"), ("", Some(1100)));
        assert_eq!(shape("01"), ("", Some(1)));
        assert_eq!(shape("111400062"), ("", Some(111_400_062)));
        assert_eq!(shape("CCE.01400001"), ("CCE", Some(1_400_001)));
        assert_eq!(
            shape("SVCSTG.CCE-ADDONMGR.4000003"),
            ("SVCSTG.CCE-ADDONMGR", Some(4_000_003))
        );
        assert_eq!(shape("KMS.DisabledException"), ("KMS", None));
        assert_eq!(shape("AccessDenied"), ("", None));
        assert_eq!(shape("FRS.1234567890"), ("FRS", None));
        assert_eq!(shape("FRS-0202"), ("", None));
        assert_eq!(shape("DIS.5000~DIS.5999"), ("DIS.5000~DIS", Some(5999)));
        assert_eq!(shape("FRS..0202"), ("FRS.", Some(202)));
    }

    fn named_catalogue() -> Catalogue {
        crate::parse(
            r#"{"categories": [{"name": "Storage", "title": "Storage errors"}],
                "codes": [{"code": "AccessDenied", "category": "Storage", "status": 403, "description": "d"},
                          {"code": "FRS.0202", "category": "Storage", "status": 400, "description": "d"}]}"#,
            "codes.json",
        )
        .unwrap_or_else(|error| panic!("{error}"))
    }

    #[test]
    fn near_misses_of_names_ignore_case_and_typos() {
        let catalogue = named_catalogue();
        let near = |input| catalogue.near_miss(input).map(|code| code.code.as_str());
        assert_eq!(near("accessdenied"), Some("AccessDenied"));
        assert_eq!(near("ACCESS_DENIED"), Some("AccessDenied"));
        assert_eq!(near("`AccesDenied`"), Some("AccessDenied"));
        assert_eq!(near("frs.202"), Some("FRS.0202"));
        assert_eq!(near("AccessDenied"), None);
        assert_eq!(near("NoSuchBucket"), None);
    }

    #[test]
    fn the_shape_of_codes_is_the_catalogues() {
        let named = named_catalogue();
        assert!(named.is_code_shaped("NoSuchBucket"));
        assert!(!named.is_code_shaped(" NoSuchBucket"));
        assert_eq!(
            named.code_shape(),
            "PREFIX.DIGITS such as `FRS.0202`, or names such as `AccessDenied`"
        );
        let numbered = crate::parse(
            r#"{"categories": [{"name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 999]}],
                "codes": [{"code": "FRS.0202", "status": 400, "description": "d"}]}"#,
            "codes.json",
        )
        .unwrap_or_else(|error| panic!("{error}"));
        assert!(!numbered.is_code_shaped("NoSuchBucket"));
        assert!(numbered.is_code_shaped("FRS.0203"));
        assert_eq!(numbered.code_shape(), "PREFIX.DIGITS, e.g. `FRS.0202`");
    }

    #[test]
    fn numbered_codes() {
        assert_eq!(split_code("FRS.0202"), Some(("FRS", 202)));
        assert_eq!(split_code("A1.99999999"), Some(("A1", 99_999_999)));
        assert_eq!(split_code("FRS.123456789"), Some(("FRS", 123_456_789)));
        assert_eq!(split_code("FRS.1234567890"), None);
        assert_eq!(split_code("1FRS.0202"), None);
        assert_eq!(split_code("FRS."), None);
        assert_eq!(split_code("FRS.02a2"), None);
        assert_eq!(split_code("DIS.5000~DIS.5999"), None);
    }
}
