/**
 * The one seam between the page work and the reading UI. `page/main.js` calls
 * `mountUi` once the marks are drawn; today it mounts the minimal hover card.
 * The full UI (issue 7: hover card, sidebar, keyboard, settings in extension/ui/**)
 * replaces this function's body and nothing else.
 *
 *   mountUi({ api, doc, layer, rules, engine, textMap }) → { destroy() }
 *     api      the WebExtension API object (browser ?? chrome)
 *     layer    the mark layer (page/marks.js): marks, toggles, hit-testing
 *     rules    every rule's docs: [{ id, category, name, message, why, example, strength }]
 *     engine   the analysis engine (core/engine.js), cached by content hash
 *     textMap  the analysed text and its map to the DOM (page/text-map.js)
 */
import { createMiniCard } from './mini-card.js';

export function mountUi({ doc, layer, rules }) {
  const card = createMiniCard(layer, { doc, rules });
  return { card, destroy: () => card.destroy() };
}
