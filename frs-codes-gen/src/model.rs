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
    /// Every prefix, with its ranges and codes: the lookup's index.
    pub(crate) prefixes: Vec<Prefix>,
}

/// A category: a prefix (and maybe more) and an inclusive range of numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Category {
    /// The variant name, e.g. `ServiceManagement`.
    pub name: String,
    /// What `Display` writes, e.g. `Service management errors`.
    pub title: String,
    /// The main prefix first, then the extra ones.
    pub prefixes: Vec<String>,
    /// The numbers it covers.
    pub range: RangeInclusive<u32>,
}

/// An error code of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Code {
    /// The code as the service sends it, e.g. `FRS.0202`.
    pub code: String,
    /// The variant name, as given or derived.
    pub name: String,
    /// The part before the dot.
    pub prefix: String,
    /// The value of the digits after the dot.
    pub number: u32,
    /// The HTTP statuses it comes with; never empty, the first is the main one.
    pub statuses: Vec<u16>,
    /// What the error means.
    pub description: String,
    /// What to do, one entry per line; never empty.
    pub measure: Vec<String>,
    /// Its category, as an index into [`Catalogue::categories`].
    pub category: usize,
    /// Its own retry classes, if the catalogue gives any.
    pub retry: Option<CodeRetry>,
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

/// One code prefix: the categories whose ranges it covers and the codes written with it.
#[derive(Clone, Debug)]
pub(crate) struct Prefix {
    pub text: String,
    /// `(start, end, category index)`, sorted by start, never overlapping.
    pub ranges: Vec<(u32, u32, usize)>,
    /// `(number, code index)`, sorted by number, numbers unique.
    pub codes: Vec<(u32, usize)>,
}

impl Catalogue {
    /// The code spelled exactly `code` (case and zero padding included).
    #[must_use]
    pub fn find(&self, code: &str) -> Option<&Code> {
        let (prefix, number) = split_code(code)?;
        let prefix = self.prefixes.iter().find(|found| found.text == prefix)?;
        let index = prefix
            .codes
            .binary_search_by_key(&number, |(number, _)| *number)
            .ok()?;
        let found = &self.codes[prefix.codes[index].1];
        (found.code == code).then_some(found)
    }

    /// The category whose prefixes and range hold `code`, for any well-formed code, listed or not.
    #[must_use]
    pub fn category_of(&self, code: &str) -> Option<&Category> {
        let (prefix, number) = split_code(code)?;
        let (_, _, category) = self
            .prefixes
            .iter()
            .find(|found| found.text == prefix)?
            .ranges
            .iter()
            .find(|(start, end, _)| (*start..=*end).contains(&number))?;
        Some(&self.categories[*category])
    }

    /// The listed code that `input` most likely means: the same prefix (ignoring case) and the
    /// same number (ignoring zero padding and the separator), e.g. `frs.202` → `FRS.0202`.
    ///
    /// ```
    /// # let catalogue = frs_codes_gen::parse(r#"{"categories": [{"name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 999]}],
    /// #   "codes": [{"code": "FRS.0202", "status": 400, "description": "Frozen.", "measure": "Call us."}]}"#, "codes.json")?;
    /// assert_eq!(catalogue.near_miss("FRS.202").map(|code| code.code.as_str()), Some("FRS.0202"));
    /// assert_eq!(catalogue.near_miss("frs-0202").map(|code| code.code.as_str()), Some("FRS.0202"));
    /// assert!(catalogue.near_miss("FRS.0203").is_none());
    /// # Ok::<(), frs_codes_gen::Error>(())
    /// ```
    #[must_use]
    pub fn near_miss(&self, input: &str) -> Option<&Code> {
        let input = input.trim();
        let digits = input.len() - input.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (head, digits) = input.split_at(input.len() - digits);
        let number: u32 = digits.parse().ok()?;
        let prefix = head.trim_end_matches(['.', '-', '_', ' ', ':', '/']);
        self.codes
            .iter()
            .find(|code| code.number == number && code.prefix.eq_ignore_ascii_case(prefix))
            .filter(|code| code.code != input)
    }
}

/// Splits a well-formed code (`PREFIX.DIGITS`: ASCII letters and digits starting with a letter,
/// a dot, 1 to 8 digits) into its prefix and number.
///
/// ```
/// assert_eq!(frs_codes_gen::split_code("FRS.0202"), Some(("FRS", 202)));
/// assert_eq!(frs_codes_gen::split_code("FRS-0202"), None);
/// ```
#[must_use]
pub fn split_code(code: &str) -> Option<(&str, u32)> {
    let (prefix, digits) = code.split_once('.')?;
    let well_formed = is_prefix(prefix)
        && (1..=8).contains(&digits.len())
        && digits.bytes().all(|byte| byte.is_ascii_digit());
    well_formed.then(|| (prefix, digits.parse().unwrap_or(0)))
}

pub(crate) fn is_prefix(prefix: &str) -> bool {
    prefix
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphabetic)
        && prefix.bytes().all(|byte| byte.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(split_code("FRS.0202"), Some(("FRS", 202)));
        assert_eq!(split_code("A1.99999999"), Some(("A1", 99_999_999)));
        assert_eq!(split_code("FRS.123456789"), None);
        assert_eq!(split_code("1FRS.0202"), None);
        assert_eq!(split_code("FRS."), None);
        assert_eq!(split_code("FRS.02a2"), None);
        assert_eq!(split_code("FRS-0202"), None);
    }
}
