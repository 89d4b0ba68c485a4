//! `frs-codes`: error-code catalogues from the shell.
//!
//! A thin front end over `frs-codes-gen`: it explains and lists codes, checks catalogues
//! as the `frs_codes!` macro does (shown the way rustc shows errors), generates the macro's
//! items as source, prints the catalogue format's JSON Schema and compares catalogues.
//!
//! Exit status: 0 when the command did what was asked; 1 when the answer is "no" (a code that is
//! not listed, a catalogue with problems, a generated file that is out of date); 2 when the
//! command could not do its job (bad arguments, an input that cannot be read or is not valid).

mod check;
mod describe;
mod diff;
mod explain;
mod generate;
mod import;
mod list;
mod serve;

use clap::{Parser, Subcommand};
use frs_codes_gen::{Catalogue, Error};
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// The FRS catalogue this command was built with: Huawei Cloud Face Recognition Service.
const BUNDLED: &str = include_str!("../codes.json");
const BUNDLED_NAME: &str = "the bundled FRS catalogue";

#[derive(Parser)]
#[command(
    name = "frs-codes",
    version,
    about = "Explain, list, check, generate, compare and import error-code catalogues, and serve their errors",
    long_about = "Explain, list, check, generate, compare and import error-code catalogues, and serve their errors.\n\n\
        A catalogue is the JSON file `frs_codes!` reads: codes with their HTTP statuses, \
        descriptions and measures, in categories of number ranges. Without --catalogue, \
        explain, list, diff and serve use the bundled Huawei Cloud FRS catalogue.",
    after_help = "Exit status: 0 done; 1 the answer is no (unknown code, problems found, file \
        out of date); 2 the command could not run (bad arguments, unreadable or invalid input)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Explain(explain::Args),
    List(list::Args),
    Check(check::Args),
    Generate(generate::Args),
    /// Print the catalogue format's JSON Schema (the document `codes.schema.json`)
    Schema,
    Diff(diff::Args),
    Import(import::Args),
    Serve(serve::Args),
}

/// `--catalogue FILE`, shared by the commands that read one catalogue.
#[derive(clap::Args)]
struct CatalogueArg {
    /// The catalogue to read [default: the bundled FRS catalogue]
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
}

impl CatalogueArg {
    fn load(&self) -> Result<Catalogue, Error> {
        match &self.catalogue {
            Some(path) => frs_codes_gen::load(path),
            None => bundled(),
        }
    }
}

fn bundled() -> Result<Catalogue, Error> {
    frs_codes_gen::parse(BUNDLED, BUNDLED_NAME)
}

/// What a command concluded; see the crate docs for the meaning of each.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Outcome {
    Done,
    No,
    Failed,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        ExitCode::from(outcome as u8)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = Vec::new();
    let outcome = match cli.command {
        Command::Explain(args) => explain::run(&args, &mut out),
        Command::List(args) => list::run(&args, &mut out),
        Command::Check(args) => check::run(&args, &mut out),
        Command::Generate(args) => generate::run(&args, &mut out),
        Command::Schema => {
            out.extend_from_slice(frs_codes_gen::SCHEMA.as_bytes());
            Outcome::Done
        }
        Command::Diff(args) => diff::run(&args, &mut out),
        Command::Import(args) => import::run(&args, &mut out),
        Command::Serve(args) => serve::run(&args),
    };
    // A closed pipe (`frs-codes list | head`) is the reader's choice, not an error worth a panic.
    let mut stdout = anstream::stdout();
    let _ = stdout.write_all(&out).and_then(|()| stdout.flush());
    outcome.into()
}

/// Shows `error` on standard error, each problem in context as rustc would, and says the
/// command could not do its job.
fn failed(error: &Error) -> Outcome {
    let mut stderr = anstream::stderr();
    let _ = stderr.write_all(check::render(error).as_bytes());
    Outcome::Failed
}

/// Whether `output` names the file `input` is: an output that would overwrite its own input.
fn same_file(output: &std::path::Path, input: &std::path::Path) -> bool {
    match (std::fs::canonicalize(output), std::fs::canonicalize(input)) {
        (Ok(output), Ok(input)) => output == input,
        _ => false,
    }
}

/// A one-line error on standard error, styled like the others.
fn complain(message: &str) {
    print_labelled(
        &mut anstream::stderr(),
        "error",
        anstyle::AnsiColor::Red,
        message,
    );
}

/// One line `label: message`, the label bold in `color` where colour is used.
fn print_labelled(
    out: &mut impl std::io::Write,
    label: &str,
    color: anstyle::AnsiColor,
    message: &str,
) {
    let style = anstyle::Style::new().bold().fg_color(Some(color.into()));
    let _ = writeln!(out, "{style}{label}{style:#}: {message}");
}
