// @ts-check
/**
 * The page's summary, shared by the sidebar and the playground: per category the
 * count of marks shown, their density per 1,000 words and an on/off switch; the
 * sourcing line ("N of M attributions anonymous", who is quoted by name); the
 * machine-translation likelihood gauge with its top reasons, "too short to tell", or
 * "unavailable" (no model: the reasons the marks give, no percentage). On a page not
 * in English it says so plainly instead of sources and verdict.
 *
 *   const view = createSummaryView({ doc, onToggle(category, on) });
 *   view.element; view.update({ report, marks, enabled })   // marks: the layer's marks
 */
import { CATEGORIES } from '../core/categories.js';
import { h, trusted } from './dom.js';
import { categoryLabel, CATEGORY_STYLE_WORDS, NOT_ENGLISH, notEnglish, per1000, plural, VERDICT_UNAVAILABLE, verdictState } from './labels.js';

export const SUMMARY_CSS = `
.cv-summary { display: grid; gap: 14px; }
.cv-summary section { display: grid; gap: 6px; }
.cv-summary [hidden] { display: none; }
.cv-summary table { border-collapse: collapse; width: 100%; }
.cv-summary th, .cv-summary td { padding: 3px 0; text-align: right; font-variant-numeric: tabular-nums; }
.cv-summary thead th { font-size: 12px; font-weight: 600; color: var(--cv-muted); }
.cv-summary th:first-child, .cv-summary td:first-child { text-align: left; }
.cv-summary td.count { font-weight: 700; padding-right: 10px; }
.cv-summary .gauge { position: relative; height: 10px; border-radius: 5px; background: var(--cv-soft);
  border: 1px solid var(--cv-line); overflow: hidden; }
.cv-summary .gauge > span { position: absolute; inset: 0 auto 0 0; background: var(--cv-translation); }
.cv-summary ul.reasons { margin: 6px 0 0; padding-left: 18px; font-size: 13px; }
.cv-summary p { margin: 0; }
.cv-summary .language { padding: 8px 10px; border: 1px solid var(--cv-line); border-radius: 6px; background: var(--cv-soft); }
`;

export function createSummaryView({ doc = document, onToggle }) {
  const element = h(doc, 'div', { class: 'cv-summary' });
  const switches = new Map();
  const counts = new Map();
  const densities = new Map();
  const rows = CATEGORIES.map((c) => {
    const box = h(doc, 'input', {
      type: 'checkbox',
      'data-category': c,
      onchange: trusted(() => onToggle(c, box.checked)),
    });
    switches.set(c, box);
    counts.set(c, h(doc, 'td', { class: 'count' }));
    densities.set(c, h(doc, 'td', { class: 'density' }));
    return h(doc, 'tr', { class: 'cat', 'data-category': c },
      h(doc, 'th', { scope: 'row' },
        h(doc, 'label', { class: 'cv-switch', title: `Marked with a ${CATEGORY_STYLE_WORDS[c]}` },
          box, h(doc, 'span', { class: `cv-swatch ${c}`, 'aria-hidden': 'true' }), categoryLabel(c))),
      counts.get(c),
      densities.get(c),
    );
  });
  const sources = h(doc, 'div', { class: 'sources' });
  const translation = h(doc, 'div', { class: 'translation' });
  const language = h(doc, 'p', { class: 'language', hidden: true }, NOT_ENGLISH);
  const sourcesSection = h(doc, 'section', {}, h(doc, 'h3', {}, 'Sources'), sources);
  const translationSection = h(doc, 'section', {}, h(doc, 'h3', {}, 'Machine translation'), translation);
  const watched = h(doc, 'div', { class: 'watchlist' });
  const watchSection = h(doc, 'section', { class: 'watch' }, h(doc, 'h3', {}, 'Your watch-list'), watched);
  element.append(
    language,
    h(doc, 'table', { 'aria-label': 'Marks by category' },
      h(doc, 'thead', {}, h(doc, 'tr', {},
        h(doc, 'th', { scope: 'col' }, 'Show'), h(doc, 'th', { scope: 'col' }, 'Marks'), h(doc, 'th', { scope: 'col' }, 'per 1,000 words'))),
      h(doc, 'tbody', {}, rows)),
    sourcesSection,
    translationSection,
    watchSection,
  );

  /**
   * @param {{ report: import('../core/report.js').Report | null, marks: import('../core/report.js').Mark[], enabled: Record<string, boolean> }} state
   */
  function update({ report, marks, enabled }) {
    const words = report?.summary?.words ?? 0;
    for (const c of CATEGORIES) {
      const n = marks.filter((m) => m.category === c && !m.hidden).length;
      counts.get(c).textContent = String(n);
      densities.get(c).textContent = per1000(n, words);
      switches.get(c).checked = !!enabled[c];
    }
    // Not English: nothing was read, so no "No attributions found" and no likelihood.
    const other = notEnglish(report?.summary);
    language.hidden = !other;
    sourcesSection.hidden = other;
    translationSection.hidden = other;
    sources.replaceChildren(...(other ? [] : sourceLines(doc, report?.summary?.sources)));
    translation.replaceChildren(...(other ? [] : translationLines(doc, report?.summary)));
    watched.replaceChildren(...watchLines(doc, report?.summary, marks));
  }

  return { element, update, switches };
}

function sourceLines(doc, src) {
  if (!src || src.attributions === 0) return [h(doc, 'p', { class: 'cv-muted' }, 'No attributions found.')];
  const named = src.named ?? [];
  return [
    h(doc, 'p', { class: 'anonymous' }, `${src.anonymous} of ${src.attributions} attributions anonymous`),
    named.length
      ? h(doc, 'p', { class: 'named' }, `Quoted by name: ${named.join(', ')}`)
      : h(doc, 'p', { class: 'named cv-muted' }, 'No one is quoted by name.'),
  ];
}

/** Which of the reader's entries matched here, and how often (their marks carry the entry). */
function watchLines(doc, summary, marks) {
  if (summary?.counts?.watchlist === undefined) {
    return [h(doc, 'p', { class: 'cv-muted' }, "No watch-list: add your own phrases and /patterns/ in Caveat's settings.")];
  }
  const byEntry = new Map();
  for (const m of marks) if (m.category === 'watchlist' && !m.hidden) byEntry.set(m.entry, (byEntry.get(m.entry) ?? 0) + 1);
  if (!byEntry.size) return [h(doc, 'p', { class: 'cv-muted' }, 'None of your entries is on this page.')];
  return [h(doc, 'ul', { class: 'reasons', 'aria-label': 'Entries found' },
    [...byEntry].map(([entry, n]) => h(doc, 'li', {}, h(doc, 'code', {}, entry), ` — ${plural(n, 'mark')}`)))];
}

function translationLines(doc, summary) {
  const verdict = summary?.translation;
  const state = verdictState(summary);
  if (state === 'short') return [h(doc, 'p', { class: 'too-short' }, 'Too short to tell.')];
  const reasons = (verdict.reasons ?? []).slice(0, 3);
  const reasonList = reasons.length
    ? [h(doc, 'ul', { class: 'reasons', 'aria-label': 'Top reasons' }, reasons.map((r) => h(doc, 'li', {}, r)))]
    : [];
  // Without the model there is no likelihood to show, only what the marks say.
  if (state === 'unavailable') return [h(doc, 'p', { class: 'unavailable' }, VERDICT_UNAVAILABLE), ...reasonList];
  const pct = Math.round((verdict.likelihood ?? summary.translation_likelihood ?? 0) * 100);
  return [
    h(doc, 'p', {}, `Likelihood of machine translation: ${pct}%`),
    h(doc, 'div', {
      class: 'gauge',
      role: 'meter',
      'aria-label': 'Machine translation likelihood',
      'aria-valuemin': '0',
      'aria-valuemax': '100',
      'aria-valuenow': String(pct),
      'aria-valuetext': `${pct}%`,
    }, h(doc, 'span', { style: `width: ${pct}%` })),
    ...reasonList,
  ];
}
