//! The helpers the tasks share with the `eval` crate: where things are, reading files,
//! running commands, arguments.

pub use eval::util::*;
