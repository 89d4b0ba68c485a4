//! Every rule a catalogue must satisfy. Problems are collected, not returned at the first one,
//! so that a single build reports all of them.

use crate::catalogue::{CodeRetry as CodeRetryEntry, Loaded, StatusClasses};
use crate::model::{
    is_prefix, split_code, Catalogue, Category, Code, CodeRetry, Prefix, RetryClass,
};
use crate::problem::Problem;
use crate::suggest::closest;
use std::collections::HashMap;
use syn::ext::IdentExt;
use syn::parse::Parser;
use syn::Ident;

/// The highest number a code can have: codes carry 1 to 8 digits.
const MAX_NUMBER: u32 = 99_999_999;

/// Checks `loaded` and builds the catalogue, or returns every problem found.
pub(crate) fn validate(loaded: &Loaded) -> Result<Catalogue, Vec<Problem>> {
    let mut problems = Problems {
        loaded,
        found: Vec::new(),
    };
    let document = &loaded.document;
    if document.codes.is_empty() {
        problems.report(
            "codes",
            "the catalogue has no codes; add at least one entry to `codes`".to_owned(),
        );
    }

    let categories = check_categories(&mut problems);
    let prefixes = check_ranges(&mut problems, &categories);
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
    let mut prefixes = prefixes;
    for (index, code) in codes.iter().enumerate() {
        if let Some(prefix) = prefixes
            .iter_mut()
            .find(|prefix| prefix.text == code.prefix)
        {
            prefix.codes.push((code.number, index));
        }
    }
    for prefix in &mut prefixes {
        prefix.codes.sort_unstable();
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
        let location = self.loaded.positions.of(json_path);
        format!("{}:{}:{}", self.loaded.file, location.line, location.column)
    }

    fn report(&mut self, json_path: &str, message: String) {
        let location = self.loaded.positions.of(json_path);
        self.found
            .push(Problem::new(&self.loaded.file, Some(location), message));
    }
}

fn check_categories(problems: &mut Problems) -> Vec<Category> {
    let mut categories = Vec::new();
    let mut first_by_name: HashMap<&str, usize> = HashMap::new();
    for (index, entry) in problems.loaded.document.categories.iter().enumerate() {
        let path = format!("categories[{index}]");
        let what = format!("category `{}`", entry.name);
        if let Some(problem) = name_problem(&entry.name) {
            problems.report(
                &format!("{path}.name"),
                format!("{what}: the name {problem}"),
            );
        } else if let Some(first) = first_by_name.insert(&entry.name, index) {
            let first_at = problems.at(&format!("categories[{first}].name"));
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
        for (field, prefix) in std::iter::once(("prefix".to_owned(), &entry.prefix)).chain(
            entry
                .extra_prefixes
                .iter()
                .enumerate()
                .map(|(i, prefix)| (format!("extra_prefixes[{i}]"), prefix)),
        ) {
            if !is_prefix(prefix) {
                problems.report(
                    &format!("{path}.{field}"),
                    format!("{what} has the malformed prefix `{prefix}`; a prefix is ASCII letters and digits starting with a letter, e.g. \"FRS\""),
                );
            }
        }
        let [start, end] = entry.range;
        if start > end {
            problems.report(
                &format!("{path}.range"),
                format!("{what} has the empty range [{start}, {end}]; write it as [first, last] with first <= last"),
            );
        } else if end > MAX_NUMBER {
            problems.report(
                &format!("{path}.range"),
                format!("{what} has a range ending at {end}, beyond the largest 8-digit number {MAX_NUMBER}"),
            );
        }
        let mut prefixes = vec![entry.prefix.clone()];
        prefixes.extend(entry.extra_prefixes.iter().cloned());
        categories.push(Category {
            name: entry.name.clone(),
            title: entry.title.clone(),
            prefixes,
            range: start..=end,
        });
    }
    categories
}

/// Groups category ranges by prefix and reports ranges of one prefix that overlap.
fn check_ranges(problems: &mut Problems, categories: &[Category]) -> Vec<Prefix> {
    let mut prefixes: Vec<Prefix> = Vec::new();
    for (index, category) in categories.iter().enumerate() {
        for text in &category.prefixes {
            let found = match prefixes.iter().position(|prefix| &prefix.text == text) {
                Some(found) => found,
                None => {
                    prefixes.push(Prefix {
                        text: text.clone(),
                        ranges: Vec::new(),
                        codes: Vec::new(),
                    });
                    prefixes.len() - 1
                }
            };
            // An empty range is reported on its own; it covers no code.
            let listed = prefixes[found]
                .ranges
                .iter()
                .any(|(_, _, owner)| *owner == index);
            let (start, end) = (*category.range.start(), *category.range.end());
            if !listed && start <= end {
                prefixes[found].ranges.push((start, end, index));
            }
        }
    }
    let entries = &problems.loaded.document.categories;
    let mut overlaps = Vec::new();
    for prefix in &mut prefixes {
        prefix.ranges.sort_unstable();
        for pair in prefix.ranges.windows(2) {
            let ((_, first_end, first), (second_start, _, second)) = (pair[0], pair[1]);
            if second_start <= first_end {
                overlaps.push((prefix.text.clone(), first, second));
            }
        }
    }
    for (text, first, second) in overlaps {
        let first_at = problems.at(&format!("categories[{first}].range"));
        let [a_start, a_end] = entries[first].range;
        let [b_start, b_end] = entries[second].range;
        problems.report(
            &format!("categories[{second}].range"),
            format!(
                "the range [{b_start}, {b_end}] of category `{}` overlaps [{a_start}, {a_end}] of category `{}` (at {first_at}) for prefix `{text}`; a code number must fall in exactly one category",
                entries[second].name, entries[first].name
            ),
        );
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
        let path = format!("codes[{index}]");
        let parsed = split_code(&entry.code);
        if parsed.is_none() {
            problems.report(
                &format!("{path}.code"),
                format!("malformed code `{}`; a code is PREFIX.DIGITS: ASCII letters and digits starting with a letter, a dot, then 1 to 8 digits, e.g. \"FRS.0202\"", entry.code),
            );
        }
        let what = format!("code `{}`", entry.code);

        if let Some(first) = first_by_code.get(entry.code.as_str()) {
            let first_at = problems.at(&format!("codes[{first}].code"));
            problems.report(
                &format!("{path}.code"),
                format!("duplicate code `{}` (first at {first_at}); each code appears once, so remove one entry or correct its code", entry.code),
            );
        } else {
            first_by_code.insert(&entry.code, index);
            if let Some((prefix, number)) = parsed {
                if let Some(first) = first_by_number.insert((prefix, number), index) {
                    let first_at = problems.at(&format!("codes[{first}].code"));
                    problems.report(
                        &format!("{path}.code"),
                        format!("{what} has the same prefix and number as `{}` (at {first_at}); codes are looked up by number, so keep one of them", entries[first].code),
                    );
                }
            }
        }

        let (name, name_path) = match &entry.name {
            Some(name) => (name.clone(), format!("{path}.name")),
            None => (derived_name(&entry.code), format!("{path}.code")),
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

        let statuses = check_statuses(problems, &path, &what, &entry.status.0);
        let retry = entry
            .retry
            .as_ref()
            .map(|retry| check_code_retry(problems, &path, &what, retry, &statuses));

        if entry.description.trim().is_empty() {
            problems.report(
                &format!("{path}.description"),
                format!("{what} has an empty description; copy the description from the service's documentation"),
            );
        }
        if entry.measure.0.is_empty() || entry.measure.0.iter().any(|line| line.trim().is_empty()) {
            problems.report(
                &format!("{path}.measure"),
                format!("{what} has an empty measure or an empty measure line; write what the user should do, one non-empty string per line"),
            );
        }

        let category = parsed.and_then(|(prefix, number)| {
            let found = find_category(prefixes, prefix, number);
            if found.is_none() {
                if let Some(covered) = describe_coverage(prefixes, categories, prefix) {
                    problems.report(
                        &format!("{path}.code"),
                        format!("{what} falls in no category: {covered}; add a category whose range holds {number}, or correct the code"),
                    );
                }
            }
            found
        });

        if let (Some((prefix, number)), Some(category), true) = (parsed, category, name_ok) {
            codes.push(Code {
                name,
                code: entry.code.clone(),
                prefix: prefix.to_owned(),
                number,
                statuses,
                description: entry.description.clone(),
                measure: entry.measure.0.clone(),
                category,
                retry,
            });
        }
    }
    codes
}

fn check_statuses(problems: &mut Problems, path: &str, what: &str, statuses: &[u64]) -> Vec<u16> {
    let status_path = format!("{path}.status");
    if statuses.is_empty() {
        problems.report(
            &status_path,
            format!("{what} has an empty status list; give the HTTP status (e.g. 400) or statuses (e.g. [413, 504])"),
        );
    }
    let mut valid = Vec::new();
    for (index, &status) in statuses.iter().enumerate() {
        match u16::try_from(status) {
            Ok(status @ 400..=599) if !valid.contains(&status) => valid.push(status),
            Ok(status @ 400..=599) => problems.report(
                &format!("{status_path}[{index}]"),
                format!("{what} lists the status {status} twice; keep it once"),
            ),
            _ => problems.report(
                &format!("{status_path}[{index}]"),
                format!("{what} has the status {status}, outside 400–599; an error code comes with an HTTP error status (4xx or 5xx)"),
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
            problems.report(
                &entry_path,
                format!("{what}: `retry` names the status {status}, which the code does not come with (its `status`: {}); correct the status, or add it to `status`", listed.join(", ")),
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

fn find_category(prefixes: &[Prefix], prefix: &str, number: u32) -> Option<usize> {
    prefixes
        .iter()
        .find(|candidate| candidate.text == prefix)?
        .ranges
        .iter()
        .find(|(start, end, _)| (*start..=*end).contains(&number))
        .map(|(_, _, category)| *category)
}

/// What the categories of `prefix` cover, for a code that falls in none of them; `None` when
/// every range of the prefix is empty, a problem reported on the category already.
fn describe_coverage(prefixes: &[Prefix], categories: &[Category], prefix: &str) -> Option<String> {
    let Some(found) = prefixes.iter().find(|candidate| candidate.text == prefix) else {
        return Some(format!("no category has the prefix `{prefix}`"));
    };
    if found.ranges.is_empty() {
        return None;
    }
    let ranges: Vec<String> = found
        .ranges
        .iter()
        .map(|(start, end, category)| format!("{start}–{end} ({})", categories[*category].name))
        .collect();
    Some(format!(
        "the categories of prefix `{prefix}` cover {}",
        ranges.join(", ")
    ))
}

/// The variant name of a code without a `name`: `FRS.0202` becomes `Frs0202`.
fn derived_name(code: &str) -> String {
    let mut name = String::new();
    for (index, character) in code.chars().filter(|c| *c != '.').enumerate() {
        if index == 0 {
            name.push(character.to_ascii_uppercase());
        } else {
            name.push(character.to_ascii_lowercase());
        }
    }
    name
}

/// Why `name` cannot be an enum variant, phrased to follow "the name".
fn name_problem(name: &str) -> Option<String> {
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
