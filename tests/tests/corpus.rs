//! The importer over the real error-code pages of the corpus that `FRS_CODES_CORPUS` names
//! (`../shared/pages` beside a checkout: whole pages of Huawei Cloud and Open Telekom Cloud
//! services, listed in its `MANIFEST.json`). The pages are third-party text and are not part of
//! this repository, so without the variable these tests are ignored; run them with
//!
//! ```sh
//! FRS_CODES_CORPUS=../shared/pages cargo test --workspace -- --include-ignored
//! ```
//!
//! Every page is imported in three forms: as published, as a browser's tab-separated copy of
//! its tables (with a title and prose around them), and as the documentation site's text view
//! (one cell per line, a blank line between cells). Each must lose nothing: every row of every
//! error-code table is a case of its code with each of its cells, or is named in a note or a
//! warning, and the pasted forms give the published form's catalogue exactly.

#[allow(dead_code)]
#[path = "compile/support.rs"]
mod consumers;

use frs_codes_gen::import::{import, tables, Format, Imported, Note, Table};
use frs_codes_gen::Catalogue;
use std::path::PathBuf;

const HOW_TO_RUN: &str =
    "reads the real pages of the corpus: FRS_CODES_CORPUS=../shared/pages cargo test --workspace -- --include-ignored";

/// The corpus's pages, as the manifest lists them: (name, text).
fn pages() -> Vec<(String, String)> {
    let Some(dir) = std::env::var_os("FRS_CODES_CORPUS").map(PathBuf::from) else {
        panic!("FRS_CODES_CORPUS is not set; this test {HOW_TO_RUN}");
    };
    // Relative to the workspace, where the command is typed (cargo runs tests in `tests/`).
    let dir = consumers::workspace_root().join(dir);
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.json"))
        .unwrap_or_else(|error| panic!("{}: {error}", dir.join("MANIFEST.json").display()));
    let manifest: serde_json::Value = serde_json::from_str(&manifest).expect("MANIFEST.json");
    manifest
        .as_array()
        .expect("MANIFEST.json lists pages")
        .iter()
        .map(|entry| {
            let file = entry["file"].as_str().expect("a page's file");
            let text = std::fs::read_to_string(dir.join(file))
                .unwrap_or_else(|error| panic!("{file}: {error}"));
            (file.to_owned(), text)
        })
        .collect()
}

/// What a page says that the catalogue does not hold as a field, each naming its cell.
fn noted(notes: &[Note], text: &str) -> bool {
    let first = text.lines().next().unwrap_or_default();
    notes.iter().any(|note| note.message.contains(first))
}

fn is_nothing(cell: &str) -> bool {
    matches!(
        cell.trim(),
        "" | "-" | "--" | "—" | "N/A" | "n/a" | "NA" | "无" | "不涉及"
    )
}

/// Checks that every row of the page's error-code tables is in `imported`: each cell of a row
/// whose code is in the catalogue is one of its cases' fields (or a category title, or in a
/// column the import names as not read), and a row whose code cell is no code is named in a
/// note. Returns the number of rows.
fn assert_whole(name: &str, tables: &[Table], imported: &Imported) -> usize {
    let catalogue = imported.catalogue();
    let notes = imported.notes();
    let codes: std::collections::HashMap<&str, usize> = catalogue
        .codes
        .iter()
        .enumerate()
        .map(|(index, code)| (code.code.as_str(), index))
        .collect();
    let mended = |cell: &str| cell.split_whitespace().collect::<String>();
    // A group title is written with its lines joined and its range taken out.
    let is_category_title = |cell: &str| {
        let joined = cell.split_whitespace().collect::<Vec<_>>().join(" ");
        catalogue
            .categories
            .iter()
            .any(|category| joined.starts_with(category.title.as_str()))
    };
    let mut rows = 0;
    for table in tables {
        let width = table.header.len();
        let Some(code_column) = (0..width).max_by_key(|&column| {
            table
                .rows
                .iter()
                .filter(|row| codes.contains_key(mended(&row.cells[column]).as_str()))
                .count()
        }) else {
            continue;
        };
        let hits = table
            .rows
            .iter()
            .filter(|row| codes.contains_key(mended(&row.cells[code_column]).as_str()))
            .count();
        if hits == 0 {
            continue;
        }
        let unread: Vec<usize> = (0..width)
            .filter(|&column| {
                let header = &table.header[column];
                notes.iter().any(|note| {
                    note.line == Some(table.line)
                        && note.message.contains(&format!("`{header}` is not read"))
                })
            })
            .collect();
        let mut above: Option<usize> = None;
        for row in &table.rows {
            let code_cell = &row.cells[code_column];
            let code = match codes.get(mended(code_cell).as_str()) {
                Some(&code) => code,
                None if is_nothing(code_cell) => match above {
                    Some(code) => code,
                    None => {
                        let filled: Vec<&String> =
                            row.cells.iter().filter(|cell| !is_nothing(cell)).collect();
                        assert!(
                            filled.iter().all(|cell| noted(notes, cell) || is_category_title(cell)),
                            "{name}:{}: a row before any code is neither in the catalogue nor in a note: {:?}",
                            row.line,
                            row.cells
                        );
                        continue;
                    }
                },
                None => {
                    assert!(
                        noted(notes, code_cell),
                        "{name}:{}: `{code_cell}` is neither a code of the catalogue nor named in a note",
                        row.line
                    );
                    continue;
                }
            };
            above = Some(code);
            rows += 1;
            let cases = &catalogue.codes[code].cases;
            for (column, cell) in row.cells.iter().enumerate() {
                if column == code_column || is_nothing(cell) || unread.contains(&column) {
                    continue;
                }
                let in_a_case = cases.iter().any(|case| {
                    case.description == *cell
                        || case.message.as_deref() == Some(cell.as_str())
                        || case
                            .measure
                            .as_ref()
                            .is_some_and(|lines| lines.join("\n") == *cell)
                        || case
                            .status
                            .is_some_and(|status| cell.contains(&status.to_string()))
                });
                assert!(
                    in_a_case || is_category_title(cell) || noted(notes, cell),
                    "{name}:{}: the cell `{}` of `{}` (column `{}`) is lost",
                    row.line,
                    cell,
                    catalogue.codes[code].code,
                    table.header[column]
                );
            }
        }
    }
    rows
}

/// The page's tables as a browser copies a whole page: a title, prose, each table as
/// tab-separated rows (a cell's lines on lines of their own), prose between them.
fn tab_separated(tables: &[Table]) -> String {
    let mut page = String::from("Error Codes\n\nThis page was pasted from a browser.\n\n");
    for table in tables {
        let line = |cells: &[String]| {
            cells
                .iter()
                .map(|cell| cell.replace('\t', " "))
                .collect::<Vec<_>>()
                .join("\t")
        };
        page.push_str(&line(&table.header));
        page.push('\n');
        for row in &table.rows {
            page.push_str(&line(&row.cells));
            page.push('\n');
        }
        page.push_str("\nA paragraph after the table.\n\n");
    }
    page.push_str("Parent topic: Appendix\n");
    page
}

/// The page's tables as a documentation site's text view: one cell per line, a blank line
/// between cells (an empty cell is an empty line between two blank ones).
fn text_view(tables: &[Table]) -> String {
    let mut page = String::from("Error Codes\n\nThis page was copied from the text view.\n\n");
    for table in tables {
        page.push_str(&table.header.join("\n\n"));
        for row in &table.rows {
            page.push_str("\n\n");
            page.push_str(&row.cells.join("\n\n"));
        }
        page.push_str("\n\nA paragraph after the table.\n\n");
    }
    page.push_str("Parent topic: Appendix\n");
    page
}

/// The codes of a catalogue with their cases and category titles, to compare two imports.
fn summary(catalogue: &Catalogue) -> Vec<String> {
    catalogue
        .codes
        .iter()
        .map(|code| {
            format!(
                "{} [{}] {:?}",
                code.code, catalogue.categories[code.category].title, code.cases
            )
        })
        .collect()
}

#[test]
#[cfg_attr(
    not(frs_codes_corpus),
    ignore = "reads the real pages of the corpus: FRS_CODES_CORPUS=../shared/pages cargo test --workspace -- --include-ignored"
)]
fn every_page_of_the_corpus_imports_whole_as_published_and_as_pasted() {
    let pages = pages();
    let mut totals = [(0, 0); 3];
    let mut failures = Vec::new();
    for (name, text) in &pages {
        let format = Format::detect(text);
        let read = tables(text, format).unwrap_or_else(|error| panic!("{name}: {error:?}"));
        let published = match import(text, name, None, None) {
            Ok(imported) => imported,
            Err(error) => {
                failures.push(format!("{name} (published): {error}"));
                continue;
            }
        };
        let rows = assert_whole(name, &read, &published);
        totals[0].0 += 1;
        totals[0].1 += rows;
        let expected = summary(published.catalogue());
        for (form, pasted) in [(1, tab_separated(&read)), (2, text_view(&read))] {
            let form_name = ["published", "tab-separated", "text view"][form];
            match import(&pasted, name, Some(Format::Text), None) {
                Ok(imported) => {
                    let got = summary(imported.catalogue());
                    if got != expected {
                        let first = got
                            .iter()
                            .zip(&expected)
                            .position(|(got, expected)| got != expected)
                            .unwrap_or(got.len().min(expected.len()));
                        failures.push(format!(
                            "{name} ({form_name}): {} codes for {}; first difference at code {first}:\n  got      {:?}\n  expected {:?}",
                            got.len(),
                            expected.len(),
                            got.get(first),
                            expected.get(first)
                        ));
                        continue;
                    }
                    totals[form].0 += 1;
                    totals[form].1 += rows;
                }
                Err(error) => failures.push(format!("{name} ({form_name}): {error}")),
            }
        }
    }
    for (form, (pages_read, rows)) in ["published", "tab-separated", "text view"]
        .iter()
        .zip(totals)
    {
        println!(
            "{form:>13}: {pages_read} of {} pages, {rows} rows, nothing lost",
            pages.len()
        );
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every page's catalogue, as `frs-codes import` writes it, in one crate: each in a module of its
/// own through `frs_codes!`, under `deny(warnings)`, with every code's cases read back.
#[test]
#[cfg_attr(
    not(frs_codes_corpus),
    ignore = "reads the real pages of the corpus: FRS_CODES_CORPUS=../shared/pages cargo test --workspace -- --include-ignored"
)]
fn the_catalogues_of_every_page_compile_together_in_one_crate() {
    let consumer = consumers::Consumer::library("corpus-catalogues");
    let mut lib = String::from("#![deny(warnings)]\n//! Every page of the corpus, imported.\n");
    let mut codes = 0;
    let pages = pages();
    for (index, (name, text)) in pages.iter().enumerate() {
        let imported =
            import(text, name, None, None).unwrap_or_else(|error| panic!("{name}: {error}"));
        codes += imported.catalogue().codes.len();
        consumer.write(&format!("page{index}.json"), imported.text());
        lib.push_str(&format!(
            "/// `{name}`.\npub mod page{index} {{\n    frs_codes::frs_codes!(path = \"page{index}.json\");\n}}\n"
        ));
    }
    lib.push_str(&format!(
        "/// The number of codes of every page.\npub const CODES: usize = {};\n",
        (0..pages.len())
            .map(|index| format!("page{index}::ErrorCode::ALL.len()"))
            .collect::<Vec<_>>()
            .join(" + ")
    ));
    consumer.write("src/lib.rs", &lib);
    consumer.write(
        "tests/count.rs",
        &format!("#[test]\nfn every_code_is_there() {{ assert_eq!(corpus_catalogues::CODES, {codes}); }}\n"),
    );
    let output = consumer.cargo(&["test"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    println!("{} pages, {codes} codes, in one crate", pages.len());
}
