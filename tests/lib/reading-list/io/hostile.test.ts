// @vitest-environment node
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseImport } from '../../../../lib/reading-list/io/index';
import { unzipBounded } from '../../../../lib/reading-list/io/zip';
import { fixtureBytes, text } from './helpers';

const FORMATS = [
  'pocket-csv',
  'pocket-html',
  'pocket-zip',
  'instapaper-csv',
  'omnivore-zip',
  'netscape-html',
  'masthead-json',
  'readwise-csv',
  'unknown',
];
const FIXTURES = [
  'pocket.csv',
  'pocket-cursor.csv',
  'pocket-latin1.csv',
  'pocket.zip',
  'ril_export.html',
  'instapaper.csv',
  'instapaper-tags.csv',
  'omnivore.zip',
  'bookmarks.html',
  'readwise-highlights.csv',
  'readwise-reader.csv',
];

/** A raw DEFLATE stream of `n` zero bytes (fixed Huffman: one literal, then 258-byte copies): ~160:1. */
function deflateZeros(n: number): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  const bit = (b: number) => {
    acc |= b << bits;
    if (++bits === 8) {
      out.push(acc);
      acc = 0;
      bits = 0;
    }
  };
  const code = (c: number, len: number) => {
    for (let i = len - 1; i >= 0; i--) bit((c >> i) & 1);
  };
  bit(1); // BFINAL
  bit(1); // BTYPE = 01 (fixed Huffman), low bit first
  bit(0);
  code(0x30, 8); // literal 0
  let left = n - 1;
  for (; left >= 258; left -= 258) {
    code(0xc5, 8); // length 258 (symbol 285)
    code(0, 5); // distance 1
  }
  for (; left > 0; left--) code(0x30, 8);
  code(0, 7); // end of block
  if (bits) out.push(acc);
  return Uint8Array.from(out);
}

/** A one-entry zip around already-deflated data, declaring `declaredSize` uncompressed bytes. */
function zipOf(name: string, deflated: Uint8Array, declaredSize: number): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true);
  local.setUint16(8, 8, true);
  local.setUint32(18, deflated.length, true);
  local.setUint32(22, declaredSize, true);
  local.setUint16(26, nameBytes.length, true);
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(4, 20, true);
  central.setUint16(6, 20, true);
  central.setUint16(10, 8, true);
  central.setUint32(20, deflated.length, true);
  central.setUint32(24, declaredSize, true);
  central.setUint16(28, nameBytes.length, true);
  const cdOffset = 30 + nameBytes.length + deflated.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, 46 + nameBytes.length, true);
  end.setUint32(16, cdOffset, true);
  const parts = [
    new Uint8Array(local.buffer),
    nameBytes,
    deflated,
    new Uint8Array(central.buffer),
    nameBytes,
    new Uint8Array(end.buffer),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Overwrite the uncompressed-size fields of every local and central header (a lying zip). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('bad files give clear errors, never throws', () => {
  it('empty', async () => {
    expect(await parseImport(new Uint8Array(0))).toEqual({
      format: 'unknown',
      items: [],
      rows: [],
      errors: ['The file is empty.'],
    });
  });

  it('binary (a PNG header and noise)', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3,
    ]);
    const r = await parseImport(png, 'photo.png');
    expect(r.format).toBe('unknown');
    expect(r.errors[0]).toMatch(/Not a recognised export/);
  });

  it('over the size limit (100 MB against the 50 MB default), and a custom maxBytes', async () => {
    const big = new Uint8Array(100 * 1024 * 1024).fill(0x61);
    big.set(text('title,url,time_added,tags,status\n'));
    const r = await parseImport(big, 'pocket.csv');
    expect(r.items).toEqual([]);
    expect(r.errors).toEqual(['The file is 100.0 MB; the limit is 50.0 MB. Nothing was imported.']);
    const small = await parseImport(fixtureBytes('pocket.csv'), 'pocket.csv', { maxBytes: 100 });
    expect(small.errors[0]).toMatch(/the limit is 0\.00 MB/);
    expect(small.rows).toEqual([]);
  });

  it('truncated Masthead JSON and truncated zips', async () => {
    const json =
      '{"masthead":"reading-list","version":1,"exportedAt":"2025-01-01T00:00:00Z","items":[{"url":"https://a.exa';
    const r = await parseImport(text(json));
    expect(r.format).toBe('masthead-json');
    expect(r.errors[0]).toMatch(/not valid JSON \(truncated\?\)/);
    const zip = fixtureBytes('omnivore.zip');
    const cut = await parseImport(zip.subarray(0, Math.floor(zip.length * 0.6)), 'omnivore.zip');
    expect(cut.errors.length).toBeGreaterThan(0);
  });

  it('a newer Masthead JSON version is refused whole, not half-read', async () => {
    const r = await parseImport(
      text('{"masthead":"reading-list","version":2,"items":[{"url":"https://a.example/"}]}'),
    );
    expect(r.items).toEqual([]);
    expect(r.errors[0]).toMatch(/version 2 is not supported/);
  });

  it('Masthead JSON rows with wrong types are repaired with a warning; non-http rows skipped', async () => {
    const doc = {
      masthead: 'reading-list',
      version: 1,
      items: [
        {
          url: 'https://a.example/',
          title: 5,
          tags: ['x', 3],
          state: 'gone',
          favourite: true,
          savedAt: 'never',
        },
        { url: 'javascript:alert(1)' },
        7,
      ],
    };
    const r = await parseImport(text(JSON.stringify(doc)));
    expect(r.rows[0]).toMatchObject({
      status: 'imported',
      warning: expect.stringMatching(/title, state, favourite, tags, note, savedAt, updatedAt/),
    });
    expect(r.items[0]).toMatchObject({
      title: 'https://a.example/',
      tags: ['x'],
      state: 'unread',
      favourite: true,
    });
    expect(r.rows.slice(1).map((x) => x.status)).toEqual(['skipped', 'skipped']);
  });

  it('zip bomb: an entry whose header lies about its size is stopped at the per-file cap', async () => {
    // 200 MB of zeros in ~1.3 MB, declaring 100 bytes.
    const bomb = zipOf('part_000000.csv', deflateZeros(200 * 1024 * 1024), 100);
    expect(bomb.length).toBeLessThan(1_500_000);
    const r = await parseImport(bomb, 'pocket.zip');
    expect(r.format).toBe('pocket-zip');
    expect(r.errors.join(' ')).toMatch(
      /part_000000\.csv: inflates beyond the 50\.0 MB per-file limit \(zip bomb\?\)/,
    );
    expect(r.items).toEqual([]);
  });

  it('zip bomb: the declared size is refused before inflating', async () => {
    const bomb = zipOf('metadata_0_to_20.json', deflateZeros(51 * 1024 * 1024), 51 * 1024 * 1024);
    const r = await parseImport(bomb, 'omnivore.zip');
    expect(r.errors[0]).toMatch(/exceeds the 50\.0 MB per-file limit/);
  });

  it('a hand-made bomb and a lying header through the small-limit path (sanity of the helpers)', () => {
    const z = lieAboutSizes(zipOf('a.csv', deflateZeros(3 * 1024 * 1024), 3 * 1024 * 1024), 10);
    const r = unzipBounded(z, () => true, { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxTotalBytes: 1e9 });
    expect(r.errors).toEqual(['a.csv: inflates beyond the 1.0 MB per-file limit (zip bomb?); skipped']);
    const ok = unzipBounded(zipOf('b.csv', deflateZeros(1000), 1000), () => true);
    expect(ok).toEqual({ entries: [{ name: 'b.csv', data: new Uint8Array(1000) }], errors: [] });
  });

  it('zip limits: total uncompressed size and entry count', () => {
    const mb = new Uint8Array(1024 * 1024);
    const many = zipSync({ 'a.csv': mb, 'b.csv': mb, 'c.csv': mb, 'd.csv': mb });
    const total = unzipBounded(many, () => true, {
      maxEntries: 100,
      maxEntryBytes: 2 * 1024 * 1024,
      maxTotalBytes: 2.5 * 1024 * 1024,
    });
    expect(total.errors).toEqual(['the archive inflates beyond 2.5 MB in total (zip bomb?); import stopped']);
    expect(total.entries.map((e) => e.name)).toEqual(['a.csv', 'b.csv']);
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 12; i++) files[`f${i}.txt`] = strToU8('x');
    const count = unzipBounded(zipSync(files), () => true, {
      maxEntries: 10,
      maxEntryBytes: 1e6,
      maxTotalBytes: 1e7,
    });
    expect(count.errors).toEqual(['the archive has more than 10 entries; refused']);
  });

  it('a throwing progress callback does not abort the import', async () => {
    const r = await parseImport(fixtureBytes('pocket.csv'), 'pocket.csv', {
      onProgress: () => {
        throw new Error('UI gone');
      },
    });
    expect(r.items.length).toBe(9);
  });

  it('throws only for programmer errors', async () => {
    await expect(parseImport('not bytes' as unknown as Uint8Array)).rejects.toThrow(TypeError);
    expect(detectFormat('nope' as unknown as Uint8Array)).toBe('unknown');
  });
});

const HEADS = [
  'title,url,time_added,tags,status\n',
  'title,url,time_added,cursor,tags,status\n',
  'URL,Title,Selection,Folder,Timestamp,Tags\n',
  'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags\n',
  'Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen\n',
  '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p><DT>',
  '<title>Pocket Export</title><h1>Unread</h1><ul><li><a ',
  '{"masthead":"reading-list","version":1,"items":[',
];
const PIECES = [
  ',',
  '"',
  '\n',
  '\r\n',
  '|',
  'https://a.example/',
  'javascript:x',
  '1700000000',
  'archive',
  '<a href="',
  '">',
  '</a>',
  '<DD>',
  '<H3>',
  '</H3>',
  '<DL>',
  '</DL>',
  '{',
  '}',
  '[',
  ']',
  '"url":',
  '&amp;',
  '&#',
  'Archive',
  'Starred',
];

const structured = fc
  .tuple(
    fc.constantFrom(...HEADS),
    fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 40 }),
  )
  .map(([head, parts]) => text(head + parts.join('')));
const randomBytes = fc.uint8Array({ maxLength: 300 });

function checkResult(r: Awaited<ReturnType<typeof parseImport>>, inputLength: number): void {
  expect(FORMATS).toContain(r.format);
  expect(r.items.length).toBeLessThanOrEqual(r.rows.length);
  expect(r.rows.length).toBeLessThanOrEqual(inputLength + 1);
  for (const item of r.items) expect(item.url).toMatch(/^https?:/i);
  for (const row of r.rows) if (row.status === 'skipped') expect(row.reason.length).toBeGreaterThan(0);
}

describe('fuzz', () => {
  it('detectFormat never throws on random bytes or header-led junk (10,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.oneof(randomBytes, structured),
        fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        (bytes, name) => {
          expect(FORMATS).toContain(detectFormat(bytes, name));
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('parseImport never throws and its output is bounded (10,000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(randomBytes, structured), async (bytes) => {
        checkResult(await parseImport(bytes), bytes.length);
      }),
      { numRuns: 10_000 },
    );
  });

  it('parseImport on damaged fixtures: flipped bytes and truncation (2,000 cases)', async () => {
    const fixtures = FIXTURES.map(fixtureBytes);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(fixtures.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 6 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        async (i, flips, keep) => {
          const base = fixtures[i] as Uint8Array;
          const bytes = base.slice(0, Math.max(1, Math.floor(base.length * keep)));
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          checkResult(await parseImport(bytes), bytes.length);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('parseImport on random zips with Pocket and Omnivore entry names (500 cases)', async () => {
    const names = [
      'part_000000.csv',
      'part_000001.csv',
      'part_000000.json',
      'metadata_0_to_20.json',
      'content/a.html',
      'highlights/a.md',
      'other.txt',
    ];
    const entry = fc.tuple(
      fc.constantFrom(...names),
      fc.oneof(
        fc.string({ maxLength: 100 }),
        structured.map((b) => new TextDecoder().decode(b)),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 5 }), async (entries) => {
        const zip = zipSync(Object.fromEntries(entries.map(([n, s]) => [n, strToU8(s)])));
        const r = await parseImport(zip, 'export.zip');
        expect(FORMATS).toContain(r.format);
        for (const item of r.items) expect(item.url).toMatch(/^https?:/i);
      }),
      { numRuns: 500 },
    );
  });
});
