//! The three retry routes of the README, end to end over 127.0.0.1: reqwest with
//! `frs_codes::middleware::RetryMiddleware`, a hyper client under `frs_codes::tower::RetryLayer`,
//! and backon around plain reqwest with `ApiError`. Each is run against an axum server that
//! answers from a script and against `frs-codes serve`, and the attempts are counted by the
//! server.

mod support;

use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::IntoResponse;
use backon::{ExponentialBuilder, Retryable as _};
use bytes::Bytes;
use frs_codes::middleware::RetryMiddleware;
use frs_codes::tower::RetryLayer;
use frs_codes::{ApiError, Idempotency, Retry};
use http_body_util::{BodyExt as _, Full};
use retry_policies::policies::ExponentialBackoff;
use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tower::{Service as _, ServiceBuilder, ServiceExt as _};

/// Retries the policy allows after the first attempt.
const MAX_RETRIES: u32 = 2;

/// The backoff of every route: short, so that a test waits for `Retry-After` and not for it.
fn policy() -> ExponentialBackoff {
    ExponentialBackoff::builder()
        .retry_bounds(Duration::from_millis(10), Duration::from_millis(40))
        .build_with_max_retries(MAX_RETRIES)
}

/// The longest `Retry-After` honoured in these tests.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(2);

#[derive(Clone, Copy, Debug)]
enum Route {
    Middleware,
    Tower,
    Backon,
}

const ROUTES: [Route; 3] = [Route::Middleware, Route::Tower, Route::Backon];

/// A request as the tests send it.
struct Call<'a> {
    method: &'a str,
    url: &'a str,
    headers: &'a [(&'a str, &'a str)],
    /// `Some` marks the request's idempotence; `None` leaves it to the method.
    idempotent: Option<bool>,
}

/// What the caller got: the last response, as it arrived.
#[derive(Debug, PartialEq)]
struct Reply {
    status: u16,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
}

fn reply(status: u16, headers: &HeaderMap, body: &[u8]) -> Reply {
    Reply {
        status,
        headers: headers
            .iter()
            .filter(|(name, _)| *name != "date")
            .map(|(name, value)| (name.to_string(), value.as_bytes().to_vec()))
            .collect(),
        body: body.to_vec(),
    }
}

async fn send(route: Route, call: &Call<'_>) -> Reply {
    let method: Method = call.method.parse().expect("a method");
    match route {
        Route::Middleware => {
            let client = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
                .with(RetryMiddleware::new(policy()).max_retry_after(MAX_RETRY_AFTER))
                .build();
            let mut request = client.request(method, call.url);
            for (name, value) in call.headers {
                request = request.header(*name, *value);
            }
            if let Some(idempotent) = call.idempotent {
                request = request.with_extension(Idempotency::from(idempotent));
            }
            let response = request.send().await.expect("an answer");
            let (status, headers) = (response.status().as_u16(), response.headers().clone());
            reply(status, &headers, &response.bytes().await.expect("the body"))
        }
        Route::Tower => {
            let client =
                hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                    .build_http::<Full<Bytes>>();
            let mut client = ServiceBuilder::new()
                .layer(RetryLayer::new(policy()).max_retry_after(MAX_RETRY_AFTER))
                .service(client);
            let mut request = http::Request::builder().method(method).uri(call.url);
            for (name, value) in call.headers {
                request = request.header(*name, *value);
            }
            let mut request = request.body(Full::new(Bytes::new())).expect("a request");
            if let Some(idempotent) = call.idempotent {
                request
                    .extensions_mut()
                    .insert(Idempotency::from(idempotent));
            }
            let response = client
                .ready()
                .await
                .expect("ready")
                .call(request)
                .await
                .expect("an answer");
            let (parts, body) = response.into_parts();
            let body = body.collect().await.expect("the body").to_bytes();
            reply(parts.status.as_u16(), &parts.headers, &body)
        }
        Route::Backon => backon_send(call, method).await,
    }
}

/// Why an attempt of the backon route failed.
enum Failure {
    /// The server answered with an error.
    Answered(Reply, ApiError),
    Transport(reqwest::Error),
}

impl Failure {
    fn retry(&self) -> Retry {
        match self {
            Failure::Answered(_, error) => error.retry(),
            Failure::Transport(error) if error.is_connect() || error.is_timeout() => {
                Retry::Transient
            }
            Failure::Transport(_) => Retry::No,
        }
    }
}

/// backon around plain reqwest, as the client example does it: retry when the catalogue's
/// class and the request's idempotence say so, after the backoff or the server's
/// `Retry-After` if longer.
async fn backon_send(call: &Call<'_>, method: Method) -> Reply {
    let client = reqwest::Client::new();
    let idempotency = call
        .idempotent
        .map_or_else(|| Idempotency::from(&method), Idempotency::from);
    let attempt = || async {
        let mut request = client.request(method.clone(), call.url);
        for (name, value) in call.headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.map_err(Failure::Transport)?;
        let (status, headers) = (response.status(), response.headers().clone());
        let body = response.bytes().await.map_err(Failure::Transport)?;
        let got = reply(status.as_u16(), &headers, &body);
        match ApiError::from_http(status, &headers, &body) {
            Some(error) => Err(Failure::Answered(got, error)),
            None => Ok(got),
        }
    };
    let backoff = ExponentialBuilder::default()
        .with_min_delay(Duration::from_millis(10))
        .with_max_delay(Duration::from_millis(40))
        .with_max_times(MAX_RETRIES as usize);
    let outcome = attempt
        .retry(backoff)
        .sleep(tokio::time::sleep)
        .when(|failure| failure.retry().should_retry(idempotency))
        .adjust(|failure, backoff| {
            let asked = match failure {
                Failure::Answered(_, error) => error.retry_after().unwrap_or_default(),
                Failure::Transport(_) => Duration::ZERO,
            };
            backoff.map(|backoff| backoff.max(asked.min(MAX_RETRY_AFTER)))
        })
        .await;
    match outcome {
        Ok(got) | Err(Failure::Answered(got, _)) => got,
        Err(Failure::Transport(error)) => panic!("no answer: {error}"),
    }
}

/// One answer of a scripted server: status, extra headers, body.
#[derive(Clone)]
struct Answer(u16, Vec<(&'static str, &'static str)>, String);

fn error(code: &str, status: u16) -> Answer {
    Answer(
        status,
        vec![("content-type", "application/json")],
        format!(r#"{{"error_code": "{code}", "error_msg": "scripted"}}"#),
    )
}

fn ok() -> Answer {
    Answer(
        200,
        vec![("content-type", "application/json")],
        r#"{"ok": true}"#.to_owned(),
    )
}

/// An axum server answering the n-th request with the n-th answer (the last one after the
/// script ends), counting the requests.
struct Scripted {
    url: String,
    count: Arc<AtomicUsize>,
}

#[derive(Clone)]
struct Script {
    answers: Arc<Vec<Answer>>,
    count: Arc<AtomicUsize>,
    log: Arc<Mutex<Vec<Instant>>>,
}

async fn scripted(answers: Vec<Answer>) -> Scripted {
    let script = Script {
        answers: Arc::new(answers),
        count: Arc::new(AtomicUsize::new(0)),
        log: Arc::new(Mutex::new(Vec::new())),
    };
    let count = script.count.clone();
    let app = axum::Router::new()
        .fallback(|State(script): State<Script>| async move {
            let index = script.count.fetch_add(1, Ordering::SeqCst);
            script.log.lock().expect("log").push(Instant::now());
            let Answer(status, headers, body) =
                script.answers[index.min(script.answers.len() - 1)].clone();
            let mut response =
                (StatusCode::from_u16(status).expect("a status"), body).into_response();
            for (name, value) in headers {
                response
                    .headers_mut()
                    .insert(name, value.parse().expect("a header value"));
            }
            response
        })
        .with_state(script);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!(
        "http://{}/v2/search",
        listener.local_addr().expect("address")
    );
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    Scripted { url, count }
}

fn get(url: &str) -> Call<'_> {
    Call {
        method: "GET",
        url,
        headers: &[],
        idempotent: None,
    }
}

#[tokio::test]
async fn throttling_sent_as_400_is_retried_and_the_next_answer_returned() {
    for route in ROUTES {
        let server = scripted(vec![error("FRS.0033", 400), ok()]).await;
        let got = send(route, &get(&server.url)).await;
        assert_eq!(
            (got.status, got.body.as_slice()),
            (200, &br#"{"ok": true}"#[..]),
            "{route:?}"
        );
        assert_eq!(server.count.load(Ordering::SeqCst), 2, "{route:?}");
    }
}

#[tokio::test]
async fn a_client_error_is_not_retried() {
    for route in ROUTES {
        let server = scripted(vec![error("FRS.0002", 403), ok()]).await;
        let got = send(route, &get(&server.url)).await;
        assert_eq!(got.status, 403, "{route:?}");
        assert_eq!(server.count.load(Ordering::SeqCst), 1, "{route:?}");
    }
}

#[tokio::test]
async fn the_gateway_code_is_retried_as_504_and_not_as_413() {
    for route in ROUTES {
        let server = scripted(vec![error("APIG.0201", 504), ok()]).await;
        assert_eq!(
            send(route, &get(&server.url)).await.status,
            200,
            "{route:?}"
        );
        assert_eq!(server.count.load(Ordering::SeqCst), 2, "{route:?}");

        let server = scripted(vec![error("APIG.0201", 413), ok()]).await;
        assert_eq!(
            send(route, &get(&server.url)).await.status,
            413,
            "{route:?}"
        );
        assert_eq!(server.count.load(Ordering::SeqCst), 1, "{route:?}");
    }
}

#[tokio::test]
async fn retry_after_is_waited_for_and_a_huge_one_is_capped() {
    for route in ROUTES {
        let mut throttled = error("FRS.0033", 429);
        throttled.1.push(("retry-after", "1"));
        let server = scripted(vec![throttled, ok()]).await;
        let start = Instant::now();
        assert_eq!(
            send(route, &get(&server.url)).await.status,
            200,
            "{route:?}"
        );
        let waited = start.elapsed();
        assert!(
            waited >= Duration::from_secs(1),
            "{route:?}: waited {waited:?}"
        );
        assert!(
            waited < Duration::from_secs(3),
            "{route:?}: waited {waited:?}"
        );

        let mut throttled = error("FRS.0033", 429);
        throttled.1.push(("retry-after", "86400"));
        let server = scripted(vec![throttled, ok()]).await;
        let start = Instant::now();
        assert_eq!(
            send(route, &get(&server.url)).await.status,
            200,
            "{route:?}"
        );
        let waited = start.elapsed();
        assert!(
            waited >= MAX_RETRY_AFTER && waited < MAX_RETRY_AFTER + Duration::from_secs(2),
            "{route:?}: a day asked, {MAX_RETRY_AFTER:?} waited, not {waited:?}"
        );
    }
}

#[tokio::test]
async fn a_post_is_retried_only_when_marked_idempotent() {
    for route in ROUTES {
        for (idempotent, attempts, status) in [(None, 1, 400), (Some(true), 2, 200)] {
            let server = scripted(vec![error("FRS.0033", 400), ok()]).await;
            let call = Call {
                method: "POST",
                url: &server.url,
                headers: &[],
                idempotent,
            };
            assert_eq!(
                send(route, &call).await.status,
                status,
                "{route:?} {idempotent:?}"
            );
            assert_eq!(
                server.count.load(Ordering::SeqCst),
                attempts,
                "{route:?} {idempotent:?}"
            );
        }
        // And a GET marked as not idempotent is not retried either.
        let server = scripted(vec![error("FRS.0033", 400), ok()]).await;
        let call = Call {
            idempotent: Some(false),
            ..get(&server.url)
        };
        assert_eq!(send(route, &call).await.status, 400, "{route:?}");
        assert_eq!(server.count.load(Ordering::SeqCst), 1, "{route:?}");
    }
}

#[tokio::test]
async fn after_the_last_attempt_the_caller_gets_the_last_response_byte_for_byte() {
    let last = Answer(
        503,
        vec![("x-request-id", "last"), ("content-type", "text/plain")],
        "upstream \u{fe0f} gone\r\n".repeat(9000),
    );
    for route in ROUTES {
        let server = scripted(vec![
            error("FRS.0018", 500),
            error("FRS.0018", 500),
            last.clone(),
        ])
        .await;
        let got = send(route, &get(&server.url)).await;
        let expected = Reply {
            status: 503,
            headers: vec![
                ("x-request-id".to_owned(), b"last".to_vec()),
                ("content-type".to_owned(), b"text/plain".to_vec()),
                (
                    "content-length".to_owned(),
                    last.2.len().to_string().into_bytes(),
                ),
            ],
            body: last.2.clone().into_bytes(),
        };
        let sorted = |reply: &Reply| {
            let mut headers = reply.headers.clone();
            headers.sort();
            headers
        };
        assert_eq!(
            (got.status, sorted(&got)),
            (503, sorted(&expected)),
            "{route:?}"
        );
        assert!(
            got.body == expected.body,
            "{route:?}: the body is the server's, whole"
        );
        assert_eq!(
            server.count.load(Ordering::SeqCst),
            1 + MAX_RETRIES as usize,
            "{route:?}: never more than the policy's attempts"
        );
    }
}

/// `frs-codes serve` on a free port, with `args`; stopped when dropped.
struct Serve {
    child: Child,
    url: String,
    lines: std::sync::mpsc::Receiver<String>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(args: &[&str]) -> Serve {
    let mut child = Command::new(env!("CARGO_BIN_EXE_frs-codes"))
        .args(["serve", "--listen", "127.0.0.1:0", "--log"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start frs-codes serve");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("the first line");
    let url = first
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("`listening on URL`, not {first:?}"))
        .to_owned();
    let (sender, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout.lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    Serve { child, url, lines }
}

impl Serve {
    /// The requests it logged since the last call, once no more come for a moment.
    fn requests(&self) -> Vec<String> {
        let mut lines = Vec::new();
        while let Ok(line) = self.lines.recv_timeout(Duration::from_millis(300)) {
            lines.push(line);
        }
        lines
    }
}

#[tokio::test]
async fn against_serve_every_route_follows_the_catalogue() {
    let server = serve(&["--retry-after", "1"]);
    for route in ROUTES {
        // Throttling as HTTP 400: retried until the policy gives up; the last answer is FRS.0033.
        let call = Call {
            headers: &[("X-Frs-Error", "FRS.0033")],
            ..get(&server.url)
        };
        let start = Instant::now();
        let got = send(route, &call).await;
        assert_eq!(got.status, 400, "{route:?}");
        assert!(
            String::from_utf8_lossy(&got.body).contains("FRS.0033"),
            "{route:?}: {:?}",
            String::from_utf8_lossy(&got.body)
        );
        assert!(
            start.elapsed() >= Duration::from_secs(u64::from(MAX_RETRIES)),
            "{route:?}: serve's Retry-After: 1 was waited for before each retry"
        );
        assert_eq!(
            server.requests().len(),
            1 + MAX_RETRIES as usize,
            "{route:?}"
        );

        // Not retried: a client error, and the gateway code as 413; a POST not marked.
        for (headers, method) in [
            (&[("X-Frs-Error", "FRS.0002")][..], "GET"),
            (
                &[("X-Frs-Error", "APIG.0201"), ("X-Frs-Status", "413")][..],
                "GET",
            ),
            (&[("X-Frs-Error", "FRS.0033")][..], "POST"),
        ] {
            let call = Call {
                method,
                headers,
                ..get(&server.url)
            };
            let got = send(route, &call).await;
            assert!(got.status >= 400, "{route:?} {headers:?}");
            assert_eq!(server.requests().len(), 1, "{route:?} {headers:?} {method}");
        }

        // Retried: the gateway code as 504.
        let call = Call {
            headers: &[("X-Frs-Error", "APIG.0201"), ("X-Frs-Status", "504")],
            ..get(&server.url)
        };
        assert_eq!(send(route, &call).await.status, 504, "{route:?}");
        assert_eq!(
            server.requests().len(),
            1 + MAX_RETRIES as usize,
            "{route:?}"
        );
    }
}
