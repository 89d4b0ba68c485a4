//! Every public item behind a feature, in `frs-codes` and in `frs-codes-gen`, says so in its
//! docs: a line naming the feature, which any `cargo doc --all-features` shows, and the
//! `doc(cfg)` attribute that docs.rs turns into a badge. Read from the source, so an item added
//! without them fails here.

use std::path::{Path, PathBuf};

/// The crates whose features gate public items.
const CRATES: [&str; 2] = ["frs-codes", "frs-codes-gen"];

/// The modules that exist only with a feature (crate, file or directory under `src`), and that
/// feature (or features).
const GATED_MODULES: [(&str, &str, &str); 6] = [
    ("frs-codes", "http.rs", "`http`"),
    ("frs-codes", "body.rs", "`alloc`"),
    ("frs-codes", "response.rs", "`alloc`"),
    ("frs-codes", "serde_impls.rs", "`serde`"),
    (
        "frs-codes",
        "retrying.rs",
        "`reqwest-middleware` or `tower`",
    ),
    ("frs-codes-gen", "import", "`import`"),
];

/// The `src` directory of the workspace crate `crate_dir`.
fn src(crate_dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace")
        .join(crate_dir)
        .join("src")
}

fn source(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Every `.rs` file under `dir`, subdirectories included.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a source directory") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
    files
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

/// The line of the item that the attributes and docs at `start` belong to: past docs,
/// comments and attributes, however rustfmt wrapped them, in whatever order they come.
fn item_after(lines: &[&str], start: usize) -> usize {
    let mut open_brackets = 0_i64;
    for (offset, line) in lines[start..].iter().enumerate() {
        let trimmed = line.trim_start();
        let comment = trimmed.starts_with("//");
        if open_brackets == 0 && !comment && !trimmed.starts_with("#[") {
            return start + offset;
        }
        if !comment {
            let count = |bracket| i64::try_from(trimmed.matches(bracket).count()).expect("small");
            open_brackets += count('[') - count(']');
        }
    }
    panic!("no item after line {}", start + 1)
}

#[test]
fn items_of_gated_modules_name_their_feature() {
    let mut missing = Vec::new();
    let files = GATED_MODULES
        .iter()
        .flat_map(|&(crate_dir, module, features)| {
            let path = src(crate_dir).join(module);
            let files = if path.is_dir() {
                rust_files(&path)
            } else {
                vec![path]
            };
            files.into_iter().map(move |file| (file, features))
        });
    for (path, features) in files {
        let file = path.display().to_string();
        let text = source(&path);
        let lines: Vec<&str> = text.lines().collect();
        for (index, line) in lines.iter().enumerate() {
            let is_item = ["pub struct ", "pub enum ", "pub const ", "pub fn "]
                .iter()
                .any(|start| line.starts_with(start));
            if !is_item {
                continue;
            }
            let above = preamble(&lines, index);
            // What the macro's expansions call is hidden from the docs, so it has no page to mark.
            let hidden = above.contains("#[doc(hidden)]");
            let marked = above.contains(&format!("/// Available with the {features} feature."))
                && above.contains("doc(cfg(");
            if !hidden && !marked {
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
    let files = CRATES
        .iter()
        .flat_map(|crate_dir| rust_files(&src(crate_dir)));
    for path in files {
        let file = path.display().to_string();
        let text = source(&path);
        let lines: Vec<&str> = text.lines().collect();
        for (index, line) in lines.iter().enumerate() {
            let Some(feature) = line
                .trim_start()
                .strip_prefix("#[cfg(feature = \"")
                .and_then(|rest| rest.strip_suffix("\")]"))
            else {
                continue;
            };
            let item = item_after(&lines, index);
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
            let above = preamble(&lines, item);
            let marked = above.contains(&format!("doc(cfg(feature = \"{feature}\")"));
            // A function's own page is where a reader looks for what it needs.
            let named = !trimmed.starts_with("pub fn ")
                || above.contains(&format!("/// Available with the `{feature}` feature."));
            if public && !(marked && named) {
                missing.push(format!("{file}:{}: {}", item + 1, lines[item].trim()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "behind a feature without doc(cfg), or a function without its feature line: {missing:#?}"
    );
}
