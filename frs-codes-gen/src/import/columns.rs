//! Which column is which: error-code tables are found and read by what their header cells say,
//! in English and Chinese, whatever their order and wording (`Solution Suggestion`, `Handling
//! Measure` and `处理措施` all name the measure); other tables (parameters, examples) have no
//! code column and are left alone. This is the one place that knows what a column means.

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Status,
    Code,
    Message,
    Description,
    Measure,
    Category,
}

/// The words that say what a column holds, in the order they are tried: a header naming
/// several (`Error Code Description`, `Cause and Solution`) takes the first role whose word it
/// has. English words are matched whole, in lower case and singular; Chinese ones anywhere in
/// the cell.
const MEANINGS: [(Role, &[&str], &[&str]); 6] = [
    (
        Role::Measure,
        &[
            "solution",
            "suggestion",
            "measure",
            "handling",
            "troubleshooting",
            "action",
            "remedy",
            "resolution",
            "recommendation",
            "fix",
        ],
        &["处理", "解决", "建议", "措施", "方案", "办法"],
    ),
    (
        Role::Description,
        &[
            "description",
            "meaning",
            "cause",
            "explanation",
            "semantic",
            "detail",
            "reason",
        ],
        &["描述", "说明", "语义", "含义", "原因", "错误名称"],
    ),
    (
        Role::Message,
        &["message", "msg", "information", "info", "text"],
        &["信息", "消息", "提示"],
    ),
    (Role::Status, &["status", "http", "response"], &["状态"]),
    (
        Role::Code,
        &["code"],
        &["错误码", "错误代码", "错误编码", "返回码", "错误号"],
    ),
    (
        Role::Category,
        &[
            "category", "type", "module", "service", "group", "class", "kind",
        ],
        &["模块", "类别", "分类", "类型", "服务"],
    ),
];

/// Longer header cells are prose, not column names.
const MAX_HEADER_WORDS: usize = 7;
const MAX_HEADER_CHARS: usize = 48;
const MAX_HEADER_WIDE_CHARS: usize = 12;

/// Whether a cell reads as a sentence or a value rather than a column's name: it has a
/// sentence's punctuation inside, a placeholder, or more words or Chinese characters than a
/// name has.
fn is_prose(cell: &str) -> bool {
    let cell = cell.trim();
    let words = cell.split_whitespace().count();
    cell.contains(['，', '。', ',', ';', '；', '%', '!', '?', '？', '！', '、'])
        || (cell.ends_with('.') && words >= 3)
        || words > MAX_HEADER_WORDS
        || cell.chars().count() > MAX_HEADER_CHARS
        || cell.chars().filter(|c| !c.is_ascii()).count() > MAX_HEADER_WIDE_CHARS
}

/// The role a header cell names, if any: by the words it uses (see [`MEANINGS`]); `Error`
/// alone names the message.
pub(crate) fn role_of(header: &str) -> Option<Role> {
    if is_prose(header) {
        return None;
    }
    let name = normalized(header);
    let words: Vec<&str> = name
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
        .collect();
    if words.is_empty() || words.len() > MAX_HEADER_WORDS || name.chars().count() > MAX_HEADER_CHARS
    {
        return None;
    }
    if words == ["error"] {
        return Some(Role::Message);
    }
    // A plural names what its singular names (`Error Codes`, `Solutions`, `Statuses`).
    let singular = |word: &str| -> String {
        let word = word
            .strip_suffix("es")
            .filter(|stem| stem.ends_with('s'))
            .unwrap_or(word);
        word.strip_suffix('s')
            .filter(|stem| stem.len() > 2)
            .unwrap_or(word)
            .to_owned()
    };
    MEANINGS
        .iter()
        .find(|(_, english, chinese)| {
            words
                .iter()
                .any(|word| english.contains(word) || english.contains(&singular(word).as_str()))
                || chinese.iter().any(|term| name.contains(term))
        })
        .map(|(role, _, _)| *role)
}

fn normalized(header: &str) -> String {
    let mut name = header.trim().to_lowercase();
    for (open, close) in [('(', ')'), ('（', '）')] {
        if name.ends_with(close) {
            if let Some(start) = name.rfind(open) {
                name.truncate(start);
            }
        }
    }
    name.trim()
        .trim_end_matches(['.', '。', ':', '：'])
        .trim()
        .to_owned()
}

/// The columns of an error-code table: the first column of each role (a second column of a
/// role is read as the next role that is missing: CTS's `Description.` after `Description` is
/// its measure); `None` for a table without a code column or without any text to describe
/// its codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Columns {
    pub code: usize,
    pub status: Option<usize>,
    pub message: Option<usize>,
    pub description: Option<usize>,
    pub measure: Option<usize>,
    pub category: Option<usize>,
    /// Header cells the importer does not read, by column.
    pub unread: Vec<usize>,
}

impl Columns {
    pub(crate) fn of(header: &[String]) -> Option<Self> {
        let mut found: Vec<(Role, usize)> = Vec::new();
        let mut unread = Vec::new();
        for (index, cell) in header.iter().enumerate() {
            match role_of(cell) {
                Some(role) if !found.iter().any(|(taken, _)| *taken == role) => {
                    found.push((role, index));
                }
                Some(Role::Description)
                    if !found.iter().any(|(taken, _)| *taken == Role::Measure) =>
                {
                    found.push((Role::Measure, index));
                }
                _ => unread.push(index),
            }
        }
        let column = |role: Role| {
            found
                .iter()
                .find(|(taken, _)| *taken == role)
                .map(|(_, index)| *index)
        };
        let columns = Columns {
            code: column(Role::Code)?,
            status: column(Role::Status),
            message: column(Role::Message),
            description: column(Role::Description),
            measure: column(Role::Measure),
            category: column(Role::Category),
            unread,
        };
        (columns.message.is_some() || columns.description.is_some()).then_some(columns)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|cell| (*cell).to_owned()).collect()
    }

    #[test]
    fn columns_are_found_by_name_in_any_order_and_language() {
        let apig = Columns::of(&header(&[
            "Error Code",
            "Error Message",
            "HTTP Status Code",
            "Description",
            "Solution",
        ]))
        .expect("an error-code table");
        assert_eq!(
            (
                apig.code,
                apig.message,
                apig.status,
                apig.description,
                apig.measure
            ),
            (0, Some(1), Some(2), Some(3), Some(4))
        );
        let chinese = Columns::of(&header(&[
            "状态码 ",
            "错误码",
            "错误信息",
            "描述",
            "处理措施",
        ]))
        .expect("Chinese");
        assert_eq!(
            (chinese.status, chinese.code, chinese.measure),
            (Some(0), 1, Some(4))
        );
        let cts = Columns::of(&header(&[
            "Response Code",
            "Error Code",
            "Description",
            "Error Message",
            "Description.",
        ]))
        .expect("CTS");
        assert_eq!((cts.description, cts.measure), (Some(2), Some(4)));
        let cce = Columns::of(&header(&[
            "Error Type",
            "Error Code",
            "Error Description",
            "Handling Suggestions (Optional)",
        ]))
        .expect("CCE");
        assert_eq!(
            (cce.category, cce.description, cce.measure),
            (Some(0), Some(2), Some(3))
        );
        assert!(cce.unread.is_empty());
        assert_eq!(
            Columns::of(&header(&["Parameter", "Type", "Description"])),
            None
        );
        let console = Columns::of(&header(&[
            "Error Code",
            "Message Displayed on the Management Console",
            "Solution Suggestion",
        ]))
        .expect("a console page");
        assert_eq!((console.message, console.measure), (Some(1), Some(2)));
        let chinese_status = Columns::of(&header(&["错误码", "响应状态码", "中文说明"]))
            .expect("status and description by their words");
        assert_eq!(
            (chinese_status.status, chinese_status.description),
            (Some(1), Some(2))
        );
        let named = Columns::of(&header(&[
            "Module",
            "HTTP Status Code",
            "Error Code",
            "Error Code Description",
            "Error",
            "Failure Cause",
        ]))
        .expect("roles by their first word that names one");
        assert_eq!(
            (
                named.category,
                named.status,
                named.code,
                named.description,
                named.message,
                named.measure
            ),
            (Some(0), Some(1), 2, Some(3), Some(4), Some(5))
        );
        assert_eq!(role_of("Symptom/Issue"), None);
        assert_eq!(
            role_of("error_code"),
            None,
            "a field name, not a column name"
        );
        assert_eq!(
            role_of("The returned message body contains the specific error code."),
            None,
            "a sentence is not a column name"
        );
        for value in [
            "Duplicate flavor code (%s).",
            "Change flavor code message.",
            "响应消息体中的错误码，详见下表。",
        ] {
            assert_eq!(
                role_of(value),
                None,
                "{value} is a value, not a column name"
            );
        }
        assert_eq!(
            Columns::of(&header(&["Error Code", "HTTP Status Code"])),
            None
        );
    }
}
