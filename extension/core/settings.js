// @ts-check
/**
 * The reader's settings, kept in storage.sync (storage.local where sync is
 * unavailable) so every tab, the popup and the options page share them:
 *
 *   enabled      Caveat on or off everywhere
 *   mode         'articles': mark the pages that are articles as they load (page/page-kind.js
 *                decides; the default); 'all': every page; 'ask': only when asked (popup,
 *                shortcut). Settings saved before there were three modes hold `autoRun`
 *                instead: true (marked every page, the default then) becomes 'articles',
 *                the new default; false becomes 'ask'.
 *   categories   { hedging, sourcing, translation }: which categories are drawn
 *   sites        { 'example.com': 'always' | 'never' }: per-site rules, over the mode and
 *                over the page-kind decision
 *   neverMark    [{ rule, phrase, category, added }]: "Don't mark this phrase again"
 *   watchlist    [{ pattern, note }]: the reader's own phrases and /patterns/, marked as the
 *                fourth category (core/watchlist.js). A list too big for storage.sync's
 *                8 KB per item is kept in storage.local on this device (storageBackend)
 *
 * The pure helpers below compute patches; a store applies them locally at once
 * (the UI reacts immediately) and persists them; other contexts hear of them
 * through storage.onChanged.
 */
import { CATEGORIES } from './categories.js';
import { normalizeWatchlist, SYNC_ITEM_BYTES, syncBytes } from './watchlist-entries.js';

const KEYS = ['enabled', 'mode', 'autoRun', 'categories', 'sites', 'neverMark', 'watchlist'];
export const MODES = Object.freeze(['articles', 'all', 'ask']);
/** Phrases longer than this are cut: the list must fit storage.sync's 8 KB per item. */
const MAX_PHRASE = 120;
export const MAX_NEVER_MARK = 150;

export function defaultSettings() {
  return {
    enabled: true,
    mode: 'articles',
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])),
    sites: {},
    neverMark: [],
    watchlist: [],
  };
}

/** A clean settings object from whatever storage held (unknown or malformed values dropped). */
export function normalizeSettings(raw = {}) {
  const s = defaultSettings();
  if (typeof raw.enabled === 'boolean') s.enabled = raw.enabled;
  if (MODES.includes(raw.mode)) s.mode = raw.mode;
  else if (raw.autoRun === false) s.mode = 'ask'; // saved before the three modes
  for (const c of CATEGORIES) if (typeof raw.categories?.[c] === 'boolean') s.categories[c] = raw.categories[c];
  for (const [site, rule] of Object.entries(raw.sites ?? {})) {
    if (rule === 'always' || rule === 'never') s.sites[site] = rule;
  }
  if (Array.isArray(raw.neverMark)) {
    s.neverMark = raw.neverMark
      .filter((e) => e && typeof e.rule === 'string' && typeof e.phrase === 'string' && e.phrase)
      .map((e) => ({ rule: e.rule, phrase: e.phrase, category: String(e.category ?? ''), added: String(e.added ?? '') }));
  }
  s.watchlist = normalizeWatchlist(raw.watchlist);
  return s;
}

/** Stored settings from before the three modes (`autoRun` only) with their mode spelled out. */
export function migrateSettings(raw) {
  if (!raw || typeof raw !== 'object' || MODES.includes(raw.mode) || typeof raw.autoRun !== 'boolean') return raw;
  return { ...raw, mode: raw.autoRun ? 'articles' : 'ask' };
}

/** The site a settings rule is about: the host name without "www.". */
export function siteOf(location) {
  const host = String(location?.hostname ?? '').toLowerCase();
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** Whether Caveat works on this site without being asked (in 'articles' mode: on its articles). */
export function siteEnabled(settings, site) {
  const rule = settings.sites[site];
  if (rule) return rule === 'always';
  return settings.mode !== 'ask';
}

/**
 * Whether Caveat runs on a page of `site` as it loads. Global off wins over
 * everything; a site rule wins over the mode and the page-kind decision;
 * `isArticle()` is asked only when the decision matters ('articles' mode, no rule).
 */
export function shouldRun(settings, site, isArticle = () => true) {
  if (!settings.enabled) return false;
  const rule = settings.sites[site];
  if (rule) return rule === 'always';
  return settings.mode === 'all' || (settings.mode === 'articles' && !!isArticle());
}

/** Whether the page-kind decision is what decides for `site` (so it is worth making). */
export function decidesByKind(settings, site) {
  return settings.enabled && !settings.sites[site] && settings.mode === 'articles';
}

/** Patch: turn this site on or off; a choice equal to the default removes the rule. */
export function setSiteEnabled(settings, site, on) {
  const sites = { ...settings.sites };
  if (on === (settings.mode !== 'ask')) delete sites[site];
  else sites[site] = on ? 'always' : 'never';
  return { sites };
}

/** Patch: mark every page of this site, articles or not ("Always on this site"). */
export function setSiteAlways(settings, site) {
  return { sites: { ...settings.sites, [site]: 'always' } };
}

export function setCategoryEnabled(settings, category, on) {
  return { categories: { ...settings.categories, [category]: !!on } };
}

/** How a phrase is compared: case and spacing do not matter. */
export function phraseKey(text) {
  return String(text).replace(/\s+/g, ' ').trim().toLowerCase().slice(0, MAX_PHRASE);
}

export function isNeverMarked(settings, mark) {
  if (settings.neverMark.length === 0) return false; // asked of every mark of a page: the usual answer, at once
  const key = phraseKey(mark.text);
  return settings.neverMark.some((e) => e.rule === mark.rule && e.phrase === key);
}

/** Patch: never mark this phrase with this rule again (newest first, oldest dropped past the cap). */
export function addNeverMark(settings, mark, now = new Date()) {
  const entry = { rule: mark.rule, phrase: phraseKey(mark.text), category: mark.category, added: now.toISOString() };
  const rest = settings.neverMark.filter((e) => !(e.rule === entry.rule && e.phrase === entry.phrase));
  return { neverMark: [entry, ...rest].slice(0, MAX_NEVER_MARK) };
}

/** Patch: undo a "never mark" entry. */
export function removeNeverMark(settings, entry) {
  return { neverMark: settings.neverMark.filter((e) => !(e.rule === entry.rule && e.phrase === entry.phrase)) };
}

/**
 * A store over a backend ({ load(), save(patch), watch(fn) }):
 *   store.get()  store.update(patch) → Promise  store.subscribe(fn) → unsubscribe  store.ready
 */
export function createSettingsStore(backend) {
  let settings = defaultSettings();
  const listeners = new Set();
  const notify = () => {
    for (const fn of listeners) {
      try {
        fn(settings);
      } catch (e) {
        console.error('Caveat: a settings listener failed', e);
      }
    }
  };
  const merge = (patch) => {
    settings = normalizeSettings({ ...settings, ...patch });
    notify();
  };
  const ready = backend.load().then(
    (raw) => merge(migrateSettings(raw)),
    () => {}, // unreadable storage: run on the defaults
  );
  backend.watch?.((patch) => merge(migrateSettings(patch)));
  return {
    ready,
    get: () => settings,
    update(patch) {
      merge(patch);
      // The change already applies here; a storage failure only means it will not last.
      return backend.save(patch).catch((e) => console.error('Caveat could not save its settings:', e));
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

/**
 * storage.sync, or storage.local where sync is missing or refuses. A watch-list over
 * sync's 8 KB per item is kept in storage.local instead (where it wins over sync's
 * older copy, on this device only) until it fits again: nothing is lost, and the
 * settings page says so. `preloaded`: the sync area's items, already asked for
 * (content/boot.js asks before the content script's bundle is even compiled); the
 * first load uses them.
 */
export function storageBackend(api, preloaded = null) {
  const areas = api?.storage;
  let areaName = areas?.sync ? 'sync' : 'local';
  const area = () => areas[areaName];
  const localWatchlist = async () => {
    try {
      return (await areas.local.get('watchlist'))?.watchlist;
    } catch {
      return undefined;
    }
  };
  return {
    async load() {
      let got;
      try {
        const early = areaName === 'sync' ? preloaded : null;
        preloaded = null;
        if (early) {
          const items = await early;
          got = Object.fromEntries(KEYS.filter((k) => items && k in items).map((k) => [k, items[k]]));
        } else {
          got = await area().get(KEYS);
        }
      } catch {
        areaName = 'local'; // sync disabled (e.g. by policy)
        return area().get(KEYS);
      }
      if (areaName === 'sync') {
        const kept = await localWatchlist();
        if (Array.isArray(kept)) got = { ...got, watchlist: kept };
      }
      return got;
    },
    async save(patch) {
      if (areaName === 'sync' && 'watchlist' in patch) {
        const { watchlist, ...rest } = patch;
        if (syncBytes(watchlist) > SYNC_ITEM_BYTES) {
          await areas.local.set({ watchlist });
        } else {
          try {
            await areas.sync.set({ watchlist });
            await areas.local.remove('watchlist');
          } catch {
            await areas.local.set({ watchlist }); // sync's total quota: keep it here
          }
        }
        if (!Object.keys(rest).length) return;
        patch = rest;
      }
      try {
        await area().set(patch);
      } catch (e) {
        if (areaName === 'local') throw e;
        areaName = 'local'; // over the sync quota: keep working locally
        await area().set({ ...(await areas.sync.get(KEYS)), ...patch });
      }
    },
    watch(fn) {
      areas?.onChanged?.addListener((changes, name) => {
        // A watch-list kept on this device (too big to sync) changes in storage.local.
        if (name === 'local' && areaName === 'sync' && Array.isArray(changes.watchlist?.newValue)) {
          fn({ watchlist: changes.watchlist.newValue });
          return;
        }
        if (name !== areaName) return;
        const patch = {};
        for (const key of KEYS) if (key in changes) patch[key] = changes[key].newValue;
        if (Object.keys(patch).length) fn(patch);
      });
    },
    get area() {
      return areaName;
    },
  };
}

/** Settings kept in memory (the playground, tests). */
export function memoryBackend(initial = {}) {
  return { load: async () => initial, save: async () => {} };
}

const stores = new WeakMap();

/** The one settings store of this context for `api` (`preloaded`: see storageBackend). */
export function settingsFor(api, { preloaded = null } = {}) {
  let store = stores.get(api);
  if (!store) stores.set(api, (store = createSettingsStore(storageBackend(api, preloaded))));
  return store;
}
