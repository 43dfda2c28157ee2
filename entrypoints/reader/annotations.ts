/**
 * The reader's highlights in the reader view: anchored (exact → quote → fuzzy → orphaned) against
 * the saved copy's text as rendered, painted with the same CSS Custom Highlight painter as the
 * live page (fallback boxes in a layer of this page). Orphans are not drawn; the list shows them.
 */
import type { AnchorStatus } from '@/lib/annotations/anchor';
import type { HighlightRow } from '@/lib/store-types';
import { anchorRanges, createPainter, type Painter } from '../article.content/paint';

let painter: Painter | null = null;

function overlayLayer(doc: Document): HTMLElement {
  let layer = doc.getElementById('reader-hl-layer');
  if (!layer) {
    layer = doc.createElement('div');
    layer.id = 'reader-hl-layer';
    layer.setAttribute('aria-hidden', 'true');
    layer.style.cssText =
      'position:absolute;left:0;top:0;width:0;height:0;pointer-events:none;mix-blend-mode:multiply';
    doc.body.append(layer);
  }
  return layer;
}

/** Paint `rows` inside `el` (the rendered article). Returns each highlight's anchoring status. */
export function paintReaderHighlights(
  el: Element,
  rows: readonly HighlightRow[],
): Record<string, AnchorStatus> {
  const doc = el.ownerDocument;
  painter ??= createPainter(doc, () => overlayLayer(doc));
  const { list, status } = anchorRanges(el, rows);
  painter.paint(list);
  return status;
}
