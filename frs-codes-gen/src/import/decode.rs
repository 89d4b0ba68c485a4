//! A page's bytes as text: UTF-8 (a byte-order mark dropped), or UTF-16 where a byte-order mark
//! says so; anything else is refused with the place of the first byte that is not text.

/// A page that is not text: where its first bad byte is.
///
/// Available with the `import` feature.
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// The byte offset of the first byte that is not UTF-8 (or of the unpaired UTF-16 unit).
    pub offset: usize,
    /// Its 1-based line.
    pub line: usize,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the page is not UTF-8 text: the byte at offset {} (line {}) is not part of a UTF-8 character; save the page as UTF-8, or as UTF-16 with a byte-order mark",
            self.offset, self.line
        )
    }
}

impl std::error::Error for DecodeError {}

/// The text of a page's `bytes`: UTF-8, with or without a byte-order mark, or UTF-16 (little or
/// big endian) with one.
///
/// Available with the `import` feature.
///
/// ```
/// use frs_codes_gen::import::decode;
///
/// assert_eq!(decode(b"\xEF\xBB\xBFError Code").unwrap(), "Error Code");
/// assert_eq!(decode(b"\xFF\xFEO\0K\0").unwrap(), "OK");
/// let error = decode(b"400\nA.1\xFF\n").unwrap_err();
/// assert_eq!((error.offset, error.line), (7, 2));
/// ```
///
/// # Errors
///
/// Bytes that are not UTF-8 (or not UTF-16 after its byte-order mark): the first bad one.
#[cfg_attr(docsrs, doc(cfg(feature = "import")))]
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let line_of = |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|pair| unit([pair[0], *pair.get(1).unwrap_or(&0)]))
            .collect();
        let mut text = String::with_capacity(units.len());
        for (index, decoded) in char::decode_utf16(units.iter().copied()).enumerate() {
            match decoded {
                Ok(c) => text.push(c),
                Err(_) => {
                    let offset = 2 + 2 * index;
                    return Err(DecodeError {
                        offset,
                        line: text.matches('\n').count() + 1,
                    });
                }
            }
        }
        Ok(text)
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => {
            let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            let skipped = bytes.len() - text.len();
            std::str::from_utf8(text)
                .map(str::to_owned)
                .map_err(|error| {
                    let offset = skipped + error.valid_up_to();
                    DecodeError {
                        offset,
                        line: line_of(offset),
                    }
                })
        }
    }
}
