import { signal } from '@preact/signals';
import { DELETE_ALL_CONFIRM, type WipeSummary } from '@/lib/protocol';
import type { Result } from '@/lib/types';
import type { Feedback } from './state';

/** Sends `deleteAllData` (options → background); main.tsx passes sendMessage, tests a fake. */
export type SendDeleteAll = (
  type: 'deleteAllData',
  data: { confirm: typeof DELETE_ALL_CONFIRM },
) => Promise<Result<WipeSummary>>;

/** idle → (ask) → confirming → (confirm) → busy → idle with feedback; cancel returns to idle. */
export type DeletePhase = 'idle' | 'confirming' | 'busy';

/**
 * State of the options page's "Delete all Masthead data" control. Two steps: the first button only
 * asks; nothing is deleted until the reader confirms. `onDeleted` lets the page re-read settings
 * that the wipe reset to their defaults.
 */
export function createDeleteAllState(send: SendDeleteAll, onDeleted?: () => Promise<void> | void) {
  const phase = signal<DeletePhase>('idle');
  const feedback = signal<Feedback | null>(null);

  function ask() {
    if (phase.value !== 'idle') return;
    feedback.value = null;
    phase.value = 'confirming';
  }

  function cancel() {
    if (phase.value !== 'confirming') return;
    phase.value = 'idle';
    feedback.value = { tone: 'ok', text: 'Nothing was deleted.' };
  }

  async function confirm() {
    if (phase.value !== 'confirming') return;
    phase.value = 'busy';
    try {
      const res = await send('deleteAllData', { confirm: DELETE_ALL_CONFIRM });
      if (!res.ok) {
        feedback.value = { tone: 'error', text: res.error };
        return;
      }
      const { rows } = res.value;
      feedback.value = {
        tone: 'ok',
        text: `All Masthead data was deleted (${rows} stored ${rows === 1 ? 'item' : 'items'}, settings and caches).`,
      };
      await onDeleted?.();
    } catch (e) {
      feedback.value = { tone: 'error', text: e instanceof Error ? e.message : String(e) };
    } finally {
      phase.value = 'idle';
    }
  }

  return { phase, feedback, ask, cancel, confirm };
}

export type DeleteAllState = ReturnType<typeof createDeleteAllState>;
