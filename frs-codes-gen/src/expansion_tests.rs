//! The expansion as users get it: a reviewed snapshot for a small catalogue, byte-identical
//! output for the same input, and no public item beyond the documented API.

use crate::MacroCall;
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use std::collections::BTreeSet;

/// What the macro does with its input tokens.
fn generate(input: TokenStream) -> syn::Result<TokenStream> {
    syn::parse2::<MacroCall>(input)?.expand()
}

/// The reviewed catalogues: `small` has categories by number range far enough apart for
/// `Category::of`'s bucket tables; `counted` has ranges too close for them, which it counts;
/// `imported` has categories by prefix alone and by code, as an imported page does, which
/// `Category::of` answers without the number.
const SNAPSHOTS: [&str; 3] = ["small", "counted", "imported"];

/// The macro's tokens for the sample `name`.
fn generate_sample(name: &str) -> TokenStream {
    let path = format!("tests/expansion/{name}.json");
    generate(quote!(path = #path)).expect("the sample catalogue is valid")
}

fn expand(name: &str) -> String {
    crate::render::unparse(generate_sample(name))
        .expect("the expansion parses as Rust items")
        .replace(env!("CARGO_MANIFEST_DIR"), "$CARGO_MANIFEST_DIR")
}

#[test]
fn expansions_match_the_reviewed_snapshots() {
    for name in SNAPSHOTS {
        let actual = expand(name);
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/expansion/{name}.expanded.rs"));
        if std::env::var_os("FRS_CODES_BLESS").is_some() {
            std::fs::write(&path, &actual).expect("write the snapshot");
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            expected == actual,
            "the expansion of {name}.json changed; review it and run with FRS_CODES_BLESS=1 to \
             accept:\n{actual}"
        );
    }
}

#[test]
fn expansions_are_deterministic() {
    for name in SNAPSHOTS {
        let first = generate_sample(name).to_string();
        assert_eq!(first, generate_sample(name).to_string(), "{name}");
    }
}

/// Every public name the expansion adds, as `Type`, `Type::item` or `Type: Trait`.
fn public_surface(file: &syn::File) -> BTreeSet<String> {
    let mut surface = BTreeSet::new();
    for item in &file.items {
        match item {
            syn::Item::Enum(item) if matches!(item.vis, syn::Visibility::Public(_)) => {
                surface.insert(item.ident.to_string());
            }
            syn::Item::Struct(item) if matches!(item.vis, syn::Visibility::Public(_)) => {
                assert!(item
                    .fields
                    .iter()
                    .all(|field| matches!(field.vis, syn::Visibility::Inherited)));
                surface.insert(item.ident.to_string());
            }
            syn::Item::Impl(item) => {
                let syn::Type::Path(self_path) = &*item.self_ty else {
                    panic!("impl for an unexpected type");
                };
                let self_type = self_path
                    .path
                    .segments
                    .last()
                    .map(|s| s.ident.to_string())
                    .unwrap_or_default();
                if let Some((trait_path, _)) = &item.trait_ {
                    let name = trait_path
                        .segments
                        .last()
                        .map(|s| s.ident.to_string())
                        .unwrap_or_default();
                    surface.insert(format!("{self_type}: {name}"));
                    continue;
                }
                for member in &item.items {
                    match member {
                        syn::ImplItem::Fn(f) if matches!(f.vis, syn::Visibility::Public(_)) => {
                            surface.insert(format!("{self_type}::{}", f.sig.ident));
                        }
                        syn::ImplItem::Const(c) if matches!(c.vis, syn::Visibility::Public(_)) => {
                            surface.insert(format!("{self_type}::{}", c.ident));
                        }
                        _ => {}
                    }
                }
            }
            syn::Item::Const(item) => {
                assert_eq!(item.ident, "_", "only the anonymous tracking const")
            }
            other => panic!("unexpected item in the expansion: {}", quote!(#other)),
        }
    }
    surface
}

#[test]
fn expansions_add_only_the_documented_public_items() {
    let expected: BTreeSet<String> = [
        "ErrorCode",
        "ErrorCode::ALL",
        "ErrorCode::as_str",
        "ErrorCode::prefix",
        "ErrorCode::number",
        "ErrorCode::http_status",
        "ErrorCode::http_statuses",
        "ErrorCode::description",
        "ErrorCode::measure",
        "ErrorCode::category",
        "ErrorCode::from_code",
        "ErrorCode::cases",
        "ErrorCode::message",
        "ErrorCodeCase",
        "ErrorCodeCase::code",
        "ErrorCodeCase::status",
        "ErrorCodeCase::message",
        "ErrorCodeCase::description",
        "ErrorCodeCase::measure",
        "ErrorCodeCase: Debug",
        "ErrorCode: Debug",
        "ErrorCode: Display",
        "ErrorCode: FromStr",
        "ErrorCode: TryFrom",
        "Category",
        "Category::ALL",
        "Category::title",
        "Category::prefix",
        "Category::prefixes",
        "Category::range",
        "Category::codes",
        "Category::of",
        "Category: Display",
        "ErrorCodeParseError",
        "ErrorCodeParseError::input",
        "ErrorCodeParseError::is_truncated",
        "ErrorCodeParseError::is_well_formed",
        "ErrorCodeParseError::category",
        "ErrorCodeParseError: Debug",
        "ErrorCodeParseError: Display",
        "ErrorCodeParseError: Error",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    for name in SNAPSHOTS {
        let file: syn::File = syn::parse2(generate_sample(name)).expect("parses");
        assert_eq!(public_surface(&file), expected, "{name}");
    }
}

/// Damaged catalogues are diagnosed, never a panic: a valid catalogue with each character
/// deleted in turn, and with stray characters put in at many places, goes through the macro.
#[test]
fn damaged_catalogues_give_errors_not_panics() {
    let valid = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/expansion/small.json"
    ))
    .expect("fixture");
    let scratch =
        std::env::temp_dir().join(format!("frs-codes-damaged-{}.json", std::process::id()));
    let path = scratch.display().to_string();
    let mut diagnosed = 0;
    for (position, _) in valid.char_indices() {
        let before = &valid[..position];
        let after = &valid[position..];
        let rest = &after[after.chars().next().map_or(0, char::len_utf8)..];
        let mut damages = vec![format!("{before}{rest}")];
        if position % 4 == 0 {
            damages.extend([
                format!("{before}\"{rest}"),
                format!("{before}0{rest}"),
                format!("{before}[]{rest}"),
            ]);
        }
        for damaged in damages {
            std::fs::write(&scratch, &damaged).expect("write");
            let outcome = std::panic::catch_unwind(|| generate(quote!(path = #path)).map(|_| ()));
            match outcome {
                Ok(Ok(())) => {}
                Ok(Err(error)) => {
                    assert!(!error.to_string().is_empty());
                    diagnosed += 1;
                }
                Err(_) => panic!("the macro panicked on:\n{damaged}"),
            }
        }
    }
    let _ = std::fs::remove_file(&scratch);
    assert!(
        diagnosed > valid.len() / 2,
        "most damage must be diagnosed ({diagnosed})"
    );
}

#[test]
fn a_macro_call_naming_two_items_alike_is_one_error_at_the_second_name() {
    let error = syn::parse2::<MacroCall>(quote!(name = Same, category = Same))
        .err()
        .expect("two items cannot both be `Same`");
    let messages: Vec<String> = error.into_iter().map(|error| error.to_string()).collect();
    assert_eq!(
        messages,
        [
            "option `name` and option `category` both name a generated type `Same` (the code enum \
          and the category enum); give each its own name"
        ]
    );
}

#[test]
fn every_doc_example_imports_only_what_it_uses_and_no_name_takes_an_article() {
    let tokens = generate(quote!(
        path = "tests/expansion/small.json",
        doc_path = my_crate::codes
    ))
    .expect("the sample catalogue is valid");
    let source = crate::render::unparse(tokens).expect("the expansion parses");
    let docs: String = source
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("///"))
        .map(|line| format!("{}\n", line.strip_prefix(' ').unwrap_or(line)))
        .collect();
    let mut examples = 0;
    for block in docs.split("```").skip(1).step_by(2) {
        let Some(import) = block
            .lines()
            .find_map(|line| line.strip_prefix("use my_crate::codes::"))
        else {
            continue;
        };
        examples += 1;
        let names = import
            .trim_end_matches(';')
            .trim_matches(|c| c == '{' || c == '}');
        for name in names.split(", ") {
            let uses = block.matches(name).count();
            assert!(uses > 1, "`{name}` is imported but not used in:\n{block}");
        }
    }
    assert!(examples > 10, "the docs carry examples: {examples}");
    // "a" before a type name reads wrong for half the names a catalogue can choose.
    assert!(!docs.contains(" a [`ErrorCode`]"), "{docs}");
}

#[test]
fn a_default_runtime_gives_the_trait_impls_and_the_call_s_own_runtime_wins() {
    let path = "tests/expansion/small.json";
    let impls_for = |call: MacroCall| {
        let file: syn::File = syn::parse2(call.expand().expect("valid")).expect("items");
        file.items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Impl(item) => item.trait_.as_ref().map(|(path, _)| {
                    let path = path.to_token_stream().to_string();
                    path.rsplit_once(" :: ")
                        .map_or(path.clone(), |(runtime, _)| runtime.to_owned())
                }),
                _ => None,
            })
            .filter(|runtime| runtime.contains("frs"))
            .collect::<BTreeSet<String>>()
    };
    let parse = |input: TokenStream| syn::parse2::<MacroCall>(input).expect("a call");

    assert!(impls_for(parse(quote!(path = #path))).is_empty());
    assert_eq!(
        impls_for(parse(quote!(path = #path)).with_default_runtime(syn::parse_quote!(::frs_codes))),
        BTreeSet::from([":: frs_codes".to_owned()])
    );
    assert_eq!(
        impls_for(
            parse(quote!(path = #path, runtime = frs))
                .with_default_runtime(syn::parse_quote!(::frs_codes))
        ),
        BTreeSet::from(["frs".to_owned()])
    );
}
