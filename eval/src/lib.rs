//! Caveat's evaluation and training lab, run through `cargo xtask`: the scoreboard
//! (detection quality on the labeled sets in `../shared`), the trainers of the learned
//! files the core ships, and the hedging study tool. One reader per corpus
//! (`corpus`), one set of metrics (`metrics`), shared by all of them.
//!
//! A workspace crate of its own so that xtask stays a dev runner (build, serve, test,
//! setup); neither is a dependency of `caveat`, so nothing here reaches the Wasm.

pub mod corpus;
pub mod hedging_dev;
pub mod metrics;
pub mod scoreboard;
pub mod train;
pub mod util;
