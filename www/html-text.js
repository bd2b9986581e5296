/**
 * The article text of an HTML file dropped on the playground. The file is parsed
 * into an inert document (DOMParser: no script runs, nothing loads) and only its
 * text is kept, a blank line between blocks; page chrome, code and forms are
 * left out, like the extension's collector does on live pages. (That collector
 * needs layout to judge visibility, which an inert document does not have.)
 */
import { findArticleRoot } from './ext/page/collect.js';

const SKIP = [
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'canvas', 'svg', 'math', 'head',
  'nav', 'header', 'footer', 'aside', 'form', 'input', 'textarea', 'select', 'button', 'label', 'dialog', 'menu',
  'pre', 'code', 'kbd', 'samp', 'var', '[hidden]', '[aria-hidden="true"]', '[contenteditable]',
  '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]', '[role="search"]',
].join(',');
const BLOCK = /^(ADDRESS|ARTICLE|BLOCKQUOTE|BR|CAPTION|DD|DIV|DL|DT|FIGCAPTION|FIGURE|H[1-6]|HR|LI|MAIN|OL|P|SECTION|SUMMARY|TABLE|TD|TH|TR|UL)$/;

export function textOfHtml(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = findArticleRoot(doc);
  const paragraphs = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    line = '';
  };
  (function walk(node) {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) line += child.data;
      else if (child.nodeType === 1 && !child.matches(SKIP)) {
        const block = BLOCK.test(child.tagName);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  })(root);
  flush();
  return paragraphs.join('\n\n');
}
