/**
 * JSON-LD graph reading: parse every `application/ld+json` block the way real pages write them
 * (CDATA wrappers, HTML comments, trailing commas, raw newlines in strings), flatten `@graph` and
 * arrays, and index nodes by `@id` so references such as `"publisher": {"@id": "#org"}` resolve.
 * Readability reads only the first plain block (FORMATS.md §9); this is why we do our own pass.
 */

/** A JSON-LD node (any JSON object). */
export type JsonNode = Record<string, unknown>;

/** The flattened graph of a page. */
export interface JsonLdGraph {
  /** Top-level nodes: block objects, array elements, `@graph` members (document order). */
  nodes: JsonNode[];
  /** Every object carrying an `@id`, the richest definition kept. */
  byId: Map<string, JsonNode>;
}

/** Blocks larger than this are skipped: no real article needs a megabyte of metadata. */
export const MAX_BLOCK_CHARS = 1_000_000;
/** Pages with hundreds of blocks are product grids or attacks; the article is in the first ones. */
export const MAX_BLOCKS = 50;
/** Bounds on the walk so hostile nesting cannot blow the stack or the clock. */
const MAX_DEPTH = 12;
const MAX_NODES = 5_000;

/** Article-family schema.org types (Article and its news/blog/report subtypes). */
const ARTICLE_TYPES = new Set(
  [
    'Article',
    'NewsArticle',
    'ReportageNewsArticle',
    'AnalysisNewsArticle',
    'OpinionNewsArticle',
    'BackgroundNewsArticle',
    'ReviewNewsArticle',
    'AskPublicNewsArticle',
    'SatiricalArticle',
    'AdvertiserContentArticle',
    'BlogPosting',
    'LiveBlogPosting',
    'SocialMediaPosting',
    'DiscussionForumPosting',
    'Report',
    'ScholarlyArticle',
    'MedicalScholarlyArticle',
    'TechArticle',
    'APIReference',
  ].map((t) => t.toLowerCase()),
);

/** Strip wrappers that CMSs put around JSON inside <script> (CDATA, HTML comments). */
function stripWrappers(text: string): string {
  return text
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>\s*$/, '')
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .trim();
}

/** Repairs for common hand-written JSON mistakes, applied only after a strict parse failed. */
function repairJson(text: string): string {
  return (
    text
      .replace(/,\s*([}\]])/g, '$1') // trailing commas
      // Raw control characters (newlines inside strings) are invalid JSON but common in CMS output.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f]+/g, ' ')
  );
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Parse one block's text; undefined when it is not JSON even after repairs. */
export function parseJsonLdText(raw: string): unknown {
  if (raw.length > MAX_BLOCK_CHARS) return undefined;
  const text = stripWrappers(raw);
  if (text === '') return undefined;
  return tryParse(text) ?? tryParse(repairJson(text));
}

function isJsonLdScript(el: Element): boolean {
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  return type.split(';')[0]?.trim() === 'application/ld+json';
}

/** Parsed values of the page's JSON-LD blocks (at most MAX_BLOCKS, oversized ones skipped). */
export function readJsonLdBlocks(doc: Document): unknown[] {
  const values: unknown[] = [];
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length && values.length < MAX_BLOCKS; i++) {
    const el = scripts[i];
    if (!el || !isJsonLdScript(el)) continue;
    const value = parseJsonLdText(el.textContent ?? '');
    if (value !== undefined) values.push(value);
  }
  return values;
}

/** True for plain JSON objects. */
export function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function richer(a: JsonNode | undefined, b: JsonNode): JsonNode {
  return a && Object.keys(a).length >= Object.keys(b).length ? a : b;
}

/** Index every object with an `@id` (depth- and count-bounded). */
function indexIds(root: unknown, byId: Map<string, JsonNode>): void {
  const stack: [unknown, number][] = [[root, 0]];
  let seen = 0;
  while (stack.length > 0 && seen < MAX_NODES) {
    const [value, depth] = stack.pop() as [unknown, number];
    seen++;
    if (depth > MAX_DEPTH) continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1]);
    } else if (isNode(value)) {
      const id = value['@id'];
      if (typeof id === 'string') byId.set(id, richer(byId.get(id), value));
      for (const child of Object.values(value)) {
        if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
      }
    }
  }
}

/** Top-level nodes of one block: the object itself, array members, `@graph` members. */
function topLevelNodes(value: unknown, out: JsonNode[], depth = 0): void {
  if (depth > 3 || out.length >= MAX_NODES) return;
  if (Array.isArray(value)) {
    for (const item of value) topLevelNodes(item, out, depth + 1);
    return;
  }
  if (!isNode(value)) return;
  const graph = value['@graph'];
  if (graph !== undefined) topLevelNodes(graph, out, depth + 1);
  if (value['@type'] !== undefined || graph === undefined) out.push(value);
}

/** Flatten parsed blocks into one graph. */
export function buildGraph(blocks: unknown[]): JsonLdGraph {
  const nodes: JsonNode[] = [];
  const byId = new Map<string, JsonNode>();
  for (const block of blocks) {
    topLevelNodes(block, nodes);
    indexIds(block, byId);
  }
  return { nodes, byId };
}

/** Replace a bare `{"@id": …}` reference by its definition (one level; unknown ids stay as is). */
export function resolveRef(value: unknown, graph: JsonLdGraph): unknown {
  if (!isNode(value)) return value;
  const id = value['@id'];
  if (typeof id !== 'string') return value;
  const target = graph.byId.get(id);
  return target && Object.keys(target).length > Object.keys(value).length ? target : value;
}

/** The node's `@type`s as plain names ("NewsArticle"), accepting strings, arrays and IRIs. */
export function typesOf(node: JsonNode): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, '').trim())
    .filter((t) => t.length > 0 && t.length < 100);
}

/** True when one of the node's types is in the Article family. */
export function isArticleNode(node: JsonNode): boolean {
  return typesOf(node).some((t) => ARTICLE_TYPES.has(t.toLowerCase()));
}

/** Article nodes reachable from the top level, including WebPage `mainEntity` members. */
function articleCandidates(graph: JsonLdGraph): JsonNode[] {
  const found: JsonNode[] = [];
  for (const node of graph.nodes) {
    if (isArticleNode(node)) found.push(node);
    const main = resolveRef(node['mainEntity'], graph);
    if (isNode(main) && isArticleNode(main)) found.push(main);
  }
  return found;
}

/**
 * The page's main Article node: the first one with a headline (pages often add related-article
 * stubs after the main one), else the first Article-family node, else undefined.
 */
export function findArticleNode(graph: JsonLdGraph): JsonNode | undefined {
  const candidates = articleCandidates(graph);
  return candidates.find((n) => typeof n['headline'] === 'string') ?? candidates[0];
}
