/**
 * Highlight messages from the content script. The page is always the sender's own tab (URL from
 * `sender.tab`, never from the payload); a highlight of another page can be neither read, edited
 * nor deleted from here. Nothing is stored from (or read into) a private window. Adding the first
 * highlight saves the article to the reading list (from the tab's report; a bare link when the
 * page is not an article).
 */
import type { HighlightInfo, MessageData } from '@/lib/protocol';
import type { Sender } from '@/lib/platform/messages';
import {
  cleanColor,
  addHighlight as addRow,
  deleteHighlight,
  getHighlight,
  listHighlights as listRows,
  updateHighlight as updateRow,
} from '@/lib/reading-list/highlights';
import { getSaved, saveLink } from '@/lib/reading-list/store';
import type { HighlightRow } from '@/lib/store-types';
import type { HighlightSelector } from '@/lib/annotations/selectors';
import { err, ok, type Result } from '@/lib/types';
import { normalizeUrl } from '@/lib/url/normalize';
import type { BackgroundDeps } from './handlers';
import { PRIVATE_WINDOW, saveTab } from './reading-list';

export function highlightInfo(row: HighlightRow): HighlightInfo {
  const info: HighlightInfo = {
    id: row.id,
    createdAt: row.createdAt,
    color: cleanColor(row.color),
    note: typeof row.note === 'string' ? row.note : '',
    selectors: (Array.isArray(row.selectors) ? row.selectors : []) as HighlightSelector[],
  };
  if (typeof row.textHash === 'string') info.textHash = row.textHash;
  return info;
}

interface SenderPage {
  tabId: number;
  url: string;
  urlKey: string;
  title?: string;
  private: boolean;
}

/** The sender tab's page, or null when the sender is not a tab with an http(s) page. */
function senderPage(sender: Sender, deps: BackgroundDeps): SenderPage | null {
  const tab = sender.tab;
  const url = tab?.url ?? sender.url;
  if (typeof tab?.id !== 'number' || !url) return null;
  const urlKey = normalizeUrl(url);
  if (!urlKey) return null;
  return {
    tabId: tab.id,
    url,
    urlKey,
    title: tab.title,
    private: tab.incognito === true || deps.isIncognito?.(sender) === true,
  };
}

const NO_PAGE = 'Highlights work on web pages only.';

/** Save the page to the reading list unless it already is (the report first, else the link). */
async function ensureSaved(page: SenderPage, sender: Sender, deps: BackgroundDeps): Promise<void> {
  const db = await deps.db();
  if (await getSaved(db, page.url)) return;
  const saved = await saveTab(page.tabId, deps, sender);
  if (!saved.ok) await saveLink(db, { url: page.url, title: page.title }, deps.now());
}

export async function addHighlight(
  data: MessageData<'addHighlight'>,
  sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<HighlightInfo>> {
  const page = senderPage(sender, deps);
  if (!page) return err(NO_PAGE);
  if (page.private) return err(PRIVATE_WINDOW);
  try {
    await ensureSaved(page, sender, deps);
    const row = await addRow(await deps.db(), { ...data, urlKey: page.urlKey }, deps.now());
    return ok(highlightInfo(row));
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}

export async function listHighlights(
  _data: MessageData<'listHighlights'>,
  sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<HighlightInfo[]>> {
  const page = senderPage(sender, deps);
  if (!page) return err(NO_PAGE);
  if (page.private) return ok([]);
  return ok((await listRows(await deps.db(), page.urlKey)).map(highlightInfo));
}

/** The highlight `id` when it belongs to the sender's page. */
async function ownRow(id: string, sender: Sender, deps: BackgroundDeps): Promise<Result<HighlightRow>> {
  const page = senderPage(sender, deps);
  if (!page) return err(NO_PAGE);
  if (page.private) return err(PRIVATE_WINDOW);
  const row = await getHighlight(await deps.db(), id);
  return row && row.urlKey === page.urlKey ? ok(row) : err('No such highlight on this page.');
}

export async function updateHighlight(
  data: MessageData<'updateHighlight'>,
  sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<HighlightInfo>> {
  const own = await ownRow(data.id, sender, deps);
  if (!own.ok) return own;
  const row = await updateRow(await deps.db(), data.id, { note: data.note, color: data.color }, deps.now());
  return row ? ok(highlightInfo(row)) : err('No such highlight on this page.');
}

export async function removeHighlight(
  data: MessageData<'deleteHighlight'>,
  sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<{ deleted: boolean }>> {
  const own = await ownRow(data.id, sender, deps);
  if (!own.ok) return own;
  return ok({ deleted: await deleteHighlight(await deps.db(), data.id) });
}
