//! What changed between two versions of a catalogue, and what that means for the version of a
//! crate that publishes the generated enums.

use crate::expand::Signatures;
use crate::model::{Catalogue, Category, Code, CodeRetry, RetryClass};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;

/// The semver impact of a catalogue change on a crate that publishes the generated enums.
///
/// Ordered from `None` to `Major`, so the impact of several changes is the largest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Impact {
    /// Nothing a caller can observe changed.
    None,
    /// Only text changed: descriptions, measures, titles.
    Patch,
    /// Data a caller can observe changed without breaking a build: statuses, retry classes,
    /// category ranges and prefixes, a variant's code, the order of variants.
    Minor,
    /// A variant was added to or removed from an exhaustive enum, or a generated signature
    /// changed (an accessor became or stopped being an `Option`): callers stop compiling.
    Major,
}

impl Impact {
    /// `none`, `patch`, `minor` or `major`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Impact::None => "none",
            Impact::Patch => "patch",
            Impact::Minor => "minor",
            Impact::Major => "major",
        }
    }
}

impl fmt::Display for Impact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// One difference between two catalogues.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// What changed, on one line, e.g. ``code FRS.0037 `ImageTooBlurry` added``.
    pub summary: String,
    /// Its impact.
    pub impact: Impact,
    /// The cargo-semver-checks lint that names it, where there is one: `enum_variant_added`
    /// or `enum_variant_missing`.
    pub lint: Option<&'static str>,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lint {
            Some(lint) => write!(f, "{} ({lint}: {})", self.summary, self.impact),
            None => write!(f, "{} ({})", self.summary, self.impact),
        }
    }
}

/// Every difference between two catalogues, and their impact.
///
/// `Display` writes one change per line, then `semver: <impact>` as the last line.
///
/// ```
/// let old = frs_codes_gen::parse(r#"{"categories": [{"name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 99]}],
///   "codes": [{"code": "FRS.0011", "name": "ParameterMissing", "status": 400, "description": "Missing.", "measure": "Add it."}]}"#, "old.json")?;
/// let new = frs_codes_gen::parse(r#"{"categories": [{"name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 99]}],
///   "codes": [{"code": "FRS.0011", "name": "ParameterMissing", "status": 400, "description": "A parameter is missing.", "measure": "Add it."}]}"#, "new.json")?;
/// let diff = frs_codes_gen::diff(&old, &new);
/// assert_eq!(diff.impact(), frs_codes_gen::Impact::Patch);
/// assert_eq!(
///     diff.to_string(),
///     "code FRS.0011 description: \"Missing.\" → \"A parameter is missing.\" (patch)\nsemver: patch\n",
/// );
/// # Ok::<(), frs_codes_gen::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diff {
    changes: Vec<Change>,
}

impl Diff {
    /// The changes: codes added, removed and renamed, then fields changed, then categories.
    #[must_use]
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The largest impact of any change; [`Impact::None`] when there is none.
    #[must_use]
    pub fn impact(&self) -> Impact {
        self.changes
            .iter()
            .map(|change| change.impact)
            .max()
            .unwrap_or(Impact::None)
    }
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.changes.is_empty() {
            writeln!(f, "no differences")?;
        }
        for change in &self.changes {
            writeln!(f, "{change}")?;
        }
        writeln!(f, "semver: {}", self.impact())
    }
}

/// What changed from `old` to `new`.
///
/// Codes are matched by their code, so a code whose variant name changed is *renamed*. The
/// impact is judged on the enums a crate publishes: a variant name that appears
/// (`enum_variant_added`, on an enum that is exhaustive on purpose) or disappears
/// (`enum_variant_missing`) is major, and so is an accessor whose return type changes (the
/// generator makes `measure()` an `Option` when some code has no measure); a change of data a
/// caller can observe is minor; a change of text only is a patch.
#[must_use]
pub fn diff(old: &Catalogue, new: &Catalogue) -> Diff {
    let mut changes = Vec::new();
    let old_names: BTreeSet<&str> = old.codes.iter().map(|code| code.name.as_str()).collect();
    let new_names: BTreeSet<&str> = new.codes.iter().map(|code| code.name.as_str()).collect();
    let variant_lint = |name: &str, names: &BTreeSet<&str>, lint: &'static str| {
        if names.contains(name) {
            (Impact::Minor, None)
        } else {
            (Impact::Major, Some(lint))
        }
    };

    // Each catalogue's codes by spelling, so that matching them is linear in their number.
    let old_codes: HashSet<&str> = old.codes.iter().map(|code| code.code.as_str()).collect();
    let new_codes: HashMap<&str, &Code> = new
        .codes
        .iter()
        .map(|code| (code.code.as_str(), code))
        .collect();
    for code in &new.codes {
        if !old_codes.contains(code.code.as_str()) {
            let (impact, lint) = variant_lint(&code.name, &old_names, "enum_variant_added");
            changes.push(Change {
                summary: format!("code {} `{}` added", code.code, code.name),
                impact,
                lint,
            });
        }
    }
    for code in &old.codes {
        if !new_codes.contains_key(code.code.as_str()) {
            let (impact, lint) = variant_lint(&code.name, &new_names, "enum_variant_missing");
            changes.push(Change {
                summary: format!("code {} `{}` removed", code.code, code.name),
                impact,
                lint,
            });
        }
    }
    let pairs: Vec<(&Code, &Code)> = old
        .codes
        .iter()
        .filter_map(|old_code| Some((old_code, *new_codes.get(old_code.code.as_str())?)))
        .collect();
    for (old_code, new_code) in &pairs {
        if old_code.name != new_code.name {
            // The old variant may live on in another code, and the new one may have been there
            // already; what is left over is a variant gone or a variant new.
            let lint = if !new_names.contains(old_code.name.as_str()) {
                Some("enum_variant_missing")
            } else if !old_names.contains(new_code.name.as_str()) {
                Some("enum_variant_added")
            } else {
                None
            };
            changes.push(Change {
                summary: format!(
                    "code {} renamed `{}` → `{}`",
                    old_code.code, old_code.name, new_code.name
                ),
                impact: if lint.is_some() {
                    Impact::Major
                } else {
                    Impact::Minor
                },
                lint,
            });
        }
    }
    for (old_code, new_code) in &pairs {
        code_fields(old, new, old_code, new_code, &mut changes);
    }
    if kept_order(old, |code| new_codes.contains_key(code))
        != kept_order(new, |code| old_codes.contains(code))
    {
        changes.push(Change {
            summary: "codes reordered (the variants' order, `ALL` and `Ord` follow it)".to_owned(),
            impact: Impact::Minor,
            lint: None,
        });
    }
    categories(old, new, &mut changes);
    if old.retry != new.retry {
        changes.push(Change {
            summary: format!(
                "retry by status: {} → {}",
                status_classes(&old.retry),
                status_classes(&new.retry)
            ),
            impact: Impact::Minor,
            lint: None,
        });
    }
    let accessors = Signatures::of(old)
        .accessors()
        .into_iter()
        .zip(Signatures::of(new).accessors());
    for ((accessor, ty, before), (_, _, after)) in accessors {
        if before != after {
            changes.push(Change {
                summary: format!(
                    "{accessor}: `{}` → `{}`",
                    before.written(ty),
                    after.written(ty)
                ),
                impact: Impact::Major,
                lint: None,
            });
        }
    }
    Diff { changes }
}

/// The spellings of `from`'s codes that the other catalogue has too, in `from`'s order.
fn kept_order(from: &Catalogue, kept: impl Fn(&str) -> bool) -> Vec<&str> {
    from.codes
        .iter()
        .map(|code| code.code.as_str())
        .filter(|code| kept(code))
        .collect()
}

fn code_fields(old: &Catalogue, new: &Catalogue, was: &Code, is: &Code, changes: &mut Vec<Change>) {
    let mut field = |name: &str, before: String, after: String, impact: Impact| {
        if before != after {
            changes.push(Change {
                summary: format!("code {} {name}: {before} → {after}", is.code),
                impact,
                lint: None,
            });
        }
    };
    if was.cases.len() == is.cases.len() {
        let single = was.cases.len() == 1;
        for (index, (before, after)) in was.cases.iter().zip(&is.cases).enumerate() {
            let label = |field: &str| {
                if single {
                    field.to_owned()
                } else {
                    format!("case {} {field}", index + 1)
                }
            };
            let status = |status: Option<u16>| {
                status.map_or_else(|| "none".to_owned(), |status| status.to_string())
            };
            field(
                &label("status"),
                status(before.status),
                status(after.status),
                Impact::Minor,
            );
            field(
                &label("message"),
                text(before.message.as_deref()),
                text(after.message.as_deref()),
                Impact::Patch,
            );
            field(
                &label("description"),
                format!("{:?}", before.description),
                format!("{:?}", after.description),
                Impact::Patch,
            );
            field(
                &label("measure"),
                lines(before.measure.as_deref()),
                lines(after.measure.as_deref()),
                Impact::Patch,
            );
        }
    } else if was.statuses() != is.statuses() {
        field(
            "status",
            statuses(&was.statuses()),
            statuses(&is.statuses()),
            Impact::Minor,
        );
    } else {
        field(
            "cases",
            format!("{} cases", was.cases.len()),
            format!("{} cases", is.cases.len()),
            Impact::Minor,
        );
    }
    field(
        "category",
        format!("`{}`", old.categories[was.category].name),
        format!("`{}`", new.categories[is.category].name),
        Impact::Minor,
    );
    field(
        "retry",
        retry(was.retry.as_ref()),
        retry(is.retry.as_ref()),
        Impact::Minor,
    );
}

fn text(text: Option<&str>) -> String {
    text.map_or_else(|| "none".to_owned(), |text| format!("{text:?}"))
}

fn lines(lines: Option<&[String]>) -> String {
    lines.map_or_else(
        || "none".to_owned(),
        |lines| format!("{:?}", lines.join("\n")),
    )
}

fn categories(old: &Catalogue, new: &Catalogue, changes: &mut Vec<Change>) {
    for category in &new.categories {
        if old
            .categories
            .iter()
            .all(|other| other.name != category.name)
        {
            changes.push(Change {
                summary: format!("category `{}` added", category.name),
                impact: Impact::Major,
                lint: Some("enum_variant_added"),
            });
        }
    }
    for category in &old.categories {
        let Some(now) = new
            .categories
            .iter()
            .find(|other| other.name == category.name)
        else {
            changes.push(Change {
                summary: format!("category `{}` removed", category.name),
                impact: Impact::Major,
                lint: Some("enum_variant_missing"),
            });
            continue;
        };
        if category.title != now.title {
            changes.push(Change {
                summary: format!(
                    "category `{}` title: {:?} → {:?}",
                    category.name, category.title, now.title
                ),
                impact: Impact::Patch,
                lint: None,
            });
        }
        if category.prefixes != now.prefixes || category.range != now.range {
            changes.push(Change {
                summary: format!(
                    "category `{}` covers {} → {}",
                    category.name,
                    coverage(category),
                    coverage(now)
                ),
                impact: Impact::Minor,
                lint: None,
            });
        }
    }
}

fn statuses(statuses: &[u16]) -> String {
    if statuses.is_empty() {
        return "none".to_owned();
    }
    let statuses: Vec<String> = statuses.iter().map(u16::to_string).collect();
    statuses.join(", ")
}

fn retry(retry: Option<&CodeRetry>) -> String {
    match retry {
        None => "by status".to_owned(),
        Some(CodeRetry::Always(class)) => class.to_string(),
        Some(CodeRetry::ByStatus(classes)) => status_classes(classes),
    }
}

fn status_classes(classes: &[(u16, RetryClass)]) -> String {
    let classes: Vec<String> = classes
        .iter()
        .map(|(status, class)| format!("{status}: {class}"))
        .collect();
    format!("{{{}}}", classes.join(", "))
}

fn coverage(category: &Category) -> String {
    let prefixes = if category.prefixes.is_empty() {
        "the codes that name it".to_owned()
    } else {
        category.prefixes.join("/")
    };
    match &category.range {
        Some(range) => format!("{prefixes} {}–{}", range.start(), range.end()),
        None => prefixes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue(categories: &str, codes: &str) -> Catalogue {
        crate::parse(
            &format!(r#"{{"categories": [{categories}], "codes": [{codes}]}}"#),
            "codes.json",
        )
        .unwrap_or_else(|error| panic!("{error}"))
    }

    const COMMON: &str =
        r#"{"name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 99]}"#;
    const A: &str = r#"{"code": "FRS.0001", "name": "First", "status": 400, "description": "a", "measure": "m"}"#;
    const B: &str = r#"{"code": "FRS.0002", "name": "Second", "status": 400, "description": "b", "measure": "m"}"#;

    #[test]
    fn categories_order_and_moved_names_are_judged_by_the_enums() {
        let old = catalogue(COMMON, &format!("{A}, {B}"));
        let reordered = diff(&old, &catalogue(COMMON, &format!("{B}, {A}")));
        assert_eq!(reordered.impact(), Impact::Minor);
        assert_eq!(
            reordered.changes()[0].summary,
            "codes reordered (the variants' order, `ALL` and `Ord` follow it)"
        );

        // The variant `Second` now names another code: no enum loses or gains a variant.
        let moved = catalogue(
            COMMON,
            &format!("{A}, {}", B.replace("FRS.0002", "FRS.0003")),
        );
        let moved = diff(&old, &moved);
        assert_eq!(moved.impact(), Impact::Minor);
        assert!(moved.changes().iter().all(|change| change.lint.is_none()));

        let wider = COMMON.replace("[1, 99]", "[1, 199]");
        let more = format!(
            r#"{wider}, {{"name": "Other", "title": "Other errors", "prefix": "OTH", "range": [1, 9]}}"#
        );
        let changed = diff(&old, &catalogue(&more, &format!("{A}, {B}")));
        assert_eq!(
            changed.to_string(),
            "category `Other` added (enum_variant_added: major)\n\
             category `Common` covers FRS 1–99 → FRS 1–199 (minor)\n\
             semver: major\n"
        );
    }

    #[test]
    fn a_rename_to_a_new_variant_name_is_major_even_when_the_old_name_lives_on() {
        let old = catalogue(
            COMMON,
            &format!("{A}, {}", B.replace("FRS.0002", "FRS.0003")),
        );
        // `Second` moves to FRS.0002, and FRS.0003 takes the new name `Third`.
        let new = catalogue(
            COMMON,
            &format!(
                "{A}, {B}, {}",
                B.replace("FRS.0002", "FRS.0003").replace("Second", "Third")
            ),
        );
        let changed = diff(&old, &new);
        assert_eq!(changed.impact(), Impact::Major);
        assert!(changed.changes().iter().any(|change| change.to_string()
            == "code FRS.0003 renamed `Second` → `Third` (enum_variant_added: major)"));
    }

    #[test]
    fn an_accessor_that_becomes_an_option_is_major() {
        let old = catalogue(COMMON, &format!("{A}, {B}"));
        let without_measure = catalogue(
            COMMON,
            &format!("{A}, {}", B.replace(r#", "measure": "m""#, "")),
        );
        let changed = diff(&old, &without_measure);
        assert_eq!(
            changed.to_string(),
            "code FRS.0002 measure: \"m\" → none (patch)\n\
             `measure()` of codes and cases: `&str` → `Option<&str>` (major)\n\
             semver: major\n"
        );
        assert_eq!(diff(&without_measure, &old).impact(), Impact::Major);

        let without_status = catalogue(
            COMMON,
            &format!("{A}, {}", B.replace(r#""status": 400, "#, "")),
        );
        let changed = diff(&old, &without_status);
        assert_eq!(
            changed.to_string(),
            "code FRS.0002 status: 400 → none (minor)\n\
             `http_status()` of codes and `status()` of cases: `u16` → `Option<u16>` (major)\n\
             semver: major\n"
        );

        let whole = catalogue(
            &COMMON.replace(r#", "range": [1, 99]"#, ""),
            &format!("{A}, {B}"),
        );
        assert_eq!(
            diff(&old, &whole).changes().last().map(ToString::to_string).as_deref(),
            Some("`range()` of categories: `RangeInclusive<u32>` → `Option<RangeInclusive<u32>>` (major)")
        );
    }
}
