import { signal } from '@preact/signals';
import type { RelatedView, SearchOutcome } from '@/lib/coverage/types';
import type { Send } from './state';

export type RelatedStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The popup's Related section for its tab: `getRelated` (local store only, no network), and
 * `findMoreCoverage` only when the reader clicks the button (then the list is read again).
 */
export function createRelatedState(tabId: number, send: Send) {
  const view = signal<RelatedView | null>(null);
  const status = signal<RelatedStatus>('idle');
  const error = signal<string | null>(null);
  const searching = signal(false);
  const outcome = signal<SearchOutcome | null>(null);
  const searchError = signal<string | null>(null);
  const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

  async function load(): Promise<void> {
    status.value = 'loading';
    try {
      const res = await send('getRelated', { tabId });
      if (res.ok) {
        view.value = res.value;
        status.value = 'ready';
      } else {
        error.value = res.error;
        status.value = 'error';
      }
    } catch (e) {
      error.value = message(e);
      status.value = 'error';
    }
  }

  async function search(): Promise<void> {
    if (searching.value) return;
    searching.value = true;
    searchError.value = null;
    try {
      const res = await send('findMoreCoverage', { tabId });
      if (res.ok) outcome.value = res.value;
      else searchError.value = res.error;
      await load();
    } catch (e) {
      searchError.value = message(e);
    } finally {
      searching.value = false;
    }
  }

  return { view, status, error, searching, outcome, searchError, load, search };
}

export type RelatedState = ReturnType<typeof createRelatedState>;
