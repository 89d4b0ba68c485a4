//! Markdown fenced code blocks: what both the Markdown and the HTML readers pass over, so that
//! an example table inside a fence is not read as a table.

/// For each line of `page` (as [`str::lines`] splits it), whether it belongs to a fenced code
/// block, fences included. An unclosed fence runs to the end of the page, as in CommonMark.
pub(crate) fn fenced_lines(page: &str) -> Vec<bool> {
    let mut open: Option<(char, usize)> = None;
    let mut fenced = Vec::new();
    for line in page.lines() {
        let fence = fence(line);
        fenced.push(open.is_some() || fence.is_some());
        open = match (open, fence) {
            (None, Some((mark, len, _))) => Some((mark, len)),
            // Only a bare fence of the same character, at least as long, closes.
            (Some((mark, len)), Some((closing, closing_len, true)))
                if closing == mark && closing_len >= len =>
            {
                None
            }
            (open, _) => open,
        };
    }
    fenced
}

/// The fence `line` is, if any: its character, its length, and whether nothing follows it.
fn fence(line: &str) -> Option<(char, usize, bool)> {
    let text = line.trim_start_matches(' ');
    if line.len() - text.len() > 3 {
        return None;
    }
    let mark = text.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = text.len() - text.trim_start_matches(mark).len();
    let info = text[len..].trim();
    // "```code```" on one line is a code span, not a fence.
    let fence = len >= 3 && !(mark == '`' && info.contains('`'));
    fence.then_some((mark, len, info.is_empty()))
}
