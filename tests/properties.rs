//! Property tests: for any string, the report's invariants hold (see tests/invariants),
//! analysis is deterministic, and the UTF-8 ↔ UTF-16 mapping agrees with JS.
//!
//! 64 cases per property by default so the suite stays fast; more with
//! `PROPTEST_CASES=10000 cargo test --release --test properties`.

#![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency

mod invariants;

use proptest::prelude::*;

fn config() -> ProptestConfig {
    let mut c = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = 64;
    }
    c
}

/// Characters that break naive text code: controls, odd whitespace, joiners,
/// combining marks, astral-plane emoji and letters, RTL and CJK scripts, U+FFFD
/// (what an unpaired surrogate from JS becomes), quotes and sentence punctuation.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => proptest::char::range(' ', '~'),
        1 => proptest::char::range('\0', '\u{1f}'),
        1 => prop::sample::select(vec![
            '\u{7f}', '\u{85}', '\u{a0}', '\u{ad}', '\u{2028}', '\u{2029}', '\u{200b}', '\u{200d}', '\u{200e}',
            '\u{200f}', '\u{202e}', '\u{feff}', '\u{fffd}', '\u{301}', '\u{308}', '\u{20dd}', '\u{fe0f}', '’', '“',
            '”', '‘', '«', '»', '…', '‐', '—', '¿', '¡', 'İ', 'ß', 'ﬁ', 'Σ', 'ς',
        ]),
        1 => proptest::char::range('\u{1f300}', '\u{1faff}'),
        1 => proptest::char::range('\u{4e00}', '\u{4fff}'),
        1 => proptest::char::range('\u{0590}', '\u{06ff}'),
        1 => proptest::char::range('\u{1d400}', '\u{1d7ff}'),
        1 => any::<char>(),
    ]
}

fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..300).prop_map(String::from_iter)
}

fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..200).prop_map(String::from_iter)
}

/// Generic news-writing fragments, so the detectors actually fire and their
/// context rules (names, dates, quotes, abbreviations, line ends) get exercised.
const FRAGMENTS: &[&str] = &[
    "Officials said",
    "officials said",
    "a source said",
    "sources say",
    "according to",
    "people familiar with the matter",
    "many experts say",
    "it is believed",
    "believed to",
    "allegedly",
    "alleged",
    "reportedly",
    "may have",
    "might",
    "could",
    "May",
    "May 14",
    "said",
    "told reporters",
    "he said",
    "she said.",
    "they said,",
    "Smith",
    "Maria Lopez",
    "the Ministry of Health",
    "a spokesman for",
    "the report",
    "Sen.",
    "Dr.",
    "U.S.",
    "e.g.",
    "the",
    "the the",
    "committee",
    "energy sources",
    ". .",
    ".",
    ",",
    "?!",
    "…",
    "“",
    "”",
    "\"",
    "'",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    "2018",
    "8,600",
    "4.5",
    "👍🏽",
    "東京で",
    "مرحبا",
    "עברית",
    "café\u{301}",
    "\u{fffd}",
    "\u{0}",
];

fn news_text() -> impl Strategy<Value = String> {
    let piece = (prop::sample::select(FRAGMENTS), prop::sample::select(&[" ", " ", " ", "", "\n", ", ", "\u{a0}"][..]));
    prop::collection::vec(piece, 0..80).prop_map(|parts| {
        parts.into_iter().fold(String::new(), |mut s, (word, sep)| {
            s.push_str(word);
            s.push_str(sep);
            s
        })
    })
}

fn check(text: &str) {
    let report = caveat::analyze(text);
    invariants::check_report(text, &report);
    // Deterministic: same text, same report (Debug shows every field).
    let again = caveat::analyze(text);
    assert_eq!(format!("{report:?}"), format!("{again:?}"), "analysis is deterministic");
    serde_json::to_string(&report).expect("every report serializes");
}

/// `Document::tag` tags only the words around the token asked about: asked in the
/// order of `picks` (indexes past the end too), then every token, the tags equal
/// those of tagging every sentence whole (`Document::tags`).
fn check_tags_asked_one_at_a_time(text: &str, picks: &[usize]) {
    let whole = caveat::Document::new(text);
    let d = caveat::Document::new(text);
    let n = whole.tokens.len();
    for &p in picks {
        let i = p % (n + 2);
        assert_eq!(d.tag(i), whole.tags().get(i).copied().unwrap_or(caveat::text::Tag::Unknown), "token {i}");
    }
    for i in (0..n).rev() {
        assert_eq!(d.tag(i), whole.tags()[i], "token {i} {:?}", d.tok(i));
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn reports_hold_their_invariants_on_any_text(text in any_text()) {
        check(&text);
    }

    #[test]
    fn reports_hold_their_invariants_on_tricky_text(text in tricky_text()) {
        check(&text);
    }

    #[test]
    fn reports_hold_their_invariants_on_news_like_text(text in news_text()) {
        check(&text);
    }

    #[test]
    fn tags_asked_one_at_a_time_equal_the_whole_documents(
        text in prop_oneof![news_text(), tricky_text()],
        picks in prop::collection::vec(any::<usize>(), 0..40),
    ) {
        check_tags_asked_one_at_a_time(&text, &picks);
    }

    #[test]
    fn offsets_match_js_on_tricky_text(text in tricky_text(), arbitrary in prop::collection::vec(0usize..1500, 0..16)) {
        invariants::check_offset_mapping(&text, &arbitrary);
    }

    #[test]
    fn offsets_match_js_on_any_text(text in any_text(), arbitrary in prop::collection::vec(any::<usize>(), 0..8)) {
        invariants::check_offset_mapping(&text, &arbitrary);
    }
}

/// The news generator is only useful if the detectors fire on what it makes:
/// every category shows up across a fixed sample of its texts.
#[test]
fn news_like_texts_exercise_every_category() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        proptest::test_runner::TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    );
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..64 {
        let text = news_text().new_tree(&mut runner).expect("a text").current();
        for a in caveat::analyze(&text).annotations {
            seen.insert(a.category.as_str());
        }
    }
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), ["hedging", "sourcing", "translation"]);
}

/// Table of hand-picked texts the generators may take long to find.
#[test]
fn hand_picked_edge_cases() {
    let cases = [
        "",
        " ",
        "\n",
        ".",
        ". .",
        "\u{fffd}\u{fffd}",
        "\u{0}said\u{0}",
        "a\u{301}\u{301}\u{301} said",
        "U.S.",
        "U.S.A.B.C.D.E.F.G.",
        "e.g.",
        "Sen.\nDr.\n",
        "“”“”",
        "said said said",
        "according to according to",
        "May",
        "may may may",
        "👍🏽‍🔥 said 👍",
        "\u{202e}officials said\u{202c}",
        "\r\r\r\n\n\u{2029}\u{2028}",
        "İstanbul officials said",
        "ǅ ǈ ǋ Σς said",
    ];
    for text in cases {
        check(text);
    }
}

/// The checker itself catches broken reports (otherwise every property above is vacuous).
#[test]
fn the_invariant_checker_rejects_broken_reports() {
    let text = "Officials said the suspect was believed to have fled. 👍 A source said so.";
    let good = caveat::analyze(text);
    assert!(good.annotations.len() >= 2, "{good:?}");
    type Breakage = fn(&mut caveat::Report);
    let breakages: &[(&str, Breakage)] = &[
        ("past the end", |r| r.annotations[0].end = 10_000),
        ("reversed", |r| r.annotations[0].start = r.annotations[0].end),
        ("out of order", |r| r.annotations.swap(0, 1)),
        ("split character", |r| {
            let a = r.annotations.last_mut().unwrap();
            a.start = "Officials said the suspect was believed to have fled. ".len() + 1;
        }),
        ("blank edge", |r| r.annotations[0].end += 1),
        ("count", |r| r.summary.counts.hedging += 1),
        ("likelihood", |r| r.summary.translation_likelihood = f64::NAN),
        ("overlap", |r| {
            let mut dup = r.annotations[0].clone();
            dup.start += 1;
            dup.end += 1;
            r.annotations.insert(1, dup);
        }),
    ];
    for (what, breakage) in breakages {
        let mut bad = good.clone();
        breakage(&mut bad);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| invariants::check_report(text, &bad)));
        assert!(caught.is_err(), "the checker misses a report broken by {what}");
    }
}
