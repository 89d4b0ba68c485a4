//! `frs-codes import` on real pages: the FRS page gives back `codes.json` byte for byte, and an
//! excerpt of every format imports into a catalogue that `check` accepts, that compiles with
//! `frs_codes!`, and whose `cases()` hold every row of the page.

mod support;

// The consumer-crate helper of the workspace tests; this file uses part of it.
#[allow(dead_code)]
#[path = "../../tests/tests/compile/support.rs"]
mod consumers;

use frs_codes_gen::import::{tables, Format};
use std::fs;
use support::{frs_codes, scratch, workspace_root};

#[test]
fn the_frs_page_merged_into_codes_json_writes_codes_json_byte_for_byte() {
    let dir = scratch("import-round-trip");
    let out = dir.join("codes.json");
    let run = frs_codes(&[
        "import",
        "tests/fixtures/frs-error-codes.txt",
        "--merge",
        "codes.json",
        "-o",
        out.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "no differences\nsemver: none\n");
    let committed = fs::read(workspace_root().join("codes.json")).expect("codes.json");
    assert!(
        fs::read(&out).expect("written") == committed,
        "the import differs from codes.json"
    );
}

#[test]
fn the_frs_page_alone_gives_the_same_codes_with_derived_names() {
    let run = frs_codes(&["import", "tests/fixtures/frs-error-codes.txt"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let dir = scratch("import-fresh");
    let fresh = dir.join("codes.json");
    fs::write(&fresh, &run.stdout).expect("write");
    let fresh = frs_codes_gen::load(&fresh).expect("the import passes every rule");
    let bundled = frs_codes_gen::load(workspace_root().join("codes.json")).expect("bundled");
    assert_eq!(fresh.codes.len(), 55);
    for (fresh, bundled) in fresh.codes.iter().zip(&bundled.codes) {
        assert_eq!((&fresh.code, &fresh.cases), (&bundled.code, &bundled.cases));
        assert_eq!(
            fresh.name,
            bundled.code.replace('.', "").to_lowercase().replacen(
                |c: char| c.is_ascii_lowercase(),
                &bundled.code[..1],
                1,
            )
        );
    }
    let titles: Vec<&str> = fresh
        .categories
        .iter()
        .map(|category| category.title.as_str())
        .collect();
    let expected: Vec<&str> = bundled
        .categories
        .iter()
        .map(|category| category.title.as_str())
        .collect();
    assert_eq!(titles, expected);
    assert_eq!(fresh.categories[0].name, "CommonServiceErrors");
}

const FIXTURES: [&str; 16] = [
    "rst/iam.rst",
    "rst/apig_umn.rst",
    "rst/ocr.rst",
    "rst/modelarts.rst",
    "rst/dli.rst",
    "rst/ecs.rst",
    "rst/vpc.rst",
    "html/otc-legacy-as-error-codes.md",
    "html/otc-legacy-vpc-error-codes.md",
    "html/otc-legacy-csbs-error-codes.md",
    "html/otc-legacy-elb-error-codes-table3.md",
    "html/hwc-zh-apig-user-guide-error-codes.md",
    "html/hwc-zh-ocr-error-codes.md",
    "html/hwc-zh-modelarts-error-codes.md",
    "markdown/hwc-zh-obs-error-codes-table2.md",
    "markdown/thirdparty-ddns-huaweidns-en.md",
];

fn fixture_path(fixture: &str) -> std::path::PathBuf {
    workspace_root()
        .join("frs-codes-gen/tests/fixtures/import")
        .join(fixture)
}

/// Prints every case of the module's catalogue, one line each.
const PROBE_MODULE: &str = r#"
    pub fn print() {
        for code in ErrorCode::ALL {
            for case in code.cases() {
                println!(
                    "{}\t{:?}\t{:?}\t{:?}\t{:?}",
                    code.as_str(),
                    CatalogueCase::status(*case),
                    CatalogueCase::message(*case),
                    case.description(),
                    CatalogueCase::measure(*case),
                );
            }
        }
    }
"#;

#[test]
fn every_format_imports_into_a_catalogue_that_compiles_and_holds_every_row() {
    let consumer = consumers::Consumer::binary_with(
        "import-every-format",
        &format!(
            "[dependencies]\nfrs-codes = {{ path = {:?} }}\n",
            workspace_root().join("frs-codes")
        ),
    );
    let mut main = String::from("#![deny(warnings)]\n//! Every imported catalogue.\n");
    for (index, fixture) in FIXTURES.iter().enumerate() {
        let catalogue = format!("catalogue{index}.json");
        let out = consumer.dir.join(&catalogue);
        let run = frs_codes(&[
            "import",
            fixture_path(fixture).to_str().expect("UTF-8 path"),
            "-o",
            out.to_str().expect("UTF-8 path"),
        ]);
        assert_eq!(run.status, 0, "{fixture}: {}", run.stderr);
        let check = frs_codes(&["check", out.to_str().expect("UTF-8 path")]);
        assert_eq!(check.status, 0, "{fixture}: {}", check.stdout);
        main.push_str(&format!(
            "mod catalogue{index} {{\n    use frs_codes::CatalogueCase;\n    frs_codes::frs_codes!(path = {catalogue:?});\n{PROBE_MODULE}}}\n"
        ));
    }
    main.push_str("fn main() {\n");
    for index in 0..FIXTURES.len() {
        main.push_str(&format!(
            "    println!(\"== {index}\");\n    catalogue{index}::print();\n"
        ));
    }
    main.push_str("}\n");
    consumer.write("src/main.rs", &main);
    let output = consumer
        .run()
        .expect("every imported catalogue compiles and runs");

    let sections: Vec<&str> = output.split("== ").skip(1).collect();
    assert_eq!(sections.len(), FIXTURES.len());
    for (fixture, section) in FIXTURES.iter().zip(sections) {
        let page = fs::read_to_string(fixture_path(fixture)).expect("fixture");
        let mut rows = 0;
        for table in tables(&page, Format::detect(&page)).expect("reads") {
            let column = |names: &[&str]| {
                table.header.iter().position(|cell| {
                    let cell = cell.trim().to_lowercase();
                    names.iter().any(|name| cell == *name)
                })
            };
            let Some(code_column) = column(&["error code", "error codes", "错误码"]) else {
                continue;
            };
            let status_column =
                column(&["status code", "http status code", "状态码", "http状态码"]);
            let message_column = column(&["error message", "message", "错误信息"]);
            let description_column = column(&["description", "描述", "语义", "说明"]);
            for row in &table.rows {
                let cell =
                    |column: Option<usize>| column.map_or("", |column| row.cells[column].trim());
                let code = cell(Some(code_column));
                let description = match cell(description_column) {
                    "" | "-" => cell(message_column),
                    description => description,
                };
                if description.is_empty() {
                    continue; // a note row such as OCR's last one
                }
                rows += 1;
                let statuses: Vec<String> = cell(status_column)
                    .split('/')
                    .filter_map(|part| {
                        part.trim()
                            .get(..3)
                            .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
                    })
                    .map(|status| format!("Some({status})"))
                    .collect();
                let wanted_statuses = if statuses.is_empty() {
                    vec!["None".to_owned()]
                } else {
                    statuses
                };
                for status in wanted_statuses {
                    let found = section.lines().any(|line| {
                        let fields: Vec<&str> = line.split('\t').collect();
                        fields.first() == Some(&code)
                            && fields.get(1) == Some(&status.as_str())
                            && fields.get(3) == Some(&format!("{description:?}").as_str())
                    });
                    assert!(found, "{fixture} line {}: {code} {status} {description:?} is not a case in\n{section}", row.line);
                }
            }
        }
        assert!(rows > 0, "{fixture}: no rows");
    }
}

#[test]
fn import_explains_what_it_cannot_read() {
    let dir = scratch("import-bad");
    let page = dir.join("page.md");
    fs::write(&page, "| Status Code | Error Code | Description |\n|---|---|---|\n| 400 | A.1 | Fine. |\n| 4xx | A.2 | Bad. |\n").expect("write");
    let run = frs_codes(&["import", page.to_str().expect("UTF-8 path")]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains(
            "error: `4xx` in the status column of `A.2` is not an HTTP status (100–599)\n"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("page.md:4:1\n"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let forced = frs_codes(&[
        "import",
        "--format",
        "rst",
        page.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(forced.status, 2);
    assert!(
        forced
            .stderr
            .contains("no error-code table found in the page read as rst"),
        "{}",
        forced.stderr
    );
}

#[test]
fn import_writes_over_the_catalogue_it_merges_into_but_not_over_the_page() {
    let dir = scratch("import-in-place");
    let page = dir.join("page.txt");
    let text = fs::read(workspace_root().join("tests/fixtures/frs-error-codes.txt")).expect("page");
    fs::write(&page, &text).expect("copy");
    let run = support::frs_codes_in(&dir, &["import", "page.txt", "-o", "page.txt"]);
    assert_eq!(
        (run.status, run.stderr.as_str()),
        (
            2,
            "error: `page.txt` is the page being imported; write the catalogue to another file \
             (or to the catalogue given with --merge, to update it)\n"
        )
    );
    assert!(
        fs::read(&page).expect("kept") == text,
        "the page is untouched"
    );

    // Updating a catalogue in place: written whole, through a file beside it.
    fs::copy(workspace_root().join("codes.json"), dir.join("codes.json")).expect("copy");
    let run = support::frs_codes_in(
        &dir,
        &[
            "import",
            "page.txt",
            "--merge",
            "codes.json",
            "-o",
            "codes.json",
        ],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "no differences\nsemver: none\n");
    assert!(
        fs::read(dir.join("codes.json")).expect("written")
            == fs::read(workspace_root().join("codes.json")).expect("codes.json")
    );
    let mut left: Vec<String> = fs::read_dir(&dir)
        .expect("list")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    left.sort();
    assert_eq!(left, ["codes.json", "page.txt"], "no partial file is left");
}

/// A catalogue reached through a link is updated where it lives, and keeps its permissions.
#[cfg(unix)]
#[test]
fn import_in_place_follows_a_link_and_keeps_the_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = scratch("import-through-link");
    fs::create_dir(dir.join("shared")).expect("mkdir");
    let shared = dir.join("shared/codes.json");
    let committed = fs::read_to_string(workspace_root().join("codes.json")).expect("codes.json");
    // A description the page does not have, which the import brings back.
    fs::write(
        &shared,
        committed.replace("The service has been frozen.", "Frozen."),
    )
    .expect("write");
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o640)).expect("chmod");
    std::os::unix::fs::symlink("shared/codes.json", dir.join("link.json")).expect("link");
    let page = workspace_root().join("tests/fixtures/frs-error-codes.txt");
    let run = support::frs_codes_in(
        &dir,
        &[
            "import",
            page.to_str().expect("UTF-8 path"),
            "--merge",
            "link.json",
            "-o",
            "link.json",
        ],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("FRS.0202 description"),
        "{}",
        run.stdout
    );
    assert!(fs::symlink_metadata(dir.join("link.json"))
        .expect("link")
        .file_type()
        .is_symlink());
    assert_eq!(fs::read_to_string(&shared).expect("updated"), committed);
    assert_eq!(
        fs::metadata(&shared).expect("shared").permissions().mode() & 0o777,
        0o640
    );
}
