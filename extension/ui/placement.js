// @ts-check
/**
 * Where a card goes so that it never covers the words it explains: below all of
 * the mark's rects, else above them, else beside them; clamped to the viewport
 * (`bounds`, which excludes an open sidebar). Pure: rects in, position out.
 *
 *   placeCard({ rects, size: { width, height }, bounds: { left, top, right, bottom }, gap })
 *     → { left, top, side: 'below' | 'above' | 'right' | 'left' | 'over' }
 */
export function placeCard({ rects, size, bounds, gap = 8 }) {
  const box = union(rects);
  const clampX = (x) => Math.max(bounds.left + 4, Math.min(x, bounds.right - size.width - 4));
  const clampY = (y) => Math.max(bounds.top + 4, Math.min(y, bounds.bottom - size.height - 4));
  const below = box.bottom + gap;
  if (below + size.height <= bounds.bottom - 4) return { left: clampX(box.left), top: below, side: 'below' };
  const above = box.top - gap - size.height;
  if (above >= bounds.top + 4) return { left: clampX(box.left), top: above, side: 'above' };
  // A mark taller than the room left: beside it, where there is room.
  if (box.right + gap + size.width <= bounds.right - 4) {
    return { left: box.right + gap, top: clampY(box.top), side: 'right' };
  }
  if (box.left - gap - size.width >= bounds.left + 4) {
    return { left: box.left - gap - size.width, top: clampY(box.top), side: 'left' };
  }
  // No free side: the larger gap, covering as little as possible.
  const roomBelow = bounds.bottom - box.bottom;
  const roomAbove = box.top - bounds.top;
  return {
    left: clampX(box.left),
    top: roomBelow >= roomAbove ? clampY(below) : clampY(above),
    side: 'over',
  };
}

export function union(rects) {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const r of rects) {
    left = Math.min(left, r.left);
    top = Math.min(top, r.top);
    right = Math.max(right, r.right);
    bottom = Math.max(bottom, r.bottom);
  }
  return { left, top, right, bottom };
}
