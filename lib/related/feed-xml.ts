/** RSS 2.0 / 0.9x, RSS 1.0 (RDF) and Atom on top of the tolerant XML tree. */
import type { FeedFormat, FeedInfo } from './feed-types';
import type { ItemDraft } from './feed-items';
import { childrenNamed, deepText, firstChild, type XmlElement } from './xml';
import { htmlToText } from './html-text';
import { parseFeedDate } from './dates';
import { resolveHttpUrl } from './feed-items';

const ATOM = ['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#'];
const DC = 'http://purl.org/dc/elements/1.1/';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';

/** Text of the first child with that local name, optionally requiring one of `prefixes`/namespaces. */
function childText(el: XmlElement, local: string, opts: { ns?: string; prefix?: string } = {}): string {
  const c = el.children.find(
    (x) =>
      x.local === local &&
      (!opts.ns || x.ns === opts.ns || (opts.prefix !== undefined && x.name === `${opts.prefix}:${local}`)),
  );
  return c ? deepText(c).trim() : '';
}

/** Plain children (no prefix or the default namespace) — RSS elements, not dc:/media: look-alikes. */
function plainText(el: XmlElement, local: string): string {
  const c = el.children.find((x) => x.name === local);
  return c ? deepText(c).trim() : '';
}

export function detectXmlFormat(root: XmlElement): FeedFormat {
  const l = root.local.toLowerCase();
  if (l === 'rss') return 'rss2';
  if (l === 'feed') return 'atom';
  if (l === 'rdf') return 'rss1';
  return 'unknown';
}

function dcCreators(el: XmlElement): string[] {
  return childrenNamed(el, 'creator')
    .filter((c) => c.ns === DC || c.name.startsWith('dc:'))
    .map((c) => deepText(c).trim());
}

function rssAuthors(item: XmlElement): string[] {
  const out = dcCreators(item);
  const author = plainText(item, 'author');
  // RSS 2.0 <author> is "email (Name)": keep the name when present.
  if (author) out.push(/\(([^)]{1,200})\)\s*$/.exec(author)?.[1] ?? author);
  return out;
}

function rssItemDraft(item: XmlElement, bases: string[]): ItemDraft {
  const guidEl = firstChild(item, 'guid');
  const guid = guidEl ? deepText(guidEl).trim() : '';
  const permalink = guidEl && guidEl.attrs.isPermaLink !== 'false' && /^https?:/i.test(guid) ? guid : '';
  const atomLink = item.children.find((c) => c.local === 'link' && ATOM.includes(c.ns))?.attrs.href ?? '';
  const sourceEl = item.children.find((c) => c.name === 'source');
  const itemBase = item.attrs['xml:base'];
  return {
    link: plainText(item, 'link') || atomLink || permalink || item.attrs['rdf:about'] || '',
    bases: itemBase ? [itemBase, ...bases] : bases,
    title: plainText(item, 'title') || childText(item, 'title', { ns: DC, prefix: 'dc' }),
    date:
      plainText(item, 'pubDate') ||
      childText(item, 'date', { ns: DC, prefix: 'dc' }) ||
      childText(item, 'issued', { ns: 'http://purl.org/dc/terms/', prefix: 'dcterms' }),
    summary:
      plainText(item, 'description') ||
      childText(item, 'encoded', { ns: CONTENT, prefix: 'content' }) ||
      childText(item, 'description', { ns: DC, prefix: 'dc' }),
    authors: rssAuthors(item),
    guid: guid || item.attrs['rdf:about'] || '',
    ...(sourceEl ? { source: { name: deepText(sourceEl).trim(), url: sourceEl.attrs.url ?? '' } } : {}),
  };
}

function linkOr(raw: string, bases: string[]): string {
  const r = resolveHttpUrl(raw, bases);
  return 'url' in r ? r.url : '';
}

export function rssFeed(
  root: XmlElement,
  feedUrl: string | undefined,
): { info: FeedInfo; drafts: ItemDraft[] } {
  const channel = firstChild(root, 'channel') ?? root;
  const base = root.attrs['xml:base'] ?? channel.attrs['xml:base'];
  const fallbackBases = [base, feedUrl].filter((b): b is string => !!b);
  const link = linkOr(plainText(channel, 'link'), fallbackBases);
  const bases = [link, ...fallbackBases].filter(Boolean);
  // RSS 1.0 puts items beside the channel; broken RSS 2.0 feeds sometimes do the same.
  const itemEls = [
    ...childrenNamed(channel, 'item'),
    ...(channel !== root ? childrenNamed(root, 'item') : []),
  ];
  const info: FeedInfo = {
    title: htmlToText(plainText(channel, 'title'), 500),
    link,
    description: htmlToText(plainText(channel, 'description'), 2000),
    language: (
      plainText(channel, 'language') || childText(channel, 'language', { ns: DC, prefix: 'dc' })
    ).slice(0, 20),
    updatedAt: parseFeedDate(
      plainText(channel, 'lastBuildDate') ||
        plainText(channel, 'pubDate') ||
        childText(channel, 'date', { ns: DC, prefix: 'dc' }),
    ),
  };
  return { info, drafts: itemEls.map((it) => rssItemDraft(it, bases)) };
}

/** Atom text construct: `type="html"` is escaped HTML, `xhtml` is inline markup, else text. */
function atomText(el: XmlElement | undefined): string {
  return el ? deepText(el).trim() : '';
}

function atomLink(el: XmlElement): string {
  const links = el.children.filter((c) => c.local === 'link');
  const alt =
    links.find(
      (l) => (l.attrs.rel ?? 'alternate') === 'alternate' && /html/i.test(l.attrs.type ?? 'text/html'),
    ) ??
    links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate') ??
    links.find((l) => !l.attrs.rel || l.attrs.rel === 'related');
  return alt?.attrs.href ?? (links.length === 1 && !links[0]!.attrs.href ? deepText(links[0]!).trim() : '');
}

function atomAuthors(el: XmlElement): string[] {
  return childrenNamed(el, 'author').map((a) => {
    const name = firstChild(a, 'name');
    return name ? deepText(name).trim() : deepText(a).trim();
  });
}

export function atomFeed(
  root: XmlElement,
  feedUrl: string | undefined,
): { info: FeedInfo; drafts: ItemDraft[] } {
  const base = root.attrs['xml:base'];
  const fallbackBases = [base, feedUrl].filter((b): b is string => !!b);
  const link = linkOr(atomLink(root), fallbackBases);
  // Atom resolves relative references against xml:base, then the document's own URL (RFC 4287).
  const bases = [...fallbackBases, link].filter(Boolean);
  const feedAuthors = atomAuthors(root);
  const info: FeedInfo = {
    title: htmlToText(atomText(firstChild(root, 'title')), 500),
    link,
    description: htmlToText(atomText(firstChild(root, 'subtitle')), 2000),
    language: (root.attrs['xml:lang'] ?? '').slice(0, 20),
    updatedAt: parseFeedDate(atomText(firstChild(root, 'updated'))),
  };
  const drafts = childrenNamed(root, 'entry').map((e): ItemDraft => {
    const entryBase = e.attrs['xml:base'];
    const authors = atomAuthors(e);
    return {
      link: atomLink(e),
      bases: entryBase ? [entryBase, ...bases] : bases,
      title: atomText(firstChild(e, 'title')),
      date:
        atomText(firstChild(e, 'published')) ||
        atomText(firstChild(e, 'issued')) ||
        atomText(firstChild(e, 'updated')) ||
        childText(e, 'date', { ns: DC, prefix: 'dc' }),
      summary: atomText(firstChild(e, 'summary')) || atomText(firstChild(e, 'content')),
      authors: authors.length ? authors : feedAuthors,
      guid: atomText(firstChild(e, 'id')),
    };
  });
  return { info, drafts };
}
