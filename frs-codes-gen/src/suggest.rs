//! "Did you mean": the nearest of a few known words to a misspelt one.

/// The candidate nearest to `word` by edit distance, if it is near enough to be a typo. Case
/// costs nothing: `ACCESSDENIED` and `accessdenied` are both `AccessDenied` mistyped.
///
/// ```
/// assert_eq!(frs_codes_gen::closest("descripton", &["code", "description"]), Some("description"));
/// assert_eq!(frs_codes_gen::closest("ACCESSDENIED", &["AccessDenied"]), Some("AccessDenied"));
/// assert_eq!(frs_codes_gen::closest("remedy", &["code", "description"]), None);
/// ```
#[must_use]
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    nearest(word, candidates, 3)
}

/// The code name nearest to `word`, allowing an edit per four characters: names of one
/// catalogue share long words (`NoSuchKey`, `NoSuchBucket`), so the third of their length that
/// [`closest`] allows makes one name a "typo" of another.
pub(crate) fn closest_name<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    nearest(word, candidates, 4)
}

/// The candidate nearest to `word` within an edit per `chars_per_edit` characters.
fn nearest<'a>(word: &str, candidates: &[&'a str], chars_per_edit: usize) -> Option<&'a str> {
    candidates
        .iter()
        .map(|candidate| (edit_distance(word, candidate), *candidate))
        .filter(|(distance, candidate)| {
            *distance <= candidate.len().max(word.len()) / chars_per_edit
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Edit distance between the lower-case forms, counting a swap of two neighbours as one edit
/// (`nmae` is one from `name`).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let mut table = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in table.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in table[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let substitution = table[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = substitution
                .min(table[i - 1][j] + 1)
                .min(table[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[i - 2][j - 2] + 1);
            }
            table[i][j] = best;
        }
    }
    table[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_field_names_only() {
        let fields = ["code", "name", "status", "description", "measure"];
        assert_eq!(closest("descripton", &fields), Some("description"));
        assert_eq!(closest("stauts", &fields), Some("status"));
        assert_eq!(closest("remedy", &fields), None);
        assert_eq!(closest("nmae", &["path", "name", "vis"]), Some("name"));
    }

    #[test]
    fn case_is_no_edit() {
        let codes = ["AccessDenied", "NoSuchKey"];
        assert_eq!(closest("ACCESSDENIED", &codes), Some("AccessDenied"));
        assert_eq!(closest("nosuchkey", &codes), Some("NoSuchKey"));
        assert_eq!(closest("Status", &["code", "status"]), Some("status"));
        assert_eq!(closest_name("ACCESS_DENIED", &codes), Some("AccessDenied"));
        assert_eq!(closest_name("NoSuchBucket", &codes), None);
    }
}
