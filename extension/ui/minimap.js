// @ts-check
/**
 * A vertical strip standing for the whole page (or scroll container), top to
 * bottom: a tick where each mark falls, in its category's lane (hedging, sourcing,
 * translation, the reader's watch-list, left to right, so position tells the category too), and
 * a box for the part on screen. Clicking a tick goes to that mark; clicking the
 * strip elsewhere scrolls there. By keyboard: Tab into the strip, arrow keys
 * between ticks, Enter to go.
 *
 *   const map = createMinimap({ doc, scroller, onPick(id), rectsOf(id) });  rectsOf: the layer's
 *   map.element; map.update(marks); map.refresh() (after scroll/resize); map.destroy()
 */
import { h, trusted } from './dom.js';
import { categoryLabel } from './labels.js';

export const MINIMAP_CSS = `
.cv-minimap { order: -1; position: relative; flex: none; width: 30px; background: var(--cv-soft);
  border-right: 1px solid var(--cv-line); cursor: pointer; }
.cv-minimap .view { position: absolute; left: 0; right: 0; min-height: 4px; background: var(--cv-fg);
  opacity: 0.12; pointer-events: none; }
.cv-minimap button.tick { position: absolute; height: 4px; width: 6px; padding: 0; margin: 0; min-width: 0;
  border: none; border-radius: 1px; transform: translateY(-2px); }
.cv-minimap button.tick.hedging { left: 2px; background: var(--cv-mark-hedging); }
.cv-minimap button.tick.sourcing { left: 9px; background: var(--cv-mark-sourcing); }
.cv-minimap button.tick.translation { left: 16px; background: var(--cv-mark-translation); }
.cv-minimap button.tick.watchlist { left: 23px; background: var(--cv-mark-watchlist); }
.cv-minimap button.tick:focus-visible { outline: 2px solid var(--cv-focus); outline-offset: 1px; z-index: 1; }
`;

export function createMinimap({ doc = document, scroller = null, onPick, rectsOf }) {
  const win = doc.defaultView ?? globalThis;
  const view = h(doc, 'div', { class: 'view', 'aria-hidden': 'true' });
  const element = h(doc, 'div', {
    class: 'cv-minimap',
    role: 'group',
    'aria-label': 'Where the marks fall on the page (arrow keys move between marks)',
  }, view);
  let marks = [];
  let ticks = [];
  let focusIndex = 0;
  let frame = 0;

  const root = () => !scroller || scroller === doc.scrollingElement || scroller === doc.documentElement;
  function metrics() {
    if (root()) {
      const el = doc.scrollingElement ?? doc.documentElement;
      return { top: win.scrollY, height: el.scrollHeight, view: win.innerHeight, offset: (r) => r.top + win.scrollY };
    }
    const box = scroller.getBoundingClientRect();
    return {
      top: scroller.scrollTop,
      height: scroller.scrollHeight,
      view: scroller.clientHeight,
      offset: (r) => r.top - box.top - scroller.clientTop + scroller.scrollTop,
    };
  }

  function scrollTo(y) {
    const target = root() ? win : scroller;
    target.scrollTo({ top: y, behavior: 'smooth' });
  }

  function update(nextMarks) {
    marks = nextMarks;
    focusIndex = Math.min(focusIndex, Math.max(0, marks.length - 1));
    ticks = marks.map((m, i) =>
      h(doc, 'button', {
        type: 'button',
        class: `tick ${m.category}`,
        tabindex: i === focusIndex ? '0' : '-1',
        'aria-label': `${categoryLabel(m.category)}: ${m.text}`,
        'data-mark-id': m.id,
        onclick: trusted((e) => {
          e.stopPropagation();
          focusIndex = i;
          onPick(m.id);
        }),
      }),
    );
    element.replaceChildren(view, ...ticks);
    refresh();
  }

  /** Re-measure: where each mark and the viewport sit now. */
  function refresh() {
    const m = metrics();
    const height = Math.max(1, m.height);
    marks.forEach((mark, i) => {
      const rect = rectsOf(mark.id)[0];
      const tick = ticks[i];
      tick.hidden = !rect;
      if (rect) tick.style.top = `${((m.offset(rect) / height) * 100).toFixed(3)}%`;
    });
    view.style.top = `${((m.top / height) * 100).toFixed(3)}%`;
    view.style.height = `${Math.min(100, (m.view / height) * 100).toFixed(3)}%`;
  }

  function schedule() {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      refresh();
    });
  }

  element.addEventListener('click', trusted((e) => {
    if (e.target !== element) return;
    const box = element.getBoundingClientRect();
    const m = metrics();
    scrollTo(((e.clientY - box.top) / box.height) * m.height - m.view / 2);
  }));
  element.addEventListener('keydown', (e) => {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -Infinity, End: Infinity }[e.key];
    if (step === undefined || ticks.length === 0) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(ticks.length - 1, focusIndex + step));
    ticks[focusIndex].tabIndex = -1;
    focusIndex = next;
    ticks[next].tabIndex = 0;
    ticks[next].focus();
  });

  const scrollTarget = root() ? win : scroller;
  scrollTarget.addEventListener('scroll', schedule, { passive: true });
  win.addEventListener('resize', schedule);

  return {
    element,
    update,
    refresh,
    destroy() {
      win.cancelAnimationFrame(frame);
      scrollTarget.removeEventListener('scroll', schedule);
      win.removeEventListener('resize', schedule);
    },
  };
}
