//! Retry classes: what a failure says about trying again, and whether a request may be sent
//! again at all.

use core::fmt;

/// How a failed call may be retried, judged from its HTTP status and error code.
///
/// The classification is data in the catalogue (its `retry` entries), not a list in code: see
/// [`CatalogueCode::retry`](crate::CatalogueCode::retry) and the catalogue format in the
/// [crate docs](crate#retry-classes). With the bundled catalogue: FRS.0033 and HTTP 429 are
/// [`Throttling`](Self::Throttling); HTTP 502, 503 and 504 (APIG.0201 included when it comes as
/// 504) are [`Transient`](Self::Transient); HTTP 500 and FRS.0018 are [`Server`](Self::Server);
/// everything else, such as authentication, quota and parameter errors, is [`No`](Self::No).
///
/// A class says what went wrong, not whether sending the request again is safe: **you decide
/// whether the call is idempotent.** A search or a comparison can be repeated; adding a face to
/// a library after a timeout may have succeeded the first time. [`should_retry`](Self::should_retry)
/// puts the two together, with the [`Idempotency`] you give it.
///
/// ```
/// use frs_codes::Retry;
///
/// fn attempts(retry: Retry, idempotent: bool) -> u32 {
///     match retry {
///         Retry::Throttling => 5,
///         Retry::Transient | Retry::Server if idempotent => 3,
///         Retry::Transient | Retry::Server | Retry::No => 1,
///     }
/// }
/// assert_eq!(attempts(Retry::Transient, false), 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Retry {
    /// The request rate exceeded a limit: retry after backing off, or lower the rate.
    Throttling,
    /// A gateway or the backend was unreachable, overloaded or timed out: retrying after a short
    /// wait is likely to succeed.
    Transient,
    /// The service failed internally: a retry may succeed; keep the attempts few and report the
    /// request id if it persists.
    Server,
    /// The same request will fail the same way: fix the request, the credentials or the quota.
    No,
}

impl Retry {
    /// Every class, in declaration order.
    pub const ALL: [Self; 4] = [Self::Throttling, Self::Transient, Self::Server, Self::No];

    /// The class as the catalogue writes it: `throttling`, `transient`, `server` or `no`.
    ///
    /// ```
    /// assert_eq!(frs_codes::Retry::Transient.as_str(), "transient");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Throttling => "throttling",
            Self::Transient => "transient",
            Self::Server => "server",
            Self::No => "no",
        }
    }

    /// Whether another attempt can succeed without changing the request: every class but
    /// [`No`](Self::No). Idempotence is still yours to judge.
    ///
    /// ```
    /// use frs_codes::Retry;
    ///
    /// assert!(Retry::Throttling.is_retryable());
    /// assert!(!Retry::No.is_retryable());
    /// ```
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        !matches!(self, Self::No)
    }

    /// Whether to send the request again: the class is [retryable](Self::is_retryable) and the
    /// request is [idempotent](Idempotency::Idempotent). A failure that came back may still
    /// have had its effect (a face added before the gateway timed out), so a request that is
    /// not idempotent is never retried, whatever the class. This is the decision to use for a
    /// failure without a response too: count a connection error or a timeout as
    /// [`Transient`](Self::Transient).
    ///
    /// ```
    /// use frs_codes::{Idempotency, Retry};
    ///
    /// assert!(Retry::Transient.should_retry(Idempotency::from_method("GET")));
    /// assert!(!Retry::Transient.should_retry(Idempotency::from_method("POST")));
    /// // A POST the caller knows to be safe, e.g. a search.
    /// assert!(Retry::Throttling.should_retry(Idempotency::Idempotent));
    /// assert!(!Retry::No.should_retry(Idempotency::Idempotent));
    /// ```
    #[must_use]
    pub const fn should_retry(self, idempotency: Idempotency) -> bool {
        self.is_retryable() && idempotency.is_idempotent()
    }
}

impl fmt::Display for Retry {
    /// Writes [`as_str`](Self::as_str).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Whether sending a request twice has the effect of sending it once, which is what makes a
/// retry safe after a failure that may have happened after the request took effect.
///
/// HTTP defines it by method ([`from_method`](Self::from_method)): `GET`, `HEAD`, `OPTIONS`,
/// `TRACE`, `PUT` and `DELETE` are idempotent; `POST` and `PATCH` are not, unless the caller
/// knows better. FRS runs searches and comparisons as `POST`, which are safe to repeat: say so
/// with [`Idempotent`](Self::Idempotent) (or `Idempotency::from(true)`) for those calls.
///
/// ```
/// use frs_codes::Idempotency;
///
/// let search = Idempotency::from(true);
/// assert_eq!(search, Idempotency::Idempotent);
/// assert_eq!(Idempotency::from_method("POST"), Idempotency::NotIdempotent);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Idempotency {
    /// Sending the request again does no harm.
    Idempotent,
    /// Sending the request again may repeat its effect.
    NotIdempotent,
}

impl Idempotency {
    /// The idempotence HTTP gives `method`: idempotent for `GET`, `HEAD`, `OPTIONS`, `TRACE`,
    /// `PUT` and `DELETE`; not for `POST`, `PATCH` or any other. Methods are case-sensitive, so
    /// `get` is an unknown method, and unknown methods are not idempotent.
    ///
    /// ```
    /// use frs_codes::Idempotency;
    ///
    /// assert_eq!(Idempotency::from_method("PUT"), Idempotency::Idempotent);
    /// assert_eq!(Idempotency::from_method("PATCH"), Idempotency::NotIdempotent);
    /// assert_eq!(Idempotency::from_method("get"), Idempotency::NotIdempotent);
    /// ```
    #[must_use]
    pub const fn from_method(method: &str) -> Self {
        match method.as_bytes() {
            b"GET" | b"HEAD" | b"OPTIONS" | b"TRACE" | b"PUT" | b"DELETE" => Self::Idempotent,
            _ => Self::NotIdempotent,
        }
    }

    /// Whether it is [`Idempotent`](Self::Idempotent).
    ///
    /// ```
    /// use frs_codes::Idempotency;
    ///
    /// assert!(Idempotency::from_method("DELETE").is_idempotent());
    /// assert!(!Idempotency::NotIdempotent.is_idempotent());
    /// ```
    #[must_use]
    pub const fn is_idempotent(self) -> bool {
        matches!(self, Self::Idempotent)
    }
}

impl From<bool> for Idempotency {
    /// `true` is [`Idempotent`](Idempotency::Idempotent), as in the `idempotent` flag of other
    /// retry policies.
    ///
    /// ```
    /// use frs_codes::Idempotency;
    ///
    /// assert_eq!(Idempotency::from(false), Idempotency::NotIdempotent);
    /// ```
    fn from(idempotent: bool) -> Self {
        if idempotent {
            Self::Idempotent
        } else {
            Self::NotIdempotent
        }
    }
}

#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl From<&http::Method> for Idempotency {
    /// The method's idempotence, as [`Method::is_idempotent`](http::Method::is_idempotent)
    /// gives it: the same as [`Idempotency::from_method`] for every method.
    ///
    /// Available with the `http` feature.
    ///
    /// ```
    /// use frs_codes::Idempotency;
    /// use http::Method;
    ///
    /// assert_eq!(Idempotency::from(&Method::GET), Idempotency::Idempotent);
    /// assert_eq!(Idempotency::from(&Method::POST), Idempotency::NotIdempotent);
    /// ```
    fn from(method: &http::Method) -> Self {
        Self::from(method.is_idempotent())
    }
}

#[cfg(test)]
mod tests {
    use super::{Idempotency, Retry};

    #[test]
    fn only_retryable_classes_of_idempotent_requests_are_retried() {
        for retry in Retry::ALL {
            assert!(!retry.should_retry(Idempotency::NotIdempotent), "{retry}");
            assert_eq!(
                retry.should_retry(Idempotency::Idempotent),
                retry != Retry::No,
                "{retry}"
            );
        }
    }

    #[test]
    fn methods_are_idempotent_as_http_defines_them() {
        for method in ["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"] {
            assert_eq!(
                Idempotency::from_method(method),
                Idempotency::Idempotent,
                "{method}"
            );
        }
        for method in [
            "POST", "PATCH", "CONNECT", "PROPFIND", "", "GET ", "Get", "DELETEX",
        ] {
            assert_eq!(
                Idempotency::from_method(method),
                Idempotency::NotIdempotent,
                "{method:?}"
            );
        }
    }

    #[cfg(feature = "http")]
    #[test]
    fn the_http_crate_agrees_on_every_method() {
        for name in [
            "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "POST", "PATCH", "CONNECT",
            "PROPFIND",
        ] {
            let method = http::Method::from_bytes(name.as_bytes()).expect("a method");
            assert_eq!(
                Idempotency::from(&method),
                Idempotency::from_method(name),
                "{name}"
            );
        }
    }
}
