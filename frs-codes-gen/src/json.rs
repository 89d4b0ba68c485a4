//! JSON read into a tree that keeps where every key and value is: validation reads a catalogue's
//! fields from it, so that a misspelt key, a value of the wrong type and a broken rule are all
//! reported at once, each at its place.

use std::ops::Range;

/// A JSON value and the bytes of the text it was read from.
#[derive(Debug)]
pub(crate) struct Value {
    pub kind: Kind,
    pub span: Range<usize>,
}

#[derive(Debug)]
pub(crate) enum Kind {
    Null,
    Bool(bool),
    /// As written, e.g. `404`, `4.5e2`: what a field takes is decided by the field.
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// In order, duplicates kept: validation reports a key given twice.
    Object(Vec<Member>),
}

#[derive(Debug)]
pub(crate) struct Member {
    pub key: String,
    /// The key with its quotes.
    pub key_span: Range<usize>,
    pub value: Value,
}

impl Value {
    /// How a message names what was found, e.g. `the string "404"`.
    pub fn described(&self) -> String {
        match &self.kind {
            Kind::Null => "null".to_owned(),
            Kind::Bool(value) => value.to_string(),
            Kind::Number(number) => format!("the number {number}"),
            Kind::String(text) => format!("the string {text:?}"),
            Kind::Array(_) => "a list".to_owned(),
            Kind::Object(_) => "an object".to_owned(),
        }
    }
}

/// Why the text is not JSON, and the byte where it stops being JSON.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub offset: usize,
    pub message: String,
    /// The text ended early: the place to show is after its content, not after trailing space.
    pub at_end: bool,
}

/// Nesting deeper than this is refused rather than risking the stack (serde_json's limit).
const MAX_DEPTH: usize = 128;

/// Reads `text` as one JSON value.
pub(crate) fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        offset: 0,
        depth: 0,
    };
    let value = parser.value()?;
    parser.skip_whitespace();
    if parser.offset < parser.bytes.len() {
        return Err(parser.error("trailing characters after the catalogue's closing `}`"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    offset: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> SyntaxError {
        SyntaxError {
            offset: self.offset,
            message: message.to_owned(),
            at_end: false,
        }
    }

    fn end(&self, inside: &str) -> SyntaxError {
        SyntaxError {
            offset: self.bytes.len(),
            message: format!("EOF while parsing {inside}"),
            at_end: true,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.offset).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.offset += 1;
        }
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        self.skip_whitespace();
        let start = self.offset;
        let kind = match self.peek() {
            None => return Err(self.end("a value")),
            Some(b'{') => self.nested(Parser::object)?,
            Some(b'[') => self.nested(Parser::array)?,
            Some(b'"') => Kind::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Kind::Number(self.number()?),
            Some(_) => self.word()?,
        };
        Ok(Value {
            kind,
            span: start..self.offset,
        })
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Kind, SyntaxError>,
    ) -> Result<Kind, SyntaxError> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.depth += 1;
        let kind = read(self);
        self.depth -= 1;
        kind
    }

    /// `true`, `false` or `null`.
    fn word(&mut self) -> Result<Kind, SyntaxError> {
        for (word, kind) in [
            ("true", Kind::Bool(true)),
            ("false", Kind::Bool(false)),
            ("null", Kind::Null),
        ] {
            if self.bytes[self.offset..].starts_with(word.as_bytes()) {
                self.offset += word.len();
                return Ok(kind);
            }
        }
        Err(self.error("expected value"))
    }

    fn object(&mut self) -> Result<Kind, SyntaxError> {
        self.offset += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.offset += 1;
            return Ok(Kind::Object(members));
        }
        loop {
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.end("an object")),
                Some(b'"') => {}
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key_start = self.offset;
            let key = self.string()?;
            let key_span = key_start..self.offset;
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.end("an object")),
                Some(b':') => self.offset += 1,
                Some(_) => return Err(self.error("expected `:`")),
            }
            let value = self.value()?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.end("an object")),
                Some(b',') => {
                    let comma = self.offset;
                    self.offset += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b'}') {
                        return Err(trailing_comma(comma));
                    }
                }
                Some(b'}') => {
                    self.offset += 1;
                    return Ok(Kind::Object(members));
                }
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self) -> Result<Kind, SyntaxError> {
        self.offset += 1;
        let mut elements = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.offset += 1;
            return Ok(Kind::Array(elements));
        }
        loop {
            self.skip_whitespace();
            if self.peek().is_none() {
                return Err(self.end("a list"));
            }
            elements.push(self.value()?);
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.end("a list")),
                Some(b',') => {
                    let comma = self.offset;
                    self.offset += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        return Err(trailing_comma(comma));
                    }
                }
                Some(b']') => {
                    self.offset += 1;
                    return Ok(Kind::Array(elements));
                }
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    /// A string literal, unescaped; the offset is on its opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.offset += 1;
        let mut content = String::new();
        loop {
            let run_start = self.offset;
            while self
                .peek()
                .is_some_and(|byte| byte != b'"' && byte != b'\\' && byte >= 0x20)
            {
                self.offset += 1;
            }
            // The run stops at ASCII bytes only, so it ends on a character boundary.
            content.push_str(&self.text[run_start..self.offset]);
            match self.peek() {
                None => return Err(self.end("a string")),
                Some(b'"') => {
                    self.offset += 1;
                    return Ok(content);
                }
                Some(b'\\') => {
                    self.offset += 1;
                    self.escape(&mut content)?;
                }
                Some(_) => {
                    return Err(self.error(
                        "control character (\\u0000-\\u001F) found while parsing a string; \
                         write a line break as \\n and a tab as \\t",
                    ))
                }
            }
        }
    }

    /// The escape after a backslash.
    fn escape(&mut self, content: &mut String) -> Result<(), SyntaxError> {
        let Some(escaped) = self.peek() else {
            return Err(self.end("a string"));
        };
        let simple = match escaped {
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            b'/' => Some('/'),
            b'b' => Some('\u{8}'),
            b'f' => Some('\u{c}'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            b'u' => None,
            _ => return Err(self.error("invalid escape")),
        };
        self.offset += 1;
        if let Some(character) = simple {
            content.push(character);
            return Ok(());
        }
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.bytes[self.offset..].starts_with(b"\\u") {
                return Err(self.error("lone leading surrogate in hex escape"));
            }
            self.offset += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error("invalid unicode code point"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        match char::from_u32(code) {
            Some(character) => {
                content.push(character);
                Ok(())
            }
            None => Err(self.error("invalid unicode code point")),
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut value = 0;
        for _ in 0..4 {
            let Some(byte) = self.peek() else {
                return Err(self.end("a string"));
            };
            let digit = char::from(byte)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid escape"))?;
            value = value * 16 + digit;
            self.offset += 1;
        }
        Ok(value)
    }

    /// A number as written: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number(&mut self) -> Result<String, SyntaxError> {
        let start = self.offset;
        if self.peek() == Some(b'-') {
            self.offset += 1;
        }
        match self.peek() {
            Some(b'0') => self.offset += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.offset += 1;
            if !self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.offset += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.offset += 1;
            }
            if !self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        Ok(self.text[start..self.offset].to_owned())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
            self.offset += 1;
        }
    }
}

/// A comma before a closing bracket: shown at the comma, the character to remove.
fn trailing_comma(comma: usize) -> SyntaxError {
    SyntaxError {
        offset: comma,
        message: "trailing comma; remove it (JSON has no comma after the last element)".to_owned(),
        at_end: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (usize, String) {
        let error = parse(text).expect_err("not JSON");
        (error.offset, error.message)
    }

    #[test]
    fn reads_values_with_their_spans() {
        let text = r#"{"a": [1, -2.5e3, "x\"\u00e9\ud83d\ude00", true, null], "b": {}}"#;
        let value = parse(text).expect("JSON");
        let Kind::Object(members) = &value.kind else {
            panic!("an object")
        };
        assert_eq!(members[0].key, "a");
        assert_eq!(&text[members[0].key_span.clone()], "\"a\"");
        let Kind::Array(elements) = &members[0].value.kind else {
            panic!("a list")
        };
        assert!(matches!(&elements[1].kind, Kind::Number(number) if number == "-2.5e3"));
        assert!(matches!(&elements[2].kind, Kind::String(text) if text == "x\"é😀"));
        assert_eq!(
            &text[elements[2].span.clone()],
            r#""x\"\u00e9\ud83d\ude00""#
        );
        assert_eq!(&text[members[1].value.span.clone()], "{}");
    }

    #[test]
    fn syntax_errors_are_at_the_character_to_change() {
        assert_eq!(error("[1,\n]").0, 2);
        assert_eq!(error(r#"{"a": 1,}"#).0, 7);
        assert_eq!(error(r#"{"a" 1}"#), (5, "expected `:`".to_owned()));
        assert_eq!(
            error(r#"{"a": 1 "b": 2}"#),
            (8, "expected `,` or `}`".to_owned())
        );
        assert_eq!(error("[01]"), (2, "expected `,` or `]`".to_owned()));
        assert_eq!(error("[\"a\nb\"]").0, 3);
        assert_eq!(error("{} x").0, 3);
        let end = parse("{\"a\": [").expect_err("ends early");
        assert_eq!(
            (end.offset, end.message.as_str(), end.at_end),
            (7, "EOF while parsing a list", true)
        );
        assert_eq!(error(&"[".repeat(200)).1, "recursion limit exceeded");
    }
}
