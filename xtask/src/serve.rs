//! `cargo xtask serve [--port N]`: a tiny static server on 127.0.0.1 (std only).
//! Written on std on purpose, one thread and one response per connection: tiny_http
//! 0.12 (tried) keeps four pool threads busy with idle keep-alive connections and
//! queues the next ones behind them, so a browser's fifth and sixth parallel
//! requests stall the page load.
//!
//! /                       the playground (dist/www)
//! /seed-article.txt       ../shared/corpus/seed-article.txt; 204 No Content when ../shared is
//!                         absent (the playground then falls back to its example, and the
//!                         browser logs no error)
//! /article/seed.html      the seed article as a news page (with page chrome around it)
//! /article/example.html   the playground's built-in example text as a news page
//! /article/roundtrip.html one English→Spanish→English machine round trip (the first, by
//!                         name, of ../shared/eval/translation/roundtrip_es/dev/) as a
//!                         news page; 404 with a message when ../shared is absent
//! /fixtures/…             tests/e2e/fixtures/…
//! `?csp=…` on any URL adds a `Content-Security-Policy` header (see `csp_header`):
//!   strict         `script-src 'self'` (no 'wasm-unsafe-eval': the extension must
//!                  fall back to its background)
//!   trusted-types  `require-trusted-types-for 'script'`
//!   tt             both, and only the page's own policy `fixture` may be created: the
//!                  most locked-down page (any HTML sink Caveat used would be a violation)
//! The seed and round-trip articles are read from ../shared on each request, never copied.
//! `--no-shared` serves as if ../shared were absent (to test the fallback).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use eval::corpus::roundtrip;

use crate::util::{root, shared, Result};

pub const DEFAULT_PORT: u16 = 8787;

/// Set by `--no-shared`: behave as if ../shared were absent.
static NO_SHARED: AtomicBool = AtomicBool::new(false);

/// Parse `[--port N] [--no-shared]` and serve until killed.
pub fn main(args: &[String]) -> Result {
    serve(parse_args(args)?, |_| {})
}

/// `--port N` (0 = any free port; default 8787) and `--no-shared`.
pub fn parse_args(args: &[String]) -> Result<u16> {
    let mut a = crate::util::args(args);
    if a.contains("--no-shared") {
        NO_SHARED.store(true, Ordering::Relaxed);
    }
    let usage = |a: &str| format!("unknown argument {a:?} (serve takes --port N and --no-shared)");
    let port = match a.opt_value_from_str::<_, String>("--port").map_err(|_| usage("--port"))? {
        Some(v) => v.parse().map_err(|_| format!("--port wants a number, got {v:?}"))?,
        None => DEFAULT_PORT,
    };
    match a.finish().first() {
        Some(other) => Err(usage(&other.to_string_lossy())),
        None => Ok(port),
    }
}

/// The round-trip article: the first, by name, of the round-trip dev split.
fn roundtrip_path() -> Option<PathBuf> {
    if NO_SHARED.load(Ordering::Relaxed) {
        return None;
    }
    let eval = shared()?.join("eval");
    roundtrip::pairs(&eval, "dev").ok()?.into_iter().next().map(|p| p.round_trip)
}

fn seed_path() -> Option<PathBuf> {
    if NO_SHARED.load(Ordering::Relaxed) {
        return None;
    }
    let p = shared()?.join("corpus").join("seed-article.txt");
    p.is_file().then_some(p)
}

/// Bind 127.0.0.1:`port` (0 = any free port), call `ready(url)`, then serve forever.
pub fn serve(port: u16, ready: impl FnOnce(&str)) -> Result {
    let www = root().join("dist").join("www");
    if !www.join("index.html").exists() {
        return Err("dist/www is missing: run `cargo xtask build` first".into());
    }
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let url = format!("http://{addr}/");
    // The e2e tests read this line to learn the port.
    println!("serving {url}");
    let _ = std::io::stdout().flush();
    ready(&url);
    for stream in listener.incoming().flatten() {
        std::thread::spawn(move || {
            let _ = handle(stream);
        });
    }
    Ok(())
}

fn handle(mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; requests carry no body we care about.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return respond(&mut stream, 405, "text/plain; charset=utf-8", b"method not allowed\n", None, false);
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let csp = csp_header(query);
    let head = method == "HEAD";
    match resolve(path) {
        Some((status, mime, body)) => respond(&mut stream, status, mime, &body, csp, head),
        None => respond(&mut stream, 404, "text/plain; charset=utf-8", b"not found\n", csp, head),
    }
}

/// The Content-Security-Policy a query string asks for (`csp=strict|trusted-types|tt`).
fn csp_header(query: &str) -> Option<&'static str> {
    query.split('&').find_map(|kv| match kv {
        "csp=strict" => Some("script-src 'self'"),
        "csp=trusted-types" => Some("require-trusted-types-for 'script'"),
        "csp=tt" => Some("script-src 'self'; require-trusted-types-for 'script'; trusted-types fixture"),
        _ => None,
    })
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    mime: &str,
    body: &[u8],
    csp: Option<&str>,
    head: bool,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        204 => "No Content",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let mut header = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(csp) = csp {
        header.push_str(&format!("Content-Security-Policy: {csp}\r\n"));
    }
    header.push_str("\r\n");
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The status, MIME type and body for a URL path, or None (404).
fn resolve(path: &str) -> Option<(u16, &'static str, Vec<u8>)> {
    let path = percent_decode(path)?;
    let html = "text/html; charset=utf-8";
    match path.as_str() {
        "/seed-article.txt" => {
            return Some(match read_seed() {
                Some(text) => (200, "text/plain; charset=utf-8", text.into_bytes()),
                None => (204, "text/plain; charset=utf-8", Vec::new()),
            })
        }
        "/article/seed.html" => return Some((200, html, article_page("Seed article", &read_seed()?).into_bytes())),
        "/article/roundtrip.html" => {
            return Some(match roundtrip_path().and_then(|p| std::fs::read_to_string(p).ok()) {
                Some(text) => (200, html, article_page("Round-trip article", &text).into_bytes()),
                None => (
                    404,
                    "text/plain; charset=utf-8",
                    b"no round-trip article: ../shared/eval/translation/roundtrip_es/dev/ is absent\n".to_vec(),
                ),
            })
        }
        "/article/example.html" => {
            let text = std::fs::read_to_string(root().join("www").join("example.txt")).ok()?;
            return Some((200, html, article_page("Harbour ferries", &text).into_bytes()));
        }
        _ => {}
    }
    let (base, rel) = match path.strip_prefix("/fixtures/") {
        Some(rel) => (root().join("tests").join("e2e").join("fixtures"), rel),
        None => (root().join("dist").join("www"), path.trim_start_matches('/')),
    };
    let mut file = safe_join(&base, rel)?;
    if file.is_dir() {
        file = file.join("index.html");
    }
    let body = std::fs::read(&file).ok()?;
    Some((200, mime_of(&file), body))
}

fn read_seed() -> Option<String> {
    std::fs::read_to_string(seed_path()?).ok()
}

/// `base/rel` when `rel` stays inside `base` (no `..`, no absolute parts).
fn safe_join(base: &Path, rel: &str) -> Option<PathBuf> {
    let rel = Path::new(rel);
    rel.components().all(|c| matches!(c, Component::Normal(_))).then(|| base.join(rel))
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn mime_of(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A news-like page: the text's lines become paragraphs of an <article>, with the
/// chrome a real page has around it (navigation, a hidden teaser, a code sample, a
/// comment form), whose words must never be marked.
pub fn article_page(title: &str, text: &str) -> String {
    let paragraphs: String =
        text.lines().filter(|l| !l.trim().is_empty()).map(|l| format!("    <p>{}</p>\n", escape_html(l))).collect();
    let title = escape_html(title);
    format!(
        r##"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/fixtures/article.css">
</head>
<body>
  <header class="site"><a href="/">The Daily Example</a>
    <nav><a href="#">World</a> · <a href="#">Politics: officials said the vote may be delayed</a></nav>
  </header>
  <main>
  <article>
    <h1>{title}</h1>
{paragraphs}  </article>
  <div hidden>Hidden teaser: the source said it is believed to be true.</div>
  <pre><code>// code: the source said this may be alleged</code></pre>
  <form class="comment"><label>Comment <textarea>Officials said it may be alleged.</textarea></label>
    <input value="the source said it may be"></form>
  </main>
  <footer>Many experts say our footer may be believed to be vague.</footer>
</body>
</html>
"##
    )
}

/// `cargo xtask run`: install what is missing, build, say how to load the
/// extension, and serve the playground with the seed article.
pub fn run(args: &[String]) -> Result {
    let port = parse_args(args)?;
    crate::setup::all()?;
    crate::build::all()?;
    let dist = root().join("dist");
    serve(port, |url| {
        let seed = if seed_path().is_some() {
            "the seed article (from ../shared)"
        } else {
            "the built-in example (../shared is absent)"
        };
        println!(
            "
Caveat is built.

  Chromium: chrome://extensions → turn on Developer mode → Load unpacked → {chromium}
  Firefox:  about:debugging → This Firefox → Load Temporary Add-on… → {firefox}/manifest.json
  Zips for stores: dist/caveat-chromium.zip, dist/caveat-firefox.zip

  Playground, with {seed}:  {url}
  A news page to try the extension on:  {url}article/seed.html  (and {url}article/example.html)
  Same page under a strict CSP (background fallback):  {url}article/seed.html?csp=strict

Press Ctrl-C to stop the server.",
            chromium = dist.join("chromium").display(),
            firefox = dist.join("firefox").display(),
        );
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_their_folder() {
        let base = Path::new("/srv");
        assert_eq!(safe_join(base, "a/b.js"), Some(PathBuf::from("/srv/a/b.js")));
        for bad in ["../secret", "a/../../x", "/etc/passwd"] {
            assert_eq!(safe_join(base, bad), None, "{bad}");
        }
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        assert_eq!(mime_of(Path::new("x/caveat_bg.wasm")), "application/wasm");
        assert_eq!(mime_of(Path::new("a.mjs")), "text/javascript; charset=utf-8");
    }

    #[test]
    fn article_page_escapes_text() {
        let page = article_page("T", "a <b> & c\n\nsecond");
        assert!(page.contains("<p>a &lt;b&gt; &amp; c</p>"));
        assert!(page.contains("<p>second</p>"));
    }

    #[test]
    fn port_argument() {
        assert_eq!(parse_args(&[]), Ok(DEFAULT_PORT));
        assert_eq!(parse_args(&["--port".into(), "0".into()]), Ok(0));
        assert_eq!(parse_args(&["--port=9000".into()]), Ok(9000));
        assert!(parse_args(&["--port".into(), "x".into()]).is_err());
    }

    #[test]
    fn csp_variants() {
        for (query, want) in [
            ("", None),
            ("csp=strict", Some("script-src 'self'")),
            ("x=1&csp=trusted-types", Some("require-trusted-types-for 'script'")),
            ("csp=tt", Some("script-src 'self'; require-trusted-types-for 'script'; trusted-types fixture")),
            ("csp=other", None),
            ("csp=strictly", None),
        ] {
            assert_eq!(csp_header(query), want, "{query}");
        }
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("/a%20b").as_deref(), Some("/a b"));
        assert_eq!(percent_decode("/a%2"), None);
    }
}
