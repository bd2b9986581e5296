//! `cargo xtask test`: every test the project has, in one command (what CI runs).

use std::process::Command;

use crate::util::{run, Result};

pub fn all(_args: &[String]) -> Result {
    crate::setup::all()?;
    run(Command::new("cargo").args(["fmt", "--all", "--check"]))?;
    run(Command::new("cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    run(Command::new("cargo").args(["test", "--workspace"]))?;
    eval::scoreboard::check_or_skip()?;
    // The Wasm API under Node (tests/wasm.rs); no -q: the runner rejects --quiet.
    run(Command::new("cargo")
        .args(["test", "--target", "wasm32-unknown-unknown", "--test", "wasm"])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner"))?;
    crate::docs::main(&["--check".to_string()])?;
    crate::build::all()?;
    crate::bench::check_built_wasm()?;
    crate::e2e::all(&[])?;
    Ok(())
}
