/**
 * The selection toolbar: a small panel in a shadow root (DOM APIs only) with one button per
 * highlight colour, a note field and "Copy link to passage". Keyboard: arrow keys move between the
 * buttons, Escape closes it; the page's own styles cannot reach inside.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/annotations/selectors';
import { COLOR_VALUES } from '@/lib/annotations/selectors';
import { el } from './shadow-host';

export interface ToolbarActions {
  highlight(color: HighlightColor, note: string): void;
  copyLink(): void;
  /** The toolbar closed (Escape, or an action finished). */
  closed?(): void;
}

export interface Toolbar {
  /** The host element (in the page; everything else is in its shadow root). */
  readonly host: HTMLElement;
  /** Layer for fallback highlight boxes (inside the same shadow root). */
  readonly overlay: HTMLElement;
  show(rect: { left: number; top: number; bottom: number }, focus?: boolean): void;
  hide(): void;
  readonly open: boolean;
  /** A short message (e.g. the copied link, or an error). */
  status(text: string): void;
  destroy(): void;
}

const STYLE = `
:host { all: initial; }
.bar { position: absolute; z-index: 2147483647; display: flex; flex-wrap: wrap; gap: 4px; align-items: center;
  max-width: 340px; padding: 6px; border-radius: 8px; background: #1f2328; color: #f6f8fa;
  font: 13px/1.3 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.bar[hidden] { display: none; }
button { font: inherit; color: inherit; background: #32383f; border: 1px solid #57606a; border-radius: 6px;
  padding: 3px 8px; cursor: pointer; min-height: 28px; }
button.swatch { width: 28px; padding: 0; }
button:focus-visible, textarea:focus-visible { outline: 2px solid #58a6ff; outline-offset: 1px; }
textarea { width: 100%; min-height: 48px; font: inherit; border-radius: 6px; border: 1px solid #57606a;
  background: #0d1117; color: inherit; padding: 4px; box-sizing: border-box; }
.note { display: flex; flex-direction: column; gap: 4px; width: 100%; }
.note[hidden] { display: none; }
.status { width: 100%; overflow-wrap: anywhere; }
.status:empty { display: none; }
.hl-box { position: absolute; pointer-events: none; border-radius: 2px; }
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none; }
@media (prefers-color-scheme: light) {
  .bar { background: #ffffff; color: #1f2328; border: 1px solid #d0d7de; }
  button { background: #f6f8fa; border-color: #d0d7de; }
  textarea { background: #ffffff; border-color: #d0d7de; }
}
@media (prefers-reduced-motion: no-preference) { .bar { transition: opacity .12s; } }
`;

export function createToolbar(
  doc: Document,
  actions: ToolbarActions,
  opts: { openShadow?: boolean } = {},
): Toolbar {
  const host = el(doc, 'div', { 'data-masthead-ui': 'highlights' });
  const shadow = host.attachShadow({ mode: opts.openShadow ? 'open' : 'closed' });
  shadow.append(el(doc, 'style', {}, STYLE));
  const overlay = el(doc, 'div', { class: 'layer', 'aria-hidden': 'true' });
  const bar = el(doc, 'div', {
    class: 'bar',
    role: 'toolbar',
    'aria-label': 'Masthead: highlight the selection',
    hidden: '',
  });
  const swatches = HIGHLIGHT_COLORS.map((c) => {
    const b = el(doc, 'button', {
      type: 'button',
      class: 'swatch',
      'data-color': c,
      'aria-label': `Highlight ${c}`,
      title: `Highlight (${c})`,
    });
    b.style.background = COLOR_VALUES[c];
    b.addEventListener('click', () => actions.highlight(c, noteField.value.trim()));
    return b;
  });
  const noteButton = el(
    doc,
    'button',
    { type: 'button', 'data-action': 'note', 'aria-expanded': 'false' },
    'Note',
  );
  const linkButton = el(doc, 'button', { type: 'button', 'data-action': 'link' }, 'Copy link');
  const noteBox = el(doc, 'div', { class: 'note', hidden: '' });
  const noteField = el(doc, 'textarea', {
    'aria-label': 'Note for this highlight',
    maxlength: '20000',
    'data-field': 'note',
  });
  const saveNote = el(doc, 'button', { type: 'button', 'data-action': 'save' }, 'Highlight with note');
  noteBox.append(noteField, saveNote);
  const statusLine = el(doc, 'div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  bar.append(...swatches, noteButton, linkButton, noteBox, statusLine);
  shadow.append(overlay, bar);

  noteButton.addEventListener('click', () => {
    const opening = noteBox.hidden;
    noteBox.hidden = !opening;
    noteButton.setAttribute('aria-expanded', String(opening));
    if (opening) noteField.focus();
  });
  saveNote.addEventListener('click', () => actions.highlight('yellow', noteField.value.trim()));
  linkButton.addEventListener('click', () => actions.copyLink());
  // Keep the page's selection while clicking the toolbar's buttons.
  bar.addEventListener('mousedown', (e) => {
    if (!(e.target instanceof HTMLTextAreaElement)) e.preventDefault();
  });
  const buttons = [...swatches, noteButton, linkButton];
  bar.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      toolbar.hide();
      actions.closed?.();
      return;
    }
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = buttons.indexOf(shadow.activeElement as HTMLButtonElement);
    if (i < 0) return;
    e.preventDefault();
    buttons[(i + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]!.focus();
  });

  const toolbar: Toolbar = {
    host,
    overlay,
    get open() {
      return !bar.hidden;
    },
    show(rect, focus = false) {
      const win = doc.defaultView!;
      const width = 340;
      const left = Math.max(4, Math.min(rect.left, win.innerWidth - width - 4));
      const below = rect.bottom + 8;
      bar.style.left = `${left + win.scrollX}px`;
      bar.style.top = `${below + win.scrollY}px`;
      if (bar.hidden) {
        noteField.value = '';
        noteBox.hidden = true;
        noteButton.setAttribute('aria-expanded', 'false');
        statusLine.textContent = '';
      }
      bar.hidden = false;
      if (focus) swatches[0]!.focus();
    },
    hide() {
      bar.hidden = true;
    },
    status(text) {
      statusLine.textContent = text;
    },
    destroy() {
      host.remove();
    },
  };
  return toolbar;
}
