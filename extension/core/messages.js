// @ts-check
/**
 * Messages between the popup / background and a tab's content script (sent with
 * tabs.sendMessage to frame 0, which needs no permission).
 *
 *   { type: MSG_STATUS }                 → status (below)
 *   { type: MSG_RUN }                    mark this page now ("only when asked", or not an article) → status
 *   { type: MSG_COMMAND, command }       'toggle-sidebar' | 'open-sidebar' | 'next-mark' | 'previous-mark' → status
 *
 *   status: { site, enabled, siteEnabled, rule: 'always' | 'never' | null, mode, article, why,
 *             running, counts: { hedging, … } | null }
 *   (article: the page-kind decision, page/page-kind.js; why: its reasons in a phrase)
 */
export const MSG_STATUS = 'caveat/page/status';
export const MSG_RUN = 'caveat/page/run';
export const MSG_COMMAND = 'caveat/page/command';

/** The manifest's `commands` that the content script carries out. */
export const COMMANDS = Object.freeze(['toggle-sidebar', 'next-mark', 'previous-mark']);

/** Send a message to a tab's top frame; resolves to the reply, or null when no content script answers. */
export async function sendToTab(api, tabId, message) {
  try {
    return (await api.tabs.sendMessage(tabId, message, { frameId: 0 })) ?? null;
  } catch {
    return null; // a page Caveat cannot run on (browser pages, the web store, a PDF)
  }
}
