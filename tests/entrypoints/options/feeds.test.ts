import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFeedsState, FEEDS_STATEMENT } from '@/entrypoints/options/feeds';
import type { Send } from '@/entrypoints/options/state';
import { DEFAULT_FEEDS } from '@/lib/feeds/defaults';
import { MastheadDb } from '@/lib/platform/db';

const dbs: MastheadDb[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

function setup(over: { grant?: boolean } = {}) {
  const db = new MastheadDb(`options-feeds-${crypto.randomUUID()}`);
  dbs.push(db);
  let seeded = false;
  let retention: unknown = undefined;
  const permissions = { request: vi.fn(async () => over.grant ?? true), contains: vi.fn(async () => true) };
  const send = vi.fn(async (type: string, data: unknown) => {
    if (type === 'setFeeds') return { ok: true, value: data };
    return { ok: true, value: { polled: 2, skipped: 0, stored: 5, errors: 1 } };
  }) as unknown as Send & ReturnType<typeof vi.fn>;
  const state = createFeedsState({
    db: async () => db,
    permissions,
    send,
    enabled: { getValue: async () => false },
    retention: { getValue: async () => retention, setValue: async (v) => void (retention = v) },
    seeded: { get: async () => seeded, set: async () => void (seeded = true) },
  });
  return { db, state, permissions, send };
}

describe('options: news feeds', () => {
  it('says what is sent where; off by default; the default list is seeded once', async () => {
    expect(FEEDS_STATEMENT).toMatch(/Off by default/);
    expect(FEEDS_STATEMENT).toMatch(/own server/);
    const t = setup();
    await t.state.init();
    expect(t.state.enabled.value).toBe(false);
    expect(t.state.feeds.value).toHaveLength(DEFAULT_FEEDS.length);
    await t.state.remove(DEFAULT_FEEDS[0]!.id);
    for (const f of DEFAULT_FEEDS.slice(1)) await t.state.remove(f.id);
    await t.state.init();
    expect(t.state.feeds.value).toHaveLength(0); // an emptied list stays empty
  });

  it('turning on asks for exactly the enabled feeds’ origins, then polls', async () => {
    const t = setup();
    await t.state.init();
    await t.state.toggle(
      t.state.feeds.value.find((f) => f.id === 'rt-news')!,
      false,
    );
    await t.state.setEnabled(true);
    const origins = (t.permissions.request.mock.calls[0] as unknown as [{ origins: string[] }])[0].origins;
    expect(origins).toContain('https://feeds.bbci.co.uk/*');
    expect(origins).not.toContain('https://www.rt.com/*');
    expect(origins.every((o) => /^https?:\/\/[^/*]+\/\*$/.test(o))).toBe(true);
    expect(t.send).toHaveBeenCalledWith('setFeeds', { enabled: true });
    expect(t.send).toHaveBeenCalledWith('pollFeeds', {});
    expect(t.state.enabled.value).toBe(true);
    expect(t.state.feedback.value?.text).toMatch(/Fetched 2 feeds \(1 with problems\)/);
  });

  it('a refused grant leaves feeds off and says so', async () => {
    const t = setup({ grant: false });
    await t.state.init();
    await t.state.setEnabled(true);
    expect(t.state.enabled.value).toBe(false);
    expect(t.send).not.toHaveBeenCalled();
    expect(t.state.feedback.value).toMatchObject({ tone: 'error' });
  });

  it('adding validates the address; retention is clamped', async () => {
    const t = setup();
    await t.state.init();
    await t.state.add('javascript:alert(1)');
    expect(t.state.feedback.value?.text).toMatch(/http/);
    await t.state.add('https://user:pw@example.com/feed');
    expect(t.state.feedback.value?.tone).toBe('error');
    await t.state.add(' https://example.com/feed.xml#x ');
    expect(t.state.feeds.value.some((f) => f.url === 'https://example.com/feed.xml')).toBe(true);
    await t.state.setRetention(0);
    expect(t.state.retention.value).toBe(1);
  });
});
