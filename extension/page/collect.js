/**
 * Collects the article's visible text from a page into a TextMap.
 * Skipped: scripts and styles, navigation chrome (nav, header, footer, aside and
 * their ARIA roles), forms and form fields, editable areas, code and pre, hidden
 * elements. Blocks are separated by a blank line so the core sees paragraphs.
 * (Issue 7 may swap in a main-content finder such as Readability: it only has to
 * pick `root`.)
 */
import { TextMap } from './text-map.js';

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH',
  'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'BUTTON',
  'LABEL', 'PRE', 'CODE', 'KBD', 'SAMP', 'VAR', 'DIALOG', 'MENU', 'HEAD', 'TITLE',
]);
const SKIP_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'form', 'menu', 'menubar',
  'toolbar', 'dialog', 'alertdialog', 'textbox', 'searchbox', 'button', 'tablist', 'code',
]);
// Elements that start a new paragraph for the core (paragraphs are lines).
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'LI', 'MAIN',
  'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
  'BODY', 'HTML',
]);
const SEPARATOR = '\n\n';
const WHITESPACE = /[\t\n\f\r ]/g;

/** The element whose text is the article: a single <article> or <main> if there is one. */
export function findArticleRoot(doc = document) {
  const articles = doc.querySelectorAll('article');
  if (articles.length === 1) return articles[0];
  const main = doc.querySelectorAll('main, [role="main"]');
  if (main.length === 1) return main[0];
  return doc.body ?? doc.documentElement;
}

function skipElement(el) {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  if (el.isContentEditable || el.hidden || el.getAttribute('aria-hidden') === 'true') return true;
  if (typeof el.checkVisibility === 'function') {
    return !el.checkVisibility({ visibilityProperty: true });
  }
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !style || style.display === 'none' || style.visibility === 'hidden';
}

/** Collect the visible article text under `root` (default: the article root). */
export function collectText(root = findArticleRoot()) {
  const map = new TextMap(root?.ownerDocument ?? document);
  if (!root) return map;
  const steps = walk(root, map);
  while (!steps.next().done);
  return map;
}

/**
 * The same, giving the page its main thread back whenever a slice of the walk took
 * `sliceMs` (a page with megabytes of text takes longer than a frame to walk).
 */
export async function collectTextInSlices(root = findArticleRoot(), { sliceMs = 8, yieldToPage } = {}) {
  const map = new TextMap(root?.ownerDocument ?? document);
  if (!root) return map;
  const steps = walk(root, map);
  let sliceStart = performance.now();
  while (!steps.next().done) {
    if (performance.now() - sliceStart > sliceMs) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  return map;
}

/** Nodes visited between two looks at the clock. */
const NODES_PER_STEP = 256;

/** Walk `root` into `map`, yielding every NODES_PER_STEP nodes. */
function* walk(root, map) {
  const doc = root.ownerDocument ?? root;
  const NodeFilterRef = doc.defaultView?.NodeFilter ?? globalThis.NodeFilter;
  const walker = doc.createTreeWalker(root, NodeFilterRef.SHOW_ELEMENT | NodeFilterRef.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 1) return skipElement(node) ? NodeFilterRef.FILTER_REJECT : NodeFilterRef.FILTER_ACCEPT;
      return NodeFilterRef.FILTER_ACCEPT;
    },
  });
  // `pendingBreak`: a block boundary was crossed since the last text.
  let pendingBreak = false;
  let atStart = true;
  let lastBlockAncestor = null;
  let visited = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++visited % NODES_PER_STEP === 0) yield;
    if (node.nodeType === 1) {
      if (BLOCK_TAGS.has(node.tagName.toUpperCase())) pendingBreak = true;
      continue;
    }
    const data = node.data;
    const blank = !/\S/.test(data);
    const block = blockAncestor(node);
    if (block !== lastBlockAncestor) pendingBreak = true;
    if (blank && (pendingBreak || atStart)) continue; // indentation between blocks
    // A paragraph starts at its first word: leave the source indentation out.
    const skip = pendingBreak || atStart ? data.length - data.trimStart().length : 0;
    if (pendingBreak && !atStart) map.addSeparator(SEPARATOR);
    pendingBreak = false;
    atStart = false;
    lastBlockAncestor = block;
    map.addNode(node, data.slice(skip).replace(WHITESPACE, ' '), skip);
  }
}

function blockAncestor(node) {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (BLOCK_TAGS.has(el.tagName.toUpperCase())) return el;
  }
  return null;
}
