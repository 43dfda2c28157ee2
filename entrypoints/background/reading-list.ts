/**
 * Reading-list handlers and entry points in the background: the popup's save/edit/remove
 * messages, the context-menu items (page, link) and the keyboard command. Nothing is saved from a
 * private window. A page is saved from the report the background already holds for its tab (the
 * clean, sanitised article and its context); a link is saved as a bare unread item, never fetched.
 */
import type { MessageData, SavedInfo } from '@/lib/protocol';
import type { Sender } from '@/lib/platform/messages';
import { deleteSaved, getSaved, saveLink, saveReport, updateSaved } from '@/lib/reading-list/store';
import type { SavedArticle } from '@/lib/store-types';
import { err, ok, type Result } from '@/lib/types';
import type { BackgroundDeps, TabInfo } from './handlers';

export const MENU_SAVE_PAGE = 'masthead-save-page';
export const MENU_SAVE_LINK = 'masthead-save-link';
export const COMMAND_SAVE = 'save-page';

export const PRIVATE_WINDOW = 'Private window: Masthead does not save anything from it.';
const NOT_ARTICLE =
  'Only articles can be saved with their text. Use "Save link to Masthead reading list" on a link instead.';

export function infoOf(row: SavedArticle, created?: boolean): SavedInfo {
  const info: SavedInfo = {
    urlKey: row.urlKey,
    url: row.url,
    title: row.title,
    savedAt: row.savedAt,
    updatedAt: row.updatedAt,
    state: row.state,
    favourite: row.favourite === 1,
    tags: [...row.tags],
    note: row.note,
  };
  if (created !== undefined) info.created = created;
  return info;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function isPrivate(tab: TabInfo | undefined, sender: Sender | undefined, deps: BackgroundDeps): boolean {
  return tab?.incognito === true || (!!sender && deps.isIncognito?.(sender) === true);
}

/** Save the article shown in a tab from its stored report. */
export async function saveTab(
  tabId: number,
  deps: BackgroundDeps,
  sender?: Sender,
): Promise<Result<SavedInfo>> {
  const tab = await deps.getTab(tabId);
  if (!tab) return err('That tab no longer exists.');
  if (isPrivate(tab, sender, deps)) return err(PRIVATE_WINDOW);
  const report = await deps.reports.get(tabId);
  if (!report || !report.verdict.isArticle || !report.article) return err(NOT_ARTICLE);
  try {
    const { row, created } = await saveReport(await deps.db(), report, deps.now());
    return ok(infoOf(row, created));
  } catch (e) {
    return err(messageOf(e));
  }
}

export function savePage(data: MessageData<'savePage'>, sender: Sender, deps: BackgroundDeps) {
  return saveTab(data.tabId, deps, sender);
}

export async function getSavedState(
  data: MessageData<'getSavedState'>,
  _sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<SavedInfo | null>> {
  const row = await getSaved(await deps.db(), data.url);
  return ok(row ? infoOf(row) : null);
}

export async function updateSavedItem(
  data: MessageData<'updateSaved'>,
  _sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<SavedInfo>> {
  const { urlKey, ...patch } = data;
  const row = await updateSaved(await deps.db(), urlKey, patch, deps.now());
  return row ? ok(infoOf(row)) : err('That item is no longer in your reading list.');
}

export async function removeSaved(
  data: MessageData<'removeSaved'>,
  _sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<{ removed: number }>> {
  return ok({ removed: await deleteSaved(await deps.db(), data.urlKeys) });
}

/** What `contextMenus.onClicked` gives us (the subset we read). */
export interface MenuClick {
  menuItemId: string | number;
  linkUrl?: string;
  linkText?: string;
  selectionText?: string;
  pageUrl?: string;
}

/** contextMenus.onClicked: save the page (from its report) or the link (URL only, not fetched). */
export async function menuClicked(
  click: MenuClick,
  tab: TabInfo | undefined,
  deps: BackgroundDeps,
): Promise<Result<SavedInfo>> {
  if (isPrivate(tab, undefined, deps)) return err(PRIVATE_WINDOW);
  if (click.menuItemId === MENU_SAVE_LINK && click.linkUrl) {
    try {
      const title = click.linkText ?? click.selectionText;
      const { row, created } = await saveLink(await deps.db(), { url: click.linkUrl, title }, deps.now());
      return ok(infoOf(row, created));
    } catch (e) {
      return err(messageOf(e));
    }
  }
  if (click.menuItemId === MENU_SAVE_PAGE && typeof tab?.id === 'number') return saveTab(tab.id, deps);
  return err('Nothing to save.');
}

/** commands.onCommand: save the active tab's article. */
export async function commandRun(
  command: string,
  tab: TabInfo | undefined,
  deps: BackgroundDeps,
): Promise<Result<SavedInfo>> {
  if (command !== COMMAND_SAVE) return err(`unknown command ${command}`);
  if (typeof tab?.id !== 'number') return err('No active tab.');
  return saveTab(tab.id, deps);
}

/** Menu items, created on install/update (ids are stable; re-creation replaces them). */
export const MENU_ITEMS = [
  { id: MENU_SAVE_PAGE, title: 'Save page to Masthead reading list', contexts: ['page'] },
  { id: MENU_SAVE_LINK, title: 'Save link to Masthead reading list', contexts: ['link'] },
] as const;
