import { useEffect, useRef, useState } from 'preact/hooks';
import { ReadingListItem, type ReadingListItemData } from '@/components/ReadingListItem';
import { Wordmark } from '@/components/Wordmark';
import { shortControlLabel } from '@/lib/outlets/card';
import { outletOf } from '@/lib/reading-list/filter';
import { parseTagInput } from '@/lib/reading-list/fields';
import type { SavedDb } from '@/lib/reading-list/store';
import type { SavedArticle } from '@/lib/store-types';
import { Filters } from './Filters';
import { ImportDialog } from './ImportDialog';
import { ItemDetail, readerHref } from './ItemDetail';
import type { ListState } from './state';
import { buildExport, download, EXPORT_LABELS, type ExportFormat } from './transfer';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 68;

const itemData = (r: SavedArticle): ReadingListItemData => ({
  urlKey: r.urlKey,
  title: r.title,
  outlet: outletOf(r),
  ...(r.controlLabel ? { control: shortControlLabel(r.controlLabel) } : {}),
  savedAt: r.savedAt,
  state: r.state,
  favourite: r.favourite === 1,
  tags: r.tags,
  note: r.note,
  hasCopy: typeof r.content === 'string' && r.content.length > 0,
});

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

export interface AppProps {
  state: ListState;
  db: SavedDb;
  sanitize: (html: string) => string;
  openReader?: (urlKey: string) => void;
}

function BulkBar({ state }: { state: ListState }) {
  const keys = [...state.selected.value];
  const [tag, setTag] = useState('');
  if (keys.length === 0) return null;
  const n = keys.length;
  return (
    <div class="rl-bulk" role="toolbar" aria-label="Selected items" data-testid="rl-bulk">
      <span>{n} selected</span>
      <button
        type="button"
        class="button"
        onClick={() => void state.bulk(keys, { state: 'archived' }, `Archived ${n}.`)}
      >
        Archive
      </button>
      <button
        type="button"
        class="button"
        onClick={() => void state.bulk(keys, { state: 'unread' }, `Marked ${n} unread.`)}
      >
        Mark unread
      </button>
      <button
        type="button"
        class="button"
        onClick={() => void state.bulk(keys, { favourite: true }, `${n} marked favourite.`)}
      >
        Favourite
      </button>
      <input
        class="input rl-bulk__tag"
        aria-label="Tag to add or remove"
        placeholder="tag"
        value={tag}
        onInput={(e) => setTag(e.currentTarget.value)}
      />
      <button
        type="button"
        class="button"
        disabled={!tag.trim()}
        onClick={() => void state.bulk(keys, { addTags: parseTagInput(tag) }, `Tagged ${n}.`)}
      >
        Add tag
      </button>
      <button
        type="button"
        class="button"
        disabled={!tag.trim()}
        onClick={() => void state.bulk(keys, { removeTags: parseTagInput(tag) }, `Untagged ${n}.`)}
      >
        Remove tag
      </button>
      <button
        type="button"
        class="button button--danger"
        data-testid="rl-bulk-delete"
        onClick={() =>
          confirm(
            `Delete ${n} item${n === 1 ? '' : 's'} with their highlights and notes? This cannot be undone.`,
          ) && void state.remove(keys)
        }
      >
        Delete
      </button>
      <button type="button" class="button button--quiet" onClick={() => state.selectAllVisible(false)}>
        Clear selection
      </button>
    </div>
  );
}

function ExportControls({ state }: { state: ListState }) {
  const [format, setFormat] = useState<ExportFormat>('json');
  const selected = state.selected.value;
  const rows = selected.size ? state.rows.value.filter((r) => selected.has(r.urlKey)) : state.rows.value;
  return (
    <div class="rl-export">
      <label for="rl-export-format" class="visually-hidden">
        Export format
      </label>
      <select
        id="rl-export-format"
        class="input"
        value={format}
        onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}
        data-testid="rl-export-format"
      >
        {(Object.keys(EXPORT_LABELS) as ExportFormat[]).map((f) => (
          <option key={f} value={f}>
            {EXPORT_LABELS[f]}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="button"
        data-testid="rl-export"
        disabled={rows.length === 0}
        onClick={() => download(buildExport(rows, format))}
      >
        Export {selected.size ? `${selected.size} selected` : 'all'}
      </button>
    </div>
  );
}

function Empty({ state }: { state: ListState }) {
  if (state.rows.value.length === 0) {
    return (
      <div class="rl-empty" data-testid="rl-empty">
        <h2>Your reading list is empty</h2>
        <p>
          Save an article from the Masthead button, the right-click menu (pages and links) or Alt+Shift+S. Or
          import your Pocket, Instapaper or Omnivore export.
        </p>
      </div>
    );
  }
  return (
    <div class="rl-empty" data-testid="rl-empty">
      <h2>Nothing matches</h2>
      <p>Try fewer words, or clear the filters.</p>
    </div>
  );
}

/** The reading list page: search, filters, a windowed list, details, bulk actions, import/export. */
export function App({ state, db, sanitize, openReader = (k) => location.assign(readerHref(k)) }: AppProps) {
  const search = useRef<HTMLInputElement>(null);
  const [importing, setImporting] = useState(false);
  const visible = state.visible.value;
  const cursor = Math.min(state.cursor.value, visible.length - 1);
  const status = state.status.value;

  useEffect(() => {
    document.body.dataset.state = status;
    if (status === 'ready' && performance.getEntriesByName('masthead:list').length === 0)
      performance.mark('masthead:list');
  }, [status]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (importing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTyping(e.target)) {
        if (e.key === 'Escape' || (e.key === 'ArrowDown' && e.target === search.current)) {
          (e.target as HTMLElement).blur();
          document.querySelector<HTMLElement>('.rl-list__inner')?.focus();
          e.preventDefault();
        }
        return;
      }
      const row = state.current.value;
      switch (e.key) {
        case '/':
          search.current?.focus();
          break;
        case 'j':
        case 'ArrowDown':
          state.moveCursor(1);
          break;
        case 'k':
        case 'ArrowUp':
          state.moveCursor(-1);
          break;
        case 'Home':
          state.cursor.value = 0;
          break;
        case 'End':
          state.cursor.value = Math.max(0, state.visible.value.length - 1);
          break;
        case 'Enter':
          if (row) openReader(row.urlKey);
          break;
        case 'x':
        case ' ':
          if (row) state.toggleSelected(row.urlKey);
          break;
        case 'e':
          if (row) void state.update(row.urlKey, { state: row.state === 'archived' ? 'unread' : 'archived' });
          break;
        case 's':
          if (row) void state.update(row.urlKey, { favourite: row.favourite !== 1 });
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [importing, state]);

  const all = visible.length > 0 && visible.every((r) => state.selected.value.has(r.urlKey));
  return (
    <div class="rl">
      <header class="rl-header">
        <Wordmark size="small" />
        <h1 class="rl-header__title">Reading list</h1>
        <div class="rl-search">
          <label for="rl-search" class="visually-hidden">
            Search titles, text, notes and tags
          </label>
          <input
            id="rl-search"
            ref={search}
            class="input"
            type="search"
            placeholder="Search titles, text, notes, tags  ( / )"
            data-testid="rl-search"
            value={state.query.value}
            onInput={(e) => {
              state.query.value = e.currentTarget.value;
              state.cursor.value = 0;
              state.sort.value = e.currentTarget.value.trim()
                ? 'relevance'
                : state.sort.value === 'relevance'
                  ? 'saved-desc'
                  : state.sort.value;
            }}
          />
        </div>
        <button type="button" class="button" data-testid="rl-import" onClick={() => setImporting(true)}>
          Import…
        </button>
        <ExportControls state={state} />
      </header>
      <div class="rl-body">
        <div class="rl-side">
          <Filters state={state} />
          <aside class="rl-warning" aria-label="Your data">
            <p>
              <strong>Stored only in this browser.</strong> Uninstalling Masthead deletes your reading list.
              Keep a copy:
            </p>
            <button
              type="button"
              class="button"
              data-testid="rl-backup"
              disabled={state.rows.value.length === 0}
              onClick={() => download(buildExport(state.rows.value, 'json'))}
            >
              Export everything (JSON)
            </button>
          </aside>
        </div>
        <main class="rl-main" aria-busy={status === 'loading'}>
          <div class="rl-main__bar">
            <label class="rl-selectall">
              <input
                type="checkbox"
                checked={all}
                disabled={visible.length === 0}
                onChange={(e) => state.selectAllVisible(e.currentTarget.checked)}
              />
              Select all shown
            </label>
            <p class="rl-count" role="status" aria-live="polite" data-testid="rl-count">
              {status === 'loading'
                ? 'Loading…'
                : `${visible.length.toLocaleString()} of ${state.rows.value.length.toLocaleString()}`}
              {!state.complete.value && status === 'ready' ? ' (loading the rest…)' : ''}
              {state.indexing.value && state.query.value ? ' (indexing…)' : ''}
            </p>
            {state.notice.value && <p class="rl-notice muted">{state.notice.value}</p>}
          </div>
          <BulkBar state={state} />
          {state.error.value && (
            <p class="rl-error" role="alert" data-testid="rl-error">
              {state.error.value}
            </p>
          )}
          {status === 'ready' && visible.length === 0 && <Empty state={state} />}
          {visible.length > 0 && (
            <VirtualList
              items={visible}
              rowHeight={ROW_HEIGHT}
              activeIndex={cursor}
              activeId={`item-${cursor}`}
              label="Saved articles (j/k or arrows to move, Enter to read, x to select)"
              render={(r, i) => (
                <ReadingListItem
                  key={r.urlKey}
                  item={itemData(r)}
                  index={i}
                  total={visible.length}
                  selected={state.selected.value.has(r.urlKey)}
                  active={i === cursor}
                  readerHref={readerHref(r.urlKey)}
                  onToggle={state.toggleSelected}
                  onActivate={(idx) => (state.cursor.value = idx)}
                  onOpen={openReader}
                />
              )}
            />
          )}
        </main>
        <ItemDetail row={state.current.value} state={state} />
      </div>
      {importing && (
        <ImportDialog
          db={db}
          sanitize={sanitize}
          onClose={() => setImporting(false)}
          onImported={(rows) => state.added(rows)}
          onBusy={state.pauseIndexing}
        />
      )}
    </div>
  );
}
