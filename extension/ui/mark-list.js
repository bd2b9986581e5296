// @ts-check
/**
 * The marks in reading order, one button each (category, phrase, rule name):
 * activating one scrolls the page to the mark and flashes it.
 *
 *   const list = createMarkList({ doc, ruleName(id), onPick(id) });
 *   list.element; list.update(marks)
 */
import { h, trusted } from './dom.js';
import { categoryLabel } from './labels.js';

export const MARK_LIST_CSS = `
.cv-marklist { margin: 0; padding: 0; list-style: none; display: grid; gap: 4px; }
.cv-marklist button { width: 100%; display: grid; grid-template-columns: auto 1fr; gap: 0 8px; align-items: baseline;
  background: transparent; border-color: transparent; padding: 4px 6px; }
.cv-marklist button:hover { background: var(--cv-soft); border-color: var(--cv-line); }
.cv-marklist .cv-swatch { align-self: center; }
.cv-marklist .text { overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.cv-marklist .rule { grid-column: 2; font-size: 12px; color: var(--cv-muted); }
`;

export function createMarkList({ doc = document, ruleName, onPick }) {
  const element = h(doc, 'ol', { class: 'cv-marklist', 'aria-label': 'Marks in reading order' });

  function update(marks) {
    element.replaceChildren(
      ...marks.map((m) =>
        h(doc, 'li', {},
          h(doc, 'button', { type: 'button', 'data-mark-id': m.id, onclick: trusted(() => onPick(m.id)) },
            h(doc, 'span', { class: `cv-swatch ${m.category}`, role: 'img', 'aria-label': categoryLabel(m.category) }),
            h(doc, 'span', { class: 'text' }, m.text),
            h(doc, 'span', { class: 'rule' }, ruleName(m.rule)),
          ),
        ),
      ),
    );
  }

  return { element, update };
}
