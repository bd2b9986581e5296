/**
 * The content script's page work, loaded by content/loader.js: collect the
 * article text, analyse it (here, or in the background when the page's CSP
 * forbids Wasm in content scripts), draw the marks, wire the hover card.
 * The same code runs in both cases: only the text and the report cross.
 */
import { canCompileWasm, createEngine, localBackend, remoteBackend } from '../core/engine.js';
import { collectText } from './collect.js';
import { createMarkLayer, highlightsSupported } from './marks.js';
import { createMiniCard } from './mini-card.js';

/** Where the analysis runs: 'local' (this content script) or 'remote' (the background). */
export function chooseBackend(api) {
  if (canCompileWasm()) return localBackend(api.runtime.getURL('wasm/caveat_bg.wasm'));
  return remoteBackend((message) => api.runtime.sendMessage(message));
}

let started = null;

/** Start Caveat on this page once; resolves to the page state (for the UI layer). */
export function start(api) {
  started ??= run(api);
  return started;
}

async function run(api) {
  if (!highlightsSupported(window)) return null; // nothing can be drawn: stay out of the way
  const textMap = collectText();
  if (!/\S/.test(textMap.text)) return null;
  const engine = createEngine(chooseBackend(api));
  const [report, rules] = await Promise.all([engine.analyze(textMap.text), engine.rules()]);
  const layer = createMarkLayer({ doc: document });
  layer.setReport(report, textMap);
  const card = createMiniCard(layer, { doc: document, rules });
  return { engine, layer, card, textMap, rules };
}
