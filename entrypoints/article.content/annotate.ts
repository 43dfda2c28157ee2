/**
 * The reader's highlights on the live page. A selection inside the article root opens the toolbar;
 * the selection is described (lib/annotations/selectors.ts) against the root's text as
 * lib/annotations/dom-text.ts reads it — the same text anchoring uses on every later visit. Stored
 * highlights are asked for after the page pass (`listHighlights`), anchored (exact → quote → fuzzy
 * → orphaned) and painted without changing the page's DOM; orphans are never drawn. Late content
 * and SPA text swaps re-anchor through a debounced MutationObserver. No storage here: everything
 * goes through messages to the background.
 */
import type { AnchorStatus } from '@/lib/annotations/anchor';
import { buildTextMap, offsetsFromRange } from '@/lib/annotations/dom-text';
import { describe, type HighlightColor } from '@/lib/annotations/selectors';
import { textFragmentLink } from '@/lib/annotations/text-fragment';
import type { HighlightInfo, MessageData, MessageReply, MessageType, PageHighlight } from '@/lib/protocol';
import { anchorRanges, createPainter, type Painter } from './paint';
import { createToolbar, type Toolbar } from './selection-toolbar';

export type Send = <K extends MessageType>(type: K, data: MessageData<K>) => Promise<MessageReply<K>>;

export interface AnnotatorEnv {
  doc: Document;
  send: Send;
  /** Open shadow root (e2e builds, so tests can reach the toolbar). */
  openShadow?: boolean;
  /** Called after every paint (e2e status). */
  onPainted?: (state: AnnotatorState) => void;
  /** Debounce of re-anchoring after page mutations (ms). */
  debounceMs?: number;
}

export interface AnnotatorState {
  painted: number;
  orphaned: number;
  mode: 'css' | 'overlay';
  /** Status per highlight id. */
  status: Record<string, AnchorStatus>;
}

export interface Annotator {
  /** Turn the toolbar on (an article) or off, and (re)load the page's highlights. */
  update(isArticle: boolean): Promise<void>;
  /** Re-anchor the loaded highlights in the current DOM and repaint. */
  repaint(): AnnotatorState;
  /** The URL changed (SPA): drop the previous page's highlights until the next pass lists them. */
  navigated(): void;
  /** The page's highlights with their anchoring status now (for the popup's list). */
  list(): PageHighlight[];
  /** Scroll to a painted highlight and select it; false when it is not on the page. */
  show(id: string): boolean;
  /** Edit a highlight's note or delete it (through the background), then repaint. */
  edit(id: string, change: { note?: string; remove?: boolean }): Promise<PageHighlight[]>;
  stop(): void;
}

/** Longest quote sent to the popup's list (characters). */
const MAX_LISTED_QUOTE = 400;

const ROOT_SELECTORS = ['[itemprop="articleBody"]', 'article', 'main', '[role="main"]'];

/** The article's root element: the structured body, the longest <article>, main, else <body>. */
export function articleRoot(doc: Document): Element {
  const body = doc.querySelector('[itemprop="articleBody"]');
  if (body) return body;
  const articles = Array.from(doc.getElementsByTagName('article')).slice(0, 50);
  let best: Element | null = null;
  let bestLength = 0;
  for (const a of articles) {
    const n = a.textContent?.length ?? 0;
    if (n > bestLength) [best, bestLength] = [a, n];
  }
  if (best) return best;
  for (const sel of ROOT_SELECTORS.slice(2)) {
    const e = doc.querySelector(sel);
    if (e) return e;
  }
  return doc.body ?? doc.documentElement;
}

interface Pending {
  text: string;
  start: number;
  end: number;
}

export function createAnnotator(env: AnnotatorEnv): Annotator {
  const { doc, send } = env;
  const win = doc.defaultView as Window;
  let highlights: HighlightInfo[] = [];
  let enabled = false;
  let pending: Pending | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let toolbar: Toolbar | null = null;
  let painter: Painter | null = null;
  let observer: MutationObserver | null = null;
  let lastState: AnnotatorState = { painted: 0, orphaned: 0, mode: 'css', status: {} };
  let placed = new Map<string, Range>();

  function ui(): { toolbar: Toolbar; painter: Painter } {
    if (!toolbar) {
      toolbar = createToolbar(
        doc,
        { highlight: (c, n) => void highlight(c, n), copyLink: () => void copyLink() },
        { openShadow: env.openShadow },
      );
      doc.documentElement.append(toolbar.host);
    }
    painter ??= createPainter(doc, () => toolbar!.overlay);
    return { toolbar, painter };
  }

  function repaint(): AnnotatorState {
    const { list, status } = anchorRanges(articleRoot(doc), highlights);
    const p = highlights.length || painter ? ui().painter : null;
    if (p) p.paint(list);
    placed = new Map(list.flatMap((x) => (x.id ? [[x.id, x.range] as const] : [])));
    lastState = {
      painted: list.length,
      orphaned: highlights.length - list.length,
      mode: p?.mode ?? 'css',
      status,
    };
    env.onPainted?.(lastState);
    return lastState;
  }

  const schedule = () => {
    if (!highlights.length) return;
    clearTimeout(timer);
    timer = setTimeout(repaint, env.debounceMs ?? 400);
  };

  /** The current selection as offsets into the article root's text, or null when outside it. */
  function readSelection(): { pending: Pending; rect: DOMRect } | null {
    const sel = doc.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const root = articleRoot(doc);
    if (!root.contains(range.commonAncestorContainer)) return null;
    const map = buildTextMap(root);
    const offsets = offsetsFromRange(map, range);
    if (!offsets) return null;
    return { pending: { text: map.text, ...offsets }, rect: range.getBoundingClientRect() };
  }

  const fromOurUi = (e: Event) => !!toolbar && e.composedPath().includes(toolbar.host);

  function onSelectionEnd(e: Event | null, focus = false) {
    if (!enabled || (e && fromOurUi(e))) return;
    const found = readSelection();
    if (!found) {
      if (toolbar?.open && !focus) toolbar.hide();
      pending = null;
      return;
    }
    pending = found.pending;
    ui().toolbar.show(found.rect, focus);
  }

  /** Alt+Shift+H: open the toolbar on the selection with focus on it; Escape closes it. */
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey && e.shiftKey && e.code === 'KeyH') {
      e.preventDefault();
      onSelectionEnd(e, true);
    } else if (e.key === 'Escape' && toolbar?.open) toolbar.hide();
  };
  /** A keyboard selection (Shift+arrows) shows the toolbar without taking focus. */
  const onKeyUp = (e: KeyboardEvent) => {
    if (e.shiftKey || e.key === 'Shift') onSelectionEnd(e);
  };
  // The path is read now: after dispatch it is empty. The selection settles after mouseup.
  const onMouseUp = (e: MouseEvent) => {
    if (!fromOurUi(e)) setTimeout(() => onSelectionEnd(null), 0);
  };

  function describePending() {
    return pending ? describe(pending.text, pending.start, pending.end) : null;
  }

  async function highlight(color: HighlightColor, note: string) {
    const d = describePending();
    if (!d) return;
    const reply = await send('addHighlight', { selectors: d.selectors, color, note, textHash: d.textHash });
    if (!reply.ok) {
      toolbar?.status(`Could not save the highlight: ${reply.error}`);
      return;
    }
    highlights.push(reply.value);
    repaint();
    toolbar?.hide();
    doc.getSelection()?.removeAllRanges();
    pending = null;
  }

  async function copyLink() {
    const d = describePending();
    if (!d) return;
    const link = textFragmentLink(win.location.href, d.selectors[0]);
    try {
      await win.navigator.clipboard.writeText(link);
      toolbar?.status(`Link copied: ${link}`);
    } catch {
      toolbar?.status(`Copy this link: ${link}`);
    }
  }

  function listen(on: boolean) {
    if (on === enabled) return;
    enabled = on;
    if (on) {
      doc.addEventListener('mouseup', onMouseUp, true);
      doc.addEventListener('keydown', onKeyDown, true);
      doc.addEventListener('keyup', onKeyUp, true);
      observer = new MutationObserver(schedule);
      observer.observe(doc.body ?? doc.documentElement, {
        childList: true,
        subtree: true,
        characterData: true,
      });
      win.addEventListener('resize', schedule);
    } else {
      doc.removeEventListener('mouseup', onMouseUp, true);
      doc.removeEventListener('keydown', onKeyDown, true);
      doc.removeEventListener('keyup', onKeyUp, true);
      observer?.disconnect();
      observer = null;
      win.removeEventListener('resize', schedule);
      toolbar?.hide();
    }
  }

  function pageList(): PageHighlight[] {
    return highlights.map((h) => {
      const quote = h.selectors.find((x) => x.type === 'TextQuoteSelector')?.exact ?? '';
      return {
        id: h.id,
        quote: quote.length > MAX_LISTED_QUOTE ? `${quote.slice(0, MAX_LISTED_QUOTE)}…` : quote,
        note: h.note,
        color: h.color,
        status: lastState.status[h.id] ?? 'orphaned',
      };
    });
  }

  return {
    list: pageList,
    show(id) {
      const range = placed.get(id);
      if (!range) return false;
      const el = range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', behavior: 'auto' });
      const sel = doc.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range.cloneRange());
      return true;
    },
    async edit(id, change) {
      if (!highlights.some((h) => h.id === id)) throw new Error('No such highlight on this page.');
      if (change.remove) {
        const reply = await send('deleteHighlight', { id });
        if (!reply.ok) throw new Error(reply.error);
        highlights = highlights.filter((h) => h.id !== id);
      } else if (change.note !== undefined) {
        const reply = await send('updateHighlight', { id, note: change.note });
        if (!reply.ok) throw new Error(reply.error);
        highlights = highlights.map((h) => (h.id === id ? reply.value : h));
      }
      repaint();
      return pageList();
    },
    async update(isArticle) {
      listen(isArticle);
      const reply = isArticle ? await send('listHighlights', {}) : null;
      highlights = reply?.ok ? reply.value : [];
      repaint();
    },
    repaint,
    navigated() {
      highlights = [];
      pending = null;
      toolbar?.hide();
      repaint();
    },
    stop() {
      listen(false);
      clearTimeout(timer);
      painter?.clear();
      toolbar?.destroy();
      toolbar = null;
      painter = null;
    },
  };
}
