//! `frs-codes import`: a vendor's error-code page as a catalogue.

use crate::{complain, failed, print_labelled, same_file, Outcome};
use frs_codes_gen::import::{decode, import, Format, Note, Severity};
use std::io::{IsTerminal as _, Write};
use std::path::{Path, PathBuf};

/// Import a vendor's error-code page (text, HTML, reStructuredText or Markdown) as a catalogue
///
/// Error-code tables are found by their header, in English or Chinese; each row becomes a case
/// of its code. With --merge, the existing catalogue's hand-made choices are kept (variant
/// names, retry classes, category names and titles, field order) and what changed is printed
/// as `diff` prints it.
#[derive(clap::Args)]
pub struct Args {
    /// The page: a file, or an http:// or https:// URL (downloaded with a 30 s timeout, at most
    /// 5 redirects and 16 MiB)
    #[arg(value_name = "DOC")]
    page: PathBuf,
    /// Write the catalogue to OUT instead of standard output
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// The catalogue to merge into
    #[arg(long, value_name = "EXISTING")]
    merge: Option<PathBuf>,
    /// Replace OUT even if it exists and is not the catalogue given with --merge
    #[arg(long)]
    force: bool,
    /// Write nothing; exit with status 1, printing what changed, if the page no longer gives
    /// the catalogue given with --merge (for CI jobs that watch a vendor's page), 0 if it does,
    /// however that file is written
    #[arg(long, requires = "merge", conflicts_with = "output")]
    check: bool,
    /// How the page is written [default: detected from its content]
    #[arg(long, value_enum)]
    format: Option<PageFormat>,
    /// Refuse the page (exit status 1, nothing written) if anything on it had to be mended or
    /// left out: every warning becomes an error
    #[arg(long)]
    strict: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum PageFormat {
    Text,
    Html,
    Rst,
    Markdown,
}

impl From<PageFormat> for Format {
    fn from(format: PageFormat) -> Self {
        match format {
            PageFormat::Text => Format::Text,
            PageFormat::Html => Format::Html,
            PageFormat::Rst => Format::Rst,
            PageFormat::Markdown => Format::Markdown,
        }
    }
}

pub fn run(args: &Args, out: &mut Vec<u8>) -> Outcome {
    let read = |path: &PathBuf| {
        std::fs::read_to_string(path).map_err(|error| {
            complain(&format!("cannot read `{}`: {error}", path.display()));
        })
    };
    let page = match read_page(&args.page) {
        Ok(bytes) => match decode(&bytes) {
            Ok(page) => page,
            Err(error) => {
                complain(&format!("`{}`: {error}", args.page.display()));
                return Outcome::Failed;
            }
        },
        Err(error) => {
            complain(&error);
            return Outcome::Failed;
        }
    };
    if let Some(output) = args
        .output
        .as_deref()
        .filter(|output| same_file(output, &args.page))
    {
        complain(&format!(
            "`{}` is the page being imported; write the catalogue to another file (or to the \
             catalogue given with --merge, to update it)",
            output.display()
        ));
        return Outcome::Failed;
    }
    if let Some(output) = args
        .output
        .as_deref()
        .filter(|output| args.merge.is_none() && !args.force && output.exists())
    {
        complain(&format!(
            "`{}` exists; to update that catalogue from the page, give it with --merge too (its \
             hand-made choices are kept), or add --force to replace it",
            output.display()
        ));
        return Outcome::Failed;
    }
    let existing = match &args.merge {
        Some(path) => match read(path) {
            Ok(text) => Some((text, path.display().to_string())),
            Err(()) => return Outcome::Failed,
        },
        None => None,
    };
    let page_name = args.page.display().to_string();
    let progress = Progress::start(&page_name, page.len());
    let imported = match import(
        &page,
        &page_name,
        args.format.map(Format::from),
        existing
            .as_ref()
            .map(|(text, file)| (text.as_str(), file.as_str())),
    ) {
        Ok(imported) => imported,
        Err(error) => {
            drop(progress);
            return failed(&error);
        }
    };
    drop(progress);
    let mut stderr = anstream::stderr();
    let warnings = print_notes(&mut stderr, &page_name, imported.notes(), args.strict);
    if args.strict && warnings > 0 {
        complain(&format!(
            "{page_name}: {warnings} {} with --strict; the catalogue is not written",
            if warnings == 1 { "warning" } else { "warnings" }
        ));
        return Outcome::No;
    }
    let diff = imported.changes();
    if let (true, Some((text, file))) = (args.check, &existing) {
        if text == imported.text() {
            return Outcome::Done;
        }
        // A catalogue written otherwise by hand (indented, `[403]` for `403`, one case spelled
        // as `cases`) still holds what the page gives: the job watches the page, not the file.
        if diff.is_some_and(|diff| diff.changes().is_empty()) {
            print_labelled(
                &mut stderr,
                "note",
                anstyle::AnsiColor::Cyan,
                &format!(
                    "`{file}` holds what the page gives, written otherwise than import writes \
                     it (`frs-codes import {page_name} --merge {file} -o {file}` rewrites it as \
                     import does)"
                ),
            );
            return Outcome::Done;
        }
        out.extend_from_slice(diff.map(ToString::to_string).unwrap_or_default().as_bytes());
        return Outcome::No;
    }
    let changes = diff.map(ToString::to_string);
    match &args.output {
        None => {
            out.extend_from_slice(imported.text().as_bytes());
            if let Some(changes) = changes {
                let _ = stderr.write_all(changes.as_bytes());
            }
        }
        Some(path) => {
            if let Err(error) = replace_file(path, imported.text()) {
                complain(&format!("cannot write `{}`: {error}", path.display()));
                return Outcome::Failed;
            }
            if let Some(changes) = changes {
                out.extend_from_slice(changes.as_bytes());
            }
        }
    }
    Outcome::Done
}

/// How long a download may take, how many redirects it follows and how large a page may be.
const DOWNLOAD_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);
const MAX_REDIRECTS: u32 = 5;
const MAX_PAGE_BYTES: u64 = 16 << 20;

/// The bytes of the page `source` names: a file, or a URL downloaded within the limits above;
/// `Err` says what went wrong, naming the source.
fn read_page(source: &Path) -> Result<Vec<u8>, String> {
    let text = source.to_string_lossy();
    if !(text.starts_with("http://") || text.starts_with("https://")) {
        return std::fs::read(source)
            .map_err(|error| format!("cannot read `{}`: {error}", source.display()));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(DOWNLOAD_TIMEOUT))
        .max_redirects(MAX_REDIRECTS)
        .build()
        .into();
    let failed = |what: String| format!("cannot download `{text}`: {what}");
    let mut response = agent.get(text.as_ref()).call().map_err(|error| {
        failed(match error {
            ureq::Error::StatusCode(status) => format!("the server answered HTTP {status}"),
            ureq::Error::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
            ureq::Error::Timeout(_) => {
                format!("no whole answer within {} s", DOWNLOAD_TIMEOUT.as_secs())
            }
            other => other.to_string(),
        })
    })?;
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_PAGE_BYTES)
        .read_to_vec()
        .map_err(|error| {
            failed(match error {
                ureq::Error::BodyExceedsLimit(_) => {
                    format!("the page is larger than {} MiB", MAX_PAGE_BYTES >> 20)
                }
                other => other.to_string(),
            })
        })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(failed("the answer is empty, not a page".to_owned()));
    }
    Ok(bytes)
}

/// Pages larger than this get a progress line while they are imported.
const LONG_PAGE: usize = 1 << 20;

/// A line on a terminal's standard error saying which long page is being imported, erased
/// when dropped; nothing for a short page or when standard error is not a terminal.
struct Progress(bool);

impl Progress {
    fn start(page: &str, bytes: usize) -> Self {
        let shown = bytes >= LONG_PAGE && std::io::stderr().is_terminal();
        if shown {
            let _ = write!(
                std::io::stderr(),
                "importing {page} ({:.1} MB)…",
                bytes as f64 / 1e6
            );
        }
        Progress(shown)
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if self.0 {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}

/// Prints the import's notes as the compiler prints its diagnostics, `warning: page:12: …`
/// (errors under --strict); the number of warnings.
fn print_notes(out: &mut impl Write, page: &str, notes: &[Note], strict: bool) -> usize {
    let mut warnings = 0;
    for note in notes {
        let (label, color) = match note.severity {
            Severity::Warning if strict => ("error", anstyle::AnsiColor::Red),
            Severity::Warning => ("warning", anstyle::AnsiColor::Yellow),
            _ => ("note", anstyle::AnsiColor::Cyan),
        };
        if note.severity == Severity::Warning {
            warnings += 1;
        }
        let place = note
            .line
            .map_or_else(|| page.to_owned(), |line| format!("{page}:{line}"));
        print_labelled(out, label, color, &format!("{place}: {}", note.message));
    }
    warnings
}

/// Writes `text` to `path` through a file beside it, renamed over `path` once complete, so that
/// a write that fails halfway (a full disk) leaves the catalogue as it was: with --merge, `path`
/// is often the catalogue being updated. A link is followed, so the file it names is replaced
/// and the link kept, and the file keeps its permissions.
fn replace_file(path: &Path, text: &str) -> std::io::Result<()> {
    if path.is_dir() {
        return Err(std::io::Error::other("it is a directory"));
    }
    let existing = std::fs::canonicalize(path).ok();
    let target = existing.as_deref().unwrap_or(path);
    let Some(name) = target.file_name() else {
        return std::fs::write(path, text);
    };
    // Named after this process too, so that no file of the user's is taken for it.
    let mut partial = name.to_owned();
    partial.push(format!(".{}.partial", std::process::id()));
    let partial = target.with_file_name(partial);
    let written = std::fs::write(&partial, text).and_then(|()| {
        if existing.is_some() {
            std::fs::set_permissions(&partial, std::fs::metadata(target)?.permissions())?;
        }
        std::fs::rename(&partial, target)
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}
