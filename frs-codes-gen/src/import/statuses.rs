//! Status cells: `400`, `413/504`, `400 Bad Request`, `N/A`.

/// What a page writes in a cell it leaves empty.
pub(crate) fn is_empty_cell(cell: &str) -> bool {
    matches!(
        cell.trim(),
        "" | "-" | "--" | "—" | "N/A" | "n/a" | "NA" | "无" | "不涉及"
    )
}

/// The statuses of a cell, in order: one per `/`-, `,`- or `、`-separated part, each the number
/// it starts with (`409 ObjectNotAppendable` is 409); none for an empty cell. `Err` names the
/// first part that is not a status.
pub(crate) fn statuses(cell: &str) -> Result<Vec<u16>, String> {
    if is_empty_cell(cell) {
        return Ok(Vec::new());
    }
    let mut statuses = Vec::new();
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
            None => return Err(part.to_owned()),
        }
    }
    Ok(statuses)
}

/// Whether `line` is a status cell with at least one status (how the text reader tells a row's
/// first line).
pub(crate) fn is_status_cell(line: &str) -> bool {
    statuses(line).is_ok_and(|statuses| !statuses.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_cells_as_pages_write_them() {
        assert_eq!(statuses("400"), Ok(vec![400]));
        assert_eq!(statuses("413/504"), Ok(vec![413, 504]));
        assert_eq!(statuses("400/404/500"), Ok(vec![400, 404, 500]));
        assert_eq!(statuses("409 ObjectNotAppendable"), Ok(vec![409]));
        assert_eq!(
            statuses("431 Request Header Fields Too Large"),
            Ok(vec![431])
        );
        assert_eq!(statuses("N/A"), Ok(vec![]));
        assert_eq!(statuses(" - "), Ok(vec![]));
        assert_eq!(statuses("4000"), Err("4000".to_owned()));
        assert_eq!(statuses("about 400"), Err("about 400".to_owned()));
        assert_eq!(statuses("099"), Err("099".to_owned()));
        assert!(is_status_cell("204"));
        assert!(!is_status_cell("FRS.0202"));
    }
}
