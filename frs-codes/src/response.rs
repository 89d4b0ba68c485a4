//! [`ApiError`]: an error response as a typed value that keeps everything that came back.

use crate::body::{self, ParsedBody};
use crate::{CatalogueCase, CatalogueCategory, CatalogueCode, ErrorCode, Idempotency, Retry};
use alloc::boxed::Box;
use alloc::string::String;
use core::fmt;
use core::time::Duration;

/// The spellings of the request id header tried in turn, for look-ups that compare names
/// exactly; HTTP header names are case-insensitive, and HTTP/2 sends them in lower case.
const REQUEST_ID_HEADERS: [&str; 4] = [
    "X-Request-Id",
    "x-request-id",
    "X-Request-ID",
    "X-REQUEST-ID",
];

/// The spellings of `Retry-After` tried in turn, for the same reason.
const RETRY_AFTER_HEADERS: [&str; 3] = ["Retry-After", "retry-after", "RETRY-AFTER"];

/// An error response from FRS (or any service whose codes a catalogue lists), read losslessly.
///
/// Available with the `alloc` feature.
///
/// Built by [`from_parts`](Self::from_parts) from the status, the headers and the body bytes of
/// any HTTP client. It keeps the status, the code (known to the catalogue [`C`](CatalogueCode)
/// or not), the server's message as sent, the request id, and the body's text when the body was
/// not understood, and the `Retry-After` header. `Display` writes all of it on one line;
/// [`retry`](Self::retry) classifies it, [`should_retry`](Self::should_retry) decides whether to
/// send the request again and [`retry_after`](Self::retry_after) says when.
///
/// The catalogue defaults to the bundled [`ErrorCode`], which [`from_parts`](Self::from_parts)
/// reads against. For a catalogue of your own, read into `ApiError<MyCode>` with
/// [`from_catalogue_parts`](Self::from_catalogue_parts).
///
/// ```
/// use frs_codes::{ApiError, ErrorCode, ResponseCode, Retry};
///
/// let body = br#"{ "error_code": "FRS.0202", "error_msg": " The service has been freeze." }"#;
/// let headers = [("x-request-id", "4c1b9e5f")];
/// let header = |name: &str| {
///     let found = headers.iter().find(|(key, _)| key.eq_ignore_ascii_case(name));
///     found.map(|(_, value)| *value)
/// };
/// let error = ApiError::from_parts(400, header, body).expect("400 is an error");
///
/// assert_eq!(error.known_code(), Some(ErrorCode::ServiceFrozen));
/// assert_eq!(error.message(), Some(" The service has been freeze."));
/// assert_eq!(error.request_id(), Some("4c1b9e5f"));
/// assert_eq!(error.retry(), Retry::No);
/// assert_eq!(
///     error.to_string(),
///     "HTTP 400, FRS.0202 (The service has been frozen.), \
///      message \" The service has been freeze.\", request id 4c1b9e5f",
/// );
/// match error.code() {
///     Some(ResponseCode::Known(ErrorCode::ServiceFrozen)) => { /* contact support */ }
///     Some(ResponseCode::Known(_)) | Some(ResponseCode::Unknown(_)) | None => {}
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub struct ApiError<C: CatalogueCode = ErrorCode> {
    status: u16,
    code: Option<ResponseCode<C>>,
    // Boxed strings, not `String`s: they are never grown, and 8 bytes less each keeps the error
    // under clippy's `result_large_err` threshold (128 bytes) for `Result<_, ApiError>`.
    message: Option<Box<str>>,
    request_id: Option<Box<str>>,
    encoded_authorization_message: Option<Box<str>>,
    /// The `Retry-After` header as sent: an HTTP date is read against the clock when asked.
    retry_after: Option<Box<str>>,
    understood: bool,
    truncated: bool,
}

impl ApiError {
    /// Reads an HTTP response against the bundled catalogue: `None` for a status below 400,
    /// else the error, whatever the headers and body hold. Never panics and never fails.
    ///
    /// How the headers and the body are read is described at
    /// [`from_catalogue_parts`](Self::from_catalogue_parts), which does the same for any
    /// catalogue.
    ///
    /// ```
    /// use frs_codes::{ApiError, ErrorCode};
    ///
    /// let headers = [("X-Request-Id", "4c1b9e5f")];
    /// let header = |name: &str| headers.iter().find(|(key, _)| *key == name).map(|(_, v)| *v);
    /// let body = br#"{"error_code": "FRS.0033", "error_msg": "Too many requests"}"#;
    /// let error = ApiError::from_parts(400, header, body).unwrap();
    /// assert_eq!(error.known_code(), Some(ErrorCode::TrafficLimitExceeded));
    /// assert_eq!(error.request_id(), Some("4c1b9e5f"));
    /// ```
    pub fn from_parts<H, V>(status: u16, header: H, body: impl AsRef<[u8]>) -> Option<Self>
    where
        H: FnMut(&str) -> Option<V>,
        V: AsRef<[u8]>,
    {
        Self::from_catalogue_parts(status, header, body)
    }
}

impl<C: CatalogueCode> ApiError<C> {
    /// Reads an HTTP response against the catalogue `C`: `None` for a status below 400, else
    /// the error, whatever the headers and body hold. Never panics and never fails.
    ///
    /// * `header` looks a header up by name, e.g. `|name| headers.get(name)`; it is asked for
    ///   `X-Request-Id` and `Retry-After` (and, for look-ups that are not case-insensitive,
    ///   their other usual spellings). Any value that is bytes or text will do.
    /// * `body` is parsed as JSON when it is at most [`MAX_PARSED_BODY`](crate::MAX_PARSED_BODY)
    ///   bytes. The code is the first of `error_code`, `errorCode` and `code` that holds a
    ///   non-empty string or an integer; the message the first of `error_msg`, `error_message`
    ///   (the Huawei Cloud Go SDK's), `errorMsg` and `message` that is not null (a string as
    ///   sent, another value as its JSON text). They are read from one object: the top level
    ///   or `error`, the first whose code is a string, else the first whose code is an integer
    ///   (a gateway's wrapper such as `{"code": 400, "error": {"code": "APIG.0301", …}}` names
    ///   the service's error below its own status), else the first with a message; if neither
    ///   has any, the first other member that is an object with a code or a message, in key
    ///   order. An error without a message takes the one beside it: the top level's for a
    ///   nested error, `error`'s for the top level.
    /// * The request id is the header's value, else a `request_id` string or integer at the top
    ///   level of the body, else in the object that held the error.
    /// * A body that is empty, not JSON, not UTF-8, too large, or JSON without a code or
    ///   message is not understood: its first [`MAX_KEPT_BODY`](crate::MAX_KEPT_BODY) bytes,
    ///   as lossy UTF-8, become the message and [`raw_body`](Self::raw_body).
    ///
    /// ```
    /// use frs_codes::{ApiError, Category, ErrorCode};
    ///
    /// let no_headers = |_: &str| None::<&str>;
    /// let body = br#"{"error": {"code": "APIGW.0308", "message": "The request is throttled."}}"#;
    /// let error = ApiError::<ErrorCode>::from_catalogue_parts(429, no_headers, body).unwrap();
    /// assert_eq!(error.code().unwrap().as_str(), "APIGW.0308");
    /// assert_eq!(error.category(), Some(Category::Gateway));
    ///
    /// assert!(ApiError::<ErrorCode>::from_catalogue_parts(200, no_headers, b"{}").is_none());
    /// ```
    pub fn from_catalogue_parts<H, V>(
        status: u16,
        mut header: H,
        body: impl AsRef<[u8]>,
    ) -> Option<Self>
    where
        H: FnMut(&str) -> Option<V>,
        V: AsRef<[u8]>,
    {
        if status < 400 {
            return None;
        }
        let header_request_id = REQUEST_ID_HEADERS
            .iter()
            .find_map(|name| header(name).and_then(|value| body::header_text(value.as_ref())));
        let retry_after = RETRY_AFTER_HEADERS
            .iter()
            .find_map(|name| header(name).and_then(|value| body::header_text(value.as_ref())));
        let ParsedBody {
            code,
            message,
            request_id,
            encoded_authorization_message,
            understood,
            truncated,
        } = body::parse(body.as_ref());
        Some(Self {
            status,
            code: code.map(ResponseCode::new),
            message: message.map(String::into_boxed_str),
            request_id: header_request_id.or(request_id).map(String::into_boxed_str),
            encoded_authorization_message: encoded_authorization_message
                .map(String::into_boxed_str),
            retry_after: retry_after.map(String::into_boxed_str),
            understood,
            truncated,
        })
    }

    /// The HTTP status, as received; at least 400.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode};
    /// let error = ApiError::<ErrorCode>::from_parts(503, |_| None::<&str>, b"").unwrap();
    /// assert_eq!(error.status(), 503);
    /// ```
    #[must_use]
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The error code the body carried, known to the catalogue or not; `None` if it had none.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode, ResponseCode};
    /// let body = br#"{"error_code": "FRS.0250"}"#;
    /// let error = ApiError::<ErrorCode>::from_parts(400, |_| None::<&str>, body).unwrap();
    /// assert!(matches!(error.code(), Some(ResponseCode::Unknown(_))));
    /// assert_eq!(error.code().unwrap().as_str(), "FRS.0250");
    /// ```
    #[must_use]
    pub fn code(&self) -> Option<&ResponseCode<C>> {
        self.code.as_ref()
    }

    /// The code, if the catalogue lists it: the value to `match` on.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode};
    /// let body = br#"{"error_code": "FRS.0033", "error_msg": "throttled"}"#;
    /// let error = ApiError::<ErrorCode>::from_parts(400, |_| None::<&str>, body).unwrap();
    /// assert_eq!(error.known_code(), Some(ErrorCode::TrafficLimitExceeded));
    /// ```
    #[must_use]
    pub fn known_code(&self) -> Option<C> {
        self.code.as_ref().and_then(ResponseCode::known)
    }

    /// The code's category: a known code's, or for an unknown code the category its prefix
    /// belongs to (and, where categories are ranges, its number falls in).
    ///
    /// ```
    /// # use frs_codes::{ApiError, Category, ErrorCode};
    /// let body = br#"{"error_code": "FRS.0250"}"#;
    /// let error = ApiError::<ErrorCode>::from_parts(400, |_| None::<&str>, body).unwrap();
    /// assert_eq!(error.category(), Some(Category::ServiceManagement));
    /// ```
    #[must_use]
    pub fn category(&self) -> Option<C::Category> {
        self.code.as_ref().and_then(ResponseCode::category)
    }

    /// The server's message exactly as sent (it may differ from the catalogue's description;
    /// never match on it), or the body's text if the body was not understood.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode};
    /// let error = ApiError::<ErrorCode>::from_parts(502, |_| None::<&str>, "Bad Gateway").unwrap();
    /// assert_eq!(error.message(), Some("Bad Gateway"));
    /// ```
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The request id, to quote to support: the `X-Request-Id` header, else the body's
    /// `request_id`.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode};
    /// let body = br#"{"error_code": "APIG.0301", "request_id": "4c1b9e5f"}"#;
    /// let error = ApiError::<ErrorCode>::from_parts(401, |_| None::<&str>, body).unwrap();
    /// assert_eq!(error.request_id(), Some("4c1b9e5f"));
    /// ```
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// IAM's reason for denying the request, encrypted, as the body's
    /// `encoded_authorization_message` carries it (next to the error, or at the top level);
    /// STS's `decode-authorization-message` API reads it.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode};
    /// let body = br#"{"error_code": "APIG.0301", "error_msg": "Denied.", "encoded_authorization_message": "4Rd8..."}"#;
    /// let error = ApiError::<ErrorCode>::from_parts(403, |_| None::<&str>, body).unwrap();
    /// assert_eq!(error.encoded_authorization_message(), Some("4Rd8..."));
    /// ```
    #[must_use]
    pub fn encoded_authorization_message(&self) -> Option<&str> {
        self.encoded_authorization_message.as_deref()
    }

    /// The body's text when the body was not understood (see [`from_catalogue_parts`](Self::from_catalogue_parts)),
    /// at most [`MAX_KEPT_BODY`](crate::MAX_KEPT_BODY) bytes of it; `None` when it was, or was
    /// empty.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode};
    /// let html = "<html><body>502 Bad Gateway</body></html>";
    /// let error = ApiError::<ErrorCode>::from_parts(502, |_| None::<&str>, html).unwrap();
    /// assert_eq!(error.raw_body(), Some(html));
    /// assert!(error.code().is_none());
    /// ```
    #[must_use]
    pub fn raw_body(&self) -> Option<&str> {
        if self.understood {
            None
        } else {
            self.message.as_deref()
        }
    }

    /// Whether the body was longer than the text kept of it.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode, MAX_KEPT_BODY};
    /// let huge = vec![b'x'; MAX_KEPT_BODY + 1];
    /// let error = ApiError::<ErrorCode>::from_parts(500, |_| None::<&str>, huge).unwrap();
    /// assert!(error.is_truncated());
    /// assert_eq!(error.raw_body().map(str::len), Some(MAX_KEPT_BODY));
    /// ```
    #[must_use]
    pub fn is_truncated(&self) -> bool {
        self.truncated
    }

    /// The statuses the catalogue lists for the code, when the response came with another one;
    /// `None` when they agree or the code is not known. Informative only: the response is kept
    /// as received.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode};
    /// let body = br#"{"error_code": "FRS.0018"}"#;
    /// let error = ApiError::<ErrorCode>::from_parts(400, |_| None::<&str>, body).unwrap();
    /// assert_eq!(error.status_mismatch(), Some(&[500][..]));
    /// ```
    #[must_use]
    pub fn status_mismatch(&self) -> Option<&'static [u16]> {
        let expected = self.known_code()?.http_statuses();
        (!expected.is_empty() && !expected.contains(&self.status)).then_some(expected)
    }

    /// The catalogue's case of the code for this response: the one documented with its status,
    /// else the code's first. A code can mean different things with different statuses
    /// (`APIG.0201` is "backend timeout" with 504 and "request entity too large" with 413), and
    /// this is the documentation of the one that came back.
    ///
    /// ```
    /// # use frs_codes::{ApiError, CatalogueCase, ErrorCode};
    /// let body = br#"{"error_code": "APIG.0201"}"#;
    /// let error = ApiError::<ErrorCode>::from_parts(504, |_| None::<&str>, body).unwrap();
    /// assert_eq!(error.case().and_then(CatalogueCase::status), Some(504));
    /// ```
    #[must_use]
    pub fn case(&self) -> Option<C::Case> {
        Some(self.known_code()?.case_for_status(self.status))
    }

    /// How the call may be retried, from the status and the code, as the catalogue says (see
    /// [`Retry`]); [`should_retry`](Self::should_retry) also weighs whether the call is
    /// idempotent.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode, Retry};
    /// let body = br#"{"error_code": "APIG.0201", "error_msg": "Backend timeout"}"#;
    /// let timeout = ApiError::<ErrorCode>::from_parts(504, |_| None::<&str>, body).unwrap();
    /// assert_eq!(timeout.retry(), Retry::Transient);
    /// let too_large = ApiError::<ErrorCode>::from_parts(413, |_| None::<&str>, body).unwrap();
    /// assert_eq!(too_large.retry(), Retry::No);
    /// ```
    #[must_use]
    pub fn retry(&self) -> Retry {
        match self.known_code() {
            Some(code) => code.retry(self.status),
            None => C::retry_for_status(self.status),
        }
    }

    /// Whether to send the request again: the [class](Self::retry) is retryable and the
    /// request is idempotent ([`Retry::should_retry`]). Pass
    /// [`Idempotency::from_method`] of the request's method, or
    /// [`Idempotent`](Idempotency::Idempotent) for a `POST` you know is safe to repeat.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode, Idempotency};
    /// let body = br#"{"error_code": "FRS.0033", "error_msg": "throttled"}"#;
    /// let throttled = ApiError::<ErrorCode>::from_parts(400, |_| None::<&str>, body).unwrap();
    /// assert!(throttled.should_retry(Idempotency::from_method("GET")));
    /// assert!(!throttled.should_retry(Idempotency::from_method("POST")));
    /// assert!(throttled.should_retry(Idempotency::Idempotent));
    ///
    /// let body = br#"{"error_code": "FRS.0002", "error_msg": "Token expired"}"#;
    /// let denied = ApiError::<ErrorCode>::from_parts(403, |_| None::<&str>, body).unwrap();
    /// assert!(!denied.should_retry(Idempotency::Idempotent));
    /// ```
    #[must_use]
    pub fn should_retry(&self, idempotency: Idempotency) -> bool {
        self.retry().should_retry(idempotency)
    }

    /// How long the server asks to wait before the next attempt: its `Retry-After` header as
    /// delta-seconds (`Retry-After: 120`), or, with the `std` feature, as an HTTP date measured
    /// against the system clock (zero once it has passed). `None` without the header, for a
    /// value that is neither, and for a date without `std`. Seconds beyond `u64` saturate:
    /// cap the wait at what your retry policy allows.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode};
    /// use core::time::Duration;
    ///
    /// let header = |name: &str| (name == "Retry-After").then_some("30");
    /// let body = br#"{"error_code": "APIGW.0308", "error_msg": "throttled"}"#;
    /// let error = ApiError::<ErrorCode>::from_parts(429, header, body).unwrap();
    /// assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
    ///
    /// let error = ApiError::<ErrorCode>::from_parts(429, |_| None::<&str>, body).unwrap();
    /// assert_eq!(error.retry_after(), None);
    /// ```
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        let value = self.retry_after.as_deref()?;
        #[cfg(feature = "std")]
        {
            retry_after(value, std::time::SystemTime::now())
        }
        #[cfg(not(feature = "std"))]
        {
            delta_seconds(value)
        }
    }

    /// [`retry_after`](Self::retry_after) with an HTTP date measured from `now` rather than the
    /// system clock, for a clock of your own or a test.
    ///
    /// Available with the `std` feature.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode};
    /// use std::time::{Duration, SystemTime};
    ///
    /// let header = |name: &str| (name == "Retry-After").then_some("Sun, 06 Nov 1994 08:49:37 GMT");
    /// let error = ApiError::<ErrorCode>::from_parts(503, header, b"").unwrap();
    /// let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_747);
    /// assert_eq!(error.retry_after_at(now), Some(Duration::from_secs(30)));
    /// let later = now + Duration::from_secs(60);
    /// assert_eq!(error.retry_after_at(later), Some(Duration::ZERO));
    /// ```
    #[cfg(feature = "std")]
    #[cfg_attr(docsrs, doc(cfg(feature = "std")))]
    #[must_use]
    pub fn retry_after_at(&self, now: std::time::SystemTime) -> Option<Duration> {
        retry_after(self.retry_after.as_deref()?, now)
    }
}

impl<C: CatalogueCode> fmt::Display for ApiError<C> {
    /// One log line: status, code with the catalogue's description (or why there is none), the
    /// server's message or the body (escaped, so it stays on one line), and the request id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.status)?;
        match &self.code {
            None => f.write_str(", no error code")?,
            Some(ResponseCode::Known(code)) => {
                let case = code.case_for_status(self.status);
                write!(f, ", {} ({}", code.as_str(), case.description())?;
                if let Some(expected) = self.status_mismatch() {
                    f.write_str("; the catalogue gives HTTP ")?;
                    for (index, status) in expected.iter().enumerate() {
                        let separator = if index == 0 { "" } else { "/" };
                        write!(f, "{separator}{status}")?;
                    }
                }
                f.write_str(")")?;
            }
            Some(ResponseCode::Unknown(code)) => {
                // Escaped: an unknown code is whatever the server sent, line breaks included.
                write!(
                    f,
                    ", {} (not in the catalogue",
                    code.as_str().escape_debug()
                )?;
                if let Some(category) = code.category() {
                    write!(f, "; in the range of {}", category.title())?;
                }
                f.write_str(")")?;
            }
        }
        if let Some(message) = &self.message {
            let label = if self.understood { "message" } else { "body" };
            write!(f, ", {label} {message:?}")?;
            if self.truncated {
                f.write_str(" (truncated)")?;
            }
        }
        if let Some(request_id) = &self.request_id {
            write!(f, ", request id {}", request_id.escape_debug())?;
        }
        Ok(())
    }
}

impl<C: CatalogueCode> core::error::Error for ApiError<C> {}

/// A `Retry-After` value: delta-seconds, or an HTTP date in any of the three formats HTTP
/// recipients accept, measured from `now`.
#[cfg(feature = "std")]
fn retry_after(value: &str, now: std::time::SystemTime) -> Option<Duration> {
    delta_seconds(value).or_else(|| {
        let date = httpdate::parse_http_date(value).ok()?;
        Some(date.duration_since(now).unwrap_or(Duration::ZERO))
    })
}

/// A `Retry-After` of delta-seconds: ASCII digits only (`str::parse` would also take a sign).
fn delta_seconds(value: &str) -> Option<Duration> {
    if value.is_empty() || !value.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)))
}

/// The code of an error response: one the catalogue lists, or one it does not.
///
/// Available with the `alloc` feature.
///
/// Match known codes on the exhaustive [`Known`](Self::Known) payload. An unknown code's string
/// is read through [`UnknownCode::as_str`] rather than matched in a pattern, so that when a
/// later catalogue lists the code, it moves to `Known` where the compiler points at it, and no
/// arm matching its string silently stops matching.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub enum ResponseCode<C: CatalogueCode = ErrorCode> {
    /// A code of the catalogue.
    Known(C),
    /// A well-formed or malformed code the catalogue does not list, kept as sent.
    Unknown(UnknownCode<C::Category>),
}

impl<C: CatalogueCode> ResponseCode<C> {
    fn new(code: String) -> Self {
        match C::from_code(&code) {
            Some(known) => Self::Known(known),
            None => Self::Unknown(UnknownCode {
                category: C::Category::of(&code),
                code,
            }),
        }
    }

    /// The code exactly as the server sent it.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode};
    /// let body = br#"{"error_code": "FRS.0202"}"#;
    /// let error = ApiError::<ErrorCode>::from_parts(400, |_| None::<&str>, body).unwrap();
    /// assert_eq!(error.code().unwrap().as_str(), "FRS.0202");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Known(code) => code.as_str(),
            Self::Unknown(code) => code.as_str(),
        }
    }

    /// The catalogue's code, if it is one.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode};
    /// let body = br#"{"error_code": "FRS.0202"}"#;
    /// let error = ApiError::<ErrorCode>::from_parts(400, |_| None::<&str>, body).unwrap();
    /// assert_eq!(error.code().unwrap().known(), Some(ErrorCode::ServiceFrozen));
    /// ```
    #[must_use]
    pub fn known(&self) -> Option<C> {
        match self {
            Self::Known(code) => Some(*code),
            Self::Unknown(_) => None,
        }
    }

    /// The code's category: a known code's, or for an unknown code the category its prefix
    /// belongs to (and, where categories are ranges, its number falls in).
    ///
    /// ```
    /// # use frs_codes::{ApiError, Category, ErrorCode};
    /// let body = br#"{"error_code": "APIGW.0308"}"#;
    /// let error = ApiError::<ErrorCode>::from_parts(429, |_| None::<&str>, body).unwrap();
    /// assert_eq!(error.code().unwrap().category(), Some(Category::Gateway));
    /// ```
    #[must_use]
    pub fn category(&self) -> Option<C::Category> {
        match self {
            Self::Known(code) => Some(code.category()),
            Self::Unknown(code) => code.category(),
        }
    }
}

impl<C: CatalogueCode> fmt::Display for ResponseCode<C> {
    /// Writes the code as sent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A code the catalogue does not list, kept exactly as sent, with the category its prefix belongs
/// to (and, where categories are ranges, its number falls in), where one does. Opaque on purpose:
/// see [`ResponseCode`].
///
/// Available with the `alloc` feature.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub struct UnknownCode<K> {
    code: String,
    category: Option<K>,
}

impl<K: CatalogueCategory> UnknownCode<K> {
    /// The code exactly as the server sent it.
    ///
    /// ```
    /// # use frs_codes::{ApiError, ErrorCode, ResponseCode};
    /// let body = br#"{"error_code": "FRS.0250"}"#;
    /// let error = ApiError::<ErrorCode>::from_parts(400, |_| None::<&str>, body).unwrap();
    /// let Some(ResponseCode::Unknown(code)) = error.code() else { panic!("FRS.0250 is unknown") };
    /// assert_eq!(code.as_str(), "FRS.0250");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.code
    }

    /// The category the code's prefix belongs to (and, where categories are ranges, its number
    /// falls in), if any.
    ///
    /// ```
    /// # use frs_codes::{ApiError, Category, ErrorCode, ResponseCode};
    /// let body = br#"{"error_code": "FRS.0250"}"#;
    /// let error = ApiError::<ErrorCode>::from_parts(400, |_| None::<&str>, body).unwrap();
    /// let Some(ResponseCode::Unknown(code)) = error.code() else { panic!("FRS.0250 is unknown") };
    /// assert_eq!(code.category(), Some(Category::ServiceManagement));
    /// ```
    #[must_use]
    pub fn category(&self) -> Option<K> {
        self.category
    }
}

impl<K: CatalogueCategory> fmt::Display for UnknownCode<K> {
    /// Writes the code as sent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::RETRY_AFTER_HEADERS;
    use crate::{ApiError, ErrorCode, Idempotency};
    use core::time::Duration;

    /// An error whose only header is `name: value`, looked up by exact name.
    fn with_header(name: &'static str, value: &'static str) -> ApiError {
        ApiError::from_parts(429, |asked: &str| (asked == name).then_some(value), b"")
            .expect("429 is an error")
    }

    #[test]
    fn retry_after_in_seconds_takes_digits_only() {
        let seconds = [
            ("0", Some(0)),
            ("1", Some(1)),
            (" 120 ", Some(120)),
            ("007", Some(7)),
            ("18446744073709551615", Some(u64::MAX)),
            ("99999999999999999999999", Some(u64::MAX)),
            ("", None),
            ("+5", None),
            ("-1", None),
            ("1.5", None),
            ("5 s", None),
            ("soon", None),
        ];
        for (value, expected) in seconds {
            let error = with_header("Retry-After", value);
            assert_eq!(
                error.retry_after(),
                expected.map(Duration::from_secs),
                "Retry-After: {value:?}"
            );
        }
    }

    #[test]
    fn retry_after_is_read_under_each_spelling() {
        for name in RETRY_AFTER_HEADERS {
            assert_eq!(
                with_header(name, "3").retry_after(),
                Some(Duration::from_secs(3)),
                "{name}"
            );
        }
        assert_eq!(with_header("X-Retry-After", "3").retry_after(), None);
    }

    #[cfg(feature = "std")]
    #[test]
    fn retry_after_as_a_date_is_measured_from_now_in_every_format() {
        use std::time::SystemTime;
        // 1994-11-06 08:49:37 UTC, the example date of the HTTP specifications.
        let date = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
        let now = date - Duration::from_secs(90);
        for value in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            let error = with_header("Retry-After", value);
            assert_eq!(
                error.retry_after_at(now),
                Some(Duration::from_secs(90)),
                "{value}"
            );
            assert_eq!(
                error.retry_after_at(date + Duration::from_secs(1)),
                Some(Duration::ZERO),
                "{value}, passed"
            );
        }
        let garbled = with_header("Retry-After", "Sun, 06 Nov 1994 08:49:37");
        assert_eq!(garbled.retry_after_at(now), None);
        assert_eq!(
            with_header("Retry-After", "42").retry_after_at(now),
            Some(Duration::from_secs(42))
        );
    }

    #[cfg(not(feature = "std"))]
    #[test]
    fn retry_after_as_a_date_needs_the_clock_of_std() {
        let error = with_header("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(error.retry_after(), None);
    }

    #[cfg(feature = "std")]
    #[test]
    fn retry_after_as_a_date_uses_the_system_clock() {
        use std::time::SystemTime;
        let in_an_hour = SystemTime::now() + Duration::from_secs(3600);
        let value = httpdate::fmt_http_date(in_an_hour);
        let error = ApiError::from_parts(503, |_: &str| Some(value.as_str()), b"")
            .expect("503 is an error");
        let wait = error.retry_after().expect("a date an hour ahead");
        // The date is written in whole seconds and the clock moves on meanwhile.
        assert!(
            wait > Duration::from_secs(3590) && wait <= Duration::from_secs(3600),
            "{wait:?}"
        );
    }

    #[test]
    fn should_retry_follows_the_class_and_the_idempotence() {
        let error = |status: u16, body: &str| {
            ApiError::<ErrorCode>::from_parts(status, |_: &str| None::<&str>, body)
                .expect("an error")
        };
        let throttled = error(400, r#"{"error_code": "FRS.0033"}"#);
        let timeout = error(504, r#"{"error_code": "APIG.0201"}"#);
        let too_large = error(413, r#"{"error_code": "APIG.0201"}"#);
        let internal = error(500, r#"{"error_code": "FRS.0018"}"#);
        let frozen = error(400, r#"{"error_code": "FRS.0202"}"#);
        let unreadable = error(502, "<html>Bad Gateway</html>");
        for (error, retryable) in [
            (&throttled, true),
            (&timeout, true),
            (&internal, true),
            (&unreadable, true),
            (&too_large, false),
            (&frozen, false),
        ] {
            assert_eq!(
                error.should_retry(Idempotency::from_method("GET")),
                retryable,
                "{error}"
            );
            assert_eq!(
                error.should_retry(Idempotency::Idempotent),
                retryable,
                "{error}"
            );
            for method in ["POST", "PATCH"] {
                assert!(
                    !error.should_retry(Idempotency::from_method(method)),
                    "{method}: {error}"
                );
            }
        }
    }
}
