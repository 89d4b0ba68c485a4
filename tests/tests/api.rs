//! The generated public API of the bundled catalogue, method by method.

use frs_codes::{Category, ErrorCode, ErrorCodeParseError};
use std::collections::HashSet;
use std::str::FromStr;

#[test]
fn as_str_prefix_and_number_agree_for_every_code() {
    for code in ErrorCode::ALL {
        let (prefix, digits) = code.as_str().split_once('.').expect("PREFIX.DIGITS");
        assert_eq!(code.prefix(), prefix);
        assert_eq!(code.number(), digits.parse::<u32>().expect("digits"));
    }
    assert_eq!(ErrorCode::ServiceFrozen.as_str(), "FRS.0202");
    assert_eq!(ErrorCode::ServiceFrozen.prefix(), "FRS");
    assert_eq!(ErrorCode::ServiceFrozen.number(), 202);
    assert_eq!(ErrorCode::TokenNeedsUpdate.prefix(), "APIG");
    assert_eq!(ErrorCode::TokenNeedsUpdate.number(), 307);
}

#[test]
fn every_code_round_trips_through_every_parser() {
    for &code in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_code(code.as_str()), Some(code));
        assert_eq!(code.to_string(), code.as_str());
        assert_eq!(code.to_string().parse::<ErrorCode>(), Ok(code));
        assert_eq!(ErrorCode::from_str(code.as_str()), Ok(code));
        assert_eq!(ErrorCode::try_from(code.as_str()), Ok(code));
        assert_eq!(Category::of(code.as_str()), Some(code.category()));
        assert!(code.category().codes().contains(&code));
        assert!(code.category().range().contains(&code.number()));
    }
}

#[test]
fn statuses_are_non_empty_http_errors_and_the_first_is_the_status() {
    for code in ErrorCode::ALL {
        assert!(!code.http_statuses().is_empty());
        assert_eq!(code.http_status(), code.http_statuses()[0]);
        assert!(code
            .http_statuses()
            .iter()
            .all(|status| (400..=599).contains(status)));
        assert!(!code.description().is_empty());
        assert!(!code.measure().is_empty());
    }
}

#[test]
fn from_code_is_exact() {
    for near_miss in [
        "FRS.202",
        "FRS.00202",
        "frs.0202",
        "Frs.0202",
        "FRS 0202",
        "FRS-0202",
        "FRS.0202 ",
        " FRS.0202",
        "FRS.0202\n",
        "FRS.",
        ".0202",
        "FRS",
        "",
        "FRS.02O2",
        "FRS..0202",
        "APIGW.0201",
        "FRS.０２０２",
    ] {
        assert_eq!(ErrorCode::from_code(near_miss), None, "{near_miss:?}");
        assert!(near_miss.parse::<ErrorCode>().is_err(), "{near_miss:?}");
    }
}

#[test]
fn from_code_is_usable_in_const_context() {
    const FROZEN: Option<ErrorCode> = ErrorCode::from_code("FRS.0202");
    const MISSING: Option<ErrorCode> = ErrorCode::from_code("FRS.0292");
    assert_eq!(FROZEN, Some(ErrorCode::ServiceFrozen));
    assert_eq!(MISSING, None);
}

#[test]
fn category_of_follows_ranges_for_unknown_codes_at_the_edges() {
    let cases = [
        ("FRS.0000", None),
        ("FRS.0001", Some(Category::CommonService)),
        ("FRS.0099", Some(Category::CommonService)),
        ("FRS.0100", None),
        ("FRS.0200", None),
        ("FRS.0201", Some(Category::ServiceManagement)),
        ("FRS.0250", Some(Category::ServiceManagement)),
        ("FRS.0300", Some(Category::ServiceManagement)),
        ("FRS.0301", Some(Category::FaceLibrary)),
        ("FRS.0400", Some(Category::FaceLibrary)),
        ("FRS.0401", Some(Category::FaceResource)),
        ("FRS.0500", Some(Category::FaceResource)),
        ("FRS.0501", Some(Category::FaceVerification)),
        ("FRS.0600", Some(Category::FaceVerification)),
        ("FRS.0601", None),
        ("FRS.0700", None),
        ("FRS.0701", Some(Category::LiveDetect)),
        ("FRS.0800", Some(Category::LiveDetect)),
        ("FRS.0801", None),
        ("FRS.99999999", None),
        ("APIG.0000", None),
        ("APIG.0001", Some(Category::Gateway)),
        ("APIG.0400", Some(Category::Gateway)),
        ("APIG.0401", None),
        ("APIGW.0308", Some(Category::Gateway)),
        ("FRS.250", Some(Category::ServiceManagement)),
        ("XYZ.0250", None),
        ("frs.0250", None),
        ("FRS.123456789", None),
        ("FRS.02x0", None),
        ("", None),
    ];
    for (code, expected) in cases {
        assert_eq!(Category::of(code), expected, "{code:?}");
    }
}

#[test]
fn category_methods() {
    assert_eq!(Category::ALL.len(), 7);
    assert_eq!(
        Category::ServiceManagement.title(),
        "Service management errors"
    );
    assert_eq!(
        Category::ServiceManagement.to_string(),
        "Service management errors"
    );
    assert_eq!(Category::ServiceManagement.prefix(), "FRS");
    assert_eq!(Category::ServiceManagement.range(), 201..=300);
    assert_eq!(
        Category::ServiceManagement.codes(),
        [
            ErrorCode::UserAlreadyRegistered,
            ErrorCode::ServiceFrozen,
            ErrorCode::UserInfoUpdateFailed
        ]
    );
    assert_eq!(Category::Gateway.prefix(), "APIG");
    assert_eq!(Category::Gateway.prefixes(), ["APIG", "APIGW"]);
    assert_eq!(Category::Gateway.range(), 1..=400);
    assert_eq!(Category::CommonService.prefixes(), ["FRS"]);
    let in_categories: usize = Category::ALL
        .iter()
        .map(|category| category.codes().len())
        .sum();
    assert_eq!(in_categories, ErrorCode::ALL.len());
}

#[test]
fn parse_errors_keep_the_input_and_the_category() {
    let unknown: ErrorCodeParseError = "FRS.0250".parse::<ErrorCode>().unwrap_err();
    assert_eq!(unknown.input(), "FRS.0250");
    assert!(unknown.is_well_formed());
    assert!(!unknown.is_truncated());
    assert_eq!(unknown.category(), Some(Category::ServiceManagement));
    assert_eq!(
        unknown.to_string(),
        "`FRS.0250` is not in the catalogue; its number falls in Service management errors"
    );

    let uncovered = ErrorCode::try_from("FRS.0150").unwrap_err();
    assert!(uncovered.is_well_formed());
    assert_eq!(uncovered.category(), None);
    assert_eq!(
        uncovered.to_string(),
        "`FRS.0150` is not in the catalogue, and no category covers its prefix and number"
    );

    let malformed = "FRS-0202".parse::<ErrorCode>().unwrap_err();
    assert!(!malformed.is_well_formed());
    assert_eq!(malformed.category(), None);
    assert_eq!(
        malformed.to_string(),
        "`FRS-0202` is not an error code: expected PREFIX.DIGITS, e.g. `FRS.0002`"
    );

    // Control characters escaped, so a line break or a terminal's escape code cannot break a
    // log line; quotes and backslashes as given.
    let control = "\"FRS.0202\\n\"\n\u{1b}[31m"
        .parse::<ErrorCode>()
        .unwrap_err();
    assert_eq!(control.input(), "\"FRS.0202\\n\"\n\u{1b}[31m");
    assert_eq!(
        control.to_string(),
        "`\"FRS.0202\\n\"\\n\\u{1b}[31m` is not an error code: expected PREFIX.DIGITS, e.g. \
         `FRS.0002`"
    );

    let long = "é".repeat(40);
    let truncated = long.parse::<ErrorCode>().unwrap_err();
    assert!(truncated.is_truncated());
    assert!(long.starts_with(truncated.input()));
    assert_eq!(truncated.input().chars().count(), 32);
    assert!(truncated.to_string().contains("…"));

    let error: &dyn std::error::Error = &unknown;
    assert!(error.source().is_none());
    assert!(format!("{unknown:?}").contains("\"FRS.0250\""));
}

/// The parse error keeps its input in 16-byte chunks, built differently for up to 16 bytes, for
/// whole chunks and for the last, partial one: every length up to past the 64 bytes it keeps,
/// with characters of 1 to 4 bytes across every chunk boundary, comes back whole or cut at the
/// last character that fits.
#[test]
fn a_parse_error_keeps_any_input_whole_or_cut_at_a_character() {
    for skip in 0..4 {
        for count in 0..=70 {
            let input: String = "FRS.0202é€𝄞-x"
                .chars()
                .cycle()
                .skip(skip)
                .take(count)
                .collect();
            let Err(error) = input.parse::<ErrorCode>() else {
                continue;
            };
            let mut kept = input.len().min(64);
            while !input.is_char_boundary(kept) {
                kept -= 1;
            }
            assert_eq!(error.input(), &input[..kept], "{input:?}");
            assert_eq!(error.is_truncated(), kept < input.len(), "{input:?}");
        }
    }
}

#[test]
fn derives_order_hash_and_compare_by_catalogue_position() {
    let mut sorted = ErrorCode::ALL.to_vec();
    sorted.reverse();
    sorted.sort();
    assert_eq!(sorted, ErrorCode::ALL);
    let distinct: HashSet<ErrorCode> = ErrorCode::ALL.iter().copied().collect();
    assert_eq!(distinct.len(), ErrorCode::ALL.len());
    let strings: HashSet<&str> = ErrorCode::ALL.iter().map(|code| code.as_str()).collect();
    assert_eq!(strings.len(), ErrorCode::ALL.len());
    assert!(Category::CommonService < Category::Gateway);
    assert_eq!(format!("{:?}", ErrorCode::ServiceFrozen), "ServiceFrozen");
    assert_eq!(
        format!("[{:>10}]", ErrorCode::ServiceFrozen),
        "[  FRS.0202]"
    );
}
