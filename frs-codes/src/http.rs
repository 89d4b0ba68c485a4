//! Conversions with the `http` crate's types (feature `http`): reading error responses, and
//! serving them.

use crate::{ApiError, CatalogueCase, CatalogueCode, ErrorCode};
use alloc::string::{String, ToString};
use http::{HeaderMap, HeaderValue, Response, StatusCode};

#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl ApiError {
    /// [`from_parts`](Self::from_parts) for the `http` crate's status and headers, as hyper,
    /// axum, reqwest and others expose them. For a catalogue of your own, pass
    /// `|name| headers.get(name)` to [`from_catalogue_parts`](Self::from_catalogue_parts).
    ///
    /// Available with the `http` feature.
    ///
    /// ```
    /// use frs_codes::{ApiError, ErrorCode};
    /// use http::{HeaderMap, StatusCode};
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.insert("x-request-id", "4c1b9e5f".parse().unwrap());
    /// let body = br#"{"error_code": "FRS.0002", "error_msg": "Token expired"}"#;
    /// let error = ApiError::from_http(StatusCode::FORBIDDEN, &headers, body).unwrap();
    /// assert_eq!(error.known_code(), Some(ErrorCode::TokenAuthenticationFailed));
    /// assert_eq!(error.request_id(), Some("4c1b9e5f"));
    /// ```
    pub fn from_http(
        status: StatusCode,
        headers: &HeaderMap,
        body: impl AsRef<[u8]>,
    ) -> Option<Self> {
        Self::from_parts(status.as_u16(), |name| headers.get(name), body)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl<C: CatalogueCode> ApiError<C> {
    /// The status as an [`http::StatusCode`]; `None` only for a status above 999, which
    /// `from_parts` keeps but `http` cannot represent.
    ///
    /// Available with the `http` feature.
    ///
    /// ```
    /// use frs_codes::{ApiError, ErrorCode};
    /// use http::StatusCode;
    ///
    /// let error = ApiError::<ErrorCode>::from_parts(503, |_| None::<&str>, b"").unwrap();
    /// assert_eq!(error.status_code(), Some(StatusCode::SERVICE_UNAVAILABLE));
    /// ```
    #[must_use]
    pub fn status_code(&self) -> Option<StatusCode> {
        StatusCode::from_u16(self.status()).ok()
    }
}

/// The response a service sends with an error code, as an [`http::Response`] that `axum` (or any
/// server built on the `http` crate) returns as it is: the code's documented status, the JSON
/// body `{"error_code": …, "error_msg": …}` (the case's documented message, or its description
/// where the catalogue documents none) and an `X-Request-Id` header.
///
/// Available with the `http` feature.
///
/// For serving an FRS-compatible API, or a stand-in for one in tests.
///
/// ```
/// use frs_codes::{ErrorCode, ErrorResponse};
///
/// let response: http::Response<String> = ErrorResponse::new(ErrorCode::ServiceFrozen)
///     .request_id("4c1b9e5f")
///     .into();
/// assert_eq!(response.status(), 400);
/// assert_eq!(response.headers()["x-request-id"], "4c1b9e5f");
/// assert_eq!(
///     response.body(),
///     r#"{"error_code":"FRS.0202","error_msg":"The service has been frozen."}"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub struct ErrorResponse<C: CatalogueCode = ErrorCode> {
    code: C,
    status: u16,
    request_id: Option<String>,
}

/// The status of a code the catalogue documents none for.
const UNDOCUMENTED_STATUS: u16 = 500;

impl<C: CatalogueCode> ErrorResponse<C> {
    /// The response for `code` with its first documented status (500 for a code the catalogue
    /// documents no status for).
    #[must_use]
    pub fn new(code: C) -> Self {
        Self {
            code,
            status: code
                .http_statuses()
                .first()
                .copied()
                .unwrap_or(UNDOCUMENTED_STATUS),
            request_id: None,
        }
    }

    /// The response for `code` sent with `status`, one of its documented statuses; `None` for a
    /// status the catalogue does not give it.
    ///
    /// ```
    /// use frs_codes::{ErrorCode, ErrorResponse};
    ///
    /// let timeout = ErrorResponse::with_status(ErrorCode::RequestTooLargeOrBackendTimeout, 504);
    /// assert_eq!(timeout.map(|response| response.status()), Some(504));
    /// assert!(ErrorResponse::with_status(ErrorCode::ServiceFrozen, 500).is_none());
    /// ```
    #[must_use]
    pub fn with_status(code: C, status: u16) -> Option<Self> {
        code.http_statuses().contains(&status).then_some(Self {
            code,
            status,
            request_id: None,
        })
    }

    /// Sets the `X-Request-Id` header (none is sent without it).
    #[must_use]
    pub fn request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// The HTTP status it is sent with.
    #[must_use]
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The body: `{"error_code": …, "error_msg": …}`.
    #[must_use]
    pub fn body(&self) -> String {
        let case = self.code.case_for_status(self.status);
        serde_json::json!({
            "error_code": self.code.as_str(),
            "error_msg": case.message().unwrap_or_else(|| case.description()),
        })
        .to_string()
    }
}

impl<C: CatalogueCode> From<ErrorResponse<C>> for Response<String> {
    fn from(response: ErrorResponse<C>) -> Self {
        let body = response.body();
        let mut http = Response::new(body);
        *http.status_mut() =
            StatusCode::from_u16(response.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let headers = http.headers_mut();
        headers.insert(
            http::header::CONTENT_TYPE,
            HeaderValue::from_static("application/json;charset=utf-8"),
        );
        if let Some(request_id) = response
            .request_id
            .as_deref()
            .and_then(|id| HeaderValue::from_str(id).ok())
        {
            headers.insert("x-request-id", request_id);
        }
        http
    }
}
