//! The generated lookup takes a different shape for catalogues that are compact, scattered, or
//! whose prefixes look alike; each shape must give exact answers. The bundled catalogue and the
//! 5,000-code bench catalogue cover the fast shapes; these consumers force the others: prefixes
//! that share their first bytes and length (rows keyed by the whole prefix), and numbers too far
//! apart for page tables (the per-prefix tables).

use crate::support::Consumer;

/// `FRS.SECOND` and `FRS.THIRD` are replaced by each test.
const CATALOGUE: &str = r#"{
  "categories": [
    { "name": "Face", "title": "Face errors", "prefix": "FRS", "range": [0, 99999999] },
    { "name": "Models", "title": "Model errors", "prefix": "ModelArts", "extra_prefixes": ["ModelArtz"], "range": [1, 999] }
  ],
  "codes": [
    { "code": "FRS.0001", "status": 400, "description": "First.", "measure": "Fix it." },
    { "code": "FRS.SECOND", "status": 400, "description": "Second.", "measure": "Fix it." },
    { "code": "FRS.THIRD", "status": 500, "description": "Third.", "measure": "Fix it." },
    { "code": "FRS.7", "status": 400, "description": "Short.", "measure": "Fix it." },
    { "code": "ModelArts.0001", "status": 400, "description": "Arts.", "measure": "Fix it." },
    { "code": "ModelArtz.0001", "status": 400, "description": "Artz.", "measure": "Fix it." }
  ]
}
"#;

const PROBE: &str = r#"frs_codes::frs_codes!();

fn main() {
    for code in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_code(code.as_str()), Some(*code), "{code}");
        assert_eq!(code.as_str().parse::<ErrorCode>(), Ok(*code));
    }
    for miss in [
        "FRS.1", "FRS.00001", "FRS.0007", "FRS.07", "FRS.8", "FRS.50000001", "FRS.99999998",
        "FRS.49999999", "FRS.0000", "ModelArts.0002", "ModelArtz.1", "ModelArty.0001",
        "modelArts.0001", "ModelArts0001", "ModelArtsX.0001", "", "F", "FRS.", ".0001",
    ] {
        assert_eq!(ErrorCode::from_code(miss), None, "{miss}");
    }
    assert_eq!(Category::of("FRS.12345678"), Some(Category::Face));
    assert_eq!(Category::of("ModelArtz.0500"), Some(Category::Models));
    assert_eq!(Category::of("ModelArty.0500"), None);
    println!("{} codes checked", ErrorCode::ALL.len());
}
"#;

fn check(name: &str, second: &str, third: &str) {
    let catalogue = CATALOGUE
        .replace("FRS.SECOND", second)
        .replace("FRS.THIRD", third);
    let consumer = Consumer::binary(name);
    consumer
        .write("codes.json", &catalogue)
        .write("src/main.rs", PROBE);
    assert_eq!(
        consumer.run().expect("the probe builds and runs"),
        "6 codes checked\n"
    );
}

#[test]
fn look_alike_prefixes_are_looked_up_exactly() {
    check("lookup-look-alike", "FRS.0002", "FRS.0010");
}

#[test]
fn scattered_numbers_are_looked_up_exactly() {
    check("lookup-scattered", "FRS.50000000", "FRS.99999999");
}

/// Prefixes chosen so that the prefix hash's cheaper words cannot tell them apart: before, the
/// generator searched for a perfect hash of them for ever. `Early`'s and `Late`'s first bytes
/// differ as their lengths do (`A ^ C == 10 ^ 8`); `First` and `Second` differ alike in bytes 0
/// and 12, which rotating the last word lines up; `Third` starts as `First` does.
const ALIKE_TO_THE_HASH: &str = r#"{
  "categories": [
    { "name": "Early", "title": "Early errors", "prefix": "ABCDEFGHIJ", "range": [1, 99] },
    { "name": "Late", "title": "Late errors", "prefix": "CBCDEFGH", "range": [1, 99] },
    { "name": "First", "title": "First errors", "prefix": "ABCDEFGHIJKLMNOP", "range": [1, 99] },
    { "name": "Second", "title": "Second errors", "prefix": "CBCDEFGHIJKLONOP", "range": [1, 99] },
    { "name": "Third", "title": "Third errors", "prefix": "ABCDEFGHIJKLMNOQ", "range": [1, 99] }
  ],
  "codes": [
    { "code": "ABCDEFGHIJ.01", "status": 400, "description": "Early.", "measure": "Fix it." },
    { "code": "CBCDEFGH.02", "status": 400, "description": "Late.", "measure": "Fix it." },
    { "code": "ABCDEFGHIJKLMNOP.03", "status": 400, "description": "First.", "measure": "Fix it." },
    { "code": "CBCDEFGHIJKLONOP.04", "status": 400, "description": "Second.", "measure": "Fix it." },
    { "code": "ABCDEFGHIJKLMNOQ.05", "status": 400, "description": "Third.", "measure": "Fix it." }
  ]
}
"#;

const ALIKE_PROBE: &str = r#"frs_codes::frs_codes!();

fn main() {
    let expected = [
        ("ABCDEFGHIJ", Category::Early),
        ("CBCDEFGH", Category::Late),
        ("ABCDEFGHIJKLMNOP", Category::First),
        ("CBCDEFGHIJKLONOP", Category::Second),
        ("ABCDEFGHIJKLMNOQ", Category::Third),
    ];
    for (code, (prefix, category)) in ErrorCode::ALL.iter().zip(expected) {
        assert_eq!(ErrorCode::from_code(code.as_str()), Some(*code), "{code}");
        assert_eq!(code.category(), category, "{code}");
        for number in ["1", "50", "0099"] {
            let input = format!("{prefix}.{number}");
            assert_eq!(Category::of(&input), Some(category), "{input}");
        }
        assert_eq!(Category::of(&format!("{prefix}.100")), None, "{prefix}");
    }
    for other in ["ABCDEFGHI.1", "BBCDEFGH.1", "CBCDEFGHIJKLMNOP.1", "ABCDEFGHIJKLONOP.1"] {
        assert_eq!(Category::of(other), None, "{other}");
    }
    println!("{} prefixes told apart", expected.len());
}
"#;

#[test]
fn prefixes_alike_to_the_hash_are_told_apart() {
    let consumer = Consumer::binary("lookup-alike-to-the-hash");
    consumer
        .write("codes.json", ALIKE_TO_THE_HASH)
        .write("src/main.rs", ALIKE_PROBE);
    assert_eq!(
        consumer.run().expect("the probe builds and runs"),
        "5 prefixes told apart\n"
    );
}
