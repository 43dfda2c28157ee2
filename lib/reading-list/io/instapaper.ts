/**
 * Instapaper CSV (FORMATS.md §1.4): `URL,Title,Selection,Folder[,Timestamp[,Tags]]`. Folder
 * Unread/Archive/Starred set state and favourite; any other folder becomes a tag (and `folder`),
 * arriving unread. Selection → excerpt. Rows are newest-first, so items are returned oldest-first.
 */
import type { Collector } from './collect';
import { decodeEntities } from './html';
import { readTable, Row, joinWarnings } from './table';
import type { ImportedItem } from './types';
import { parseListCell, parseTime } from './values';

export async function importInstapaperCsv(text: string, c: Collector): Promise<void> {
  const table = readTable(text);
  c.addToTotal(table.records.length);
  let rowNo = 0;
  for (const record of table.records) {
    rowNo++;
    const row = new Row(table.header, record);
    if (row.isHeader()) {
      c.skip(rowNo, 'repeated header row');
      await c.step();
      continue;
    }
    const folder = row.get('folder').trim();
    const tags = parseListCell(row.get('tags'));
    const item: ImportedItem = {
      url: row.get('url'),
      title: decodeEntities(row.get('title'), true),
      state: /^archive$/i.test(folder) ? 'archived' : 'unread',
      favourite: /^starred$/i.test(folder),
      tags,
      excerpt: row.get('selection') || undefined,
    };
    if (folder && !/^(unread|archive|starred)$/i.test(folder)) {
      item.folder = folder;
      item.tags = [...tags, folder];
    }
    const time = parseTime(row.get('timestamp'));
    if (time.iso) item.savedAt = time.iso;
    if (!row.get('url') && row.error) c.skip(rowNo, row.error);
    else c.accept(rowNo, item, joinWarnings(row.error, time.error));
    await c.step();
  }
  c.items.reverse();
}
