//! Which column is which: error-code tables are found and read by their header cells, in
//! English and Chinese, whatever their order; other tables (parameters, examples) have no code
//! column and are left alone.

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

/// Header cells by role, as pages write them (compared in lower case, without a trailing dot,
/// a parenthesised remark such as `(Optional)` or `（可选）`, or surrounding space).
const NAMES: [(Role, &[&str]); 6] = [
    (
        Role::Status,
        &[
            "status code",
            "http status code",
            "http status",
            "response code",
            "状态码",
            "http状态码",
            "http 状态码",
        ],
    ),
    (
        Role::Code,
        &[
            "error code",
            "error codes",
            "错误码",
            "错误码id",
            "错误代码",
        ],
    ),
    (
        Role::Message,
        &[
            "error message",
            "message",
            "error information",
            "error info",
            "错误信息",
            "错误消息",
        ],
    ),
    (
        Role::Description,
        &[
            "description",
            "error description",
            "描述",
            "语义",
            "说明",
            "中文错误名称",
            "错误描述",
        ],
    ),
    (
        Role::Measure,
        &[
            "measure",
            "measures",
            "solution",
            "solutions",
            "handling measure",
            "handling measures",
            "handling suggestion",
            "handling suggestions",
            "troubleshooting",
            "处理措施",
            "解决方案",
            "建议解决方法",
            "处理建议",
            "解决方法",
        ],
    ),
    (
        Role::Category,
        &[
            "category", "type", "module", "service", "模块", "类别", "分类",
        ],
    ),
];

/// The role a header cell names, if any.
pub(crate) fn role_of(header: &str) -> Option<Role> {
    let name = normalized(header);
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(role, _)| *role)
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
            (None, Some(2), Some(3))
        );
        assert_eq!(cce.unread, [0]);
        assert_eq!(
            Columns::of(&header(&["Parameter", "Type", "Description"])),
            None
        );
        assert_eq!(
            Columns::of(&header(&["Error Code", "HTTP Status Code"])),
            None
        );
    }
}
