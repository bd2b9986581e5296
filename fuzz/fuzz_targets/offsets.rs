//! The UTF-8 ↔ UTF-16 offset mapping on arbitrary text and arbitrary offsets:
//! exact at every char boundary (checked against `encode_utf16`), sane elsewhere.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    // The first bytes, two at a time, are offsets to try (some off-boundary, some past
    // the end); the rest is the text.
    let split = data.first().map_or(0, |&n| (1 + 2 * (n as usize % 8)).min(data.len()));
    let (head, rest) = data.split_at(split);
    let arbitrary: Vec<usize> =
        head.get(1..).unwrap_or(&[]).chunks(2).map(|c| c.iter().fold(0, |a, &b| a * 256 + b as usize)).collect();
    let text = String::from_utf8_lossy(rest);
    invariants::check_offset_mapping(&text, &arbitrary);
});
