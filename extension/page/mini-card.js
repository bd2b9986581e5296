/**
 * The minimal hover card: hovering a mark shows its category, the rule's name and
 * its message in a card inside a shadow root, placed below (or above) the words
 * so it never covers them. Closes on pointer-out and Escape. Replaceable: it only
 * uses the mark layer's public API (markAt, rectsOf).
 *
 *   const card = createMiniCard(layer, { doc, rules });   // rules: [{ id, name, ... }]
 *   card.showFor(markId)  card.hide()  card.destroy()
 *
 * Every string is set with textContent: page text never becomes HTML.
 */
const LABELS = { hedging: 'Hedging', sourcing: 'Sourcing', translation: 'Translation' };
const ACCENT = { hedging: '#cc7a00', sourcing: '#2862d6', translation: '#b02a8c' };

const CARD_CSS = `
:host { all: initial; }
.card {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  max-width: min(360px, calc(100vw - 16px)); padding: 10px 12px;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #1d1d1f; background: #fff; border: 1px solid #d0d0d7; border-left: 4px solid var(--accent);
  border-radius: 8px; box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); pointer-events: auto;
}
.category { font-size: 12px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--accent); }
.name { font-weight: 600; margin-top: 2px; }
.message { margin-top: 4px; }
.detail { margin-top: 4px; color: #555; }
@media (prefers-color-scheme: dark) {
  .card { color: #f2f2f5; background: #24242a; border-color: #44444c; border-left-color: var(--accent); }
  .detail { color: #bbb; }
}
`;

export function createMiniCard(layer, { doc = document, rules = [] } = {}) {
  const win = doc.defaultView ?? globalThis;
  const ruleNames = new Map(rules.map((r) => [r.id, r.name]));
  let host = null;
  let card = null;
  let shownId = null;
  let frame = 0;
  let hideTimer = 0;
  let lastPoint = null;

  function build() {
    host = doc.createElement('caveat-card');
    const root = host.attachShadow({ mode: 'open' });
    // A constructed sheet: unlike a <style> element, a page's style-src CSP allows it.
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
    root.adoptedStyleSheets.push(sheet);
    card = doc.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'tooltip');
    card.addEventListener('pointerenter', () => win.clearTimeout(hideTimer));
    card.addEventListener('pointerleave', () => scheduleHide());
    root.append(card);
  }

  function line(cls, text) {
    const el = doc.createElement('div');
    el.className = cls;
    el.textContent = text;
    return el;
  }

  function showFor(id) {
    const mark = layer.mark(id);
    const rects = layer.rectsOf(id);
    if (!mark || rects.length === 0) return hide();
    win.clearTimeout(hideTimer);
    if (shownId === id && host?.isConnected) return;
    if (!host) build();
    shownId = id;
    card.style.setProperty('--accent', ACCENT[mark.category] ?? '#666');
    const parts = [line('category', LABELS[mark.category] ?? mark.category)];
    const name = ruleNames.get(mark.rule);
    if (name) parts.push(line('name', name));
    parts.push(line('message', mark.message));
    if (mark.detail) parts.push(line('detail', mark.detail));
    card.replaceChildren(...parts);
    card.dataset.markId = id;
    card.dataset.category = mark.category;
    if (!host.isConnected) doc.documentElement.append(host);
    place(rects);
  }

  /** Below the rect nearest the pointer, or above when there is no room. */
  function place(rects) {
    const gap = 6;
    const y = lastPoint?.y ?? rects[0].top;
    const anchor = rects.reduce((best, r) =>
      Math.abs((r.top + r.bottom) / 2 - y) < Math.abs((best.top + best.bottom) / 2 - y) ? r : best,
    );
    card.style.left = '0px';
    card.style.top = '0px';
    const { width, height } = card.getBoundingClientRect();
    const vw = doc.documentElement.clientWidth;
    const vh = doc.documentElement.clientHeight;
    const left = Math.max(8, Math.min(anchor.left, vw - width - 8));
    const below = anchor.bottom + gap;
    const top = below + height <= vh - 4 ? below : Math.max(4, anchor.top - gap - height);
    card.style.left = `${Math.round(left)}px`;
    card.style.top = `${Math.round(top)}px`;
  }

  function hide() {
    win.clearTimeout(hideTimer);
    shownId = null;
    host?.remove();
  }

  function scheduleHide() {
    win.clearTimeout(hideTimer);
    hideTimer = win.setTimeout(hide, 250);
  }

  function onPointerMove(e) {
    lastPoint = { x: e.clientX, y: e.clientY };
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      if (host && e.composedPath?.().includes(host)) return;
      const mark = layer.markAt(lastPoint.x, lastPoint.y);
      if (mark) showFor(mark.id);
      else if (shownId) scheduleHide();
    });
  }

  function onKey(e) {
    if (e.key === 'Escape' && shownId) hide();
  }

  const onScroll = () => shownId && hide();
  doc.addEventListener('pointermove', onPointerMove, { passive: true });
  doc.addEventListener('keydown', onKey);
  win.addEventListener('scroll', onScroll, { passive: true });
  const unsubscribe = layer.onChange(() => hide());

  return {
    showFor,
    hide,
    get shownId() {
      return shownId;
    },
    destroy() {
      hide();
      doc.removeEventListener('pointermove', onPointerMove);
      doc.removeEventListener('keydown', onKey);
      win.removeEventListener('scroll', onScroll);
      unsubscribe();
    },
  };
}
