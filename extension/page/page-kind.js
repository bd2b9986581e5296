// @ts-check
/**
 * Is this page an article? Decided in the content script before anything is
 * collected, from the signals publishers already give and from the page's shape:
 *
 *   const kind = pageKind(document);
 *   kind.article    true: news, a blog post, an opinion piece, a live blog, a reference article
 *   kind.score      the sum of the signals' weights (article when ≥ ARTICLE_THRESHOLD)
 *   kind.reasons    [{ signal, weight, text }], strongest first: why (the popup shows them)
 *
 * Signals, each with a weight (positive: an article; negative: something else):
 *   - structured data: JSON-LD `@type` and microdata `itemtype` (NewsArticle, BlogPosting,
 *     ScholarlyArticle, LiveBlogPosting… vs Product, SearchResultsPage, WebApplication,
 *     FAQPage, TechArticle, DiscussionForumPosting…), and `og:type` (article vs product,
 *     website);
 *   - the story's shape: a headline (h1) inside an `<article>` or `<main>`, a byline, a
 *     `<time>`, paragraphs of prose (sentences, not link lists);
 *   - the signs of something else: a price or an "Add to cart" button, a search box holding
 *     a query above a list of results, an application's controls, an editable document,
 *     long code listings beside a documentation menu, a feed or thread of posts with a
 *     reply box, a front page of teaser headlines.
 *
 * Pure (reads the document, changes nothing) and cheap: one walk over the first
 * MAX_ELEMENTS elements (the head, the page's top and its story's start hold every
 * signal), never a query over the whole document, so a 1 MB page costs what a
 * 100 KB one does (measured in tests/e2e/page-kind.test.mjs, reported in README).
 */

/** Article when the signals add up to this. */
export const ARTICLE_THRESHOLD = 2;

// schema.org types, by their last path segment (https://schema.org/NewsArticle → NewsArticle).
const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'OpinionNewsArticle', 'AnalysisNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'SatiricalArticle',
  'BlogPosting', 'LiveBlogPosting', 'ScholarlyArticle', 'MedicalScholarlyArticle', 'Report',
  'CriticReview',
]);
// TechArticle and APIReference are documentation; SocialMediaPosting and
// DiscussionForumPosting are people's posts; the rest are not texts to weigh at all.
const OTHER_TYPES = new Set([
  'Product', 'ProductGroup', 'IndividualProduct', 'ProductModel', 'Offer', 'AggregateOffer', 'ItemPage',
  'CheckoutPage', 'SearchResultsPage', 'CollectionPage', 'ProfilePage', 'ItemList',
  'WebApplication', 'SoftwareApplication', 'MobileApplication', 'VideoGame',
  'FAQPage', 'QAPage', 'HowTo', 'Recipe', 'JobPosting', 'RealEstateListing',
  'TechArticle', 'APIReference', 'SocialMediaPosting', 'DiscussionForumPosting',
]);

/** How many elements, in document order, the decision looks at. */
export const MAX_ELEMENTS = 4000;
const CAPS = { jsonLd: 8, jsonLdChars: 100_000, items: 40, paragraphs: 250, paragraphChars: 2_000, pre: 60, controls: 400, headings: 200, times: 60 };

const WEIGHTS = {
  declaredArticle: 4,
  declaredOther: -4,
  ogArticle: 3,
  ogProduct: -4,
  ogWebsite: -1,
  headline: 1,
  byline: 0.5,
  time: 0.5,
  prose3: 1,
  prose6: 1,
  proseLong: 1,
  commerce: -4,
  searchResults: -4,
  editable: -5,
  appShell: -4,
  docs: -3,
  posts: -4,
  teasers: -3,
};

const CART = /\b(add to (cart|bag|basket|trolley)|buy (it )?now|add to wish ?list|in den warenkorb|ajouter au panier|añadir al carrito|aggiungi al carrello)\b/i;
const SENTENCE_END = /[.!?。！？؟]["'”’»)]?(\s|$)/u;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/gu;
const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;
const SPACE = /\s/;
const BYLINE = /^\s*(by|posted by|written by|von|par|por|di|door)\s+\p{Lu}/iu;
// Where a paragraph is the page's furniture, not its story.
const CHROME = 'nav, aside, footer, form, [role="navigation"], [role="complementary"], [role="contentinfo"], [contenteditable]:not([contenteditable="false"])';
const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM']);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);
const POSTS = 'article, [role="article"], [itemtype*="Comment"], [itemtype*="Posting"]';
const CONTROL_TAGS = new Set(['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);
const CONTROL_ROLES = new Set(['button', 'menuitem', 'tab', 'treeitem', 'option', 'checkbox', 'gridcell', 'row']);
const MENU_ROLES = new Set(['navigation', 'complementary']);
const SEARCH_NAMES = new Set(['q', 'query', 'search', 'search_query', 'keywords']);
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
// The attributes the walk reads (a superset: the exact tests follow), matched at once.
const READ_ATTRIBUTES = '[role], [contenteditable], [itemprop], [itemtype], [rel*="author"], [class*="byline" i], [class*="author" i]';

const typeName = (t) => String(t).split(/[/#]/).pop();
const editableAttr = (el) => {
  const v = el.getAttribute('contenteditable');
  return v !== null && v !== 'false';
};

/** The first element after `el`'s subtree in document order (null: none). */
function following(el) {
  for (let n = el; n; n = n.parentElement) if (n.nextElementSibling) return n.nextElementSibling;
  return null;
}

/**
 * One walk over the first MAX_ELEMENTS elements: what each signal needs, sorted
 * into buckets (each capped). It also knows when it is inside the page's furniture
 * (CHROME) and which posts it is inside (POSTS), so paragraphs are sorted and nested
 * posts found without asking each one's ancestors or descendants.
 */
function scan(doc) {
  const b = {
    p: [], pInChrome: [], pPost: [], holding: new Set(), openAtEnd: [], h1: [], headings: [], times: 0, pre: [], scripts: [], items: [], posts: [], menus: [], truncated: false,
    bylines: [], controls: 0, buttons: 0, cart: null, price: false, search: false, application: false, replyBox: false, editable: [],
  };
  const root = doc.documentElement;
  if (!root) return b;
  const walker = doc.createTreeWalker(root, 1); // NodeFilter.SHOW_ELEMENT
  let seen = 0;
  let chromeEnd; // inside CHROME until this element (null: to the end); undefined: outside
  const inPosts = []; // the posts the walk is inside, innermost last: [post, the element after it]
  for (let el = root; el && seen < MAX_ELEMENTS; el = walker.nextNode(), seen++) {
    const tag = el.tagName;
    const attributes = el.hasAttributes() && el.matches(READ_ATTRIBUTES);
    const role = attributes ? el.getAttribute('role') : null;
    const editable = attributes && editableAttr(el);
    const itemtype = attributes ? el.getAttribute('itemtype') : null;
    if (el === chromeEnd) chromeEnd = undefined;
    if (chromeEnd === undefined && (CHROME_TAGS.has(tag) || editable || (role && CHROME_ROLES.has(role)))) chromeEnd = following(el);
    while (inPosts.length && inPosts[inPosts.length - 1][1] === el) inPosts.pop();
    if (tag === 'ARTICLE' || role === 'article' || (itemtype && /Comment|Posting/.test(itemtype))) {
      b.posts.push(el);
      if (inPosts.length) b.holding.add(inPosts[inPosts.length - 1][0]);
      inPosts.push([el, following(el)]);
    }
    switch (tag) {
      case 'P':
        if (b.p.length < CAPS.paragraphs) {
          b.p.push(el);
          b.pInChrome.push(chromeEnd !== undefined);
          b.pPost.push(inPosts.length ? inPosts[inPosts.length - 1][0] : null);
        }
        break;
      case 'H1': if (b.h1.length < 5) b.h1.push(el); break;
      case 'H2': case 'H3': case 'H4': if (b.headings.length < CAPS.headings) b.headings.push(el); break;
      case 'TIME': b.times++; break;
      case 'PRE': if (b.pre.length < CAPS.pre) b.pre.push(el); break;
      case 'SCRIPT': if (el.type === 'application/ld+json' && b.scripts.length < CAPS.jsonLd) b.scripts.push(el); break;
      case 'NAV': case 'ASIDE': b.menus.push(el); break;
      case 'ADDRESS': if (b.bylines.length < 20) b.bylines.push(el); break;
      case 'META': {
        const property = el.getAttribute('property');
        if (property === 'product:price:amount' || property === 'og:price:amount') b.price = true;
        break;
      }
      default:
    }
    if (CONTROL_TAGS.has(tag)) {
      const type = el.type;
      if (type !== 'hidden') b.controls++;
      if (tag === 'TEXTAREA') b.replyBox = true;
      if ((tag === 'BUTTON' || type === 'submit' || type === 'button') && ++b.buttons <= 150) {
        if (!b.cart && CART.test(`${el.textContent.slice(0, 100)} ${el.getAttribute('value') ?? ''} ${el.getAttribute('aria-label') ?? ''}`)) {
          b.cart = (el.textContent || el.getAttribute('value') || el.getAttribute('aria-label')).replace(/\s+/g, ' ').trim().slice(0, 30);
        }
      }
      if (tag === 'INPUT' && (type === 'search' || SEARCH_NAMES.has(el.name)) && el.value.trim()) b.search = true;
    }
    if (!attributes) continue;
    if (role) {
      if (CONTROL_ROLES.has(role)) b.controls++;
      else if (role === 'application') b.application = true;
      else if (MENU_ROLES.has(role)) b.menus.push(el);
      else if (role === 'textbox') b.replyBox = true;
    }
    if (editable) {
      b.replyBox = true;
      if (b.editable.length < 20) b.editable.push(el);
    }
    const itemprop = el.getAttribute('itemprop');
    if (itemprop === 'price' || itemprop === 'offers') b.price = true;
    if (b.bylines.length < 20 && (itemprop === 'author' || /\bauthor\b/.test(el.getAttribute('rel') ?? '') || /byline|author/i.test(el.getAttribute('class') ?? ''))) {
      b.bylines.push(el);
    }
    if (itemtype && b.items.length < CAPS.items && el.hasAttribute('itemscope') && !el.parentElement?.closest('[itemscope]')) b.items.push(itemtype);
  }
  b.truncated = seen >= MAX_ELEMENTS;
  if (b.truncated) b.openAtEnd = inPosts.map(([post]) => post); // these may hold posts past the walk's end
  return b;
}

/** The schema.org types the page declares at its top level (JSON-LD and top-level microdata items). */
function declaredTypes(found) {
  const types = [];
  const add = (t) => {
    for (const one of Array.isArray(t) ? t : [t]) if (typeof one === 'string') types.push(typeName(one));
  };
  const visit = (node, depth) => {
    if (!node || typeof node !== 'object' || depth > 3) return;
    if (Array.isArray(node)) {
      for (const n of node.slice(0, 50)) visit(n, depth);
      return;
    }
    add(node['@type']);
    if (node['@graph']) visit(node['@graph'], depth + 1);
    // A WebPage's main entity is what the page is (an article, a product).
    if (node.mainEntity && /WebPage$/.test(String(node['@type']))) visit(node.mainEntity, depth + 1);
  };
  for (const script of found.scripts) {
    const text = script.textContent;
    if (text.length > CAPS.jsonLdChars) continue;
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // malformed JSON-LD is common: ignored
    }
  }
  for (const itemtype of found.items) for (const t of itemtype.split(/\s+/)) if (t) types.push(typeName(t));
  return types;
}

function meta(doc, property) {
  return (doc.head ?? doc).querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content')?.trim().toLowerCase() ?? '';
}

function linkShare(el, length) {
  const links = el.getElementsByTagName('a');
  let linked = 0;
  for (let i = 0; i < 50 && links[i]; i++) linked += links[i].textContent.length;
  return length ? linked / length : 0;
}

/**
 * `el.textContent.slice(0, max)` without building the text of a large subtree (a
 * sibling of the headline may hold the whole feed): its text nodes, until `max`.
 */
function textPrefix(el, max) {
  if (!el.firstElementChild) return el.textContent.slice(0, max);
  const walker = el.ownerDocument.createTreeWalker(el, 12); // NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION
  let out = '';
  for (let t = walker.nextNode(); t && out.length < max; t = walker.nextNode()) out += t.data;
  return out.slice(0, max);
}

/** Whether a character code is white space to `\s` (ASCII ones first, the rest by the regexp). */
const isSpace = (c, ch) => (c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(ch));

/** Words of a text: space-separated tokens, or for CJK scripts about two characters a word. */
function wordCount(text) {
  let tokens = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = isSpace(c, c < 128 ? '' : text[i]);
    if (!space && !inWord) tokens++;
    inWord = !space;
  }
  if (!HAS_CJK.test(text)) return tokens;
  let cjk = 0;
  CJK.lastIndex = 0;
  while (CJK.exec(text)) cjk++;
  return Math.max(tokens, Math.round(cjk / 2));
}

/** Paragraphs of prose: sentences, few links, outside the page's furniture (and the post holding each). */
function prose({ p: paragraphs, pInChrome, pPost }) {
  const found = [];
  const posts = [];
  let words = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    if (pInChrome[i]) continue;
    const p = paragraphs[i];
    const text = p.textContent.slice(0, CAPS.paragraphChars).trim();
    if (text.length < 50 || !SENTENCE_END.test(text)) continue;
    const n = wordCount(text);
    if (n < 8 || linkShare(p, text.length) > 0.3) continue;
    found.push(p);
    posts.push(pPost[i]);
    words += n;
  }
  return { paragraphs: found, posts, words };
}

/** The page's headline: an h1, not a link, not in the menus, with prose after it. */
function headline(h1s, paragraphs) {
  for (const h of h1s) {
    if (!h.textContent.trim() || h.closest('a') || h.querySelector('a') || h.closest(CHROME)) continue;
    if (paragraphs.some((p) => h.compareDocumentPosition(p) & FOLLOWING)) return h;
  }
  return null;
}

/** A byline near the headline: marked up as one, or a short line starting "By …". */
function byline(h1, marked) {
  const scope = h1.closest('article, main, [role="main"]') ?? h1.parentElement?.parentElement ?? h1.parentElement;
  if (scope && marked.some((el) => scope.contains(el))) return true;
  let el = h1.nextElementSibling ?? h1.parentElement?.nextElementSibling;
  for (let i = 0; el && i < 3; i++, el = el.nextElementSibling) {
    const t = textPrefix(el, 120);
    if (t.length < 120 && BYLINE.test(t)) return true;
  }
  return false;
}

/** Headings whose text is (nearly) all one link: teasers and results pointing elsewhere. */
function linkHeadings(headings) {
  let linked = 0;
  for (const h of headings) {
    const text = h.textContent.trim();
    if (text && (h.closest('a') || linkShare(h, text.length) > 0.8)) linked++;
  }
  return linked;
}

/**
 * Posts (articles inside the page, comments, social postings; not the story that
 * holds the headline, nor a wrapper of other posts) that hold prose.
 */
function posts(found, text, h1) {
  const leaves = new Set();
  for (const el of found.posts) {
    if ((h1 && el.contains(h1)) || found.holding.has(el)) continue;
    // The walk saw every post inside the others, but those it ended in may hold more.
    if (found.openAtEnd.includes(el) && el.querySelector(POSTS)) continue;
    leaves.add(el);
  }
  const holding = new Set();
  let inPosts = 0;
  for (const post of text.posts) {
    if (post && leaves.has(post)) {
      inPosts++;
      holding.add(post);
    }
  }
  return { count: Math.max(holding.size, leaves.size), inPosts };
}

function codeShare(pre, proseWords) {
  let lines = 0;
  for (const block of pre) {
    const text = textPrefix(block, 5_000);
    lines++;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  }
  return { blocks: pre.length, lines, share: lines / Math.max(1, lines + proseWords / 12) };
}

/** Whether the page's menus hold at least `enough` links (a documentation sidebar has dozens). */
function menuLinks(menus, enough) {
  let n = 0;
  for (const menu of menus) {
    if (menus.some((m) => m !== menu && m.contains(menu))) continue;
    const links = menu.getElementsByTagName('a');
    if (links[enough - n - 1]) return true; // without counting all of a large menu's links
    n += links.length;
  }
  return false;
}

/**
 * The decision for `doc` (a live document or an inert one: nothing is rendered or
 * measured, so hidden text counts as if shown).
 */
export function pageKind(doc) {
  const reasons = [];
  const signal = (name, weight, text) => reasons.push({ signal: name, weight, text });
  const found = scan(doc);

  // What the publisher says the page is.
  const types = declaredTypes(found);
  const articleType = types.find((t) => ARTICLE_TYPES.has(t));
  const otherType = types.find((t) => OTHER_TYPES.has(t));
  if (articleType) signal('declared-article', WEIGHTS.declaredArticle, `the page says it is a ${articleType}`);
  if (otherType) signal('declared-other', WEIGHTS.declaredOther, `the page says it is a ${otherType}`);
  const og = meta(doc, 'og:type');
  if (og === 'article') signal('og-article', WEIGHTS.ogArticle, 'og:type is article');
  else if (og.startsWith('product') || og === 'og:product') signal('og-product', WEIGHTS.ogProduct, `og:type is ${og}`);
  else if (og === 'website') signal('og-website', WEIGHTS.ogWebsite, 'og:type is website');

  // The story's shape: a headline with prose after it, a byline, a date.
  const text = prose(found);
  const n = text.paragraphs.length;
  const more = found.p.length === CAPS.paragraphs ? '+' : '';
  const h1 = headline(found.h1, text.paragraphs);
  if (h1) signal('headline', WEIGHTS.headline, 'a headline');
  if (h1 && byline(h1, found.bylines)) signal('byline', WEIGHTS.byline, 'a byline');
  if (found.times > 0 && found.times <= 3) signal('time', WEIGHTS.time, 'a date');
  if (n >= 3) signal('prose', WEIGHTS.prose3, `${n}${more} paragraphs of prose`);
  if (n >= 6) signal('more-prose', WEIGHTS.prose6, 'many paragraphs');
  if (text.words >= 400) signal('long-prose', WEIGHTS.proseLong, `${text.words}${more} words of prose`);

  // The signs of something else.
  if (found.price) signal('commerce', WEIGHTS.commerce, 'a price: a shop');
  else if (found.cart) signal('commerce', WEIGHTS.commerce, `an “${found.cart}” button: a shop`);
  const linked = linkHeadings(found.headings);
  if (found.search && (linked >= 5 || doc.querySelectorAll('ol > li a, ul > li a').length >= 5)) {
    signal('search-results', WEIGHTS.searchResults, 'a search box with a list of results');
  }
  let editableText = 0;
  for (let i = 0; n < 6 && editableText <= 500 && i < found.editable.length; i++) editableText += textPrefix(found.editable[i], 501 - editableText).length;
  // Attributes only: isContentEditable would have the browser compute styles.
  if (doc.designMode === 'on' || (doc.body && editableAttr(doc.body)) || (editableText > 500 && n < 6)) {
    signal('editable', WEIGHTS.editable, 'an editable document');
  }
  const controls = Math.min(found.controls, CAPS.controls);
  if (found.application || (controls >= 20 && controls > 4 * Math.max(1, n))) {
    signal('app', WEIGHTS.appShell, `an application's controls (${controls}${controls === CAPS.controls ? '+' : ''})`);
  }
  const code = codeShare(found.pre, text.words);
  if (code.blocks >= 2 && code.share >= 0.25 && menuLinks(found.menus, 20)) signal('docs', WEIGHTS.docs, 'code listings beside a documentation menu');
  else if (code.share >= 0.5 && code.lines >= 40) signal('docs', WEIGHTS.docs, 'mostly code');
  const thread = posts(found, text, h1);
  const feedLike = thread.count >= 4 && (found.replyBox || found.times >= 4);
  if (feedLike && thread.inPosts * 2 >= Math.max(1, n)) signal('posts', WEIGHTS.posts, `a feed or thread of ${thread.count} posts`);
  if (linked >= 6 && linked * 2 > n) signal('teasers', WEIGHTS.teasers, `${linked} teaser headlines`);

  reasons.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const score = reasons.reduce((sum, r) => sum + r.weight, 0);
  return { article: score >= ARTICLE_THRESHOLD, score, reasons };
}

/** The reasons as one sentence for the popup: the strongest two on the decision's side. */
export function explain(kind) {
  const side = kind.reasons.filter((r) => (kind.article ? r.weight > 0 : r.weight < 0)).slice(0, 2);
  if (!side.length) return kind.article ? '' : 'no headline and too little prose';
  return side.map((r) => r.text).join('; ');
}
