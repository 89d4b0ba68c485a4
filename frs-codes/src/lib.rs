//! Huawei Cloud Face Recognition Service (FRS) error codes.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use frs_codes_macro::frs_codes;

frs_codes!(path = "codes.json", doc_path = frs_codes);
