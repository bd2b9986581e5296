/**
 * The playground: the same Wasm core, mark layer and reading UI (card, summary,
 * toggles, mark list, export: extension/ui, served as ext/ui) as the extension,
 * on a text area. Settings live in memory here.
 *   loadInitialText()  → the seed article when served beside ../shared, else example.txt
 *   renderMarked()     → one text node + the mark layer (ext/page/marks.js)
 *   readDroppedFile()  → a dropped or opened .txt / .html file's text
 */
import { createEngine, localBackend } from './ext/core/engine.js';
import { entryProblem, localWatch, withWatchlist } from './ext/core/watchlist.js';
import { adoptCss } from './ext/ui/dom.js';
import { createMarkLayer } from './ext/page/marks.js';
import { TextMap } from './ext/page/text-map.js';
import { createReadingUi } from './ext/ui/reading-ui.js';
import { createSettingsStore, memoryBackend } from './ext/core/settings.js';
import { THEME_CSS } from './ext/ui/theme.js';
import { createWatchlistEditor, WATCHLIST_EDITOR_CSS } from './ext/ui/watchlist-editor.js';
import { textOfHtml } from './html-text.js';

const DEBOUNCE_MS = 150;
const $ = (id) => document.getElementById(id);

async function loadInitialText() {
  for (const [url, label] of [
    ['seed-article.txt', 'seed article'],
    ['example.txt', 'built-in example'],
  ]) {
    try {
      const res = await fetch(url);
      // The server answers 204 for the seed article when ../shared is absent.
      const text = res.ok ? await res.text() : '';
      if (text.trim()) return { text, label };
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

/** A dropped or chosen file's text: HTML files are reduced to their article text. */
export async function readDroppedFile(file) {
  const raw = await file.text();
  const html = /\.html?$/i.test(file.name) || file.type === 'text/html';
  return html ? textOfHtml(raw) : raw;
}

function acceptFiles(onFile) {
  const drop = $('drop');
  let depth = 0;
  const hasFiles = (e) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    drop.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) drop.hidden = true;
  });
  document.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    drop.hidden = true;
    const [file] = e.dataTransfer.files;
    if (file) onFile(file);
  });
  $('file').addEventListener('change', (e) => {
    const [file] = e.target.files;
    if (file) onFile(file);
  });
}

async function main() {
  const textarea = $('text');
  const marked = $('marked');
  const status = $('status');
  // The reader's watch-list, as in the extension: its module loads with the first entry.
  const engine = withWatchlist(createEngine(localBackend()), localWatch());
  const layer = createMarkLayer({ doc: document });

  const [{ text, label }, rules] = await Promise.all([loadInitialText(), engine.rules()]);
  const settings = createSettingsStore(memoryBackend());
  await settings.ready;
  createReadingUi({
    doc: document,
    layer,
    rules,
    settings,
    scroller: marked,
    inline: $('summary'),
    page: () => ({ url: location.href, title: `Playground: ${$('source').textContent.replace(/[()]/g, '') || 'text'}` }),
  });
  adoptCss(document, THEME_CSS + WATCHLIST_EDITOR_CSS);
  const editor = createWatchlistEditor({ doc: document, store: settings, check: (p) => entryProblem(p), sync: false });
  $('watchlist').append(editor.element);
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
    const ms = performance.now() - t0;
    status.textContent = `${report.annotations.length} marks · ${report.summary.words} words · ${ms.toFixed(1)} ms`;
    document.documentElement.dataset.caveatReady = String(mine);
  }

  settings.subscribe((s) => {
    if (engine.setEntries(s.watchlist)) update();
  });

  let timer = 0;
  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  });
  acceptFiles(async (file) => {
    textarea.value = await readDroppedFile(file);
    $('source').textContent = `(${file.name})`;
    await update();
  });
  await update();
}

main().catch((e) => {
  $('status').textContent = `Caveat could not start: ${e.message}`;
  console.error(e);
});
