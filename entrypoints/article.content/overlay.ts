/**
 * Fallback painter for browsers without the CSS Custom Highlight API: one absolutely positioned box
 * per line box of each mention, inside Masthead's shadow root (the page's DOM is untouched).
 * Positions are in document coordinates, so scrolling needs no work; a resize redraws.
 */
import type { Mark } from './highlights';

/** Most boxes drawn (a box per line box of each mention). */
const MAX_BOXES = 3_000;

export interface Overlay {
  draw(marks: readonly Mark[], active: number | null): void;
  clear(): void;
}

export function createOverlay(root: ShadowRoot, doc: Document): Overlay {
  const layer = doc.createElement('div');
  layer.setAttribute('aria-hidden', 'true');
  root.append(layer);
  return {
    draw(marks, active) {
      const win = doc.defaultView ?? window;
      const boxes: HTMLElement[] = [];
      for (const m of marks) {
        for (const r of m.range.getClientRects()) {
          if (boxes.length >= MAX_BOXES) break;
          const box = doc.createElement('div');
          box.className = m.person === active ? 'box active' : 'box';
          box.style.left = `${r.left + win.scrollX}px`;
          box.style.top = `${r.top + win.scrollY}px`;
          box.style.width = `${r.width}px`;
          box.style.height = `${r.height}px`;
          boxes.push(box);
        }
      }
      layer.replaceChildren(...boxes);
    },
    clear() {
      layer.replaceChildren();
    },
  };
}
