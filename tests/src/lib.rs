//! Workspace-level tests of `frs-codes`; everything lives in `tests/`.
