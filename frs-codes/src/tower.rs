//! Retries in a [`tower`] stack of `http` clients (hyper's, or any service from
//! `http::Request` to `http::Response`), decided by the catalogue.
//!
//! Available with the `tower` feature.
//!
//! A [`tower::retry::Policy`] decides before a response's body is read, so the decision takes
//! two parts: [`Classify`] reads an error response's body (bounded, and replayed whole to the
//! caller) and records what the catalogue says of it, and [`CatalogueRetry`] is the policy that
//! acts on it. [`RetryLayer`] stacks both:
//!
//! ```no_run
//! use frs_codes::tower::RetryLayer;
//! use retry_policies::policies::ExponentialBackoff;
//! use tower::{Service, ServiceBuilder, ServiceExt};
//!
//! # async fn run<S, B>(client: S) -> Result<(), tower::BoxError>
//! # where
//! #     S: Service<http::Request<String>, Response = http::Response<B>> + Clone + Send + 'static,
//! #     S::Future: Send + 'static,
//! #     S::Error: Into<tower::BoxError>,
//! #     B: http_body::Body + Unpin + Send + 'static,
//! #     B::Error: Into<tower::BoxError>,
//! # {
//! let policy = ExponentialBackoff::builder().build_with_max_retries(3);
//! let mut client = ServiceBuilder::new()
//!     .layer(RetryLayer::new(policy))
//!     .service(client);
//! let request = http::Request::get("http://127.0.0.1:8080/v2/faces").body(String::new())?;
//! let response = client.ready().await?.call(request).await?;
//! # drop(response);
//! # Ok(())
//! # }
//! ```
//!
//! The decision is [`RetryMiddleware`](crate::middleware::RetryMiddleware)'s (with the
//! `reqwest-middleware` feature): the class the catalogue gives the code and status, the
//! request's idempotence (its method, or an [`Idempotency`](crate::Idempotency) in its
//! extensions), the policy's
//! backoff and limits, and the server's `Retry-After` when longer. An error of the inner
//! service (it never is an HTTP status) is transient.

use crate::retrying::{classify, delay, idempotency, ReplayBody, Verdict, DEFAULT_MAX_RETRY_AFTER};
use crate::{CatalogueCode, ErrorCode};
use alloc::boxed::Box;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;
use retry_policies::RetryPolicy;
use std::time::SystemTime;
use tower::BoxError;

/// Wraps a client so that every error response carries the catalogue's verdict on it, for
/// [`CatalogueRetry`]; the body is read up to
/// [`MAX_PARSED_BODY`](crate::MAX_PARSED_BODY) bytes and replayed whole.
///
/// ```
/// use frs_codes::tower::ClassifyLayer;
/// use frs_codes::ErrorCode;
///
/// let bundled = ClassifyLayer::new();
/// // `ErrorCode` stands for the code enum `frs_codes!` generated for your catalogue.
/// let own = ClassifyLayer::<ErrorCode>::with_catalogue();
/// # drop((bundled, own));
/// ```
#[derive(Debug)]
pub struct ClassifyLayer<C = ErrorCode> {
    catalogue: PhantomData<fn() -> C>,
}

impl ClassifyLayer {
    /// The layer for the bundled FRS catalogue.
    #[must_use]
    pub const fn new() -> Self {
        Self::with_catalogue()
    }
}

impl<C> ClassifyLayer<C> {
    /// The layer for the catalogue whose code enum is `C`, one of your own.
    #[must_use]
    pub const fn with_catalogue() -> Self {
        ClassifyLayer {
            catalogue: PhantomData,
        }
    }
}

impl<C> Default for ClassifyLayer<C> {
    fn default() -> Self {
        Self::with_catalogue()
    }
}

impl<C> Clone for ClassifyLayer<C> {
    fn clone(&self) -> Self {
        Self::with_catalogue()
    }
}

impl<S, C> tower::Layer<S> for ClassifyLayer<C> {
    type Service = Classify<S, C>;

    fn layer(&self, inner: S) -> Self::Service {
        Classify {
            inner,
            catalogue: PhantomData,
        }
    }
}

/// The service of [`ClassifyLayer`].
#[derive(Debug)]
pub struct Classify<S, C = ErrorCode> {
    inner: S,
    catalogue: PhantomData<fn() -> C>,
}

impl<S: Clone, C> Clone for Classify<S, C> {
    fn clone(&self) -> Self {
        Classify {
            inner: self.inner.clone(),
            catalogue: PhantomData,
        }
    }
}

/// What [`Classify`] found, in a response's extensions.
#[derive(Clone, Copy, Debug)]
struct Classified(Verdict);

impl<S, C, RequestBody, ResponseBody> tower::Service<http::Request<RequestBody>> for Classify<S, C>
where
    S: tower::Service<http::Request<RequestBody>, Response = http::Response<ResponseBody>>,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    ResponseBody: http_body::Body + Unpin + Send + 'static,
    ResponseBody::Error: Into<BoxError>,
    C: CatalogueCode + 'static,
{
    type Response = http::Response<ReplayBody<ResponseBody>>;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, BoxError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, request: http::Request<RequestBody>) -> Self::Future {
        let response = self.inner.call(request);
        Box::pin(async move {
            let (mut parts, body) = response.await.map_err(Into::into)?.into_parts();
            let (verdict, body) = classify::<C, _>(&parts, body).await.map_err(Into::into)?;
            parts.extensions.insert(Classified(verdict));
            Ok(http::Response::from_parts(parts, body))
        })
    }
}

/// The [`tower::retry::Policy`] acting on what [`Classify`] found, with a
/// [`retry_policies`] policy's backoff and limits.
///
/// ```
/// use frs_codes::tower::CatalogueRetry;
/// use retry_policies::policies::ExponentialBackoff;
///
/// let policy = CatalogueRetry::new(ExponentialBackoff::builder().build_with_max_retries(2));
/// # drop(policy);
/// ```
#[derive(Clone, Debug)]
pub struct CatalogueRetry<P> {
    policy: P,
    max_retry_after: Duration,
    started: SystemTime,
    past_retries: u32,
}

impl<P: RetryPolicy> CatalogueRetry<P> {
    /// A policy with `policy`'s backoff and limits.
    #[must_use]
    pub fn new(policy: P) -> Self {
        CatalogueRetry {
            policy,
            max_retry_after: DEFAULT_MAX_RETRY_AFTER,
            started: SystemTime::now(),
            past_retries: 0,
        }
    }

    /// The longest `Retry-After` waited for (default 60 s); a longer one is waited this long.
    ///
    /// ```
    /// use core::time::Duration;
    /// use frs_codes::tower::CatalogueRetry;
    /// use retry_policies::policies::ExponentialBackoff;
    ///
    /// let policy = CatalogueRetry::new(ExponentialBackoff::builder().build_with_max_retries(2))
    ///     .max_retry_after(Duration::from_secs(5));
    /// # drop(policy);
    /// ```
    #[must_use]
    pub fn max_retry_after(mut self, longest: Duration) -> Self {
        self.max_retry_after = longest;
        self
    }
}

impl<P, RequestBody, ResponseBody, E>
    tower::retry::Policy<http::Request<RequestBody>, http::Response<ResponseBody>, E>
    for CatalogueRetry<P>
where
    P: RetryPolicy,
    RequestBody: Clone,
{
    type Future = tokio::time::Sleep;

    fn retry(
        &mut self,
        request: &mut http::Request<RequestBody>,
        result: &mut Result<http::Response<ResponseBody>, E>,
    ) -> Option<Self::Future> {
        let verdict = match result {
            Ok(response) => response
                .extensions()
                .get::<Classified>()
                .map_or(Verdict::SUCCESS, |classified| classified.0),
            Err(_) => Verdict::TRANSPORT,
        };
        let wait = delay(
            &self.policy,
            verdict,
            idempotency(request.method(), request.extensions()),
            self.started,
            self.past_retries,
            self.max_retry_after,
        )?;
        self.past_retries += 1;
        Some(tokio::time::sleep(wait))
    }

    fn clone_request(
        &mut self,
        request: &http::Request<RequestBody>,
    ) -> Option<http::Request<RequestBody>> {
        // Called before the first attempt (on the policy shared by all requests) and before each
        // retry (on the request's own copy): the first call starts the request's clock.
        if self.past_retries == 0 {
            self.started = SystemTime::now();
        }
        let mut clone = http::Request::new(request.body().clone());
        *clone.method_mut() = request.method().clone();
        *clone.uri_mut() = request.uri().clone();
        *clone.version_mut() = request.version();
        *clone.headers_mut() = request.headers().clone();
        *clone.extensions_mut() = request.extensions().clone();
        Some(clone)
    }
}

/// [`ClassifyLayer`] under [`tower::retry::RetryLayer`] with a [`CatalogueRetry`]: retries by
/// the catalogue `C` in one layer.
///
/// ```
/// use frs_codes::tower::RetryLayer;
/// use retry_policies::policies::ExponentialBackoff;
///
/// let layer = RetryLayer::new(ExponentialBackoff::builder().build_with_max_retries(2));
/// # drop(layer);
/// ```
#[derive(Clone, Debug)]
pub struct RetryLayer<P, C = ErrorCode> {
    policy: CatalogueRetry<P>,
    catalogue: PhantomData<fn() -> C>,
}

impl<P: RetryPolicy> RetryLayer<P> {
    /// Retries by the bundled FRS catalogue, with `policy`'s backoff and limits.
    #[must_use]
    pub fn new(policy: P) -> Self {
        Self::with_catalogue(policy)
    }
}

impl<P: RetryPolicy, C> RetryLayer<P, C> {
    /// Retries by the catalogue whose code enum is `C`, one of your own.
    ///
    /// ```
    /// use frs_codes::tower::RetryLayer;
    /// use frs_codes::ErrorCode;
    /// use retry_policies::policies::ExponentialBackoff;
    ///
    /// // `ErrorCode` stands for the code enum `frs_codes!` generated for your catalogue.
    /// let layer = RetryLayer::<_, ErrorCode>::with_catalogue(
    ///     ExponentialBackoff::builder().build_with_max_retries(2),
    /// );
    /// # drop(layer);
    /// ```
    #[must_use]
    pub fn with_catalogue(policy: P) -> Self {
        RetryLayer {
            policy: CatalogueRetry::new(policy),
            catalogue: PhantomData,
        }
    }

    /// The longest `Retry-After` waited for (default 60 s), as
    /// [`CatalogueRetry::max_retry_after`].
    ///
    /// ```
    /// use core::time::Duration;
    /// use frs_codes::tower::RetryLayer;
    /// use retry_policies::policies::ExponentialBackoff;
    ///
    /// let layer = RetryLayer::new(ExponentialBackoff::builder().build_with_max_retries(2))
    ///     .max_retry_after(Duration::from_secs(5));
    /// # drop(layer);
    /// ```
    #[must_use]
    pub fn max_retry_after(mut self, longest: Duration) -> Self {
        self.policy = self.policy.max_retry_after(longest);
        self
    }
}

impl<S, P: Clone, C> tower::Layer<S> for RetryLayer<P, C> {
    type Service = tower::retry::Retry<CatalogueRetry<P>, Classify<S, C>>;

    fn layer(&self, inner: S) -> Self::Service {
        tower::retry::Retry::new(
            self.policy.clone(),
            ClassifyLayer::<C>::with_catalogue().layer(inner),
        )
    }
}
