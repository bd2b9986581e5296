//! A rule is one kind of mark. Its doc fields *are* the hover-card text, the CLI
//! `--list-rules` output and the generated rule docs: write them for a reader.

use serde::Serialize;

/// The three things Caveat marks. Each has its own highlight style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Hedging,
    Sourcing,
    Translation,
}

impl Category {
    pub const ALL: [Category; 3] = [Category::Hedging, Category::Sourcing, Category::Translation];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Hedging => "hedging",
            Category::Sourcing => "sourcing",
            Category::Translation => "translation",
        }
    }
}

/// How much a mark weakens the claim it sits on (hedging uses both; other
/// categories are `Strong` unless a rule says otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    Weak,
    Strong,
}

/// A rule's identity and its documentation, in the same sections for every rule.
#[derive(Debug, Serialize)]
pub struct Rule {
    /// `category/slug`, stable: users' "never mark" lists and tests refer to it.
    pub id: &'static str,
    pub category: Category,
    /// Short human name, shown as the hover card's title.
    pub name: &'static str,
    /// One sentence: what this phrase does to the claim. Shown on every mark.
    pub message: &'static str,
    /// Why it matters to a reader: one paragraph.
    pub why: &'static str,
    /// A short example sentence with the marked phrase.
    pub example: &'static str,
    pub strength: Strength,
}

/// The registry of a category, one line per rule module: `registry![a, b, c]` makes
/// `RULES`, every rule in that order, from each module's `RULE`, and, for the test that
/// every rule marks its own example, `COUNTER_EXAMPLES` from each module's
/// `COUNTER_EXAMPLE` (a near miss the rule must leave alone). What else each module
/// gives its category follows a `;`: `registry![a, b; DETECTORS: Detector = detect]`
/// collects every module's `detect`, in the order of `RULES`.
macro_rules! registry {
    ($($module:ident),+ $(,)?) => {
        /// Every rule of the category, in registry order.
        pub static RULES: &[&$crate::rule::Rule] = &[$(&$module::RULE),+];
        /// Each rule's near miss, in the order of `RULES`.
        #[cfg(test)]
        pub(crate) static COUNTER_EXAMPLES: &[&str] = &[$($module::COUNTER_EXAMPLE),+];
    };
    ($($module:ident),+ ; $name:ident : $ty:ty = $item:ident) => {
        $crate::rule::registry![$($module),+];
        /// What each rule module gives its category, in the order of `RULES`.
        static $name: &[$ty] = &[$($module::$item),+];
    };
}
pub(crate) use registry;
