import { useEffect, useState } from 'preact/hooks';
import { dayOf } from '@/components/ReadingListItem';
import { outletOf } from '@/lib/reading-list/filter';
import { parseTagInput } from '@/lib/reading-list/fields';
import type { SavedArticle } from '@/lib/store-types';
import { HighlightList } from './HighlightList';
import { buildExport, download, fileStem } from './transfer';
import type { ListState } from './state';

export const readerHref = (urlKey: string) => `/reader.html?key=${encodeURIComponent(urlKey)}`;

/** Right column: the item under the cursor — open, edit tags and note, archive, favourite, delete. */
export function ItemDetail({ row, state }: { row: SavedArticle | null; state: ListState }) {
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
  useEffect(() => {
    setTags(row?.tags.join(', ') ?? '');
    setNote(row?.note ?? '');
  }, [row?.urlKey, row?.updatedAt]);
  if (!row)
    return (
      <aside class="rl-detail" aria-label="Item details">
        <p class="muted">Select an article to see its details.</p>
      </aside>
    );
  const key = row.urlKey;
  return (
    <aside class="rl-detail" aria-label="Item details" data-testid="rl-detail">
      <h2 class="rl-detail__title">{row.title}</h2>
      <p class="muted">
        {outletOf(row)} · saved {dayOf(row.savedAt)}
        {row.publishedTime ? ` · published ${dayOf(row.publishedTime)}` : ''}
      </p>
      {typeof row.excerpt === 'string' && row.excerpt && <p class="rl-detail__excerpt">{row.excerpt}</p>}
      <HighlightList row={row} />
      <p class="rl-detail__actions">
        <a class="button button--primary" href={readerHref(key)} data-testid="rl-open-reader">
          Read
        </a>
        <a class="button" href={row.url} target="_blank" rel="noopener noreferrer">
          Original ↗
        </a>
      </p>
      <form
        class="rl-edit"
        onSubmit={(e) => {
          e.preventDefault();
          void state.update(key, { tags: parseTagInput(tags), note });
        }}
      >
        <label for="rl-edit-tags">Tags (comma-separated)</label>
        <input
          id="rl-edit-tags"
          class="input"
          value={tags}
          onInput={(e) => setTags(e.currentTarget.value)}
          data-testid="rl-edit-tags"
        />
        <label for="rl-edit-note">Note</label>
        <textarea
          id="rl-edit-note"
          class="input"
          rows={4}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
          data-testid="rl-edit-note"
        />
        <button type="submit" class="button" data-testid="rl-edit-save">
          Save tags and note
        </button>
      </form>
      <p class="rl-detail__actions">
        <button
          type="button"
          class="button"
          onClick={() => void state.update(key, { state: row.state === 'archived' ? 'unread' : 'archived' })}
        >
          {row.state === 'archived' ? 'Mark unread' : 'Archive'}
        </button>
        <button
          type="button"
          class="button"
          aria-pressed={row.favourite === 1}
          onClick={() => void state.update(key, { favourite: row.favourite !== 1 })}
        >
          {row.favourite === 1 ? '★ Favourite' : '☆ Favourite'}
        </button>
        <button
          type="button"
          class="button"
          onClick={() => download({ ...buildExport([row], 'md'), name: `${fileStem(row.title)}.md` })}
        >
          Markdown
        </button>
        <button
          type="button"
          class="button button--danger"
          data-testid="rl-delete-one"
          onClick={() => {
            if (
              confirm(
                `Delete “${row.title}” and its highlights from your reading list? This cannot be undone.`,
              )
            )
              void state.remove([key]);
          }}
        >
          Delete
        </button>
      </p>
    </aside>
  );
}
