// @ts-check
// Caveat's background (a service worker in Chromium, an event page in Firefox).
// It runs the same Wasm core for content scripts that cannot compile Wasm
// themselves (Chromium applies the page's CSP to them), and routes the keyboard
// commands (manifest `commands`) to the active tab's content script.
import { answer, createEngine, fromThisExtension, localBackend, modelStatus } from './core/engine.js';
import { answerWatch, localWatch } from './core/watchlist.js';
import { MSG_COMMAND, sendToTab } from './core/messages.js';

const api = globalThis.browser ?? globalThis.chrome;
// The Wasm and its models (wasm/<name>.bin) are fetched from beside core/engine.js
// when the first message needs them.
const engine = createEngine(localBackend());
// The reader's watch-list for the same pages (core/watchlist.js); its module is
// fetched when the first such page asks.
const watch = localWatch();

/** Send a command to a tab (the active one of the current window when none is given). */
async function routeCommand(command, tab) {
  const id = tab?.id ?? (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return null;
  return sendToTab(api, id, { type: MSG_COMMAND, command });
}

// Diagnostics (and the e2e tests): how often the core actually ran here, which models
// it has; the command router.
globalThis.caveatBackground = {
  get analyses() {
    return engine.analyses;
  },
  modelStatus,
  routeCommand,
};

api.commands?.onCommand.addListener((command, tab) => {
  routeCommand(command, tab);
});

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own content scripts and pages may ask; `answer` validates the message
  // (type, fields, text type and size) and replies with an error saying what is
  // wrong; messages that are not ours are left to other listeners.
  if (!fromThisExtension(sender, api.runtime)) return false;
  const reply = answer(engine, message) ?? answerWatch(watch, message);
  if (!reply) return false;
  reply.then(sendResponse);
  return true; // the reply is sent asynchronously
});
