import { describe, expect, it, vi } from 'vitest';
import { createPopupState, TIMEOUT_MESSAGE } from '@/entrypoints/popup/state';
import { makeNotArticleReport, makeReport } from '../../components/fixtures';
import { fakeSend } from './fake-send';

// lib/platform/messages.ts is written in parallel; these tests always inject `send`.
vi.mock('@/lib/platform/messages', () => ({ sendMessage: vi.fn() }));

const instant = { pollMs: 1, timeoutMs: 1000, sleep: () => Promise.resolve() };

describe('createPopupState', () => {
  it('starts loading with nothing shown', () => {
    const { send } = fakeSend({});
    const state = createPopupState(7, send);
    expect(state.status.value).toBe('loading');
    expect(state.report.value).toBeNull();
    expect(state.error.value).toBeNull();
  });

  it('shows a stored report straight away', async () => {
    const report = makeReport();
    const { send, calls } = fakeSend({ getPageReport: [{ ok: true, value: report }] });
    const state = createPopupState(7, send, instant);
    await state.load();
    expect(state.status.value).toBe('ready');
    expect(state.report.value).toEqual(report);
    expect(calls).toEqual([{ type: 'getPageReport', data: { tabId: 7 } }]);
  });

  it('analyses an unanalysed tab, then polls until the report appears', async () => {
    const report = makeReport();
    const { send, calls } = fakeSend({
      getPageReport: [
        { ok: true, value: null },
        { ok: true, value: null },
        { ok: true, value: null },
        { ok: true, value: report },
      ],
      analyzeTab: [{ ok: true, value: { started: true } }],
    });
    const sleep = vi.fn(() => Promise.resolve());
    const state = createPopupState(3, send, { pollMs: 150, timeoutMs: 8000, sleep });
    const loading = state.load();
    expect(state.status.value).toBe('loading');
    await loading;
    expect(state.status.value).toBe('ready');
    expect(state.report.value).toEqual(report);
    expect(calls.map((c) => c.type)).toEqual([
      'getPageReport',
      'analyzeTab',
      'getPageReport',
      'getPageReport',
      'getPageReport',
    ]);
    expect(calls[1]?.data).toEqual({ tabId: 3 });
    expect(sleep).toHaveBeenCalledWith(150);
    expect(state.notice.value).toBeNull();
  });

  it('ends as not-analysed with the reason when analysis cannot start', async () => {
    const { send } = fakeSend({
      getPageReport: [{ ok: true, value: null }],
      analyzeTab: [{ ok: true, value: { started: false, reason: "Masthead can't read browser pages." } }],
    });
    const state = createPopupState(1, send, instant);
    await state.load();
    expect(state.status.value).toBe('not-analysed');
    expect(state.notice.value).toBe("Masthead can't read browser pages.");
    expect(state.report.value).toBeNull();
  });

  it('ends a not-an-article report as not-analysed, with the verdict as the reason', async () => {
    const report = makeNotArticleReport();
    const { send } = fakeSend({ getPageReport: [{ ok: true, value: report }] });
    const state = createPopupState(1, send, instant);
    await state.load();
    expect(state.status.value).toBe('not-analysed');
    expect(state.notice.value).toBe('This looks like a sign-in page.');
    expect(state.report.value).toEqual(report);
  });

  it('treats an article verdict without article data as not-analysed, inventing nothing', async () => {
    const report = makeReport({ article: undefined });
    const { send } = fakeSend({ getPageReport: [{ ok: true, value: report }] });
    const state = createPopupState(1, send, instant);
    await state.load();
    expect(state.status.value).toBe('not-analysed');
  });

  it.each([
    [
      'getPageReport fails',
      { getPageReport: [{ ok: false as const, error: 'No such tab.' }] },
      'No such tab.',
    ],
    [
      'analyzeTab fails',
      {
        getPageReport: [{ ok: true as const, value: null }],
        analyzeTab: [{ ok: false as const, error: 'Cannot access contents of the page.' }],
      },
      'Cannot access contents of the page.',
    ],
    [
      'a poll fails',
      {
        getPageReport: [
          { ok: true as const, value: null },
          { ok: false as const, error: 'Storage failed.' },
        ],
        analyzeTab: [{ ok: true as const, value: { started: true } }],
      },
      'Storage failed.',
    ],
    ['the wrapper throws', { getPageReport: [new Error('Port closed.')] }, 'Port closed.'],
  ])('shows an error when %s', async (_name, script, message) => {
    const { send } = fakeSend(script);
    const state = createPopupState(1, send, instant);
    await state.load();
    expect(state.status.value).toBe('error');
    expect(state.error.value).toBe(message);
  });

  it('gives up with an error when no report appears in time', async () => {
    const { send } = fakeSend({
      getPageReport: [{ ok: true, value: null }],
      analyzeTab: [{ ok: true, value: { started: true } }],
    });
    const sleep = () => new Promise<void>((r) => setTimeout(r, 5));
    const state = createPopupState(1, send, { pollMs: 5, timeoutMs: 40, sleep });
    await state.load();
    expect(state.status.value).toBe('error');
    expect(state.error.value).toBe(TIMEOUT_MESSAGE);
  });

  it('retries after an error and recovers', async () => {
    const report = makeReport();
    const { send } = fakeSend({
      getPageReport: [
        { ok: false, error: 'Busy.' },
        { ok: true, value: report },
      ],
    });
    const state = createPopupState(1, send, instant);
    await state.load();
    expect(state.status.value).toBe('error');
    const retry = state.retry();
    expect(state.status.value).toBe('loading');
    expect(state.error.value).toBeNull();
    await retry;
    expect(state.status.value).toBe('ready');
    expect(state.report.value).toEqual(report);
  });

  it('stops polling after dispose', async () => {
    const { send, calls } = fakeSend({
      getPageReport: [{ ok: true, value: null }],
      analyzeTab: [{ ok: true, value: { started: true } }],
    });
    let release: () => void = () => {};
    const sleep = () => new Promise<void>((r) => (release = r));
    const state = createPopupState(1, send, { pollMs: 1, timeoutMs: 10_000, sleep });
    const loading = state.load();
    await vi.waitFor(() => expect(calls.map((c) => c.type)).toEqual(['getPageReport', 'analyzeTab']));
    state.dispose();
    release();
    await loading;
    expect(calls).toHaveLength(2);
    expect(state.status.value).toBe('loading');
  });

  it('does not ask the background about an unknown tab', async () => {
    const { send, calls } = fakeSend({});
    const state = createPopupState(-1, send, instant);
    await state.load();
    expect(state.status.value).toBe('not-analysed');
    expect(calls).toHaveLength(0);
  });
});
