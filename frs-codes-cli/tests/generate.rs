//! `frs-codes generate` writes what `frs_codes!` expands to: the same tokens for the bundled
//! catalogue, the expansion sample and every UI sample, and the same problems where the macro
//! refuses a catalogue.

mod support;

use frs_codes_gen::MacroCall;
use quote::ToTokens;
use std::fs;
use std::path::{Path, PathBuf};
use support::{frs_codes, scratch, workspace_file, workspace_root};

/// `tokens` as a flat list in which the formatting a printer may choose is undone: a trailing
/// comma before a closing delimiter is dropped, a string literal is its value (prettyplease
/// writes `#[doc = " x"]` as `/// x`, which parses back as a raw string), and the doc attributes
/// of an item are one, its words separated by single spaces (the generated source wraps the
/// text the macro emits as one attribute into `///` lines).
fn normalized(tokens: proc_macro2::TokenStream) -> Vec<String> {
    use proc_macro2::{Delimiter, TokenTree};
    let mut flat = Vec::new();
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let trees = joined_docs(trees);
    for (index, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::None => ("", ""),
                };
                flat.push(open.to_owned());
                flat.extend(normalized(group.stream()));
                flat.push(close.to_owned());
            }
            TokenTree::Punct(punct) if punct.as_char() == ',' && index + 1 == trees.len() => {}
            TokenTree::Literal(literal) => {
                match syn::parse_str::<syn::LitStr>(&literal.to_string()) {
                    Ok(string) => flat.push(format!("{:?}", string.value())),
                    Err(_) => flat.push(literal.to_string()),
                }
            }
            other => flat.push(other.to_string()),
        }
    }
    flat
}

/// The text of `tree` if it is the `[doc = "..."]` of a doc attribute.
fn doc_text(tree: &proc_macro2::TokenTree) -> Option<String> {
    let proc_macro2::TokenTree::Group(group) = tree else {
        return None;
    };
    let meta: syn::MetaNameValue = syn::parse2(group.stream()).ok()?;
    match meta.value {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) if meta.path.is_ident("doc") => Some(text.value()),
        _ => None,
    }
}

/// `trees` with each run of doc attributes made one, its text's words joined by single spaces.
fn joined_docs(trees: Vec<proc_macro2::TokenTree>) -> Vec<proc_macro2::TokenTree> {
    use proc_macro2::TokenTree;
    let mut joined: Vec<TokenTree> = Vec::new();
    let mut index = 0;
    while index < trees.len() {
        let mut words: Vec<String> = Vec::new();
        let mut end = index;
        while matches!(&trees[end..], [TokenTree::Punct(pound), group, ..] if pound.as_char() == '#' && doc_text(group).is_some())
        {
            let text = doc_text(&trees[end + 1]).expect("checked");
            words.extend(text.split_whitespace().map(str::to_owned));
            end += 2;
        }
        if end == index {
            joined.push(trees[index].clone());
            index += 1;
        } else {
            let text = words.join(" ");
            joined.extend(quote::quote!(#[doc = #text]));
            index = end;
        }
    }
    joined
}

/// Undoes the one rewrite prettyplease makes to the syntax tree: a `match` arm whose body it
/// puts on several lines gets braces, `=> { body }` instead of `=> body`.
struct ArmBodies;

impl syn::visit_mut::VisitMut for ArmBodies {
    fn visit_arm_mut(&mut self, arm: &mut syn::Arm) {
        if let syn::Expr::Block(block) = &*arm.body {
            if let [syn::Stmt::Expr(body, None)] = block.block.stmts.as_slice() {
                if block.label.is_none() && block.attrs.is_empty() {
                    *arm.body = body.clone();
                    arm.comma = Some(Default::default());
                }
            }
        }
        syn::visit_mut::visit_arm_mut(self, arm);
    }
}

/// `file` with arm bodies unwrapped, then [`normalized`].
fn normalized_file(mut file: syn::File) -> Vec<String> {
    syn::visit_mut::VisitMut::visit_file_mut(&mut ArmBodies, &mut file);
    normalized(file.into_token_stream())
}

/// The macro's expansion for `path` and `options` (as written in a call), without the
/// `include_bytes!` that tracks the file (a generated file is regenerated instead), or its
/// errors, each `file:line:col: message`.
fn macro_expansion(path: &Path, options: &str) -> Result<Vec<String>, Vec<String>> {
    macro_expansion_of(&format!("path = {:?}{options}", path.display()))
}

/// Like [`macro_expansion`], for the call's options as written.
fn macro_expansion_of(call: &str) -> Result<Vec<String>, Vec<String>> {
    let call: proc_macro2::TokenStream = call.parse().expect("tokens");
    let expansion = syn::parse2::<MacroCall>(call)
        .and_then(|call| call.expand())
        .map_err(|errors| {
            errors
                .into_iter()
                .map(|error| error.to_string())
                .collect::<Vec<_>>()
        })?;
    let mut file: syn::File = syn::parse2(expansion).expect("items");
    file.items
        .retain(|item| !matches!(item, syn::Item::Const(constant) if constant.ident == "_"));
    Ok(normalized_file(file))
}

/// `frs-codes generate` for `path` with `args`, parsed back into tokens.
fn generated(path: &Path, args: &[&str]) -> Result<Vec<String>, String> {
    let path = path.to_str().expect("UTF-8 path");
    let mut command = vec!["generate", path];
    command.extend(args);
    let run = frs_codes(&command);
    if run.status != 0 {
        // A catalogue it cannot generate from is input it cannot use, not a "no".
        assert_eq!(run.status, 2, "{}", run.stderr);
        return Err(run.stdout + &run.stderr);
    }
    let file: syn::File = syn::parse_str(&run.stdout).expect("generated source parses");
    Ok(normalized_file(file))
}

fn ui_catalogues() -> Vec<PathBuf> {
    let mut catalogues: Vec<PathBuf> = fs::read_dir(workspace_root().join("tests/ui"))
        .expect("tests/ui")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "json").then_some(path)
        })
        .collect();
    catalogues.sort();
    catalogues
}

#[test]
fn generate_and_the_macro_produce_the_same_tokens() {
    let root = workspace_root();
    let cases: [(PathBuf, &str, &[&str]); 3] = [
        (root.join("codes.json"), "", &[]),
        (
            root.join("codes.json"),
            ", name = Frs, category = FrsCategory, parse_error = FrsError, vis = pub(crate), doc_path = my_crate::frs",
            &[
                "--name",
                "Frs",
                "--category",
                "FrsCategory",
                "--parse-error",
                "FrsError",
                "--vis",
                "pub(crate)",
                "--doc-path",
                "my_crate::frs",
            ],
        ),
        (root.join("frs-codes-gen/tests/expansion/small.json"), "", &[]),
    ];
    for (path, options, args) in cases {
        let expected = macro_expansion(&path, options).expect("a valid catalogue");
        let actual = generated(&path, args).expect("generate succeeds");
        assert!(
            actual == expected,
            "{}{options}: tokens differ",
            path.display()
        );
    }
}

#[test]
fn generate_refuses_what_the_macro_refuses_with_the_same_problems() {
    let mut refused = 0;
    for path in ui_catalogues() {
        let expected = macro_expansion(&path, "");
        match (expected, generated(&path, &[])) {
            (Ok(expected), Ok(actual)) => assert!(actual == expected, "{}", path.display()),
            (Err(problems), Err(output)) => {
                refused += 1;
                for problem in problems {
                    let (location, message) = problem
                        .split_once(": ")
                        .filter(|(location, _)| location.contains(".json:"))
                        .unwrap_or(("", &problem));
                    assert!(
                        output.contains(&format!("error: {message}\n")),
                        "{message} in\n{output}"
                    );
                    assert!(output.contains(location), "{location} in\n{output}");
                }
            }
            (expected, actual) => panic!(
                "{}: the macro says {:?}, generate says {:?}",
                path.display(),
                expected.map(|_| "ok"),
                actual.map(|_| "ok")
            ),
        }
    }
    assert!(refused >= 15, "every UI catalogue is refused ({refused})");
}

#[test]
fn generate_writes_a_file_and_check_tells_whether_it_is_current() {
    let dir = scratch("generate-file");
    let out = dir.join("codes.rs");
    let out = out.to_str().expect("UTF-8 path");
    let run = frs_codes(&["generate", "codes.json", "-o", out]);
    assert_eq!((run.status, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    let written = fs::read_to_string(out).expect("written");
    assert!(written.starts_with(
        "// @generated by frs-codes-gen 0.1.0 from the catalogue `codes.json`. Do not edit: edit the\n\
         // catalogue and generate again.\n\n"
    ));
    assert_eq!(written, frs_codes(&["generate"]).stdout);

    let current = frs_codes(&["generate", "codes.json", "-o", out, "--check"]);
    assert_eq!(current.status, 0, "{}", current.stderr);
    fs::write(
        out,
        written.replace("The service has been frozen.", "Frozen."),
    )
    .expect("edit");
    let stale = frs_codes(&["generate", "codes.json", "-o", out, "--check"]);
    assert_eq!(stale.status, 1);
    assert!(stale
        .stderr
        .contains("is not what `frs-codes generate` writes for `codes.json`"));
    assert!(
        fs::read_to_string(out).expect("kept").contains("Frozen."),
        "--check writes nothing"
    );
}

#[test]
fn bad_options_are_reported_like_catalogue_problems() {
    let run = frs_codes(&[
        "generate",
        "codes.json",
        "--name",
        "Error Code",
        "--vis",
        "public",
    ]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains(
            "error: option `name` takes a type name such as `ErrorCode`, not `Error Code`\n"
        ),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("error: option `vis` takes a visibility such as `pub(crate)`, not `public`\n"));
}

#[test]
fn items_named_alike_are_refused_before_anything_is_written() {
    let dir = scratch("generate-same-names");
    let out = dir.join("codes.rs");
    let out = out.to_str().expect("UTF-8 path");
    let run = frs_codes(&[
        "generate",
        "codes.json",
        "--name",
        "ErrorCode",
        "--category",
        "ErrorCode",
        "-o",
        out,
    ]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error: option `name` and option `category` both name a generated type `ErrorCode` \
             (the code enum and the category enum); give each its own name\n"
        ),
        "{}",
        run.stderr
    );
    assert!(!std::path::Path::new(out).exists(), "nothing is written");
}

#[test]
fn generate_will_not_write_over_its_own_catalogue() {
    let dir = scratch("generate-over-catalogue");
    let catalogue = dir.join("codes.json");
    let bundled = fs::read(workspace_root().join("codes.json")).expect("codes.json");
    fs::write(&catalogue, &bundled).expect("copy");
    // The same file, named another way.
    let same = dir.join(".").join("codes.json");
    let run = support::frs_codes_in(
        &dir,
        &[
            "generate",
            "codes.json",
            "-o",
            same.to_str().expect("UTF-8 path"),
        ],
    );
    assert_eq!(
        (run.status, run.stderr),
        (
            2,
            format!(
                "error: `{}` is the catalogue the code is generated from; name the generated \
                 file with -o\n",
                same.display()
            )
        )
    );
    assert!(
        fs::read(&catalogue).expect("kept") == bundled,
        "the catalogue is untouched"
    );
}

/// How the bundled types are regenerated after editing `codes.json`, as the README says.
const REGENERATE_BUNDLED: &str = "cargo run -p frs-codes-cli -- generate codes.json --runtime crate --doc-path frs_codes -o frs-codes/src/codes.rs";

/// The arguments of [`REGENERATE_BUNDLED`] after `--`, without its `-o FILE`.
fn regenerate_bundled_args() -> Vec<&'static str> {
    let args: Vec<&str> = REGENERATE_BUNDLED
        .split_once(" -- ")
        .expect("cargo run ... -- ARGS")
        .1
        .split(' ')
        .collect();
    args[..args.len() - 2].to_vec()
}

#[test]
fn the_bundled_types_are_what_generate_writes_for_codes_json() {
    let checked_in = workspace_file("frs-codes/src/codes.rs");
    let run = frs_codes(&regenerate_bundled_args());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout == checked_in,
        "frs-codes/src/codes.rs is not what `frs-codes generate` writes for codes.json now; \
         regenerate it with `{REGENERATE_BUNDLED}`"
    );
    assert!(
        workspace_file("README.md").contains(REGENERATE_BUNDLED),
        "the README gives the command that regenerates frs-codes/src/codes.rs"
    );
}

#[test]
fn the_bundled_types_are_the_macros_expansion() {
    let checked_in: syn::File =
        syn::parse_str(&workspace_file("frs-codes/src/codes.rs")).expect("the file parses");
    // As the `frs_codes!` of `frs-codes` passes it, the runtime comes first; the path, as
    // generate's, is relative (the docs name it), here to this crate's link to `codes.json`.
    let expansion =
        macro_expansion_of(r#"runtime = crate, path = "codes.json", doc_path = frs_codes"#)
            .expect("the bundled catalogue is valid");
    assert!(
        normalized_file(checked_in) == expansion,
        "frs-codes/src/codes.rs differs from what `frs_codes!` expands to for codes.json"
    );
}
