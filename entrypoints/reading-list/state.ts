import { batch, computed, signal } from '@preact/signals';
import {
  facetCounts,
  matchesFilter,
  sortRows,
  type ListFilter,
  type SortKey,
} from '@/lib/reading-list/filter';
import { highlightsByArticle, highlightText, withHighlights } from '@/lib/reading-list/highlights';
import { firstPage, readAllNewestFirst, rebuildRecent } from '@/lib/reading-list/recent';
import { SearchIndex, type SearchDoc } from '@/lib/reading-list/search';
import {
  bulkEdit,
  deleteSaved,
  updateSaved,
  type BulkEdit,
  type SavedDb,
  type SavedPatch,
} from '@/lib/reading-list/store';
import type { SavedArticle } from '@/lib/store-types';

/** Longest slice of search indexing between two yields to the page (ms). */
const INDEX_SLICE_MS = 12;

export const docOf = (r: SavedArticle): SearchDoc => ({
  id: r.urlKey,
  title: r.title,
  text: typeof r.text === 'string' ? r.text : typeof r.excerpt === 'string' ? r.excerpt : '',
  // The reader's highlights (quotes and notes) are searched with the item's own note.
  note: [r.note, highlightText(r)].filter(Boolean).join('\n'),
  tags: r.tags,
  site: r.outletName ?? (typeof r.siteName === 'string' ? r.siteName : undefined),
});

/** Title, tags, note, outlet and the excerpt only: the first, fast indexing pass. */
const quickDocOf = (r: SavedArticle): SearchDoc => ({
  ...docOf(r),
  text: typeof r.excerpt === 'string' ? r.excerpt : '',
});

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Resolve when the page is idle (requestIdleCallback, at most `timeout` ms later) so background
 * indexing gives way to input, paints and an import in progress; a plain next task elsewhere.
 */
const idle = (timeout = 200) =>
  typeof requestIdleCallback === 'function'
    ? new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout }))
    : nextTask();

/**
 * The reading list page's state: every saved row in memory, an in-memory search index built in
 * slices after the first paint and kept up to date on every change, filters, sort, selection and
 * the keyboard cursor. Writes go straight to IndexedDB (this is an extension page).
 */
export function createListState(db: SavedDb, now: () => Date = () => new Date()) {
  const rows = signal<SavedArticle[]>([]);
  const status = signal<'loading' | 'ready' | 'error'>('loading');
  const error = signal<string | null>(null);
  const notice = signal<string | null>(null);
  const query = signal('');
  const filter = signal<ListFilter>({ state: 'all' });
  const sort = signal<SortKey>('saved-desc');
  const selected = signal<ReadonlySet<string>>(new Set());
  const cursor = signal(0);
  /** Bumped whenever the index changes (so `visible` recomputes). */
  const indexVersion = signal(0);
  const indexing = signal(false);
  const index = new SearchIndex();

  const byKey = computed(() => new Map(rows.value.map((r) => [r.urlKey, r])));
  const facets = computed(() => facetCounts(rows.value));

  const visible = computed<SavedArticle[]>(() => {
    const f = filter.value;
    const q = query.value.trim();
    if (!q)
      return sortRows(
        rows.value.filter((r) => matchesFilter(r, f)),
        sort.value === 'relevance' ? 'saved-desc' : sort.value,
      );
    void indexVersion.value;
    const map = byKey.value;
    const hits = index.search(q, {
      accept: (id) => {
        const r = map.get(id);
        return !!r && matchesFilter(r, f);
      },
    });
    const found = hits.map((h) => map.get(h.id)!);
    return sort.value === 'relevance' ? found : sortRows(found, sort.value);
  });

  const current = computed(() => visible.value[Math.min(cursor.value, visible.value.length - 1)] ?? null);

  /**
   * Background indexing: one queue, drained in idle slices (≤ INDEX_SLICE_MS each) so the page
   * never blocks on it. Each row is indexed as it is *now* in memory (a row edited or deleted
   * while waiting is indexed in its new state or skipped). A "quick" pass indexes title, tags,
   * note, outlet and the excerpt (searchable within a second at 10k items); the "full" pass then
   * replaces each with its whole text.
   */
  const queue: Array<{ rows: SavedArticle[]; quick: boolean }> = [];
  let draining = false;
  /** While an import reads or writes, indexing waits (the import gets the CPU; 2 cores are shared). */
  let paused = false;
  let resume: (() => void) | null = null;
  function pauseIndexing(on: boolean) {
    paused = on;
    if (!on && resume) {
      resume();
      resume = null;
    }
  }
  const unpaused = () => (paused ? new Promise<void>((resolve) => (resume = resolve)) : Promise.resolve());

  async function drainIndex() {
    draining = true;
    indexing.value = true;
    while (queue.length) {
      const { rows: batchRows, quick } = queue.shift()!;
      let i = 0;
      while (i < batchRows.length) {
        const start = performance.now();
        const map = byKey.value;
        while (i < batchRows.length && performance.now() - start < INDEX_SLICE_MS) {
          const cur = map.get(batchRows[i++]!.urlKey);
          if (cur) index.add(quick ? quickDocOf(cur) : docOf(cur));
        }
        if (i < batchRows.length) {
          await idle();
          await unpaused();
        }
      }
      indexVersion.value++;
    }
    indexing.value = false;
    draining = false;
  }

  function enqueueIndex(batchRows: SavedArticle[], quick = false) {
    queue.push({ rows: batchRows, quick });
    if (!draining) void drainIndex();
  }

  /** False until every row is in memory (the newest page is shown first). */
  const complete = signal(false);

  async function load() {
    status.value = 'loading';
    complete.value = false;
    try {
      // The newest rows first (their keys are kept in one row), so the page paints at once
      // whatever the size of the list; then everything, which also corrects that row if needed.
      const byArticle = await highlightsByArticle(db);
      const first = await firstPage(db);
      if (first?.rows.length) {
        batch(() => {
          rows.value = withHighlights(first.rows, byArticle);
          status.value = 'ready';
        });
        await nextTask();
      }
      let all = first?.rows ?? [];
      if (!first?.all) {
        const read = await readAllNewestFirst(db);
        all = read.rows;
        // Only a cache: failing to write it slows the next first paint, nothing else.
        rebuildRecent(db, read.rows, read.version).catch(() => undefined);
      }
      const shown = withHighlights(all, byArticle);
      batch(() => {
        rows.value = shown;
        status.value = 'ready';
        complete.value = true;
      });
      performance.mark('masthead:list-complete');
      await nextTask(); // paint the whole list, then index
      enqueueIndex(shown, true);
      enqueueIndex(shown);
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      status.value = 'error';
    }
  }

  /** Replace changed rows in memory and in the index. */
  function applyChanged(changed: SavedArticle[]) {
    const m = new Map(changed.map((r) => [r.urlKey, r]));
    const merged: SavedArticle[] = [];
    rows.value = rows.value.map((r) => {
      const n = m.get(r.urlKey);
      if (!n) return r;
      // Keep the highlights attached at load (the stored row does not carry the reader's own).
      const next = r.highlights ? { ...n, highlights: r.highlights } : n;
      merged.push(next);
      return next;
    });
    for (const r of merged) index.add(docOf(r));
    indexVersion.value++;
  }

  function applyRemoved(keys: readonly string[]) {
    const gone = new Set(keys);
    batch(() => {
      rows.value = rows.value.filter((r) => !gone.has(r.urlKey));
      selected.value = new Set([...selected.value].filter((k) => !gone.has(k)));
    });
    keys.forEach((k) => index.remove(k));
    indexVersion.value++;
  }

  async function guarded(work: () => Promise<void>, done?: string) {
    error.value = null;
    try {
      await work();
      if (done) notice.value = done;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  const update = (urlKey: string, patch: SavedPatch) =>
    guarded(async () => {
      const row = await updateSaved(db, urlKey, patch, now());
      if (row) applyChanged([row]);
    }, 'Saved.');

  const bulk = (keys: readonly string[], edit: BulkEdit, done: string) =>
    guarded(async () => applyChanged(await bulkEdit(db, keys, edit, now())), done);

  const remove = (keys: readonly string[]) =>
    guarded(async () => {
      const n = await deleteSaved(db, keys);
      applyRemoved(keys);
      notice.value = `Deleted ${n} item${n === 1 ? '' : 's'}.`;
    });

  function toggleSelected(key: string) {
    const next = new Set(selected.value);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    selected.value = next;
  }

  function selectAllVisible(on: boolean) {
    selected.value = on ? new Set(visible.value.map((r) => r.urlKey)) : new Set();
  }

  function moveCursor(delta: number) {
    const n = visible.value.length;
    if (n === 0) return;
    cursor.value = Math.max(0, Math.min(n - 1, cursor.value + delta));
  }

  /** Rows added elsewhere (an import): merge them in at once; they are indexed in the background. */
  function added(newRows: SavedArticle[]) {
    if (newRows.length === 0) return;
    rows.value = sortRows([...newRows, ...rows.value], 'saved-desc');
    enqueueIndex(newRows);
  }

  return {
    rows,
    complete,
    status,
    error,
    notice,
    query,
    filter,
    sort,
    selected,
    cursor,
    visible,
    current,
    facets,
    indexing,
    load,
    update,
    bulk,
    remove,
    toggleSelected,
    selectAllVisible,
    moveCursor,
    added,
    pauseIndexing,
    index,
  };
}

export type ListState = ReturnType<typeof createListState>;
