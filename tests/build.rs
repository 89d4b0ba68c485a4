//! Turns on the tests over the real pages of the corpus when `FRS_CODES_CORPUS` names it; they
//! are ignored otherwise (see `tests/corpus.rs`).

fn main() {
    println!("cargo::rustc-check-cfg=cfg(frs_codes_corpus)");
    println!("cargo::rerun-if-env-changed=FRS_CODES_CORPUS");
    if std::env::var_os("FRS_CODES_CORPUS").is_some() {
        println!("cargo::rustc-cfg=frs_codes_corpus");
    }
}
