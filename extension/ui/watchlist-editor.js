// @ts-check
/**
 * The watch-list editor (the options page and the playground): add an entry (a phrase
 * or a /pattern/, and an optional note), edit it, delete it, undo the last change. A
 * pattern the regex crate refuses is not saved: its own message stands beside the
 * entry. A list over what storage.sync holds per setting is kept on this device, and
 * the editor says so and what to do.
 *
 *   const editor = createWatchlistEditor({ doc, store, check, sync });
 *   container.append(editor.element);
 *     store  core/settings.js's store (its `watchlist`)
 *     check  async (pattern) → the reason it cannot be an entry, or null (core/watchlist.js's entryProblem)
 *     sync   whether the list is kept in storage.sync (false in the playground)
 */
import { isPattern, normalizeWatchlist, SYNC_ITEM_BYTES, syncBytes } from '../core/watchlist-entries.js';
import { h } from './dom.js';

export const WATCHLIST_EDITOR_CSS = `
.cv-watchlist { display: grid; gap: 10px; }
.cv-watchlist form { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 3fr) auto; gap: 8px; align-items: end; }
.cv-watchlist form.editing { grid-template-columns: minmax(0, 3fr) minmax(0, 3fr) auto auto; }
.cv-watchlist label { display: grid; gap: 3px; font-size: 13px; color: var(--cv-muted); }
.cv-watchlist input[type="text"] { font: 14px/1.4 inherit; color: var(--cv-fg); background: var(--cv-bg);
  border: 1px solid var(--cv-muted); border-radius: 6px; padding: 5px 8px; width: 100%; box-sizing: border-box; }
.cv-watchlist input[aria-invalid="true"] { border-color: var(--cv-error); }
.cv-watchlist .wl-error { grid-column: 1 / -1; margin: 0; padding: 6px 8px; border-left: 3px solid var(--cv-error);
  color: var(--cv-fg); background: var(--cv-soft); font: 12px/1.4 ui-monospace, monospace; white-space: pre-wrap; }
.cv-watchlist ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0; }
.cv-watchlist li { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 3fr) auto auto; gap: 8px; align-items: center;
  padding: 6px 0; border-bottom: 1px solid var(--cv-line); }
.cv-watchlist li.editing { display: block; }
.cv-watchlist .wl-entry { overflow-wrap: anywhere; }
.cv-watchlist .wl-entry code { font: 13px ui-monospace, monospace; }
.cv-watchlist .wl-note { color: var(--cv-muted); overflow-wrap: anywhere; }
.cv-watchlist .wl-status { min-height: 1.45em; }
.cv-watchlist .wl-quota { padding: 8px 10px; border: 1px solid var(--cv-error); border-radius: 6px; background: var(--cv-soft); }
`;

const HELP =
  'A phrase is marked as whole words, in any case, with ’ and \' alike. A /pattern/ between slashes ' +
  'is a regular expression (the Rust regex crate), in any case unless it starts with (?-i). ' +
  'Your note shows on the mark’s card.';

/** How an entry reads: a pattern as code, a phrase in quotes. */
function entryView(doc, pattern) {
  return isPattern(pattern) ? h(doc, 'code', {}, pattern) : `“${pattern}”`;
}

export function createWatchlistEditor({ doc = document, store, check, sync = true, idPrefix = 'wl' }) {
  let undo = null; // { list, label }
  let editing = -1;
  let serial = 0;
  const id = (name) => `${idPrefix}-${name}`;

  const status = h(doc, 'p', { class: 'wl-status', role: 'status', 'aria-live': 'polite' });
  const quota = h(doc, 'p', { class: 'wl-quota', role: 'alert', hidden: true });
  const list = h(doc, 'ul', { 'aria-label': 'Your watch-list' });
  const empty = h(doc, 'p', { class: 'cv-muted wl-empty' }, 'No entries yet.');
  const addForm = entryForm({ pattern: '', note: '' }, {
    submitLabel: 'Add',
    onSubmit: async (entry, form) => {
      const current = store.get().watchlist;
      if (!(await accept(entry, form, current))) return;
      save([...current, entry], `Added ${label(entry)}.`);
      form.reset();
      form.elements.pattern.focus();
    },
  });
  addForm.classList.add('wl-add');

  const element = h(doc, 'div', { class: 'cv-watchlist' },
    h(doc, 'p', { class: 'cv-muted', id: id('help') }, HELP),
    addForm,
    status,
    quota,
    list,
    empty,
  );

  const label = (entry) => (isPattern(entry.pattern) ? entry.pattern : `“${entry.pattern}”`);

  /** Check an entry before it is saved; shows the reason beside the form when it is refused. */
  async function accept(entry, form, others) {
    let problem;
    if (!entry.pattern) problem = 'Write a phrase or a /pattern/ first.';
    else if (others.some((e) => e.pattern === entry.pattern)) problem = `${label(entry)} is already on your list.`;
    else problem = await check(entry.pattern);
    const error = form.querySelector('.wl-error');
    const input = form.elements.pattern;
    error.textContent = problem ?? '';
    error.hidden = !problem;
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (problem) input.focus();
    return !problem;
  }

  function save(next, message) {
    undo = { list: store.get().watchlist, message };
    editing = -1;
    store.update({ watchlist: normalizeWatchlist(next) });
    showStatus(message, true);
  }

  function showStatus(message, undoable) {
    const parts = [message];
    if (undoable) {
      parts.push(' ', h(doc, 'button', {
        type: 'button',
        class: 'cv-link wl-undo',
        onclick: () => {
          if (!undo) return;
          const previous = undo.list;
          undo = null;
          editing = -1;
          store.update({ watchlist: previous });
          showStatus('Undone.', false);
        },
      }, 'Undo'));
    }
    status.replaceChildren(...parts);
  }

  /** A form of two fields (entry, note), its buttons and the place for the regex crate's message. */
  /**
   * @param {{ pattern: string, note: string }} entry
   * @param {{ submitLabel: string, onSubmit: (entry: { pattern: string, note: string }, form: any) => unknown, onCancel?: () => void }} options
   */
  function entryForm(entry, { submitLabel, onSubmit, onCancel }) {
    const n = ++serial;
    const errorId = id(`error-${n}`);
    const pattern = h(doc, 'input', {
      type: 'text', name: 'pattern', value: entry.pattern, autocomplete: 'off', spellcheck: 'false',
      'aria-describedby': `${errorId} ${id('help')}`, 'aria-invalid': 'false',
    });
    const note = h(doc, 'input', { type: 'text', name: 'note', value: entry.note, autocomplete: 'off' });
    const form = h(doc, 'form', { novalidate: true },
      h(doc, 'label', {}, 'Phrase or /pattern/', pattern),
      h(doc, 'label', {}, 'Note (optional)', note),
      h(doc, 'button', { type: 'submit' }, submitLabel),
      onCancel ? h(doc, 'button', { type: 'button', onclick: onCancel }, 'Cancel') : null,
      h(doc, 'pre', { class: 'wl-error', id: errorId, hidden: true }),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      onSubmit({ pattern: pattern.value.trim(), note: note.value.trim() }, form);
    });
    return form;
  }

  function row(entry, i) {
    if (i === editing) {
      const form = entryForm(entry, {
        submitLabel: 'Save',
        onSubmit: async (changed, f) => {
          const current = store.get().watchlist;
          const others = current.filter((_, k) => k !== i);
          if (!(await accept(changed, f, others))) return;
          const next = current.map((e, k) => (k === i ? changed : e));
          save(next, `Saved ${label(changed)}.`);
        },
        onCancel: () => {
          editing = -1;
          render();
          list.children[i]?.querySelector('button')?.focus();
        },
      });
      form.classList.add('editing');
      form.setAttribute('aria-label', `Edit ${label(entry)}`);
      return h(doc, 'li', { class: 'editing' }, form);
    }
    return h(doc, 'li', {},
      h(doc, 'span', { class: 'wl-entry' }, entryView(doc, entry.pattern)),
      h(doc, 'span', { class: 'wl-note' }, entry.note),
      h(doc, 'button', {
        type: 'button',
        'aria-label': `Edit ${label(entry)}`,
        onclick: () => {
          editing = i;
          render();
          list.children[i]?.querySelector('input')?.focus();
        },
      }, 'Edit'),
      h(doc, 'button', {
        type: 'button',
        'aria-label': `Delete ${label(entry)}`,
        onclick: () => {
          const current = store.get().watchlist;
          save(current.filter((_, k) => k !== i), `Deleted ${label(entry)}.`);
          (list.querySelector('li button') ?? addForm.elements.pattern).focus();
        },
      }, 'Delete'),
    );
  }

  function render() {
    const entries = store.get().watchlist;
    if (editing >= entries.length) editing = -1;
    list.replaceChildren(...entries.map(row));
    list.hidden = entries.length === 0;
    empty.hidden = entries.length > 0;
    const bytes = syncBytes(entries);
    quota.hidden = !sync || bytes <= SYNC_ITEM_BYTES;
    if (!quota.hidden) {
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      quota.textContent =
        `Your watch-list takes ${kb(bytes)}, more than the ${kb(SYNC_ITEM_BYTES)} your browser syncs for one setting. ` +
        'It is saved on this device, complete, but will not reach your other devices. To sync it, shorten notes ' +
        `or remove entries until it is under ${kb(SYNC_ITEM_BYTES)}.`;
    }
  }

  const off = store.subscribe(render);
  render();
  return {
    element,
    render,
    destroy: off,
  };
}
