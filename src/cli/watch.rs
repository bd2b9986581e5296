//! `--watch FILE`: the reader's watch-list (the `caveat-watchlist` crate), marked as a
//! fourth category beside the core's marks.

pub use watchlist::{CATEGORY, RULE};

/// A loaded list: the entries as written (for their notes) and the compiled matcher.
pub struct Watch {
    entries: Vec<watchlist::Entry>,
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
    pub fn load(path: &str) -> Result<Watch, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("--watch {path}: cannot read it: {e}"))?;
        let entries = watchlist::parse_list(&text).map_err(|e| format!("--watch {path}: {e}"))?;
        let patterns: Vec<&str> = entries.iter().map(|e| e.pattern.as_str()).collect();
        let list = watchlist::WatchList::new(&patterns);
        Ok(Watch { entries, list })
    }

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
}
