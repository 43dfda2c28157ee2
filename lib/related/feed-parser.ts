/**
 * Feed parser (issue: related coverage): RSS 2.0 / 0.9x, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed,
 * from bytes or text. Pure and DOM-free, so it runs in the MV3 service worker and in Node.
 *
 * Never throws: problems are returned in `errors` (a fatal one leaves `items` empty). Bounded by
 * `limits` (bytes, items, field lengths) and by the XML reader's node/depth caps; no DTD or
 * entity expansion (see xml.ts). Items whose link is not http(s) are dropped with a reason.
 */
import {
  DEFAULT_FEED_LIMITS,
  type FeedFormat,
  type FeedInfo,
  type FeedLimits,
  type ParsedFeed,
  type ParseFeedOptions,
} from './feed-types';
import { collectItems, type ItemDraft } from './feed-items';
import { decodeFeedBytes } from './decode';
import { parseXml } from './xml';
import { atomFeed, detectXmlFormat, rssFeed } from './feed-xml';
import { isJsonFeed, jsonFeed } from './feed-json';

export type { FeedItem, FeedInfo, ParsedFeed, ParseFeedOptions, FeedLimits } from './feed-types';

/** RSS/Atom elements that hold only text (see XmlLimits.leaves). */
const LEAVES: ReadonlySet<string> = new Set(
  'title link guid pubDate description comments category author published updated summary id dc:date dc:creator dc:title dc:description'.split(
    ' ',
  ),
);

const EMPTY_INFO: FeedInfo = { title: '', link: '', description: '', language: '', updatedAt: '' };

const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;

function fail(format: FeedFormat, encoding: string, errors: string[]): ParsedFeed {
  return { format, feed: { ...EMPTY_INFO }, items: [], errors, encoding };
}

function parseJsonText(
  text: string,
  opts: ParseFeedOptions,
  limits: FeedLimits,
  errors: string[],
  encoding: string,
): ParsedFeed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    errors.push(`Not valid JSON: ${(e instanceof Error ? e.message : String(e)).slice(0, 120)}.`);
    return fail('json', encoding, errors);
  }
  if (!isJsonFeed(value)) {
    errors.push('JSON but not a JSON Feed (no "version" from jsonfeed.org and no "items").');
    return fail('unknown', encoding, errors);
  }
  const { info, drafts } = jsonFeed(value, opts.feedUrl);
  return { format: 'json', feed: info, items: collectItems(drafts, limits, errors), errors, encoding };
}

/** Parse a feed from its bytes (preferred: the encoding is detected) or already-decoded text. */
export function parseFeed(input: Uint8Array | ArrayBuffer | string, opts: ParseFeedOptions = {}): ParsedFeed {
  const limits: FeedLimits = { ...DEFAULT_FEED_LIMITS, ...opts.limits };
  const errors: string[] = [];
  let text: string;
  let encoding = 'string';
  if (typeof input === 'string') {
    if (input.length > limits.maxBytes) {
      return fail('unknown', encoding, [`Feed is larger than ${mb(limits.maxBytes)}; not read.`]);
    }
    text = input.replace(/^\uFEFF/, '');
  } else {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    if (bytes.byteLength > limits.maxBytes) {
      return fail('unknown', 'unknown', [
        `Feed is ${mb(bytes.byteLength)}; the limit is ${mb(limits.maxBytes)}. Nothing was read.`,
      ]);
    }
    const decoded = decodeFeedBytes(bytes, opts.contentType);
    text = decoded.text;
    encoding = decoded.encoding;
    errors.push(...decoded.errors);
  }

  const start = text.search(/\S/);
  if (start < 0) return fail('unknown', encoding, [...errors, 'The feed is empty.']);
  if (text[start] === '{') return parseJsonText(text, opts, limits, errors, encoding);

  const doc = parseXml(text, { maxText: Math.max(limits.maxSummary * 20, 100_000), leaves: LEAVES });
  if (!doc.root) return fail('unknown', encoding, [...errors, 'No XML element found: not a feed.']);
  const format = detectXmlFormat(doc.root);
  if (format === 'unknown') {
    const what = doc.root.local.toLowerCase() === 'html' ? 'an HTML page' : `<${doc.root.name.slice(0, 40)}>`;
    return fail('unknown', encoding, [...errors, `Not a feed: the document is ${what}.`]);
  }
  errors.push(...doc.errors);
  const { info, drafts }: { info: FeedInfo; drafts: ItemDraft[] } =
    format === 'atom' ? atomFeed(doc.root, opts.feedUrl) : rssFeed(doc.root, opts.feedUrl);
  const items = collectItems(drafts, limits, errors);
  if (drafts.length === 0) errors.push('The feed has no items.');
  return { format, feed: info, items, errors, encoding };
}
