//! `frs-codes diff`: what changed between two catalogues, and the semver bump it calls for.

use crate::{failed, CatalogueArg, Outcome};
use std::path::PathBuf;

/// Compare two catalogues: codes added, removed and renamed, fields changed, and the semver
/// impact on a crate that publishes the generated enums
///
/// Impacts are named after cargo-semver-checks' lints: a variant added to the exhaustive enum
/// (`enum_variant_added`) or removed or renamed (`enum_variant_missing`) is major, and so is an
/// accessor that becomes or stops being an `Option`; other data a caller observes (statuses,
/// retry classes, ranges, order) is minor; text only is a patch. The
/// last line is `semver: major`, `minor`, `patch` or `none`; the exit status is 0 either way.
#[derive(clap::Args)]
pub struct Args {
    /// The older catalogue; given alone, the newer one, compared with --catalogue (or the
    /// bundled FRS catalogue)
    #[arg(value_name = "OLD")]
    old: PathBuf,
    /// The newer catalogue
    #[arg(value_name = "NEW")]
    new: Option<PathBuf>,
    #[command(flatten)]
    catalogue: CatalogueArg,
}

pub fn run(args: &Args, out: &mut Vec<u8>) -> Outcome {
    let (old, new) = match &args.new {
        Some(new) => (frs_codes_gen::load(&args.old), frs_codes_gen::load(new)),
        None => (args.catalogue.load(), frs_codes_gen::load(&args.old)),
    };
    let (old, new) = match (old, new) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(error), _) | (_, Err(error)) => return failed(&error),
    };
    out.extend_from_slice(frs_codes_gen::diff(&old, &new).to_string().as_bytes());
    Outcome::Done
}
