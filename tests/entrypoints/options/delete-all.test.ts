import { describe, expect, it, vi } from 'vitest';
import { DELETE_ALL_CONFIRM } from '@/lib/protocol';
import { createDeleteAllState, type SendDeleteAll } from '@/entrypoints/options/delete-all';

const okSend = (rows = 4) =>
  vi.fn<SendDeleteAll>(async () => ({
    ok: true,
    value: { tables: ['pages'], rows, storageAreas: ['local'] },
  }));

describe('createDeleteAllState', () => {
  it('asks first: nothing is sent until the reader confirms', async () => {
    const send = okSend();
    const s = createDeleteAllState(send);
    s.ask();
    expect(s.phase.value).toBe('confirming');
    expect(send).not.toHaveBeenCalled();
    await s.confirm();
    expect(send).toHaveBeenCalledWith('deleteAllData', { confirm: DELETE_ALL_CONFIRM });
    expect(s.phase.value).toBe('idle');
    expect(s.feedback.value).toMatchObject({ tone: 'ok', text: expect.stringMatching(/4 stored items/) });
  });

  it('confirm without ask does nothing', async () => {
    const send = okSend();
    const s = createDeleteAllState(send);
    await s.confirm();
    expect(send).not.toHaveBeenCalled();
  });

  it('cancel deletes nothing and says so', () => {
    const send = okSend();
    const s = createDeleteAllState(send);
    s.ask();
    s.cancel();
    expect(send).not.toHaveBeenCalled();
    expect(s.phase.value).toBe('idle');
    expect(s.feedback.value?.text).toMatch(/Nothing was deleted/);
  });

  it('shows the background error and runs onDeleted only after a success', async () => {
    const onDeleted = vi.fn();
    const fail = vi.fn<SendDeleteAll>(async () => ({ ok: false, error: 'Could not delete everything: x' }));
    const s = createDeleteAllState(fail, onDeleted);
    s.ask();
    await s.confirm();
    expect(s.feedback.value).toEqual({ tone: 'error', text: 'Could not delete everything: x' });
    expect(onDeleted).not.toHaveBeenCalled();
    const s2 = createDeleteAllState(okSend(1), onDeleted);
    s2.ask();
    await s2.confirm();
    expect(s2.feedback.value?.text).toMatch(/1 stored item\b/);
    expect(onDeleted).toHaveBeenCalledOnce();
  });

  it('a rejected send becomes an error line, and the control is usable again', async () => {
    const s = createDeleteAllState(vi.fn<SendDeleteAll>(() => Promise.reject(new Error('port closed'))));
    s.ask();
    await s.confirm();
    expect(s.feedback.value).toEqual({ tone: 'error', text: 'port closed' });
    expect(s.phase.value).toBe('idle');
  });
});
