/**
 * Paint the reader's highlights without touching the page's DOM: one CSS Custom Highlight per
 * colour (`masthead-hl-<colour>`, styled by an adopted style sheet). Where the API is missing, boxes
 * drawn from the ranges' client rects in our own shadow root (`overlay`) stand in.
 */
import { anchor, type AnchorStatus } from '@/lib/annotations/anchor';
import { buildTextMap, rangeFromOffsets } from '@/lib/annotations/dom-text';
import { prepareText } from '@/lib/annotations/normalize';
import { COLOR_VALUES, HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/annotations/selectors';

export const HIGHLIGHT_PREFIX = 'masthead-hl-';

export interface PaintedRange {
  color: HighlightColor;
  range: Range;
  /** The highlight's id (absent for ranges that are not the reader's highlights). */
  id?: string;
}

export interface Painter {
  paint(list: readonly PaintedRange[]): void;
  clear(): void;
  /** 'css' (Custom Highlight API) or 'overlay' (fallback boxes). */
  readonly mode: 'css' | 'overlay';
}

interface HighlightApi {
  highlights: { set(name: string, h: unknown): void; delete(name: string): boolean };
}
type HighlightCtor = new (...ranges: Range[]) => unknown;

function highlightSupport(win: Window): { css: HighlightApi; Ctor: HighlightCtor } | null {
  const css = (win as unknown as { CSS?: Partial<HighlightApi> }).CSS;
  const Ctor = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && typeof Ctor === 'function' ? { css: css as HighlightApi, Ctor } : null;
}

export function highlightCss(): string {
  return HIGHLIGHT_COLORS.map(
    (c) => `::highlight(${HIGHLIGHT_PREFIX}${c}) { background-color: ${COLOR_VALUES[c]}; }`,
  ).join('\n');
}

/** Add the ::highlight() rules once (an adopted sheet: no element is added to the page). */
function adoptStyles(doc: Document): void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const Sheet = win?.CSSStyleSheet;
  if (!Sheet || !('adoptedStyleSheets' in doc)) return;
  try {
    const sheet = new Sheet();
    sheet.replaceSync(highlightCss());
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    // A page that froze adoptedStyleSheets: highlights stay unstyled rather than break the page.
  }
}

export function createPainter(doc: Document, overlay: () => HTMLElement): Painter {
  const win = doc.defaultView as Window;
  const api = highlightSupport(win);
  if (api) {
    adoptStyles(doc);
    const clear = () => {
      for (const c of HIGHLIGHT_COLORS) api.css.highlights.delete(HIGHLIGHT_PREFIX + c);
    };
    return {
      mode: 'css',
      clear,
      paint(list) {
        clear();
        for (const c of HIGHLIGHT_COLORS) {
          const ranges = list.filter((p) => p.color === c).map((p) => p.range);
          if (ranges.length) api.css.highlights.set(HIGHLIGHT_PREFIX + c, new api.Ctor(...ranges));
        }
      },
    };
  }
  const clear = () => overlay().replaceChildren();
  return {
    mode: 'overlay',
    clear,
    paint(list) {
      const layer = overlay();
      const boxes: HTMLElement[] = [];
      for (const { color, range } of list) {
        for (const r of Array.from(range.getClientRects())) {
          const box = doc.createElement('div');
          box.className = 'hl-box';
          box.style.cssText = `left:${r.left + win.scrollX}px;top:${r.top + win.scrollY}px;width:${r.width}px;height:${r.height}px;background:${COLOR_VALUES[color]}`;
          boxes.push(box);
        }
      }
      layer.replaceChildren(...boxes);
    },
  };
}

export interface Anchorable {
  id: string;
  color?: unknown;
  selectors?: unknown;
  textHash?: unknown;
}

/**
 * Anchor each highlight in `root`'s text (exact → quote → fuzzy → orphaned) and turn the placed
 * ones into DOM ranges. Orphans get no range: they are listed, never drawn.
 */
export function anchorRanges(
  root: Element,
  items: readonly Anchorable[],
): { list: PaintedRange[]; status: Record<string, AnchorStatus> } {
  const status: Record<string, AnchorStatus> = {};
  const list: PaintedRange[] = [];
  if (!items.length) return { list, status };
  const map = buildTextMap(root);
  const prepared = prepareText(map.text);
  for (const h of items) {
    const textHash = typeof h.textHash === 'string' ? h.textHash : undefined;
    const r = anchor(h.selectors, prepared, { textHash });
    const range = r.status === 'orphaned' ? null : rangeFromOffsets(map, r.start, r.end);
    status[h.id] = range ? r.status : 'orphaned';
    const color = (HIGHLIGHT_COLORS as readonly unknown[]).includes(h.color)
      ? (h.color as HighlightColor)
      : 'yellow';
    if (range) list.push({ color, range, id: h.id });
  }
  return { list, status };
}
