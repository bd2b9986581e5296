// @ts-check
/**
 * Collects the article's visible text from a page into a TextMap.
 *
 * Which text: on a plain article page (one <article> or <main> holding the page's
 * text as headings, paragraphs and quotes: see isPlainArticle), that element, found
 * in one short walk; on any other page, the article that Readability finds
 * (page/article.js, loaded when first needed: story blocks kept, related links,
 * comment threads, share bars, tickers and footers left out); when it finds none (a
 * short page, a front page of teasers), a single <article> or <main>, else <body>.
 * Inside that root, whatever the choice, these are skipped:
 * scripts and styles, page-level navigation chrome (nav, aside, footer, a header
 * that is not inside an article or section, and their ARIA roles), forms and form
 * fields, editable areas (contenteditable, designMode), code and pre, hidden
 * elements, iframes (each same-origin frame runs its own Caveat). Open shadow roots
 * are read as they are rendered (slots filled with their assigned nodes).
 * Blocks are separated by a blank line so the core sees paragraphs.
 *
 *   await collectArticle()         the page's article (what the content script analyses)
 *   collectText(root)              everything readable under `root` (the playground's text)
 *   await chooseArticle(doc)       { root, includes(node) }: the choice collectArticle()
 *                                  makes, to keep for later
 *   collectText(block, includes)   the article's text under `block` only (re-reading a
 *                                  changed block without deciding again; nodes added
 *                                  since the choice are not in it: choose again for those)
 *   await collectTextInSlices({ yieldToPage })
 *                                  the page's article, giving the page its main thread
 *                                  back between slices of the walk
 */
import { findArticle, MAX_READABILITY_TEXT, textLongerThan } from './article.js';
import { TextMap } from './text-map.js';

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH',
  'NAV', 'FOOTER', 'ASIDE', 'FORM', 'INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'BUTTON', 'LABEL', 'PRE',
  'CODE', 'KBD', 'SAMP', 'VAR', 'DIALOG', 'MENU', 'HEAD', 'TITLE',
]);
const SKIP_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'form', 'menu', 'menubar',
  'toolbar', 'dialog', 'alertdialog', 'textbox', 'searchbox', 'button', 'tablist', 'code',
]);
// A <header> inside one of these is the article's or section's own (headline,
// standfirst); elsewhere it is the page's banner.
const SECTIONING = 'article, aside, main, nav, section, [role="article"], [role="main"]';
// Elements that start a new paragraph for the core (paragraphs are lines).
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'LI', 'MAIN',
  'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
  'BODY', 'HTML', 'HEADER',
]);
const SEPARATOR = '\n\n';
// Inline elements whose text is skipped but which stand for words in the sentence
// around them ("switch to <code>mold</code>, then…"): the core sees an ellipsis
// there, so that the sentence stays whole (a bare gap reads as ", ," and the
// like: broken punctuation).
const ELIDED_INLINE = new Set(['CODE', 'KBD', 'SAMP', 'VAR', 'MATH']);
const ELISION = '…';
// Line breaks and tabs become spaces, one for one (spaces need no replacing: on a
// megabyte of text, replacing them too costs 15 times the whole walk).
const WHITESPACE = /[\t\n\f\r]/g;
const ELEMENT = 1;
const TEXT = 3;

/** The element whose text is the article when Readability finds none: a single <article> or <main>. */
export function findArticleRoot(doc = document) {
  const articles = doc.querySelectorAll('article');
  if (articles.length === 1) return articles[0];
  const main = doc.querySelectorAll('main, [role="main"]');
  if (main.length === 1) return main[0];
  return doc.body ?? doc.documentElement;
}

/**
 * Whether an element is rendered (not display:none, visibility:hidden, or in a
 * closed <details>). An element with `display: contents` (every <slot>, many
 * wrappers) has no box of its own but shows its children: it counts as rendered.
 */
export function isVisible(el) {
  if (typeof el.checkVisibility === 'function' && el.checkVisibility({ visibilityProperty: true })) return true;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  if (!style) return false;
  // Its children are judged on their own (a hidden ancestor was already skipped).
  if (style.display === 'contents') return true;
  return typeof el.checkVisibility !== 'function' && style.display !== 'none' && style.visibility !== 'hidden';
}

function skipElement(el) {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag)) return true;
  if (tag === 'HEADER' && !el.parentElement?.closest(SECTIONING)) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  if (el.isContentEditable || el.hidden || el.getAttribute('aria-hidden') === 'true') return true;
  return !isVisible(el);
}

/**
 * `Node`'s own getters: a form's named fields shadow its DOM properties
 * (`<form><input name="previousSibling">`), and a page would steer the walk with them.
 */
function nodeGetter(name) {
  const get = Object.getOwnPropertyDescriptor(globalThis.Node?.prototype ?? {}, name)?.get;
  return get ? (/** @type {Node} */ n) => get.call(n) : (/** @type {any} */ n) => n[name];
}
const lastChild = nodeGetter('lastChild');
const previousSibling = nodeGetter('previousSibling');

/**
 * Push the children of `node` as rendered onto the walk's stack, last first (so that
 * they are visited in order), each with `action`: a shadow host's shadow tree instead
 * of its light children, a slot's assigned nodes (or its fallback content). Sibling
 * pointers, not `childNodes`: indexing a live NodeList costs a call into the DOM per
 * child, the walk's largest cost on a page of megabytes.
 */
function pushRenderedChildren(node, nodes, actions, action) {
  let parent = node;
  if (node.nodeType === ELEMENT) {
    if (node.shadowRoot) {
      parent = node.shadowRoot;
    } else if (node.tagName === 'SLOT' && typeof node.assignedNodes === 'function') {
      const assigned = node.assignedNodes();
      if (assigned.length > 0) {
        for (let i = assigned.length - 1; i >= 0; i--) {
          nodes.push(assigned[i]);
          actions.push(action);
        }
        return;
      }
    }
  }
  for (let child = lastChild(parent); child; child = previousSibling(child)) {
    nodes.push(child);
    actions.push(action);
  }
}

const everything = () => true;

/**
 * What a plain article is made of: headings, paragraphs and quotes, and the phrasing
 * inside them, carrying no attribute but these (and no class or id that names page
 * furniture: see FURNITURE).
 */
const PLAIN_TAGS = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'BR', 'HR',
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'I', 'INS', 'MARK', 'Q', 'S',
  'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'WBR',
]);
const PLAIN_ATTRIBUTES = new Set(['class', 'id', 'href', 'title', 'lang', 'dir', 'datetime', 'cite', 'translate', 'target']);
/**
 * Class and id words that Readability reads as furniture, bylines or captions (and
 * some more: a page that matches is simply not plain, and Readability decides).
 */
const FURNITURE =
  /ad|banner|breadcrumb|byline|author|dateline|writtenby|comment|community|cover|disqus|extra|foot|gdpr|head|legend|menu|related|remark|repl|rss|shout|sidebar|sky|social|sponsor|supplement|pag|popup|hid|share|promo|subscri|letter|meta|caption|credit|widget|nav|tag|tool|combx|contact|mast|media|outbrain|scroll|shop|taboola|modal|print|button|login|sign|teaser|card|sticky|fixed|complementary|dialog|alert|aside|note|info|box|embed|video|photo|image|figure|quote/i;
/** Where the page's own text outside a plain article may be: chrome that is never read. */
const CHROME_OUTSIDE = new Set([
  'HEADER', 'NAV', 'FOOTER', 'ASIDE', 'FORM', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SELECT', 'TEXTAREA', 'LABEL', 'DIALOG',
]);
/** A plain article page has fewer elements than this (a larger one is left to Readability or its size limit). */
const PLAIN_MAX_ELEMENTS = 4000;

function furniture(el) {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  return (!!cls && FURNITURE.test(cls)) || (!!id && FURNITURE.test(id)) || el.hasAttribute('role');
}

/**
 * Whether `root` (findArticleRoot's single <article> or <main>) is a plain article,
 * whose text Readability would keep whole: everything in it is a heading, paragraph
 * or quote (and phrasing), nothing in it or above it is named like furniture, and the
 * page has no text outside it but in its chrome (header, nav, footer, aside, forms).
 * One walk over the page's elements, stopped at PLAIN_MAX_ELEMENTS.
 */
export function isPlainArticle(doc, root) {
  const body = doc.body;
  if (!body || !root || (root.tagName !== 'ARTICLE' && root.tagName !== 'MAIN')) return false;
  for (let el = root; el && el !== doc.documentElement; el = el.parentElement) if (furniture(el)) return false;
  // A walk in document order by pointers (a page of 50,000 paragraphs is left after
  // PLAIN_MAX_ELEMENTS of them, having made nothing to collect).
  let seen = 0;
  let el = body;
  while (el) {
    if (++seen > PLAIN_MAX_ELEMENTS) return false;
    let descend = true;
    if (el === root) {
      // its own attributes were looked at above
    } else if (root.contains(el)) {
      if (!PLAIN_TAGS.has(el.tagName) || furniture(el) || el.shadowRoot) return false;
      for (const name of el.getAttributeNames()) if (!PLAIN_ATTRIBUTES.has(name)) return false;
    } else if (CHROME_OUTSIDE.has(el.tagName)) {
      descend = false;
    } else {
      if (el.tagName === 'H1' || el.shadowRoot) return false; // a headline outside: Readability joins it
      for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === TEXT && /\S/.test(n.data)) return false;
    }
    let next = descend ? el.firstElementChild : null;
    for (let up = el; !next && up && up !== body; up = up.parentElement) next = up.nextElementSibling;
    el = next;
  }
  return true;
}

/**
 * Which part of `doc` is read (a promise): a plain article, else Readability's blocks,
 * else the article root above; null when nothing is (a designMode document is an
 * editor as a whole). `yieldToPage()`: given, the page gets its main thread back
 * between the two looks.
 */
export async function chooseArticle(doc = document, { yieldToPage = null } = {}) {
  if (doc.designMode === 'on' || !doc.body) return null;
  const plain = { root: findArticleRoot(doc), includes: everything };
  // A page with more text than Readability reads is read from its root whatever its
  // shape: the plain-article walk (up to PLAIN_MAX_ELEMENTS elements) would decide nothing.
  if (textLongerThan(doc.body, MAX_READABILITY_TEXT)) return plain;
  if (isPlainArticle(doc, plain.root)) return plain;
  await yieldToPage?.();
  try {
    return (await findArticle(doc, { visible: isVisible, maxText: Infinity })) ?? plain;
  } catch {
    return plain; // Readability could not be loaded
  }
}

/** Collect the visible text under `root` that `includes` accepts. */
export function collectText(root, includes = everything) {
  const map = new TextMap(root.ownerDocument ?? document);
  const steps = walkUnder(map, root, includes);
  while (!steps.next().done);
  return map;
}

/** The page's article (see chooseArticle), collected. */
export async function collectArticle(doc = document) {
  const article = await chooseArticle(doc);
  return article ? collectText(article.root, article.includes) : new TextMap(doc);
}

/**
 * The same, giving the page its main thread back (`await yieldToPage()`) whenever a
 * slice of the walk took `sliceMs` (a page with megabytes of text takes longer than a
 * frame to walk). Without `root`, the page's article is chosen first (Readability,
 * when it is needed, in one task: it is skipped on pages over 300,000 characters,
 * where it would take too long).
 */
/**
 * @param {{ root?: Node, includes?: (el: Element) => boolean, sliceMs?: number, yieldToPage?: () => Promise<unknown>, doc?: Document }} options
 */
export async function collectTextInSlices({ root, includes = everything, sliceMs = 8, yieldToPage, doc = document }) {
  if (!root) {
    const article = await chooseArticle(doc, { yieldToPage });
    if (!article) return new TextMap(doc);
    ({ root, includes } = article);
  }
  const map = new TextMap(root.ownerDocument ?? doc);
  const steps = walkUnder(map, root, includes);
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
const VISIT = 0;
const VISIT_ACCEPTED = 1;
const LEAVE = 2;

/**
 * Walk the rendered tree under `root` into `map`; text nodes are taken when
 * `includes(node)` or when they are inside the shadow tree of an element it includes.
 */
function* walkUnder(map, root, includes) {
  let visited = 0;
  // `pendingBreak`: a block boundary was crossed since the last text.
  let pendingBreak = false;
  let atStart = true;
  // `pendingElision`: an elided inline element was skipped since the boundary.
  let pendingElision = false;
  // An explicit stack (deep pages must not overflow the call stack), as two arrays
  // (a page of 50,000 paragraphs makes no 50,000 little objects for the collector):
  // a node and what to do with it, VISIT, VISIT_ACCEPTED (inside an accepted shadow
  // tree) or LEAVE (a block element whose children are done).
  const nodes = [root];
  const actions = [VISIT];
  while (nodes.length > 0) {
    if (++visited % NODES_PER_STEP === 0) yield;
    const node = nodes.pop();
    const action = actions.pop();
    if (action === LEAVE) {
      pendingBreak = true; // leaving a block
      pendingElision = false;
      continue;
    }
    const inAcceptedShadow = action === VISIT_ACCEPTED;
    if (node.nodeType === TEXT) {
      if (!inAcceptedShadow && !includes(node)) continue;
      const data = node.data;
      const blank = !/\S/.test(data);
      if (blank && (pendingBreak || atStart) && !pendingElision) continue; // indentation between blocks
      // A paragraph starts at its first word: leave the source indentation out (but
      // not the space after an elided word that opened it).
      const skip = (pendingBreak || atStart) && !pendingElision ? data.length - data.trimStart().length : 0;
      if (pendingBreak && !atStart) map.addSeparator(SEPARATOR);
      if (pendingElision) map.addSeparator(ELISION);
      pendingBreak = false;
      pendingElision = false;
      atStart = false;
      map.addNode(node, data.slice(skip).replace(WHITESPACE, ' '), skip);
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const tag = node.tagName.toUpperCase();
    if (node !== root && skipElement(node)) {
      if (ELIDED_INLINE.has(tag) && /\S/.test(node.textContent) && isVisible(node)) pendingElision = true;
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      pendingBreak = true;
      pendingElision = false;
      nodes.push(node);
      actions.push(LEAVE);
    }
    // A shadow tree's text is the article's when its host is.
    const childAction = inAcceptedShadow || (!!node.shadowRoot && includes(node)) ? VISIT_ACCEPTED : VISIT;
    pushRenderedChildren(node, nodes, actions, childAction);
  }
}
