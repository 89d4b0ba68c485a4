//! What the runtime needs from a generated catalogue, so that [`ApiError`](crate::ApiError),
//! [`ErrorBody`](crate::ErrorBody) and the serde impls work for any catalogue, not only FRS's.

use crate::Retry;
use core::fmt::{Debug, Display};
use core::hash::Hash;

/// A code enum generated from a catalogue (by `frs_codes!`, a build script or `frs-codes
/// generate`, given this crate as the runtime).
///
/// The generator implements it (and [`CatalogueCategory`] for the category enum); there is no
/// need to implement it by hand. Most methods repeat the generated inherent ones, so that code generic
/// over catalogues can call them; [`retry`](Self::retry) and
/// [`retry_for_status`](Self::retry_for_status) exist only here, because [`Retry`] belongs to
/// this crate.
///
/// ```
/// use frs_codes::{CatalogueCode, ErrorCode};
///
/// fn describe<C: CatalogueCode>(code: &str) -> &'static str {
///     C::from_code(code).map_or("not in the catalogue", C::description)
/// }
/// assert_eq!(describe::<ErrorCode>("FRS.0202"), "The service has been frozen.");
/// ```
pub trait CatalogueCode: Copy + Eq + Hash + Debug + Display + 'static {
    /// The category enum generated with the code enum.
    type Category: CatalogueCategory;

    /// The case type generated with the code enum: one documented occurrence of a code.
    type Case: CatalogueCase;

    /// Every code of the catalogue, in catalogue order; never empty.
    const ALL: &'static [Self];

    /// The code spelled exactly `code`, or `None`.
    fn from_code(code: &str) -> Option<Self>;

    /// The code as the service sends it, e.g. `FRS.0202`.
    fn as_str(self) -> &'static str;

    /// What the error means, worded as in the catalogue (its first case).
    fn description(self) -> &'static str;

    /// Every HTTP status of the code's cases, in order, each once; empty where the catalogue
    /// documents none.
    fn http_statuses(self) -> &'static [u16];

    /// The code's documented occurrences, in the catalogue's order; never empty.
    fn cases(self) -> &'static [Self::Case];

    /// The case documented for a response with `status`: the first whose status it is, else
    /// the first case. A code the documentation lists once per status (API Gateway's
    /// `APIG.0201`: 400 "API request error", 504 "Backend timeout", …) means something else
    /// with each.
    ///
    /// ```
    /// use frs_codes::{CatalogueCase, CatalogueCode, ErrorCode};
    ///
    /// let timeout = ErrorCode::RequestTooLargeOrBackendTimeout.case_for_status(504);
    /// assert_eq!(CatalogueCase::status(timeout), Some(504));
    /// // FRS documents a status for every case, so the generated `status()` is a plain `u16`.
    /// let other = ErrorCode::RequestTooLargeOrBackendTimeout.case_for_status(500);
    /// assert_eq!(other.status(), 413);
    /// ```
    fn case_for_status(self, status: u16) -> Self::Case {
        let cases = self.cases();
        cases
            .iter()
            .copied()
            .find(|case| case.status() == Some(status))
            .unwrap_or(cases[0])
    }

    /// The code's category, as the catalogue gives it.
    fn category(self) -> Self::Category;

    /// How a response with this code and `status` may be retried: the code's own `retry` in the
    /// catalogue where it has one for this status, else [`retry_for_status`](Self::retry_for_status).
    ///
    /// ```
    /// use frs_codes::{CatalogueCode, ErrorCode, Retry};
    ///
    /// assert_eq!(ErrorCode::TrafficLimitExceeded.retry(400), Retry::Throttling);
    /// assert_eq!(ErrorCode::RequestTooLargeOrBackendTimeout.retry(504), Retry::Transient);
    /// assert_eq!(ErrorCode::RequestTooLargeOrBackendTimeout.retry(413), Retry::No);
    /// ```
    fn retry(self, status: u16) -> Retry;

    /// How a response with `status` may be retried when its code is unknown or missing: the
    /// catalogue's top-level `retry`, and [`Retry::No`] for a status it does not name.
    ///
    /// ```
    /// use frs_codes::{CatalogueCode, ErrorCode, Retry};
    ///
    /// assert_eq!(ErrorCode::retry_for_status(503), Retry::Transient);
    /// assert_eq!(ErrorCode::retry_for_status(400), Retry::No);
    /// ```
    fn retry_for_status(status: u16) -> Retry;
}

/// One documented occurrence of a code (a row of the service's table), generated with the code
/// enum; see [`CatalogueCode::cases`].
///
/// The generated case type has these as inherent `const fn`s too, with exact types: a catalogue
/// whose every case has a status gives `status(self) -> u16` there; here every optional field
/// is an `Option`, so that code generic over catalogues can read any of them.
pub trait CatalogueCase: Copy + Eq + Hash + Debug + 'static {
    /// The HTTP status, where the catalogue documents one.
    fn status(self) -> Option<u16>;

    /// The text the service sends in `error_msg`, where the catalogue documents it.
    fn message(self) -> Option<&'static str>;

    /// What the error means in this case.
    fn description(self) -> &'static str;

    /// What to do about it, where the catalogue says.
    fn measure(self) -> Option<&'static str>;
}

/// A category enum generated with the code enum; see [`CatalogueCode`].
///
/// ```
/// use frs_codes::{Category, CatalogueCategory};
///
/// assert_eq!(Category::Gateway.name(), "Gateway");
/// assert_eq!(<Category as CatalogueCategory>::of("APIGW.0308"), Some(Category::Gateway));
/// ```
pub trait CatalogueCategory: Copy + Eq + Hash + Debug + Display + 'static {
    /// Every category of the catalogue, in catalogue order; never empty.
    const ALL: &'static [Self];

    /// The category's `name` in the catalogue, which is also its variant name, e.g.
    /// `ServiceManagement`. Unique within a catalogue, so it is what serde writes.
    fn name(self) -> &'static str;

    /// The category's title, e.g. `Service management errors`.
    fn title(self) -> &'static str;

    /// The category whose prefixes and range hold `code`, listed in the catalogue or not.
    fn of(code: &str) -> Option<Self>;

    /// The category named `name` (as [`name`](Self::name) writes it), or `None`.
    ///
    /// ```
    /// use frs_codes::{Category, CatalogueCategory};
    ///
    /// assert_eq!(Category::from_name("Gateway"), Some(Category::Gateway));
    /// assert_eq!(Category::from_name("Gateway errors"), None);
    /// ```
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|category| category.name() == name)
    }
}
