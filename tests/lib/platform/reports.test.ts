import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createLocalMapReportStore,
  createReportStore,
  createSessionReportStore,
  LOCAL_FALLBACK_KEY,
  type StorageAreaLike,
} from '@/lib/platform/reports';
import type { PageReport } from '@/lib/types';

const report = (url: string, analysedAt = '2024-05-01T00:00:00.000Z', size = 0): PageReport => ({
  url,
  urlKey: url,
  analysedAt,
  verdict: { isArticle: false, reason: 'home-page', explanation: 'x' },
  text: 'x'.repeat(size),
  content: '',
  outlet: null,
  people: [],
  sourcesCited: [],
});

describe('session report store', () => {
  it('keeps one report per tab under report:<tabId>', async () => {
    const store = createReportStore(fakeBrowser.storage as never);
    await store.set(1, report('https://a.example/1'));
    await store.set(2, report('https://a.example/2'));
    expect(await fakeBrowser.storage.session.get('report:1')).toEqual({
      'report:1': report('https://a.example/1'),
    });
    expect((await store.get(2))?.url).toBe('https://a.example/2');
    await store.remove(1);
    expect(await store.get(1)).toBeNull();
    expect(await store.get(2)).not.toBeNull();
    expect(store.persistent).toBe(false);
  });

  it('on a quota error evicts the oldest reports, then stores a slim copy as a last resort', async () => {
    const data: Record<string, unknown> = {};
    let budget = 3; // at most 3 keys fit
    const area: StorageAreaLike = {
      async get(keys) {
        if (keys === null || keys === undefined) return { ...data };
        const list = Array.isArray(keys) ? keys : [keys];
        return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, data[k]]));
      },
      async set(items) {
        const next = { ...data, ...items };
        const tooBig = Object.values(items).some((v) => ((v as PageReport).text?.length ?? 0) > 100);
        if (Object.keys(next).length > budget || tooBig) throw new Error('QUOTA_BYTES quota exceeded');
        Object.assign(data, items);
      },
      async remove(keys) {
        for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
      },
    };
    const store = createSessionReportStore(area);
    await store.set(1, report('https://a.example/1', '2024-05-01T00:00:01.000Z'));
    await store.set(2, report('https://a.example/2', '2024-05-01T00:00:02.000Z'));
    await store.set(3, report('https://a.example/3', '2024-05-01T00:00:03.000Z'));
    await store.set(4, report('https://a.example/4', '2024-05-01T00:00:04.000Z'));
    expect(await store.get(1)).toBeNull(); // oldest went first
    expect(await store.get(4)).not.toBeNull();
    budget = 10;
    const saved = await store.set(5, report('https://a.example/5', '2024-05-01T00:00:05.000Z', 1000));
    expect(saved.text).toBe('');
    expect((await store.get(5))?.url).toBe('https://a.example/5');
  });
});

describe('storage.local fallback', () => {
  it('is used when storage.session is missing and keeps a tabReports map', async () => {
    const store = createReportStore({ local: fakeBrowser.storage.local } as never);
    expect(store.persistent).toBe(true);
    await Promise.all([
      store.set(1, report('https://a.example/1')),
      store.set(2, report('https://a.example/2')),
    ]);
    const raw = await fakeBrowser.storage.local.get(LOCAL_FALLBACK_KEY);
    expect(Object.keys(raw[LOCAL_FALLBACK_KEY] as object).sort()).toEqual(['1', '2']);
    await store.remove(1);
    expect(await store.get(1)).toBeNull();
    expect((await store.get(2))?.url).toBe('https://a.example/2');
    await store.clearAll();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('ignores junk in the map', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_FALLBACK_KEY]: { 1: 'junk' } });
    expect(await createLocalMapReportStore(fakeBrowser.storage.local as never).get(1)).toBeNull();
  });
});
