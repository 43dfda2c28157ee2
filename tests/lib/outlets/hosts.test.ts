import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTO_NEWS_HOSTS } from '@/lib/article/outlet-hosts';
import { STARTER_NEWS_HOSTS } from '@/lib/article/news-hosts';
import { autoDetectHosts } from '@/lib/outlets/hosts';
import { expandOutletsFile, type StoredOutletsFile } from '@/lib/outlets/types';
import { NEWS_HOSTS, NEWS_MATCHES } from '@/lib/platform/content-matches';
import { autoDetectHostsWithStarter, outletHostsSource } from '@/scripts/data-outlet-hosts';

const d = (host: string, path?: string) => ({
  host,
  role: 'primary' as const,
  sources: [],
  asOf: '',
  ...(path ? { path } : {}),
});

describe('autoDetectHosts', () => {
  it('keeps outlet hosts, drops www., platforms, path-scoped entries, bad hosts and covered sub-domains', () => {
    expect(
      autoDetectHosts([
        { domains: [d('www.presstv.ir'), d('french.presstv.ir'), d('presstv.com')] },
        { domains: [d('medium.com', '/@pub'), d('someone.substack.com'), d('blogspot.com')] },
        { domains: [d('bad host.com'), d('javascript:alert(1)'), d('co.uk'), d('127.0.0.1')] },
        { domains: [d('english.kyodonews.net')] },
      ]),
    ).toEqual(['english.kyodonews.net', 'presstv.com', 'presstv.ir']);
  });
});

describe('the generated host list (lib/article/outlet-hosts.ts)', () => {
  it('is up to date with the outlet data (else run `npm run data:outlet-hosts`)', () => {
    const stored = JSON.parse(readFileSync('lib/outlets/data/outlets.json', 'utf8')) as StoredOutletsFile;
    const hosts = autoDetectHostsWithStarter(expandOutletsFile(stored).outlets);
    expect([...AUTO_NEWS_HOSTS]).toEqual(hosts);
    expect(readFileSync('lib/article/outlet-hosts.ts', 'utf8')).toBe(outletHostsSource(hosts));
  });

  it('covers every starter host and the Press TV domains; no broad patterns', () => {
    const covers = (h: string) => NEWS_HOSTS.some((n) => h === n || h.endsWith('.' + n));
    for (const h of STARTER_NEWS_HOSTS) expect(covers(h), h).toBe(true);
    for (const h of ['presstv.ir', 'presstv.com', 'presstv.co.uk', 'french.presstv.com'])
      expect(covers(h)).toBe(true);
    expect(NEWS_HOSTS.length).toBeGreaterThan(500);
    expect(NEWS_MATCHES).toHaveLength(NEWS_HOSTS.length * 2);
    for (const p of NEWS_MATCHES) expect(p).toMatch(/^\*:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
  });
});
