//! What to generate and how to name it: the options of `frs_codes!(...)`, of [`Builder`] and of
//! `frs-codes generate`, read from the macro call's tokens or from strings.
//!
//! [`Builder`]: crate::Builder

use proc_macro2::Span;
use quote::format_ident;
use syn::ext::IdentExt;
use syn::parse::Parse;
use syn::{Ident, Path, Visibility};

/// The options users write, each with what its value must be (the "takes ..." of messages).
pub(crate) const OPTIONS: [(&str, &str); 8] = [
    ("path", "a string literal such as \"codes.json\""),
    ("name", "a type name such as `ErrorCode`"),
    ("category", "a type name such as `Category`"),
    ("case", "a type name such as `ErrorCodeCase`"),
    ("parse_error", "a type name such as `ErrorCodeParseError`"),
    ("vis", "a visibility such as `pub(crate)`"),
    ("doc_path", "a path such as `my_crate::errors`"),
    ("runtime", "a path such as `frs_codes`"),
];

/// The options that name generated types, in the order of [`Options`]' fields: the option,
/// the item it names, and where its default comes from.
const TYPE_OPTIONS: [(&str, &str, &str); 4] = [
    ("name", "the code enum", "`ErrorCode`"),
    ("category", "the category enum", "`Category`"),
    ("case", "the case struct", "option `name` + `Case`"),
    (
        "parse_error",
        "the parse error",
        "option `name` + `ParseError`",
    ),
];

/// "`a`, `b` and `c`".
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Why the generated types `members` (indexes into [`TYPE_OPTIONS`]), all named `name`, cannot
/// be, naming the options that chose each name and what to change.
fn clash_message(name: &str, members: &[usize], given: [bool; 4]) -> String {
    let both = if members.len() == 2 { "both" } else { "all" };
    let (chosen, defaulted): (Vec<usize>, Vec<usize>) =
        members.iter().partition(|&&index| given[index]);
    let option = |index: usize| format!("option `{}`", TYPE_OPTIONS[index].0);
    let item = |index: usize| TYPE_OPTIONS[index].1.to_owned();
    if defaulted.is_empty() {
        return format!(
            "{} {both} name a generated type `{name}` ({}); give each its own name",
            listed(
                &members
                    .iter()
                    .map(|&index| option(index))
                    .collect::<Vec<_>>()
            ),
            listed(&members.iter().map(|&index| item(index)).collect::<Vec<_>>()),
        );
    }
    let described: Vec<String> = members
        .iter()
        .map(|&index| {
            if given[index] {
                option(index)
            } else {
                let (_, what, default) = TYPE_OPTIONS[index];
                format!("{}'s default name ({default})", what)
            }
        })
        .collect();
    let rename = match chosen.as_slice() {
        [one] => format!("give {} another name", item(*one)),
        _ => format!(
            "give {} other names",
            listed(&chosen.iter().map(|&index| item(index)).collect::<Vec<_>>())
        ),
    };
    format!(
        "{} are {both} `{name}`; {rename}, or set {}",
        listed(&described),
        listed(
            &defaulted
                .iter()
                .map(|&index| option(index))
                .collect::<Vec<_>>()
        ),
    )
}

/// Every choice expansion needs besides the catalogue, defaults filled in.
pub(crate) struct Options {
    pub code_type: Ident,
    pub category_type: Ident,
    pub case_type: Ident,
    pub parse_error_type: Ident,
    pub vis: Visibility,
    /// Path under which rustdoc examples name the generated types; no examples without it,
    /// because they would become doctests of the calling crate.
    pub doc_path: Option<Path>,
    /// The path of the `frs-codes` runtime crate. With it the generated types implement the
    /// runtime's traits and get its serde impls; without it the output depends on `core` alone.
    pub runtime: Option<Path>,
}

impl Options {
    /// The options with defaults filled in, or, for generated types that would share a name,
    /// one message per name, at the last of its options given.
    pub(crate) fn with_defaults(
        code_type: Option<Ident>,
        category_type: Option<Ident>,
        case_type: Option<Ident>,
        parse_error_type: Option<Ident>,
        vis: Option<Visibility>,
        doc_path: Option<Path>,
        runtime: Option<Path>,
    ) -> Result<Self, Vec<(Span, String)>> {
        let given = [
            code_type.is_some(),
            category_type.is_some(),
            case_type.is_some(),
            parse_error_type.is_some(),
        ];
        let code_type = code_type.unwrap_or_else(|| Ident::new("ErrorCode", Span::call_site()));
        let parse_error_type =
            parse_error_type.unwrap_or_else(|| format_ident!("{}ParseError", code_type.unraw()));
        let case_type = case_type.unwrap_or_else(|| format_ident!("{}Case", code_type.unraw()));
        let options = Options {
            case_type,
            code_type,
            category_type: category_type
                .unwrap_or_else(|| Ident::new("Category", Span::call_site())),
            parse_error_type,
            vis: vis.unwrap_or_else(|| syn::parse_quote!(pub)),
            doc_path,
            runtime,
        };
        let clashes = options.clashes(given);
        if clashes.is_empty() {
            Ok(options)
        } else {
            Err(clashes)
        }
    }

    /// Generated types that would share a name: two items of one name do not compile, and
    /// rustc's errors about them point into the expansion, not at the options that chose it.
    fn clashes(&self, given: [bool; 4]) -> Vec<(Span, String)> {
        let types = [
            &self.code_type,
            &self.category_type,
            &self.case_type,
            &self.parse_error_type,
        ];
        let mut seen: Vec<String> = Vec::new();
        let mut clashes = Vec::new();
        for ident in types {
            let name = ident.unraw().to_string();
            if seen.contains(&name) {
                continue;
            }
            seen.push(name.clone());
            let members: Vec<usize> = (0..types.len())
                .filter(|&index| types[index].unraw() == name)
                .collect();
            if members.len() < 2 {
                continue;
            }
            let span = members
                .iter()
                .rev()
                .find(|&&index| given[index])
                .map_or_else(Span::call_site, |&index| types[index].span());
            clashes.push((span, clash_message(&name, &members, given)));
        }
        clashes
    }
    /// The options given as strings (by [`Builder`](crate::Builder) or the command), or the
    /// message for each one that does not parse.
    pub fn from_strings(settings: &Settings) -> Result<Self, Vec<String>> {
        let mut problems = Vec::new();
        let code_type = parse_setting("name", &settings.name, &mut problems);
        let category_type = parse_setting("category", &settings.category, &mut problems);
        let case_type = parse_setting("case", &settings.case, &mut problems);
        let parse_error_type = parse_setting("parse_error", &settings.parse_error, &mut problems);
        let vis = parse_setting("vis", &settings.vis, &mut problems);
        let doc_path = parse_setting("doc_path", &settings.doc_path, &mut problems);
        let runtime = parse_setting("runtime", &settings.runtime, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        Options::with_defaults(
            code_type,
            category_type,
            case_type,
            parse_error_type,
            vis,
            doc_path,
            runtime,
        )
        .map_err(|clashes| clashes.into_iter().map(|(_, message)| message).collect())
    }
}

/// `value` parsed as the option `key` takes, or `None` with a message in `problems`.
fn parse_setting<T: Parse>(
    key: &str,
    value: &Option<String>,
    problems: &mut Vec<String>,
) -> Option<T> {
    let value = value.as_deref()?;
    match syn::parse_str(value) {
        Ok(parsed) => Some(parsed),
        Err(_) => {
            let (_, expected) = OPTIONS
                .iter()
                .find(|(name, _)| *name == key)
                .expect("every setting is an option of OPTIONS");
            problems.push(format!("option `{key}` takes {expected}, not `{value}`"));
            None
        }
    }
}

/// Options as strings, as a build script or the command line gives them.
#[derive(Clone, Debug, Default)]
pub(crate) struct Settings {
    pub name: Option<String>,
    pub category: Option<String>,
    pub case: Option<String>,
    pub parse_error: Option<String>,
    pub vis: Option<String>,
    pub doc_path: Option<String>,
    pub runtime: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::ToTokens;

    #[test]
    fn strings_become_options_or_say_what_they_take() {
        let options = Options::from_strings(&Settings {
            name: Some("GatewayCode".to_owned()),
            vis: Some("pub(crate)".to_owned()),
            runtime: Some("::frs_codes".to_owned()),
            ..Settings::default()
        })
        .unwrap_or_else(|problems| panic!("{problems:?}"));
        assert_eq!(options.code_type, "GatewayCode");
        assert_eq!(options.parse_error_type, "GatewayCodeParseError");
        assert_eq!(options.category_type, "Category");
        assert_eq!(options.vis.to_token_stream().to_string(), "pub (crate)");

        // Every setting, so that each names an option whose "takes ..." the message can give.
        let problems = Options::from_strings(&Settings {
            name: Some("Gateway Code".to_owned()),
            category: Some("1Category".to_owned()),
            case: Some("Case!".to_owned()),
            parse_error: Some("Parse-Error".to_owned()),
            vis: Some("public".to_owned()),
            doc_path: Some("my crate".to_owned()),
            runtime: Some("frs codes".to_owned()),
        })
        .err()
        .expect("no value parses");
        assert_eq!(
            problems,
            [
                "option `name` takes a type name such as `ErrorCode`, not `Gateway Code`",
                "option `category` takes a type name such as `Category`, not `1Category`",
                "option `case` takes a type name such as `ErrorCodeCase`, not `Case!`",
                "option `parse_error` takes a type name such as `ErrorCodeParseError`, not \
                 `Parse-Error`",
                "option `vis` takes a visibility such as `pub(crate)`, not `public`",
                "option `doc_path` takes a path such as `my_crate::errors`, not `my crate`",
                "option `runtime` takes a path such as `frs_codes`, not `frs codes`",
            ]
        );
    }

    fn names(settings: Settings) -> Vec<String> {
        Options::from_strings(&settings)
            .err()
            .expect("two generated items share a name")
    }

    #[test]
    fn generated_items_sharing_a_name_are_one_problem_naming_both_options() {
        let same = names(Settings {
            name: Some("ErrorCode".to_owned()),
            category: Some("ErrorCode".to_owned()),
            ..Settings::default()
        });
        assert_eq!(
            same,
            [
                "option `name` and option `category` both name a generated type `ErrorCode` \
              (the code enum and the category enum); give each its own name"
            ]
        );
        let derived = names(Settings {
            name: Some("Gateway".to_owned()),
            category: Some("GatewayParseError".to_owned()),
            ..Settings::default()
        });
        assert_eq!(
            derived,
            ["option `category` and the parse error's default name (option `name` + `ParseError`) \
              are both `GatewayParseError`; give the category enum another name, or set option \
              `parse_error`"]
        );
        let defaulted = names(Settings {
            name: Some("Category".to_owned()),
            ..Settings::default()
        });
        assert_eq!(
            defaulted,
            [
                "option `name` and the category enum's default name (`Category`) are both \
              `Category`; give the code enum another name, or set option `category`"
            ]
        );
        let three = names(Settings {
            name: Some("Same".to_owned()),
            category: Some("Same".to_owned()),
            case: Some("Same".to_owned()),
            ..Settings::default()
        });
        assert_eq!(
            three,
            [
                "option `name`, option `category` and option `case` all name a generated type \
              `Same` (the code enum, the category enum and the case struct); give each its own \
              name"
            ]
        );
        // Raw identifiers name the same type as plain ones.
        let raw = names(Settings {
            category: Some("r#ErrorCode".to_owned()),
            ..Settings::default()
        });
        assert_eq!(raw.len(), 1, "{raw:?}");
    }
}
