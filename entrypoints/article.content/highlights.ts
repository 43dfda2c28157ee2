/**
 * Finds the article's people in the page's text nodes and paints them without touching the page's
 * DOM: DOM Ranges registered with the CSS Custom Highlight API (`CSS.highlights`), styled by a
 * constructed stylesheet on `document.adoptedStyleSheets`. Where the API is missing, boxes in a
 * shadow root (see ./overlay.ts) stand in. The walk runs in time-boxed slices (no task > ~8 ms
 * of our own work) so big pages stay responsive.
 */
import { createMatcher } from '@/lib/highlight/match';
import type { HighlightPerson } from '@/lib/highlight/types';

export const HIGHLIGHT_NAME = 'masthead-person';
export const ACTIVE_NAME = 'masthead-person-active';

/** One highlighted mention on the page. */
export interface Mark {
  range: Range;
  person: number;
  node: Text;
}

export interface PaintStats {
  marks: number;
  /** Our synchronous slices, ms. */
  tasks: number;
  longest: number;
  total: number;
}

/** Subtrees never searched: code, forms, navigation chrome, hidden or editable content. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'NAV',
  'FOOTER',
  'ASIDE',
  'FORM',
  'SVG',
  'CODE',
  'PRE',
  'IFRAME',
  'CANVAS',
]);

/** Most marks painted on one page (a 5 MB page of one name must not make 100k ranges). */
export const MAX_MARKS = 5_000;
/** Our work per slice before yielding to the page, ms. */
export const SLICE_MS = 8;

function rejectElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  // The attribute, not isContentEditable: that getter can force a style recalculation.
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export interface PaintEnv {
  doc: Document;
  now: () => number;
  yieldToPage: () => Promise<void>;
  cancelled: () => boolean;
}

/** Walks the body's text nodes in slices and returns the marks for the people's forms. */
export async function findMarks(
  people: readonly HighlightPerson[],
  env: PaintEnv,
  onSlice?: (marks: Mark[]) => void,
): Promise<{ marks: Mark[]; stats: PaintStats } | null> {
  const stats: PaintStats = { marks: 0, tasks: 0, longest: 0, total: 0 };
  const marks: Mark[] = [];
  const matcher = createMatcher(people);
  const root = env.doc.body;
  if (matcher.empty || !root) return { marks, stats };
  const walker = env.doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 1)
        return rejectElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      return (node as Text).data.length >= 2 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  let done = false;
  while (!done) {
    if (env.cancelled()) return null;
    const t0 = env.now();
    const fresh: Mark[] = [];
    while (env.now() - t0 < SLICE_MS) {
      const node = walker.nextNode() as Text | null;
      if (!node || marks.length + fresh.length >= MAX_MARKS) {
        done = true;
        break;
      }
      for (const m of matcher.find(node.data)) {
        const range = env.doc.createRange();
        range.setStart(node, m.start);
        range.setEnd(node, m.end);
        fresh.push({ range, person: m.person, node });
      }
    }
    marks.push(...fresh);
    onSlice?.(fresh);
    const took = env.now() - t0;
    stats.tasks++;
    stats.total += took;
    stats.longest = Math.max(stats.longest, took);
    if (!done) await env.yieldToPage();
  }
  stats.marks = marks.length;
  return { marks, stats };
}

/** The CSS for the painted mentions; forced colours use the system's mark colours. */
export const HIGHLIGHT_CSS = `
::highlight(${HIGHLIGHT_NAME}) {
  background-color: rgb(255 209 102 / 0.42);
  text-decoration: underline 2px rgb(178 110 0 / 0.9);
  text-underline-offset: 2px;
}
::highlight(${ACTIVE_NAME}) {
  background-color: rgb(255 170 0 / 0.75);
  color: #1b1a17;
}
@media (forced-colors: active) {
  ::highlight(${HIGHLIGHT_NAME}) { background-color: Mark; color: MarkText; text-decoration: underline 2px; }
  ::highlight(${ACTIVE_NAME}) { background-color: Highlight; color: HighlightText; }
}
`;

type HighlightCtor = new (...ranges: Range[]) => { add(r: Range): void; clear(): void; size: number };
type Registry = {
  set(name: string, h: unknown): void;
  delete(name: string): boolean;
  get(name: string): unknown;
};

/** `CSS.highlights` and `Highlight`, or null where the Custom Highlight API is missing. */
export function highlightApi(
  win: Window & typeof globalThis,
): { registry: Registry; Highlight: HighlightCtor } | null {
  const css = (win as unknown as { CSS?: { highlights?: Registry } }).CSS;
  const Highlight = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && typeof Highlight === 'function' ? { registry: css.highlights, Highlight } : null;
}

let sheet: CSSStyleSheet | null = null;

/** Adds the ::highlight rules once, as a constructed stylesheet (no element in the page). */
export function adoptHighlightStyle(doc: Document): boolean {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(HIGHLIGHT_CSS);
    }
    if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return true;
  } catch {
    return false;
  }
}

export function dropHighlightStyle(doc: Document): void {
  try {
    if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  } catch {
    // the page replaced adoptedStyleSheets with something odd: nothing of ours to remove
  }
}
