/**
 * People on the page: paints every mention of the article's people (./highlights.ts), opens the
 * person card on hover and on keyboard focus (./card.ts), moves between people (Alt+Shift+P, the
 * `next-person` command, the popup's "Find on page"), closes on Escape, and follows the highlight
 * settings (this page / this site / everywhere). Repaints when the article's text changes.
 */
import type { HighlightPerson } from '@/lib/highlight/types';
import type { PersonSummary } from '@/lib/people/wiki-summary';
import {
  highlightsOn,
  HIGHLIGHTS_ENABLED_KEY,
  HIGHLIGHTS_OFF_SITES_KEY,
  withSite,
} from '@/lib/highlight/settings';
import { createCard, CARD_CSS, type Card } from './card';
import {
  ACTIVE_NAME,
  adoptHighlightStyle,
  dropHighlightStyle,
  findMarks,
  HIGHLIGHT_NAME,
  highlightApi,
  type Mark,
  type PaintStats,
} from './highlights';
import { createOverlay, type Overlay } from './overlay';
import { createShadowHost, type ShadowHost } from './shadow-host';

export interface SettingsStore {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  onChanged(listener: () => void): void;
}

export interface PeopleUiEnv {
  win: Window & typeof globalThis;
  now: () => number;
  yieldToPage: () => Promise<void>;
  setTimeout: (fn: () => void, ms: number) => number;
  dead: () => boolean;
  settings: SettingsStore;
  /** The Wikipedia summary for a person with a QID (asked of the background), or null. */
  summary?: (qid: string) => Promise<PersonSummary | null>;
  /** Called after each paint (e2e builds mark the page with it). */
  onPainted?: (stats: PaintStats & { people: number; api: 'highlight' | 'overlay' }) => void;
}

const HOVER_OPEN_MS = 200;
const HOVER_CLOSE_MS = 400;
const MUTATION_DEBOUNCE_MS = 1_000;

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(doc: CaretDoc, x: number, y: number): { node: Node; offset: number } | null {
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

const inside = (r: DOMRect, x: number, y: number) =>
  x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;

export function createPeopleUi(env: PeopleUiEnv) {
  const { win } = env;
  const doc = win.document;
  const api = highlightApi(win);
  let people: HighlightPerson[] = [];
  let marks: Mark[] = [];
  let byNode = new Map<Node, Mark[]>();
  let generation = 0;
  let enabled = true;
  let hiddenOnPage = false;
  let active: number | null = null;
  let shadow: ShadowHost | null = null;
  let card: Card | null = null;
  let overlay: Overlay | null = null;
  let returnFocus: HTMLElement | null = null;
  /** The card was opened from the keyboard: it stays until Escape / close, whatever the pointer does. */
  let keyboardOpen = false;
  /** The mention the open card belongs to (the card follows it when the page scrolls). */
  let cardMark: Mark | null = null;
  let scrollFrame = 0;
  let hoverTimer: number | undefined;
  let mutationTimer: number | undefined;
  let observer: MutationObserver | null = null;

  const host = () => (shadow ??= createShadowHost(doc, CARD_CSS));
  const reducedMotion = () => win.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

  function ensureCard(): Card {
    card ??= createCard(host().root, doc, {
      step: (s) => step(s, true),
      close: () => closeCard(true),
      hidePage: () => {
        hiddenOnPage = true;
        clear();
      },
      offSite: () => void saveOff('site'),
      offEverywhere: () => void saveOff('everywhere'),
    });
    return card;
  }

  function setActive(person: number | null) {
    active = person;
    if (api) {
      const ranges = person === null ? [] : marks.filter((m) => m.person === person).map((m) => m.range);
      if (ranges.length) api.registry.set(ACTIVE_NAME, new api.Highlight(...ranges));
      else api.registry.delete(ACTIVE_NAME);
    } else {
      overlay?.draw(marks, active);
    }
  }

  function closeCard(restoreFocus: boolean) {
    if (!card?.open) return;
    card.hide();
    keyboardOpen = false;
    setActive(null);
    if (restoreFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  }

  function clear() {
    generation++;
    closeCard(false);
    marks = [];
    byNode = new Map();
    if (api) {
      api.registry.delete(HIGHLIGHT_NAME);
      api.registry.delete(ACTIVE_NAME);
    }
    overlay?.clear();
    dropHighlightStyle(doc);
  }

  const shouldPaint = () => enabled && !hiddenOnPage && people.length > 0 && !env.dead();

  async function paint(): Promise<void> {
    clear();
    if (!shouldPaint()) return;
    const mine = generation;
    const highlight = api ? new api.Highlight() : null;
    if (api && highlight) {
      adoptHighlightStyle(doc);
      api.registry.set(HIGHLIGHT_NAME, highlight);
    }
    const found = await findMarks(
      people,
      { doc, now: env.now, yieldToPage: env.yieldToPage, cancelled: () => mine !== generation || env.dead() },
      (fresh) => {
        if (highlight) for (const m of fresh) highlight.add(m.range);
      },
    );
    if (!found || mine !== generation) return;
    marks = found.marks;
    for (const m of marks) byNode.set(m.node, [...(byNode.get(m.node) ?? []), m]);
    if (!api) {
      overlay ??= createOverlay(host().root, doc);
      overlay.draw(marks, active);
    }
    env.onPainted?.({ ...found.stats, people: people.length, api: api ? 'highlight' : 'overlay' });
  }

  function anchorOf(m: Mark): DOMRect {
    return m.range.getBoundingClientRect();
  }

  /** Opens the card for `person` at the mention `m`; keyboard opens move focus into the card. */
  function openCard(person: number, m: Mark, byKeyboard: boolean) {
    const p = people[person];
    if (!p) return;
    if (byKeyboard && !card?.open) {
      const focused = doc.activeElement;
      returnFocus = focused instanceof HTMLElement && focused !== doc.body ? focused : null;
    }
    keyboardOpen = byKeyboard || (keyboardOpen && !!card?.open);
    cardMark = m;
    setActive(person);
    const shown = ensureCard();
    shown.show(p, { index: person, total: people.length }, anchorOf(m), byKeyboard);
    if (p.qid && env.summary) void showSummary(shown, p.qid);
  }

  /** Adds the Wikipedia summary to the open card, if it is still about the same person. */
  async function showSummary(shown: Card, qid: string) {
    const summary = await env.summary!(qid).catch(() => null);
    if (summary && summary.qid === qid && shown.open && shown.qid === qid && !env.dead()) {
      shown.setSummary(summary);
      if (cardMark) shown.move(anchorOf(cardMark));
    }
  }

  /** Scrolls to the person's first mention and opens the card (keyboard focus). */
  function focusPerson(person: number): boolean {
    const m = marks.find((x) => x.person === person);
    if (!m) return false;
    const target = m.node.parentElement;
    const smooth = !reducedMotion();
    target?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'instant' });
    openCard(person, m, true);
    return true;
  }

  function step(s: 1 | -1, byKeyboard: boolean): string | null {
    const present = [...new Set(marks.map((m) => m.person))].sort((a, b) => a - b);
    if (present.length === 0) return null;
    const at = active === null ? -1 : present.indexOf(active);
    const next =
      at < 0
        ? s === 1
          ? present[0]!
          : present[present.length - 1]!
        : present[(at + s + present.length) % present.length]!;
    if (byKeyboard) focusPerson(next);
    return people[next]?.name ?? null;
  }

  async function saveOff(scope: 'site' | 'everywhere') {
    clear();
    if (scope === 'everywhere') await env.settings.set({ [HIGHLIGHTS_ENABLED_KEY]: false });
    else {
      const cur = await env.settings.get([HIGHLIGHTS_OFF_SITES_KEY]);
      await env.settings.set({
        [HIGHLIGHTS_OFF_SITES_KEY]: withSite(cur[HIGHLIGHTS_OFF_SITES_KEY], location.hostname, true),
      });
    }
  }

  async function readSettings(): Promise<void> {
    try {
      const s = await env.settings.get([HIGHLIGHTS_ENABLED_KEY, HIGHLIGHTS_OFF_SITES_KEY]);
      enabled = highlightsOn(s[HIGHLIGHTS_ENABLED_KEY], s[HIGHLIGHTS_OFF_SITES_KEY], location.hostname);
    } catch {
      enabled = true; // unreadable settings: the default
    }
  }

  // ---- events --------------------------------------------------------------------------------
  const isOurs = (e: Event) => !!shadow && e.composedPath().includes(shadow.host);

  function onPointerMove(e: PointerEvent) {
    if (!marks.length || isOurs(e)) {
      if (hoverTimer !== undefined) clearTimeout(hoverTimer);
      hoverTimer = undefined;
      return;
    }
    const pos = caretAt(doc as CaretDoc, e.clientX, e.clientY);
    const list = pos ? byNode.get(pos.node) : undefined;
    const hit = list?.find(
      (m) =>
        m.range.startOffset <= pos!.offset &&
        pos!.offset <= m.range.endOffset &&
        [...m.range.getClientRects()].some((r) => inside(r, e.clientX, e.clientY)),
    );
    if (hoverTimer !== undefined) clearTimeout(hoverTimer);
    hoverTimer = undefined;
    if (hit) {
      if (card?.open && active === hit.person) return;
      hoverTimer = env.setTimeout(() => openCard(hit.person, hit, false), HOVER_OPEN_MS);
    } else if (card?.open && !keyboardOpen && !card.element.matches(':focus-within')) {
      hoverTimer = env.setTimeout(() => closeCard(false), HOVER_CLOSE_MS);
    }
  }

  function onScroll() {
    if (!card?.open || !cardMark || scrollFrame) return;
    scrollFrame = win.requestAnimationFrame(() => {
      scrollFrame = 0;
      if (card?.open && cardMark) card.move(anchorOf(cardMark));
    });
  }

  let resizeTimer: number | undefined;
  function onResize() {
    onScroll();
    if (api || !marks.length) return;
    if (resizeTimer !== undefined) clearTimeout(resizeTimer);
    resizeTimer = env.setTimeout(() => overlay?.draw(marks, active), 200); // boxes follow the layout
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyP') {
      if (!marks.length) return;
      e.preventDefault();
      step(1, true);
    } else if (e.key === 'Escape' && card?.open) {
      e.preventDefault();
      closeCard(true);
    }
  }

  function onMutation(records: MutationRecord[]) {
    if (!shouldPaint() || records.every((r) => shadow && shadow.host.contains(r.target))) return;
    if (mutationTimer !== undefined) clearTimeout(mutationTimer);
    mutationTimer = env.setTimeout(() => {
      mutationTimer = undefined;
      if (!card?.open) void paint(); // never yank the card from under the reader
    }, MUTATION_DEBOUNCE_MS);
  }

  function start() {
    win.addEventListener('pointermove', onPointerMove, { passive: true });
    win.addEventListener('keydown', onKeyDown, true);
    win.addEventListener('scroll', onScroll, { passive: true });
    win.addEventListener('resize', onResize, { passive: true });
    if (doc.body && typeof MutationObserver === 'function') {
      observer = new MutationObserver(onMutation);
      observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    }
    env.settings.onChanged(() => {
      void readSettings().then(() => (enabled ? paint() : clear()));
    });
  }

  return {
    start,
    /** New people from the background (empty for a non-article page). */
    async update(list: HighlightPerson[]): Promise<void> {
      people = list;
      await readSettings();
      await paint();
    },
    /** Paint again with the current people (the page changed under us). */
    repaint: () => paint(),
    clear,
    /** "Find on page": shows the person's first mention (painting again if hidden on this page). */
    async showPerson(name: string): Promise<boolean> {
      const i = people.findIndex((p) => p.name === name);
      if (i < 0) return false;
      if (hiddenOnPage || marks.length === 0) {
        hiddenOnPage = false;
        await paint();
      }
      return focusPerson(i);
    },
    step: (s: 1 | -1) => step(s, true),
    stop() {
      clear();
      observer?.disconnect();
      win.removeEventListener('pointermove', onPointerMove);
      win.removeEventListener('keydown', onKeyDown, true);
      win.removeEventListener('scroll', onScroll);
      win.removeEventListener('resize', onResize);
      shadow?.remove();
      shadow = null;
      card = null;
      overlay = null;
    },
  };
}

export type PeopleUi = ReturnType<typeof createPeopleUi>;
