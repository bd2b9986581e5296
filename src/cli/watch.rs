//! `--watch FILE`: the reader's watch-list (the `caveat-watchlist` crate), marked as a
//! fourth category beside the core's marks. Native only: the binary is built for
//! wasm32 just to run the Wasm tests beside it, and there it has no watch-list (so the
//! core's Wasm module never links the regex crate).

pub const CATEGORY: &str = "watchlist";

/// The watch-list rule's documentation (the crate's `RULE`), where this build has one.
#[cfg(not(target_arch = "wasm32"))]
pub const RULE: Option<&watchlist::RuleDoc> = Some(&watchlist::RULE);
#[cfg(target_arch = "wasm32")]
pub const RULE: Option<&RuleDoc> = None;

/// The shape of the crate's rule documentation, for builds without it.
#[cfg(target_arch = "wasm32")]
pub struct RuleDoc {
    pub id: &'static str,
    pub category: &'static str,
    pub name: &'static str,
    pub message: &'static str,
    pub why: &'static str,
    pub example: &'static str,
    pub strength: &'static str,
}

/// A loaded list: the entries as written (for their notes) and the compiled matcher.
pub struct Watch {
    #[cfg(not(target_arch = "wasm32"))]
    entries: Vec<watchlist::Entry>,
    #[cfg(not(target_arch = "wasm32"))]
    list: watchlist::WatchList,
}

/// One watch-list mark: UTF-8 byte offsets, the entry as written and its note.
pub struct WatchMark<'a> {
    pub start: usize,
    pub end: usize,
    pub entry: &'a str,
    pub note: &'a str,
}

impl Watch {
    /// Read and compile a list file; the error is one line naming the file and the line.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn load(path: &str) -> Result<Watch, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("--watch {path}: cannot read it: {e}"))?;
        let entries = watchlist::parse_list(&text).map_err(|e| format!("--watch {path}: {e}"))?;
        let patterns: Vec<&str> = entries.iter().map(|e| e.pattern.as_str()).collect();
        let list = watchlist::WatchList::new(&patterns);
        Ok(Watch { entries, list })
    }

    #[cfg(target_arch = "wasm32")]
    pub fn load(path: &str) -> Result<Watch, String> {
        Err(format!("--watch {path}: this build has no watch-list"))
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn marks(&self, text: &str) -> Vec<WatchMark<'_>> {
        self.list
            .find(text)
            .into_iter()
            .map(|m| {
                let e = &self.entries[m.entry];
                WatchMark { start: m.start, end: m.end, entry: &e.pattern, note: &e.note }
            })
            .collect()
    }

    #[cfg(target_arch = "wasm32")]
    pub fn marks(&self, _text: &str) -> Vec<WatchMark<'_>> {
        Vec::new()
    }
}
