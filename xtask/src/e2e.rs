//! `cargo xtask e2e`: the JS lints (eslint with no-unsanitized, TypeScript's checker
//! on the modules marked `// @ts-check`, web-ext lint on the Firefox build) and the
//! browser end-to-end tests (tests/e2e, `node --test`)
//! in headless Chromium and Firefox ESR. Expects a fresh `cargo xtask build`.

use std::process::Command;

use crate::util::{root, run, Result};

pub fn all(args: &[String]) -> Result {
    crate::setup::npm_packages()?;
    lint()?;
    tests(args)
}

/// Warnings `web-ext lint` gives that follow from deliberate choices (code, file):
const EXPECTED_WEB_EXT_WARNINGS: &[(&str, &str)] = &[
    // One manifest for both browsers: Firefox ignores the Chromium service worker key.
    ("BACKGROUND_SERVICE_WORKER_IGNORED", "manifest.json"),
    // The content script imports Readability, our own packaged module, by its extension
    // URL (runtime.getURL) when a page needs it: a relative specifier would resolve
    // against the page in Firefox.
    ("UNSAFE_VAR_ASSIGNMENT", "content/caveat.js"),
];

pub fn lint() -> Result {
    let dir = root().join("tests").join("e2e");
    let eslint = dir.join("node_modules").join(".bin").join("eslint");
    run(Command::new(eslint).args([
        "-c",
        "tests/e2e/eslint.config.mjs",
        "--max-warnings",
        "0",
        "extension",
        "www",
        "tests/e2e",
    ]))?;
    // The report's shape (extension/core/report.js) against the modules that read it:
    // every file that starts with `// @ts-check` (tests/e2e/jsconfig.json).
    let tsc = dir.join("node_modules").join(".bin").join("tsc");
    run(Command::new(tsc).args(["--noEmit", "-p", "tests/e2e/jsconfig.json"]).current_dir(root()))?;
    web_ext_lint(&dir)
}

/// `web-ext lint` on dist/firefox: no errors, and no warnings but the expected ones.
fn web_ext_lint(dir: &std::path::Path) -> Result {
    let source = root().join("dist").join("firefox");
    eprintln!("» web-ext lint --source-dir {}", source.display());
    let out = Command::new(dir.join("node_modules").join(".bin").join("web-ext"))
        .args(["lint", "--output", "json", "--no-input", "--source-dir"])
        .arg(&source)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run web-ext: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json_start = stdout.find('{').ok_or_else(|| format!("web-ext lint printed no report:\n{stdout}"))?;
    let report: serde_json::Value =
        serde_json::from_str(&stdout[json_start..]).map_err(|e| format!("web-ext lint report: {e}"))?;
    let mut problems = Vec::new();
    // vendor/readability.js (the content script loads it when a page needs it) is
    // Readability, which assigns innerHTML on the inert clone
    // it reads, never on the page: to restore its own copy before a second pass, and to
    // unwrap <noscript> images (the clone has no browsing context: nothing in it runs or
    // loads). Exactly as many such warnings as Readability's sources hold may stand
    // there; our own sources are held to eslint's no-unsanitized.
    let mut bundled_readability = crate::build::vendored_inner_html_assignments()?;
    for (kind, fatal_always) in [("errors", true), ("warnings", false)] {
        for m in report[kind].as_array().into_iter().flatten() {
            let code = m["code"].as_str().unwrap_or("");
            let file = m["file"].as_str().unwrap_or("");
            let in_bundle =
                code == "UNSAFE_VAR_ASSIGNMENT" && file == "vendor/readability.js" && bundled_readability > 0;
            bundled_readability -= usize::from(in_bundle);
            let expected = !fatal_always && (in_bundle || EXPECTED_WEB_EXT_WARNINGS.contains(&(code, file)));
            let line = format!("{kind}: {code} {file}: {}", m["message"].as_str().unwrap_or(""));
            if expected {
                eprintln!("  (expected) {line}");
            } else {
                problems.push(line);
            }
        }
    }
    let summary = &report["summary"];
    eprintln!(
        "  web-ext lint: {} errors, {} warnings, {} notices",
        summary["errors"], summary["warnings"], summary["notices"]
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("web-ext lint found problems:\n  {}", problems.join("\n  ")))
    }
}

/// `node --test` on tests/e2e (args: test files or name patterns to narrow the run).
pub fn tests(args: &[String]) -> Result {
    let dir = root().join("tests").join("e2e");
    let mut cmd = Command::new("node");
    cmd.args(["--test", "--test-concurrency=1"]).current_dir(&dir);
    // The tests start this very binary's `serve` task.
    if let Ok(exe) = std::env::current_exe() {
        cmd.env("CAVEAT_XTASK", exe);
    }
    if args.is_empty() {
        cmd.arg("--test-reporter=spec");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .map_err(|e| format!("cannot read tests/e2e: {e}"))?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".test.mjs"))
            .collect();
        files.sort();
        cmd.args(files);
    } else {
        cmd.args(args);
    }
    run(&mut cmd)
}
