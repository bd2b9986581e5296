//! `cargo xtask e2e`: the JS lints (eslint with no-unsanitized, web-ext lint on
//! the Firefox build) and the browser end-to-end tests (tests/e2e, `node --test`)
//! in headless Chromium and Firefox ESR. Expects a fresh `cargo xtask build`.

use std::process::Command;

use crate::util::{root, run, Result};

pub fn all(args: &[String]) -> Result {
    crate::setup::npm_packages()?;
    lint()?;
    tests(args)
}

pub fn lint() -> Result {
    let dir = root().join("tests").join("e2e");
    run(Command::new("npx").args(["--no-install", "eslint", "--max-warnings", "0", "."]).current_dir(&dir))?;
    run(Command::new("npx")
        .args(["--no-install", "web-ext", "lint", "--warnings-as-errors", "--source-dir"])
        .arg(root().join("dist").join("firefox"))
        .current_dir(&dir))
}

/// `node --test` on tests/e2e (args: test files or name patterns to narrow the run).
pub fn tests(args: &[String]) -> Result {
    let dir = root().join("tests").join("e2e");
    let mut cmd = Command::new("node");
    cmd.args(["--test", "--test-concurrency=1"]).current_dir(&dir);
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
