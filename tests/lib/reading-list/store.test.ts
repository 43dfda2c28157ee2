import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MastheadDb } from '@/lib/platform/db';
import {
  exportMastheadJson,
  parseImport,
  type ExportItem,
  type ImportedItem,
  type ImportResult,
} from '@/lib/reading-list/io';
import { applyImport, exportRows, previewImport } from '@/lib/reading-list/store-import';
import {
  bulkEdit,
  deleteSaved,
  getSaved,
  listSaved,
  saveLink,
  saveReport,
  updateSaved,
} from '@/lib/reading-list/store';
import type { PageReport } from '@/lib/types';
import { makeReport } from '../../components/fixtures';

let db: MastheadDb;
const t0 = new Date('2026-11-01T10:00:00.000Z');
const t1 = new Date('2026-11-02T10:00:00.000Z');

beforeEach(async () => {
  db = new MastheadDb(`test-rl-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function withContext(report: PageReport, ctx: Record<string, unknown>): PageReport {
  return { ...report, ...ctx } as unknown as PageReport;
}

const imported = (over: Partial<ImportedItem> = {}): ImportedItem => ({
  url: 'https://example.com/a',
  title: 'A',
  state: 'unread',
  favourite: false,
  tags: [],
  ...over,
});

function result(items: ImportedItem[], format: ImportResult['format'] = 'pocket-csv'): ImportResult {
  return {
    format,
    items,
    rows: items.map((item, i) => ({ row: i + 1, status: 'imported' as const, item })),
    errors: [],
  };
}

describe('saving', () => {
  it('saves the clean article, its metadata and the context snapshot as it was', async () => {
    const outlet = {
      qid: 'Q1138053',
      name: 'Press TV',
      country: { value: { name: 'Iran' } },
      state: { value: { relation: 'state-controlled' } },
    };
    const people = [{ name: 'James Mattis' }];
    const report = withContext(makeReport(), { outlet, people, sourcesCited: [{ name: 'Kyodo' }] });
    const { row, created } = await saveReport(db, report, t0);
    expect(created).toBe(true);
    expect(row.title).toBe(report.article!.title);
    expect(row.content).toBe(report.content);
    expect(row.text).toBe(report.text);
    expect(row.context).toEqual({
      capturedAt: t0.toISOString(),
      outlet,
      people,
      sourcesCited: [{ name: 'Kyodo' }],
    });
    expect(row).toMatchObject({
      outletQid: 'Q1138053',
      outletName: 'Press TV',
      country: 'Iran',
      controlLabel: 'state-controlled',
    });
    expect(row).toMatchObject({ state: 'unread', favourite: 0, tags: [], note: '', origin: 'page' });
  });

  it('tolerates a report whose outlet is null and people empty (features not there yet)', async () => {
    const { row } = await saveReport(db, makeReport(), t0);
    expect(row.context).toEqual({ capturedAt: t0.toISOString(), outlet: null, people: [], sourcesCited: [] });
    expect(row.outletQid).toBeUndefined();
    expect(row.outletName).toBe(makeReport().article!.siteName);
  });

  it('saving twice (other URL form) updates the copy, keeps the reader fields, never duplicates', async () => {
    const report = makeReport();
    const { row } = await saveReport(db, report, t0);
    await updateSaved(db, row.urlKey, { tags: ['japan'], note: 'n', favourite: true }, t0);
    const other = new URL(report.url);
    other.hostname = other.hostname.startsWith('www.') ? other.hostname.slice(4) : 'www.' + other.hostname;
    other.protocol = 'http:';
    const again = { ...report, url: `${other.href}/?utm_source=x#top`, text: 'new text' };
    const second = await saveReport(db, again, t1);
    expect(second.created).toBe(false);
    expect(await db.saved.count()).toBe(1);
    expect(second.row).toMatchObject({
      savedAt: t0.toISOString(),
      updatedAt: t1.toISOString(),
      tags: ['japan'],
      note: 'n',
      favourite: 1,
      text: 'new text',
    });
  });

  it('refuses to save a non-article report with its text', async () => {
    const report = { ...makeReport(), verdict: { isArticle: false, explanation: 'x' } };
    await expect(saveReport(db, report, t0)).rejects.toThrow(/save the link/);
  });

  it('saves a link as an unread item without touching an existing saved copy', async () => {
    const { row } = await saveLink(
      db,
      { url: 'https://news.example/story?fbclid=1', title: '  A  story ' },
      t0,
    );
    expect(row).toMatchObject({
      urlKey: 'news.example/story',
      title: 'A story',
      state: 'unread',
      origin: 'link',
    });
    expect(row.content).toBeUndefined();
    const saved = await saveReport(db, makeReport(), t0);
    const again = await saveLink(db, { url: saved.row.url }, t1);
    expect(again.created).toBe(false);
    expect(again.row.content).toBe(saved.row.content);
    await expect(saveLink(db, { url: 'javascript:alert(1)' }, t0)).rejects.toThrow(/http/);
  });

  it('finds an item by any URL form that normalises to its key', async () => {
    const { row } = await saveReport(db, makeReport(), t0);
    expect((await getSaved(db, row.url + '/'))?.urlKey).toBe(row.urlKey);
  });
});

describe('editing', () => {
  it('cleans tags and notes, edits many at once, deletes', async () => {
    await saveLink(db, { url: 'https://a.example/1' }, t0);
    await saveLink(db, { url: 'https://a.example/2' }, t1);
    const one = await updateSaved(
      db,
      'a.example/1',
      { tags: [' Japan ', 'japan', 'US,Defence', ''], note: 'x\u0000y' },
      t1,
    );
    expect(one?.tags).toEqual(['Japan', 'US Defence']);
    expect(one?.note).toBe('xy');
    expect(await updateSaved(db, 'missing', { note: 'x' }, t1)).toBeNull();
    const rows = await bulkEdit(
      db,
      ['a.example/1', 'a.example/2', 'nope'],
      { state: 'archived', addTags: ['later'], removeTags: ['japan'] },
      t1,
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ state: 'archived', tags: ['US Defence', 'later'] });
    expect((await listSaved(db)).map((r) => r.urlKey)).toEqual(['a.example/2', 'a.example/1']);
    expect(await deleteSaved(db, ['a.example/1', 'nope'])).toBe(1);
    expect(await db.saved.count()).toBe(1);
  });
});

describe('import', () => {
  it('imports new items, reports duplicates (in the DB and in the file), never touches existing rows', async () => {
    const existing = await saveReport(db, makeReport(), t0);
    const before = await db.saved.get(existing.row.urlKey);
    const res = result([
      imported({ url: existing.row.url, title: 'Other title', tags: ['x'] }),
      imported({
        url: 'https://b.example/1',
        title: 'B',
        savedAt: '2019-01-01T00:00:00Z',
        state: 'archived',
        favourite: true,
        tags: ['t'],
      }),
      imported({ url: 'https://www.b.example/1/', title: 'B again' }),
      imported({ url: 'javascript:alert(1)', title: 'bad' }),
    ]);
    res.rows.push({ row: 5, status: 'skipped', reason: 'missing URL' });
    const preview = await previewImport(db, res, t1);
    expect(preview).toMatchObject({ imported: 1, duplicates: 2, skipped: 2 });
    expect(await db.saved.count()).toBe(1);
    const progress: Array<[number, number]> = [];
    const summary = await applyImport(db, res, {
      now: t1,
      chunkSize: 1,
      onProgress: (d, t) => progress.push([d, t]),
      yieldToUi: async () => {},
    });
    expect(summary.rows.map((r) => [r.row, r.status])).toEqual([
      [1, 'duplicate'],
      [2, 'imported'],
      [3, 'duplicate'],
      [4, 'skipped'],
      [5, 'skipped'],
    ]);
    expect(progress.at(-1)).toEqual([2, 2]);
    expect(await db.saved.get(existing.row.urlKey)).toEqual(before);
    expect(await db.saved.get('b.example/1')).toMatchObject({
      savedAt: '2019-01-01T00:00:00.000Z',
      state: 'archived',
      favourite: 1,
      tags: ['t'],
      origin: 'import',
      importFormat: 'pocket-csv',
    });
  });

  it('sanitises imported HTML with the given sanitiser', async () => {
    await applyImport(db, result([imported({ content: '<p>x</p><script>1</script>' })]), {
      now: t0,
      sanitize: (h) => h.replace(/<script>.*<\/script>/, ''),
      yieldToUi: async () => {},
    });
    expect((await db.saved.get('example.com/a'))?.content).toBe('<p>x</p>');
  });

  it('a Masthead JSON row comes back exactly as exported', async () => {
    const report = withContext(makeReport(), { outlet: { name: 'Press TV' }, people: [{ name: 'Abe' }] });
    const { row } = await saveReport(db, report, t0);
    await updateSaved(db, row.urlKey, { tags: ['a'], note: 'note', state: 'archived' }, t1);
    const [exported] = await exportRows(db);
    await deleteSaved(db, [row.urlKey]);
    const raw = JSON.parse(JSON.stringify(exported)) as Record<string, unknown>;
    const item = imported({
      url: raw.url as string,
      title: raw.title as string,
      savedAt: raw.savedAt as string,
      state: 'archived',
      tags: ['a'],
      note: 'note',
      raw,
    });
    await applyImport(db, result([item], 'masthead-json'), { now: new Date(), yieldToUi: async () => {} });
    expect(await db.saved.get(row.urlKey)).toEqual(exported);
  });
});

describe('round trip through the page store', () => {
  it('1,000 mixed items: export → Masthead JSON → parse → import into an empty list loses nothing', async () => {
    let key = '';
    for (let i = 0; i < 1000; i++) {
      const at = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000);
      if (i % 3 === 0) {
        const report = withContext(
          makeReport({ url: `https://www.news${i % 7}.example/story/${i}?utm_source=x` }),
          {
            outlet: i % 2 ? { name: `Outlet ${i % 7}`, country: { value: { name: 'Japan' } } } : null,
            people: i % 2 ? [{ name: 'Fumio Kishida', role: 'Foreign minister' }] : [],
          },
        );
        key = (await saveReport(db, report, at)).row.urlKey;
      } else {
        key = (
          await saveLink(
            db,
            {
              url: `https://links${i % 5}.example/${i}`,
              title: `Link “${i}”, with "quotes",\nand a newline`,
            },
            at,
          )
        ).row.urlKey;
      }
      if (i % 4 === 0) {
        await updateSaved(
          db,
          key,
          {
            tags: ['a', `t${i % 9}`],
            note: i % 8 ? '' : `note ${i} = +1`,
            state: i % 8 ? 'unread' : 'archived',
            favourite: i % 12 === 0,
          },
          at,
        );
      }
    }
    const before = await exportRows(db);
    expect(before.length).toBeGreaterThan(900);
    const json = exportMastheadJson(before as ExportItem[]);
    const other = new MastheadDb(`test-rl-rt-${crypto.randomUUID()}`);
    try {
      const parsed = await parseImport(new TextEncoder().encode(json), 'export.json');
      const summary = await applyImport(other, parsed, { now: new Date(), yieldToUi: async () => {} });
      expect(summary).toMatchObject({ imported: before.length, duplicates: 0, skipped: 0 });
      const after = new Map((await exportRows(other)).map((r) => [r.urlKey, r]));
      for (const row of before) {
        const back = after.get(row.urlKey);
        expect(back, row.urlKey).toBeDefined();
        for (const key of new Set([...Object.keys(row), ...Object.keys(back!)])) {
          expect(back![key], `${row.urlKey}.${key}`).toEqual(row[key]);
        }
      }
    } finally {
      other.close();
      await other.delete();
    }
  }, 120_000);
});
