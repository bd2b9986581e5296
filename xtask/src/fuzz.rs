//! `cargo xtask fuzz [--seconds N] [TARGET…]`: run each libFuzzer target (fuzz/) for N
//! seconds (default 600), one after the other. Not part of `cargo xtask test`: too long.
//!
//! Runs on the stable toolchain: `cargo fuzz` needs nightly only for sanitizers, and
//! the core has no `unsafe` for AddressSanitizer to watch, so `--sanitizer none`.
//! New inputs go to `fuzz/target/corpus/<target>` (ignored); the small hand-written
//! seeds in `fuzz/corpus/<target>` stay as committed. A crash leaves its input under
//! `fuzz/artifacts/<target>/`: turn it into a test in tests/pathological.rs.

use std::process::Command;

use crate::util::{have, root, run, Result};

const TARGETS: &[&str] = &["analyze", "offsets"];

pub fn run_all(args: &[String]) -> Result {
    let mut a = crate::util::args(args);
    let seconds: u64 =
        a.opt_value_from_str("--seconds").map_err(|_| "--seconds needs a whole number of seconds")?.unwrap_or(600);
    let mut targets: Vec<&str> = Vec::new();
    for t in a.finish() {
        let t = t.to_string_lossy();
        match TARGETS.iter().find(|&&k| k == t) {
            Some(k) => targets.push(k),
            None => return Err(format!("unknown fuzz argument {t:?} (--seconds N, or a target: {TARGETS:?})")),
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    if !have("cargo-fuzz") {
        run(Command::new("cargo").args(["install", "cargo-fuzz"]))?;
    }
    let fuzz_dir = root().join("fuzz");
    for target in targets {
        let work = fuzz_dir.join("target").join("corpus").join(target);
        std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
        let seeds = fuzz_dir.join("corpus").join(target);
        let mut cmd = Command::new("cargo");
        cmd.args(["fuzz", "run", "--sanitizer", "none", target])
            .arg(&work)
            .arg(&seeds)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            // An input that takes 10 s is a bug (quadratic somewhere), not patience.
            .arg("-timeout=10")
            .arg("-print_final_stats=1");
        let dict = fuzz_dir.join(format!("{target}.dict"));
        if dict.exists() {
            cmd.arg(format!("-dict={}", dict.display()));
        }
        run(&mut cmd).map_err(|e| {
            format!("{e}\nthe failing input is in fuzz/artifacts/{target}/: add it to tests/pathological.rs")
        })?;
    }
    Ok(())
}
