//! Conversions with the `http` crate's types (feature `http`).

use crate::{ApiError, CatalogueCode};
use http::{HeaderMap, StatusCode};

impl ApiError {
    /// [`from_parts`](Self::from_parts) for the `http` crate's status and headers, as hyper,
    /// axum, reqwest and others expose them. For a catalogue of your own, pass
    /// `|name| headers.get(name)` to [`from_catalogue_parts`](Self::from_catalogue_parts).
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

impl<C: CatalogueCode> ApiError<C> {
    /// The status as an [`http::StatusCode`]; `None` only for a status above 999, which
    /// `from_parts` keeps but `http` cannot represent.
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
