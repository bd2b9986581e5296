//! Installs what the tasks need; each step is skipped when already done.

use std::process::Command;

use crate::util::{have, output, root, run, Result};

pub fn all() -> Result {
    wasm_target()?;
    wasm_bindgen_cli()?;
    browsers()?;
    npm_packages()
}

pub fn wasm_target() -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The wasm-bindgen version pinned in Cargo.lock: the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock =
        std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|v| v.trim().strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

pub fn wasm_bindgen_cli() -> Result {
    let want = wasm_bindgen_version()?;
    let have_version = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have_version.split_whitespace().nth(1) == Some(want.as_str()) {
        return Ok(());
    }
    // Without --locked: the CLI's own lockfile wants crate versions the registry mirror lacks.
    run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &want]))
}

/// Debian's Chromium and Firefox ESR for the end-to-end tests.
pub fn browsers() -> Result {
    let missing: Vec<&str> = [("chromium", "/usr/bin/chromium"), ("firefox-esr", "/usr/bin/firefox-esr")]
        .into_iter()
        .filter(|(_, path)| !std::path::Path::new(path).exists())
        .map(|(pkg, _)| pkg)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let sudo =
        if output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() == "0") { vec![] } else { vec!["sudo"] };
    let apt = |args: &[&str]| {
        let mut c = Command::new(if sudo.is_empty() { "apt-get" } else { "sudo" });
        if !sudo.is_empty() {
            c.arg("apt-get");
        }
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(&mut apt(&["update", "-qq"]))?;
    let mut install = apt(&["install", "-y", "-qq"]);
    install.args(&missing);
    run(&mut install)
}

/// The e2e tests' npm packages (playwright-core, puppeteer-core, axe-core…), from the lockfile.
pub fn npm_packages() -> Result {
    let dir = root().join("tests").join("e2e");
    if !dir.join("package.json").exists() {
        return Ok(());
    }
    if !have("npm") {
        return Err("npm is needed for the browser tests; install Node.js 20+".into());
    }
    let stamp = dir.join("node_modules").join(".package-lock.json");
    let lock = dir.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
        (Ok(s), Ok(l)) => s.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    let verb = if lock.exists() { "ci" } else { "install" };
    run(Command::new("npm").args([verb, "--no-audit", "--no-fund"]).current_dir(&dir))
}
