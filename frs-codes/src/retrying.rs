//! What the retry integrations share: reading an error response's body without losing it, the
//! decision it leads to, and how long to wait before the next attempt.

use crate::{ApiError, CatalogueCode, Idempotency, Retry, MAX_PARSED_BODY};
use alloc::collections::VecDeque;
use alloc::vec::Vec;
use bytes::{Buf, Bytes};
use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;
use http_body::{Body, Frame, SizeHint};
use http_body_util::BodyExt as _;
use retry_policies::{RetryDecision, RetryPolicy};
use std::time::SystemTime;

/// How a `Retry-After` longer than the policy's own backoff is honoured at most, by default.
pub(crate) const DEFAULT_MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// A response body replayed whole: the frames read to classify the response, then the rest as
/// the server sends it. The caller reads exactly what the server sent.
///
/// Available with the `reqwest-middleware` or `tower` feature.
#[derive(Debug)]
#[cfg_attr(
    docsrs,
    doc(cfg(any(feature = "reqwest-middleware", feature = "tower")))
)]
pub struct ReplayBody<B> {
    read: VecDeque<Frame<Bytes>>,
    rest: Option<B>,
}

impl<B> ReplayBody<B> {
    /// A body of nothing but `rest`, for responses that were not read.
    pub(crate) fn unread(rest: B) -> Self {
        ReplayBody {
            read: VecDeque::new(),
            rest: Some(rest),
        }
    }
}

impl<B> Body for ReplayBody<B>
where
    B: Body + Unpin,
{
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        if let Some(frame) = self.read.pop_front() {
            return Poll::Ready(Some(Ok(frame)));
        }
        let Some(rest) = self.rest.as_mut() else {
            return Poll::Ready(None);
        };
        match Pin::new(rest).poll_frame(cx) {
            Poll::Ready(None) => {
                self.rest = None;
                Poll::Ready(None)
            }
            Poll::Ready(Some(frame)) => {
                Poll::Ready(Some(frame.map(|frame| {
                    frame.map_data(|mut data| data.copy_to_bytes(data.remaining()))
                })))
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.read.is_empty() && self.rest.as_ref().is_none_or(Body::is_end_stream)
    }

    fn size_hint(&self) -> SizeHint {
        let read: u64 = self
            .read
            .iter()
            .filter_map(Frame::data_ref)
            .map(|data| data.len() as u64)
            .sum();
        let mut hint = self
            .rest
            .as_ref()
            .map_or(SizeHint::with_exact(0), Body::size_hint);
        hint.set_lower(hint.lower() + read);
        if let Some(upper) = hint.upper() {
            hint.set_upper(upper + read);
        }
        hint
    }
}

/// What an attempt's outcome says about retrying it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub retry: Retry,
    pub retry_after: Option<Duration>,
}

impl Verdict {
    /// An outcome that is not a failure.
    pub const SUCCESS: Verdict = Verdict {
        retry: Retry::No,
        retry_after: None,
    };

    /// A connection error or a timeout: nothing reached the service, or its answer was lost.
    pub const TRANSPORT: Verdict = Verdict {
        retry: Retry::Transient,
        retry_after: None,
    };
}

/// Reads the beginning of an error response's body (at most what [`ApiError`] parses, and one
/// byte more to know it is longer), classifies the response with the catalogue `C`, and
/// returns the verdict with the body to replay. A status that is not an error is not read.
pub(crate) async fn classify<C, B>(
    parts: &http::response::Parts,
    body: B,
) -> Result<(Verdict, ReplayBody<B>), B::Error>
where
    C: CatalogueCode,
    B: Body + Unpin,
{
    if !(parts.status.is_client_error() || parts.status.is_server_error()) {
        return Ok((Verdict::SUCCESS, ReplayBody::unread(body)));
    }
    let mut read = VecDeque::new();
    let mut text = Vec::new();
    let mut rest = Some(body);
    while text.len() <= MAX_PARSED_BODY {
        let Some(unread) = rest.as_mut() else { break };
        match unread.frame().await {
            None => rest = None,
            Some(frame) => {
                let frame = frame?.map_data(|mut data| data.copy_to_bytes(data.remaining()));
                if let Some(data) = frame.data_ref() {
                    text.extend_from_slice(data);
                }
                read.push_back(frame);
            }
        }
    }
    Ok((verdict::<C>(parts, &text), ReplayBody { read, rest }))
}

fn verdict<C: CatalogueCode>(parts: &http::response::Parts, body: &[u8]) -> Verdict {
    ApiError::<C>::from_catalogue_parts(parts.status.as_u16(), |name| parts.headers.get(name), body)
        .map_or(Verdict::SUCCESS, |error| Verdict {
            retry: error.retry(),
            retry_after: error.retry_after(),
        })
}

/// The idempotence of a request: as its caller marked it (an [`Idempotency`] in its
/// extensions), or as HTTP gives its method.
pub(crate) fn idempotency(method: &http::Method, extensions: &http::Extensions) -> Idempotency {
    extensions
        .get::<Idempotency>()
        .copied()
        .unwrap_or_else(|| Idempotency::from(method))
}

/// How long to wait before retrying, if at all: never for a verdict that is not retryable for
/// this request; otherwise as `policy` says after `past_retries` retries since `started`, or the
/// server's `Retry-After` if longer, honoured up to `max_retry_after`.
pub(crate) fn delay<P: RetryPolicy>(
    policy: &P,
    verdict: Verdict,
    idempotency: Idempotency,
    started: SystemTime,
    past_retries: u32,
    max_retry_after: Duration,
) -> Option<Duration> {
    if !verdict.retry.should_retry(idempotency) {
        return None;
    }
    match policy.should_retry(started, past_retries) {
        RetryDecision::DoNotRetry => None,
        RetryDecision::Retry { execute_after } => {
            let backoff = execute_after
                .duration_since(SystemTime::now())
                .unwrap_or_default();
            let asked = verdict.retry_after.unwrap_or_default().min(max_retry_after);
            Some(backoff.max(asked))
        }
    }
}
