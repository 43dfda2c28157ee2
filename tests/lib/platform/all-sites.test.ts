import { describe, expect, it } from 'vitest';
import { ALL_SITES_SCRIPT, ALL_SITES_SCRIPT_ID, syncAllSites } from '@/lib/platform/all-sites';
import { NEWS_MATCHES } from '@/lib/platform/content-matches';
import { fakeScripting } from './fixtures';

const perms = (granted: boolean) => ({ contains: async () => granted });

describe('syncAllSites', () => {
  it('registers once when enabled and granted (idempotent)', async () => {
    const f = fakeScripting();
    expect(await syncAllSites(true, { scripting: f.scripting, permissions: perms(true) })).toEqual({
      enabled: true,
      granted: true,
      registered: true,
    });
    await syncAllSites(true, { scripting: f.scripting, permissions: perms(true) });
    expect(f.calls).toEqual(['register']);
    expect(f.registered.get(ALL_SITES_SCRIPT_ID)).toEqual(ALL_SITES_SCRIPT);
  });

  it('does not register without the permission, and unregisters when it goes away', async () => {
    const f = fakeScripting();
    await syncAllSites(true, { scripting: f.scripting, permissions: perms(false) });
    expect(f.registered.size).toBe(0);
    await syncAllSites(true, { scripting: f.scripting, permissions: perms(true) });
    await syncAllSites(true, { scripting: f.scripting, permissions: perms(false) });
    expect(f.registered.size).toBe(0);
  });

  it('unregisters when disabled', async () => {
    const f = fakeScripting();
    await syncAllSites(true, { scripting: f.scripting, permissions: perms(true) });
    await syncAllSites(false, { scripting: f.scripting, permissions: perms(true) });
    expect(f.calls).toEqual(['register', 'unregister']);
  });

  it('matches every site except the news hosts the manifest already covers', () => {
    expect(ALL_SITES_SCRIPT).toMatchObject({
      matches: ['*://*/*'],
      js: ['/content-scripts/article.js'],
      runAt: 'document_idle',
    });
    expect(ALL_SITES_SCRIPT.excludeMatches).toEqual(NEWS_MATCHES);
    expect(NEWS_MATCHES).toContain('*://*.presstv.ir/*');
  });
});
