/**
 * Netscape bookmark HTML (FORMATS.md §1.6), read with the token walker (no DOMParser) and written
 * with every attribute and text escaped. Reading: `DT > A` links with ADD_DATE (unit by magnitude),
 * TAGS (comma-separated), TOREAD; nested `H3 + DL` folders become tags, except browser root folders
 * and Masthead's own state folders (Unread / Archive); `<DD>` is the note (linkding's
 * `[linkding-notes]…[/linkding-notes]` block → note, the rest → excerpt).
 */
import type { Collector } from './collect';
import { collapseSpace, escapeHtml, tokenizeHtml } from './html';
import type { ExportItem, ImportedItem } from './types';
import { checkUrl, cleanTags, parseTime, seconds, splitTags } from './values';

const ROOT_FOLDERS =
  /^(bookmarks|bookmarks bar|bookmarks toolbar|bookmarks menu|other bookmarks|mobile bookmarks|favorites bar|favourites bar|imported)$/i;
const ARCHIVE_FOLDER = /^(archive|archived|read archive|read)$/i;
const UNREAD_FOLDER = /^(unread|to read|read later|reading list)$/i;
const LINKDING_ARCHIVED = 'linkding:bookmarks.archived';

interface Folder {
  name: string;
  /** Not turned into a tag (browser roots, state folders). */
  silent: boolean;
}

interface Link {
  attrs: Record<string, string>;
  title: string;
  dd: string;
  folders: Folder[];
}

/** Walk the tokens into links with their folder path. */
export function readBookmarkLinks(html: string): Link[] {
  const links: Link[] = [];
  const stack: (Folder | null)[] = [];
  let pendingFolder: Folder | null = null;
  let h3: { attrs: Record<string, string>; text: string } | undefined;
  let link: Link | undefined;
  let dd: Link | undefined;
  for (const t of tokenizeHtml(html)) {
    if (t.type === 'open') {
      if (t.name === 'dt' || t.name === 'dl' || t.name === 'h3') dd = undefined;
      if (t.name === 'h3') h3 = { attrs: t.attrs, text: '' };
      else if (t.name === 'dl') {
        stack.push(pendingFolder);
        pendingFolder = null;
      } else if (t.name === 'a') {
        link = { attrs: t.attrs, title: '', dd: '', folders: stack.filter((f): f is Folder => f !== null) };
        links.push(link);
      } else if (t.name === 'dd') dd = links[links.length - 1];
    } else if (t.type === 'close') {
      if (t.name === 'h3' && h3) {
        const name = collapseSpace(h3.text);
        const silent =
          'personal_toolbar_folder' in h3.attrs ||
          'unfiled_bookmarks_folder' in h3.attrs ||
          ROOT_FOLDERS.test(name) ||
          ARCHIVE_FOLDER.test(name) ||
          UNREAD_FOLDER.test(name);
        pendingFolder = { name, silent };
        h3 = undefined;
      } else if (t.name === 'dl') {
        stack.pop();
        dd = undefined;
      } else if (t.name === 'a') link = undefined;
    } else if (h3) h3.text += t.text;
    else if (link) link.title += t.text;
    else if (dd) dd.dd += t.text;
  }
  return links;
}

function splitLinkdingNote(dd: string): { note?: string; excerpt?: string } {
  const m = /\[linkding-notes\]([\s\S]*?)\[\/linkding-notes\]/.exec(dd);
  if (!m) return { note: dd.trim() || undefined };
  const rest = (dd.slice(0, m.index) + dd.slice(m.index + m[0].length)).trim();
  return { note: (m[1] ?? '').trim() || undefined, excerpt: rest || undefined };
}

export async function importNetscape(html: string, c: Collector): Promise<void> {
  const links = readBookmarkLinks(html);
  c.addToTotal(links.length);
  let rowNo = 0;
  for (const l of links) {
    rowNo++;
    const a = l.attrs;
    const rawTags = splitTags((a.tags ?? '').replace(/\|/g, ','));
    const archivedTag = rawTags.some((t) => t.toLowerCase() === LINKDING_ARCHIVED);
    const inArchive = l.folders.some((f) => ARCHIVE_FOLDER.test(f.name));
    const toRead = a.toread === '1';
    const time = parseTime(a.add_date);
    const item: ImportedItem = {
      url: a.href ?? '',
      title: collapseSpace(l.title),
      state: !toRead && (archivedTag || inArchive) ? 'archived' : 'unread',
      favourite: a.favourite === '1' || a.favorite === '1',
      tags: cleanTags([
        ...rawTags.filter((t) => t.toLowerCase() !== LINKDING_ARCHIVED),
        ...l.folders.filter((f) => !f.silent).map((f) => f.name),
      ]),
      ...splitLinkdingNote(l.dd),
    };
    if (time.iso) item.savedAt = time.iso;
    c.accept(rowNo, item, time.error);
    await c.step();
  }
}

function linkHtml(item: ExportItem): string {
  const attrs = [`HREF="${escapeHtml(item.url)}"`];
  const added = seconds(item.savedAt);
  if (added) attrs.push(`ADD_DATE="${added}"`);
  const modified = seconds(item.updatedAt);
  if (modified) attrs.push(`LAST_MODIFIED="${modified}"`);
  attrs.push('PRIVATE="1"');
  attrs.push(`TOREAD="${item.state === 'unread' ? 1 : 0}"`);
  if (item.favourite === 1) attrs.push('FAVOURITE="1"');
  const tags = item.tags.map((t) => t.replace(/[,|]/g, ' ').trim()).filter(Boolean);
  if (tags.length) attrs.push(`TAGS="${escapeHtml(tags.join(','))}"`);
  const lines = [`<DT><A ${attrs.join(' ')}>${escapeHtml(item.title || item.url)}</A>`];
  const excerpt = typeof item.excerpt === 'string' ? item.excerpt.trim() : '';
  const note = item.note.trim();
  if (excerpt || note) {
    // The note always sits in linkding's block when there is an excerpt, so a re-import can tell
    // the two apart (a plain <DD> is read as the note).
    const dd = excerpt ? `${excerpt}\n[linkding-notes]${note}[/linkding-notes]` : note;
    lines.push(`<DD>${escapeHtml(dd)}`);
  }
  return lines.map((l) => '        ' + l).join('\n');
}

/** Bookmark HTML: one folder per state, TAGS, TOREAD, ADD_DATE; non-http(s) rows are left out. */
export function exportNetscape(items: ExportItem[]): string {
  const safe = items.filter((i) => checkUrl(i.url).ok);
  const folder = (name: string, list: ExportItem[]) =>
    [`    <DT><H3>${name}</H3>`, '    <DL><p>', ...list.map(linkHtml), '    </DL><p>'].join('\n');
  return [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- Exported by Masthead. -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
    folder(
      'Unread',
      safe.filter((i) => i.state !== 'archived'),
    ),
    folder(
      'Archive',
      safe.filter((i) => i.state === 'archived'),
    ),
    '</DL><p>',
    '',
  ].join('\n');
}
