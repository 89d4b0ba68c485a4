//! Every rule a catalogue must satisfy. Problems are collected, not returned at the first one,
//! so that a single build reports all of them.

use crate::catalogue::{CaseEntry, CodeRetry as CodeRetryEntry, Lines, Loaded, StatusClasses};
use crate::model::{
    category_in, is_prefix, Case, Catalogue, Category, Code, CodeRetry, Prefix, RetryClass, Shape,
};
use crate::problem::Problem;
use crate::suggest::closest;
use std::collections::HashMap;
use syn::ext::IdentExt;
use syn::parse::Parser;
use syn::Ident;

/// The highest number a code can have: codes carry 1 to 9 digits.
const MAX_NUMBER: u32 = 999_999_999;

/// The longest code, in bytes: what a parse error keeps of its input without allocating.
pub(crate) const MAX_CODE_LEN: usize = 64;

/// Checks `loaded` and builds the catalogue, or returns every problem found.
pub(crate) fn validate(loaded: &Loaded) -> Result<Catalogue, Vec<Problem>> {
    let mut problems = Problems {
        loaded,
        found: loaded.problems.clone(),
    };
    let document = &loaded.document;
    if document.written_codes == Some(0) {
        problems.report(
            "codes",
            "the catalogue has no codes; add at least one entry to `codes`".to_owned(),
        );
    }

    let categories = check_categories(&mut problems);
    let prefixes = check_prefixes(&mut problems, &categories);
    let codes = check_codes(&mut problems, &categories, &prefixes);
    let retry = match &document.retry {
        Some(classes) => {
            check_status_classes(&mut problems, "retry", "the catalogue", classes, None)
        }
        None => Vec::new(),
    };

    if !problems.found.is_empty() {
        return Err(problems.found);
    }
    Ok(Catalogue {
        file: loaded.file.clone(),
        categories,
        codes,
        retry,
        prefixes,
    })
}

struct Problems<'a> {
    loaded: &'a Loaded,
    found: Vec<Problem>,
}

impl Problems<'_> {
    /// `file:line:col` of a value, for messages that point at a second place.
    fn at(&self, json_path: &str) -> String {
        let location = self.loaded.location(json_path);
        format!("{}:{}:{}", self.loaded.file, location.line, location.column)
    }

    fn report(&mut self, json_path: &str, message: String) {
        let location = self.loaded.location(json_path);
        self.found
            .push(Problem::new(&self.loaded.file, Some(location), message));
    }
}

fn check_categories(problems: &mut Problems) -> Vec<Category> {
    let entries = &problems.loaded.document.categories;
    let mut categories = Vec::new();
    let mut first_by_name: HashMap<&str, usize> = HashMap::new();
    for (index, entry) in entries.iter().enumerate() {
        let path = format!("categories[{}]", entry.index);
        let what = format!("category `{}`", entry.name);
        if let Some(problem) = name_problem(&entry.name) {
            problems.report(
                &format!("{path}.name"),
                format!("{what}: the name {problem}"),
            );
        } else if let Some(first) = first_by_name.insert(&entry.name, index) {
            let first_at = problems.at(&format!("categories[{}].name", entries[first].index));
            problems.report(
                &format!("{path}.name"),
                format!(
                    "duplicate category name `{}` (first at {first_at}); rename one of them",
                    entry.name
                ),
            );
        }
        if entry.title.trim().is_empty() {
            problems.report(
                &format!("{path}.title"),
                format!("{what} has an empty title; give it the heading users should read, e.g. \"Service management errors\""),
            );
        }
        let prefixes: Vec<(String, &String)> = entry
            .prefix
            .iter()
            .map(|prefix| ("prefix".to_owned(), prefix))
            .chain(
                entry
                    .extra_prefixes
                    .iter()
                    .enumerate()
                    .map(|(i, prefix)| (format!("extra_prefixes[{i}]"), prefix)),
            )
            .collect();
        for (field, prefix) in &prefixes {
            if !is_prefix(prefix) {
                problems.report(
                    &format!("{path}.{field}"),
                    format!("{what} has the malformed prefix `{prefix}`; a prefix is ASCII letters, digits, `-`, `_` and dots, starting with a letter, e.g. \"FRS\" or \"SVCSTG.CCE-ADDONMGR\", or \"\" for codes without one"),
                );
            }
        }
        if entry.prefix.is_none() && !entry.extra_prefixes.is_empty() {
            problems.report(
                &format!("{path}.extra_prefixes"),
                format!("{what} has `extra_prefixes` but no `prefix`; name its main prefix first"),
            );
        }
        let range = entry.range.map(|[start, end]| start..=end);
        if let Some([start, end]) = entry.range {
            if entry.prefix.is_none() {
                problems.report(
                    &format!("{path}.range"),
                    format!("{what} has a `range` but no `prefix`; a range holds numbers of the codes of a prefix"),
                );
            } else if start > end {
                problems.report(
                    &format!("{path}.range"),
                    format!("{what} has the empty range [{start}, {end}]; write it as [first, last] with first <= last"),
                );
            } else if end > MAX_NUMBER {
                problems.report(
                    &format!("{path}.range"),
                    format!("{what} has a range ending at {end}, beyond the largest 9-digit number {MAX_NUMBER}"),
                );
            }
        }
        categories.push(Category {
            name: entry.name.clone(),
            title: entry.title.clone(),
            prefixes: prefixes
                .into_iter()
                .map(|(_, prefix)| prefix.clone())
                .collect(),
            range,
        });
    }
    categories
}

/// Groups the categories by prefix and reports prefixes claimed twice: ranges that overlap, or
/// a category holding a whole prefix that another one also names.
fn check_prefixes(problems: &mut Problems, categories: &[Category]) -> Vec<Prefix> {
    let mut prefixes: Vec<Prefix> = Vec::new();
    let mut claims: Vec<(String, usize, usize)> = Vec::new();
    for (index, category) in categories.iter().enumerate() {
        for text in &category.prefixes {
            let found = match prefixes.iter().position(|prefix| &prefix.text == text) {
                Some(found) => found,
                None => {
                    prefixes.push(Prefix {
                        text: text.clone(),
                        whole: None,
                        ranges: Vec::new(),
                    });
                    prefixes.len() - 1
                }
            };
            let prefix = &mut prefixes[found];
            let first_claim = prefix
                .whole
                .or_else(|| prefix.ranges.first().map(|(_, _, owner)| *owner));
            match &category.range {
                None => {
                    if let Some(first) = first_claim.filter(|first| *first != index) {
                        claims.push((text.clone(), first, index));
                    }
                    prefix.whole = Some(index);
                }
                // An empty range is reported on its own; it holds no code.
                Some(range) if range.start() <= range.end() => {
                    if let Some(whole) = prefix.whole.filter(|whole| *whole != index) {
                        claims.push((text.clone(), whole, index));
                    }
                    if !prefix.ranges.iter().any(|(_, _, owner)| *owner == index) {
                        prefix.ranges.push((*range.start(), *range.end(), index));
                    }
                }
                Some(_) => {}
            }
        }
    }
    for prefix in &mut prefixes {
        prefix.ranges.sort_unstable();
        for pair in prefix.ranges.windows(2) {
            let ((_, first_end, first), (second_start, _, second)) = (pair[0], pair[1]);
            if second_start <= first_end {
                claims.push((prefix.text.clone(), first, second));
            }
        }
    }
    let entries = &problems.loaded.document.categories;
    for (text, first, second) in claims {
        let describe = |index: usize| match entries[index].range {
            Some([start, end]) => format!(
                "the range [{start}, {end}] of category `{}`",
                entries[index].name
            ),
            None => format!(
                "category `{}`, which holds all its codes",
                entries[index].name
            ),
        };
        let field = |index: usize| {
            let written = entries[index].index;
            if entries[index].range.is_some() {
                format!("categories[{written}].range")
            } else {
                format!("categories[{written}].prefix")
            }
        };
        let first_at = problems.at(&field(first));
        let message = if entries[first].range.is_some() && entries[second].range.is_some() {
            format!(
                "{} overlaps {} (at {first_at}) for prefix `{text}`; a code number must fall in exactly one category",
                describe(second),
                describe(first)
            )
        } else {
            format!(
                "the prefix `{text}` is claimed by {} and by {} (at {first_at}); a category without a `range` holds every code of its prefix, so no other category can name it",
                describe(second),
                describe(first)
            )
        };
        problems.report(&field(second), message);
    }
    prefixes
}

fn check_codes(problems: &mut Problems, categories: &[Category], prefixes: &[Prefix]) -> Vec<Code> {
    let mut codes = Vec::new();
    let mut first_by_code: HashMap<&str, usize> = HashMap::new();
    let mut first_by_number: HashMap<(&str, u32), usize> = HashMap::new();
    let mut first_by_name: HashMap<String, (usize, String)> = HashMap::new();
    let entries = &problems.loaded.document.codes;
    for (index, entry) in entries.iter().enumerate() {
        let path = format!("codes[{}]", entry.index);
        let code_path = format!("{path}.code");
        let what = format!("code `{}`", entry.code);
        let well_formed = check_spelling(problems, &code_path, &entry.code);
        let shape = Shape::of(&entry.code);

        if let Some(first) = first_by_code.get(entry.code.as_str()) {
            let first_at = problems.at(&format!("codes[{}].code", entries[*first].index));
            problems.report(
                &code_path,
                format!("duplicate code `{}` (first at {first_at}); each code appears once, so put all its rows in its `cases`, or correct its code", entry.code),
            );
        } else {
            first_by_code.insert(&entry.code, index);
            if let Some(number) = shape.number {
                if let Some(first) = first_by_number.insert((shape.prefix, number), index) {
                    let first_at = problems.at(&format!("codes[{}].code", entries[first].index));
                    problems.report(
                        &code_path,
                        format!("{what} has the same prefix and number as `{}` (at {first_at}); codes are told apart by number, so keep one of them", entries[first].code),
                    );
                }
            }
        }

        let (name, name_path) = match &entry.name {
            Some(name) => (name.clone(), format!("{path}.name")),
            None => (derived_name(&entry.code), code_path.clone()),
        };
        let name_ok = match name_problem(&name) {
            Some(problem) => {
                let origin = if entry.name.is_some() {
                    ""
                } else {
                    " (derived from the code; set `name` to choose one)"
                };
                problems.report(
                    &name_path,
                    format!("{what}: the variant name `{name}`{origin} {problem}"),
                );
                false
            }
            None => true,
        };
        if name_ok {
            if let Some((first, first_path)) = first_by_name.get(&name) {
                let first_at = problems.at(first_path);
                problems.report(
                    &name_path,
                    format!("{what}: the variant name `{name}` is already used by `{}` (at {first_at}); give one of them another `name`", entries[*first].code),
                );
            } else {
                first_by_name.insert(name.clone(), (index, name_path.clone()));
            }
        }

        let cases = check_cases(problems, &path, &what, entry);
        let mut statuses: Vec<u16> = Vec::new();
        for status in cases.iter().filter_map(|case| case.status) {
            if !statuses.contains(&status) {
                statuses.push(status);
            }
        }
        let retry = entry
            .retry
            .as_ref()
            .map(|retry| check_code_retry(problems, &path, &what, retry, &statuses));

        let category = match &entry.category {
            Some(named) => {
                let found = categories
                    .iter()
                    .position(|category| &category.name == named);
                // A category that could not be read may be the one named.
                if found.is_none() && !problems.loaded.document.unread_categories {
                    let names: Vec<&str> = categories
                        .iter()
                        .map(|category| category.name.as_str())
                        .collect();
                    let hint = closest(named, &names)
                        .map(|name| format!("did you mean `{name}`? "))
                        .unwrap_or_default();
                    problems.report(
                        &format!("{path}.category"),
                        format!("{what} names the category `{named}`, which the catalogue does not have; {hint}the categories are: {}", names.join(", ")),
                    );
                }
                found
            }
            None => {
                let found = category_in(prefixes, &shape);
                if found.is_none() && well_formed && !problems.loaded.document.unread_categories {
                    if let Some(covered) = describe_coverage(prefixes, categories, &shape) {
                        problems.report(
                            &code_path,
                            format!("{what} falls in no category: {covered}"),
                        );
                    }
                }
                found
            }
        };

        if let (Some(category), true, true, false) =
            (category, name_ok, well_formed, cases.is_empty())
        {
            codes.push(Code {
                name,
                code: entry.code.clone(),
                prefix: shape.prefix.to_owned(),
                number: shape.number,
                cases,
                category,
                retry,
            });
        }
    }
    codes
}

/// What keeps `code` from being spelled in generated code and looked up, if anything: "is
/// empty", "has a control character", …
pub(crate) fn spelling_problem(code: &str) -> Option<&'static str> {
    if code.is_empty() {
        Some("is empty")
    } else if code.trim() != code {
        Some("has leading or trailing whitespace")
    } else if code.chars().any(char::is_control) {
        Some("has a control character")
    } else if code.len() > MAX_CODE_LEN {
        Some("is longer than 64 bytes")
    } else {
        None
    }
}

/// Whether `code` can be spelled in generated code and looked up: reports it if not.
fn check_spelling(problems: &mut Problems, path: &str, code: &str) -> bool {
    match spelling_problem(code) {
        Some(problem) => {
            problems.report(
                path,
                format!("malformed code `{}`: it {problem}; a code is the text the service sends in `error_code`, such as \"FRS.0202\", \"1100\" or \"AccessDenied\"", code.escape_debug()),
            );
            false
        }
        None => true,
    }
}

/// The code's cases: its `cases`, or the one case its own fields make; a case listing several
/// statuses becomes one case per status.
fn check_cases(
    problems: &mut Problems,
    path: &str,
    what: &str,
    entry: &crate::catalogue::CodeEntry,
) -> Vec<Case> {
    let inline = CaseEntry {
        status: entry.status.clone(),
        message: entry.message.clone(),
        description: entry.description.clone(),
        measure: entry.measure.clone(),
    };
    let written: Vec<(String, String, &CaseEntry)> = match &entry.cases {
        None => vec![(path.to_owned(), what.to_owned(), &inline)],
        Some(cases) => {
            let inline_fields: Vec<&str> = [
                ("status", entry.status.is_some()),
                ("message", entry.message.is_some()),
                ("description", entry.description.is_some()),
                ("measure", entry.measure.is_some()),
            ]
            .into_iter()
            .filter_map(|(field, given)| given.then_some(field))
            .collect();
            if let Some(field) = inline_fields.first() {
                problems.report(
                    &format!("{path}.{field}"),
                    format!(
                        "{what} has both `cases` and `{field}`; move `{}` into its cases",
                        inline_fields.join("`, `")
                    ),
                );
            }
            if cases.is_empty() {
                problems.report(
                    &format!("{path}.cases"),
                    format!("{what} has an empty `cases` list; give at least one case, or write the case's fields on the code"),
                );
            }
            cases
                .iter()
                .enumerate()
                .map(|(index, case)| {
                    let what = format!("{what} (case {})", index + 1);
                    (format!("{path}.cases[{index}]"), what, case)
                })
                .collect()
        }
    };
    let mut cases = Vec::new();
    for (case_path, what, case) in written {
        let what = what.as_str();
        let statuses = match &case.status {
            Some(statuses) => check_statuses(problems, &case_path, what, &statuses.0),
            None => Vec::new(),
        };
        let description = match &case.description {
            Some(description) if !description.trim().is_empty() => description.clone(),
            Some(_) => {
                problems.report(
                    &format!("{case_path}.description"),
                    format!("{what} has an empty description; copy the description from the service's documentation"),
                );
                String::new()
            }
            None => {
                problems.report(
                    &case_path,
                    format!("{what} has no `description`; say what the error means, as the service's documentation does"),
                );
                String::new()
            }
        };
        if case
            .message
            .as_ref()
            .is_some_and(|message| message.trim().is_empty())
        {
            problems.report(
                &format!("{case_path}.message"),
                format!("{what} has an empty message; leave `message` out when the documentation gives none"),
            );
        }
        if let Some(Lines(lines)) = &case.measure {
            if lines.is_empty() || lines.iter().any(|line| line.trim().is_empty()) {
                problems.report(
                    &format!("{case_path}.measure"),
                    format!("{what} has an empty measure or an empty measure line; write what the user should do, one non-empty string per line, or leave `measure` out"),
                );
            }
        }
        let one = |status| Case {
            status,
            message: case.message.clone(),
            description: description.clone(),
            measure: case.measure.as_ref().map(|Lines(lines)| lines.clone()),
        };
        if statuses.is_empty() {
            cases.push(one(None));
        } else {
            cases.extend(statuses.into_iter().map(|status| one(Some(status))));
        }
    }
    cases
}

fn check_statuses(problems: &mut Problems, path: &str, what: &str, statuses: &[u64]) -> Vec<u16> {
    let status_path = format!("{path}.status");
    if statuses.is_empty() {
        problems.report(
            &status_path,
            format!("{what} has an empty status list; give the HTTP status (e.g. 400) or statuses (e.g. [413, 504]), or leave `status` out when the documentation gives none"),
        );
    }
    let mut valid = Vec::new();
    for (index, &status) in statuses.iter().enumerate() {
        match u16::try_from(status) {
            Ok(status @ 100..=599) if !valid.contains(&status) => valid.push(status),
            Ok(status @ 100..=599) => problems.report(
                &format!("{status_path}[{index}]"),
                format!("{what} lists the status {status} twice; keep it once"),
            ),
            _ => problems.report(
                &format!("{status_path}[{index}]"),
                format!("{what} has the status {status}, outside 100–599; an HTTP status has three digits, from 100 to 599"),
            ),
        }
    }
    valid
}

fn check_code_retry(
    problems: &mut Problems,
    path: &str,
    what: &str,
    retry: &CodeRetryEntry,
    statuses: &[u16],
) -> CodeRetry {
    let retry_path = format!("{path}.retry");
    match retry {
        CodeRetryEntry::Always(class) => {
            CodeRetry::Always(retry_class(problems, &retry_path, what, class))
        }
        CodeRetryEntry::ByStatus(classes) => CodeRetry::ByStatus(check_status_classes(
            problems,
            &retry_path,
            what,
            classes,
            Some(statuses),
        )),
    }
}

/// Checks an object of status → retry class. `listed` is the code's statuses when the object
/// belongs to a code: a class for a status the code never comes with would never apply.
fn check_status_classes(
    problems: &mut Problems,
    path: &str,
    what: &str,
    classes: &StatusClasses,
    listed: Option<&[u16]>,
) -> Vec<(u16, RetryClass)> {
    if classes.0.is_empty() {
        problems.report(
            path,
            format!("{what} has an empty `retry` object; remove it, or name a class for a status, e.g. {{\"503\": \"transient\"}}"),
        );
    }
    let mut valid: Vec<(u16, RetryClass)> = Vec::new();
    for (key, class) in &classes.0 {
        let entry_path = format!("{path}.{key}");
        let class = retry_class(problems, &entry_path, what, class);
        let status = match key.parse::<u16>() {
            Ok(status @ 400..=599) if key.bytes().all(|byte| byte.is_ascii_digit()) => status,
            _ => {
                problems.report(
                    &entry_path,
                    format!("{what}: `retry` has the key \"{key}\", which is not an HTTP error status; the keys are statuses 400–599 written as strings, e.g. \"503\""),
                );
                continue;
            }
        };
        if valid.iter().any(|(seen, _)| *seen == status) {
            problems.report(
                &entry_path,
                format!("{what}: `retry` gives the status {status} twice; keep it once"),
            );
            continue;
        }
        if let Some(listed) = listed.filter(|listed| !listed.contains(&status)) {
            let listed: Vec<String> = listed.iter().map(u16::to_string).collect();
            let has = if listed.is_empty() {
                "it has no status".to_owned()
            } else {
                format!("its `status`: {}", listed.join(", "))
            };
            problems.report(
                &entry_path,
                format!("{what}: `retry` names the status {status}, which the code does not come with ({has}); correct the status, or add it to `status`"),
            );
            continue;
        }
        valid.push((status, class));
    }
    valid
}

fn retry_class(problems: &mut Problems, path: &str, what: &str, class: &str) -> RetryClass {
    if let Some(found) = RetryClass::ALL.iter().find(|found| found.as_str() == class) {
        return *found;
    }
    let names: Vec<&str> = RetryClass::ALL.iter().map(|class| class.as_str()).collect();
    let message = match closest(class, &names) {
        Some(best) => format!(
            "{what}: unknown retry class `{class}`, expected `{best}` (the classes are: {})",
            names.join(", ")
        ),
        None => format!(
            "{what}: unknown retry class `{class}`; the classes are: {}",
            names.join(", ")
        ),
    };
    problems.report(path, message);
    RetryClass::No
}

/// What the categories of the code's prefix cover, and what to do, for a code that falls in none
/// of them; `None` when every range of the prefix is empty, a problem reported on the category
/// already.
fn describe_coverage(
    prefixes: &[Prefix],
    categories: &[Category],
    shape: &Shape,
) -> Option<String> {
    let prefix = shape.prefix;
    let Some(found) = prefixes.iter().find(|candidate| candidate.text == prefix) else {
        let fix = match shape.number {
            Some(number) => format!("add a category whose range holds {number}, or correct the code"),
            None => "add a category for the prefix, name a category in the code's `category`, or correct the code".to_owned(),
        };
        return Some(format!("no category has the prefix `{prefix}`; {fix}"));
    };
    if found.ranges.is_empty() {
        return None;
    }
    let ranges: Vec<String> = found
        .ranges
        .iter()
        .map(|(start, end, category)| format!("{start}–{end} ({})", categories[*category].name))
        .collect();
    Some(match shape.number {
        Some(number) => format!(
            "the categories of prefix `{prefix}` cover {}; add a category whose range holds {number}, or correct the code",
            ranges.join(", ")
        ),
        None => format!(
            "it has no number, and the categories of prefix `{prefix}` cover numbers ({}); name a category in the code's `category`, or correct the code",
            ranges.join(", ")
        ),
    })
}

/// The variant name of a code without a `name`: its ASCII letters and digits, a word at each
/// other character; a word in capitals is capitalised (`FRS.0202` → `Frs0202`), others keep
/// their case with a capital first (`ModelArts.4902` → `ModelArts4902`, `badRequest` →
/// `BadRequest`); a name that would start with a digit starts with `Code` (`1100` → `Code1100`).
///
/// ```
/// assert_eq!(frs_codes_gen::derived_name("FRS.0202"), "Frs0202");
/// assert_eq!(frs_codes_gen::derived_name("ModelArts.4902"), "ModelArts4902");
/// assert_eq!(frs_codes_gen::derived_name("1100"), "Code1100");
/// ```
#[must_use]
pub fn derived_name(code: &str) -> String {
    let mut name = String::new();
    for word in code
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        let shouting = !word.chars().any(|c| c.is_ascii_lowercase());
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.extend(chars.map(|c| if shouting { c.to_ascii_lowercase() } else { c }));
        }
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "Code");
    }
    name
}

/// Why `name` cannot be an enum variant, phrased to follow "the name".
pub(crate) fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("is empty".to_owned());
    }
    if syn::parse_str::<Ident>(name).is_err() {
        if Ident::parse_any.parse_str(name).is_ok() {
            return Some("is a Rust keyword; choose another word".to_owned());
        }
        return Some(format!(
            "is not a Rust identifier; use UpperCamelCase letters and digits, e.g. `{}`",
            upper_camel(name)
        ));
    }
    let upper_camel_shaped = name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric());
    // `X1` is a fine name; `FROZEN` is shouting.
    let letters = name.chars().filter(char::is_ascii_alphabetic).count();
    let all_capitals = letters > 1 && !name.chars().any(|c| c.is_ascii_lowercase());
    if !upper_camel_shaped || all_capitals {
        return Some(format!(
            "is not UpperCamelCase; write it as `{}`",
            upper_camel(name)
        ));
    }
    None
}

/// A best-effort UpperCamelCase spelling of `name`, for suggestions.
fn upper_camel(name: &str) -> String {
    let mut result = String::new();
    for word in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        let shout = !word.chars().any(|c| c.is_ascii_lowercase());
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            result.push(first.to_ascii_uppercase());
            for rest in chars {
                result.push(if shout {
                    rest.to_ascii_lowercase()
                } else {
                    rest
                });
            }
        }
    }
    if !result.starts_with(|c: char| c.is_ascii_alphabetic()) {
        result.insert_str(0, "Code");
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(name_problem("ServiceFrozen"), None);
        assert_eq!(name_problem("Frs0202"), None);
        assert!(name_problem("Self").unwrap().contains("keyword"));
        assert!(name_problem("service_frozen")
            .unwrap()
            .contains("`ServiceFrozen`"));
        assert!(name_problem("FROZEN").unwrap().contains("`Frozen`"));
        assert!(name_problem("Service Frozen")
            .unwrap()
            .contains("`ServiceFrozen`"));
        assert!(name_problem("0202").unwrap().contains("`Code0202`"));
        assert_eq!(derived_name("FRS.0202"), "Frs0202");
        assert_eq!(derived_name("APIG.0201"), "Apig0201");
        assert_eq!(derived_name("ModelArts.4902"), "ModelArts4902");
        assert_eq!(derived_name("Ecs.0000"), "Ecs0000");
        assert_eq!(
            derived_name("SVCSTG.CCE-ADDONMGR.4000003"),
            "SvcstgCceAddonmgr4000003"
        );
        assert_eq!(derived_name("1100"), "Code1100");
        assert_eq!(
            derived_name("KMS.DisabledException"),
            "KmsDisabledException"
        );
        assert_eq!(derived_name("badRequest"), "BadRequest");
        assert_eq!(
            derived_name("IncorrectNumberOfFilesInPost Request"),
            "IncorrectNumberOfFilesInPostRequest"
        );
        assert_eq!(name_problem("X1"), None);
        assert!(name_problem("FROZEN1").unwrap().contains("`Frozen1`"));
    }

    /// Validates a one-category catalogue with `top_retry` at the top level and the code
    /// `FRS.0001` (statuses 413 and 504) carrying `code_retry`.
    fn validate_retry(top_retry: &str, code_retry: &str) -> Result<Catalogue, Vec<String>> {
        let text = format!(
            r#"{{
  {top_retry}
  "categories": [{{ "name": "Common", "title": "Common", "prefix": "FRS", "range": [1, 99] }}],
  "codes": [
    {{ "code": "FRS.0001", "status": [413, 504], "description": "d", "measure": "m"{code_retry} }}
  ]
}}"#
        );
        let loaded =
            crate::catalogue::parse(text, "codes.json").unwrap_or_else(|error| panic!("{error}"));
        validate(&loaded).map_err(|problems| problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn retry_classes_by_status_and_by_code() {
        let model = validate_retry(
            r#""retry": {"429": "throttling", "503": "transient"},"#,
            r#", "retry": {"504": "transient"}"#,
        )
        .unwrap_or_else(|problems| panic!("{problems:?}"));
        assert_eq!(
            model.retry,
            [(429, RetryClass::Throttling), (503, RetryClass::Transient)]
        );
        assert!(matches!(
            model.codes[0].retry.as_ref(),
            Some(CodeRetry::ByStatus(classes)) if classes == &[(504, RetryClass::Transient)]
        ));
        let always =
            validate_retry("", r#", "retry": "server""#).unwrap_or_else(|p| panic!("{p:?}"));
        assert!(matches!(
            always.codes[0].retry,
            Some(CodeRetry::Always(RetryClass::Server))
        ));
    }

    #[test]
    fn retry_problems_point_at_the_entry_and_say_what_to_change() {
        let problems = validate_retry(
            r#""retry": {"429": "throttle", "200": "no", "5xx": "server", "503": "server", "503": "no"},"#,
            r#", "retry": {"500": "server", "504": "whenever"}"#,
        )
        .expect_err("every entry above is wrong");
        assert_eq!(
            problems,
            [
                "codes.json:5:102: code `FRS.0001`: `retry` names the status 500, which the code does not come with (its `status`: 413, 504); correct the status, or add it to `status`",
                "codes.json:5:119: code `FRS.0001`: unknown retry class `whenever`; the classes are: throttling, transient, server, no",
                "codes.json:2:20: the catalogue: unknown retry class `throttle`, expected `throttling` (the classes are: throttling, transient, server, no)",
                "codes.json:2:39: the catalogue: `retry` has the key \"200\", which is not an HTTP error status; the keys are statuses 400–599 written as strings, e.g. \"503\"",
                "codes.json:2:52: the catalogue: `retry` has the key \"5xx\", which is not an HTTP error status; the keys are statuses 400–599 written as strings, e.g. \"503\"",
                "codes.json:2:86: the catalogue: `retry` gives the status 503 twice; keep it once",
            ]
        );
        let empty = validate_retry(r#""retry": {},"#, r#", "retry": {}"#)
            .expect_err("an empty object is wrong");
        assert_eq!(
            empty,
            [
                "codes.json:5:94: code `FRS.0001` has an empty `retry` object; remove it, or name a class for a status, e.g. {\"503\": \"transient\"}",
                "codes.json:2:12: the catalogue has an empty `retry` object; remove it, or name a class for a status, e.g. {\"503\": \"transient\"}",
            ]
        );
    }
}
