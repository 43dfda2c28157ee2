/** Shared last step of every feed format: draft → validated, bounded FeedItem. */
import type { FeedItem, FeedLimits } from './feed-types';
import { htmlToText, squash } from './html-text';
import { parseFeedDate } from './dates';

export interface ItemDraft {
  link: string;
  /** Extra bases for a relative link, nearest first (xml:base, feed link, feed URL). */
  bases: string[];
  title: string;
  /** Raw date text. */
  date: string;
  /** HTML or plain text; converted to text either way. */
  summary: string;
  authors: string[];
  guid: string;
  source?: { name: string; url: string };
}

const cap = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s);

/** Absolute http(s) URL or an explanation of why not. */
export function resolveHttpUrl(link: string, bases: readonly string[]): { url: string } | { reason: string } {
  const raw = link.trim();
  if (!raw) return { reason: 'no link' };
  let parsed: URL | null = null;
  for (const base of ['', ...bases]) {
    try {
      parsed = base ? new URL(raw, base) : new URL(raw);
      break;
    } catch {
      /* try the next base */
    }
  }
  if (!parsed) return { reason: `unreadable link "${cap(raw, 80)}"` };
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { reason: `link is not http(s) (${parsed.protocol.slice(0, 20)})` };
  }
  return { url: parsed.href };
}

/** Finish a draft, or return the reason it is dropped. */
export function finishItem(d: ItemDraft, limits: FeedLimits): FeedItem | { reason: string } {
  const resolved = resolveHttpUrl(d.link || (/^https?:\/\//i.test(d.guid) ? d.guid : ''), d.bases);
  if ('reason' in resolved) return resolved;
  if (resolved.url.length > limits.maxUrl) return { reason: `link longer than ${limits.maxUrl} characters` };
  const title = cap(htmlToText(d.title, limits.maxTitle * 2), limits.maxTitle);
  const summary = cap(htmlToText(d.summary, limits.maxSummary * 2), limits.maxSummary);
  const authors = [...new Set(d.authors.map((a) => cap(squash(htmlToText(a, 400)), 200)).filter(Boolean))];
  const item: FeedItem = {
    url: resolved.url,
    title,
    publishedAt: parseFeedDate(d.date),
    summary,
    authors: authors.slice(0, limits.maxAuthors),
    guid: cap(squash(d.guid), 500),
  };
  if (d.source) {
    const src = resolveHttpUrl(d.source.url, []);
    item.source = { name: cap(squash(d.source.name), 200), url: 'url' in src ? src.url : '' };
  }
  return item;
}

/** Push finished drafts into `items`, recording drops as errors (at most a few listed one by one). */
export function collectItems(drafts: Iterable<ItemDraft>, limits: FeedLimits, errors: string[]): FeedItem[] {
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  let total = 0;
  for (const d of drafts) {
    if (items.length >= limits.maxItems) {
      total++;
      continue;
    }
    const r = finishItem(d, limits);
    if ('reason' in r) {
      dropped++;
      if (dropped <= 5)
        errors.push(`Item "${cap(squash(d.title), 60) || '(untitled)'}" dropped: ${r.reason}.`);
      continue;
    }
    if (seen.has(r.url)) continue;
    seen.add(r.url);
    items.push(r);
  }
  if (dropped > 5) errors.push(`${dropped - 5} more item(s) dropped.`);
  if (total > 0) errors.push(`Only the first ${limits.maxItems} items were read (${total} more ignored).`);
  return items;
}
