// The import worker's result travels to the page in slices (import-wire.ts); the page must rebuild
// exactly the ImportResult the parser made — every row, status, reason, warning and row number,
// items in their order, and each imported row pointing at the same item object as `items` — and
// the URL keys the parser computed must be normalizeUrl() of each item's URL.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ITEMS_PER_MESSAGE, toWire, WireReader } from '@/entrypoints/reading-list/import-wire';
import { parseImport, urlKeysOf, type ImportResult } from '@/lib/reading-list/io';
import { normalizeUrl } from '@/lib/url/normalize';

const text = (s: string) => new TextEncoder().encode(s);
const fixtureBytes = (name: string) =>
  new Uint8Array(readFileSync(path.resolve(__dirname, '../../fixtures/import', name)));

/** Through the wire as the worker sends it (structured clone per message, transferred arrays). */
function roundTrip(result: ImportResult): { back: ImportResult; keys: (string | null)[]; messages: number } {
  const [slices, done] = toWire(result, urlKeysOf(result.items));
  const reader = new WireReader();
  for (const s of slices) reader.addItems(structuredClone(s));
  const back = reader.finish(structuredClone(done, { transfer: [done.itemOf.buffer, done.rowNo.buffer] }));
  return { back, keys: reader.keys, messages: slices.length + 1 };
}

function expectSame(back: ImportResult, result: ImportResult) {
  expect(back).toEqual(result);
  // Imported rows point at the very items of `items` (the page maps rows to items by identity).
  const items = new Set(back.items);
  for (const [i, r] of back.rows.entries()) {
    const before = result.rows[i]!;
    if (r.status !== 'imported' || before.status !== 'imported') continue;
    expect(items.has(r.item)).toBe(true);
    expect(back.items.indexOf(r.item)).toBe(result.items.indexOf(before.item));
  }
}

/** A Pocket CSV of n rows with bad URLs, repeats and implausible dates among them. */
function pocket(n: number): Uint8Array {
  const lines = ['title,url,time_added,tags,status'];
  for (let i = 0; i < n; i++) {
    const url =
      i % 97 === 5
        ? 'javascript:alert(1)'
        : i % 89 === 7
          ? `https://www.news.example/story/${i - 1}?utm_source=x`
          : `https://www.news.example/story/${i}?utm_source=x`;
    const time = i % 83 === 3 ? '99999999999999' : String(1_600_000_000 + i);
    lines.push(`"Story ${i}, ""quoted""",${url},${time},a|b,${i % 4 ? 'unread' : 'archive'}`);
  }
  return text(lines.join('\r\n'));
}

describe('import wire (worker → page)', () => {
  it('rebuilds a 2,500-row Pocket result with skipped rows, repeats and warnings exactly', async () => {
    const result = await parseImport(pocket(2500), 'pocket.csv');
    const statuses = new Set(result.rows.map((r) => r.status));
    expect(statuses).toEqual(new Set(['imported', 'skipped']));
    expect(result.rows.some((r) => r.status === 'imported' && r.warning)).toBe(true);
    const { back, keys, messages } = roundTrip(result);
    expectSame(back, result);
    expect(messages).toBe(Math.ceil(result.items.length / ITEMS_PER_MESSAGE) + 1);
    expect(keys).toEqual(result.items.map((i) => normalizeUrl(i.url)));
  });

  it.each(['instapaper.csv', 'omnivore.zip', 'pocket.zip', 'bookmarks.html', 'ril_export.html'])(
    'rebuilds %s exactly (items in insert order, highlights merged into items)',
    async (name) => {
      const result = await parseImport(fixtureBytes(name), name);
      expect(result.items.length).toBeGreaterThan(0);
      const { back, keys } = roundTrip(result);
      expectSame(back, result);
      expect(keys).toEqual(result.items.map((i) => normalizeUrl(i.url)));
    },
  );

  it('an empty or unknown file crosses as its errors alone', async () => {
    for (const bytes of [new Uint8Array(0), text('not an export at all')]) {
      const result = await parseImport(bytes, 'x.txt');
      const { back } = roundTrip(result);
      expect(back).toEqual(result);
      expect(back.errors.length).toBeGreaterThan(0);
    }
  });

  it('a report naming an item that never arrived is an error, not a half result', async () => {
    const result = await parseImport(pocket(10), 'pocket.csv');
    const [, done] = toWire(result, urlKeysOf(result.items));
    expect(() => new WireReader().finish(done)).toThrow(/missing item/);
  });
});

describe('urlKeysOf', () => {
  it("reuses the parser's key while the URL is unchanged, and recomputes it after a change", async () => {
    const result = await parseImport(pocket(20), 'pocket.csv');
    const item = result.items[3]!;
    item.url = 'https://www.other.example/changed?utm_medium=y';
    expect(urlKeysOf(result.items)).toEqual(result.items.map((i) => normalizeUrl(i.url)));
    expect(
      urlKeysOf([{ url: 'mailto:x@example.org', title: '', state: 'unread', favourite: false, tags: [] }]),
    ).toEqual([null]);
  });
});
