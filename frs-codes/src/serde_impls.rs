//! serde for generated catalogues: codes and categories as strings, and the FRS error body.
//!
//! `frs_codes!` calls [`__impl_serde!`](crate::__impl_serde) on the types it generates; the impls
//! delegate to the generic functions here, so a consumer crate needs no serde dependency of its
//! own, and without this crate's `serde` feature the macro expands to nothing.

use crate::{CatalogueCase, CatalogueCategory, CatalogueCode, ErrorCode};
use core::fmt;
use core::marker::PhantomData;
use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

/// Writes `code` as its string, e.g. `"FRS.0202"`.
#[doc(hidden)]
pub fn serialize_code<C: CatalogueCode, S: Serializer>(
    code: C,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(code.as_str())
}

/// Reads a code from its string; an unknown string is an error naming it.
#[doc(hidden)]
pub fn deserialize_code<'de, C: CatalogueCode, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<C, D::Error> {
    deserializer.deserialize_str(CodeVisitor(PhantomData))
}

/// Writes `category` as its name, e.g. `"ServiceManagement"`.
#[doc(hidden)]
pub fn serialize_category<K: CatalogueCategory, S: Serializer>(
    category: K,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(category.name())
}

/// Reads a category from its name; an unknown name is an error naming it.
#[doc(hidden)]
pub fn deserialize_category<'de, K: CatalogueCategory, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<K, D::Error> {
    deserializer.deserialize_str(CategoryVisitor(PhantomData))
}

struct CodeVisitor<C>(PhantomData<C>);

impl<C: CatalogueCode> Visitor<'_> for CodeVisitor<C> {
    type Value = C;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error code listed in the catalogue")?;
        match C::ALL.first() {
            Some(example) => write!(f, ", such as \"{}\"", example.as_str()),
            None => Ok(()),
        }
    }

    fn visit_str<E: de::Error>(self, code: &str) -> Result<C, E> {
        C::from_code(code).ok_or_else(|| E::invalid_value(Unexpected::Str(code), &self))
    }
}

struct CategoryVisitor<K>(PhantomData<K>);

impl<K: CatalogueCategory> Visitor<'_> for CategoryVisitor<K> {
    type Value = K;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the name of a category of the catalogue")?;
        match K::ALL.first() {
            Some(example) => write!(f, ", such as \"{}\"", example.name()),
            None => Ok(()),
        }
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<K, E> {
        K::from_name(name).ok_or_else(|| E::invalid_value(Unexpected::Str(name), &self))
    }
}

/// Implements `Serialize` and `Deserialize` for a generated code enum and category enum
/// through this crate's serde, so that the calling crate needs none of its own.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_serde {
    ($code:ident, $category:ident) => {
        impl $crate::__private::serde::Serialize for $code {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::serialize_code(*self, serializer)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $code {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize_code(deserializer)
            }
        }

        impl $crate::__private::serde::Serialize for $category {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::serialize_category(*self, serializer)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $category {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize_category(deserializer)
            }
        }
    };
}

/// The body FRS sends with an error, `{"error_code": "FRS.0202", "error_msg": "..."}`, for
/// serving an FRS-compatible API or mocking one.
///
/// Available with the `serde` feature.
///
/// It serializes to the document's format, which [`ApiError::from_parts`](crate::ApiError::from_parts)
/// reads back. Send it with the code's [`http_status`](crate::ErrorCode::http_status).
///
/// ```
/// use frs_codes::{ErrorBody, ErrorCode};
///
/// let body = ErrorBody::new(ErrorCode::ServiceFrozen);
/// assert_eq!(
///     serde_json::to_string(&body)?,
///     r#"{"error_code":"FRS.0202","error_msg":"The service has been frozen."}"#,
/// );
/// let custom = ErrorBody { error_code: ErrorCode::ServiceFrozen, error_msg: " The service has been freeze." };
/// assert!(serde_json::to_string(&custom)?.contains("freeze"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub struct ErrorBody<'a, C: CatalogueCode = ErrorCode> {
    /// The code, written as its string.
    pub error_code: C,
    /// The message, written as given.
    pub error_msg: &'a str,
}

impl<C: CatalogueCode> ErrorBody<'static, C> {
    /// The body for `code` as the service sends it: its first case's documented message, or
    /// its description where the catalogue documents no message.
    ///
    /// ```
    /// use frs_codes::{ErrorBody, ErrorCode};
    ///
    /// let body = ErrorBody::new(ErrorCode::ApiNotFound);
    /// assert_eq!(body.error_msg, "The API does not exist.");
    /// ```
    #[must_use]
    pub fn new(code: C) -> Self {
        Self::with_case(code, code.cases()[0])
    }

    /// The body for `code` sent with `status`: the message (or, without one, the description)
    /// of the case documented for that status (see [`CatalogueCode::case_for_status`]).
    ///
    /// ```
    /// use frs_codes::{ErrorBody, ErrorCode};
    ///
    /// let body = ErrorBody::for_status(ErrorCode::RequestTooLargeOrBackendTimeout, 504);
    /// assert_eq!(body.error_msg, ErrorCode::RequestTooLargeOrBackendTimeout.description());
    /// ```
    #[must_use]
    pub fn for_status(code: C, status: u16) -> Self {
        Self::with_case(code, code.case_for_status(status))
    }

    fn with_case(code: C, case: C::Case) -> Self {
        Self {
            error_code: code,
            error_msg: case.message().unwrap_or_else(|| case.description()),
        }
    }
}

impl<C: CatalogueCode> Serialize for ErrorBody<'_, C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut body = serializer.serialize_struct("ErrorBody", 2)?;
        body.serialize_field("error_code", self.error_code.as_str())?;
        body.serialize_field("error_msg", self.error_msg)?;
        body.end()
    }
}
