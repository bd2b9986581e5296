//! Pathological inputs: each must be analysed without a panic, in time roughly linear
//! in its size, with a report that holds every invariant (tests/invariants).
//!
//! Nothing here asserts on time (the machine is shared); each test prints how long its
//! analysis took. Under `cargo test` (debug) the big inputs are a tenth of their real
//! size so the suite stays quick; `cargo test --release --test pathological -- --nocapture`
//! runs the full sizes and shows the timings (README, "Reliability and security").

mod invariants;

use std::time::Instant;

use caveat::text::offsets::utf8_to_utf16;

const MB: usize = 1 << 20;

/// Full size in release, a tenth in debug builds.
fn size(full: usize) -> usize {
    if cfg!(debug_assertions) {
        full / 10
    } else {
        full
    }
}

/// `piece` repeated until the text has at least `bytes` bytes.
fn repeat_to(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes.div_ceil(piece.len()))
}

/// Analyse, check every invariant, print the time; returns the report for more checks.
fn analyze_checked(name: &str, text: &str) -> caveat::Report {
    let t = Instant::now();
    let report = caveat::analyze(text);
    let took = t.elapsed();
    invariants::check_report(text, &report);
    eprintln!(
        "{name}: {:.1} MB, {} annotations, analysed in {:.0} ms",
        text.len() as f64 / MB as f64,
        report.annotations.len(),
        took.as_secs_f64() * 1000.0
    );
    report
}

#[test]
fn ten_megabytes_without_a_newline() {
    let text = repeat_to(
        "Officials said the suspect was believed to have fled to the U.S. on May 14, a source said. . ",
        size(10 * MB),
    );
    assert!(!text.contains('\n'));
    let report = analyze_checked("10 MB, no newline", &text);
    assert!(report.summary.counts.hedging > 0 && report.summary.counts.sourcing > 0);
}

#[test]
fn one_sentence_full_of_attribution_cues() {
    // No full stop anywhere: detectors that look back or ahead within a sentence
    // must not rescan it from every cue.
    let text = repeat_to("officials said that many experts say according to sources ", size(2 * MB));
    let report = analyze_checked("one long sentence of cues", &text);
    assert!(report.summary.counts.sourcing > 0);
}

#[test]
fn a_hundred_thousand_tiny_paragraphs() {
    let n = size(100_000);
    let text: String = (0..n).map(|i| if i % 3 == 0 { "A.\n".to_string() } else { format!("P{i} said.\n") }).collect();
    let report = analyze_checked("100,000 tiny paragraphs", &text);
    let speakers = n - n.div_ceil(3);
    assert_eq!(report.summary.words, n.div_ceil(3) + 2 * speakers);
    // Every "P<i> said" names a different person: the summary lists each once, in order
    // (this was quadratic in the number of names).
    let named = &report.summary.sources.named;
    assert_eq!(named.len(), speakers);
    assert_eq!((named[0].as_str(), named[1].as_str()), ("P1", "P2"));
}

#[test]
fn the_same_paragraph_twenty_thousand_times() {
    let p = "Officials said the plan may fail because the money had already been spent.\n";
    let n = size(20_000);
    let report = analyze_checked("one paragraph repeated", &p.repeat(n));
    // Whatever the rule is called, every copy after the first is marked as a repeat.
    let whole = p.trim_end();
    let repeats = report
        .annotations
        .iter()
        .filter(|a| a.category == caveat::Category::Translation && a.end - a.start == whole.len())
        .count();
    assert_eq!(repeats, n - 1, "every copy after the first is a repeat");
}

#[test]
fn a_single_one_megabyte_word() {
    let cases = [
        ("letters", "a".repeat(size(MB))),
        ("acronym dots", repeat_to("a.", size(MB)) + "b"),
        ("decimal number", repeat_to("1.", size(MB)) + "2"),
        ("hyphens and apostrophes", repeat_to("x-y'", size(MB)) + "z"),
        ("combining marks", repeat_to("e\u{301}", size(MB))),
        ("CJK", repeat_to("東京", size(MB))),
    ];
    for (name, text) in cases {
        let report = analyze_checked(&format!("1 MB word: {name}"), &text);
        assert!(report.summary.words <= 2, "{name}: one word, {} counted", report.summary.words);
    }
}

#[test]
fn only_punctuation() {
    let cases = [
        ("full stops", ".".repeat(size(MB))),
        ("spaced full stops", ". ".repeat(size(MB) / 2)),
        ("mixed", repeat_to("!?.,;:“”\"'()[]{}…—-–/\\@#$%^&*", size(MB))),
        ("closing quotes after stops", repeat_to(".”) ", size(MB))),
    ];
    for (name, text) in cases {
        let report = analyze_checked(&format!("punctuation: {name}"), &text);
        assert_eq!(report.summary.words, 0, "{name}");
    }
}

#[test]
fn only_emoji() {
    let text = repeat_to("👍🏽😀🇺🇳👩‍👩‍👧‍👦 ❤️ ", size(MB));
    let report = analyze_checked("only emoji", &text);
    assert!(report.annotations.is_empty(), "no marks on emoji: {:?}", report.annotations.first());
}

#[test]
fn mixed_scripts() {
    let text = repeat_to(
        "Officials said 東京で会議が開かれた。 مسؤولون قالوا إن الخطة قد تفشل. פקידים אמרו. Чиновники сказали. \
         अधिकारियों ने कहा। 관계자들이 말했다. ελληνικά λέξεις. café\u{301} naïve.\n",
        size(MB),
    );
    analyze_checked("mixed scripts", &text);
}

#[test]
fn nul_and_control_characters() {
    let controls: String = (0u8..0x20).map(char::from).chain(['\u{7f}', '\u{85}', '\u{2028}', '\u{2029}']).collect();
    let cases = [
        ("NULs", "\0".repeat(size(MB))),
        ("controls", repeat_to(&controls, size(MB))),
        ("words between NULs", repeat_to("officials\0said\0the\0plan\0may\0fail.\0", size(MB))),
        ("carriage returns", repeat_to("Officials said it may rain.\r", size(MB))),
        ("bidi overrides", repeat_to("\u{202e}officials said\u{202c} \u{200f}maybe\u{200e} ", size(MB))),
    ];
    for (name, text) in cases {
        analyze_checked(&format!("control characters: {name}"), &text);
    }
}

/// A JS string with unpaired surrogates arrives in Rust with each one replaced by
/// U+FFFD (one UTF-16 unit, like the surrogate), so offsets the Wasm API returns
/// still slice the page's original string at the right places.
#[test]
fn unpaired_surrogates_from_js() {
    let mut js: Vec<u16> = Vec::new();
    let parts = ["Officials said", " the suspect ", "was believed to have fled", " 👍🏽 ", "a source said. "];
    let lone = [0xD800u16, 0xDC00, 0xDBFF, 0xDFFF];
    let rounds = size(20_000);
    for round in 0..rounds {
        for (i, p) in parts.iter().enumerate() {
            js.extend(p.encode_utf16());
            if (round + i) % 3 == 0 {
                js.push(lone[(round + i) % lone.len()]);
            }
        }
    }
    js.push(0xD83D); // a high surrogate cut off at the very end
    let text = String::from_utf16_lossy(&js);
    assert_eq!(text.encode_utf16().count(), js.len(), "each lone surrogate becomes one U+FFFD unit");
    let report = analyze_checked("unpaired surrogates", &text);
    assert!(!report.annotations.is_empty());
    let bytes: Vec<usize> = report.annotations.iter().flat_map(|a| [a.start, a.end]).collect();
    let units = utf8_to_utf16(&text, &bytes);
    for (a, u) in report.annotations.iter().zip(units.chunks(2)) {
        let in_page = String::from_utf16_lossy(&js[u[0]..u[1]]);
        assert_eq!(in_page, &text[a.start..a.end], "the page's own string, sliced at {u:?}");
    }
}

/// Inputs found by fuzzing (`cargo xtask fuzz`) stay fixed: each must analyse
/// cleanly. Add new crash inputs here, escaped, with where they came from.
#[test]
fn fuzz_regressions() {
    let cases: &[&[u8]] = &[
        b"",
        b"\xff",
        // 2026-11-30, target analyze: a name, an appositive's opening comma and its
        // closing comma as the text's last token (translation/resumptive-pronoun read
        // the token after it).
        b"Th\x00\x00\x00@\x00 the tie commthenOfff&iciaials Offic, a Mficiasaie the souelieved to h\x00\x00\x00\
          Tfleievedgat\xe6\x8b\x90\xdf\x97\x00Aye isParcthat. Oixiciciaials Offic, a, ",
        // The same, reduced by hand.
        b"Bob Smith, a,",
        b"Bob Smith, the one, on",
    ];
    for bytes in cases {
        let text = String::from_utf8_lossy(bytes);
        invariants::check_report(&text, &caveat::analyze(&text));
    }
}
