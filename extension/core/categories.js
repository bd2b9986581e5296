// @ts-check
/**
 * The categories Caveat marks, and each one's line colour: shared by the mark layer
 * (page/marks.js, page/styles.js), the reading UI, the settings, the popup, the
 * options page and the playground, so none of them depends on another for them.
 *
 * One set of colours for every page: a page's own background does not follow
 * the browser's colour scheme (dark sites in light mode, and the reverse, are
 * common), so each line colour sits at mid luminance: at least 4:1 against white
 * and near-black, 3:1 (WCAG's minimum for graphics) against dark greys, and the
 * four stay apart under protanopia, deuteranopia and tritanopia
 * (tests/e2e/ui-marks.test.mjs checks both).
 */

/** @typedef {import('./report.js').Category} Category */

/**
 * The core's three (hedging, sourcing, translation) and the reader's own watch-list
 * (core/watchlist.js), in the order the UI lists them.
 * @type {readonly Category[]}
 */
export const CATEGORIES = Object.freeze(/** @type {Category[]} */ (['hedging', 'sourcing', 'translation', 'watchlist']));

/** @type {Readonly<Record<Category, string>>} */
export const MARK_COLORS = Object.freeze({
  hedging: '#b86a00',
  sourcing: '#3b7be8',
  translation: '#ca4ea7',
  // The reader's own watch-list: a double underline.
  watchlist: '#108848',
});
