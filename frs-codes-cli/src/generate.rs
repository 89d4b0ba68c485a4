//! `frs-codes generate`: the macro's items as a source file to check in.

use crate::{complain, failed, same_file, Outcome};
use frs_codes_gen::Builder;
use std::path::PathBuf;

/// Generate the Rust source `frs_codes!` expands to, formatted, for a file to check in
///
/// The file holds the same items as the macro's expansion and needs nothing but `core` (unless
/// --runtime is given). Include it as a module or with `include!`.
#[derive(clap::Args)]
pub struct Args {
    /// The catalogue
    #[arg(default_value = "codes.json")]
    file: PathBuf,
    /// Write the source to OUT instead of standard output
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Write nothing; exit with status 1 if OUT does not hold exactly what would be written
    /// (for CI: a checked-in file that is out of date)
    #[arg(long, requires = "output")]
    check: bool,
    /// The code enum's name [default: ErrorCode]
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// The category enum's name [default: Category]
    #[arg(long, value_name = "NAME")]
    category: Option<String>,
    /// The case type's name [default: the code enum's name + Case]
    #[arg(long, value_name = "NAME")]
    case: Option<String>,
    /// The parse error's name [default: the code enum's name + ParseError]
    #[arg(long, value_name = "NAME")]
    parse_error: Option<String>,
    /// The visibility of every item, e.g. `pub(crate)` [default: pub]
    #[arg(long, value_name = "VISIBILITY")]
    vis: Option<String>,
    /// The path users name the types by, e.g. `my_crate::errors`; with it the docs carry
    /// examples, which run as doctests of the crate
    #[arg(long, value_name = "PATH")]
    doc_path: Option<String>,
    /// The path of the frs-codes crate (e.g. `::frs_codes`) when the crate depends on it: the
    /// types then implement its traits, so that `ApiError` reads responses with them
    #[arg(long, value_name = "PATH")]
    runtime: Option<String>,
}

pub fn run(args: &Args, out: &mut Vec<u8>) -> Outcome {
    let catalogue = match frs_codes_gen::load(&args.file) {
        Ok(catalogue) => catalogue,
        Err(error) => return failed(&error),
    };
    if let Some(output) = args
        .output
        .as_deref()
        .filter(|output| same_file(output, &args.file))
    {
        complain(&format!(
            "`{}` is the catalogue the code is generated from; name the generated file with -o",
            output.display()
        ));
        return Outcome::Failed;
    }
    let mut builder = Builder::from_catalogue(catalogue);
    type Setter = for<'a> fn(&'a mut Builder, &str) -> &'a mut Builder;
    let settings: [(&Option<String>, Setter); 7] = [
        (&args.name, Builder::name),
        (&args.category, Builder::category),
        (&args.case, Builder::case),
        (&args.parse_error, Builder::parse_error),
        (&args.vis, Builder::vis),
        (&args.doc_path, Builder::doc_path),
        (&args.runtime, Builder::runtime),
    ];
    for (value, set) in settings {
        if let Some(value) = value {
            set(&mut builder, value);
        }
    }
    let source = match builder.source() {
        Ok(source) => source,
        // Only the options can be wrong here: the catalogue was checked above.
        Err(error) => return failed(&error),
    };
    match (&args.output, args.check) {
        (None, _) => {
            out.extend_from_slice(source.as_bytes());
            Outcome::Done
        }
        (Some(path), _) if path.is_dir() => {
            complain(&format!(
                "`{}` is a directory; -o names the generated file, e.g. `{}`",
                path.display(),
                path.join("codes.rs").display()
            ));
            Outcome::Failed
        }
        (Some(path), true) => match std::fs::read_to_string(path) {
            Ok(existing) if existing == source => Outcome::Done,
            Ok(_) => {
                complain(&format!(
                    "`{}` is not what `frs-codes generate` writes for `{}`; generate it again \
                     (the same command without --check)",
                    path.display(),
                    args.file.display()
                ));
                Outcome::No
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                complain(&format!(
                    "`{}` does not exist; generate it from `{}` (the same command without --check)",
                    path.display(),
                    args.file.display()
                ));
                Outcome::No
            }
            Err(error) => {
                complain(&format!("cannot read `{}`: {error}", path.display()));
                Outcome::Failed
            }
        },
        (Some(path), false) => match builder.write_to(path) {
            Ok(()) => Outcome::Done,
            Err(error) => failed(&error),
        },
    }
}
