//! `caveat [OPTIONS] [FILE|DIR]...`: reads text or HTML (stdin when no file or `-`),
//! prints the marks and a summary; with several inputs, folders or `--format jsonl`,
//! analyses them all on every core and reports them in input order (`cli::batch`).

mod cli;

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use caveat::{analyze, Annotation, Category, Report};
use cli::watch::{Watch, WatchMark, RULE};
use serde::Serialize;

const USAGE: &str = "Usage: caveat [OPTIONS] [FILE|DIR]...
Try 'caveat --help' for more information.";

const HELP: &str = "Marks hedging, vague sourcing and machine-translation artifacts in news text.

Usage: caveat [OPTIONS] [FILE|DIR]...

Arguments:
  [FILE|DIR]...  Text or HTML files, or folders of them (.txt, .html, .htm; walked in
                 name order). `-` or none: standard input

Options:
  -f, --format <FORMAT>  text, json, or jsonl (one line per file: {\"file\", \"annotations\",
                         \"summary\"}, or {\"file\", \"error\"}) [default: text]
  -j, --jobs <N>         Files analysed at once with several inputs [default: every core]
      --color <WHEN>     auto, always or never [default: auto]
      --watch <FILE>     Also mark the entries of a watch-list: one a line, a phrase
                         (case-insensitive, whole words) or /regex/ (case-insensitive
                         unless it starts with (?-i)), optionally a tab and a note;
                         `#` starts a comment line. Marks: category \"watchlist\"
      --list-rules       Print every rule and its message
  -h, --help             Print help
  -V, --version          Print version

With several inputs (or a folder, or jsonl) a file that cannot be read is reported and
the run goes on; the exit status is then 1. Usage errors exit with 2.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Json,
    Jsonl,
}

struct Args {
    format: Format,
    color: Option<bool>,
    list_rules: bool,
    watch: Option<String>,
    files: Vec<String>,
    jobs: Option<usize>,
}

/// Why the CLI stops early. Usage errors also print the usage; input errors are one line.
enum Failure {
    Help,
    Usage(String),
    Input(String),
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Args, Failure> {
    let usage = |msg: String| Failure::Usage(msg);
    let mut args =
        Args { format: Format::Text, color: None, list_rules: false, watch: None, files: Vec::new(), jobs: None };
    while let Some(a) = argv.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value =
            |name: &str| inline.clone().or_else(|| argv.next()).ok_or_else(|| usage(format!("{name} needs a value")));
        match flag.as_str() {
            "--format" | "-f" => {
                args.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "jsonl" => Format::Jsonl,
                    other => return Err(usage(format!("unknown format {other:?} (text, json or jsonl)"))),
                }
            }
            "--jobs" | "-j" => {
                let v = value("--jobs")?;
                args.jobs = Some(
                    v.parse()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or_else(|| usage(format!("--jobs takes a number above 0, not {v:?}")))?,
                );
            }
            "--color" => {
                args.color = match value("--color")?.as_str() {
                    "auto" => None,
                    "always" => Some(true),
                    "never" => Some(false),
                    other => return Err(usage(format!("unknown color mode {other:?} (auto, always or never)"))),
                }
            }
            "--list-rules" => args.list_rules = true,
            "--watch" => args.watch = Some(value("--watch")?),
            "-h" | "--help" => return Err(Failure::Help),
            "-V" | "--version" => {
                println!("caveat {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            f if f.starts_with('-') && f != "-" => return Err(usage(format!("unknown option {f}"))),
            _ => args.files.push(a),
        }
    }
    Ok(args)
}

/// The input as text: HTML files (by name, or by their first tag) reduced to what a
/// reader reads.
fn read_text(file: Option<&str>) -> Result<String, String> {
    let raw = read_input(file)?;
    let by_name = file.is_some_and(|f| {
        let f = f.to_ascii_lowercase();
        f.ends_with(".html") || f.ends_with(".htm")
    });
    let head = raw.trim_start().get(..14).unwrap_or("").to_ascii_lowercase();
    if by_name || head.starts_with("<!doctype html") || head.starts_with("<html") {
        let name = file.unwrap_or("standard input");
        return cli::html::to_text(&raw).map_err(|e| format!("{name}: {e}"));
    }
    Ok(raw)
}

fn read_input(file: Option<&str>) -> Result<String, String> {
    let (name, bytes) = match file {
        None | Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
            ("standard input".to_string(), buf)
        }
        Some(path) => (path.to_string(), std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?),
    };
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not UTF-8 text (invalid byte at offset {}); convert it to UTF-8 first",
            e.utf8_error().valid_up_to()
        )
    })
}

#[derive(Serialize)]
struct JsonAnnotation<'a> {
    #[serde(flatten)]
    annotation: &'a Annotation,
    text: &'a str,
}

/// A watch-list mark, in the core's shape: the note is its detail, `entry` the entry
/// that matched as the reader wrote it.
#[derive(Serialize)]
struct JsonWatch<'a> {
    category: &'static str,
    rule: &'static str,
    start: usize,
    end: usize,
    message: &'static str,
    strength: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    detail: &'a str,
    entry: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum JsonMark<'a> {
    Core(JsonAnnotation<'a>),
    Watch(JsonWatch<'a>),
}

/// The summary; with a watch-list, its counts carry `watchlist` too.
#[derive(Serialize)]
#[serde(untagged)]
enum JsonSummary<'a> {
    Core(&'a caveat::Summary),
    Watched(serde_json::Value),
}

fn json_summary<'a>(summary: &'a caveat::Summary, watched: Option<usize>) -> JsonSummary<'a> {
    let Some(n) = watched else { return JsonSummary::Core(summary) };
    let mut value = serde_json::to_value(summary).expect("a summary always serializes");
    if let Some(counts) = value.get_mut("counts").and_then(|c| c.as_object_mut()) {
        counts.insert("watchlist".into(), n.into());
    }
    JsonSummary::Watched(value)
}

#[derive(Serialize)]
struct JsonReport<'a> {
    annotations: Vec<JsonMark<'a>>,
    attributions: &'a [caveat::Attribution],
    summary: JsonSummary<'a>,
}

/// One text's analysis: the core's report and, with `--watch`, the watch-list's marks.
struct Analysis<'a> {
    report: Report,
    watched: Option<Vec<WatchMark<'a>>>,
}

fn analyse<'w>(text: &str, watch: Option<&'w Watch>) -> Analysis<'w> {
    Analysis { report: analyze(text), watched: watch.map(|w| w.marks(text)) }
}

impl Analysis<'_> {
    fn watch_count(&self) -> Option<usize> {
        self.watched.as_ref().map(Vec::len)
    }
}

fn to_json(text: &str, analysis: &Analysis) -> String {
    let json = JsonReport {
        annotations: json_annotations(text, analysis),
        attributions: &analysis.report.attributions,
        summary: json_summary(&analysis.report.summary, analysis.watch_count()),
    };
    serde_json::to_string(&json).expect("a report always serializes")
}

/// The core's marks and the watch-list's, in text order (the core's first at one offset).
fn json_annotations<'a>(text: &'a str, analysis: &'a Analysis) -> Vec<JsonMark<'a>> {
    let core = analysis
        .report
        .annotations
        .iter()
        .map(|a| JsonMark::Core(JsonAnnotation { annotation: a, text: &text[a.start..a.end] }));
    let mut marks: Vec<JsonMark> = core.collect();
    // Every build that can load a list has the rule.
    for (m, rule) in analysis.watched.iter().flatten().filter_map(|m| RULE.map(|r| (m, r))) {
        marks.push(JsonMark::Watch(JsonWatch {
            category: cli::watch::CATEGORY,
            rule: rule.id,
            start: m.start,
            end: m.end,
            message: rule.message,
            strength: rule.strength,
            detail: m.note,
            entry: m.entry,
            text: &text[m.start..m.end],
        }));
    }
    let start = |m: &JsonMark| match m {
        JsonMark::Core(a) => a.annotation.start,
        JsonMark::Watch(w) => w.start,
    };
    marks.sort_by_key(|m| start(m));
    marks
}

/// One file of a batch, as a JSON object on one line.
#[derive(Serialize)]
struct JsonFile<'a> {
    file: &'a str,
    annotations: Vec<JsonMark<'a>>,
    summary: JsonSummary<'a>,
}

#[derive(Serialize)]
struct JsonError<'a> {
    file: &'a str,
    error: &'a str,
}

/// Several inputs: each analysed on a worker, written out in input order.
fn run_batch(args: &Args, watch: Option<&Watch>) -> Result<bool, Failure> {
    let inputs = cli::batch::expand(&args.files);
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let terminal = std::io::stdout().is_terminal();
    let color = args.color.unwrap_or(terminal);
    let format = args.format;
    // Written by whichever worker emits a file: one write per 64 KB instead of two per
    // file (standard output flushes at every line), except on a terminal, where each
    // file shows when it is done.
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let mut first = true;
    if format == Format::Json {
        let _ = stdout.write_all(b"[");
    }
    let failed = cli::batch::run(
        &inputs,
        jobs,
        caveat::LOADERS,
        |input| {
            let file = (input.name != "-").then_some(input.name.as_str());
            let text = read_text(file)?;
            let analysis = analyse(&text, watch);
            Ok(match format {
                Format::Text => format!(
                    "==> {} <==\n{}{}",
                    input.name,
                    render_text(&text, &analysis, color),
                    render_summary(&analysis)
                ),
                Format::Json | Format::Jsonl => {
                    let json = JsonFile {
                        file: &input.name,
                        annotations: json_annotations(&text, &analysis),
                        summary: json_summary(&analysis.report.summary, analysis.watch_count()),
                    };
                    serde_json::to_string(&json).expect("a report always serializes")
                }
            })
        },
        |input, outcome| {
            let block = match (outcome, format) {
                (Ok(block), _) => block,
                (Err(e), Format::Text) => {
                    // After the files before it, wherever both streams go.
                    let _ = stdout.flush();
                    eprintln!("caveat: {}", e.replace(['\n', '\r'], " "));
                    return;
                }
                (Err(e), _) => serde_json::to_string(&JsonError { file: &input.name, error: &e }).expect("serializes"),
            };
            let sep: &[u8] = match (format, first) {
                (Format::Json, false) => b",\n",
                (Format::Text, false) => b"\n",
                _ => b"",
            };
            first = false;
            // A closed pipe (`caveat … | head`) is not an error worth reporting.
            let _ = stdout.write_all(sep).and_then(|()| stdout.write_all(block.as_bytes()));
            if format == Format::Jsonl || (format == Format::Text && !block.ends_with('\n')) {
                let _ = stdout.write_all(b"\n");
            }
            if terminal {
                let _ = stdout.flush();
            }
        },
    );
    if format == Format::Json {
        let _ = stdout.write_all(b"]\n");
    }
    let _ = stdout.flush();
    Ok(failed == 0)
}

/// (ANSI style, plain-text tag) of a category's marks.
type Style = (&'static str, &'static str);

fn style(c: Category) -> Style {
    match c {
        Category::Hedging => ("\x1b[33;4m", "h"),
        Category::Sourcing => ("\x1b[36;4m", "s"),
        Category::Translation => ("\x1b[35;4m", "t"),
    }
}

/// Watch-list marks: double underline, green.
const WATCH_STYLE: Style = ("\x1b[32;21m", "w");

/// The text with its marks: ANSI colours on a terminal, `[h: …]` tags otherwise.
fn render_text(text: &str, analysis: &Analysis, color: bool) -> String {
    let mut spans: Vec<(usize, usize, Style)> =
        analysis.report.annotations.iter().map(|a| (a.start, a.end, style(a.category))).collect();
    spans.extend(analysis.watched.iter().flatten().map(|m| (m.start, m.end, WATCH_STYLE)));
    let mut events: Vec<(usize, bool, usize)> = Vec::new(); // (offset, opens, span)
    for (i, &(start, end, _)) in spans.iter().enumerate() {
        events.push((start, true, i));
        events.push((end, false, i));
    }
    // At one offset, close before opening; open outer (longer) marks first.
    events.sort_by_key(|&(pos, opens, i)| (pos, opens, if opens { usize::MAX - spans[i].1 } else { 0 }));
    let mut out = String::with_capacity(text.len() * 2);
    let mut active: Vec<usize> = Vec::new();
    let mut at = 0;
    for (pos, opens, i) in events {
        out.push_str(&text[at..pos]);
        at = pos;
        let (ansi, tag) = spans[i].2;
        if opens {
            active.push(i);
            if color {
                out.push_str(ansi);
            } else {
                out.push('[');
                out.push_str(tag);
                out.push_str(": ");
            }
        } else {
            active.retain(|&x| x != i);
            if color {
                out.push_str("\x1b[0m");
                if let Some(&j) = active.last() {
                    out.push_str(spans[j].2 .0);
                }
            } else {
                out.push(']');
            }
        }
    }
    out.push_str(&text[at..]);
    out
}

fn render_summary(analysis: &Analysis) -> String {
    let s = &analysis.report.summary;
    let mut out = String::new();
    let per_k = |n: usize| if s.words == 0 { 0.0 } else { n as f64 * 1000.0 / s.words as f64 };
    out.push_str(&format!("\n── Caveat summary ── {} words\n", s.words));
    let watched = |out: &mut String| {
        if let Some(n) = analysis.watch_count() {
            out.push_str(&format!("  {:<12} {:>4} marks  ({:.1} per 1,000 words)\n", "watchlist", n, per_k(n)));
        }
    };
    if s.language != "en" {
        out.push_str("  this text is not in English: Caveat reads English, so only the watch-list marks\n");
        watched(&mut out);
        return out;
    }
    for c in Category::ALL {
        let n = s.counts.get(c);
        out.push_str(&format!("  {:<12} {:>4} marks  ({:.1} per 1,000 words)\n", c.as_str(), n, per_k(n)));
    }
    watched(&mut out);
    let src = &s.sources;
    out.push_str(&format!("  sources      {} of {} attributions anonymous or vague", src.anonymous, src.attributions));
    if !src.named.is_empty() {
        out.push_str(&format!("; quoted by name: {}", src.named.join(", ")));
    }
    out.push('\n');
    if !s.translation.available {
        out.push_str("  machine translation: verdict unavailable (no model)\n");
    } else if s.translation.too_short {
        out.push_str("  machine translation: too short to tell\n");
    } else {
        out.push_str(&format!("  machine translation: {:.0}% likely", s.translation_likelihood * 100.0));
        if !s.translation.reasons.is_empty() {
            out.push_str(&format!(" ({})", s.translation.reasons.join(", ")));
        }
        out.push('\n');
    }
    out
}

fn list_rules(format: Format) -> String {
    let rules: Vec<_> = caveat::rules().collect();
    if format != Format::Text {
        let mut json = serde_json::to_value(&rules).expect("rules serialize");
        if let (Some(list), Some(rule)) = (json.as_array_mut(), RULE) {
            list.push(serde_json::json!({
                "id": rule.id, "category": rule.category, "name": rule.name, "message": rule.message,
                "why": rule.why, "example": rule.example, "strength": rule.strength,
            }));
        }
        return json.to_string();
    }
    let mut out: String = rules.iter().map(|r| format!("{:<36} {}\n", r.id, r.message)).collect();
    if let Some(rule) = RULE {
        out.push_str(&format!("{:<36} {}\n", rule.id, rule.message));
    }
    out
}

/// Whether every input was read (false: some were reported as errors).
fn run() -> Result<bool, Failure> {
    let args = parse_args(std::env::args().skip(1))?;
    let watch = args.watch.as_deref().map(Watch::load).transpose().map_err(Failure::Input)?;
    let batch = args.format == Format::Jsonl
        || args.files.len() > 1
        || args.files.iter().any(|f| f != "-" && std::path::Path::new(f).is_dir());
    if batch && !args.list_rules {
        return run_batch(&args, watch.as_ref());
    }
    let out = if args.list_rules {
        list_rules(args.format)
    } else {
        let text = read_text(args.files.first().map(String::as_str)).map_err(Failure::Input)?;
        let analysis = analyse(&text, watch.as_ref());
        match args.format {
            Format::Json | Format::Jsonl => to_json(&text, &analysis),
            Format::Text => {
                let color = args.color.unwrap_or_else(|| std::io::stdout().is_terminal());
                let mut s = render_text(&text, &analysis, color);
                s.push_str(&render_summary(&analysis));
                s
            }
        }
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`caveat … | head`) is not an error worth reporting.
    let _ =
        stdout
            .write_all(out.as_bytes())
            .and_then(|_| if out.ends_with('\n') { Ok(()) } else { stdout.write_all(b"\n") });
    Ok(true)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Failure::Help) => {
            println!("{HELP}");
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(e)) => {
            eprintln!("caveat: {e}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(e)) => {
            // One line, whatever the file is called or the OS says.
            eprintln!("caveat: {}", e.replace(['\n', '\r'], " "));
            ExitCode::from(2)
        }
    }
}
