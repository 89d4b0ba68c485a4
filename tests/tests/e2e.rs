//! `frs-codes` in a real HTTP stack, over loopback: an `axum` server answers with
//! `ErrorResponse`s (returned as they are), and a `reqwest` client reads every failure with
//! `ApiError::from_http`. Every code and status of the bundled catalogue comes back exactly;
//! bodies that are not JSON, empty bodies and dropped connections give their documented results;
//! and a bounded load with a 20% fault mix loses nothing and keeps to its retry budget.

use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::Router;
use frs_codes::{ApiError, CatalogueCase, CatalogueCode, ErrorCode, ErrorResponse, Retry};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Serves `app` on a port of 127.0.0.1 the system picks; the task ends with the test.
async fn serve(app: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    address
}

/// The error named by the request's `X-Code` and `X-Status`, with the request id `CODE@STATUS`.
async fn named_error(headers: HeaderMap) -> axum::http::Response<String> {
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
    };
    let code: ErrorCode = text("x-code").parse().expect("a code of the catalogue");
    let status: u16 = text("x-status").parse().expect("a status");
    ErrorResponse::with_status(code, status)
        .expect("one of the code's statuses")
        .request_id(format!("{code}@{status}"))
        .into()
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client")
}

/// Sends a GET and reads the answer as a client of the service does.
async fn read(request: reqwest::RequestBuilder) -> Result<Option<ApiError>, reqwest::Error> {
    let response = request.send().await?;
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await?;
    Ok(ApiError::from_http(status, &headers, &body))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_code_and_status_reads_back_exactly_as_sent() {
    let address = serve(Router::new().route("/error", get(named_error))).await;
    let client = client();
    let mut checked = 0;
    for &code in ErrorCode::ALL {
        for &status in code.http_statuses() {
            let sent = ErrorResponse::with_status(code, status).expect("listed");
            let sent_body: serde_json::Value = serde_json::from_str(&sent.body()).expect("JSON");
            let error = read(
                client
                    .get(format!("http://{address}/error"))
                    .header("x-code", code.as_str())
                    .header("x-status", status.to_string()),
            )
            .await
            .expect("a response")
            .expect("an error status");
            assert_eq!(error.status(), status);
            assert_eq!(error.known_code(), Some(code));
            assert_eq!(error.message(), sent_body["error_msg"].as_str(), "{code}");
            assert_eq!(
                error.request_id(),
                Some(format!("{code}@{status}").as_str())
            );
            assert_eq!(error.case().and_then(CatalogueCase::status), Some(status));
            assert_eq!(error.status_mismatch(), None);
            assert_eq!(error.retry(), code.retry(status));
            checked += 1;
        }
    }
    assert_eq!(checked, 56, "55 codes, APIG.0201 with two statuses");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn odd_bodies_and_dropped_connections_give_their_documented_results() {
    let app = Router::new()
        .route(
            "/html",
            get(|| async {
                (
                    StatusCode::BAD_GATEWAY,
                    "<html><body>502 Bad Gateway</body></html>",
                )
            }),
        )
        .route("/empty", get(|| async { StatusCode::SERVICE_UNAVAILABLE }))
        .route("/ok", get(|| async { "{}" }));
    let address = serve(app).await;
    let client = client();

    let html = read(client.get(format!("http://{address}/html")))
        .await
        .expect("a response")
        .expect("502");
    assert_eq!(html.status(), 502);
    assert!(html.code().is_none());
    assert_eq!(
        html.raw_body(),
        Some("<html><body>502 Bad Gateway</body></html>")
    );
    assert_eq!(html.retry(), Retry::Transient);

    let empty = read(client.get(format!("http://{address}/empty")))
        .await
        .expect("a response")
        .expect("503");
    assert_eq!(empty.status(), 503);
    assert!(empty.code().is_none());
    assert_eq!((empty.message(), empty.raw_body()), (None, None));
    assert_eq!(empty.retry(), Retry::Transient);
    assert_eq!(empty.to_string(), "HTTP 503, no error code");

    assert!(read(client.get(format!("http://{address}/ok")))
        .await
        .expect("a response")
        .is_none());

    // A server that takes the connection and drops it: no response, so no `ApiError`; the
    // client gets reqwest's error, which the client example retries as transient.
    let dropping = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let dropped_at = dropping.local_addr().expect("address");
    tokio::spawn(async move {
        while let Ok((socket, _)) = dropping.accept().await {
            drop(socket);
        }
    });
    let dropped = read(client.get(format!("http://{dropped_at}/"))).await;
    let error = dropped.expect_err("no response");
    assert!(
        error.is_request() || error.is_connect() || error.is_body(),
        "{error:?}"
    );
}

/// The faults of the load test, one request in five, in turn.
const FAULTS: [(ErrorCode, u16); 4] = [
    (ErrorCode::TrafficLimitExceeded, 400),
    (ErrorCode::RequestTooLargeOrBackendTimeout, 504),
    (ErrorCode::InternalServiceError, 500),
    (ErrorCode::ServiceFrozen, 400),
];

const REQUESTS: usize = 400;
const CONCURRENCY: usize = 32;
/// Attempts a request gets, the first included.
const ATTEMPTS: u32 = 4;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bounded_load_with_a_fifth_of_faults_loses_nothing() {
    let served = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&served);
    let app = Router::new().route(
        "/load",
        get(move || {
            let counter = Arc::clone(&counter);
            async move {
                let number = counter.fetch_add(1, Ordering::SeqCst);
                let (code, status) = FAULTS[(number / 5 % 4) as usize];
                let response = if number % 5 == 4 {
                    ErrorResponse::with_status(code, status)
                        .expect("listed")
                        .request_id(format!("load-{number}"))
                        .into()
                } else {
                    axum::http::Response::new("{}".to_owned())
                };
                response
            }
        }),
    );
    let address = serve(app).await;
    let client = client();
    let permits = Arc::new(tokio::sync::Semaphore::new(CONCURRENCY));
    let run = async {
        let mut tasks = Vec::new();
        for request in 0..REQUESTS {
            let client = client.clone();
            let permits = Arc::clone(&permits);
            tasks.push(tokio::spawn(async move {
                let _permit = permits.acquire().await.expect("open");
                let (mut attempts, mut errors) = (0, 0_u32);
                loop {
                    attempts += 1;
                    let answer = read(client.get(format!("http://{address}/load")))
                        .await
                        .unwrap_or_else(|error| panic!("request {request}: {error}"));
                    match answer {
                        None => return (attempts, errors, None),
                        Some(error) => {
                            errors += 1;
                            let retryable =
                                matches!(error.retry(), Retry::Throttling | Retry::Transient);
                            if !retryable || attempts == ATTEMPTS {
                                return (attempts, errors, Some(error));
                            }
                            tokio::time::sleep(Duration::from_millis(1 + (request % 3) as u64))
                                .await;
                        }
                    }
                }
            }));
        }
        let mut outcomes = Vec::new();
        for task in tasks {
            outcomes.push(task.await.expect("no task panics"));
        }
        outcomes
    };
    let outcomes = tokio::time::timeout(Duration::from_secs(120), run)
        .await
        .expect("the load stops by itself");

    assert_eq!(outcomes.len(), REQUESTS, "every request has an outcome");
    let attempts: u64 = outcomes
        .iter()
        .map(|(attempts, _, _)| u64::from(*attempts))
        .sum();
    let served = served.load(Ordering::SeqCst);
    assert_eq!(attempts, served, "every attempt reached the server once");
    let errors: u64 = outcomes
        .iter()
        .map(|(_, errors, _)| u64::from(*errors))
        .sum();
    assert_eq!(
        errors,
        served / 5,
        "every fault the server sent was read as an error"
    );
    assert!(
        outcomes
            .iter()
            .all(|(attempts, _, _)| *attempts <= ATTEMPTS),
        "the retry budget holds"
    );
    let failures: Vec<&ApiError> = outcomes
        .iter()
        .filter_map(|(_, _, error)| error.as_ref())
        .collect();
    assert!(!failures.is_empty(), "some faults are not retried away");
    for failure in &failures {
        let code = failure.known_code().expect("every fault is a known code");
        assert!(FAULTS
            .iter()
            .any(|(fault, status)| *fault == code && *status == failure.status()));
        assert_eq!(failure.retry(), code.retry(failure.status()));
        assert!(failure
            .request_id()
            .is_some_and(|id| id.starts_with("load-")));
    }
    // A request ends in a retryable failure only when its budget is spent.
    for (attempts, _, failure) in &outcomes {
        if let Some(failure) = failure {
            if matches!(failure.retry(), Retry::Throttling | Retry::Transient) {
                assert_eq!(*attempts, ATTEMPTS, "{failure}");
            }
        }
    }
}
