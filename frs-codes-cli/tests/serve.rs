//! `frs-codes serve`, run as a user runs it and called over loopback with `reqwest`.

mod support;

use frs_codes::{ApiError, CatalogueCode, ErrorCode};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use support::{frs_codes, workspace_root};

/// A running `frs-codes serve`, stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `frs-codes serve --listen 127.0.0.1:0 ARGS...` and reads where it listens from its
/// first line.
fn start(args: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_frs-codes"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(args)
        .current_dir(workspace_root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start frs-codes serve");
    let stdout = child.stdout.take().expect("piped");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("a first line");
    let base = first
        .trim_end()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("the first line is `listening on http://IP:PORT`, not {first:?}"))
        .to_owned();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    Server { child, base }
}

fn client() -> reqwest::Client {
    reqwest::Client::new()
}

/// The status, headers and body of a GET with `headers`.
async fn get(
    server: &Server,
    headers: &[(&str, &str)],
) -> (u16, reqwest::header::HeaderMap, String) {
    let mut request = client().get(format!("{}/v2/project/face-detect", server.base));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("a response");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.text().await.expect("a body"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_code_and_status_is_served_as_the_service_sends_it() {
    let server = start(&[]);
    let mut request_ids = Vec::new();
    for &code in ErrorCode::ALL {
        for &status in code.http_statuses() {
            let status_text = status.to_string();
            let (got, headers, body) = get(
                &server,
                &[
                    ("X-Frs-Error", code.as_str()),
                    ("X-Frs-Status", &status_text),
                ],
            )
            .await;
            assert_eq!(got, status, "{code}");
            let error =
                ApiError::from_parts(got, |name| headers.get(name), &body).expect("an error");
            assert_eq!(error.known_code(), Some(code));
            let case = code.case_for_status(status);
            assert_eq!(
                error.message(),
                Some(case.message().unwrap_or(case.description()))
            );
            let request_id = error.request_id().expect("a request id").to_owned();
            assert!(
                request_id.len() == 32 && request_id.bytes().all(|b| b.is_ascii_hexdigit()),
                "{request_id}"
            );
            request_ids.push(request_id);
        }
    }
    let count = request_ids.len();
    request_ids.sort();
    request_ids.dedup();
    assert_eq!(request_ids.len(), count, "a fresh request id each time");

    // Without X-Frs-Status: the first status.
    let (status, _, body) = get(&server, &[("X-Frs-Error", "APIG.0201")]).await;
    assert_eq!(status, 413);
    assert!(
        body.starts_with(r#"{"error_code":"APIG.0201","error_msg":"#),
        "{body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn codes_and_statuses_it_cannot_serve_get_400_with_the_reason() {
    let server = start(&[]);
    let reasons = [
        (
            "FRS.0250",
            None,
            "`FRS.0250` is not in the catalogue; its number falls in Service management errors\n",
        ),
        (
            "frs.0202",
            None,
            "`frs.0202` is not in the catalogue; did you mean `FRS.0202`?\n",
        ),
        ("hello", None, "`hello` is not a code of the catalogue\n"),
        (
            "FRS.0202",
            Some("504"),
            "`FRS.0202` comes with HTTP 400, not `504`; name one of them in X-Frs-Status\n",
        ),
        (
            "APIG.0201",
            Some("soon"),
            "`APIG.0201` comes with HTTP 413, 504, not `soon`; name one of them in X-Frs-Status\n",
        ),
    ];
    for (code, status, reason) in reasons {
        let mut headers = vec![("X-Frs-Error", code)];
        headers.extend(status.map(|status| ("X-Frs-Status", status)));
        let (got, response_headers, body) = get(&server, &headers).await;
        assert_eq!((got, body.as_str()), (400, reason));
        assert_eq!(response_headers["content-type"], "text/plain;charset=utf-8");
    }
    // Header values reqwest sends as given; `é` is UTF-8 but not ASCII.
    let (got, _, body) = get(&server, &[("X-Frs-Error", "FRS.é")]).await;
    assert_eq!(
        (got, body.as_str()),
        (
            400,
            "the X-Frs-Error header holds a byte that is not printable ASCII; codes and statuses \
             are written in ASCII\n"
        )
    );
    let (status, headers, body) = get(&server, &[]).await;
    assert_eq!((status, body.as_str()), (200, "{}"));
    assert!(headers.contains_key("x-request-id"));
}

/// The statuses and request ids of `count` requests in a row without X-Frs-Error.
async fn sequence(server: &Server, count: usize) -> Vec<(u16, String)> {
    let mut answers = Vec::new();
    for _ in 0..count {
        let (status, headers, _) = get(server, &[]).await;
        let request_id = headers["x-request-id"].to_str().expect("text").to_owned();
        answers.push((status, request_id));
    }
    answers
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn injected_faults_follow_their_rates_and_the_seed() {
    let args = [
        "--inject",
        "FRS.0033=20%",
        "--inject",
        "APIG.0201=0.1",
        "--seed",
        "42",
    ];
    let first = sequence(&start(&args), 600).await;
    let again = sequence(&start(&args), 600).await;
    assert_eq!(first, again, "the same seed gives the same faults and ids");
    let other = sequence(
        &start(&[
            "--inject",
            "FRS.0033=20%",
            "--inject",
            "APIG.0201=0.1",
            "--seed",
            "43",
        ]),
        600,
    )
    .await;
    assert_ne!(first, other);
    let throttled = first.iter().filter(|(status, _)| *status == 400).count();
    let timeouts = first.iter().filter(|(status, _)| *status == 413).count();
    assert!(
        (80..=160).contains(&throttled),
        "about 20% of 600 throttled: {throttled}"
    );
    assert!(
        (30..=90).contains(&timeouts),
        "about 10% of 600 APIG.0201: {timeouts}"
    );
    assert_eq!(
        first.iter().filter(|(status, _)| *status == 200).count(),
        600 - throttled - timeouts
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn any_catalogue_can_be_served() {
    let catalogue = workspace_root().join("frs-codes/tests/apig_catalogue.json");
    let server = start(&["--catalogue", catalogue.to_str().expect("UTF-8 path")]);
    let (status, _, body) = get(
        &server,
        &[("X-Frs-Error", "APIG.0201"), ("X-Frs-Status", "504")],
    )
    .await;
    assert_eq!(status, 504);
    assert_eq!(
        body,
        r#"{"error_code":"APIG.0201","error_msg":"Backend too slow."}"#
    );
}

#[test]
fn bad_arguments_exit_2_with_the_reason() {
    let cases = [
        (vec!["--inject", "FRS.9999=0.1"], "error: --inject FRS.9999=0.1: `FRS.9999` is not in the catalogue\n"),
        (vec!["--inject", "FRS.0033=1.5"], "error: --inject FRS.0033=1.5: the rate is a fraction from 0 to 1 (0.2) or a percentage (20%)\n"),
        (vec!["--inject", "FRS.0033=0.7", "--inject", "FRS.0202=0.7"], "error: --inject: the rates add up to 1.4, more than 1; lower some of them\n"),
        (vec!["--inject", "FRS.0033"], "error: --inject takes CODE=RATE, e.g. FRS.0033=0.2, not `FRS.0033`\n"),
    ];
    for (args, expected) in cases {
        let mut all = vec!["serve", "--listen", "127.0.0.1:0"];
        all.extend(args);
        let run = frs_codes(&all);
        assert_eq!((run.status, run.stderr.as_str()), (2, expected));
    }
    let imported = workspace_root().join("frs-codes-gen/tests/expansion/imported.json");
    let run = frs_codes(&[
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--catalogue",
        imported.to_str().expect("UTF-8 path"),
        "--inject",
        "ModelArts.9999=0.1",
    ]);
    assert_eq!(
        (run.status, run.stderr.as_str()),
        (
            2,
            "error: --inject ModelArts.9999=0.1: `ModelArts.9999` is not in the catalogue; its \
             prefix belongs to ModelArts errors\n"
        )
    );
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = taken.local_addr().expect("address").to_string();
    let run = frs_codes(&["serve", "--listen", &address]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .starts_with(&format!("error: cannot listen on {address}: ")),
        "{}",
        run.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_without_a_status_comes_with_any_error_status_and_no_other() {
    let scratch = support::scratch("serve-no-status");
    let catalogue = scratch.join("codes.json");
    std::fs::write(
        &catalogue,
        r#"{"categories": [{"name": "Face", "title": "Face errors", "prefix": "FRS"}],
  "codes": [{"code": "FRS.0001", "description": "Documented without a status."}]}"#,
    )
    .expect("write");
    let server = start(&["--catalogue", catalogue.to_str().expect("UTF-8 path")]);
    for (wanted, status) in [(None, 500), (Some("400"), 400), (Some("503"), 503)] {
        let mut headers = vec![("X-Frs-Error", "FRS.0001")];
        headers.extend(wanted.map(|wanted| ("X-Frs-Status", wanted)));
        let (got, _, body) = get(&server, &headers).await;
        assert_eq!(
            (got, body.as_str()),
            (
                status,
                r#"{"error_code":"FRS.0001","error_msg":"Documented without a status."}"#
            )
        );
    }
    // 1xx, 204 and 304 answers have no body, and 200 is no error.
    for wanted in ["100", "101", "200", "204", "304", "600", "soon"] {
        let (got, _, body) = get(
            &server,
            &[("X-Frs-Error", "FRS.0001"), ("X-Frs-Status", wanted)],
        )
        .await;
        assert_eq!(
            (got, body),
            (
                400,
                format!(
                    "`FRS.0001` documents no status, so X-Frs-Status may name any error status, \
                     from 400 to 599, not `{wanted}`\n"
                )
            )
        );
    }
    let (got, _, body) = get(&server, &[("X-Frs-Status", "503")]).await;
    assert_eq!(
        (got, body.as_str()),
        (
            400,
            "X-Frs-Status: 503 names the status of the error that X-Frs-Error asks for; send both, \
             or neither\n"
        )
    );
}

/// Ctrl-C lets requests under way finish, but a client that stalls halfway through its request
/// must not keep the server up: it used to wait for that client for ever, and ignore further
/// Ctrl-Cs.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_even_with_a_request_stalled_halfway() {
    use std::io::Write as _;
    use std::time::{Duration, Instant};
    let mut server = start(&[]);
    let address = server.base.trim_start_matches("http://").to_owned();
    let mut stalled = std::net::TcpStream::connect(&address).expect("connect");
    stalled
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Frs")
        .expect("half a request");
    // The server has read what was sent before it is asked to stop.
    std::thread::sleep(Duration::from_millis(200));
    let interrupted = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(interrupted.success());
    let asked = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().expect("the server's status") {
            break status;
        }
        assert!(
            asked.elapsed() < Duration::from_secs(10),
            "the server still runs 10 s after Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status}");
    drop(stalled);
}
