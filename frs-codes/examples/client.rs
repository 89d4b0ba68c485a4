//! A client that reads every failure through `ApiError` and retries, with backon, what the
//! catalogue says can be retried:
//!
//! ```text
//! cargo run -p frs-codes-cli -- serve --inject FRS.0033=0.2 --inject APIG.0201=0.1   # in one shell
//! cargo run -p frs-codes --features http --example client -- http://127.0.0.1:8080 20
//! ```
//!
//! It makes CALLS calls (default 10) to URL (default `http://127.0.0.1:8080`). A failure is
//! read with `ApiError::from_http` and logged as its one-line `Display`. backon retries it when
//! `ApiError::should_retry` says so (a throttling, transient or server class, for a request that
//! is idempotent: these are `GET`s), after its exponential backoff with jitter or the server's
//! `Retry-After` if longer, at most 4 retries a call; a connection that fails is transient. It
//! ends with a count of the outcomes, and exits with status 1 if any call failed (2 for bad
//! arguments).

use backon::{ExponentialBuilder, Retryable as _};
use frs_codes::{ApiError, ErrorCode, Idempotency, ResponseCode};
use std::process::ExitCode;
use std::time::Duration;

/// Retries a call gets after its first attempt.
const RETRIES: usize = 4;
/// The longest `Retry-After` waited for; a longer one is waited this long.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(10);

const USAGE: &str = "usage: client [URL] [CALLS]\n\n\
    Calls URL (default http://127.0.0.1:8080) CALLS times (default 10), retrying what the\n\
    catalogue says can be retried; exits 1 if any call failed.";

/// Why an attempt failed.
enum Failure {
    /// The service answered with an error.
    Answered(ApiError),
    /// No response at all.
    Unreachable(reqwest::Error),
}

impl Failure {
    /// Whether backon should try again: the catalogue's class and the request's idempotence
    /// decide for an answer; a connection that failed or timed out is transient.
    fn should_retry(&self) -> bool {
        match self {
            Failure::Answered(error) => error.should_retry(Idempotency::from_method("GET")),
            Failure::Unreachable(error) => error.is_connect() || error.is_timeout(),
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|arg| arg == "--help" || arg == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let url = args.first().map_or("http://127.0.0.1:8080", String::as_str);
    let url = match reqwest::Url::parse(url) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => url,
        Ok(_) | Err(_) => {
            eprintln!("error: `{url}` is not an http:// or https:// URL\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let calls: u32 = match args.get(1).map(|calls| calls.parse()) {
        None => 10,
        Some(Ok(calls)) => calls,
        Some(Err(_)) => {
            eprintln!(
                "error: CALLS is a number of calls, not `{}`\n\n{USAGE}",
                args[1]
            );
            return ExitCode::from(2);
        }
    };
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("a client without TLS builds");
    let backoff = ExponentialBuilder::default()
        .with_min_delay(Duration::from_millis(50))
        .with_max_delay(Duration::from_secs(2))
        .with_max_times(RETRIES)
        .with_jitter();
    let (mut succeeded, mut failed) = (0, 0);
    for call in 1..=calls {
        let mut attempt = 0;
        let outcome = (|| {
            attempt += 1;
            let (client, url, attempt) = (&client, url.clone(), attempt);
            async move {
                let result = get(client, url).await;
                match &result {
                    Err(Failure::Answered(error)) => println!("attempt {attempt}: {error}"),
                    Err(Failure::Unreachable(error)) => {
                        println!("attempt {attempt}: no response: {error}");
                    }
                    Ok(()) => {}
                }
                result
            }
        })
        .retry(backoff)
        .sleep(tokio::time::sleep)
        .when(Failure::should_retry)
        .adjust(|failure, backoff| {
            let asked = match failure {
                Failure::Answered(error) => error.retry_after().unwrap_or_default(),
                Failure::Unreachable(_) => Duration::ZERO,
            };
            backoff.map(|backoff| backoff.max(asked.min(MAX_RETRY_AFTER)))
        })
        .await;
        match outcome {
            Ok(()) => succeeded += 1,
            Err(Failure::Answered(error)) => {
                failed += 1;
                println!("call {call}: gave up: {error}");
                advise(&error);
            }
            Err(Failure::Unreachable(error)) => {
                failed += 1;
                println!("call {call}: unreachable: {error}");
            }
        }
    }
    println!("{calls} calls: {succeeded} succeeded, {failed} failed");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// One attempt: `Ok` for a success, the error read with the bundled catalogue otherwise.
async fn get(client: &reqwest::Client, url: reqwest::Url) -> Result<(), Failure> {
    let response = client.get(url).send().await.map_err(Failure::Unreachable)?;
    let (status, headers) = (response.status(), response.headers().clone());
    let body = response.bytes().await.map_err(Failure::Unreachable)?;
    match ApiError::from_http(status, &headers, &body) {
        Some(error) => Err(Failure::Answered(error)),
        None => Ok(()),
    }
}

/// What to do about an error that is not worth retrying, by code: the `match` the compiler
/// keeps complete as the catalogue grows (a wildcard would hide new codes; these few arms are
/// a sample).
fn advise(error: &ApiError) {
    match error.code() {
        Some(ResponseCode::Known(
            ErrorCode::TokenAuthenticationFailed | ErrorCode::TokenNeedsUpdate,
        )) => {
            println!("  obtain a new token, then call again");
        }
        Some(ResponseCode::Known(ErrorCode::TrafficLimitExceeded)) => {
            println!("  still throttled after {RETRIES} retries: lower the request rate");
        }
        Some(ResponseCode::Known(code)) => println!("  {}", code.measure()),
        Some(ResponseCode::Unknown(code)) => {
            println!(
                "  `{code}` is not in this catalogue version; quote request id {:?}",
                error.request_id()
            );
        }
        None => println!(
            "  no error code in the response; quote request id {:?}",
            error.request_id()
        ),
    }
}
