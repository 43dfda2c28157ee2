/**
 * The metadata pass (FORMATS.md §9): JSON-LD graph first, then meta tags, then links and DOM
 * fallbacks, then the URL. Each field records where it came from (`provenance`) and notable
 * disagreements between sources (`conflicts`). Runs on the live page before Readability.
 */
import type { FieldSource, PageMetadata } from '../types';
import { cleanByline, findDomByline, joinAuthors } from './byline';
import { domPublishedTime, htmlLang, linkHref, urlDate } from './dom-fallbacks';
import { readJsonLd, type JsonLdFields } from './jsonld-fields';
import { allMeta, firstMeta, readMetaTags, type MetaMap } from './meta-tags';
import { absoluteHttpUrl, cleanString, collapseWhitespace, looksLikeUrl } from './strings';
import { matchingHeading, stripSiteName, stripTitleAffixes } from './title';

type Candidate = [value: string | undefined, source: FieldSource];

const META_TITLE = [
  'og:title',
  'twitter:title',
  'dc:title',
  'dcterm:title',
  'dc.title',
  'dcterms.title',
  'citation_title',
  'parsely-title',
  'sailthru.title',
];
const META_AUTHOR = [
  'citation_author',
  'dc:creator',
  'dcterm:creator',
  'dcterms:creator',
  'dc.creator',
  'dcterms.creator',
  'author',
  'parsely-author',
  'sailthru.author',
  'article:author',
  'byl',
];
const META_PUBLISHED = [
  'article:published_time',
  'og:published_time',
  'citation_publication_date',
  'citation_date',
  'dc.date',
  'dcterms.created',
  'dcterms.date',
  'dc.date.issued',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'parsely-pub-date',
  'sailthru.date',
];
const META_MODIFIED = ['article:modified_time', 'og:updated_time', 'dcterms.modified', 'last-modified'];
const META_SITE = ['og:site_name', 'application-name'];
const META_IMAGE = ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'];
const META_SECTION = ['article:section', 'parsely-section', 'sailthru.section'];
const META_DESCRIPTION = ['og:description', 'description', 'twitter:description', 'dc.description'];
const META_KEYWORDS = ['news_keywords', 'keywords', 'article:tag', 'parsely-tags', 'sailthru.tags'];

/** Take the first candidate with a value and record its source. */
function pick(meta: PageMetadata, field: string, candidates: Candidate[]): string | undefined {
  for (const [value, source] of candidates) {
    if (value !== undefined) {
      meta.provenance[field] = source;
      return value;
    }
  }
  return undefined;
}

/** Parse.ly's `parsely-page` meta carries a JSON object (title, author, pub_date, section). */
function parselyPage(meta: MetaMap): Record<string, unknown> {
  const raw = meta.get('parsely-page')?.[0];
  if (!raw || raw.length > 10_000) return {};
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Authors from the first meta key that has any (keys in preference order). Only that key's values
 * are used: sites repeat one name under several keys ("Jane Doe" and "JANE DOE"), and
 * `citation_author` is the one key that legitimately repeats for co-authors.
 */
function metaAuthors(meta: MetaMap, parsely: Record<string, unknown>): string[] {
  const groups = [...META_AUTHOR.map((key) => meta.get(key) ?? []), [parsely['author']].flat()];
  for (const group of groups) {
    const names = group
      .filter((v): v is string => typeof v === 'string' && !looksLikeUrl(v))
      .map(cleanByline)
      .filter((v): v is string => v !== undefined);
    if (names.length > 0) return dedupeNames(names);
  }
  return [];
}

/** Drop repeats that differ only in case or spacing. */
function dedupeNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names
    .filter((name) => {
      const key = name.toLowerCase().replace(/\s+/g, ' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 20);
}

function siteNames(ld: JsonLdFields, meta: MetaMap): string[] {
  return [ld.publisher?.name, ...allMeta(meta, META_SITE)].filter((v): v is string => !!v);
}

/**
 * JSON-LD `headline`, unless the page uses it for a description and puts the title in `name`
 * (Wikipedia: name "Hermitian matrix", headline "matrix equal to its conjugate-transpose"). The
 * name wins only when the document title starts with it and does not contain the headline (a
 * title that merely ends with the name is "Story | Site name").
 */
function jsonLdTitle(ld: JsonLdFields, docTitle: string): string | undefined {
  if (!ld.title || !ld.name || ld.title === ld.name) return ld.title;
  const title = docTitle.toLowerCase();
  return !title.includes(ld.title.toLowerCase()) && title.startsWith(ld.name.toLowerCase())
    ? ld.name
    : ld.title;
}

function readTitle(
  out: PageMetadata,
  doc: Document,
  ld: JsonLdFields,
  meta: MetaMap,
  parsely: Record<string, unknown>,
): string | undefined {
  const names = siteNames(ld, meta);
  const metaTitle = firstMeta(meta, META_TITLE) ?? cleanString(parsely['title']);
  const docTitle = cleanString(doc.title) ?? '';
  const stripped = stripSiteName(docTitle, names);
  const cleaned = stripped !== docTitle ? stripped : stripTitleAffixes(docTitle);
  return pick(out, 'title', [
    [jsonLdTitle(ld, docTitle), 'jsonld'],
    [metaTitle && stripSiteName(metaTitle, names), 'meta'],
    [matchingHeading(doc, docTitle), 'dom'],
    [cleaned || undefined, 'dom'],
  ]);
}

function readAuthors(
  out: PageMetadata,
  doc: Document,
  ld: JsonLdFields,
  meta: MetaMap,
  parsely: Record<string, unknown>,
): string[] {
  if (ld.authors.length > 0) {
    out.provenance['authors'] = 'jsonld';
    return ld.authors;
  }
  const fromMeta = metaAuthors(meta, parsely);
  if (fromMeta.length > 0) {
    out.provenance['authors'] = 'meta';
    return fromMeta;
  }
  const fromDom = findDomByline(doc);
  if (fromDom) out.provenance['authors'] = 'dom';
  return fromDom ? [fromDom] : [];
}

function readDates(
  out: PageMetadata,
  doc: Document,
  url: string,
  ld: JsonLdFields,
  meta: MetaMap,
  parsely: Record<string, unknown>,
): void {
  out.publishedTime = pick(out, 'publishedTime', [
    [ld.publishedTime, 'jsonld'],
    [firstMeta(meta, META_PUBLISHED) ?? cleanString(parsely['pub_date'], 64), 'meta'],
    [domPublishedTime(doc), 'dom'],
    [urlDate(url), 'url'],
  ]);
  out.modifiedTime = pick(out, 'modifiedTime', [
    [ld.modifiedTime, 'jsonld'],
    [firstMeta(meta, META_MODIFIED), 'meta'],
  ]);
}

function readLinks(out: PageMetadata, doc: Document, url: string, ld: JsonLdFields, meta: MetaMap): void {
  out.canonicalUrl = pick(out, 'canonicalUrl', [
    [linkHref(doc, 'canonical', url), 'link'],
    [absoluteHttpUrl(firstMeta(meta, ['og:url']), url), 'meta'],
    [ld.url, 'jsonld'],
  ]);
  out.leadImage = pick(out, 'leadImage', [
    [ld.image, 'jsonld'],
    [absoluteHttpUrl(firstMeta(meta, META_IMAGE), url), 'meta'],
    [linkHref(doc, 'image_src', url), 'link'],
  ]);
}

/** `og:locale` is written `en_US`; BCP 47 wants `en-US`. */
function localeToLang(locale: string | undefined): string | undefined {
  return locale && /^[a-z]{2,3}(?:_[A-Za-z]{2})?$/.test(locale) ? locale.replace('_', '-') : undefined;
}

function readDescriptive(
  out: PageMetadata,
  doc: Document,
  ld: JsonLdFields,
  meta: MetaMap,
  parsely: Record<string, unknown>,
): void {
  out.siteName = pick(out, 'siteName', [
    [ld.publisher?.name, 'jsonld'],
    [firstMeta(meta, META_SITE), 'meta'],
  ]);
  out.lang = pick(out, 'lang', [
    [htmlLang(doc), 'dom'],
    [ld.lang, 'jsonld'],
    [localeToLang(firstMeta(meta, ['og:locale'])), 'meta'],
  ]);
  out.section = pick(out, 'section', [
    [ld.section, 'jsonld'],
    [firstMeta(meta, META_SECTION) ?? cleanString(parsely['section']), 'meta'],
  ]);
  out.description = pick(out, 'description', [
    [ld.description, 'jsonld'],
    [firstMeta(meta, META_DESCRIPTION), 'meta'],
  ]);
  const metaKeywords = allMeta(meta, META_KEYWORDS).flatMap((k) => k.split(','));
  const keywords = ld.keywords.length > 0 ? ld.keywords : metaKeywords.map(collapseWhitespace);
  out.keywords = [...new Set(keywords.filter(Boolean))].slice(0, 50);
  if (out.keywords.length > 0) out.provenance['keywords'] = ld.keywords.length > 0 ? 'jsonld' : 'meta';
}

function sameInstant(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a.trim() === b.trim();
  return Math.abs(ta - tb) < 60_000;
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function findConflicts(ld: JsonLdFields, meta: MetaMap): string[] {
  const conflicts: string[] = [];
  const metaDate = firstMeta(meta, ['article:published_time']);
  if (ld.publishedTime && metaDate && !sameInstant(ld.publishedTime, metaDate)) {
    conflicts.push(
      `JSON-LD datePublished "${ld.publishedTime}" differs from article:published_time "${metaDate}".`,
    );
  }
  const ogSite = firstMeta(meta, ['og:site_name']);
  if (ld.publisher?.name && ogSite && squash(ld.publisher.name) !== squash(ogSite)) {
    conflicts.push(`JSON-LD publisher "${ld.publisher.name}" differs from og:site_name "${ogSite}".`);
  }
  const ogTitle = firstMeta(meta, ['og:title']);
  if (ld.title && ogTitle && squash(ld.title) !== squash(ogTitle)) {
    conflicts.push(`JSON-LD headline differs from og:title "${ogTitle}".`);
  }
  return conflicts;
}

/** Metadata with nothing found (also the answer when a document misbehaves). */
export function emptyMetadata(): PageMetadata {
  return { authors: [], keywords: [], jsonLdTypes: [], provenance: {}, conflicts: [] };
}

function collect(doc: Document, url: string): PageMetadata {
  const ld = readJsonLd(doc, url);
  const meta = readMetaTags(doc);
  const parsely = parselyPage(meta);
  const out = emptyMetadata();
  out.title = readTitle(out, doc, ld, meta, parsely);
  out.authors = readAuthors(out, doc, ld, meta, parsely);
  out.byline = joinAuthors(out.authors);
  if (out.byline) out.provenance['byline'] = out.provenance['authors']!;
  readDates(out, doc, url, ld, meta, parsely);
  readLinks(out, doc, url, ld, meta);
  readDescriptive(out, doc, ld, meta, parsely);
  out.publisher = ld.publisher;
  if (ld.publisher) out.provenance['publisher'] = 'jsonld';
  out.isAccessibleForFree = ld.isAccessibleForFree;
  out.jsonLdTypes = ld.types;
  out.ogType = firstMeta(meta, ['og:type'])?.toLowerCase();
  out.conflicts = findConflicts(ld, meta);
  return dropUndefinedFields(out);
}

/** Keep reports compact and JSON-stable: absent optional fields are omitted, not `undefined`. */
function dropUndefinedFields(meta: PageMetadata): PageMetadata {
  for (const key of Object.keys(meta) as (keyof PageMetadata)[]) {
    if (meta[key] === undefined) delete meta[key];
  }
  return meta;
}

/**
 * Read everything the page says about itself. `url` is the page URL (relative links resolve
 * against it). Never throws: on a misbehaving document the fields found so far are dropped and an
 * empty result is returned.
 */
export function readMetadata(doc: Document, url: string): PageMetadata {
  try {
    return collect(doc, url);
  } catch {
    return emptyMetadata();
  }
}
