//! Bad bytes never panic the importer: arbitrary strings, and small pages of every shape damaged
//! at random positions, go through every reader (`tables` in each format) and through `import`
//! (the format detected and each format given). An error is a fine answer; a panic is not.
//!
//! The last test damages each page of the real corpus the same way. The pages are third-party
//! text kept beside the checkout, not in it, so the test is ignored by default; run it with
//!
//! ```sh
//! FRS_CODES_CORPUS=../shared/pages cargo test -p frs-codes-gen --test import_properties -- --include-ignored
//! ```
//!
//! from the workspace root (a relative `FRS_CODES_CORPUS` is taken from there).

use frs_codes_gen::import::{import, tables, Format};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use std::io::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

const HOW_TO_RUN: &str = "FRS_CODES_CORPUS=../shared/pages cargo test -p frs-codes-gen --test import_properties -- --include-ignored";

/// An HTML table with a row span (one code, two statuses) and a column span (a group row).
const HTML_PAGE: &str = r#"<h1>Error codes</h1>
<table>
<thead><tr><th>Status Code</th><th>Error Code</th><th>Error Message</th><th>Description</th><th>Solution</th></tr></thead>
<tbody>
<tr><td colspan="5"><b>Common errors</b></td></tr>
<tr><td>400</td><td rowspan="2">SHOP.0001</td><td>Bad cart.</td><td>The cart id is wrong.</td><td>Send a cart id.</td></tr>
<tr><td>404</td><td>No cart.</td><td>The cart is gone.</td><td>Create the cart again.</td></tr>
<tr><td>500</td><td>SHOP.0002</td><td>Till jammed.</td><td>The till did not answer.</td><td>Try again<br>in a minute.</td></tr>
</tbody>
</table>
"#;

/// A reStructuredText grid table, a cell of two lines included.
const RST_GRID_PAGE: &str = "Error Codes
===========

+-------------+------------+----------------------+---------------------+
| Status Code | Error Code | Error Message        | Solution            |
+=============+============+======================+=====================+
| 400         | SHOP.0001  | The cart id is wrong | Send a cart id.     |
+-------------+------------+----------------------+---------------------+
| 409         | SHOP.0003  | The cart is already  | Wait for the other  |
|             |            | being paid for.      | payment to finish.  |
+-------------+------------+----------------------+---------------------+
";

/// A reStructuredText simple table.
const RST_SIMPLE_PAGE: &str = "Error Codes
-----------

=========== ========== ====================
Status Code Error Code Description
=========== ========== ====================
400         SHOP.0001  The cart id is wrong.
503         SHOP.0004  The shop is closed.
=========== ========== ====================
";

/// A Markdown pipe table under a heading with a range.
const MARKDOWN_PAGE: &str = "# Error codes

## Common errors (error code range: 1–99)

| Status Code | Error Code | Error Message | Description | Solution |
| ----------- | ---------- | ------------- | ----------- | -------- |
| 400 | SHOP.0001 | Bad cart. | The cart id is wrong. | Send a cart id. |
| 403 | SHOP.0005 | Not yours. | The cart is someone else's. | Use your own cart. |
";

/// One cell per line, as a browser copies the FRS-style page, with a title before the header.
const TEXT_PAGE: &str = "Error Codes
Status Code
Error Code
Error Message
Description
Solution
400
SHOP.0001
Bad cart.
The cart id is wrong.
Send a cart id.
500
SHOP.0002
Till jammed.
The till did not answer.
Try again in a minute.
";

/// One cell per line with a blank line between cells, as a documentation site's text view gives
/// it.
const TEXT_VIEW_PAGE: &str = "Status Code

Error Code

Description

400

SHOP.0001

The cart id is wrong.

409

SHOP.0003

The cart is already being paid for.
";

/// Tab-separated rows, as a browser copies a selected table, with prose around them.
const TAB_SEPARATED_PAGE: &str = "Shop API errors

When a call fails, the body names one of these codes.

Status Code\tError Code\tError Message\tDescription\tSolution
400\tSHOP.0001\tBad cart.\tThe cart id is wrong.\tSend a cart id.
404\tSHOP.0006\tNo shelf.\tThe shelf is not there.\tList the shelves first.

Was this page helpful?
";

/// Each seed with the format it is written in.
const SEEDS: [(&str, Format, &str); 7] = [
    ("html", Format::Html, HTML_PAGE),
    ("rst grid", Format::Rst, RST_GRID_PAGE),
    ("rst simple", Format::Rst, RST_SIMPLE_PAGE),
    ("markdown", Format::Markdown, MARKDOWN_PAGE),
    ("text", Format::Text, TEXT_PAGE),
    ("text view", Format::Text, TEXT_VIEW_PAGE),
    ("tab-separated", Format::Text, TAB_SEPARATED_PAGE),
];

/// What damage inserts: the characters that start or end a table's structure in some format,
/// entities, spans far larger than any table, and text from outside ASCII.
const TOKENS: &[&str] = &[
    "<",
    ">",
    "|",
    "+",
    "=",
    "-",
    "\t",
    "\n",
    "\n\n",
    "\r",
    " ",
    "\u{feff}",
    "é",
    "错误码",
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th>",
    "<br>",
    "<!--",
    "-->",
    "<td rowspan=\"100000\">",
    "<td colspan=\"100000\">",
    "<td rowspan=\"0\" colspan=\"0\">",
    "<td rowspan=\"99999999999999999999\">",
    " colspan=\"4294967296\"",
    "&amp;",
    "&#x110000;",
    "&#99999999999;",
    "&",
    "+---+",
    "+===+",
    "===== =====",
    "| --- |",
    "|---|",
    "**",
    "`",
    "Error Code",
    "Status Code",
    "SHOP.",
    "0",
    "(error code range: 1–99)",
];

/// One change to a page; positions are taken modulo the page's length, moved back to a char
/// boundary.
#[derive(Clone, Debug)]
enum Damage {
    Insert(usize, String),
    Delete(usize, usize),
    Truncate(usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        4 => (any::<usize>(), proptest::sample::select(TOKENS))
            .prop_map(|(at, token)| Damage::Insert(at, token.to_owned())),
        2 => (any::<usize>(), any::<char>()).prop_map(|(at, c)| Damage::Insert(at, c.into())),
        2 => (any::<usize>(), 1..40usize).prop_map(|(at, len)| Damage::Delete(at, len)),
        1 => any::<usize>().prop_map(Damage::Truncate),
    ]
}

fn boundary(page: &str, at: usize) -> usize {
    let mut at = at % (page.len() + 1);
    while !page.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn damaged(page: &str, damages: &[Damage]) -> String {
    let mut page = page.to_owned();
    for damage in damages {
        match damage {
            Damage::Insert(at, text) => page.insert_str(boundary(&page, *at), text),
            Damage::Delete(at, len) => {
                let start = boundary(&page, *at);
                let end = boundary(&page, start.saturating_add(*len).min(page.len()));
                page.replace_range(start..end.max(start), "");
            }
            Damage::Truncate(at) => page.truncate(boundary(&page, *at)),
        }
    }
    page
}

/// Every way the public API reads a page; only a panic fails.
fn read_every_way(page: &str) {
    for format in Format::ALL {
        let _ = tables(page, format);
        let _ = import(page, "page", Some(format), None);
    }
    let _ = import(page, "page", None, None);
}

/// Each seed is the shape it stands for, as `import` sees it: damage starts from that format.
#[test]
fn every_seed_is_detected_as_its_format() {
    for (shape, format, page) in SEEDS {
        assert_eq!(Format::detect(page), format, "the {shape} seed");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(page in any::<String>()) {
        read_every_way(&page);
    }

    #[test]
    fn table_like_strings_never_panic(page in "[<>/|+=\\-:\t\n a-zA-Z0-9.\"&;#*]{0,300}") {
        read_every_way(&page);
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn damaged_pages_never_panic(
        seed in proptest::sample::select(&SEEDS[..]),
        damages in proptest::collection::vec(damage(), 1..8),
    ) {
        read_every_way(&damaged(seed.2, &damages));
    }
}

/// The corpus directory `FRS_CODES_CORPUS` names, a relative one taken from the workspace root.
fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("FRS_CODES_CORPUS")?);
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    Some(workspace.join(dir))
}

/// Damaged copies of each corpus page, a few changes each.
const CASES_PER_PAGE: usize = 8;

#[test]
#[ignore = "damages the real pages of the corpus: FRS_CODES_CORPUS=../shared/pages cargo test -p frs-codes-gen --test import_properties -- --include-ignored"]
fn damaged_corpus_pages_never_panic() {
    let Some(dir) = corpus_dir() else {
        // Straight to the stream, past the test harness's capture: the line must be seen.
        let _ = writeln!(
            std::io::stderr(),
            "FRS_CODES_CORPUS is not set, no corpus page read; run {HOW_TO_RUN}"
        );
        return;
    };
    let manifest_path = dir.join("MANIFEST.json");
    let manifest = std::fs::read_to_string(&manifest_path)
        .unwrap_or_else(|error| panic!("{}: {error}", manifest_path.display()));
    let manifest: serde_json::Value = serde_json::from_str(&manifest)
        .unwrap_or_else(|error| panic!("{}: {error}", manifest_path.display()));
    let entries = manifest.as_array().expect("MANIFEST.json lists pages");
    let damages = proptest::collection::vec(damage(), 1..6);
    let mut runner = TestRunner::deterministic();
    let mut panics = Vec::new();
    for entry in entries {
        let file = entry["file"].as_str().expect("a page names its file");
        let page = std::fs::read_to_string(dir.join(file))
            .unwrap_or_else(|error| panic!("{file}: {error}"));
        for _ in 0..CASES_PER_PAGE {
            let damage = damages
                .new_tree(&mut runner)
                .expect("damage is generated")
                .current();
            let read = catch_unwind(AssertUnwindSafe(|| {
                read_every_way(&damaged(&page, &damage))
            }));
            if read.is_err() {
                panics.push(format!("{file}: {damage:?}"));
            }
        }
    }
    println!(
        "{} corpus pages, {CASES_PER_PAGE} damaged copies each, read every way",
        entries.len()
    );
    assert!(
        panics.is_empty(),
        "the importer panicked on:\n{}",
        panics.join("\n")
    );
}
