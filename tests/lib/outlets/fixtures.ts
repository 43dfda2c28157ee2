/** A small hand-written outlet table for resolver tests (unit tests never read the corpora). */
import type { OutletDomain, OutletRecord, Source } from '@/lib/outlets/types';

const src: Source[] = [
  { title: 'test', url: 'https://example.org/', basis: 'editor-recall', cited: '2026-01-01' },
];
const d = (host: string, role: OutletDomain['role'], extra: Partial<OutletDomain> = {}): OutletDomain => ({
  host,
  role,
  sources: src,
  asOf: '2026-01-01',
  unverified: true,
  ...extra,
});
const rec = (qid: string, name: string, domains: OutletDomain[], aliases: string[] = []): OutletRecord => ({
  qid,
  name,
  aliases,
  review: 'editor-curated',
  completeness: 'core',
  sources: src,
  asOf: '2026-01-01',
  domains,
  country: { value: { name: 'Testland' }, sources: src, asOf: '2026-01-01', unverified: true },
  medium: { value: ['unknown'], sources: src, asOf: '2026-01-01', unverified: true },
  ownerChain: [],
  history: [],
  raterLinks: [],
});

export const TABLE: OutletRecord[] = [
  rec(
    'Q912429',
    'Press TV',
    [
      d('presstv.ir', 'primary'),
      d('presstv.com', 'former', { until: '2021-06-22' }),
      d('presstv.co.uk', 'mirror'),
      d('presstv.tv', 'mirror'),
      d('french.presstv.com', 'language-edition', { lang: 'fr' }),
    ],
    ['PressTV'],
  ),
  rec('Q1160945', 'BBC News', [d('bbc.co.uk', 'primary'), d('bbc.com', 'primary')], ['BBC']),
  rec('Q48340', 'CNN', [d('cnn.com', 'primary')]),
  rec('Q22868', 'RT', [d('rt.com', 'primary'), d('de.rt.com', 'language-edition', { lang: 'de' })]),
  rec('Q80001', 'RT DE', [d('de.rt.com', 'path-scoped', { path: '/special' })]),
  rec('Q212128', 'NHK', [d('nhk.or.jp', 'primary')]),
  rec('Q1191688', 'NHK World-Japan', [d('www3.nhk.or.jp', 'path-scoped', { path: '/nhkworld' })]),
  rec('Q90001', 'Example Letter', [d('exampleletter.substack.com', 'primary')]),
  rec('Q90002', 'Medium Pub', [d('medium.com', 'path-scoped', { path: '/@mediumpub' })]),
  rec('Q90003', 'Bücher Zeitung', [d('xn--bcher-kva.de', 'primary')]),
  rec('Q9684', 'The New York Times', [d('nytimes.com', 'primary')], ['NYT']),
  rec('Q90004', 'Times', [d('times-a.example', 'primary')]),
  rec('Q90005', 'Times', [d('times-b.example', 'primary')]),
];
