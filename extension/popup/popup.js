// @ts-check
/**
 * The toolbar popup: Caveat on/off everywhere, on/off for this site, the three
 * categories, and the way to the sidebar. On a page that is not an article (in the
 * default "articles only" mode) it says so, and why, and offers *Mark this page*
 * (now, this page) and *Always on this site* (a site rule). Settings changes go to storage, and
 * every open tab applies them at once (storage.onChanged). The popup learns the
 * active tab's site by asking its content script (no `tabs` permission).
 */
import { adoptCss } from '../ui/dom.js';
import { MSG_COMMAND, MSG_RUN, MSG_STATUS, sendToTab } from '../core/messages.js';
import { NOT_ENGLISH, plural } from '../ui/labels.js';
import { setCategoryEnabled, setSiteAlways, setSiteEnabled, settingsFor, siteEnabled } from '../core/settings.js';
import { THEME_CSS } from '../ui/theme.js';

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

const store = settingsFor(api);
let tabId;
let status = null;

const NOT_AN_ARTICLE = 'Not an article — Caveat marks news and other articles.';

/** Whether this page is left alone because it is not an article ("articles only", no site rule). */
function notAnArticle(s) {
  return !!status && s.enabled && !status.running && s.mode === 'articles' && !s.sites[status.site] && status.article === false;
}

function describe(s) {
  if (!status) return "Caveat can't run on this page (browser pages, the extension store and files are off limits).";
  if (!s.enabled) return 'Caveat is off.';
  if (status.running) {
    if (status.language === 'other') return NOT_ENGLISH;
    const n = Object.values(status.counts ?? {}).reduce((a, b) => a + b, 0);
    return `${plural(n, 'mark')} on this page.`;
  }
  if (!siteEnabled(s, status.site)) return s.mode === 'ask' ? 'Caveat marks pages only when you ask.' : `Off for ${status.site}.`;
  if (notAnArticle(s)) return NOT_AN_ARTICLE;
  return 'Nothing to mark on this page.';
}

function render() {
  const s = store.get();
  $('enabled').checked = s.enabled;
  const site = $('site');
  site.disabled = !status || !s.enabled;
  site.checked = !!status?.site && siteEnabled(s, status.site);
  $('site-label').textContent = status?.site ? `On for ${status.site}` : 'On for this site';
  for (const box of inputs('input[data-category]')) {
    box.checked = s.categories[box.dataset.category];
    box.disabled = !s.enabled;
  }
  for (const count of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-count]'))) {
    const n = status?.running ? (status.counts?.[count.dataset.count] ?? 0) : null;
    count.textContent = n === null ? '' : plural(n, 'mark');
  }
  $('run').hidden = !status || !s.enabled || status.running;
  const other = notAnArticle(s);
  $('always').hidden = !other;
  $('open-sidebar').disabled = !status || !s.enabled;
  $('page-status').textContent = describe(s);
  $('page-status').classList.toggle('not-article', other);
  $('page-why').hidden = !other || !status.why;
  $('page-why').textContent = other && status.why ? `Why: ${status.why}.` : '';
}

async function refresh() {
  status = tabId === undefined ? null : await sendToTab(api, tabId, { type: MSG_STATUS });
  render();
}

async function main() {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  tabId = tab?.id;
  await store.ready;
  await refresh();
  // A change (here, or elsewhere) reaches the tab through storage; ask it again once it has applied.
  store.subscribe(() => {
    render();
    setTimeout(refresh, 50);
  });

  $('enabled').addEventListener('change', (e) => store.update({ enabled: /** @type {HTMLInputElement} */ (e.target).checked }));
  $('site').addEventListener('change', (e) => {
    if (status?.site) store.update(setSiteEnabled(store.get(), status.site, /** @type {HTMLInputElement} */ (e.target).checked));
  });
  for (const box of inputs('input[data-category]')) {
    box.addEventListener('change', () => store.update(setCategoryEnabled(store.get(), box.dataset.category, box.checked)));
  }
  $('run').addEventListener('click', async () => {
    status = await sendToTab(api, tabId, { type: MSG_RUN });
    render();
  });
  $('always').addEventListener('click', async () => {
    if (!status?.site) return;
    await store.update(setSiteAlways(store.get(), status.site));
    setTimeout(refresh, 50);
  });
  $('open-sidebar').addEventListener('click', async () => {
    await sendToTab(api, tabId, { type: MSG_COMMAND, command: 'open-sidebar' });
    window.close();
  });
  $('options').addEventListener('click', () => {
    api.runtime.openOptionsPage();
    window.close();
  });
}

main().catch((e) => {
  $('page-status').textContent = `Caveat's popup failed: ${e.message}`;
  console.error(e);
});
