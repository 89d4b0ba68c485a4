//! Any bytes as a page: every reader (`tables` in each format) and `import` (the format
//! detected and each format given) must return, never panic; an error is a fine answer.
//! Bytes that are not UTF-8 are read with replacement characters, so that every input reaches
//! the readers.
#![no_main]

use frs_codes_gen::import::{import, tables, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let page = String::from_utf8_lossy(input);
    for format in Format::ALL {
        let _ = tables(&page, format);
        let _ = import(&page, "page", Some(format), None);
    }
    let _ = import(&page, "page", None, None);
});
