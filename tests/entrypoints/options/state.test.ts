import { describe, expect, it, vi } from 'vitest';
import { ALL_SITES, createOptionsState, type OptionsDeps, type Send } from '@/entrypoints/options/state';

function deps(over: { granted?: boolean; grant?: boolean; setAllSites?: unknown; paused?: boolean } = {}) {
  let granted = over.granted ?? false;
  let paused = over.paused ?? false;
  const permissions = {
    contains: vi.fn(async () => granted),
    request: vi.fn(async () => {
      if (over.grant ?? true) granted = true;
      return over.grant ?? true;
    }),
    remove: vi.fn(async () => {
      granted = false;
      return true;
    }),
  };
  const send = vi.fn(
    async (_type: string, data: { enabled: boolean }) =>
      over.setAllSites ?? { ok: true, value: { enabled: data.enabled } },
  ) as unknown as Send;
  const historyPaused = {
    getValue: vi.fn(async () => paused),
    setValue: vi.fn(async (v: boolean) => {
      paused = v;
    }),
  };
  return { permissions, send, historyPaused } satisfies OptionsDeps;
}

describe('createOptionsState', () => {
  it('reads the permission and the history setting on init', async () => {
    const d = deps({ granted: true, paused: true });
    const state = createOptionsState(d);
    expect(state.allSites.value).toBeNull();
    await state.init();
    expect(d.permissions.contains).toHaveBeenCalledWith(ALL_SITES);
    expect(state.allSites.value).toBe(true);
    expect(state.historyPaused.value).toBe(true);
  });

  it('requests the permission synchronously (user gesture), then tells the background', async () => {
    const d = deps();
    const state = createOptionsState(d);
    await state.init();
    const pending = state.setAllSites(true);
    // Still inside the click handler's turn: the request must already have been made.
    expect(d.permissions.request).toHaveBeenCalledWith({ origins: ['*://*/*'] });
    expect(state.allSitesBusy.value).toBe(true);
    await pending;
    expect(d.send).toHaveBeenCalledWith('setAllSites', { enabled: true });
    expect(state.allSites.value).toBe(true);
    expect(state.allSitesBusy.value).toBe(false);
    expect(state.allSitesFeedback.value?.tone).toBe('ok');
  });

  it('leaves things as they were when the permission is refused', async () => {
    const d = deps({ grant: false });
    const state = createOptionsState(d);
    await state.init();
    await state.setAllSites(true);
    expect(d.send).not.toHaveBeenCalled();
    expect(state.allSites.value).toBe(false);
    expect(state.allSitesFeedback.value?.tone).toBe('error');
    expect(state.allSitesFeedback.value?.text).toMatch(/not granted/);
  });

  it('removes the permission and tells the background when turned off', async () => {
    const d = deps({ granted: true });
    const state = createOptionsState(d);
    await state.init();
    await state.setAllSites(false);
    expect(d.permissions.remove).toHaveBeenCalledWith(ALL_SITES);
    expect(d.send).toHaveBeenCalledWith('setAllSites', { enabled: false });
    expect(state.allSites.value).toBe(false);
  });

  it('shows the background error and the real permission state', async () => {
    const d = deps({ setAllSites: { ok: false, error: 'Could not register the content script.' } });
    const state = createOptionsState(d);
    await state.init();
    await state.setAllSites(true);
    expect(state.allSitesFeedback.value).toEqual({
      tone: 'error',
      text: 'Could not register the content script.',
    });
    expect(state.allSites.value).toBe(true); // the grant happened; the switch shows the truth
  });

  it('saves the history setting', async () => {
    const d = deps();
    const state = createOptionsState(d);
    await state.init();
    await state.setHistoryPaused(true);
    expect(d.historyPaused.setValue).toHaveBeenCalledWith(true);
    expect(state.historyPaused.value).toBe(true);
    expect(state.historyFeedback.value).toEqual({ tone: 'ok', text: 'History is paused.' });
  });

  it('reports a failed save and keeps the old value', async () => {
    const d = deps();
    d.historyPaused.setValue.mockRejectedValueOnce(new Error('Quota exceeded'));
    const state = createOptionsState(d);
    await state.init();
    await state.setHistoryPaused(true);
    expect(state.historyPaused.value).toBe(false);
    expect(state.historyFeedback.value?.tone).toBe('error');
  });
});
