//! `frs-codes serve`: a stand-in for the service, answering with the catalogue's errors, for
//! testing a client's error handling and retries without an account.

use crate::{complain, CatalogueArg, Outcome};
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Response, StatusCode};
use frs_codes_gen::{split_code, Catalogue, Code};
use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Run a stand-in error server for the catalogue's codes
///
/// Any method and path. A request with the header `X-Frs-Error: CODE` gets that code's error:
/// its first documented status (or `X-Frs-Status: STATUS`, when the code lists it, or any from
/// 400 to 599 for a code documented without one), the JSON body
/// {"error_code": …, "error_msg": …} with the case's documented message (or its description) and
/// a fresh `X-Request-Id`. An unknown or malformed code, or a status it does not come with, gets
/// 400 with a plain-text reason. Without the header, a request gets an injected error at the
/// --inject rates, or 200 with `{}`. The first line printed is `listening on http://IP:PORT`.
/// Ctrl-C stops the server once the requests under way are answered, closing connections still
/// open a second later; a second Ctrl-C stops it at once.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    catalogue: CatalogueArg,
    /// The address to listen on; with port 0 the system picks one
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Answer this share of the requests without X-Frs-Error with CODE: RATE is a fraction
    /// (0.2) or a percentage (20%); repeatable, the rates adding up to at most 1
    #[arg(long, value_name = "CODE=RATE")]
    inject: Vec<String>,
    /// The same seed gives the same faults and request ids to the same request numbers
    /// [default: a new seed each run]
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
}

/// What the server answers with.
struct Server {
    catalogue: Catalogue,
    /// `(code index, cumulative rate)`, in the order given.
    faults: Vec<(usize, f64)>,
    seed: u64,
    /// How many requests came before; numbers each request for its fault and id.
    requests: AtomicU64,
}

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
    let listener = match tokio::net::TcpListener::bind(address).await {
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
    let stopping = Arc::new(tokio::sync::Notify::new());
    let shutdown = {
        let stopping = Arc::clone(&stopping);
        async move {
            let _ = tokio::signal::ctrl_c().await;
            stopping.notify_one();
        }
    };
    let serving = axum::serve(listener, app).with_graceful_shutdown(shutdown);
    // Graceful shutdown waits for every connection, and a client that stalls halfway through
    // its request would keep the server up for ever.
    let grace_over = async {
        stopping.notified().await;
        tokio::select! {
            () = tokio::time::sleep(SHUTDOWN_GRACE) => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    };
    tokio::select! {
        served = serving => match served {
            Ok(()) => Outcome::Done,
            Err(error) => {
                complain(&format!("the server stopped: {error}"));
                Outcome::Failed
            }
        },
        () = grace_over => Outcome::Done,
    }
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

/// Every request: the error it asks for, else a fault at the injected rates, else `{}`.
async fn answer(State(server): State<Arc<Server>>, headers: HeaderMap) -> Response<Body> {
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
                error(code, first_status(code), &request_id)
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
    error(listed, status, &request_id)
}

/// The statuses a code the catalogue documents no status for may be asked to come with: an
/// error's (a 1xx, 204 or 304 answer would have no body, a 2xx would not be an error).
const ERROR_STATUSES: std::ops::RangeInclusive<u16> = 400..=599;

/// The status a code is answered with when none is asked for: its first, or 500 for a code the
/// catalogue documents no status for.
fn first_status(code: &Code) -> u16 {
    code.statuses().first().copied().unwrap_or(500)
}

fn error(code: &Code, status: u16, request_id: &str) -> Response<Body> {
    let case = code.case_for(status);
    let body = serde_json::json!({
        "error_code": code.code,
        "error_msg": case.message.as_deref().unwrap_or(&case.description),
    });
    json(
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        body.to_string(),
        request_id,
    )
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
