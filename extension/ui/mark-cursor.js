// @ts-check
/**
 * Next / previous mark for the keyboard: moves through the drawn marks in
 * reading order, wrapping at the ends. The first move starts from what is on
 * screen (the first mark in view going forward, the last one going back).
 *
 *   const cursor = createMarkCursor({ doc, layer });  cursor.step(+1 | -1) → mark | null
 */
export function createMarkCursor({ doc = document, layer }) {
  let current = null; // { id, start }

  function fromViewport(marks, dir) {
    const height = doc.documentElement.clientHeight;
    const tops = marks.map((m) => layer.rectsOf(m.id)[0]?.top ?? -Infinity);
    if (dir > 0) {
      const i = tops.findIndex((t) => t >= 0);
      return i >= 0 ? i : 0;
    }
    for (let i = marks.length - 1; i >= 0; i--) if (tops[i] >= 0 && tops[i] < height) return i;
    return marks.length - 1;
  }

  function step(dir) {
    const marks = layer.visibleMarks();
    if (marks.length === 0) return null;
    let i;
    const at = current ? marks.findIndex((m) => m.id === current.id) : -1;
    if (at >= 0) i = (at + dir + marks.length) % marks.length;
    else if (current) {
      // The current mark went away (hidden, re-analysed): continue from where it was.
      const after = marks.findIndex((m) => m.start > current.start);
      if (dir > 0) i = after >= 0 ? after : 0;
      else i = after > 0 ? after - 1 : marks.length - 1;
    } else i = fromViewport(marks, dir);
    current = { id: marks[i].id, start: marks[i].start };
    return marks[i];
  }

  return {
    step,
    /** Remember a mark the reader went to by other means (a click in the sidebar). */
    set(mark) {
      current = mark ? { id: mark.id, start: mark.start } : null;
    },
  };
}
