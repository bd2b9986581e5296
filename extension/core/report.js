// @ts-check
/**
 * The shape of what the Wasm core returns, written once for every module that reads
 * it (the engine, the chunks' merge, the watch-list, the mark layer, the reading UI,
 * the exports). The Rust side is `src/report.rs` (the report) and `src/wasm.rs` (the
 * browser boundary: offsets in UTF-16 units, the annotations' and attributions' keys
 * in camelCase, the summary as report.rs spells it); `src/rule.rs` (the rules' docs).
 * `tsc` checks the modules that carry `// @ts-check` against these types in
 * `cargo xtask e2e`'s lint step (tests/e2e/jsconfig.json), and
 * tests/e2e/report-shape.test.mjs checks these types against a real report.
 *
 * Types only: importing this module gives nothing at run time; modules name the types
 * as `import('../core/report.js').Report`.
 */

/** @typedef {'hedging' | 'sourcing' | 'translation'} CoreCategory the core's categories */
/** @typedef {CoreCategory | 'watchlist'} Category the core's, and the reader's own watch-list (core/watchlist.js) */
/** @typedef {'weak' | 'strong'} Strength how much a mark weakens the claim it sits on */

/**
 * One mark on the text.
 * @typedef {object} Annotation
 * @property {Category} category
 * @property {string} rule the rule's id, `category/slug` (`watchlist/entry` for the watch-list)
 * @property {number} start UTF-16 offset into the analysed text
 * @property {number} end UTF-16 offset, exclusive
 * @property {string} message the rule's reader-facing message
 * @property {Strength} strength
 * @property {string} [detail] what this mark adds to the message (a suggestion, who the
 *   source is; the reader's note on a watch-list mark); absent when there is nothing
 * @property {string} [entry] watch-list marks only: the reader's phrase or /pattern/ that matched
 */

/** @typedef {'named_person' | 'named_org' | 'document' | 'pronoun' | 'unnamed' | 'vague'} SourceKind who an attribution rests on */

/**
 * One attribution: a cue ("said", "according to") and the source it names.
 * @typedef {object} Attribution
 * @property {number} cueStart
 * @property {number} cueEnd
 * @property {number | null} sourceStart the source phrase, when the text has one (agentless passives have none)
 * @property {number | null} sourceEnd
 * @property {SourceKind} kind
 * @property {string | null} name the name a reader can check, for named sources (else null)
 */

/**
 * Marks per category; `watchlist` once the watch-list has run over the text.
 * @typedef {object} Counts
 * @property {number} hedging
 * @property {number} sourcing
 * @property {number} translation
 * @property {number} [watchlist]
 */

/**
 * "8 of 19 attributions are anonymous; quoted by name: McEnany, Ratcliffe".
 * @typedef {object} SourceSummary
 * @property {number} attributions
 * @property {number} anonymous unnamed and vague
 * @property {Partial<Record<SourceKind, number>>} by_kind
 * @property {string[]} named named sources in order of first appearance, without repeats
 */

/**
 * The whole text's verdict on machine translation.
 * @typedef {object} TranslationVerdict
 * @property {number} likelihood 0..1
 * @property {boolean} too_short too little text for the likelihood to mean much
 * @property {boolean} available false when the model is missing: the likelihood is then 0 and means nothing
 * @property {string[]} reasons the main reasons, in plain words, strongest first
 */

/**
 * @typedef {object} Summary
 * @property {number} words
 * @property {'en' | 'other'} language "other": text Caveat cannot read (no marks, no verdict)
 * @property {Counts} counts
 * @property {number} translation_likelihood the verdict's likelihood, repeated
 * @property {TranslationVerdict} translation
 * @property {SourceSummary} sources
 */

/**
 * What `analyze(text)` returns.
 * @typedef {object} Report
 * @property {Annotation[]} annotations sorted by start, then end; no overlaps within a category
 * @property {Attribution[]} attributions
 * @property {Summary} summary
 */

/**
 * An annotation as the mark layer draws it (page/marks.js): what the reading UI lists,
 * shows on its card and exports. `id` is stable for the same text, category, offsets
 * and rule; `text` the marked words; `hidden` whether the reader hid it on this page;
 * `range` where it is (a StaticRange: the layer's `rectsOf` and `liveRange` measure it).
 * @typedef {Annotation & { id: string, text: string, detail: string, hidden: boolean, range: StaticRange }} Mark
 */

/**
 * A rule's docs, the hover card's text: what `rules()` returns a list of.
 * @typedef {object} RuleDoc
 * @property {string} id `category/slug`, stable (never-mark lists refer to it)
 * @property {Category} category
 * @property {string} name short human name, the card's title
 * @property {string} message
 * @property {string} why why it matters to a reader
 * @property {string} example
 * @property {Strength} strength
 */

/**
 * One entry of the reader's watch-list (core/watchlist-entries.js normalizes them).
 * @typedef {object} WatchEntry
 * @property {string} pattern a phrase, or a `/pattern/`
 * @property {string} note shown on the entry's marks
 */

export {};
