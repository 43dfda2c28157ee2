import './highlights.css';
import { useState } from 'preact/hooks';
import type { AnchorStatus } from '@/lib/annotations/anchor';
import { textFragmentLink } from '@/lib/annotations/text-fragment';
import { COLOR_VALUES, pickSelectors } from '@/lib/annotations/selectors';
import { cleanColor } from '@/lib/reading-list/highlights';
import type { HighlightRow } from '@/lib/store-types';

export interface HighlightsProps {
  rows: readonly HighlightRow[];
  /** Anchoring status per id in the copy shown ('orphaned': not found, not drawn). */
  status: Record<string, AnchorStatus>;
  url: string;
  onNote: (id: string, note: string) => void;
  onDelete: (id: string) => void;
}

function Item({
  row,
  status,
  url,
  onNote,
  onDelete,
}: { row: HighlightRow; status?: AnchorStatus } & Pick<HighlightsProps, 'url' | 'onNote' | 'onDelete'>) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(typeof row.note === 'string' ? row.note : '');
  const quote = pickSelectors(row.selectors).quote;
  const orphaned = status === 'orphaned';
  return (
    <li class={`reader-hl${orphaned ? ' reader-hl--orphaned' : ''}`} data-testid="reader-highlight">
      <blockquote style={{ borderInlineStartColor: COLOR_VALUES[cleanColor(row.color)] }}>
        {typeof row.quote === 'string' ? row.quote : quote?.exact}
      </blockquote>
      {orphaned && (
        <p class="muted" data-testid="reader-highlight-orphaned">
          Not found in this copy (the text changed): kept, but not drawn.
        </p>
      )}
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onNote(row.id, note);
            setEditing(false);
          }}
        >
          <label>
            Note
            <textarea value={note} maxLength={20_000} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <button type="submit" class="button">
            Save note
          </button>
        </form>
      ) : (
        row.note && (
          <p class="reader-hl__note" data-testid="reader-highlight-note">
            {row.note}
          </p>
        )
      )}
      <p class="reader-hl__actions">
        {!editing && (
          <button type="button" class="button" onClick={() => setEditing(true)}>
            {row.note ? 'Edit note' : 'Add note'}
          </button>
        )}
        {quote && (
          <a href={textFragmentLink(url, quote)} target="_blank" rel="noopener noreferrer">
            Link to passage ↗
          </a>
        )}
        <button
          type="button"
          class="button button--danger"
          onClick={() => {
            if (confirm('Delete this highlight and its note?')) onDelete(row.id);
          }}
        >
          Delete
        </button>
      </p>
    </li>
  );
}

/** The article's highlights and notes beside the reader view. */
export function Highlights(props: HighlightsProps) {
  if (!props.rows.length) return null;
  const orphans = props.rows.filter((r) => props.status[r.id] === 'orphaned').length;
  return (
    <section class="reader-highlights" aria-labelledby="reader-hl-title" data-testid="reader-highlights">
      <h2 id="reader-hl-title">Highlights and notes ({props.rows.length})</h2>
      {orphans > 0 && <p class="muted">{orphans} could not be found in this copy.</p>}
      <ul>
        {props.rows.map((row) => (
          <Item
            key={row.id}
            row={row}
            status={props.status[row.id]}
            url={props.url}
            onNote={props.onNote}
            onDelete={props.onDelete}
          />
        ))}
      </ul>
    </section>
  );
}
