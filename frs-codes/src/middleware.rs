//! Retries in a [`reqwest_middleware`] client, decided by the catalogue: [`RetryMiddleware`].
//!
//! Available with the `reqwest-middleware` feature.

use crate::retrying::{classify, delay, idempotency, Verdict, DEFAULT_MAX_RETRY_AFTER};
use crate::{CatalogueCode, ErrorCode};
use alloc::boxed::Box;
use core::marker::PhantomData;
use core::time::Duration;
use reqwest::{Request, Response, ResponseBuilderExt as _};
use reqwest_middleware::{Error, Middleware, Next};
use retry_policies::RetryPolicy;
use std::time::SystemTime;

/// A [`reqwest_middleware`] middleware that retries what the catalogue says is worth retrying.
///
/// On an error status it reads the body (at most [`MAX_PARSED_BODY`](crate::MAX_PARSED_BODY)
/// bytes of it, as [`ApiError`](crate::ApiError) does), classifies the response with the
/// catalogue `C` ([`ErrorCode`], the bundled FRS one, unless you name your own), and retries
/// a [`Retry::Throttling`](crate::Retry::Throttling), [`Transient`](crate::Retry::Transient)
/// or [`Server`](crate::Retry::Server) failure, so that FRS's `FRS.0033` is retried as the HTTP
/// 400 it is sent with, and `APIG.0201` as 504 but not as 413. Connection errors and timeouts
/// are transient.
///
/// * **When**: after the `policy`'s backoff, or after the server's `Retry-After` when that is
///   longer (honoured up to [`max_retry_after`](Self::max_retry_after), 60 s by default); never
///   past the policy's attempts or total time.
/// * **What**: a request whose method is idempotent (`GET`, `HEAD`, `PUT`, `DELETE`,
///   `OPTIONS`, `TRACE`), or one marked [`Idempotency::Idempotent`](crate::Idempotency) with
///   `.with_extension(..)`; a `POST` that may have taken effect is not sent twice unless you
///   say so. A request whose body cannot be cloned (a stream) is sent once.
/// * **What you get**: the last response, with its status, headers and body exactly as the
///   server sent them, or the last error.
///
/// ```no_run
/// use frs_codes::middleware::RetryMiddleware;
/// use frs_codes::Idempotency;
/// use retry_policies::policies::ExponentialBackoff;
///
/// # async fn run() -> Result<(), reqwest_middleware::Error> {
/// let policy = ExponentialBackoff::builder().build_with_max_retries(3);
/// let client = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
///     .with(RetryMiddleware::new(policy))
///     .build();
///
/// // A face search is a POST that is safe to repeat: say so.
/// let response = client
///     .post("https://face.example.com/v2/search")
///     .with_extension(Idempotency::Idempotent)
///     .send()
///     .await?;
/// # drop(response);
/// # Ok(())
/// # }
/// ```
///
/// With a catalogue of your own, name its code enum:
/// `RetryMiddleware::<_, GatewayCode>::with_catalogue(policy)`.
#[derive(Debug)]
pub struct RetryMiddleware<P, C = ErrorCode> {
    policy: P,
    max_retry_after: Duration,
    catalogue: PhantomData<fn() -> C>,
}

impl<P: RetryPolicy> RetryMiddleware<P> {
    /// A middleware retrying by the bundled FRS catalogue, with `policy`'s backoff and limits.
    ///
    /// ```
    /// use frs_codes::middleware::RetryMiddleware;
    /// use retry_policies::policies::ExponentialBackoff;
    ///
    /// let retries = RetryMiddleware::new(ExponentialBackoff::builder().build_with_max_retries(2));
    /// # drop(retries);
    /// ```
    #[must_use]
    pub fn new(policy: P) -> Self {
        Self::with_catalogue(policy)
    }
}

impl<P: RetryPolicy, C: CatalogueCode> RetryMiddleware<P, C> {
    /// A middleware retrying by the catalogue whose code enum is `C`, one of your own.
    ///
    /// ```
    /// use frs_codes::middleware::RetryMiddleware;
    /// use frs_codes::ErrorCode;
    /// use retry_policies::policies::ExponentialBackoff;
    ///
    /// // `ErrorCode` stands for the code enum `frs_codes!` generated for your catalogue.
    /// let retries = RetryMiddleware::<_, ErrorCode>::with_catalogue(
    ///     ExponentialBackoff::builder().build_with_max_retries(2),
    /// );
    /// # drop(retries);
    /// ```
    #[must_use]
    pub fn with_catalogue(policy: P) -> Self {
        RetryMiddleware {
            policy,
            max_retry_after: DEFAULT_MAX_RETRY_AFTER,
            catalogue: PhantomData,
        }
    }

    /// The longest `Retry-After` waited for (default 60 s); a longer one is waited this long.
    /// The policy's own backoff is never shortened.
    ///
    /// ```
    /// use core::time::Duration;
    /// use frs_codes::middleware::RetryMiddleware;
    /// use retry_policies::policies::ExponentialBackoff;
    ///
    /// let retries = RetryMiddleware::new(ExponentialBackoff::builder().build_with_max_retries(2))
    ///     .max_retry_after(Duration::from_secs(5));
    /// # drop(retries);
    /// ```
    #[must_use]
    pub fn max_retry_after(mut self, longest: Duration) -> Self {
        self.max_retry_after = longest;
        self
    }
}

#[async_trait::async_trait]
impl<P, C> Middleware for RetryMiddleware<P, C>
where
    P: RetryPolicy + Send + Sync + 'static,
    C: CatalogueCode + 'static,
{
    async fn handle(
        &self,
        request: Request,
        extensions: &mut http::Extensions,
        next: Next<'_>,
    ) -> reqwest_middleware::Result<Response> {
        let idempotency = idempotency(request.method(), extensions);
        let started = SystemTime::now();
        let mut past_retries = 0;
        loop {
            let Some(attempt) = request.try_clone() else {
                return next.run(request, extensions).await;
            };
            let (verdict, outcome) = match next.clone().run(attempt, extensions).await {
                Ok(response) => read::<C>(response).await,
                Err(Error::Reqwest(error)) if error.is_connect() || error.is_timeout() => {
                    (Verdict::TRANSPORT, Err(Error::Reqwest(error)))
                }
                Err(error) => (Verdict::SUCCESS, Err(error)),
            };
            let Some(wait) = delay(
                &self.policy,
                verdict,
                idempotency,
                started,
                past_retries,
                self.max_retry_after,
            ) else {
                return outcome;
            };
            drop(outcome);
            tokio::time::sleep(wait).await;
            past_retries += 1;
        }
    }
}

/// The verdict on `response`, and the response to hand on, its body replayed whole; a body that
/// breaks off while it is read is a transport error.
async fn read<C: CatalogueCode>(
    response: Response,
) -> (Verdict, reqwest_middleware::Result<Response>) {
    let url = response.url().clone();
    let (mut parts, body) = http::Response::<reqwest::Body>::from(response).into_parts();
    match classify::<C, _>(&parts, body).await {
        Ok((verdict, body)) => {
            // The conversion back reads the URL from the extensions, where the builder puts it.
            let carrier = http::Response::builder()
                .url(url)
                .body(())
                .unwrap_or_default();
            parts.extensions.extend(carrier.into_parts().0.extensions);
            let response = http::Response::from_parts(parts, reqwest::Body::wrap(body));
            (verdict, Ok(Response::from(response)))
        }
        Err(error) => (Verdict::TRANSPORT, Err(Error::Reqwest(error))),
    }
}
