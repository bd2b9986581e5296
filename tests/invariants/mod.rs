//! What every report must satisfy, for any text: shared by the property tests, the
//! pathological-input tests and the fuzz targets (`#[path]`-included there), so a
//! fuzzer crash and a failing test mean the same thing.

#![allow(dead_code)] // each includer uses a different part

use caveat::text::offsets::{utf16_to_utf8, utf8_to_utf16};
use caveat::{Category, Report};

/// Check a report against its text; panics with a precise message on the first breach.
pub fn check_report(text: &str, report: &Report) {
    let len = text.len();
    let mut last = (0, 0);
    let mut counts = [0usize; 3];
    for (i, a) in report.annotations.iter().enumerate() {
        assert!(a.start < a.end, "annotation {i} ({}) is empty or reversed: {}..{}", a.rule.id, a.start, a.end);
        assert!(a.end <= len, "annotation {i} ({}) ends at {} past the text ({len} bytes)", a.rule.id, a.end);
        assert!(
            text.is_char_boundary(a.start) && text.is_char_boundary(a.end),
            "annotation {i} ({}) {}..{} splits a character",
            a.rule.id,
            a.start,
            a.end
        );
        let marked = &text[a.start..a.end];
        // A mark is drawn over words: one that starts or ends in blank space looks broken.
        assert!(
            !marked.starts_with(char::is_whitespace) && !marked.ends_with(char::is_whitespace),
            "annotation {i} ({}) {}..{} has blank space at an edge: {marked:?}",
            a.rule.id,
            a.start,
            a.end
        );
        assert!((a.start, a.end) >= last, "annotation {i} ({}) out of order", a.rule.id);
        last = (a.start, a.end);
        assert_eq!(a.category, a.rule.category, "annotation {i} has its rule's category");
        assert!(a.rule.id.starts_with(a.category.as_str()), "rule {} prefixed by its category", a.rule.id);
        counts[a.category as usize] += 1;
    }
    for c in Category::ALL {
        let spans: Vec<(usize, usize)> =
            report.annotations.iter().filter(|a| a.category == c).map(|a| (a.start, a.end)).collect();
        for w in spans.windows(2) {
            assert!(w[0].1 <= w[1].0, "{} marks overlap: {:?} and {:?}", c.as_str(), w[0], w[1]);
        }
        assert_eq!(report.summary.counts.get(c), counts[c as usize], "summary count of {}", c.as_str());
    }
    for (i, a) in report.attributions.iter().enumerate() {
        check_span(text, a.cue_start, a.cue_end, &format!("attribution {i} cue"));
        assert_eq!(a.source_start.is_some(), a.source_end.is_some(), "attribution {i}: source start without end");
        if let (Some(s), Some(e)) = (a.source_start, a.source_end) {
            check_span(text, s, e, &format!("attribution {i} source"));
        }
    }
    let s = &report.summary;
    assert_eq!(s.sources.attributions, report.attributions.len());
    assert!(s.sources.anonymous <= s.sources.attributions);
    let likelihood = s.translation_likelihood;
    assert!(likelihood.is_finite() && (0.0..=1.0).contains(&likelihood), "translation likelihood {likelihood}");
    assert_eq!(likelihood, s.translation.likelihood);
    assert!(s.words <= text.chars().filter(|c| !c.is_whitespace()).count(), "more words than characters");
    check_utf16_offsets(text, report);
}

fn check_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(start <= end && end <= text.len(), "{what} {start}..{end} outside {} bytes", text.len());
    assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{what} {start}..{end} splits a character");
}

/// The offsets the Wasm API hands to JS slice, in a UTF-16 string, exactly the text
/// the UTF-8 span holds, and map back to the same bytes.
pub fn check_utf16_offsets(text: &str, report: &Report) {
    let mut bytes = Vec::new();
    for a in &report.annotations {
        bytes.extend([a.start, a.end]);
    }
    for a in &report.attributions {
        bytes.extend([a.cue_start, a.cue_end]);
        bytes.extend(a.source_start.into_iter().chain(a.source_end));
    }
    let units16 = utf8_to_utf16(text, &bytes);
    let js: Vec<u16> = text.encode_utf16().collect();
    for (pair8, pair16) in bytes.chunks(2).zip(units16.chunks(2)) {
        let (s16, e16) = (pair16[0], pair16[1]);
        let in_js = String::from_utf16(&js[s16..e16]).expect("a span never splits a surrogate pair");
        assert_eq!(in_js, &text[pair8[0]..pair8[1]], "UTF-16 {s16}..{e16} slices what UTF-8 {pair8:?} does");
    }
    assert_eq!(utf16_to_utf8(text, &units16), bytes, "UTF-16 offsets map back to the same bytes");
}

/// Every char boundary, mapped both ways, against what `encode_utf16` counts;
/// plus arbitrary (off-boundary, out-of-range) offsets, which must map sanely.
pub fn check_offset_mapping(text: &str, arbitrary: &[usize]) {
    let mut boundaries = Vec::new();
    let mut expected16 = Vec::new();
    let mut units = 0;
    for (i, c) in text.char_indices() {
        boundaries.push(i);
        expected16.push(units);
        units += c.len_utf16();
    }
    boundaries.push(text.len());
    expected16.push(units);
    assert_eq!(units, text.encode_utf16().count());
    assert_eq!(utf8_to_utf16(text, &boundaries), expected16, "UTF-8 → UTF-16 at every boundary");
    assert_eq!(utf16_to_utf8(text, &expected16), boundaries, "UTF-16 → UTF-8 at every boundary");
    // Reversed order: the mapping does not depend on the order offsets are given in.
    let rev: Vec<usize> = boundaries.iter().rev().copied().collect();
    let mut rev16 = utf8_to_utf16(text, &rev);
    rev16.reverse();
    assert_eq!(rev16, expected16);

    let to16 = utf8_to_utf16(text, arbitrary);
    let to8 = utf16_to_utf8(text, arbitrary);
    for ((&o, &u), &b) in arbitrary.iter().zip(&to16).zip(&to8) {
        assert!(u <= units, "byte offset {o} maps to {u} past {units} units");
        // Inside a character maps to its start; past the end, to the end.
        let floor = (0..=o.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        assert_eq!(u, utf8_to_utf16(text, &[floor])[0], "byte offset {o} maps like its character's start {floor}");
        assert!(b <= text.len() && text.is_char_boundary(b), "unit offset {o} maps to byte {b}, not a boundary");
        let back = utf8_to_utf16(text, &[b])[0];
        assert!(back <= o.min(units) && o.min(units) - back <= 1, "unit offset {o} → byte {b} → unit {back}");
    }
}
