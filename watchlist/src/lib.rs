//! The reader's watch-list: their own phrases and `/patterns/`, each with an optional
//! note, marked as a fourth category, `watchlist` (rule `watchlist/entry`).
//!
//! - A **phrase** matches case-insensitively, as whole words: the text and the phrase
//!   are cut into the same tokens (runs of letters, digits and inner apostrophes; every
//!   other visible character is a token of its own), curly and straight apostrophes
//!   read alike, and any run of white space matches a space.
//! - A **`/pattern/`** is a regular expression of the `regex` crate, case-insensitive
//!   unless it starts with `(?-i)`. Its engines run in time linear in the text
//!   (no backtracking), and a pattern whose compiled form would exceed `SIZE_LIMIT`
//!   is refused.
//!
//! This crate is its own Wasm module (loaded by the extension only when the reader
//! has a list) so that the core's module, downloaded into every page, never carries
//! a regex engine; the CLI links it natively. Built without its `patterns` feature it
//! matches phrases only and has no regex crate: the extension's module for a list of
//! phrases alone (`wasm/watchlist_phrases_bg.wasm`).

use std::collections::HashMap;

#[cfg(feature = "patterns")]
use regex::{Regex, RegexBuilder};

#[cfg(all(target_arch = "wasm32", feature = "bindings"))]
mod wasm;

/// The category of every watch-list mark.
pub const CATEGORY: &str = "watchlist";

/// The one rule of the category, documented like the core's rules: the same text is
/// the CLI's `--list-rules`, docs/rules.md and the hover card.
pub struct RuleDoc {
    pub id: &'static str,
    pub category: &'static str,
    pub name: &'static str,
    pub message: &'static str,
    pub why: &'static str,
    pub example: &'static str,
    pub strength: &'static str,
}

pub const RULE: RuleDoc = RuleDoc {
    id: "watchlist/entry",
    category: CATEGORY,
    name: "On your watch-list",
    message: "A phrase or pattern from your own watch-list.",
    why: "You asked Caveat to mark this: a talking point you are tracking, a loaded word, a phrasing your \
          newsroom avoids, a term you are following across sources. The card shows the entry that matched \
          and your note for it; edit the list in Caveat's settings.",
    example: "Officials described the measure as a common-sense reform.",
    strength: "strong",
};

/// A compiled pattern may take at most this much memory (`RegexBuilder::size_limit`).
pub const SIZE_LIMIT: usize = 1 << 20;
/// At most this many marks per text: a pattern such as `/\w/` would otherwise mark
/// every letter of a long page.
pub const MAX_MATCHES: usize = 20_000;

/// One entry of the list, as the reader wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `phrase` or `/regex/`.
    pub pattern: String,
    pub note: String,
}

/// One match: UTF-8 byte offsets into the text, and the index of the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

/// The regular expression inside `/…/`, or None for a phrase.
pub fn regex_source(pattern: &str) -> Option<&str> {
    let p = pattern.trim();
    (p.len() >= 2 && p.starts_with('/') && p.ends_with('/')).then(|| &p[1..p.len() - 1])
}

/// Why `pattern` cannot be an entry (the regex crate's own message for a bad pattern),
/// or None when it can.
pub fn check(pattern: &str) -> Option<String> {
    compile(pattern).err()
}

/// The first line of an error worth putting on one line: the regex crate's messages
/// span several lines (the pattern, a caret, then `error: …`).
pub fn one_line(message: &str) -> String {
    match message.lines().find_map(|l| l.trim().strip_prefix("error: ")) {
        Some(reason) => reason.to_string(),
        None => message.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// A file of entries: one a line, `phrase` or `/regex/`, then optionally a tab and a
/// note. Blank lines and lines starting with `#` are skipped. The error names the
/// (1-based) line.
pub fn parse_list(text: &str) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let (pattern, note) = line.split_once('\t').unwrap_or((line, ""));
        let pattern = pattern.trim();
        if pattern.is_empty() || pattern.starts_with('#') {
            continue;
        }
        if let Err(e) = compile(pattern) {
            return Err(format!("line {}: {pattern}: {}", i + 1, one_line(&e)));
        }
        entries.push(Entry { pattern: pattern.to_string(), note: note.trim().to_string() });
    }
    Ok(entries)
}

enum Matcher {
    Phrase(Vec<Token>),
    #[cfg(feature = "patterns")]
    Regex(Regex),
}

/// What a build without patterns says of one (the extension never gives it one).
#[cfg(not(feature = "patterns"))]
pub const NO_PATTERNS: &str = "this module matches phrases only: /patterns/ need the watch-list's full module";

fn compile(pattern: &str) -> Result<Matcher, String> {
    #[cfg(not(feature = "patterns"))]
    if regex_source(pattern).is_some() {
        return Err(NO_PATTERNS.into());
    }
    #[cfg(feature = "patterns")]
    if let Some(source) = regex_source(pattern) {
        if source.is_empty() {
            return Err("an empty pattern would match everywhere: write something between the slashes".into());
        }
        return RegexBuilder::new(source)
            .case_insensitive(true)
            .size_limit(SIZE_LIMIT)
            .dfa_size_limit(SIZE_LIMIT)
            .build()
            .map(Matcher::Regex)
            .map_err(|e| match e {
                regex::Error::CompiledTooBig(limit) => format!(
                    "this pattern is too big: compiled, it would need more than {} KB. Make it shorter (fewer \
                     alternatives, smaller repetition counts) or split it into several entries",
                    limit / 1024
                ),
                other => other.to_string(),
            });
    }
    let tokens = tokenize(pattern.trim());
    if tokens.is_empty() {
        return Err("an empty phrase: write a word or two".into());
    }
    Ok(Matcher::Phrase(tokens))
}

/// A token of text: a word (letters, digits, inner apostrophes) or one other visible
/// character. `norm` is lower case with every apostrophe straight.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    start: usize,
    end: usize,
    norm: String,
    /// White space between this token and the previous one.
    spaced: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn push_norm(norm: &mut String, c: char) {
    if is_apostrophe(c) {
        norm.push('\'');
    } else {
        norm.extend(c.to_lowercase());
    }
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut last_end = 0;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let spaced = !tokens.is_empty() && i > last_end;
        let mut norm = String::new();
        push_norm(&mut norm, c);
        let mut end = i + c.len_utf8();
        if is_word(c) {
            // A word: word characters, and apostrophes between two of them.
            while let Some(&(j, d)) = chars.peek() {
                if is_word(d) {
                    push_norm(&mut norm, d);
                    end = j + d.len_utf8();
                    chars.next();
                } else if is_apostrophe(d) {
                    let mut ahead = chars.clone();
                    ahead.next();
                    if ahead.peek().is_some_and(|&(_, e)| is_word(e)) {
                        push_norm(&mut norm, d);
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
        }
        tokens.push(Token { start: i, end, norm, spaced });
        last_end = end;
    }
    tokens
}

/// A compiled list. Entries that do not compile are kept as entries that never match
/// (`new` reports them), so indexes stay the reader's.
pub struct WatchList {
    phrases: HashMap<String, Vec<(usize, Vec<Token>)>>,
    #[cfg(feature = "patterns")]
    regexes: Vec<(usize, Regex)>,
    /// (entry, why it does not compile)
    pub errors: Vec<(usize, String)>,
    len: usize,
}

impl WatchList {
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> WatchList {
        let mut list = WatchList::empty();
        for p in patterns {
            let _ = list.add(p.as_ref()); // kept in `errors`
        }
        list
    }

    /// A list without entries, to be given them one at a time (`add`).
    pub fn empty() -> WatchList {
        WatchList {
            phrases: HashMap::new(),
            #[cfg(feature = "patterns")]
            regexes: Vec::new(),
            errors: Vec::new(),
            len: 0,
        }
    }

    /// Compile one more entry (its index is the number of entries added before it):
    /// the extension compiles a list one entry per task, so that a pattern with Unicode
    /// classes, tens of ms in Wasm the first time, never adds to the next one's task.
    /// An entry that does not compile is kept as one that never matches; the error says why.
    pub fn add(&mut self, pattern: &str) -> Result<(), String> {
        let i = self.len;
        self.len += 1;
        match compile(pattern) {
            Ok(Matcher::Phrase(tokens)) => {
                self.phrases.entry(tokens[0].norm.clone()).or_default().push((i, tokens));
                Ok(())
            }
            #[cfg(feature = "patterns")]
            Ok(Matcher::Regex(re)) => {
                self.regexes.push((i, re));
                Ok(())
            }
            Err(e) => {
                self.errors.push((i, e.clone()));
                Err(e)
            }
        }
    }

    /// How many entries were added (those that do not compile included).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        #[cfg(feature = "patterns")]
        if !self.regexes.is_empty() {
            return false;
        }
        self.phrases.is_empty()
    }

    /// Every match in `text`, in text order, never overlapping: where two overlap, the
    /// one that starts first wins, then the longer, then the earlier entry. At most
    /// `MAX_MATCHES`.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let mut found = Vec::new();
        if !self.phrases.is_empty() {
            let tokens = tokenize(text);
            'tokens: for (i, t) in tokens.iter().enumerate() {
                let Some(candidates) = self.phrases.get(&t.norm) else { continue };
                for (entry, phrase) in candidates {
                    let Some(run) = tokens.get(i..i + phrase.len()) else { continue };
                    let same = run
                        .iter()
                        .zip(phrase)
                        .enumerate()
                        .all(|(k, (a, b))| a.norm == b.norm && (k == 0 || a.spaced == b.spaced));
                    if same {
                        found.push(Match { start: t.start, end: run[run.len() - 1].end, entry: *entry });
                        if found.len() >= MAX_MATCHES {
                            break 'tokens;
                        }
                    }
                }
            }
        }
        #[cfg(feature = "patterns")]
        for (entry, re) in &self.regexes {
            let mut n = 0;
            for m in re.find_iter(text) {
                if m.is_empty() {
                    continue;
                }
                found.push(Match { start: m.start(), end: m.end(), entry: *entry });
                n += 1;
                if n >= MAX_MATCHES {
                    break;
                }
            }
        }
        found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.entry.cmp(&b.entry)));
        let mut kept: Vec<Match> = Vec::with_capacity(found.len().min(MAX_MATCHES));
        for m in found {
            if kept.last().is_some_and(|k| m.start < k.end) {
                continue;
            }
            kept.push(m);
            if kept.len() >= MAX_MATCHES {
                break;
            }
        }
        kept
    }
}

/// UTF-8 byte offsets into `text` → UTF-16 code units, in place (any order; an offset
/// past the end or inside a character maps to the next character's start).
pub fn to_utf16(text: &str, offsets: &mut [usize]) {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut units = 0;
    let mut chars = text.char_indices().peekable();
    for i in order {
        let target = offsets[i];
        while let Some(&(at, c)) = chars.peek() {
            if at >= target {
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
        offsets[i] = units;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(list: &[&str], text: &str) -> Vec<(String, usize)> {
        WatchList::new(list).find(text).iter().map(|m| (text[m.start..m.end].to_string(), m.entry)).collect()
    }

    #[test]
    fn phrases_match_whole_words_in_any_case_with_either_apostrophe() {
        let got = spans(
            &["common-sense reform", "people's choice", "tax"],
            "A Common-Sense  Reform, the people’s choice; taxes and TAX.",
        );
        assert_eq!(got, [("Common-Sense  Reform".into(), 0), ("people’s choice".into(), 1), ("TAX".into(), 2)]);
        // Not inside a word, and the phrase's own gaps are kept: "common - sense" is not "common-sense".
        assert!(spans(&["tax"], "syntax taxing").is_empty());
        assert!(spans(&["common-sense"], "common - sense").is_empty());
        // A quoted word keeps its quotes out of the word.
        assert_eq!(spans(&["reform"], "‘reform’"), [("reform".into(), 0)]);
        assert_eq!(spans(&["don’t"], "I don't know"), [("don't".into(), 0)]);
    }

    #[test]
    #[cfg(feature = "patterns")]
    fn patterns_are_case_insensitive_unless_asked() {
        assert_eq!(
            spans(&["/deep ?state/"], "the Deep State and deepstate"),
            [("Deep State".into(), 0), ("deepstate".into(), 0)]
        );
        assert_eq!(spans(&["/(?-i)Deep/"], "deep Deep"), [("Deep".into(), 0)]);
        assert_eq!(
            spans(&[r"/\bcris[ie]s\b/"], "Crisis, crises, crisises"),
            [("Crisis".into(), 0), ("crises".into(), 0)]
        );
    }

    #[test]
    #[cfg(feature = "patterns")]
    fn overlaps_keep_the_first_and_longest() {
        assert_eq!(spans(&["deep", "deep state", "/state of/"], "a deep state of mind"), [("deep state".into(), 1)]);
    }

    #[test]
    #[cfg(feature = "patterns")]
    fn bad_patterns_say_why_in_the_crates_words() {
        let e = check("/(unclosed/").expect("an error");
        assert!(e.contains("unclosed group"), "{e}");
        assert_eq!(one_line(&e), "unclosed group");
        assert!(check("//").unwrap().contains("empty pattern"));
        assert!(check("  ").unwrap().contains("empty phrase"));
        let big = check(r"/\w{1000}{1000}/").expect("too big");
        assert!(big.contains("too big") && big.contains("1024 KB"), "{big}");
        assert_eq!(check("/ok/"), None);
        assert_eq!(check("a phrase"), None);
        let list = WatchList::new(&["fine", "/[/"]);
        assert_eq!(list.errors.len(), 1);
        assert_eq!(list.errors[0].0, 1);
    }

    #[test]
    #[cfg(feature = "patterns")]
    fn a_list_compiled_one_entry_at_a_time_is_the_same_list() {
        let entries = ["deep", "/[/", r"/\bsecur\w+ (officials?|sources?)\b/", "witch hunt", "/deep state/"];
        let text = "Security officials on the deep state; a WITCH HUNT, deep.";
        let whole = WatchList::new(&entries);
        let mut one_by_one = WatchList::empty();
        let added: Vec<bool> = entries.iter().map(|e| one_by_one.add(e).is_ok()).collect();
        assert_eq!(added, [true, false, true, true, true]);
        assert_eq!(one_by_one.len(), entries.len());
        assert_eq!(one_by_one.errors, whole.errors);
        assert_eq!(one_by_one.find(text), whole.find(text));
        assert_eq!(whole.find(text).iter().map(|m| m.entry).collect::<Vec<_>>(), [2, 4, 3, 0]);
    }

    #[test]
    #[cfg(feature = "patterns")]
    fn list_files_name_the_bad_line() {
        let list =
            parse_list("# talking points\nsecure the border\tcampaign slogan\n\n/illegal (alien|immigrant)s?/\t\n")
                .unwrap();
        assert_eq!(
            list,
            [
                Entry { pattern: "secure the border".into(), note: "campaign slogan".into() },
                Entry { pattern: "/illegal (alien|immigrant)s?/".into(), note: String::new() },
            ]
        );
        let e = parse_list("fine\n/a(b/\tnote\n").unwrap_err();
        assert_eq!(e, "line 2: /a(b/: unclosed group");
    }

    #[test]
    #[cfg(feature = "patterns")]
    fn catastrophic_backtracking_patterns_run_in_linear_time() {
        // (a+)+$ against a's followed by a non-match takes exponential time in a
        // backtracking engine; here it is one pass.
        let text = "a".repeat(1 << 20) + "!";
        let list = WatchList::new(&["/(a+)+$/", "/(a|aa)+b/", "/(.*a){12}x/"]);
        assert!(list.errors.is_empty(), "{:?}", list.errors);
        let started = std::time::Instant::now();
        let found = list.find(&text);
        let took = started.elapsed();
        assert!(found.is_empty(), "{found:?}");
        // Generous for a debug build on a loaded machine; a backtracking engine would take years.
        assert!(took.as_secs() < 60, "{took:?}");
        eprintln!("catastrophic patterns on 1 MB: {took:?}");
    }

    #[test]
    #[cfg(feature = "patterns")]
    fn matches_are_capped_and_never_empty() {
        let text = "ab ".repeat(30_000);
        assert_eq!(WatchList::new(&[r"/\w/"]).find(&text).len(), MAX_MATCHES);
        assert!(WatchList::new(&["/x*/"]).find("abc").is_empty());
    }

    #[test]
    #[cfg(not(feature = "patterns"))]
    fn without_patterns_phrases_match_and_patterns_are_refused() {
        assert_eq!(spans(&["deep state", "/deep/"], "the Deep State"), [("Deep State".into(), 0)]);
        assert_eq!(check("/deep/").as_deref(), Some(NO_PATTERNS));
    }

    #[test]
    fn utf16_offsets() {
        let text = "é😀a";
        let mut o = [0, 2, 6, 7, 3];
        to_utf16(text, &mut o);
        assert_eq!(o, [0, 1, 3, 4, 3]);
    }

    #[test]
    #[cfg(feature = "patterns")]
    fn odd_text_never_panics() {
        let texts = ["", "\u{0}", "’", "'’'", "a\u{301}b", "😀😀", "\u{FFFD}x", "ǅ İ ß"];
        let list = WatchList::new(&["x", "’", "/./", "İ", "ss"]);
        for t in texts {
            for m in list.find(t) {
                assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end) && m.start < m.end);
            }
        }
    }
}
