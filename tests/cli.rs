//! The `caveat` binary from outside: JSON shape, input sources, exit codes, colours.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// A short news-like text that marks all three categories.
const NEWS: &str = "Officials said the suspect was believed to have fled to the U.S. on May 14.\n\
“It may rain,” a source said. People familiar with the matter said the deal could collapse.\n\
The minister said that reports were allegedly false. . the the committee is meeting.\n\
Smith, a spokesman for Acme Corp., said on Tuesday the company would respond.\n";

fn caveat(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_caveat"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the caveat binary runs");
    if let Some(input) = stdin {
        // A write error means the binary exited early; its status tells the rest.
        let _ = child.stdin.take().expect("stdin is piped").write_all(input);
    }
    child.wait_with_output().expect("caveat finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn json(o: &Output) -> Value {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("stdout is one JSON document")
}

/// A file in a fresh temporary folder of this test process.
fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("caveat-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// The shape every JSON report keeps, so consumers can rely on it: every field present
/// with its type, offsets valid, `text` the exact slice, sorted by start, counts
/// agreeing with the annotations.
fn check_report_shape(input: &str, report: &Value) {
    let anns = report["annotations"].as_array().expect("annotations is an array");
    let mut last_start = 0;
    let mut counts = std::collections::HashMap::<&str, u64>::new();
    for a in anns {
        let category = a["category"].as_str().expect("category is a string");
        assert!(["hedging", "sourcing", "translation", "watchlist"].contains(&category), "category {category}");
        let rule = a["rule"].as_str().expect("rule is a string");
        assert!(rule.starts_with(&format!("{category}/")), "rule {rule} is prefixed by its category");
        assert!(!a["message"].as_str().expect("message is a string").is_empty());
        let start = a["start"].as_u64().expect("start is a number") as usize;
        let end = a["end"].as_u64().expect("end is a number") as usize;
        assert!(start < end && end <= input.len(), "{start}..{end} within {} bytes", input.len());
        assert!(input.is_char_boundary(start) && input.is_char_boundary(end));
        assert_eq!(a["text"].as_str(), Some(&input[start..end]), "text is the UTF-8 slice {start}..{end}");
        assert!(start >= last_start, "annotations sorted by start");
        last_start = start;
        *counts.entry(category).or_default() += 1;
    }
    let summary = &report["summary"];
    assert!(summary["words"].is_u64());
    for c in ["hedging", "sourcing", "translation"] {
        assert_eq!(summary["counts"][c].as_u64(), Some(counts.get(c).copied().unwrap_or(0)), "count of {c}");
    }
    // The watch-list's count is there when a list was given (and only then).
    match summary["counts"]["watchlist"].as_u64() {
        Some(n) => assert_eq!(n, counts.get("watchlist").copied().unwrap_or(0), "count of watchlist"),
        None => assert!(!counts.contains_key("watchlist"), "watchlist marks without a count"),
    }
    let likelihood = summary["translation_likelihood"].as_f64().expect("translation_likelihood is a number");
    assert!((0.0..=1.0).contains(&likelihood));
    assert!(report["attributions"].is_array());
}

#[test]
fn json_report_has_the_documented_shape() {
    let report = json(&caveat(&["--format", "json"], Some(NEWS.as_bytes())));
    check_report_shape(NEWS, &report);
    let categories: Vec<&str> =
        report["annotations"].as_array().unwrap().iter().map(|a| a["category"].as_str().unwrap()).collect();
    for c in ["hedging", "sourcing", "translation"] {
        assert!(categories.contains(&c), "the news text marks {c}: {categories:?}");
    }
    assert!(report["summary"]["words"].as_u64().unwrap() > 40);
}

#[test]
fn json_offsets_are_utf8_bytes_in_non_ascii_text() {
    let text = "👍🏽 東京で、officials said — مرحبا — the suspect was believed to have fled. café\u{301}\n";
    let report = json(&caveat(&["--format=json", "-"], Some(text.as_bytes())));
    check_report_shape(text, &report);
    let texts: Vec<&str> =
        report["annotations"].as_array().unwrap().iter().map(|a| a["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"believed to"), "{texts:?}");
    let believed = report["annotations"].as_array().unwrap().iter().find(|a| a["text"] == "believed to").unwrap();
    assert_eq!(believed["start"].as_u64(), Some(text.find("believed to").unwrap() as u64));
}

#[test]
fn stdin_dash_and_file_give_the_same_report() {
    let path = temp_file("news.txt", NEWS.as_bytes());
    let from_file = caveat(&["--format", "json", path.to_str().unwrap()], None);
    let from_stdin = caveat(&["--format", "json"], Some(NEWS.as_bytes()));
    let from_dash = caveat(&["--format", "json", "-"], Some(NEWS.as_bytes()));
    assert_eq!(json(&from_file), json(&from_stdin));
    assert_eq!(stdout(&from_file), stdout(&from_dash));
}

#[test]
fn empty_input_is_an_empty_report() {
    for input in [&b""[..], b"\n", b"   \n\n\t"] {
        let report = json(&caveat(&["--format", "json"], Some(input)));
        assert_eq!(report["annotations"], Value::Array(vec![]));
        assert_eq!(report["summary"]["words"], 0);
        let text = caveat(&[], Some(input));
        assert_eq!(text.status.code(), Some(0));
        assert!(stdout(&text).contains("0 words"), "{}", stdout(&text));
    }
}

/// Each case: arguments, stdin, and what the one-line error must contain.
#[test]
fn bad_input_is_one_line_naming_the_problem_with_status_2() {
    let bad_utf8 = temp_file("latin1.txt", b"caf\xe9 officials said\n");
    let dir = bad_utf8.parent().unwrap().to_str().unwrap().to_string();
    let missing = format!("{dir}/no-such-file.txt");
    // A name full of words that look like usage errors, to be reported as an input error.
    let tricky = format!("{dir}/unknown option value only one.txt");
    type Case<'a> = (Vec<&'a str>, Option<&'a [u8]>, &'a str);
    let cases: Vec<Case> = vec![
        (vec![&missing], None, "no-such-file.txt"),
        (vec!["--format", "json", &missing], None, "no-such-file.txt"),
        (vec![&tricky], None, "unknown option value only one.txt"),
        (vec![bad_utf8.to_str().unwrap()], None, "not UTF-8"),
        (vec!["-"], Some(b"\xff\xfe o\x00k"), "not UTF-8"),
        (vec!["--format", "json"], Some(b"valid start \xc3\x28 then broken"), "offset 12"),
    ];
    for (args, input, needle) in cases {
        let o = caveat(&args, input);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?} prints no report");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line, got {err:?}");
        assert!(err.starts_with("caveat: ") && err.contains(needle), "{args:?}: {err:?} names {needle:?}");
    }
}

#[test]
fn bad_flags_exit_2_with_usage() {
    let cases: &[&[&str]] = &[
        &["--format"],
        &["--format", "xml"],
        &["--format=yaml"],
        &["--color", "sometimes"],
        &["--colour", "always"],
        &["-x"],
        &["--jobs", "many"],
    ];
    for args in cases {
        let o = caveat(args, Some(b"text"));
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("caveat: ") && err.contains("Usage: caveat"), "{args:?}: {err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn help_and_version_exit_0() {
    let help = caveat(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("Usage: caveat"));
    let version = caveat(&["--version"], None);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(stdout(&version).trim(), format!("caveat {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn color_modes() {
    const ESC: char = '\x1b';
    let always = stdout(&caveat(&["--color", "always"], Some(NEWS.as_bytes())));
    assert!(always.contains("\x1b[33;4mbelieved to\x1b[0m"), "hedging in yellow: {always}");
    assert!(!always.contains("[h: "));
    for args in [&["--color", "never"][..], &["--color=never"], &[], &["--color", "auto"]] {
        // Auto means no colour here: stdout is a pipe, not a terminal.
        let plain = stdout(&caveat(args, Some(NEWS.as_bytes())));
        assert!(!plain.contains(ESC), "{args:?} prints no escape codes");
        assert!(plain.contains("[h: believed to]"), "{args:?}: {plain}");
        assert!(plain.contains("Caveat summary"));
    }
    // Without the tags and the summary, the text is the input, unchanged.
    let plain = stdout(&caveat(&["--color", "never"], Some(NEWS.as_bytes())));
    let body = plain.split("\n── Caveat summary").next().unwrap();
    let mut untagged = String::new();
    let mut rest = body;
    while let Some(i) = rest.find(['[', ']']) {
        untagged.push_str(&rest[..i]);
        rest = if rest[i..].starts_with('[') { &rest[i + 4..] } else { &rest[i + 1..] };
    }
    untagged.push_str(rest);
    assert_eq!(untagged, NEWS);
}

#[test]
fn list_rules_in_text_and_json() {
    let text = caveat(&["--list-rules"], None);
    assert_eq!(text.status.code(), Some(0));
    let lines = stdout(&text);
    assert!(lines.lines().count() >= 3);
    for line in lines.lines() {
        let id = line.split_whitespace().next().unwrap();
        assert!(
            ["hedging/", "sourcing/", "translation/", "watchlist/"].iter().any(|p| id.starts_with(p)),
            "each line starts with a rule id: {line}"
        );
    }
    let rules = json(&caveat(&["--list-rules", "--format", "json"], None));
    let rules = rules.as_array().expect("a JSON array of rules");
    assert_eq!(rules.len(), lines.lines().count());
    for r in rules {
        for field in ["id", "category", "name", "message", "why", "example"] {
            assert!(r[field].as_str().is_some_and(|s| !s.is_empty()), "{field} in {r}");
        }
    }
}

#[test]
fn text_format_reports_the_summary() {
    let o = caveat(&["--color", "never", "-"], Some(NEWS.as_bytes()));
    let out = stdout(&o);
    for c in ["hedging", "sourcing", "translation"] {
        assert!(out.lines().any(|l| l.trim_start().starts_with(c) && l.contains("marks")), "{c} row in {out}");
    }
    assert!(out.contains("machine translation"));
}

/// Who is quoted: `summary.sources` counts every attribution by kind and lists the
/// named sources, and the text summary says the same in one line.
#[test]
fn the_summary_counts_sources_by_kind_and_names_who_is_quoted() {
    let text = "Kayleigh McEnany said it was false. John Ratcliffe said it was old. \
                The source said it was true. Critics say it failed. Sources of energy are scarce.\n";
    let report = json(&caveat(&["--format", "json"], Some(text.as_bytes())));
    let sources = &report["summary"]["sources"];
    assert_eq!(sources["attributions"].as_u64(), Some(4));
    assert_eq!(sources["anonymous"].as_u64(), Some(2));
    let kinds = sources["by_kind"].as_object().expect("by_kind is an object");
    let want = [("named_person", 2), ("named_org", 0), ("document", 0), ("pronoun", 0), ("unnamed", 1), ("vague", 1)];
    assert_eq!(kinds.len(), want.len(), "{kinds:?}");
    for (kind, n) in want {
        assert_eq!(kinds[kind].as_u64(), Some(n), "count of {kind}");
    }
    assert_eq!(sources["named"], serde_json::json!(["McEnany", "Ratcliffe"]));
    let attributions = report["attributions"].as_array().expect("attributions is an array");
    assert_eq!(attributions.len(), 4);
    assert_eq!(attributions[0]["kind"], "named_person");
    assert_eq!(attributions[0]["name"], "McEnany");

    let summary = stdout(&caveat(&["--color", "never"], Some(text.as_bytes())));
    assert!(
        summary.contains("2 of 4 attributions anonymous or vague; quoted by name: McEnany, Ratcliffe"),
        "{summary}"
    );
}

#[test]
fn text_in_another_language_is_said_to_be_so_and_left_unmarked() {
    let spanish = "El ministro dijo el martes que, según fuentes oficiales, el acuerdo podría firmarse \
                   la próxima semana, aunque los detalles todavía no se conocen y la oposición lo rechaza.";
    let report = json(&caveat(&["--format", "json"], Some(spanish.as_bytes())));
    assert_eq!(report["summary"]["language"], "other");
    assert_eq!(report["annotations"].as_array().map(Vec::len), Some(0));
    let text = stdout(&caveat(&[], Some(spanish.as_bytes())));
    assert!(text.contains("not in English"), "{text}");
    assert!(!text.contains("% likely"), "{text}");
    let english = json(&caveat(&["--format", "json"], Some(NEWS.as_bytes())));
    assert_eq!(english["summary"]["language"], "en");
}

/// A fresh folder under the system's temp dir for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("caveat-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).expect("temp dir");
    dir
}

#[test]
fn batch_jsonl_reports_every_file_in_order_and_goes_on_after_errors() {
    let dir = scratch("batch");
    std::fs::write(dir.join("b.txt"), NEWS).unwrap();
    std::fs::write(dir.join("a.txt"), "The senator spoke.").unwrap();
    std::fs::write(dir.join("skip.md"), "not read").unwrap();
    std::fs::write(
        dir.join("sub").join("page.html"),
        "<html><nav>Home</nav><article><p>Officials said the deal may collapse.</p></article></html>",
    )
    .unwrap();
    std::fs::write(dir.join("sub").join("latin1.txt"), b"caf\xe9").unwrap();
    let missing = dir.join("missing.txt");
    let args = ["--format", "jsonl", "-j", "3", dir.to_str().unwrap(), missing.to_str().unwrap()];
    let out = caveat(&args, None);
    assert_eq!(out.status.code(), Some(1), "a failed file makes the exit status 1");
    let lines: Vec<Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).expect("one JSON object a line")).collect();
    let files: Vec<&str> = lines.iter().map(|l| l["file"].as_str().unwrap()).collect();
    let name = |p: &[&str]| p.iter().fold(dir.clone(), |d, s| d.join(s)).to_string_lossy().into_owned();
    assert_eq!(
        files,
        [
            name(&["a.txt"]),
            name(&["b.txt"]),
            name(&["sub", "latin1.txt"]),
            name(&["sub", "page.html"]),
            missing.to_string_lossy().into_owned()
        ]
    );
    assert!(lines[1]["annotations"].as_array().unwrap().len() > 3 && lines[1]["summary"]["words"].is_u64());
    assert!(lines[2]["error"].as_str().unwrap().contains("not UTF-8"));
    // HTML is read as its article: the navigation is not text, the claim is marked.
    let page = &lines[3];
    assert_eq!(page["summary"]["words"], 6);
    assert!(page["annotations"].as_array().unwrap().iter().any(|a| a["text"] == "may"));
    assert!(lines[4]["error"].as_str().unwrap().contains("cannot read"));
    // The same run on one core writes the same bytes.
    let one = caveat(&["--format", "jsonl", "-j", "1", dir.to_str().unwrap(), missing.to_str().unwrap()], None);
    assert_eq!(one.stdout, out.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn several_files_as_json_make_one_array_and_as_text_one_block_each() {
    let dir = scratch("multi");
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, NEWS).unwrap();
    std::fs::write(&b, "Officials said so.").unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let arr = json(&caveat(&["--format", "json", a, b], None));
    assert_eq!(arr.as_array().map(Vec::len), Some(2));
    assert_eq!(arr[1]["file"], b);
    let text = stdout(&caveat(&["--color", "never", a, b], None));
    assert!(text.starts_with(&format!("==> {a} <==")) && text.contains(&format!("==> {b} <==")), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn help_and_bad_jobs() {
    let help = stdout(&caveat(&["--help"], None));
    assert!(help.contains("Usage: caveat [OPTIONS] [FILE|DIR]...") && help.contains("--jobs"), "{help}");
    let bad = caveat(&["--jobs", "0"], Some(b"x"));
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--jobs"));
}

/// A watch-list file: phrases, a pattern, notes, a comment and a blank line.
const WATCH: &str = "# the reader's list\npeople familiar with the matter\tvague sourcing, keep count\n\
/alleg(edly|ed)/\n\ncommittee’s\tcurly apostrophe in the list\n/(?-i)ACME/\tcase-sensitive\n";

#[test]
fn watch_marks_phrases_and_patterns_with_their_notes() {
    let list = temp_file("watch.txt", WATCH.as_bytes());
    let text = format!("{NEWS}The committee's report named acme and ACME. People  Familiar with the matter agreed.\n");
    let report = json(&caveat(&["--watch", list.to_str().unwrap(), "--format", "json", "-"], Some(text.as_bytes())));
    check_report_shape(&text, &report);
    let watched: Vec<(&str, &str, Option<&str>)> = report["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["category"] == "watchlist")
        .map(|a| {
            assert_eq!(a["rule"], "watchlist/entry");
            (a["text"].as_str().unwrap(), a["entry"].as_str().unwrap(), a["detail"].as_str())
        })
        .collect();
    assert_eq!(
        watched,
        [
            ("People familiar with the matter", "people familiar with the matter", Some("vague sourcing, keep count")),
            ("allegedly", "/alleg(edly|ed)/", None),
            ("committee's", "committee’s", Some("curly apostrophe in the list")),
            ("ACME", "/(?-i)ACME/", Some("case-sensitive")),
            ("People  Familiar with the matter", "people familiar with the matter", Some("vague sourcing, keep count")),
        ]
    );
    // The core's marks are the same with and without the list.
    let plain = json(&caveat(&["--format", "json", "-"], Some(text.as_bytes())));
    let core = |r: &Value| -> Vec<Value> {
        r["annotations"].as_array().unwrap().iter().filter(|a| a["category"] != "watchlist").cloned().collect()
    };
    assert_eq!(core(&report), core(&plain));
    assert!(plain["summary"]["counts"].get("watchlist").is_none());

    // Text output: the marks tagged `w`, and a summary line.
    let out = caveat(&["--watch", list.to_str().unwrap(), "--color", "never", "-"], Some(text.as_bytes()));
    let out = stdout(&out);
    assert!(out.contains("[w: ACME]") && out.contains("acme and [w: ACME]"), "{out}");
    assert!(out.contains("watchlist       5 marks"), "{out}");

    // Batch: every file gets the list.
    let jsonl = caveat(&["--watch", list.to_str().unwrap(), "--format", "jsonl", "-"], Some(text.as_bytes()));
    let line: Value = serde_json::from_str(stdout(&jsonl).trim()).unwrap();
    assert_eq!(line["summary"]["counts"]["watchlist"], 5);
}

#[test]
fn a_bad_watch_list_is_one_line_naming_the_line_with_status_2() {
    let cases: [(&str, &[&str]); 4] = [
        ("fine\n/(unclosed/\tnote\n", &["line 2: /(unclosed/: unclosed group"]),
        ("/[z-a]/\n", &["line 1: /[z-a]/: invalid character class range"]),
        ("ok\n\n//\n", &["line 3: //: an empty pattern would match everywhere"]),
        ("/\\w{1000}{1000}/\n", &["line 1:", "too big", "split it into several entries"]),
    ];
    for (list, wanted) in cases {
        let path = temp_file("bad-watch.txt", list.as_bytes());
        let out = caveat(&["--watch", path.to_str().unwrap(), "-"], Some(NEWS.as_bytes()));
        assert_eq!(out.status.code(), Some(2), "{list:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "one line: {err:?}");
        assert!(err.starts_with(&format!("caveat: --watch {}: ", path.display())), "{err}");
        for w in wanted {
            assert!(err.contains(w), "{err:?} should contain {w:?}");
        }
        assert!(out.stdout.is_empty());
    }
    let missing = caveat(&["--watch", "/no/such/list.txt", "-"], Some(NEWS.as_bytes()));
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).starts_with("caveat: --watch /no/such/list.txt: cannot read it"));
    let no_value = caveat(&["--watch"], None);
    assert_eq!(no_value.status.code(), Some(2));
    assert!(stderr(&no_value).contains("--watch needs a value"));
}

#[test]
fn a_catastrophic_pattern_runs_in_linear_time_on_1_mb() {
    // (a+)+$ backtracks exponentially on a run of a's that does not end the text; the
    // regex crate has no backtracking, so this is one pass over 1 MB.
    let list = temp_file("catastrophic.txt", b"/(a+)+$/\n/(x+x+)+y/\n");
    let text = "a".repeat(1 << 20) + "!\n" + &"x".repeat(4096);
    let started = std::time::Instant::now();
    let report = json(&caveat(&["--watch", list.to_str().unwrap(), "--format", "json", "-"], Some(text.as_bytes())));
    let took = started.elapsed();
    assert_eq!(report["summary"]["counts"]["watchlist"], 0);
    eprintln!("1 MB against catastrophic patterns, whole CLI run: {took:?}");
    assert!(took.as_secs() < 30, "{took:?}");
}
