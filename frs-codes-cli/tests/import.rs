//! `frs-codes import` on real files: the FRS page gives back `codes.json` byte for byte, a bad
//! cell is a warning naming its line (an error with `--strict`), and the catalogue merged into
//! is updated in place. The corpus of real pages is read by `tests/tests/corpus.rs`.

mod support;

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

#[test]
fn import_warns_of_a_bad_cell_and_refuses_it_with_strict() {
    let dir = scratch("import-bad");
    let page = dir.join("page.md");
    fs::write(&page, "| Status Code | Error Code | Description |\n|---|---|---|\n| 400 | A.1 | Fine. |\n| 4xx | A.2 | Bad. |\n").expect("write");
    let page = page.to_str().expect("UTF-8 path");
    let run = frs_codes(&["import", page]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!("warning: {page}:4: `4xx` in the status column of `A.2` is not an HTTP status (100–599): the case is kept without it\n")
    );
    assert!(run.stdout.contains("\"A.2\""), "{}", run.stdout);
    let strict = frs_codes(&["import", "--strict", page]);
    assert_eq!(strict.status, 1);
    assert_eq!(
        strict.stderr,
        format!(
            "error: {page}:4: `4xx` in the status column of `A.2` is not an HTTP status (100–599): the case is kept without it\n\
             error: {page}: 1 warning with --strict; the catalogue is not written\n"
        )
    );
    assert_eq!(strict.stdout, "");
    let forced = frs_codes(&["import", "--format", "rst", page]);
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

/// A CI job watching a vendor's page: `--check` writes nothing and says whether the page still
/// gives the catalogue.
#[test]
fn import_check_exits_1_with_the_diff_when_the_page_has_changed() {
    let dir = scratch("import-check");
    let page = workspace_root().join("tests/fixtures/frs-error-codes.txt");
    let page = page.to_str().expect("UTF-8 path");
    fs::copy(workspace_root().join("codes.json"), dir.join("codes.json")).expect("copy");
    let current =
        support::frs_codes_in(&dir, &["import", page, "--merge", "codes.json", "--check"]);
    assert_eq!(
        (current.status, current.stdout.as_str()),
        (0, ""),
        "{}",
        current.stderr
    );
    let committed = fs::read_to_string(dir.join("codes.json")).expect("codes.json");
    let stale = committed.replace("The service has been frozen.", "Frozen.");
    fs::write(dir.join("codes.json"), &stale).expect("write");
    let changed =
        support::frs_codes_in(&dir, &["import", page, "--merge", "codes.json", "--check"]);
    assert_eq!(changed.status, 1, "{}", changed.stderr);
    assert_eq!(
        changed.stdout,
        "code FRS.0202 description: \"Frozen.\" → \"The service has been frozen.\" (patch)\nsemver: patch\n"
    );
    assert_eq!(
        fs::read_to_string(dir.join("codes.json")).expect("kept"),
        stale,
        "nothing is written"
    );
}

#[test]
fn import_refuses_to_replace_a_catalogue_without_merge_or_force_and_a_page_that_is_not_text() {
    let dir = scratch("import-force");
    let page = workspace_root().join("tests/fixtures/frs-error-codes.txt");
    let page = page.to_str().expect("UTF-8 path");
    fs::write(dir.join("handmade.json"), "{}").expect("write");
    let refused = support::frs_codes_in(&dir, &["import", page, "-o", "handmade.json"]);
    assert_eq!(refused.status, 2);
    assert_eq!(
        refused.stderr,
        "error: `handmade.json` exists; to update that catalogue from the page, give it with --merge too (its hand-made choices are kept), or add --force to replace it\n"
    );
    assert_eq!(
        fs::read_to_string(dir.join("handmade.json")).expect("kept"),
        "{}"
    );
    let forced = support::frs_codes_in(&dir, &["import", page, "-o", "handmade.json", "--force"]);
    assert_eq!(forced.status, 0, "{}", forced.stderr);
    assert!(fs::read_to_string(dir.join("handmade.json"))
        .expect("written")
        .contains("FRS.0202"));

    fs::write(
        dir.join("latin1.txt"),
        b"Error Code\tDescription\nA.1\tCaf\xe9\n",
    )
    .expect("write");
    let not_text = support::frs_codes_in(&dir, &["import", "latin1.txt"]);
    assert_eq!(not_text.status, 2);
    assert_eq!(
        not_text.stderr,
        "error: `latin1.txt`: the page is not UTF-8 text: the byte at offset 30 (line 2) is not part of a UTF-8 character; save the page as UTF-8, or as UTF-16 with a byte-order mark\n"
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Error Code\tDescription\nA.1\tCafé.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    fs::write(dir.join("utf16.txt"), utf16).expect("write");
    let read = support::frs_codes_in(&dir, &["import", "utf16.txt"]);
    assert_eq!(read.status, 0, "{}", read.stderr);
    assert!(
        read.stdout.contains("\"description\": \"Café.\""),
        "{}",
        read.stdout
    );
}
