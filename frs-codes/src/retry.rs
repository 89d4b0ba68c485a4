//! Retry classes: what a failure says about trying again.

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
/// a library after a timeout may have succeeded the first time.
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
}

impl fmt::Display for Retry {
    /// Writes [`as_str`](Self::as_str).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}
