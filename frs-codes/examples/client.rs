//! A client that reads every failure through `ApiError` and retries what can be retried:
//!
//! ```text
//! cargo run -p frs-codes-cli -- serve --inject FRS.0033=0.2 --inject APIG.0201=0.1   # in one shell
//! cargo run -p frs-codes --features http --example client -- http://127.0.0.1:8080 20
//! ```
//!
//! It makes CALLS calls (default 10) to URL (default `http://127.0.0.1:8080`). A failure is
//! read with `ApiError::from_http` and logged as its one-line `Display`; `Retry::Throttling` and
//! `Retry::Transient` (and a connection that fails) are retried with exponential backoff and
//! full jitter, at most 5 attempts a call; `Retry::Server` and `Retry::No` are given up on. It
//! ends with a count of the outcomes, and exits with status 1 if any call failed.

use frs_codes::{ApiError, ErrorCode, ResponseCode, Retry};
use std::process::ExitCode;
use std::time::Duration;

/// Attempts a call gets in all, the first included.
const ATTEMPTS: u32 = 5;
/// The backoff before the second attempt; it doubles after each one, up to `MAX_BACKOFF`.
const FIRST_BACKOFF: Duration = Duration::from_millis(50);
const MAX_BACKOFF: Duration = Duration::from_secs(2);

/// How one call ended.
enum Outcome {
    Succeeded,
    /// The service said no, or asked for too many attempts.
    Failed(ApiError),
    /// No response at all, after every attempt.
    Unreachable(reqwest::Error),
}

#[tokio::main]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let url = args
        .next()
        .unwrap_or_else(|| "http://127.0.0.1:8080".to_owned());
    let calls: u32 = match args.next().map(|calls| calls.parse()) {
        None => 10,
        Some(Ok(calls)) => calls,
        Some(Err(_)) => {
            eprintln!("usage: client [URL] [CALLS]");
            return ExitCode::from(2);
        }
    };
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("a client without TLS builds");
    let mut jitter = Jitter::from_clock();
    let (mut succeeded, mut failed) = (0, 0);
    for call in 1..=calls {
        match call_with_retries(&client, &url, &mut jitter).await {
            Outcome::Succeeded => succeeded += 1,
            Outcome::Failed(error) => {
                failed += 1;
                println!("call {call}: gave up: {error}");
                advise(&error);
            }
            Outcome::Unreachable(error) => {
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

async fn call_with_retries(client: &reqwest::Client, url: &str, jitter: &mut Jitter) -> Outcome {
    let mut attempt = 1;
    loop {
        match client.get(url).send().await {
            Ok(response) => {
                let status = response.status();
                let headers = response.headers().clone();
                let body = response.bytes().await.unwrap_or_default();
                let Some(error) = ApiError::from_http(status, &headers, &body) else {
                    return Outcome::Succeeded;
                };
                println!("attempt {attempt}: {error}");
                let retryable = matches!(error.retry(), Retry::Throttling | Retry::Transient);
                if !retryable || attempt == ATTEMPTS {
                    return Outcome::Failed(error);
                }
            }
            Err(error) => {
                if attempt == ATTEMPTS {
                    return Outcome::Unreachable(error);
                }
                println!("attempt {attempt}: no response: {error}");
            }
        }
        tokio::time::sleep(jitter.backoff(attempt)).await;
        attempt += 1;
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
            println!("  still throttled after {ATTEMPTS} attempts: lower the request rate");
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

/// Exponential backoff with full jitter: a random wait between zero and the attempt's bound,
/// so that clients that failed together do not retry together.
struct Jitter(u64);

impl Jitter {
    fn from_clock() -> Self {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        Jitter(now.as_nanos() as u64)
    }

    fn backoff(&mut self, attempt: u32) -> Duration {
        let bound = FIRST_BACKOFF
            .saturating_mul(1 << (attempt - 1).min(16))
            .min(MAX_BACKOFF);
        // SplitMix64: enough randomness for spreading retries.
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        let fraction = ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64;
        bound.mul_f64(fraction)
    }
}
