/** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1). */
import type { FeedInfo } from './feed-types';
import type { ItemDraft } from './feed-items';
import { resolveHttpUrl } from './feed-items';
import { htmlToText } from './html-text';

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function names(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v ? [v] : [];
  return list
    .slice(0, 20)
    .map((a) => (typeof a === 'string' ? a : str(obj(a).name)))
    .filter(Boolean);
}

export function isJsonFeed(value: unknown): boolean {
  const v = obj(value);
  return /jsonfeed\.org\/version\//.test(str(v.version)) || (Array.isArray(v.items) && 'title' in v);
}

export function jsonFeed(
  value: unknown,
  feedUrl: string | undefined,
): { info: FeedInfo; drafts: ItemDraft[] } {
  const v = obj(value);
  const base = [feedUrl].filter((b): b is string => !!b);
  const home = resolveHttpUrl(str(v.home_page_url), base);
  const link = 'url' in home ? home.url : '';
  const bases = [link, ...base].filter(Boolean);
  const feedAuthors = names(v.authors ?? v.author);
  const items = Array.isArray(v.items) ? v.items : [];
  const drafts = items.map((raw): ItemDraft => {
    const it = obj(raw);
    const authors = names(it.authors ?? it.author);
    return {
      link: str(it.url) || str(it.external_url),
      bases,
      title: str(it.title),
      date: str(it.date_published) || str(it.date_modified),
      summary: str(it.summary) || str(it.content_text) || str(it.content_html),
      authors: authors.length ? authors : feedAuthors,
      guid: str(it.id),
    };
  });
  return {
    info: {
      title: htmlToText(str(v.title), 500),
      link,
      description: htmlToText(str(v.description), 2000),
      language: str(v.language).slice(0, 20),
      updatedAt: '',
    },
    drafts,
  };
}
