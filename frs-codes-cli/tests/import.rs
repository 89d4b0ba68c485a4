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

/// A catalogue written otherwise by hand (re-indented, one status as a list) still holds what
/// the page gives: `--check` passes (it watches the page, not the file) and says how to get
/// import's layout back.
#[test]
fn import_check_passes_a_catalogue_only_written_otherwise() {
    let dir = scratch("import-check-layout");
    let page = workspace_root().join("tests/fixtures/frs-error-codes.txt");
    let page = page.to_str().expect("UTF-8 path");
    let committed = fs::read_to_string(workspace_root().join("codes.json")).expect("codes.json");
    let reindented = committed.trim_end().replace('\n', "\n    ");
    let listed_status = committed.replacen("\"status\": 400,", "\"status\": [400],", 1);
    for rewritten in [reindented, listed_status] {
        assert_ne!(rewritten, committed);
        fs::write(dir.join("codes.json"), &rewritten).expect("write");
        let check =
            support::frs_codes_in(&dir, &["import", page, "--merge", "codes.json", "--check"]);
        let note = format!(
            "note: `codes.json` holds what the page gives, written otherwise than import writes \
             it (`frs-codes import {page} --merge codes.json -o codes.json` rewrites it as \
             import does)\n"
        );
        assert_eq!(
            (check.status, check.stdout.as_str(), check.stderr.as_str()),
            (0, "", note.as_str())
        );
        assert_eq!(
            fs::read_to_string(dir.join("codes.json")).expect("kept"),
            rewritten,
            "nothing is written"
        );
    }
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

/// A server on 127.0.0.1 answering each request by its path with `answer` (status line, extra
/// headers, body), for as long as the test runs; its base URL.
fn serve(answer: impl Fn(&str) -> (String, String, Vec<u8>) + Send + 'static) -> String {
    use std::io::{BufRead as _, BufReader, Write as _};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut request = String::new();
            let _ = reader.read_line(&mut request);
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|read| read > 2) {
                header.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let (status, extra, body) = answer(&path);
            let mut stream = stream;
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{address}")
}

#[test]
fn import_downloads_a_page_by_its_url_within_bounds() {
    let page = "| Status Code | Error Code | Description |\n|---|---|---|\n| 400 | A.1 | Fine. |\n";
    let base = serve(move |path| {
        let ok = |body: Vec<u8>| ("200 OK".to_owned(), String::new(), body);
        match path {
            "/page.md" => ok(page.as_bytes().to_vec()),
            "/loop" => (
                "302 Found".to_owned(),
                "Location: /loop\r\n".to_owned(),
                Vec::new(),
            ),
            "/big" => ok(vec![b'x'; 17 << 20]),
            "/empty" => ok(Vec::new()),
            _ => (
                "404 Not Found".to_owned(),
                String::new(),
                b"no such page".to_vec(),
            ),
        }
    });
    let url = format!("{base}/page.md");
    let run = frs_codes(&["import", &url]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let dir = scratch("import-url");
    fs::write(dir.join("page.md"), page).expect("write");
    let from_file = support::frs_codes_in(&dir, &["import", "page.md"]);
    assert_eq!(
        run.stdout, from_file.stdout,
        "the URL gives what the file gives"
    );
    for (path, why) in [
        ("/missing", "the server answered HTTP 404"),
        ("/loop", "more than 5 redirects"),
        ("/big", "the page is larger than 16 MiB"),
        ("/empty", "the answer is empty, not a page"),
    ] {
        let url = format!("{base}{path}");
        let run = frs_codes(&["import", &url]);
        assert_eq!(
            (run.status, run.stderr.as_str()),
            (
                2,
                format!("error: cannot download `{url}`: {why}\n").as_str()
            ),
            "{path}"
        );
        assert_eq!(run.stdout, "");
    }
}

/// Every page of the corpus (`FRS_CODES_CORPUS`), served over 127.0.0.1, imports by its URL
/// exactly as from its file.
#[test]
#[ignore = "reads the real pages of the corpus: FRS_CODES_CORPUS=../shared/pages cargo test --workspace -- --include-ignored"]
fn every_corpus_page_imports_by_url_as_from_its_file() {
    let Some(corpus) = std::env::var_os("FRS_CODES_CORPUS") else {
        panic!("FRS_CODES_CORPUS is not set: FRS_CODES_CORPUS=../shared/pages cargo test --workspace -- --include-ignored");
    };
    let corpus = workspace_root().join(corpus);
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(corpus.join("MANIFEST.json")).expect("manifest"))
            .expect("manifest JSON");
    let files: Vec<String> = manifest
        .as_array()
        .expect("a list")
        .iter()
        .map(|entry| entry["file"].as_str().expect("file").to_owned())
        .collect();
    let (served, served_files) = (corpus.clone(), files.clone());
    let base = serve(move |path| {
        let file = path
            .trim_start_matches('/')
            .parse::<usize>()
            .ok()
            .and_then(|index| served_files.get(index));
        match file.map(|file| std::fs::read(served.join(file))) {
            Some(Ok(bytes)) => ("200 OK".to_owned(), String::new(), bytes),
            _ => ("404 Not Found".to_owned(), String::new(), Vec::new()),
        }
    });
    for (index, file) in files.iter().enumerate() {
        let path = corpus.join(file);
        let from_file = frs_codes(&["import", path.to_str().expect("UTF-8 path")]);
        let from_url = frs_codes(&["import", &format!("{base}/{index}")]);
        assert_eq!(
            from_url.status, from_file.status,
            "{file}: {}",
            from_url.stderr
        );
        assert!(
            from_url.stdout == from_file.stdout,
            "{file}: the URL gives another catalogue"
        );
    }
}
