//! The committed catalogue and peer sources are exactly what the generator writes, so the
//! benchmarks can be reproduced from source. `FRS_BENCH_BLESS=1` rewrites them instead.

use frs_codes_bench::{crate_dir, generated_files};

#[test]
fn committed_files_match_the_generator() {
    let bless = std::env::var_os("FRS_BENCH_BLESS").is_some();
    let mut stale = Vec::new();
    for (path, content) in generated_files() {
        let full = crate_dir().join(path);
        if bless {
            std::fs::create_dir_all(full.parent().expect("a file has a directory"))
                .expect("create the directory");
            std::fs::write(&full, &content).expect("write the generated file");
        } else if std::fs::read_to_string(&full).ok().as_deref() != Some(content.as_str()) {
            stale.push(path);
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} differ from what the generator writes; run \
         `FRS_BENCH_BLESS=1 cargo test -p frs-codes-bench --test generated` and commit the result"
    );
}
