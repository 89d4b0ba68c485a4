//! Reading the code, message and request id out of an error body, whatever its shape.

use alloc::borrow::ToOwned;
use alloc::string::{String, ToString};
use serde_json::{Map, Value};

/// Bodies longer than this are not parsed as JSON; their beginning is kept as text instead.
///
/// Available with the `alloc` feature.
///
/// FRS and API Gateway error bodies are a few hundred bytes; a body this large is something
/// else (an HTML error page, a binary), and the bound keeps parsing time and memory small
/// whatever a server or a proxy sends.
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub const MAX_PARSED_BODY: usize = 64 * 1024;

/// At most this many bytes of a body that was not understood are kept, as lossy UTF-8 cut at a
/// character boundary; [`ApiError::is_truncated`](crate::ApiError::is_truncated) tells when the
/// body was longer. (The text can be longer in bytes than what it was decoded from: each byte
/// that is not UTF-8 becomes U+FFFD, which takes three.)
///
/// Available with the `alloc` feature.
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub const MAX_KEPT_BODY: usize = 4 * 1024;

/// The field names that carry the code and the message, in the order they are tried: the FRS
/// document's own, then the Huawei Cloud Go SDK's (its `ServiceResponseError` serialises the
/// message as `error_message`), then the camelCase spelling, then the generic one.
const CODE_FIELDS: [&str; 3] = ["error_code", "errorCode", "code"];
const MESSAGE_FIELDS: [&str; 4] = ["error_msg", "error_message", "errorMsg", "message"];
const REQUEST_ID_FIELD: &str = "request_id";
/// IAM's reason for a denied request, encrypted; STS's `decode-authorization-message` reads it.
const ENCODED_AUTHORIZATION_FIELD: &str = "encoded_authorization_message";
/// The member tried first one level down, as in `{"error": {"code": ..., "message": ...}}`.
const NESTED_FIELD: &str = "error";

const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// What a body said.
#[derive(Default)]
pub(crate) struct ParsedBody {
    pub code: Option<String>,
    pub message: Option<String>,
    pub request_id: Option<String>,
    pub encoded_authorization_message: Option<String>,
    /// Whether a code or message was found; if not, `message` is the body's text.
    pub understood: bool,
    /// Whether the kept text is only the beginning of the body.
    pub truncated: bool,
}

/// Reads `body`: a JSON object with the code and message at its top level or one level down,
/// or else any bytes, kept as bounded lossy text.
pub(crate) fn parse(body: &[u8]) -> ParsedBody {
    let object = (body.len() <= MAX_PARSED_BODY)
        .then(|| {
            serde_json::from_slice::<Value>(body.strip_prefix(BYTE_ORDER_MARK).unwrap_or(body))
        })
        .and_then(Result::ok);
    let Some(Value::Object(top)) = object else {
        return not_understood(body, None);
    };
    let top_request_id = request_id(&top);
    let Some(found) = error_fields(&top) else {
        return not_understood(body, top_request_id);
    };
    let encoded_authorization_message = [found.object, &top]
        .into_iter()
        .find_map(|object| object.get(ENCODED_AUTHORIZATION_FIELD)?.as_str())
        .filter(|message| !message.is_empty())
        .map(str::to_owned);
    ParsedBody {
        code: found.code,
        message: found.message,
        request_id: top_request_id.or_else(|| request_id(found.object)),
        encoded_authorization_message,
        understood: true,
        truncated: false,
    }
}

/// The object of a body that holds the error, and what it holds.
struct ErrorFields<'a> {
    object: &'a Map<String, Value>,
    code: Option<String>,
    message: Option<String>,
}

/// The object that holds the error: the top level or `error`, the first of them whose code is a
/// string, else the first with an integer code (a gateway's wrapper may put its HTTP status
/// there, around the service's own error), else the first with a message; if neither has any,
/// the first other member that is an object (in key order) with a code or a message. An error
/// without a message takes the one beside it: the top level's for a nested error, `error`'s for
/// the top level. Other members are not read beside a code: `{"code": 403, "region": {"code":
/// "cn-north-4"}}` is about a region, not the error.
fn error_fields(top: &Map<String, Value>) -> Option<ErrorFields<'_>> {
    let nested_error = top.get(NESTED_FIELD).and_then(Value::as_object);
    let read = |object| {
        let code = first_field(object, &CODE_FIELDS, code_text);
        let message = first_field(object, &MESSAGE_FIELDS, message_text);
        let rank = match &code {
            Some((_, CodeKind::Text)) => 0,
            Some((_, CodeKind::Integer)) => 1,
            None if message.is_some() => 2,
            None => return None,
        };
        Some((
            rank,
            ErrorFields {
                object,
                code: code.map(|(code, _)| code),
                message,
            },
        ))
    };
    let found = match core::iter::once(top)
        .chain(nested_error)
        .filter_map(read)
        .min_by_key(|(rank, _)| *rank)
    {
        Some((_, found)) => found,
        None => {
            return top
                .iter()
                .filter(|(key, _)| *key != NESTED_FIELD)
                .filter_map(|(_, value)| value.as_object())
                .find_map(read)
                .map(|(_, found)| found);
        }
    };
    let beside = if core::ptr::eq(found.object, top) {
        nested_error
    } else {
        Some(top)
    };
    let message = found
        .message
        .or_else(|| beside.and_then(|object| first_field(object, &MESSAGE_FIELDS, message_text)));
    Some(ErrorFields { message, ..found })
}

fn first_field<T>(
    object: &Map<String, Value>,
    names: &[&str],
    text: fn(&Value) -> Option<T>,
) -> Option<T> {
    names
        .iter()
        .find_map(|name| object.get(*name).and_then(text))
}

/// How a code was sent.
#[derive(Clone, Copy)]
enum CodeKind {
    Text,
    Integer,
}

/// A code is a non-empty string, or an integer (some gateways send numeric codes) written in
/// decimal; anything else carries no code.
fn code_text(value: &Value) -> Option<(String, CodeKind)> {
    match value {
        Value::String(code) if !code.is_empty() => Some((code.clone(), CodeKind::Text)),
        Value::Number(number) if number.is_u64() || number.is_i64() => {
            Some((number.to_string(), CodeKind::Integer))
        }
        _ => None,
    }
}

/// A message is kept as sent: a string verbatim, any other non-null value as its JSON text.
fn message_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(message) => Some(message.clone()),
        other => Some(other.to_string()),
    }
}

fn request_id(object: &Map<String, Value>) -> Option<String> {
    code_text(object.get(REQUEST_ID_FIELD)?).map(|(request_id, _)| request_id)
}

fn not_understood(body: &[u8], request_id: Option<String>) -> ParsedBody {
    let (text, truncated) = kept_text(body);
    ParsedBody {
        message: (!text.is_empty()).then_some(text),
        request_id,
        truncated,
        ..ParsedBody::default()
    }
}

/// The body's first [`MAX_KEPT_BODY`] bytes as lossy UTF-8, never ending in a cut character.
fn kept_text(body: &[u8]) -> (String, bool) {
    let mut end = body.len().min(MAX_KEPT_BODY);
    let truncated = end < body.len();
    if truncated {
        // `body[end]` is the first byte left out; a continuation byte there means the kept part
        // would end inside a character, which lossy decoding would turn into U+FFFD.
        let mut continuation_bytes = 0;
        while end > 0 && continuation_bytes < 3 && body[end] & 0xC0 == 0x80 {
            end -= 1;
            continuation_bytes += 1;
        }
    }
    (
        String::from_utf8_lossy(&body[..end]).into_owned(),
        truncated,
    )
}

/// The request id from a header value: lossy UTF-8 without surrounding whitespace, if any is left.
pub(crate) fn header_text(value: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(value);
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}
