import { useState } from 'preact/hooks';
import type { Feed } from '@/lib/feeds/types';

export interface FeedListProps {
  feeds: readonly Feed[];
  busy: boolean;
  onToggle: (feed: Feed, on: boolean) => void;
  onRemove: (id: string) => void;
  onAdd: (url: string) => void;
}

function when(iso: string | undefined): string {
  const t = Date.parse(iso ?? '');
  return Number.isFinite(t) ? new Date(t).toLocaleString() : '';
}

function StatusLine({ feed }: { feed: Feed }) {
  const s = feed.status;
  const last = when(s.lastFetchedAt);
  const retry = when(s.retryAfter);
  return (
    <span class={`feed__status feed__status--${s.state}`} data-testid="feed-status">
      {s.state === 'ok' ? 'OK: ' : s.state === 'error' ? 'Problem: ' : ''}
      {s.message}
      {last && ` Last fetched ${last}.`}
      {s.state === 'error' && s.lastOkAt && ` Last success ${when(s.lastOkAt)}; its items are kept.`}
      {retry && ` Next try after ${retry}.`}
    </span>
  );
}

/** The editable feed list: enable/disable, remove, add by address; each with its last status. */
export function FeedList({ feeds, busy, onToggle, onRemove, onAdd }: FeedListProps) {
  const [url, setUrl] = useState('');
  return (
    <div class="feeds">
      <ul class="feeds__list" data-testid="feed-list">
        {feeds.map((f) => (
          <li class="feed" key={f.id} data-testid="feed-row">
            <label class="feed__main">
              <input
                type="checkbox"
                checked={f.enabled}
                disabled={busy}
                onChange={(e) => onToggle(f, (e.currentTarget as HTMLInputElement).checked)}
              />
              <span class="feed__name">{f.name}</span>
            </label>
            <span class="feed__url">
              {f.url}
              {f.unverified && <span class="tag tag--unchecked"> unverified URL</span>}
            </span>
            <StatusLine feed={f} />
            <button
              type="button"
              class="button feed__remove"
              disabled={busy}
              onClick={() => onRemove(f.id)}
              aria-label={`Remove ${f.name}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {feeds.length === 0 && <p class="empty">No feeds in the list.</p>}
      <form
        class="feeds__add"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) onAdd(url);
          setUrl('');
        }}
      >
        <label for="feed-add-url">Add a feed (RSS, Atom or JSON Feed address)</label>
        <input
          id="feed-add-url"
          type="url"
          inputMode="url"
          placeholder="https://example.com/feed.xml"
          value={url}
          onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="button" disabled={busy}>
          Add
        </button>
      </form>
    </div>
  );
}
