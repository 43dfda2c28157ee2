import { describe, expect, it, vi } from 'vitest';
import { createPopupState } from '@/entrypoints/popup/state';

describe('popup findPerson ("Find on page")', () => {
  const send = vi.fn() as never;

  it('asks the tab to show the person; no notice when found', async () => {
    const sendTab = vi.fn(async () => ({ ok: true as const, value: { found: true } }));
    const s = createPopupState(3, send, { sendTab: sendTab as never });
    await s.findPerson('James Mattis');
    expect(sendTab).toHaveBeenCalledWith(3, 'showPerson', { name: 'James Mattis' });
    expect(s.findNotice.value).toBeNull();
  });

  it('says when the person is not highlighted, or the page cannot be reached', async () => {
    const notFound = createPopupState(3, send, {
      sendTab: (async () => ({ ok: true, value: { found: false } })) as never,
    });
    await notFound.findPerson('Fumio Kishida');
    expect(notFound.findNotice.value).toBe('Fumio Kishida is not highlighted on the page right now.');
    const gone = createPopupState(3, send, {
      sendTab: (async () => ({ ok: false, error: 'Could not establish connection' })) as never,
    });
    await gone.findPerson('Fumio Kishida');
    expect(gone.findNotice.value).toMatch(/could not reach the page/);
  });
});
