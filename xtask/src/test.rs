//! `cargo xtask test`: every test the project has, in one command (what CI runs).

use std::process::Command;

use crate::util::{run, Result};

pub fn all(_args: &[String]) -> Result {
    crate::setup::all()?;
    run(Command::new("cargo").args(["fmt", "--all", "--check"]))?;
    run(Command::new("cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    run(Command::new("cargo").args(["test", "--workspace"]))?;
    crate::docs::main(&["--check".to_string()])?;
    crate::build::all()?;
    crate::bench::check_built_wasm()?;
    crate::e2e::all(&[])?;
    Ok(())
}
