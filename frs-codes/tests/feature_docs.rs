//! Every public item behind a feature says so in its docs: a line naming the feature, which any
//! `cargo doc --all-features` shows, and the `doc(cfg)` attribute that docs.rs turns into a
//! badge. Read from the source, so an item added without them fails here.

use std::path::Path;

/// The modules that exist only with a feature, and that feature (or features).
const GATED_MODULES: [(&str, &str); 5] = [
    ("http.rs", "`http`"),
    ("body.rs", "`alloc`"),
    ("response.rs", "`alloc`"),
    ("serde_impls.rs", "`serde`"),
    ("retrying.rs", "`reqwest-middleware` or `tower`"),
];

fn source(file: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(file))
        .expect("read the source")
}

/// The attribute and doc lines right above line `index`.
fn preamble(lines: &[&str], index: usize) -> String {
    let indent = lines[index].len() - lines[index].trim_start().len();
    let mut start = index;
    while start > 0 {
        let above = lines[start - 1];
        let trimmed = above.trim_start();
        // An attribute rustfmt wrapped over several lines continues deeper, or closes with `)]`.
        let continues = above.len() - trimmed.len() > indent || trimmed == ")]";
        let starts = above.len() - trimmed.len() == indent
            && (trimmed.starts_with("///") || trimmed.starts_with("#["));
        if !(continues || starts) {
            break;
        }
        start -= 1;
    }
    lines[start..index].join("\n")
}

#[test]
fn items_of_gated_modules_name_their_feature() {
    let mut missing = Vec::new();
    for (file, features) in GATED_MODULES {
        let text = source(file);
        let lines: Vec<&str> = text.lines().collect();
        for (index, line) in lines.iter().enumerate() {
            let is_item = ["pub struct ", "pub enum ", "pub const "]
                .iter()
                .any(|start| line.starts_with(start));
            if !is_item {
                continue;
            }
            let above = preamble(&lines, index);
            if !above.contains(&format!("/// Available with the {features} feature."))
                || !above.contains("doc(cfg(")
            {
                missing.push(format!("{file}:{}: {line}", index + 1));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not marked with their feature: {missing:#?}"
    );
}

#[test]
fn items_behind_a_cfg_feature_carry_the_doc_cfg_attribute() {
    let mut missing = Vec::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("an entry").path();
        let file = path
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let text = source(&file);
        let lines: Vec<&str> = text.lines().collect();
        for (index, line) in lines.iter().enumerate() {
            let Some(feature) = line
                .trim_start()
                .strip_prefix("#[cfg(feature = \"")
                .and_then(|rest| rest.strip_suffix("\")]"))
            else {
                continue;
            };
            let item = lines[index + 1..]
                .iter()
                .position(|line| !line.trim_start().starts_with("#["))
                .map(|offset| index + 1 + offset)
                .expect("an item follows");
            let trimmed = lines[item].trim_start();
            let public = [
                "pub fn ",
                "pub struct ",
                "pub enum ",
                "pub const ",
                "pub mod ",
                "impl",
            ]
            .iter()
            .any(|start| trimmed.starts_with(start))
                || trimmed.starts_with("macro_rules! ")
                    && lines[index..item]
                        .iter()
                        .any(|l| l.contains("macro_export"));
            let marked = lines[index..item]
                .iter()
                .any(|line| line.contains(&format!("doc(cfg(feature = \"{feature}\")")));
            if public && !marked {
                missing.push(format!("{file}:{}: {}", item + 1, lines[item].trim()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "behind a feature without doc(cfg): {missing:#?}"
    );
}
