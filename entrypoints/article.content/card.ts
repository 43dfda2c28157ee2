/**
 * The person card shown over the page (hover or keyboard focus on a highlighted name): name, roles,
 * quotes from this article, and the highlight switches. Built with DOM APIs and textContent only,
 * inside Masthead's shadow root (./shadow-host.ts).
 */
import type { HighlightPerson } from '@/lib/highlight/types';
import type { PersonSummary } from '@/lib/people/wiki-summary';
import { el } from './shadow-host';
import { summaryBlock, SUMMARY_CSS } from './card-summary';

export interface CardActions {
  /** Move to the next (1) or previous (-1) person. */
  step(step: 1 | -1): void;
  close(): void;
  /** Remove the highlights from this page until it is reloaded. */
  hidePage(): void;
  /** Turn highlights off for this site / everywhere (stored settings). */
  offSite(): void;
  offEverywhere(): void;
}

export const CARD_CSS = `
:host { all: initial; }
.card {
  position: fixed; z-index: 2147483647; box-sizing: border-box; width: min(340px, calc(100vw - 16px));
  max-height: min(520px, calc(100vh - 16px)); overflow: auto; padding: 12px 14px;
  background: #fffdf8; color: #1b1a17; border: 1px solid #cfc7b5; border-radius: 8px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 18%); font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  text-align: start;
}
.card[hidden] { display: none; }
.card:focus { outline: 2px solid #1a5fb4; outline-offset: 2px; }
@media (prefers-reduced-motion: no-preference) { .card { animation: appear 120ms ease-out; } }
@keyframes appear { from { opacity: 0; transform: translateY(4px); } }
.kicker { margin: 0; font-size: 10.5px; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; color: #6b665b; }
.name { margin: 2px 0 4px; font: 700 17px/1.25 Georgia, 'Times New Roman', serif; }
.roles { margin: 0 0 6px; padding: 0; list-style: none; }
.roles li + li { color: #4d4a42; }
.meta { margin: 0 0 6px; color: #6b665b; font-size: 12px; }
.quotes { margin: 0 0 8px; padding: 0; list-style: none; display: grid; gap: 6px; }
.quotes li { padding-left: 8px; border-left: 3px solid #e0d6bf; font-family: Georgia, serif; }
.row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
button {
  font: inherit; font-size: 12px; padding: 3px 9px; border-radius: 6px; cursor: pointer;
  border: 1px solid #cfc7b5; background: #fff; color: inherit;
}
button:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 1px; }
.close { position: absolute; top: 6px; right: 6px; border: 0; background: transparent; font-size: 16px; line-height: 1; }
.box { position: absolute; pointer-events: none; background: rgb(255 209 102 / 42%); border-bottom: 2px solid rgb(178 110 0 / 90%); }
.box.active { background: rgb(255 170 0 / 60%); }
@media (prefers-color-scheme: dark) {
  .card { background: #1f1e1b; color: #ece8df; border-color: #3a3731; }
  .kicker, .meta { color: #aaa598; }
  .roles li + li { color: #cfc9bb; }
  .quotes li { border-left-color: #4a463e; }
  button { background: #2a2824; border-color: #4a463e; }
}
@media (forced-colors: active) {
  .card { border: 2px solid CanvasText; background: Canvas; color: CanvasText; }
  button { border: 1px solid ButtonText; background: ButtonFace; color: ButtonText; }
  .box { background: transparent; border: 2px solid Highlight; }
}
${SUMMARY_CSS}`;

export interface Card {
  show(
    person: HighlightPerson,
    position: { index: number; total: number },
    anchor: DOMRect,
    focus: boolean,
  ): void;
  hide(): void;
  /** Keep the open card next to its mention (the page scrolled or resized). */
  move(anchor: DOMRect): void;
  /** Adds the Wikipedia summary of the person shown (see ./card-summary.ts). */
  setSummary(summary: PersonSummary): void;
  /** The Wikidata QID of the person shown, if any. */
  readonly qid: string | undefined;
  readonly open: boolean;
  readonly element: HTMLElement;
}

/**
 * Places the card below the anchor, else above it, else beside it — never over the name it is
 * about — inside the viewport.
 */
function place(card: HTMLElement, anchor: DOMRect, win: Window): void {
  const w = card.offsetWidth || 340;
  const h = card.offsetHeight || 200;
  const vw = win.innerWidth;
  const vh = win.innerHeight;
  const clamp = (v: number, max: number) => Math.max(8, Math.min(v, max));
  let left = clamp(anchor.left, vw - w - 8);
  let top: number;
  if (anchor.bottom + 8 + h <= vh - 8) top = anchor.bottom + 8;
  else if (anchor.top - h - 8 >= 8) top = anchor.top - h - 8;
  else {
    top = clamp(anchor.top + anchor.height / 2 - h / 2, vh - h - 8);
    left = anchor.right + 12 + w <= vw - 8 ? anchor.right + 12 : clamp(anchor.left - w - 12, vw - w - 8);
  }
  card.style.left = `${Math.round(left)}px`;
  card.style.top = `${Math.round(top)}px`;
}

export function createCard(root: ShadowRoot, doc: Document, actions: CardActions): Card {
  const card = el(doc, 'div', {
    class: 'card',
    role: 'dialog',
    'aria-modal': 'false',
    tabindex: '-1',
    'data-testid': 'masthead-person-card',
    hidden: '',
  });
  root.append(card);
  let open = false;
  let qid: string | undefined;

  const button = (label: string, onClick: () => void, attrs: Record<string, string> = {}) => {
    const b = el(doc, 'button', { type: 'button', ...attrs }, label);
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      onClick();
    });
    return b;
  };

  function render(p: HighlightPerson, index: number, total: number) {
    card.replaceChildren();
    const nameId = 'masthead-card-name';
    card.setAttribute('aria-labelledby', nameId);
    card.append(
      button('×', actions.close, { class: 'close', 'aria-label': 'Close (Escape)' }),
      el(doc, 'p', { class: 'kicker' }, `Masthead · person ${index + 1} of ${total}`),
      el(doc, 'h2', { class: 'name', id: nameId }, p.name),
    );
    if (p.roles.length) {
      const roles = el(doc, 'ul', { class: 'roles', 'aria-label': 'Roles' });
      for (const r of p.roles) roles.append(el(doc, 'li', {}, r));
      card.append(roles);
    }
    const quoted = p.quotes.length
      ? `, quoted ${p.quotes.length} ${p.quotes.length === 1 ? 'time' : 'times'}`
      : '';
    card.append(
      el(
        doc,
        'p',
        { class: 'meta' },
        `Named ${p.mentions} ${p.mentions === 1 ? 'time' : 'times'} in this article${quoted}.`,
      ),
    );
    if (p.quotes.length) {
      const quotes = el(doc, 'ul', { class: 'quotes', 'aria-label': 'Quotes in this article' });
      for (const q of p.quotes.slice(0, 3)) quotes.append(el(doc, 'li', {}, `“${q}”`));
      card.append(quotes);
    }
    const nav = el(doc, 'div', { class: 'row', 'data-role': 'nav' });
    nav.append(
      button('‹ Previous person', () => actions.step(-1)),
      button('Next person ›', () => actions.step(1), { title: 'Alt+Shift+P' }),
    );
    const off = el(doc, 'div', { class: 'row', role: 'group', 'aria-label': 'Highlights' });
    off.append(
      button('Hide on this page', actions.hidePage, { 'data-action': 'hide-page' }),
      button('Off for this site', actions.offSite, { 'data-action': 'off-site' }),
      button('Off everywhere', actions.offEverywhere, { 'data-action': 'off-everywhere' }),
    );
    card.append(nav, off);
  }

  return {
    show(person, { index, total }, anchor, focus) {
      qid = person.qid;
      render(person, index, total);
      card.hidden = false;
      open = true;
      place(card, anchor, doc.defaultView ?? window);
      if (focus) card.focus({ preventScroll: true });
    },
    hide() {
      card.hidden = true;
      open = false;
    },
    move(anchor) {
      if (open) place(card, anchor, doc.defaultView ?? window);
    },
    setSummary(summary) {
      if (summary.qid !== qid) return;
      card.querySelector('.wiki')?.remove();
      card.insertBefore(summaryBlock(doc, summary), card.querySelector('[data-role="nav"]'));
    },
    get qid() {
      return qid;
    },
    get open() {
      return open;
    },
    element: card,
  };
}
