//! Status cells: `400`, `413/504`, `400 Bad Request`, `N/A`.

/// What a page writes in a cell it leaves empty.
pub(crate) fn is_empty_cell(cell: &str) -> bool {
    matches!(
        cell.trim(),
        "" | "-" | "--" | "—" | "N/A" | "n/a" | "NA" | "无" | "不涉及"
    )
}

/// The statuses of a cell, in order: one per `/`-, `,`- or `、`-separated part, each the number
/// it starts with (`409 ObjectNotAppendable` is 409); none for an empty cell. The parts that are
/// not a status come second, as written.
pub(crate) fn statuses(cell: &str) -> (Vec<u16>, Vec<&str>) {
    let mut statuses = Vec::new();
    let mut rest = Vec::new();
    if is_empty_cell(cell) {
        return (statuses, rest);
    }
    for part in cell.split(['/', ',', '、', '，', ';', '；']) {
        let part = part.trim();
        let digits = part.len() - part.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let status = (digits == 3)
            .then(|| part[..3].parse::<u16>().ok())
            .flatten()
            .filter(|status| (100..=599).contains(status))
            .filter(|_| part[3..].chars().next().is_none_or(|c| !c.is_ascii_digit()));
        match status {
            Some(status) if !statuses.contains(&status) => statuses.push(status),
            Some(_) => {}
            None if part.is_empty() => {}
            None => rest.push(part),
        }
    }
    (statuses, rest)
}

/// Whether `line` is a status cell with at least one status and nothing else (how the text
/// reader tells a row's first line).
pub(crate) fn is_status_cell(line: &str) -> bool {
    let (statuses, rest) = statuses(line);
    !statuses.is_empty() && rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_cells_as_pages_write_them() {
        let fine = |statuses: &[u16]| (statuses.to_vec(), Vec::<&str>::new());
        assert_eq!(statuses("400"), fine(&[400]));
        assert_eq!(statuses("413/504"), fine(&[413, 504]));
        assert_eq!(statuses("400/404/500"), fine(&[400, 404, 500]));
        assert_eq!(statuses("409 ObjectNotAppendable"), fine(&[409]));
        assert_eq!(
            statuses("431 Request Header Fields Too Large"),
            fine(&[431])
        );
        assert_eq!(statuses("N/A"), fine(&[]));
        assert_eq!(statuses(" - "), fine(&[]));
        assert_eq!(statuses("4000"), (vec![], vec!["4000"]));
        assert_eq!(statuses("about 400"), (vec![], vec!["about 400"]));
        assert_eq!(
            statuses("400/4xx"),
            (vec![400], vec!["4xx"]),
            "the good part is kept"
        );
        assert_eq!(statuses("099"), (vec![], vec!["099"]));
        assert!(!is_status_cell("400/4xx"));
        assert!(is_status_cell("204"));
        assert!(!is_status_cell("FRS.0202"));
    }
}
