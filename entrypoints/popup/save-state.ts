import { signal } from '@preact/signals';
import type { SaveEdit, SaveView } from '@/components/SaveSection';
import type { SavedInfo } from '@/lib/protocol';
import { parseTagInput } from '@/lib/reading-list/fields';
import type { Send } from './state';

const view = (i: SavedInfo): SaveView => ({
  savedAt: i.savedAt,
  state: i.state,
  favourite: i.favourite,
  tags: i.tags,
  note: i.note,
});

/**
 * The popup's Save card for one tab: is the page saved, save/refresh it, edit tags and note,
 * remove it. Every call goes through the background (which refuses private windows).
 */
export function createSaveState(tabId: number, url: string, send: Send) {
  const status = signal<'checking' | 'idle' | 'busy'>('checking');
  const info = signal<SavedInfo | null>(null);
  const saved = signal<SaveView | null>(null);
  const message = signal<string | null>(null);
  const error = signal<string | null>(null);

  function take(i: SavedInfo | null) {
    info.value = i;
    saved.value = i ? view(i) : null;
  }

  type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
  /** A reply, or a readable error when the call threw or answered nothing. */
  async function call<T>(work: () => Promise<Reply<T>>): Promise<Reply<T>> {
    try {
      const res = await work();
      return res && typeof res === 'object' ? res : { ok: false, error: 'No answer from Masthead.' };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  async function run<T>(work: () => Promise<Reply<T>>, done: (v: T) => string | null) {
    status.value = 'busy';
    error.value = null;
    message.value = null;
    const res = await call(work);
    if (res.ok) message.value = done(res.value);
    else error.value = res.error;
    status.value = 'idle';
  }

  async function load() {
    const res = await call(() => send('getSavedState', { url }));
    if (res.ok) take(res.value);
    else error.value = res.error;
    status.value = 'idle';
  }

  const save = () =>
    run(
      () => send('savePage', { tabId }),
      (v) => {
        take(v);
        return v.created ? 'Saved to your reading list.' : 'Saved copy updated.';
      },
    );

  function edit(e: SaveEdit) {
    const key = info.value?.urlKey;
    if (!key) return Promise.resolve();
    const data = {
      urlKey: key,
      ...(e.tags !== undefined && { tags: parseTagInput(e.tags) }),
      ...(e.note !== undefined && { note: e.note }),
      ...(e.favourite !== undefined && { favourite: e.favourite }),
      ...(e.state !== undefined && { state: e.state }),
    };
    return run(
      () => send('updateSaved', data),
      (v) => {
        take(v);
        return 'Changes saved.';
      },
    );
  }

  function remove() {
    const key = info.value?.urlKey;
    if (!key) return Promise.resolve();
    return run(
      () => send('removeSaved', { urlKeys: [key] }),
      () => {
        take(null);
        return 'Removed from your reading list.';
      },
    );
  }

  return { status, saved, message, error, load, save, edit, remove };
}

export type SaveState = ReturnType<typeof createSaveState>;
