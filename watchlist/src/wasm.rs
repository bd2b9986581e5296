//! The browser boundary: patterns in, `[start, end, entry, …]` out (UTF-16 offsets,
//! as JS strings and DOM Ranges count). The engine (extension/core/watchlist.js) makes
//! them annotations of the core's shape.

use wasm_bindgen::prelude::*;

use crate::{to_utf16, WatchList, RULE};

#[wasm_bindgen]
pub struct Watcher {
    list: WatchList,
}

#[wasm_bindgen]
impl Watcher {
    /// Compile the entries (`phrase` or `/regex/`); one that does not compile never
    /// matches (`check` says why).
    #[wasm_bindgen(constructor)]
    pub fn new(patterns: Vec<String>) -> Watcher {
        Watcher { list: WatchList::new(&patterns) }
    }

    /// A watcher without entries, to be given them one per call (`add`): the extension
    /// compiles a list one entry per task (extension/core/watchlist.js).
    pub fn empty() -> Watcher {
        Watcher { list: WatchList::empty() }
    }

    /// Compile one more entry (the next index); why it does not compile (it then never
    /// matches), or undefined.
    pub fn add(&mut self, pattern: &str) -> Option<String> {
        self.list.add(pattern).err()
    }

    /// How many entries were added.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.list.len()
    }

    /// Every match as three numbers: UTF-16 start, end, and the entry's index.
    pub fn find(&self, text: &str) -> Vec<u32> {
        let found = self.list.find(text);
        let mut offsets: Vec<usize> = found.iter().flat_map(|m| [m.start, m.end]).collect();
        to_utf16(text, &mut offsets);
        let mut out = Vec::with_capacity(found.len() * 3);
        for (m, se) in found.iter().zip(offsets.chunks_exact(2)) {
            out.extend([se[0] as u32, se[1] as u32, m.entry as u32]);
        }
        out
    }
}

/// Why `pattern` cannot be an entry (the regex crate's own message), or undefined.
#[wasm_bindgen]
pub fn check(pattern: &str) -> Option<String> {
    crate::check(pattern)
}

/// The rule's documentation, for the hover card: [id, category, name, message, why, example, strength].
#[wasm_bindgen]
pub fn rule() -> Vec<String> {
    [RULE.id, RULE.category, RULE.name, RULE.message, RULE.why, RULE.example, RULE.strength].map(String::from).to_vec()
}
