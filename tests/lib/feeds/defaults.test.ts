import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDS, feedOrigin, feedOrigins } from '@/lib/feeds/defaults';
import { outletData } from '@/lib/outlets/dataset';
import { resolveOutlet } from '@/lib/outlets/lookup';
// @ts-expect-error — plain .mjs test helper without types
import { FEATURE_HOSTS } from '../../e2e/egress.mjs';

describe('default feed list', () => {
  const { index } = outletData();

  it('every feed resolves to an outlet in Masthead’s data (through its site)', () => {
    const unresolved = DEFAULT_FEEDS.filter((f) => !resolveOutlet(f.site, index)).map((f) => f.id);
    expect(unresolved).toEqual([]);
  });

  it('spans countries and ownership types', () => {
    const outlets = DEFAULT_FEEDS.map((f) => resolveOutlet(f.site, index)!.outlet);
    const countries = new Set(outlets.map((o) => o.country.value.name));
    const relations = new Set(outlets.map((o) => o.state?.value.relation ?? 'unknown'));
    expect(countries.size).toBeGreaterThanOrEqual(8);
    for (const r of ['state-controlled', 'private', 'public-service-independent'])
      expect(relations).toContain(r);
  });

  it('ids are unique; URLs are http(s)', () => {
    expect(new Set(DEFAULT_FEEDS.map((f) => f.id)).size).toBe(DEFAULT_FEEDS.length);
    for (const f of DEFAULT_FEEDS) expect(feedOrigin(f.url)).not.toBeNull();
  });

  it('PRIVACY/egress list names exactly the default feed hosts', () => {
    const hosts = [...new Set(DEFAULT_FEEDS.map((f) => new URL(f.url).hostname))].sort();
    expect([...(FEATURE_HOSTS as Record<string, readonly string[]>).feeds!].sort()).toEqual(hosts);
  });

  it('origins for the permission request: one per host, no port, no path', () => {
    expect(
      feedOrigins(['https://a.example:8443/x.xml', 'https://a.example/y', 'ftp://b.example/z', 'nonsense']),
    ).toEqual(['https://a.example/*']);
  });
});
