// @ts-check
/**
 * A TextMap ties the analysed string to the DOM it came from: the text is the
 * concatenation of text-node contents (whitespace normalised one-for-one, so
 * offsets stay equal) and block separators that belong to no node. Offsets are
 * UTF-16 code units, as the Wasm core reports them and DOM Ranges count.
 *
 *   map.text                       the string to analyse
 *   map.rangeOf(start, end)        a StaticRange over the nodes, or null
 *   map.nodesIn(start, end)        the text nodes a span touches
 *   map.locate(node, offset)       text offset of a DOM position, or -1
 *   map.shadowRoots()              the shadow roots holding mapped text (marks
 *                                  there need the mark styles adopted there too)
 */
export class TextMap {
  constructor(doc = document) {
    this.doc = doc;
    this.parts = [];
    /** Segment per text node, in text order: { node, start, end, nodeOffset }. */
    this.segments = [];
    this.length = 0;
    this._text = null;
    this._segOfNode = new Map();
  }

  /**
   * Append a text node's content (normalised one-for-one), which starts at
   * `nodeOffset` in the node's data (leading indentation can be left out).
   */
  addNode(node, content, nodeOffset = 0) {
    const seg = { node, start: this.length, end: this.length + content.length, nodeOffset };
    this._segOfNode.set(node, this.segments.length);
    this.segments.push(seg);
    this.parts.push(content);
    this.length = seg.end;
    this._text = null;
  }

  /** Append text that belongs to no node (paragraph breaks between blocks). */
  addSeparator(sep) {
    this.parts.push(sep);
    this.length += sep.length;
    this._text = null;
  }

  get text() {
    this._text ??= this.parts.join('');
    return this._text;
  }

  /** Index of the first segment whose end is > offset (binary search). */
  _firstEndingAfter(offset) {
    let lo = 0;
    let hi = this.segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid].end > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** A Range covering [start, end) of the text, trimmed to node content; null if none. */
  rangeOf(start, end) {
    if (!(end > start)) return null;
    const a = this._firstEndingAfter(start);
    const b = this._firstEndingAfter(end - 1);
    const first = this.segments[a];
    const last = this.segments[b];
    if (!first || !last || first.start >= end) return null;
    const startOffset = first.nodeOffset + Math.max(0, start - first.start);
    const endOffset = last.nodeOffset + Math.min(last.end, end) - last.start;
    // The nodes changed since collection: the offsets no longer fit them.
    if (startOffset > first.node.length || endOffset > last.node.length) return null;
    // Static, not live: the browser updates every live Range of a document on every
    // change to its DOM, so a page holding a mark's Range per mark ran its own DOM work
    // up to 70 times slower (2,000 Ranges); a StaticRange costs it nothing.
    const StaticRangeCtor = this.doc.defaultView?.StaticRange ?? globalThis.StaticRange;
    return new StaticRangeCtor({ startContainer: first.node, startOffset, endContainer: last.node, endOffset });
  }

  /** Text nodes overlapping [start, end). */
  nodesIn(start, end) {
    const nodes = [];
    for (let i = this._firstEndingAfter(start); i < this.segments.length; i++) {
      const seg = this.segments[i];
      if (seg.start >= end) break;
      nodes.push(seg.node);
    }
    return nodes;
  }

  /** The text offset of (text node, offset in it), or -1 if the node is not mapped. */
  locate(node, offset) {
    const i = this._segOfNode.get(node);
    if (i === undefined) return -1;
    const seg = this.segments[i];
    return seg.start + Math.min(Math.max(0, offset - seg.nodeOffset), seg.end - seg.start);
  }

  /** The distinct shadow roots that mapped text nodes live in. */
  shadowRoots() {
    // Asked on every drawing of a long page's marks: found once per map (its nodes stay its nodes).
    if (this._shadowRoots?.segments !== this.segments.length) {
      const roots = new Set();
      for (const { node } of this.segments) {
        const root = node.getRootNode();
        if (root !== this.doc && root.nodeType === 11 && root.host) roots.add(root);
      }
      this._shadowRoots = { segments: this.segments.length, roots: [...roots] };
    }
    return this._shadowRoots.roots;
  }

  /** A map over one text node (the playground's rendered text). */
  static ofTextNode(node) {
    const map = new TextMap(node.ownerDocument);
    map.addNode(node, node.data);
    return map;
  }
}
