// @ts-check
/**
 * Which part of the page is the article. Mozilla's Readability (the engine of
 * Firefox's Reader View, vendored at build time into vendor/readability.js, Apache
 * 2.0) decides which blocks belong to the story and which are page chrome: related
 * links, most-read boxes, share bars, comment threads, footers.
 *
 *   const article = findArticle(document);   // null when the page is not an article
 *   article.root          the smallest element holding every kept block
 *   article.includes(n)   whether text node or element `n` is part of the article
 *
 * Readability rewrites the document it reads, so it reads a clone (inert: no
 * scripts run, nothing is fetched) and its answer is mapped back to the page's own
 * nodes, which are never touched. In the clone, every element carries its index
 * as an attribute and every text is wrapped in a <span> carrying its own: marks
 * that survive whatever Readability does (moving nodes, renaming tags, wrapping
 * loose text in new paragraphs, and, when its first pass finds too little,
 * re-creating the whole tree from its HTML).
 * Readability drops the headline when it repeats the page's title; the headline
 * is put back (its claims are the story's too), and what it kept before the
 * headline is left out.
 */

/**
 * How the vendored Readability module is loaded: where it lies beside this module by
 * default (the playground, the tests); the content script, a classic script that
 * bundles the rest, imports it from its extension URL (`useReadability`). It is
 * loaded the first time a page needs it: most pages' article is plain (page/collect.js).
 */
let loadReadability = () => import('../vendor/readability.js');
let readability = null;

/** Load the Readability module with `load()` (a promise of the module) from now on. */
export function useReadability(load) {
  loadReadability = load;
  readability = null;
}

const ELEMENT = 1;
const TEXT = 3;
const ELEMENT_INDEX = 'data-caveat-element';
const TEXT_INDEX = 'data-caveat-text';
/**
 * Readability costs a few ms on a news page but 200-1,000 ms per MB of page text
 * (Chromium on the shared 2-core machine: tests/e2e/hostile-readability.test.mjs).
 * Pages with more text than this (about 50,000 words: books, logs, archives) are
 * not articles to pick from: they use the plain root.
 */
export const MAX_READABILITY_TEXT = 300_000;

/**
 * Index the page's elements and non-blank texts in the clone (see above); returns
 * the originals by index, or null if the clone does not match the page.
 */
function indexClone(doc, clone) {
  const elements = [];
  const texts = [];
  const cloneTexts = [];
  const show = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | SHOW_TEXT
  const a = doc.createTreeWalker(doc, show);
  const b = clone.createTreeWalker(clone, show);
  for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) {
    if (x.nodeName !== y.nodeName) return null; // the page changed mid-clone
    if (x.nodeType === ELEMENT) {
      y.setAttribute(ELEMENT_INDEX, String(elements.length));
      elements.push(x);
    } else if (/\S/.test(x.data) && y.parentNode?.nodeType === ELEMENT) {
      texts.push(x);
      cloneTexts.push(y);
    }
  }
  // Wrapped after the walk, which must see the clone as it was.
  cloneTexts.forEach((text, i) => {
    const span = clone.createElement('span');
    span.setAttribute(TEXT_INDEX, String(i));
    text.replaceWith(span);
    span.append(text);
  });
  return { elements, texts };
}

function words(s) {
  return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The page's headline: a visible h1 whose words are (nearly all) in the title Readability found. */
function findHeadline(doc, title, visible) {
  const titleWords = new Set(words(title ?? ''));
  if (titleWords.size === 0) return null;
  for (const h of doc.querySelectorAll('h1')) {
    const w = words(h.textContent);
    if (w.length === 0 || !visible(h)) continue;
    if (w.filter((x) => titleWords.has(x)).length / w.length >= 0.75) return h;
  }
  return null;
}

function commonAncestor(nodes) {
  let root = null;
  for (const node of nodes) {
    if (!root) root = node.parentNode;
    while (root && !root.contains(node)) root = root.parentNode;
  }
  return root;
}

/**
 * Whether the text under `root` is longer than `max` characters: its text nodes'
 * lengths added up until they pass it (no string of the whole text is made, and a
 * page of megabytes is not read to the end).
 */
export function textLongerThan(root, max) {
  const walker = root.ownerDocument.createTreeWalker(root, 0x4); // NodeFilter.SHOW_TEXT
  let length = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    length += n.length;
    if (length > max) return true;
  }
  return false;
}

/**
 * The article of `doc` (a promise), or null when Readability finds none (not an article page,
 * too little text, or more than `maxText` characters: the caller falls back to its
 * own root). `visible(el)` tells whether an element is rendered.
 */
/**
 * @param {Document} doc
 * @param {{ visible?: (el: Element) => boolean, maxText?: number }} [options]
 */
export async function findArticle(doc, { visible = () => true, maxText = MAX_READABILITY_TEXT } = {}) {
  if (!doc.body || textLongerThan(doc.body, maxText)) return null;
  readability ??= loadReadability();
  const { isProbablyReaderable, Readability } = await readability;
  if (!isProbablyReaderable(doc, { visibilityChecker: visible })) return null;
  const clone = doc.cloneNode(true);
  const originals = indexClone(doc, clone);
  if (!originals) return null;
  let parsed;
  try {
    parsed = new Readability(clone, { serializer: (el) => el, disableJSONLD: true }).parse();
  } catch {
    return null; // Readability cannot read this page: the caller's root is used
  }
  if (!parsed?.content) return null;
  const keptElements = new Set();
  const keptTexts = new Set();
  for (const el of parsed.content.querySelectorAll(`[${ELEMENT_INDEX}], [${TEXT_INDEX}]`)) {
    const e = el.getAttribute(ELEMENT_INDEX);
    if (e !== null && originals.elements[Number(e)]) keptElements.add(originals.elements[Number(e)]);
    const t = el.getAttribute(TEXT_INDEX);
    if (t !== null && originals.texts[Number(t)]) keptTexts.add(originals.texts[Number(t)]);
  }
  const headline = findHeadline(doc, parsed.title, visible);
  if (headline) {
    // The story starts at its headline: what Readability kept before it is a ticker or
    // a kicker that it appended as a short sentence-like sibling of the story.
    const before = (node) => {
      const position = headline.compareDocumentPosition(node);
      return (position & 2) !== 0 && (position & 8) === 0; // PRECEDING and not CONTAINS
    };
    for (const text of keptTexts) if (before(text)) keptTexts.delete(text);
    for (const el of keptElements) if (before(el)) keptElements.delete(el);
    keptElements.add(headline);
  }
  // Elements holding kept text: the spaces between its words (`<b>a</b> <i>b</i>`) are kept too.
  const holdsKeptText = new Set();
  for (const text of keptTexts) {
    for (let el = text.parentElement; el && !holdsKeptText.has(el); el = el.parentElement) holdsKeptText.add(el);
  }
  const root = commonAncestor([...keptTexts, ...(headline ? [headline] : [])]);
  if (!root) return null;
  const inHeadline = (node) => !!headline && headline.contains(node);
  const includes = (node) => {
    if (node.nodeType !== TEXT) return keptElements.has(node) || holdsKeptText.has(node) || inHeadline(node);
    if (keptTexts.has(node) || inHeadline(node)) return true;
    return !/\S/.test(node.data) && holdsKeptText.has(node.parentElement);
  };
  return { root: root.nodeType === ELEMENT ? root : doc.body, includes };
}
