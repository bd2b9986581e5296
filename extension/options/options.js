// @ts-check
/**
 * The options page: Caveat on/off, which pages are marked (articles only, every
 * page, only when asked), the
 * categories, the per-site rules and the never-mark list (each entry undoable),
 * and the keyboard shortcuts. Everything lives in the settings store (core/settings.js).
 */
import { MSG_RULES } from '../core/engine.js';
import { entryProblem } from '../core/watchlist.js';
import { adoptCss, h } from '../ui/dom.js';
import { categoryLabel } from '../ui/labels.js';
import { removeNeverMark, setCategoryEnabled, settingsFor } from '../core/settings.js';
import { THEME_CSS } from '../ui/theme.js';
import { createWatchlistEditor, WATCHLIST_EDITOR_CSS } from '../ui/watchlist-editor.js';

const api = globalThis.browser ?? globalThis.chrome;
/**
 * One of this page's own elements, by id: its inputs, buttons, tables and texts (any:
 * the page's HTML, not this script, says which element each id is).
 * @param {string} id
 * @returns {any}
 */
const $ = (id) => document.getElementById(id);
/** @param {string} selector @returns {NodeListOf<HTMLInputElement>} */
const inputs = (selector) => document.querySelectorAll(selector);
adoptCss(document, THEME_CSS);
adoptCss(document, WATCHLIST_EDITOR_CSS);

const store = settingsFor(api);
let ruleNames = new Map();

function renderSites(s) {
  const rows = Object.entries(s.sites).sort(([a], [b]) => a.localeCompare(b)).map(([site, rule]) => {
    const select = h(document, 'select', { 'aria-label': `Rule for ${site}` },
      h(document, 'option', { value: 'always' }, 'Always mark'),
      h(document, 'option', { value: 'never' }, 'Never mark'),
    );
    select.value = rule;
    select.addEventListener('change', () => store.update({ sites: { ...store.get().sites, [site]: select.value } }));
    const remove = h(document, 'button', {
      type: 'button',
      'aria-label': `Remove the rule for ${site}`,
      onclick: () => {
        const sites = { ...store.get().sites };
        delete sites[site];
        store.update({ sites });
      },
    }, 'Remove');
    return h(document, 'tr', {}, h(document, 'td', {}, site), h(document, 'td', {}, select), h(document, 'td', {}, remove));
  });
  $('sites').tBodies[0].replaceChildren(...rows);
  $('sites-empty').hidden = rows.length > 0;
}

function renderNeverMark(s) {
  const rows = s.neverMark.map((entry) => {
    const rule = `${categoryLabel(entry.category)}: ${ruleNames.get(entry.rule) ?? entry.rule}`;
    const undo = h(document, 'button', {
      type: 'button',
      'aria-label': `Mark it again: “${entry.phrase}”`,
      onclick: () => store.update(removeNeverMark(store.get(), entry)),
    }, 'Mark it again');
    const added = entry.added ? new Date(entry.added).toLocaleDateString() : '';
    return h(document, 'tr', {},
      h(document, 'td', {}, `“${entry.phrase}”`), h(document, 'td', {}, rule), h(document, 'td', {}, added), h(document, 'td', {}, undo));
  });
  $('never').tBodies[0].replaceChildren(...rows);
  $('never-empty').hidden = rows.length > 0;
}

function render() {
  const s = store.get();
  $('enabled').checked = s.enabled;
  for (const radio of inputs('input[name="run"]')) radio.checked = radio.value === s.mode;
  for (const box of inputs('input[data-category]')) box.checked = s.categories[box.dataset.category];
  renderSites(s);
  renderNeverMark(s);
}

async function renderShortcuts() {
  const commands = (await api.commands?.getAll?.()) ?? [];
  $('keys').replaceChildren(
    ...commands
      .filter((c) => c.description)
      .map((c) => h(document, 'li', {}, c.shortcut ? h(document, 'kbd', {}, c.shortcut) : 'not set', ` ${c.description}`)),
  );
}

async function loadRuleNames() {
  const reply = await api.runtime.sendMessage({ type: MSG_RULES }).catch(() => null);
  if (reply?.ok) ruleNames = new Map(reply.value.map((r) => [r.id, r.name]));
}

async function main() {
  $('enabled').addEventListener('change', (e) => store.update({ enabled: /** @type {HTMLInputElement} */ (e.target).checked }));
  for (const radio of inputs('input[name="run"]')) {
    radio.addEventListener('change', () => store.update({ mode: radio.value }));
  }
  for (const box of inputs('input[data-category]')) {
    box.addEventListener('change', () => store.update(setCategoryEnabled(store.get(), box.dataset.category, box.checked)));
  }
  await Promise.all([store.ready, loadRuleNames(), renderShortcuts()]);
  // The reader's watch-list: a pattern is checked by the watch-list's own Wasm module
  // (loaded here when the first entry is checked).
  const editor = createWatchlistEditor({ doc: document, store, check: (pattern) => entryProblem(pattern) });
  $('watchlist').append(
    h(document, 'h2', { id: 'watchlist-title' }, 'Watch-list'),
    h(document, 'p', { class: 'cv-muted' },
      'Your own phrases and patterns, marked on every page with a double underline: talking points you track, ' +
      'loaded words, phrasings to avoid, a term you follow across sources.'),
    editor.element,
  );
  render();
  store.subscribe(render);
  document.documentElement.dataset.ready = 'true';
}

main().catch((e) => {
  console.error('Caveat settings failed to load', e);
});
