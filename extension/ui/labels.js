// @ts-check
/**
 * Reader-facing names shared by the card, the sidebar, the popup and the exports.
 */
export const CATEGORY_LABEL = Object.freeze({
  hedging: 'Hedging',
  sourcing: 'Sourcing',
  translation: 'Translation',
  watchlist: 'Watch-list',
});

/** How each category's marks look (the legend's words: the style differs by more than colour). */
export const CATEGORY_STYLE_WORDS = Object.freeze({
  hedging: 'dotted underline',
  sourcing: 'solid underline',
  translation: 'wavy underline',
  watchlist: 'double underline',
});

/** What kind of source an attribution names, as a reader would say it. */
export const SOURCE_KIND_LABEL = Object.freeze({
  named_person: 'a named person',
  named_org: 'a named organisation',
  document: 'a document',
  pronoun: 'a pronoun (he, she, they)',
  unnamed: 'an unnamed source',
  vague: 'a vague group ("experts", "officials")',
});

export const categoryLabel = (category) => CATEGORY_LABEL[category] ?? category;

/** Marks per 1,000 words, one decimal ("0.0" for an empty text). */
export function per1000(count, words) {
  return words > 0 ? ((count * 1000) / words).toFixed(1) : '0.0';
}

/** "1 mark", "3 marks". */
export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the sidebar, the popup and the exports say on a page that is not in English. */
export const NOT_ENGLISH = 'This page is not in English — Caveat reads English.';

/** What they say when the translation model could not be loaded (the rules still mark). */
export const VERDICT_UNAVAILABLE =
  'Verdict unavailable: Caveat could not load its translation model. Its other checks still mark.';

/** Whether a report's text is in a language Caveat does not read ("other"). */
/** @typedef {import('../core/report.js').Summary} Summary */

/** @param {Partial<Summary> | null | undefined} summary */
export const notEnglish = (summary) => summary?.language === 'other';

/**
 * The translation verdict as the UI shows it: 'other' (not English), 'short' (too
 * short to tell), 'unavailable' (no model), or 'ready' (a likelihood).
 * @param {Partial<Summary> | null | undefined} summary
 * @returns {'other' | 'short' | 'unavailable' | 'ready'}
 */
export function verdictState(summary) {
  if (notEnglish(summary)) return 'other';
  const v = summary?.translation;
  if (!v || v.too_short) return 'short';
  if (v.available === false) return 'unavailable';
  return 'ready';
}
