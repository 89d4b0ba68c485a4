//! `frs-codes serve`, run as a user runs it and called over loopback with `reqwest`.

mod support;

use frs_codes::{ApiError, CatalogueCode, ErrorCode, Retry};
use std::io::{BufRead, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
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
    let server = start_at("127.0.0.1:0", args);
    assert!(
        server.base.starts_with("http://127.0.0.1:"),
        "{}",
        server.base
    );
    server
}

/// Like [`start`], listening on `listen`.
fn start_at(listen: &str, args: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_frs-codes"))
        .args(["serve", "--listen", listen])
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
fn a_host_name_is_resolved_to_listen_on() {
    let server = start_at("localhost:0", &[]);
    assert!(
        server.base.starts_with("http://127.0.0.1:") || server.base.starts_with("http://[::1]:"),
        "{}",
        server.base
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
    for (listen, says) in [
        ("8080", "`8080` has no port; give IP:PORT or HOST:PORT"),
        (
            "localhost",
            "`localhost` has no port; give IP:PORT or HOST:PORT",
        ),
        (
            "localhost:http",
            "`localhost:http` has no port; give IP:PORT or HOST:PORT",
        ),
    ] {
        let run = frs_codes(&["serve", "--listen", listen]);
        assert_eq!(run.status, 2, "{listen}");
        assert!(run.stderr.contains(says), "{listen}: {}", run.stderr);
    }
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_after_comes_with_throttling_answers_and_no_others() {
    let server = start(&["--retry-after", "1"]);
    let mut throttling = Vec::new();
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
            let error =
                ApiError::from_parts(got, |name| headers.get(name), &body).expect("an error");
            if error.retry() == Retry::Throttling {
                assert_eq!(headers["retry-after"], "1", "{code} as {status}");
                assert_eq!(error.retry_after(), Some(Duration::from_secs(1)));
                throttling.push(format!("{code} {status}"));
            } else {
                assert!(
                    !headers.contains_key("retry-after"),
                    "{code} as {status} is {}, yet comes with Retry-After",
                    error.retry()
                );
            }
        }
    }
    assert!(
        throttling.contains(&"FRS.0033 400".to_owned()),
        "FRS.0033 is throttling even as 400: {throttling:?}"
    );
    let (status, headers, _) = get(&server, &[]).await;
    assert_eq!(status, 200);
    assert!(!headers.contains_key("retry-after"));

    // Injected throttling too, and none without the option.
    let injected = start(&["--inject", "FRS.0033=1", "--retry-after", "7"]);
    let (status, headers, _) = get(&injected, &[]).await;
    assert_eq!(status, 400);
    assert_eq!(headers["retry-after"], "7");
    let plain = start(&[]);
    let (status, headers, _) = get(&plain, &[("X-Frs-Error", "FRS.0033")]).await;
    assert_eq!(status, 400);
    assert!(!headers.contains_key("retry-after"));
}

/// `host:port` of a running server.
fn address(server: &Server) -> String {
    server.base.trim_start_matches("http://").to_owned()
}

/// Connects to `server`, with reads that fail rather than wait for ever.
fn connect(server: &Server) -> TcpStream {
    let stream = TcpStream::connect(address(server)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(15)))
        .expect("a read timeout");
    stream
}

/// What the server sends on `stream` until it closes the connection.
fn read_to_close(stream: &mut TcpStream) -> String {
    let mut answer = Vec::new();
    stream
        .read_to_end(&mut answer)
        .expect("the server closes the connection");
    String::from_utf8(answer).expect("UTF-8")
}

/// Sends a whole GET on a fresh connection and returns the answer, asserting it came soon: the
/// server keeps answering others.
fn answered_meanwhile(server: &Server) -> String {
    let asked = Instant::now();
    let mut stream = connect(server);
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .expect("a request");
    let answer = read_to_close(&mut stream);
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "another client waited {:?}",
        asked.elapsed()
    );
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(answer.ends_with("\r\n\r\n{}"), "{answer}");
    answer
}

#[test]
fn a_request_whose_headers_stall_gets_408_and_is_closed() {
    let server = start(&[]);
    let stalled = std::thread::scope(|scope| {
        let stalled = scope.spawn(|| {
            let mut stream = connect(&server);
            stream
                .write_all(b"GET /v2/project/face-detect HT")
                .expect("half a request line");
            let sent = Instant::now();
            let answer = read_to_close(&mut stream);
            (sent.elapsed(), answer)
        });
        let idle = scope.spawn(|| {
            let mut stream = connect(&server);
            let opened = Instant::now();
            let answer = read_to_close(&mut stream);
            (opened.elapsed(), answer)
        });
        std::thread::sleep(Duration::from_millis(500));
        answered_meanwhile(&server);
        let (waited, answer) = idle.join().expect("the idle client");
        assert_eq!(answer, "", "an idle connection is closed without an answer");
        assert!(
            (Duration::from_millis(4500)..Duration::from_secs(8)).contains(&waited),
            "an idle connection closed after {waited:?}"
        );
        stalled.join().expect("the stalled client")
    });
    let (waited, answer) = stalled;
    assert!(
        (Duration::from_millis(4500)..Duration::from_secs(8)).contains(&waited),
        "408 after {waited:?}, not about 5 s"
    );
    let reason = "the request's line and headers did not all arrive within 5 s\n";
    assert_eq!(
        answer,
        format!(
            "HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-type: \
             text/plain;charset=utf-8\r\ncontent-length: {}\r\n\r\n{reason}",
            reason.len()
        )
    );
    answered_meanwhile(&server);
}

/// Sends `head`, then `body` from another thread (the server may answer before it is all
/// sent), and returns the answer.
fn send_large(server: &Server, head: String, body: Vec<u8>) -> String {
    let mut stream = connect(server);
    stream.write_all(head.as_bytes()).expect("the head");
    let mut writer = stream.try_clone().expect("a second handle");
    // The server stops reading once it has refused the body.
    let sending = std::thread::spawn(move || {
        let _ = writer.write_all(&body);
    });
    let answer = read_to_close(&mut stream);
    drop(stream);
    sending.join().expect("the sender");
    answer
}

/// The status line and the body of an answer.
fn status_and_body(answer: &str) -> (&str, &str) {
    let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
    (head.lines().next().expect("a status line"), body)
}

#[test]
fn a_body_over_1_mib_gets_413() {
    let server = start(&[]);
    let two_mib = 2 << 20;
    let answer = send_large(
        &server,
        format!(
            "POST /v2/project/face-detect HTTP/1.1\r\nHost: x\r\nContent-Length: {two_mib}\r\n\r\n"
        ),
        vec![b'x'; two_mib],
    );
    assert_eq!(
        status_and_body(&answer),
        (
            "HTTP/1.1 413 Payload Too Large",
            "the request body (2097152 bytes) is over serve's limit of 1 MiB (1048576 bytes)\n"
        )
    );
    answered_meanwhile(&server);

    // Without a length, the body is refused once it has grown past the limit.
    let mut chunked = Vec::new();
    for _ in 0..32 {
        chunked.extend_from_slice(b"10000\r\n");
        chunked.extend(std::iter::repeat_n(b'x', 0x10000));
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let answer = send_large(
        &server,
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".to_owned(),
        chunked,
    );
    assert_eq!(
        status_and_body(&answer),
        (
            "HTTP/1.1 413 Payload Too Large",
            "the request body is over serve's limit of 1 MiB (1048576 bytes)\n"
        )
    );

    // 1 MiB is within it, and the answer is the usual one.
    let one_mib = 1 << 20;
    let answer = send_large(
        &server,
        format!("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Frs-Error: FRS.0202\r\nContent-Length: {one_mib}\r\n\r\n"),
        vec![b'x'; one_mib],
    );
    assert_eq!(
        status_and_body(&answer),
        (
            "HTTP/1.1 400 Bad Request",
            r#"{"error_code":"FRS.0202","error_msg":"The service has been frozen."}"#
        )
    );
    answered_meanwhile(&server);
}

#[test]
fn connections_beyond_256_wait_until_one_closes() {
    let server = start(&[]);
    let mut holders: Vec<TcpStream> = (0..256).map(|_| connect(&server)).collect();
    // The server accepts them before the next one is tried.
    std::thread::sleep(Duration::from_millis(300));
    let mut waiting = connect(&server);
    waiting
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .expect("a request");
    waiting
        .set_read_timeout(Some(Duration::from_millis(1000)))
        .expect("a read timeout");
    let mut byte = [0];
    let early = waiting.read(&mut byte);
    assert!(
        early.is_err(),
        "the 257th connection was answered while 256 were open: {early:?}"
    );
    holders.pop();
    let freed = Instant::now();
    waiting
        .set_read_timeout(Some(Duration::from_secs(15)))
        .expect("a read timeout");
    let answer = read_to_close(&mut waiting);
    assert!(
        freed.elapsed() < Duration::from_secs(2),
        "answered {:?} after a connection closed",
        freed.elapsed()
    );
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_connections_at_once_are_each_answered() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let server = start(&[]);
    let address = address(&server);
    // All are open before any sends, so that most wait for one of the 256 connections served.
    let mut streams = Vec::new();
    for _ in 0..1000 {
        streams.push(
            tokio::net::TcpStream::connect(&address)
                .await
                .expect("connect"),
        );
    }
    let clients: Vec<_> = streams
        .into_iter()
        .map(|mut stream| {
            tokio::spawn(async move {
                stream
                    .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .await
                    .expect("a request");
                let mut answer = Vec::new();
                stream.read_to_end(&mut answer).await.expect("an answer");
                String::from_utf8(answer).expect("UTF-8")
            })
        })
        .collect();
    let (status, _, body) = get(&server, &[("X-Frs-Error", "FRS.0202")]).await;
    assert_eq!(status, 400, "{body}");
    let answers = tokio::time::timeout(Duration::from_secs(60), async {
        let mut answers = Vec::new();
        for client in clients {
            answers.push(client.await.expect("a client"));
        }
        answers
    })
    .await
    .expect("all answered within 60 s");
    for answer in &answers {
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
        assert!(answer.ends_with("\r\n\r\n{}"), "{answer}");
    }
}

/// A client that sends its whole body before it reads gets to send it, and then reads the 413:
/// serve reads on after refusing, rather than close the connection under the client's writes.
#[test]
fn a_client_that_sends_its_whole_body_before_reading_gets_the_413() {
    let server = start(&[]);
    let mut stream = connect(&server);
    let size = 8 << 20;
    stream
        .write_all(
            format!("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {size}\r\n\r\n").as_bytes(),
        )
        .expect("the head");
    stream
        .write_all(&vec![b'x'; size])
        .expect("the whole body, although it is refused");
    let answer = read_to_close(&mut stream);
    assert_eq!(
        status_and_body(&answer),
        (
            "HTTP/1.1 413 Payload Too Large",
            "the request body (8388608 bytes) is over serve's limit of 1 MiB (1048576 bytes)\n"
        )
    );
}

/// reqwest, which reads while it sends, gets the 413 as a response.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reqwest_gets_the_413_of_a_body_over_1_mib() {
    let server = start(&[]);
    for _ in 0..5 {
        let response = client()
            .post(format!("{}/v2/project/face-detect", server.base))
            .body(vec![b'x'; 2 << 20])
            .send()
            .await
            .expect("an answer, not a reset connection");
        assert_eq!(response.status(), 413);
        assert_eq!(
            response.text().await.expect("a body"),
            "the request body (2097152 bytes) is over serve's limit of 1 MiB (1048576 bytes)\n"
        );
    }
    let (status, _, _) = get(&server, &[]).await;
    assert_eq!(status, 200);
}

#[test]
fn the_client_example_prints_what_the_readme_shows() {
    let command = support::readme_block("## A stand-in server and a client that reads it", "sh");
    let args: Vec<&str> = command
        .trim()
        .strip_prefix("cargo run -p frs-codes-cli -- serve ")
        .expect("the README starts serve with cargo run")
        .split(' ')
        .collect();
    let server = start(&args);
    let shown = support::readme_block(
        "cargo run -p frs-codes --features http --example client -- http://127.0.0.1:8080 20",
        "text",
    );
    let output = client_example(&[&server.base, "20"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "some calls fail, so it exits 1: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout), shown);
}

/// `cargo run -p frs-codes --example client -- ARGS`.
fn client_example(args: &[&str]) -> std::process::Output {
    support::run_example("client", args, b"")
}

#[test]
fn the_client_example_answers_help_and_refuses_what_is_not_a_url() {
    let help = client_example(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).starts_with("usage: client [URL] [CALLS]"));
    for (args, says) in [
        (
            &["not a url"][..],
            "error: `not a url` is not an http:// or https:// URL",
        ),
        (
            &["ftp://127.0.0.1/"][..],
            "error: `ftp://127.0.0.1/` is not an http:// or https:// URL",
        ),
        (
            &["http://127.0.0.1:9", "ten"][..],
            "error: CALLS is a number of calls, not `ten`",
        ),
    ] {
        let run = client_example(args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        // Refused before any call: nothing is printed on stdout.
        assert_eq!(String::from_utf8_lossy(&run.stdout), "", "{args:?}");
        assert!(
            String::from_utf8_lossy(&run.stderr).starts_with(says),
            "{args:?}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
}
