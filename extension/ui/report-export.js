// @ts-check
/**
 * The page's marks and summary as a Markdown or JSON report (the sidebar's
 * "Copy" buttons). Pure: data in, string out.
 *
 *   exportData({ report, marks, rules, page: { url, title }, now }) → plain object
 *   toMarkdown(data)  toJson(data)
 */
import { CATEGORIES } from '../core/categories.js';
import { categoryLabel, NOT_ENGLISH, per1000, VERDICT_UNAVAILABLE, verdictState } from './labels.js';

/** @typedef {import('../core/report.js').Report} Report */
/** @typedef {import('../core/report.js').RuleDoc} RuleDoc */

/**
 * @param {{ report: Report | null, marks: any[], rules?: RuleDoc[], page?: { url?: string, title?: string }, now?: Date }} options
 */
export function exportData({ report, marks, rules = [], page = {}, now = new Date() }) {
  const names = new Map(rules.map((r) => [r.id, r.name]));
  /** @type {Partial<import('../core/report.js').Summary>} */
  const summary = report?.summary ?? {};
  const words = summary.words ?? 0;
  const shown = marks.filter((m) => !m.hidden);
  const verdict = verdictState(summary);
  return {
    tool: 'Caveat',
    url: page.url ?? '',
    title: page.title ?? '',
    generated: now.toISOString(),
    words,
    categories: Object.fromEntries(
      CATEGORIES.map((c) => {
        const n = shown.filter((m) => m.category === c).length;
        return [c, { marks: n, per1000Words: Number(per1000(n, words)) }];
      }),
    ),
    // "en", or "other" (not English: nothing was read, so no sources and no verdict).
    language: summary.language ?? 'en',
    sources: {
      attributions: summary.sources?.attributions ?? 0,
      anonymous: summary.sources?.anonymous ?? 0,
      named: summary.sources?.named ?? [],
    },
    translation: {
      // null when there is no likelihood to give (another language, or no model).
      likelihood: ['other', 'unavailable'].includes(verdict)
        ? null
        : (summary.translation?.likelihood ?? summary.translation_likelihood ?? 0),
      tooShort: !!summary.translation?.too_short,
      available: verdict !== 'other' && summary.translation?.available !== false,
      reasons: verdict === 'other' ? [] : (summary.translation?.reasons ?? []),
    },
    marks: shown.map((m) => ({
      category: m.category,
      rule: m.rule,
      ruleName: names.get(m.rule) ?? m.rule,
      text: m.text,
      message: m.message,
      start: m.start,
      end: m.end,
    })),
  };
}

export const toJson = (data) => `${JSON.stringify(data, null, 2)}\n`;

/** Page text goes into Markdown escaped, so it cannot open links, emphasis or tables. */
export function escapeMarkdown(text) {
  return String(text).replace(/\s+/g, ' ').replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1');
}

export function toMarkdown(data) {
  const lines = [`# Caveat report: ${escapeMarkdown(data.title || data.url || 'this page')}`, ''];
  if (data.url) lines.push(`<${data.url.replace(/[<>\s]/g, encodeURIComponent)}>`, '');
  lines.push(`${data.words} words, analysed ${data.generated}.`, '');
  lines.push('| Category | Marks | per 1,000 words |', '|---|---:|---:|');
  for (const [c, v] of Object.entries(data.categories)) lines.push(`| ${categoryLabel(c)} | ${v.marks} | ${v.per1000Words.toFixed(1)} |`);
  if (data.language === 'other') {
    lines.push('', NOT_ENGLISH);
  } else {
    lines.push('', '## Sources', '');
    if (data.sources.attributions === 0) lines.push('No attributions found.');
    else lines.push(`${data.sources.anonymous} of ${data.sources.attributions} attributions anonymous.`);
    if (data.sources.named.length) lines.push('', `Quoted by name: ${data.sources.named.map(escapeMarkdown).join(', ')}.`);
    lines.push('', '## Machine translation', '');
    if (data.translation.tooShort) lines.push('Too short to tell.');
    else {
      if (data.translation.likelihood === null) lines.push(VERDICT_UNAVAILABLE);
      else lines.push(`Likelihood: ${Math.round(data.translation.likelihood * 100)}%.`);
      for (const r of data.translation.reasons) lines.push(`- ${escapeMarkdown(r)}`);
    }
  }
  lines.push('', `## Marks (${data.marks.length})`, '');
  data.marks.forEach((m, i) => {
    lines.push(`${i + 1}. **${categoryLabel(m.category)}**, ${escapeMarkdown(m.ruleName)}: “${escapeMarkdown(m.text)}” (${escapeMarkdown(m.message)})`);
  });
  return `${lines.join('\n')}\n`;
}
