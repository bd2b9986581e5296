// @ts-check
/**
 * The reader's watch-list as data (no Wasm): its entries, their limits and what they
 * cost in storage. Shared by the settings (core/settings.js), the editor and the engine
 * (core/watchlist.js), so that contexts which only read or edit the list (the popup,
 * the options page before a pattern is checked) never load the watch-list's module.
 */

/** Limits on what is kept. */
export const MAX_ENTRIES = 500;
export const MAX_PATTERN = 500;
export const MAX_NOTE = 500;
/**
 * storage.sync allows 8,192 bytes per item (its key and its value as JSON): a list
 * over this is kept in storage.local on this device (core/settings.js) and the settings
 * page says so.
 */
export const SYNC_ITEM_BYTES = 8192;

/** Whether an entry is a `/pattern/` (else a phrase). */
export const isPattern = (pattern) => {
  const p = String(pattern).trim();
  return p.length >= 2 && p.startsWith('/') && p.endsWith('/');
};

/** A clean list from whatever storage held (malformed entries dropped, lengths capped). */
export function normalizeWatchlist(raw) {
  if (!Array.isArray(raw)) return [];
  const out = [];
  for (const e of raw) {
    if (!e || typeof e.pattern !== 'string') continue;
    const pattern = e.pattern.trim().slice(0, MAX_PATTERN);
    if (!pattern) continue;
    out.push({ pattern, note: typeof e.note === 'string' ? e.note.trim().slice(0, MAX_NOTE) : '' });
    if (out.length >= MAX_ENTRIES) break;
  }
  return out;
}

/** Bytes the list takes in storage.sync (key + JSON value, as the browser counts). */
export function syncBytes(list, key = 'watchlist') {
  return new TextEncoder().encode(key + JSON.stringify(list)).length;
}
