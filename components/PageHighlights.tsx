import { useState } from 'preact/hooks';
import { COLOR_VALUES } from '@/lib/annotations/selectors';
import type { PageHighlight } from '@/lib/protocol';
import { ReservedSection } from './ReservedSection';

export interface PageHighlightsProps {
  /** The page's highlights as anchored now; null while loading. */
  list: readonly PageHighlight[] | null;
  onShow: (id: string) => void;
  /** Resolves true when the change was stored. */
  onEdit: (id: string, change: { note?: string; remove?: boolean }) => Promise<boolean>;
  /** Last failed edit (the list is unchanged). */
  error?: string | null;
  /** Last "Show" that did not work. */
  notice?: string | null;
}

const STATUS_TEXT: Record<PageHighlight['status'], string> = {
  exact: 'On the page',
  quote: 'On the page (moved)',
  fuzzy: 'On the page (the text changed a little)',
  orphaned: 'Not found on this page: the passage changed or was removed. Kept, but not drawn.',
};

function Item({ h, onShow, onEdit }: { h: PageHighlight } & Omit<PageHighlightsProps, 'list'>) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState(h.note);
  const orphaned = h.status === 'orphaned';
  const short = h.quote.length > 160 ? `${h.quote.slice(0, 160)}…` : h.quote;
  return (
    <li class={`page-hl${orphaned ? ' page-hl--orphaned' : ''}`} data-testid="page-highlight">
      <blockquote class="page-hl__quote" style={{ borderInlineStartColor: COLOR_VALUES[h.color] }}>
        {short}
      </blockquote>
      <p class="page-hl__status" data-testid="page-highlight-status" data-status={h.status}>
        {STATUS_TEXT[h.status]}
      </p>
      {editing ? (
        <form
          class="page-hl__form"
          onSubmit={(e) => {
            e.preventDefault();
            void onEdit(h.id, { note }).then((done) => done && setEditing(false));
          }}
        >
          <label>
            Note
            <textarea
              value={note}
              maxLength={20_000}
              rows={3}
              onInput={(e) => setNote(e.currentTarget.value)}
              data-testid="page-highlight-note-input"
            />
          </label>
          <div class="page-hl__actions">
            <button type="submit" class="button button--small">
              Save note
            </button>
            <button type="button" class="button button--small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        h.note && (
          <p class="page-hl__note" data-testid="page-highlight-note">
            {h.note}
          </p>
        )
      )}
      {!editing && (
        <div class="page-hl__actions">
          {!orphaned && (
            <button type="button" class="button button--small" onClick={() => onShow(h.id)}>
              Show on page
            </button>
          )}
          <button type="button" class="button button--small" onClick={() => setEditing(true)}>
            {h.note ? 'Edit note' : 'Add note'}
          </button>
          {confirming ? (
            <span class="page-hl__confirm" role="group" aria-label="Delete this highlight?">
              Delete?{' '}
              <button
                type="button"
                class="button button--small button--danger"
                data-testid="page-highlight-delete-confirm"
                onClick={() => void onEdit(h.id, { remove: true })}
              >
                Yes, delete
              </button>
              <button type="button" class="button button--small" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button
              type="button"
              class="button button--small"
              data-testid="page-highlight-delete"
              onClick={() => setConfirming(true)}
            >
              Delete
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * "Your highlights" for the open page: each with where anchoring found it now (orphans are listed,
 * never drawn), show, note and delete. Hidden when the page has none.
 */
export function PageHighlights(props: PageHighlightsProps) {
  const { list, error, notice } = props;
  if (!list?.length) return null;
  const orphans = list.filter((h) => h.status === 'orphaned').length;
  return (
    <ReservedSection
      id="page-highlights"
      title={`Your highlights (${list.length})`}
      testId="section-page-highlights"
    >
      {orphans > 0 && (
        <p class="page-hl__summary" data-testid="page-highlights-orphans">
          {orphans === 1 ? '1 highlight was' : `${orphans} highlights were`} not found on this page.
        </p>
      )}
      <ul class="page-hls">
        {list.map((h) => (
          <Item key={h.id} h={h} {...props} />
        ))}
      </ul>
      {(error || notice) && (
        <p class="page-hl__notice" role="status" data-testid="page-highlights-notice">
          {error ?? notice}
        </p>
      )}
    </ReservedSection>
  );
}
