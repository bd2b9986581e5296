// @ts-check
/**
 * Whether Caveat runs on this page, decided in the content script before any
 * work: off everywhere, off for this site, "only when asked", or (the default
 * mode, "articles only") a page that is not an article (page/page-kind.js) keep it
 * idle (nothing collected, nothing analysed, nothing drawn). A site rule wins over
 * the mode and the decision. A page found not to be an article is looked at again
 * when it changes (a single-page app renders its story after loading, or navigates
 * to one), at most every RECHECK_MS. It keeps listening, so
 * changes from the popup or the options page apply to open tabs at once: turned
 * on, the page is marked; turned off, its marks and UI go away. It also answers
 * the popup and carries out the keyboard commands the background routes here.
 *
 * The content script's controller, above both the page work (page/) and the reading
 * UI (ui/), which know nothing of each other: it starts `page/main.js` and hands it
 * the UI to mount (`mountUi`), so the layers depend one way (DESIGN.md).
 *
 * Started by content/caveat.js (the content script): `init(api, { settings, kind, startOptions })`
 * (`settings`: the stored settings, already asked for by content/boot.js; `kind()`: this
 * page's pageKind() if content/caveat.js has made it already, else null); `page/main.js`
 * `start(api, { ...startOptions, mountUi })` does the work.
 */
import { COMMANDS, MSG_COMMAND, MSG_RUN, MSG_STATUS } from '../core/messages.js';
import { decidesByKind, settingsFor, shouldRun, siteEnabled, siteOf } from '../core/settings.js';
import { start } from '../page/main.js';
import { explain, pageKind } from '../page/page-kind.js';
import { lap } from '../page/timings.js';
import { createReadingUi } from '../ui/reading-ui.js';

const RECHECK_MS = 1500;

/**
 * The reading UI (ui/reading-ui.js: hover card, sidebar, keyboard navigation) over a
 * marked page's layer; page/main.js calls it once the first marks are drawn.
 *   api    the WebExtension API object (browser ?? chrome)
 *   layer  the mark layer (page/marks.js): marks, toggles, hit-testing
 *   rules  every rule's docs: [{ id, category, name, message, why, example, strength }]
 */
export function mountUi({ api, doc, layer, rules }) {
  return createReadingUi({ doc, layer, rules, settings: settingsFor(api) });
}

/**
 * The document whose kind decides: a same-origin frame is part of its top page (a
 * live blog's fact box, a srcdoc embed), so it follows the top page's decision.
 */
function decidingDocument(win) {
  try {
    return win.top.document ?? win.document;
  } catch {
    return win.document;
  }
}

/**
 * @param {any} api the WebExtension API object (browser ?? chrome)
 * @param {object} [options]
 * @param {Window & typeof globalThis} [options.win]
 * @param {Promise<object> | null} [options.settings]
 * @param {(() => ReturnType<typeof pageKind> | null) | null} [options.kind]
 * @param {import('../page/main.js').StartOptions} [options.startOptions]
 * @param {() => Promise<any>} [options.startPage]
 */
export async function init(api, { win = window, settings = null, kind: decidedAhead = null, startOptions, startPage = () => start(api, { ...startOptions, mountUi }) } = {}) {
  const store = settingsFor(api, { preloaded: settings });
  await store.ready;
  lap('settingsRead');
  const site = siteOf(win.location);
  const top = win === win.top;
  let asked = false;
  let state = null;
  let following = true; // page/main.js observes the page once it is marked
  let kind = null; // the page-kind decision, made when it matters
  let watcher = null;
  const decide = () => {
    if (!kind) {
      // The first one content/caveat.js may have made already (`decidedAhead()`).
      kind = decidedAhead?.() ?? pageKind(decidingDocument(win));
      decidedAhead = null;
      lap('kindDecided');
    }
    return kind;
  };

  const wanted = () => {
    const s = store.get();
    return s.enabled && (asked || shouldRun(s, site, () => decide().article));
  };

  // Not an article (yet): look again when the page has changed, at most every RECHECK_MS.
  function watchKind() {
    const waiting = !state && decidesByKind(store.get(), site) && kind && !kind.article && !asked;
    if (!waiting) {
      watcher?.disconnect();
      watcher = null;
      return;
    }
    if (watcher || typeof win.MutationObserver !== 'function') return;
    let timer = 0;
    let last = 0;
    watcher = new win.MutationObserver(() => {
      if (timer) return;
      timer = win.setTimeout(() => {
        timer = 0;
        last = win.performance.now();
        kind = null;
        apply();
      }, Math.max(200, last + RECHECK_MS - win.performance.now()));
    });
    watcher.observe(win.document, { childList: true, subtree: true });
  }

  async function apply() {
    const on = wanted();
    watchKind();
    if (on && !state) {
      state = Promise.resolve()
        .then(startPage)
        .catch((e) => {
          console.error('Caveat could not mark this page:', e);
          return null;
        });
    }
    const page = await state;
    const active = wanted();
    page?.ui?.setActive(active);
    // Turned off, the page's changes are no longer followed (nothing would show);
    // turned back on, it is brought up to date (the cache answers for what is unchanged).
    if (page?.pipeline && active !== following) {
      following = active;
      if (active) {
        page.pipeline.observe();
        page.pipeline.run();
      } else {
        page.pipeline.stop();
      }
    }
    return page;
  }

  async function status() {
    const s = store.get();
    const page = state ? await state : null;
    const running = !!page?.ui?.active && wanted();
    const counts = running ? {} : null;
    if (running) for (const m of page.layer.visibleMarks()) counts[m.category] = (counts[m.category] ?? 0) + 1;
    const k = decide();
    const article = { article: k.article, why: explain(k) };
    // The analysed text's language ("en", or "other": Caveat reads English only).
    const language = running ? (page.layer.report()?.summary?.language ?? null) : null;
    return {
      site, enabled: s.enabled, siteEnabled: siteEnabled(s, site), rule: s.sites[site] ?? null, mode: s.mode, ...article, running, counts, language,
    };
  }

  async function command(name) {
    if (!COMMANDS.includes(name) && name !== 'open-sidebar') return;
    if (!store.get().enabled) return;
    asked = true; // a shortcut or the popup's button is asking for this page
    const ui = (await apply())?.ui;
    if (!ui) return;
    if (name === 'toggle-sidebar') ui.toggleSidebar({ focus: true });
    else if (name === 'open-sidebar') ui.openSidebar({ focus: true });
    else if (name === 'next-mark') ui.nextMark();
    else ui.previousMark();
  }

  async function handle(message) {
    if (message.type === MSG_RUN) {
      asked = true;
      await apply();
    } else if (message.type === MSG_COMMAND) {
      await command(message.command);
    } else if (message.type !== MSG_STATUS) {
      return undefined;
    }
    return status();
  }

  store.subscribe(() => apply());
  if (top) {
    api.runtime.onMessage.addListener((message, sender, sendResponse) => {
      // Only our own popup and background may ask.
      if (sender?.id !== api.runtime.id || typeof message?.type !== 'string') return false;
      if (![MSG_STATUS, MSG_RUN, MSG_COMMAND].includes(message.type)) return false;
      handle(message).then(sendResponse, () => sendResponse(null));
      return true;
    });
  }
  await apply();
}
