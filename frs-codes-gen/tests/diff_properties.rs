//! `diff`'s verdict against the generated API: for pairs of catalogues, one an edit of the
//! other, the verdict is `major` exactly when a public item or signature of the expansion
//! differs (a variant, an accessor that becomes or stops being an `Option`, an associated item).

use frs_codes_gen::{diff, Builder, Catalogue, Impact};
use proptest::prelude::*;
use quote::ToTokens;
use std::collections::BTreeSet;

/// One code as a test writes it; the slot it fills gives its number.
#[derive(Clone, Debug)]
struct Spec {
    /// A name code (`Name3`) in the category `Named` instead of `FRS.0003`.
    named: bool,
    name: Option<&'static str>,
    status: Option<u16>,
    message: Option<&'static str>,
    description: &'static str,
    measure: Option<&'static str>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop::bool::weighted(0.2),
        prop::sample::select(vec![None, Some("Alpha"), Some("Beta")]),
        prop::sample::select(vec![Some(400), Some(404), None]),
        prop::sample::select(vec![Some("Bad."), None]),
        prop::sample::select(vec!["One.", "Two."]),
        prop::sample::select(vec![Some("Fix it."), Some("Retry."), None]),
    )
        .prop_map(
            |(named, name, status, message, description, measure)| Spec {
                named,
                name,
                status,
                message,
                description,
                measure,
            },
        )
}

/// A code slot in the old and the new catalogue: mostly the same code with some of its fields
/// taken from another spec, sometimes only in one of them.
fn slot() -> impl Strategy<Value = (Option<Spec>, Option<Spec>)> {
    (spec(), spec(), any::<u8>(), 0..10u8).prop_map(|(old, other, mask, presence)| {
        let bit = |n: u8| mask & (1 << n) != 0;
        let new = Spec {
            named: if bit(0) { other.named } else { old.named },
            name: if bit(1) { other.name } else { old.name },
            status: if bit(2) { other.status } else { old.status },
            message: if bit(3) { other.message } else { old.message },
            description: if bit(4) {
                other.description
            } else {
                old.description
            },
            measure: if bit(5) { other.measure } else { old.measure },
        };
        match presence {
            0 => (Some(old), None),
            1 => (None, Some(new)),
            _ => (Some(old), Some(new)),
        }
    })
}

/// The catalogue of `specs` (slot `i` is code number `i + 1`; a name already taken is left
/// out), or `None` where it has no code.
fn catalogue(specs: &[Option<Spec>], ranged: bool) -> Option<Catalogue> {
    let mut codes = Vec::new();
    let mut any_named = false;
    let mut names = Vec::new();
    for (index, spec) in specs.iter().enumerate() {
        let Some(spec) = spec else { continue };
        let number = index + 1;
        let mut code = if spec.named {
            any_named = true;
            serde_json::json!({"code": format!("Name{number}"), "category": "Named"})
        } else {
            serde_json::json!({"code": format!("FRS.{number:04}")})
        };
        code["description"] = spec.description.into();
        if let Some(name) = spec.name.filter(|name| !names.contains(name)) {
            names.push(name);
            code["name"] = name.into();
        }
        if let Some(status) = spec.status {
            code["status"] = status.into();
        }
        if let Some(message) = spec.message {
            code["message"] = message.into();
        }
        if let Some(measure) = spec.measure {
            code["measure"] = measure.into();
        }
        codes.push(code);
    }
    let mut common =
        serde_json::json!({"name": "Common", "title": "Common errors", "prefix": "FRS"});
    if ranged {
        common["range"] = serde_json::json!([1, 99]);
    }
    let mut categories = vec![common];
    if any_named {
        categories.push(serde_json::json!({"name": "Named", "title": "Named errors"}));
    }
    if codes.is_empty() {
        return None;
    }
    let text = serde_json::json!({"categories": categories, "codes": codes}).to_string();
    Some(frs_codes_gen::parse(&text, "codes.json").unwrap_or_else(|error| panic!("{error}")))
}

/// The public API of the expansion: every public item, variant, field and signature, without
/// docs, bodies or values.
fn api(catalogue: &Catalogue) -> BTreeSet<String> {
    let tokens = Builder::from_catalogue(catalogue.clone())
        .tokens()
        .expect("a valid catalogue expands");
    let file: syn::File = syn::parse2(tokens).expect("the expansion parses");
    let mut api = BTreeSet::new();
    let public = |vis: &syn::Visibility| matches!(vis, syn::Visibility::Public(_));
    let text = |tokens: &dyn ToTokens| tokens.to_token_stream().to_string();
    for item in file.items {
        match item {
            syn::Item::Enum(item) if public(&item.vis) => {
                api.insert(format!("enum {}", item.ident));
                for variant in &item.variants {
                    api.insert(format!("variant {}::{}", item.ident, variant.ident));
                }
            }
            syn::Item::Struct(item) if public(&item.vis) => {
                api.insert(format!("struct {}", item.ident));
                for field in item.fields.iter().filter(|field| public(&field.vis)) {
                    api.insert(format!("field {} {}", item.ident, text(&field.ty)));
                }
            }
            syn::Item::Impl(item) => {
                let owner = match &item.trait_ {
                    Some((path, _)) => format!("<{} as {}>", text(&item.self_ty), text(path)),
                    None => text(&item.self_ty),
                };
                api.insert(format!("impl {owner}"));
                let in_trait = item.trait_.is_some();
                for member in &item.items {
                    match member {
                        syn::ImplItem::Fn(f) if in_trait || public(&f.vis) => {
                            api.insert(format!("fn {owner}::{}", text(&f.sig)));
                        }
                        syn::ImplItem::Const(c) if in_trait || public(&c.vis) => {
                            api.insert(format!("const {owner}::{}: {}", c.ident, text(&c.ty)));
                        }
                        syn::ImplItem::Type(t) if in_trait || public(&t.vis) => {
                            api.insert(format!("type {owner}::{} = {}", t.ident, text(&t.ty)));
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    api
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_verdict_is_major_exactly_when_the_generated_api_differs(
        slots in prop::collection::vec(slot(), 1..5),
        ranged in (any::<bool>(), any::<bool>()),
    ) {
        let (old, new): (Vec<_>, Vec<_>) = slots.into_iter().unzip();
        let (Some(old), Some(new)) = (catalogue(&old, ranged.0), catalogue(&new, ranged.1)) else {
            return Err(TestCaseError::reject("a catalogue without codes"));
        };
        let (old_api, new_api) = (api(&old), api(&new));
        let verdict = diff(&old, &new);
        let gone: Vec<&String> = old_api.difference(&new_api).collect();
        let added: Vec<&String> = new_api.difference(&old_api).collect();
        prop_assert_eq!(
            verdict.impact() == Impact::Major,
            old_api != new_api,
            "diff says:\n{}API gone: {:#?}\nAPI added: {:#?}",
            verdict,
            gone,
            added
        );
    }
}
