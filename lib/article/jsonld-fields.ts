/**
 * Read article fields out of a JSON-LD graph: the Article-family node's headline, authors, dates,
 * publisher (with Trust Project disclosure links), access, section, keywords, language and image.
 * Values arrive in every shape schema.org allows (string, object, array, `@id` reference).
 */
import type { PagePublisher } from '../types';
import {
  buildGraph,
  findArticleNode,
  isNode,
  readJsonLdBlocks,
  resolveRef,
  typesOf,
  type JsonLdGraph,
  type JsonNode,
} from './jsonld';
import { absoluteHttpUrl, cleanString, decodeEntities, looksLikeUrl } from './strings';

/** What the JSON-LD pass found; every field optional. */
export interface JsonLdFields {
  /** `headline`, else `name`. */
  title?: string;
  /** `name`, kept apart: some pages put the title there and a description in `headline`. */
  name?: string;
  authors: string[];
  publishedTime?: string;
  modifiedTime?: string;
  publisher?: PagePublisher;
  description?: string;
  isAccessibleForFree?: boolean;
  section?: string;
  keywords: string[];
  lang?: string;
  image?: string;
  url?: string;
  /** True when an Article-family node was found. */
  isArticle: boolean;
  /** `@type`s of every top-level node (deduplicated, capped). */
  types: string[];
}

const MAX_AUTHORS = 20;
const MAX_KEYWORDS = 50;

/** A plain array of the value (schema.org allows one value or many). */
function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.slice(0, 100) : [value];
}

function text(value: unknown): string | undefined {
  const s = cleanString(value);
  return s === undefined ? undefined : decodeEntities(s);
}

/** A name from a string or a node (`name`, else `givenName familyName`). URLs are never names. */
function nameOf(value: unknown, graph: JsonLdGraph): string | undefined {
  const node = resolveRef(value, graph);
  let name: string | undefined;
  if (isNode(node)) {
    const first = asList(node['name'])[0];
    name = text(first) ?? text([node['givenName'], node['familyName']].filter(Boolean).join(' '));
  } else {
    name = text(node);
  }
  return name && !looksLikeUrl(name) ? name : undefined;
}

/** A URL from a string, an ImageObject / node with `url`/`contentUrl`, or the first of a list. */
function urlOf(value: unknown, graph: JsonLdGraph, base: string): string | undefined {
  for (const item of asList(value)) {
    const node = resolveRef(item, graph);
    const raw = isNode(node) ? (node['url'] ?? node['contentUrl'] ?? node['@id']) : node;
    const url = absoluteHttpUrl(Array.isArray(raw) ? raw[0] : raw, base);
    if (url) return url;
  }
  return undefined;
}

function authorsOf(article: JsonNode, graph: JsonLdGraph): string[] {
  const names: string[] = [];
  for (const item of asList(article['author'] ?? article['creator'])) {
    const name = nameOf(item, graph);
    if (name && !names.includes(name)) names.push(name);
    if (names.length >= MAX_AUTHORS) break;
  }
  return names;
}

function stringList(value: unknown, graph: JsonLdGraph, base: string): string[] | undefined {
  const urls = asList(value)
    .map((v) => absoluteHttpUrl(resolveRef(v, graph), base))
    .filter((v): v is string => v !== undefined);
  return urls.length > 0 ? urls : undefined;
}

/** Trust Project fields that are URLs (or CreativeWork nodes with a url). */
const DISCLOSURE_FIELDS = ['ownershipFundingInfo', 'masthead', 'ethicsPolicy', 'correctionsPolicy'] as const;

function publisherOf(
  article: JsonNode | undefined,
  graph: JsonLdGraph,
  base: string,
): PagePublisher | undefined {
  const fallback = graph.nodes.find((n) => typesOf(n).includes('NewsMediaOrganization'));
  const node = resolveRef(article?.['publisher'] ?? fallback, graph);
  const target = Array.isArray(node) ? resolveRef(node[0], graph) : node;
  if (!isNode(target)) {
    const name = text(target);
    return name ? { name } : undefined;
  }
  const publisher: PagePublisher = {
    name: nameOf(target, graph),
    url: absoluteHttpUrl(target['url'], base),
    logo: urlOf(target['logo'], graph, base),
    sameAs: stringList(target['sameAs'], graph, base),
  };
  for (const field of DISCLOSURE_FIELDS) publisher[field] = urlOf(target[field], graph, base);
  return dropUndefined(publisher);
}

function dropUndefined<T extends object>(obj: T): T | undefined {
  const entries = Object.entries(obj).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}

function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === 'yes') return true;
    if (v === 'false' || v === 'no') return false;
  }
  return undefined;
}

function keywordsOf(value: unknown): string[] {
  const raw = typeof value === 'string' ? value.split(',') : asList(value);
  const words = raw.map((k) => text(k)).filter((k): k is string => k !== undefined);
  return [...new Set(words)].slice(0, MAX_KEYWORDS);
}

function langOf(value: unknown): string | undefined {
  const first = asList(value)[0];
  if (isNode(first)) return text(first['alternateName'] ?? first['name']);
  return text(first);
}

function allTypes(graph: JsonLdGraph): string[] {
  return [...new Set(graph.nodes.flatMap(typesOf))].slice(0, 50);
}

function articleFields(article: JsonNode, graph: JsonLdGraph, base: string) {
  return {
    title: text(asList(article['headline'])[0]) ?? text(asList(article['name'])[0]),
    name: text(asList(article['name'])[0]),
    authors: authorsOf(article, graph),
    publishedTime: text(article['datePublished'] ?? article['dateCreated']),
    modifiedTime: text(article['dateModified']),
    description: text(article['description']),
    isAccessibleForFree: booleanOf(article['isAccessibleForFree']),
    section: text(asList(article['articleSection'])[0]),
    keywords: keywordsOf(article['keywords']),
    lang: langOf(article['inLanguage']),
    image: urlOf(article['image'] ?? article['thumbnailUrl'], graph, base),
    url: urlOf(article['url'] ?? article['mainEntityOfPage'], graph, base),
  };
}

/** Run the whole JSON-LD pass on a document. `base` resolves relative URLs (the page URL). */
export function readJsonLd(doc: Document, base: string): JsonLdFields {
  const graph = buildGraph(readJsonLdBlocks(doc));
  const article = findArticleNode(graph);
  const fields = article ? articleFields(article, graph, base) : { authors: [], keywords: [] };
  return {
    ...fields,
    publisher: publisherOf(article, graph, base),
    isArticle: article !== undefined,
    types: allTypes(graph),
  };
}
