/**
 * The playground: the same Wasm core and mark layer as the extension, on a text
 * area. The pieces are separate so the shared UI modules (issue 7) can replace
 * the legend, the summary or the card one at a time:
 *   loadInitialText()  → the seed article when served beside ../shared, else example.txt
 *   renderMarked()     → one text node + the mark layer (ext/page/marks.js)
 *   renderSummary()    → the summary panel
 */
import { createEngine, localBackend } from './ext/core/engine.js';
import { CATEGORIES, createMarkLayer } from './ext/page/marks.js';
import { createMiniCard } from './ext/page/mini-card.js';
import { TextMap } from './ext/page/text-map.js';

const DEBOUNCE_MS = 150;
const $ = (id) => document.getElementById(id);

async function loadInitialText() {
  for (const [url, label] of [
    ['seed-article.txt', 'seed article'],
    ['example.txt', 'built-in example'],
  ]) {
    try {
      const res = await fetch(url);
      if (res.ok) return { text: await res.text(), label };
    } catch {
      // try the next one
    }
  }
  return { text: '', label: '' };
}

function renderMarked(layer, container, text, report) {
  const node = document.createTextNode(text);
  container.replaceChildren(node);
  layer.setReport(report, TextMap.ofTextNode(node));
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function renderSummary(container, summary) {
  const dl = el('dl');
  const row = (k, v) => dl.append(el('dt', k), el('dd', String(v)));
  row('Words', summary.words);
  const per1000 = (n) => (summary.words ? ((n * 1000) / summary.words).toFixed(1) : '0');
  for (const c of CATEGORIES) row(c[0].toUpperCase() + c.slice(1), `${summary.counts[c]}  (${per1000(summary.counts[c])} / 1,000 words)`);
  const parts = [dl];

  const src = summary.sources;
  if (src) {
    parts.push(el('h3', 'Sources'));
    parts.push(el('div', `${src.anonymous} of ${src.attributions} attributions anonymous`));
    if (src.named.length) parts.push(el('div', `Quoted by name: ${src.named.join(', ')}`));
  }

  const tr = summary.translation;
  parts.push(el('h3', 'Machine translation'));
  if (tr?.too_short) {
    parts.push(el('div', 'Too short to tell'));
  } else {
    const pct = Math.round((summary.translation_likelihood ?? 0) * 100);
    const gauge = el('div', undefined, 'gauge');
    const fill = el('div');
    fill.style.width = `${pct}%`;
    gauge.append(fill);
    gauge.setAttribute('role', 'meter');
    gauge.setAttribute('aria-valuenow', String(pct));
    gauge.setAttribute('aria-valuemin', '0');
    gauge.setAttribute('aria-valuemax', '100');
    gauge.setAttribute('aria-label', 'Machine translation likelihood');
    parts.push(el('div', `Likelihood ${pct}%`), gauge);
    if (tr?.reasons?.length) {
      const ul = el('ul');
      for (const r of tr.reasons) ul.append(el('li', r));
      parts.push(ul);
    }
  }
  container.replaceChildren(...parts);
}

function renderLegend(container, layer) {
  const labels = CATEGORIES.map((c) => {
    const box = el('input');
    box.type = 'checkbox';
    box.checked = layer.isCategoryEnabled(c);
    box.addEventListener('change', () => layer.setCategoryEnabled(c, box.checked));
    const label = el('label');
    label.append(box, el('span', undefined, `swatch ${c}`), el('span', c));
    return label;
  });
  container.replaceChildren(...labels);
}

async function main() {
  const textarea = $('text');
  const marked = $('marked');
  const status = $('status');
  const engine = createEngine(localBackend());
  const layer = createMarkLayer({ doc: document });
  renderLegend($('legend'), layer);

  const [{ text, label }, rules] = await Promise.all([loadInitialText(), engine.rules()]);
  createMiniCard(layer, { doc: document, rules });
  textarea.value = text;
  $('source').textContent = label ? `(${label})` : '';

  let generation = 0;
  async function update() {
    const mine = ++generation;
    const value = textarea.value;
    const t0 = performance.now();
    const report = await engine.analyze(value);
    if (mine !== generation) return; // a newer edit won
    renderMarked(layer, marked, value, report);
    renderSummary($('summary'), report.summary);
    const ms = performance.now() - t0;
    status.textContent = `${report.annotations.length} marks · ${ms.toFixed(1)} ms`;
    document.documentElement.dataset.caveatReady = String(mine);
  }

  let timer = 0;
  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  });
  await update();
}

main().catch((e) => {
  $('status').textContent = `Caveat could not start: ${e.message}`;
  console.error(e);
});
