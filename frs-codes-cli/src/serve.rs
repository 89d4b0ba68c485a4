//! `frs-codes serve`: a stand-in for the service, answering with the catalogue's errors, for
//! testing a client's error handling and retries without an account.

use crate::{complain, CatalogueArg, Outcome};
use axum::body::{Body, HttpBody as _};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, Response, StatusCode, Uri};
use frs_codes_gen::{split_code, Catalogue, Code, CodeRetry, RetryClass};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tokio::sync::{watch, Semaphore};

/// Run a stand-in error server for the catalogue's codes
///
/// Any method and path. A request with the header `X-Frs-Error: CODE` gets that code's error:
/// its first documented status (or `X-Frs-Status: STATUS`, when the code lists it, or any from
/// 400 to 599 for a code documented without one), the JSON body
/// {"error_code": …, "error_msg": …} with the case's documented message (or its description) and
/// a fresh `X-Request-Id`. An unknown or malformed code, or a status it does not come with, gets
/// 400 with a plain-text reason. Without the header, a request gets an injected error at the
/// --inject rates, or 200 with `{}`. The first line printed is `listening on http://IP:PORT`.
///
/// Like a gateway, it bounds what a client can hold: a request whose line and headers have not
/// all arrived 5 s after the connection opened (or after the previous answer) gets 408 and the
/// connection is closed (an idle connection is closed without an answer); a body over 1 MiB
/// gets 413; at most 256 connections are served at once, and further ones (up to 1024) wait,
/// not yet accepted, in the system's listen queue until one closes.
///
/// Ctrl-C stops the server once the requests under way are answered, closing connections still
/// open a second later; a second Ctrl-C stops it at once.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    catalogue: CatalogueArg,
    /// The address to listen on, IP:PORT or HOST:PORT (localhost:8080); with port 0 the system
    /// picks one
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080", value_parser = listen_address)]
    listen: SocketAddr,
    /// Answer this share of the requests without X-Frs-Error with CODE: RATE is a fraction
    /// (0.2) or a percentage (20%); repeatable, the rates adding up to at most 1
    #[arg(long, value_name = "CODE=RATE")]
    inject: Vec<String>,
    /// The same seed gives the same faults and request ids to the same request numbers
    /// [default: a new seed each run]
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// Send `Retry-After: SECONDS` with every throttling answer (a code and status whose retry
    /// class in the catalogue is `throttling`, such as FRS.0033 or HTTP 429)
    #[arg(long, value_name = "SECONDS")]
    retry_after: Option<u64>,
    /// Print a line per answered request after the first: `METHOD URI -> STATUS`
    #[arg(long)]
    log: bool,
}

/// `--listen`: an IP address with a port, or a host name with a port, resolved (its first
/// address, as `TcpListener::bind` would take).
fn listen_address(given: &str) -> Result<SocketAddr, String> {
    if let Ok(address) = given.parse() {
        return Ok(address);
    }
    let hint = "give IP:PORT or HOST:PORT, e.g. 127.0.0.1:8080 or localhost:8080";
    if given
        .rsplit_once(':')
        .is_none_or(|(_, port)| port.parse::<u16>().is_err())
    {
        return Err(format!("`{given}` has no port; {hint}"));
    }
    match std::net::ToSocketAddrs::to_socket_addrs(given) {
        Ok(mut addresses) => addresses
            .next()
            .ok_or_else(|| format!("`{given}` resolves to no address; {hint}")),
        Err(error) => Err(format!("cannot resolve `{given}` ({error}); {hint}")),
    }
}

/// What the server answers with.
struct Server {
    catalogue: Catalogue,
    /// `(code index, cumulative rate)`, in the order given.
    faults: Vec<(usize, f64)>,
    seed: u64,
    /// `--retry-after`: the header value of throttling answers.
    retry_after: Option<u64>,
    /// `--log`: a line per answered request on standard output.
    log: bool,
    /// How many requests came before; numbers each request for its fault and id.
    requests: AtomicU64,
}

/// At most this many connections are served at once. Further ones wait, not yet accepted, in
/// the system's listen queue until one closes, as HAProxy's `maxconn` and nginx's
/// `worker_connections` make them wait: a client sees a slow answer, not an error that is not
/// the service's.
const MAX_CONNECTIONS: usize = 256;

/// How many connections beyond [`MAX_CONNECTIONS`] the listen queue holds (the system may hold
/// fewer: Linux caps it at `net.core.somaxconn`); `TcpListener::bind`'s 128 would make clients
/// past it resend their connection request after a second or more, as if the network lost it.
const LISTEN_QUEUE: u32 = 1024;

/// How long a request's line and headers have to arrive, from the connection's opening or the
/// previous answer on it; bounds how long a client that stalls holds one of the connections.
const HEADER_TIMEOUT: Duration = Duration::from_secs(5);

/// The largest request body read (and dropped); a larger one gets 413.
const MAX_BODY: usize = 1 << 20;

/// How long a connection the server closes keeps reading what the client still sends: closed
/// under a client still writing (its body after a 413), the connection breaks its writes, and a
/// client that sends its whole request before it reads never reads the answer.
const LINGER: Duration = Duration::from_secs(2);

/// A client that sends nothing for this long has stopped sending, and its connection is closed
/// without waiting out [`LINGER`]; one that read its answer and keeps the connection open holds a
/// connection slot this long.
const LINGER_QUIET: Duration = Duration::from_millis(200);

pub fn run(args: &Args) -> Outcome {
    let catalogue = match args.catalogue.load() {
        Ok(catalogue) => catalogue,
        Err(error) => return crate::failed(&error),
    };
    let faults = match faults(&catalogue, &args.inject) {
        Ok(faults) => faults,
        Err(message) => {
            complain(&message);
            return Outcome::Failed;
        }
    };
    let seed = args.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_nanos() as u64)
    });
    let server = Arc::new(Server {
        catalogue,
        faults,
        seed,
        retry_after: args.retry_after,
        log: args.log,
        requests: AtomicU64::new(0),
    });
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            complain(&format!("cannot start the server's runtime: {error}"));
            return Outcome::Failed;
        }
    };
    runtime.block_on(serve(server, args.listen))
}

async fn serve(server: Arc<Server>, address: SocketAddr) -> Outcome {
    let listener = match listen(address) {
        Ok(listener) => listener,
        Err(error) => {
            complain(&format!("cannot listen on {address}: {error}"));
            return Outcome::Failed;
        }
    };
    let bound = listener.local_addr().unwrap_or(address);
    // Scripts wait for this line to know the server is up and where.
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "listening on http://{bound}");
    let _ = stdout.flush();
    let app = axum::Router::new().fallback(answer).with_state(server);
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let (stop, stopping) = watch::channel(());
    let accepting = async {
        loop {
            // A slot is taken before accepting, so that connections beyond the bound stay in
            // the listen queue rather than being accepted and left unanswered.
            let Ok(slot) = Arc::clone(&slots).acquire_owned().await else {
                return;
            };
            match listener.accept().await {
                Ok((stream, _)) => {
                    let app = app.clone();
                    let stopping = stopping.clone();
                    tokio::spawn(async move {
                        connection(stream, app, stopping).await;
                        drop(slot);
                    });
                }
                Err(error) => accept_failed(bound, &error).await,
            }
        }
    };
    tokio::select! {
        () = accepting => {}
        _ = tokio::signal::ctrl_c() => {}
    }
    // Every connection is told to close once its request under way is answered.
    let _ = stop.send(());
    // Graceful shutdown waits for every connection, and a client that stalls halfway through
    // its request would keep the server up for ever.
    let all_slots = u32::try_from(MAX_CONNECTIONS).unwrap_or(u32::MAX);
    tokio::select! {
        _ = slots.acquire_many(all_slots) => {}
        () = tokio::time::sleep(SHUTDOWN_GRACE) => {}
        _ = tokio::signal::ctrl_c() => {}
    }
    Outcome::Done
}

/// A listener on `address` whose listen queue holds [`LISTEN_QUEUE`] connections.
fn listen(address: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if address.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    // As `TcpListener::bind` does: a restarted server can listen at once on the port it had.
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(address)?;
    socket.listen(LISTEN_QUEUE)
}

/// After a failed `accept`: a connection that went away before it was accepted is that
/// client's business; anything else (out of file descriptors) is said, and given a moment to
/// pass rather than retried in a busy loop.
async fn accept_failed(bound: SocketAddr, error: &std::io::Error) {
    use std::io::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset | ErrorKind::ConnectionRefused
    ) {
        return;
    }
    complain(&format!(
        "cannot accept a connection on {bound}: {error}; trying again in 1 s"
    ));
    tokio::time::sleep(Duration::from_secs(1)).await;
}

/// Serves one connection with hyper, then closes it as a gateway does: with 408 if a request
/// was under way when its headers timed out, and after reading what the client still sends.
async fn connection(stream: TcpStream, app: axum::Router, mut stopping: watch::Receiver<()>) {
    let mut served = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .serve_connection(TokioIo::new(stream), TowerToHyperService::new(app));
    let outcome = tokio::select! {
        outcome = &mut served => outcome,
        _ = stopping.changed() => {
            std::pin::Pin::new(&mut served).graceful_shutdown();
            (&mut served).await
        }
    };
    // hyper gives the connection back, with the bytes it read but did not parse.
    let parts = served.into_parts();
    let mut stream = parts.io.into_inner();
    match outcome {
        Err(error) if error.is_timeout() => {
            // Nothing read since the last answer: an idle connection, closed without a word.
            if parts.read_buf.is_empty() {
                return;
            }
            let _ = stream.write_all(request_timeout().as_bytes()).await;
        }
        Ok(()) | Err(_) => {}
    }
    let _ = stream.shutdown().await;
    let mut discarded = [0; 8192];
    let _ = tokio::time::timeout(LINGER, async {
        while matches!(
            tokio::time::timeout(LINGER_QUIET, stream.read(&mut discarded)).await,
            Ok(Ok(read)) if read > 0
        ) {}
    })
    .await;
}

/// The answer to a request whose headers did not arrive in time, written by hand because
/// hyper closes such a connection without one.
fn request_timeout() -> String {
    let reason = format!(
        "the request's line and headers did not all arrive within {} s\n",
        HEADER_TIMEOUT.as_secs()
    );
    format!(
        "HTTP/1.1 408 Request Timeout\r\nconnection: close\r\n\
         content-type: text/plain;charset=utf-8\r\ncontent-length: {}\r\n\r\n{reason}",
        reason.len()
    )
}

/// How long requests under way have to finish once the server is asked to stop: it answers at
/// once, so a connection still open after this is a client that stopped sending.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(1);

/// `--inject` values as `(code index, cumulative rate)`.
fn faults(catalogue: &Catalogue, injections: &[String]) -> Result<Vec<(usize, f64)>, String> {
    let mut faults = Vec::new();
    let mut total = 0.0;
    for injection in injections {
        let Some((code, rate)) = injection.rsplit_once('=') else {
            return Err(format!(
                "--inject takes CODE=RATE, e.g. FRS.0033=0.2, not `{injection}`"
            ));
        };
        let index = catalogue
            .codes
            .iter()
            .position(|listed| listed.code == code)
            .ok_or_else(|| format!("--inject {injection}: {}", unlisted(catalogue, code)))?;
        let rate = match rate.strip_suffix('%') {
            Some(percent) => percent.trim().parse::<f64>().map(|percent| percent / 100.0),
            None => rate.trim().parse::<f64>(),
        }
        .ok()
        .filter(|rate| (0.0..=1.0).contains(rate))
        .ok_or_else(|| {
            format!("--inject {injection}: the rate is a fraction from 0 to 1 (0.2) or a percentage (20%)")
        })?;
        total += rate;
        if total > 1.0 + 1e-9 {
            return Err(format!(
                "--inject: the rates add up to {total}, more than 1; lower some of them"
            ));
        }
        faults.push((index, total));
    }
    Ok(faults)
}

/// Why `code` is not one the server can answer with.
fn unlisted(catalogue: &Catalogue, code: &str) -> String {
    let mut reason = match (split_code(code), catalogue.category_of(code)) {
        (Some(_), Some(category)) => format!(
            "`{code}` is not in the catalogue; {} {}",
            category.how_unlisted_codes_belong(),
            category.title
        ),
        (Some(_), None) => format!("`{code}` is not in the catalogue"),
        (None, _) => format!("`{code}` is not a code of the catalogue"),
    };
    if let Some(near) = catalogue.near_miss(code) {
        reason.push_str(&format!("; did you mean `{}`?", near.code));
    }
    reason
}

/// Every request: 413 for a body over the bound, else the error it asks for, else a fault at
/// the injected rates, else `{}`.
/// Answers a request, and with --log says so on standard output.
async fn answer(
    State(server): State<Arc<Server>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response<Body> {
    let response = respond(&server, &headers, body).await;
    if server.log {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{method} {uri} -> {}", response.status().as_u16());
        let _ = stdout.flush();
    }
    response
}

async fn respond(server: &Server, headers: &HeaderMap, body: Body) -> Response<Body> {
    if let Err(refusal) = read_body(body).await {
        return refusal;
    }
    let number = server.requests.fetch_add(1, Ordering::Relaxed);
    // Every number a request needs comes from its own stream: the seed and the request's number.
    let stream = mix(server.seed ^ mix(number));
    let request_id = format!("{:016x}{:016x}", mix(stream ^ 1), mix(stream ^ 2));
    let text = |name: &str| match headers.get(name).map(|value| value.to_str()) {
        None => Ok(None),
        Some(Ok(value)) => Ok(Some(value.trim())),
        Some(Err(_)) => Err(format!(
            "the {name} header holds a byte that is not printable ASCII; codes and statuses are \
             written in ASCII"
        )),
    };
    let (code, wanted) = match (text("X-Frs-Error"), text("X-Frs-Status")) {
        (Ok(code), Ok(wanted)) => (code, wanted),
        (Err(reason), _) | (_, Err(reason)) => return plain(StatusCode::BAD_REQUEST, reason),
    };
    let Some(code) = code else {
        if let Some(wanted) = wanted {
            return plain(
                StatusCode::BAD_REQUEST,
                format!(
                    "X-Frs-Status: {wanted} names the status of the error that X-Frs-Error asks \
                     for; send both, or neither"
                ),
            );
        }
        let draw = (mix(stream ^ 3) >> 11) as f64 / (1u64 << 53) as f64;
        return match server
            .faults
            .iter()
            .find(|(_, threshold)| draw < *threshold)
        {
            Some(&(index, _)) => {
                let code = &server.catalogue.codes[index];
                error(server, code, first_status(code), &request_id)
            }
            None => json(StatusCode::OK, "{}".to_owned(), &request_id),
        };
    };
    let Some(listed) = server.catalogue.find(code) else {
        return plain(StatusCode::BAD_REQUEST, unlisted(&server.catalogue, code));
    };
    let statuses = listed.statuses();
    let status = match wanted.map(|wanted| (wanted, wanted.parse::<u16>())) {
        None => first_status(listed),
        Some((_, Ok(status))) if statuses.contains(&status) => status,
        Some((_, Ok(status))) if statuses.is_empty() && ERROR_STATUSES.contains(&status) => status,
        Some((wanted, _)) if statuses.is_empty() => {
            return plain(
                StatusCode::BAD_REQUEST,
                format!(
                    "`{}` documents no status, so X-Frs-Status may name any error status, from \
                     400 to 599, not `{wanted}`",
                    listed.code
                ),
            );
        }
        Some((wanted, _)) => {
            let listed_statuses: Vec<String> = statuses.iter().map(u16::to_string).collect();
            return plain(
                StatusCode::BAD_REQUEST,
                format!(
                    "`{}` comes with HTTP {}, not `{wanted}`; name one of them in X-Frs-Status",
                    listed.code,
                    listed_statuses.join(", "),
                ),
            );
        }
    };
    error(server, listed, status, &request_id)
}

/// Reads the request body and drops it, as a gateway reads it to pass it on; 413 for one over
/// [`MAX_BODY`], at once when its `Content-Length` says so.
async fn read_body(body: Body) -> Result<(), Response<Body>> {
    let over = |size: Option<u64>| {
        let size = size.map_or(String::new(), |size| format!(" ({size} bytes)"));
        plain(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body{size} is over serve's limit of 1 MiB ({MAX_BODY} bytes)"),
        )
    };
    // hyper's size hint of a body is the `Content-Length` it came with.
    let declared = body.size_hint().lower();
    if declared > MAX_BODY as u64 {
        return Err(over(Some(declared)));
    }
    match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(_) => Ok(()),
        Err(error) => {
            let error = error.into_inner();
            if error.is::<http_body_util::LengthLimitError>() {
                Err(over(None))
            } else {
                Err(plain(
                    StatusCode::BAD_REQUEST,
                    format!("the request body could not be read: {error}"),
                ))
            }
        }
    }
}

/// The statuses a code the catalogue documents no status for may be asked to come with: an
/// error's (a 1xx, 204 or 304 answer would have no body, a 2xx would not be an error).
const ERROR_STATUSES: std::ops::RangeInclusive<u16> = 400..=599;

/// The status a code is answered with when none is asked for: its first, or 500 for a code the
/// catalogue documents no status for.
fn first_status(code: &Code) -> u16 {
    code.statuses().first().copied().unwrap_or(500)
}

fn error(server: &Server, code: &Code, status: u16, request_id: &str) -> Response<Body> {
    let case = code.case_for(status);
    let body = serde_json::json!({
        "error_code": code.code,
        "error_msg": case.message.as_deref().unwrap_or(&case.description),
    });
    let mut response = json(
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        body.to_string(),
        request_id,
    );
    if let Some(seconds) = server.retry_after {
        if retry_class(&server.catalogue, code, status) == RetryClass::Throttling {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
    }
    response
}

/// The retry class of `code` answered with `status`, as `frs_codes::ApiError::retry` reads it:
/// the code's own class for the status, else the catalogue's for the status, else `no`.
fn retry_class(catalogue: &Catalogue, code: &Code, status: u16) -> RetryClass {
    let by_status = |classes: &[(u16, RetryClass)]| {
        classes
            .iter()
            .find(|(listed, _)| *listed == status)
            .map(|&(_, class)| class)
    };
    let own = match &code.retry {
        Some(CodeRetry::Always(class)) => Some(*class),
        Some(CodeRetry::ByStatus(classes)) => by_status(classes),
        None => None,
    };
    own.or_else(|| by_status(&catalogue.retry))
        .unwrap_or(RetryClass::No)
}

fn json(status: StatusCode, body: String, request_id: &str) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=utf-8"),
    );
    if let Ok(request_id) = HeaderValue::from_str(request_id) {
        headers.insert("x-request-id", request_id);
    }
    response
}

fn plain(status: StatusCode, reason: String) -> Response<Body> {
    let mut response = Response::new(Body::from(reason + "\n"));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain;charset=utf-8"),
    );
    response
}

/// SplitMix64's finaliser: a well-spread 64-bit value for each input.
fn mix(value: u64) -> u64 {
    let mut z = value.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
