//! `cargo xtask screenshots`: build, then regenerate the README's screenshots of
//! the reading experience (docs/screenshots/*.png) with headless Chromium and the
//! built extension (tests/e2e/screenshots.mjs).

use std::process::Command;

use crate::util::{root, run, Result};

pub fn main(_args: &[String]) -> Result {
    crate::build::all()?;
    crate::setup::npm_packages()?;
    let mut cmd = Command::new("node");
    cmd.arg("screenshots.mjs").current_dir(root().join("tests").join("e2e"));
    // The script starts this very binary's `serve` task.
    if let Ok(exe) = std::env::current_exe() {
        cmd.env("CAVEAT_XTASK", exe);
    }
    run(&mut cmd)
}
