//! `analyze` on arbitrary bytes read as UTF-8 (invalid bytes become U+FFFD, as a
//! browser's decoder does): it must not panic, and the report must hold its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = caveat::analyze(&text);
    invariants::check_report(&text, &report);
});
