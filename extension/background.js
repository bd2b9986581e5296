// Caveat's background (a service worker in Chromium, an event page in Firefox).
// It runs the same Wasm core for content scripts that cannot compile Wasm
// themselves (Chromium applies the page's CSP to them). Text in, report out.
import { answer, createEngine, fromThisExtension, localBackend } from './core/engine.js';

const api = globalThis.browser ?? globalThis.chrome;
const engine = createEngine(localBackend());

// Diagnostics (and the e2e tests): how often the core actually ran here.
globalThis.caveatBackground = {
  get analyses() {
    return engine.analyses;
  },
};

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own content scripts and pages may ask; `answer` validates the message
  // (type, fields, text type and size) and replies with an error saying what is
  // wrong; messages that are not ours are left to other listeners.
  if (!fromThisExtension(sender, api.runtime)) return false;
  const reply = answer(engine, message);
  if (!reply) return false;
  reply.then(sendResponse);
  return true; // the reply is sent asynchronously
});
