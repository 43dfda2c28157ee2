// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isFormulaTrigger,
  neutraliseCell,
  parseCsv,
  readCsv,
  toCsv,
} from '../../../../lib/reading-list/io/csv';
import { decodeText } from '../../../../lib/reading-list/io/decode';
import { decodeEntities, htmlToText, tokenizeHtml } from '../../../../lib/reading-list/io/html';
import { parseListCell, parseTime, splitTags } from '../../../../lib/reading-list/io/values';

describe('readCsv (RFC 4180)', () => {
  it('handles quotes, doubled quotes, raw newlines, CRLF, lone CR, empty fields and blank lines', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n"multi\r\nline",,x\rlast,"",\n\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['multi\r\nline', '', 'x'],
      ['last', '', ''],
    ]);
  });

  it('keeps a trailing empty field and a lone quoted empty cell', () => {
    expect(parseCsv('a,\n""\n')).toEqual([['a', ''], ['']]);
  });

  it('reports an unterminated quote (truncated file) on the record', () => {
    const records = Array.from(readCsv('a,b\n"open,never closed\nmore'));
    expect(records[1]).toEqual({
      fields: ['open,never closed\nmore'],
      index: 1,
      error: 'the file ends inside a quoted field (truncated?)',
    });
  });

  it('is bounded: long fields and wide records are cut with an error', () => {
    const [long] = Array.from(readCsv('x'.repeat(100) + ',y', { maxFieldLength: 10 }));
    expect(long?.fields).toEqual(['x'.repeat(10), 'y']);
    expect(long?.error).toMatch(/longer than 10/);
    const [wide] = Array.from(readCsv('1,2,3,4,5', { maxFields: 3 }));
    expect(wide?.fields).toEqual(['1', '2', '3']);
    expect(wide?.error).toMatch(/more than 3 fields/);
  });

  it('fuzz: never throws, output is bounded by the input (10,000 cases)', () => {
    const csvish = fc
      .array(fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é', '""', '\r\n', 'x,y'), { maxLength: 60 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), csvish), (s) => {
        const records = Array.from(readCsv(s, { maxFields: 20, maxFieldLength: 50 }));
        expect(records.length).toBeLessThanOrEqual(s.length + 1);
        for (const r of records) {
          expect(r.fields.length).toBeLessThanOrEqual(20);
          for (const f of r.fields) expect(f.length).toBeLessThanOrEqual(50);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('property: parse(toCsv(rows)) equals rows (10,000 cases)', () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.replace(/\r(?!\n)/g, '\r\n'));
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 6 });
    fc.assert(
      fc.property(rows, (table) => {
        // A row of one empty cell is written as "" and read back; everything else exactly.
        expect(parseCsv(toCsv(table, false))).toEqual(table);
      }),
      { numRuns: 10_000 },
    );
  });

  it('property: neutralised output has no cell starting with a formula trigger, and reads back as the neutralised cells', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\0x'),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 4 }), (table) => {
        const back = parseCsv(toCsv(table));
        expect(back).toEqual(table.map((r) => r.map(neutraliseCell)));
        for (const row of back)
          for (const c of row) expect(c.length > 0 && isFormulaTrigger(c.charAt(0))).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('decodeText', () => {
  it('strips a UTF-8 BOM, falls back to Windows-1252 on invalid UTF-8, reads UTF-16 with a BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x78, 0x94, 0x80]))).toEqual({
      text: 'Café “x”€',
      encoding: 'windows-1252',
    });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toEqual({ text: 'a', encoding: 'utf-16le' });
  });

  it('a UTF-8 prefix cut inside a character is still UTF-8 when sniffing', () => {
    const bytes = new TextEncoder().encode('title,é');
    expect(decodeText(bytes.subarray(0, bytes.length - 1), true).encoding).toBe('utf-8');
  });
});

describe('HTML tokenizer and entities', () => {
  it('decodes named, decimal and hex references; keeps unknown ones and &copy= in attributes', () => {
    expect(decodeEntities('&amp; &lt;b&gt; &eacute;&#233;&#xE9; &rsquo; &bogus; &#0; &#x110000;')).toBe(
      '& <b> ééé \u2019 &bogus; \ufffd \ufffd',
    );
    expect(decodeEntities('?a=1&copy=2&amp=3', true)).toBe('?a=1&copy=2&amp=3');
  });

  it('tokenizes unclosed uppercase tags with quoted, single-quoted, unquoted and bare attributes', () => {
    const tokens = Array.from(
      tokenizeHtml(
        `<!-- c --><DT><A HREF="x&amp;y" add_date='1' TOREAD=1 private>T &lt;1&gt;</A><script>a<b</script>`,
      ),
    );
    expect(tokens).toEqual([
      { type: 'open', name: 'dt', attrs: {} },
      { type: 'open', name: 'a', attrs: { href: 'x&y', add_date: '1', toread: '1', private: '' } },
      { type: 'text', text: 'T <1>' },
      { type: 'close', name: 'a' },
      { type: 'open', name: 'script', attrs: {} },
      { type: 'close', name: 'script' },
    ]);
  });

  it('htmlToText keeps paragraph breaks and drops scripts', () => {
    expect(htmlToText('<h1>T</h1><p>a <b>b</b></p><script>x()</script><p>c&nbsp;d</p>')).toBe('T\na b\nc d');
  });
});

describe('field values', () => {
  it('dates by magnitude (s, ms, µs), ISO and "YYYY-MM-DD HH:MM:SS[+zone]", absurd ones refused', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseTime('1704067200', now).iso).toBe('2024-01-01T00:00:00.000Z');
    expect(parseTime(1704067200000, now).iso).toBe('2024-01-01T00:00:00.000Z');
    expect(parseTime('1704067200000000', now).iso).toBe('2024-01-01T00:00:00.000Z');
    expect(parseTime('2022-11-06 04:33:50+00:00', now).iso).toBe('2022-11-06T04:33:50.000Z');
    expect(parseTime('2025-01-01 00:10:00', now).iso).toBe('2025-01-01T00:10:00.000Z');
    expect(parseTime('2024-10-29T16:30:11.000Z', now).iso).toBe('2024-10-29T16:30:11.000Z');
    expect(parseTime('0', now).error).toMatch(/implausible/);
    expect(parseTime('-5', now).error).toMatch(/implausible/);
    expect(parseTime('4102444800', now).error).toMatch(/implausible/);
    expect(parseTime('yesterday-ish', now).error).toMatch(/unreadable/);
    expect(parseTime('', now)).toEqual({});
  });

  it('tags: pipes, commas, JSON arrays, Python lists; trimmed and de-duplicated', () => {
    expect(splitTags('a| b |A||c')).toEqual(['a', 'b', 'c']);
    expect(splitTags('x, y')).toEqual(['x', 'y']);
    expect(parseListCell('["coding","rust"]')).toEqual(['coding', 'rust']);
    expect(parseListCell(`['a', "b's", 'c\\'d']`)).toEqual(['a', "b's", "c'd"]);
    expect(parseListCell('[]')).toEqual([]);
  });
});
