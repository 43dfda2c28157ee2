import type { SavedArticle } from '@/lib/store-types';

interface Shown {
  key: string;
  quote: string;
  note: string;
}

function shownOf(row: SavedArticle): Shown[] {
  if (!Array.isArray(row.highlights)) return [];
  const out: Shown[] = [];
  (row.highlights as unknown[]).forEach((h, i) => {
    if (!h || typeof h !== 'object') return;
    const { id, quote, note } = h as { id?: unknown; quote?: unknown; note?: unknown };
    if (typeof quote !== 'string' || !quote.trim()) return;
    out.push({
      key: typeof id === 'string' ? id : `i${i}`,
      quote,
      note: typeof note === 'string' ? note : '',
    });
  });
  return out;
}

/** The item's highlights and their notes in the detail column (searchable from the list's search). */
export function HighlightList({ row }: { row: SavedArticle }) {
  const list = shownOf(row);
  if (!list.length) return null;
  return (
    <section class="rl-detail__highlights" aria-label="Highlights and notes" data-testid="rl-highlights">
      <h3>Highlights ({list.length})</h3>
      <ul>
        {list.map((h) => (
          <li key={h.key}>
            <blockquote>{h.quote.length > 600 ? `${h.quote.slice(0, 600)}…` : h.quote}</blockquote>
            {h.note && <p class="muted">{h.note}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
