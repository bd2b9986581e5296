/**
 * The one seam between the page work and the reading UI. `page/main.js` calls
 * `mountUi` once the marks are drawn; it mounts the reading UI (extension/ui/:
 * hover card, sidebar, keyboard navigation, the reader's settings).
 *
 *   mountUi({ api, doc, layer, rules, engine, textMap }) → the reading UI
 *     ({ toggleSidebar, nextMark, previousMark, setActive, destroy, … }: ui/reading-ui.js)
 *     api      the WebExtension API object (browser ?? chrome)
 *     layer    the mark layer (page/marks.js): marks, toggles, hit-testing
 *     rules    every rule's docs: [{ id, category, name, message, why, example, strength }]
 *     engine   the analysis engine (core/engine.js), cached by content hash
 *     textMap  the analysed text and its map to the DOM (page/text-map.js)
 */
import { createReadingUi } from '../ui/reading-ui.js';
import { settingsFor } from '../ui/settings.js';

export function mountUi({ api, doc, layer, rules }) {
  return createReadingUi({ doc, layer, rules, settings: settingsFor(api) });
}
