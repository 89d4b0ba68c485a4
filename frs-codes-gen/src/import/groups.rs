//! Group titles that state a range of code numbers, wherever a page writes them: a group row
//! (`Common service errors`, `(error code range: 1–99)`), a category cell with the range on its
//! second line, or a section heading (`## Common errors (error code range: 1–99)`).

/// The words that introduce a range, in lower case.
const RANGE_WORDS: [&str; 3] = ["error code range", "错误码范围", "code range"];

/// `title` without its range statement, and the range it states: `Common errors (error code
/// range: 1–99)` is `("Common errors", Some((1, 99)))`. The range may be in round or full-width
/// brackets or none, after `:` or `：`, with an en dash, a hyphen or `~`. A title without one is
/// returned trimmed, its lines joined by a space.
pub(crate) fn split_range(title: &str) -> (String, Option<(u32, u32)>) {
    let lower = title.to_lowercase();
    let found = RANGE_WORDS
        .iter()
        .find_map(|words| lower.find(words).map(|at| (at, words.len())));
    let range = found.and_then(|(at, len)| {
        // Lower-casing keeps byte offsets for the ASCII and CJK text these are.
        (lower.len() == title.len()).then_some(())?;
        let rest = &title[at + len..];
        let rest = rest.trim_start().strip_prefix([':', '：']).unwrap_or(rest);
        let end = rest.find([')', '）', '\n']).unwrap_or(rest.len());
        let (first, last) = rest[..end].trim().split_once(['–', '-', '~', '—'])?;
        let range = (first.trim().parse().ok()?, last.trim().parse().ok()?);
        let before = title[..at].trim_end();
        let open = before.strip_suffix(['(', '（']);
        let after = &rest[end..];
        let after = if open.is_some() {
            after.strip_prefix([')', '）']).unwrap_or(after)
        } else {
            after
        };
        Some((format!("{} {}", open.unwrap_or(before), after), range))
    });
    let (text, range) = match range {
        Some((text, range)) => (text, Some(range)),
        None => (title.to_owned(), None),
    };
    (text.split_whitespace().collect::<Vec<_>>().join(" "), range)
}

/// For each table (by its first line), the title of the section it stands in when that title
/// states a range: the nearest heading above it (a Markdown `#` heading, an HTML `<h1>`–`<h6>`
/// line, or a reStructuredText title over its underline).
pub(crate) fn section_titles(page: &str, table_lines: &[usize]) -> Vec<Option<String>> {
    let lines: Vec<&str> = page.lines().map(str::trim).collect();
    table_lines
        .iter()
        .map(|&line| {
            (0..line.saturating_sub(1).min(lines.len()))
                .rev()
                .find_map(|at| heading(&lines, at))
                .filter(|title| split_range(title).1.is_some())
        })
        .collect()
}

/// The heading text of line `at`, if it is one.
fn heading(lines: &[&str], at: usize) -> Option<String> {
    let line = lines[at];
    if let Some(text) = line.strip_prefix('#') {
        let text = text.trim_start_matches('#');
        return text
            .starts_with(' ')
            .then(|| text.trim().trim_end_matches('#').trim().to_owned());
    }
    let lower = line.to_ascii_lowercase();
    if lower.len() == line.len()
        && lower.starts_with("<h")
        && lower.as_bytes().get(2).is_some_and(u8::is_ascii_digit)
    {
        return Some(super::html::cell_text(line));
    }
    let underline = lines.get(at + 1)?;
    let underlined = underline.len() >= 3
        && underline.chars().count() >= line.chars().count()
        && underline
            .chars()
            .all(|c| matches!(c, '=' | '-' | '~' | '^' | '"' | '*' | '+'));
    (underlined && !line.is_empty()).then(|| line.to_owned())
}

#[cfg(test)]
mod tests {
    use super::{section_titles, split_range};

    #[test]
    fn section_titles_with_ranges_in_every_syntax() {
        let page = "# Error codes\n\n## Common errors (error code range: 1–99)\n\n| a |\n\n\
                    <h3>Gateway errors (error code range: 1–400)</h3>\n<table>\n\n\
                    Face errors (error code range: 100–199)\n=======================================\n\n+---+\n\n\
                    Plain title\n-----------\n\n+---+\n";
        assert_eq!(
            section_titles(page, &[5, 8, 13, 18]),
            [
                Some("Common errors (error code range: 1–99)".to_owned()),
                Some("Gateway errors (error code range: 1–400)".to_owned()),
                Some("Face errors (error code range: 100–199)".to_owned()),
                None,
            ]
        );
    }

    #[test]
    fn ranges_are_read_wherever_a_title_states_them() {
        let common = ("Common errors".to_owned(), Some((1, 99)));
        assert_eq!(
            split_range("Common errors (error code range: 1–99)"),
            common
        );
        assert_eq!(
            split_range("Common errors\n(error code range: 1–99)"),
            common
        );
        assert_eq!(
            split_range("Common errors (Error code range: 1 - 99)"),
            common
        );
        assert_eq!(
            split_range("通用错误（错误码范围：1~99）"),
            ("通用错误".to_owned(), Some((1, 99)))
        );
        assert_eq!(
            split_range("Teradata"),
            ("Teradata".to_owned(), None),
            "a title without a range"
        );
        assert_eq!(
            split_range("Gateway\nerrors"),
            ("Gateway errors".to_owned(), None)
        );
        assert_eq!(
            split_range("Odd (error code range: many)"),
            ("Odd (error code range: many)".to_owned(), None),
            "a range that is no numbers is part of the title"
        );
    }
}
