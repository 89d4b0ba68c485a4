//! Compile-time guarantees, tested by building real consumer crates: diagnostics (UI snapshots),
//! rebuild on catalogue edits, exhaustiveness, and a clean expansion under strict lints.

mod catalogue_edits;
mod clean_expansion;
mod lean_build;
mod lookup_shapes;
mod support;
mod ui;
