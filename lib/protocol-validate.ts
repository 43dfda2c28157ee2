/**
 * Pure validators for every Masthead message (SECURITY-RELIABILITY.md S8). The background never
 * trusts a content script: a compromised renderer can send anything with our extension id. Each
 * validator copies only the known fields into a fresh object (so `__proto__`, getters and extra keys
 * never reach a handler) and enforces types and length caps. Never throws.
 */
import {
  DELETE_ALL_CONFIRM,
  MAX_HTML_BYTES,
  type Envelope,
  type MessageData,
  type MessageType,
  type PageAnalysedPayload,
} from './protocol';
import {
  HIGHLIGHT_COLORS,
  MAX_CONTEXT_CHARS,
  MAX_EXACT_CHARS,
  type HighlightColor,
  type HighlightSelector,
} from './annotations/selectors';
import type {
  ArticleVerdict,
  DetectionSignals,
  ExtractedArticle,
  FieldSource,
  InPageSignals,
  NotArticleReason,
  OffPageAnalysis,
  PageMetadata,
  PagePublisher,
  Result,
} from './types';

/** Longest URL accepted anywhere in a message. */
export const MAX_URL_LENGTH = 8 * 1024;
/** Longest single string inside metadata / signals / verdict. */
export const MAX_FIELD_LENGTH = 10 * 1024;
/** Most items in any array (authors, keywords, …) and keys in any record (provenance). */
export const MAX_ARRAY_ITEMS = 200;

export const MESSAGE_TYPES: readonly MessageType[] = [
  'pageAnalysed',
  'getPageReport',
  'analyzeTab',
  'extractHtml',
  'setAllSites',
  'lookupOutlet',
  'personSummary',
  'tabPersonSummary',
  'deleteAllData',
  'savePage',
  'getSavedState',
  'updateSaved',
  'removeSaved',
  'addHighlight',
  'listHighlights',
  'updateHighlight',
  'deleteHighlight',
  'showPerson',
  'nextPerson',
  'getRelated',
  'findMoreCoverage',
  'setFeeds',
  'pollFeeds',
  'pageHighlights',
  'showHighlight',
  'editPageHighlight',
];

/** Optional string fields of `PageMetadata`, validated and clipped alike. */
const METADATA_STRING_FIELDS = [
  'title',
  'byline',
  'publishedTime',
  'modifiedTime',
  'siteName',
  'canonicalUrl',
  'lang',
  'leadImage',
  'section',
  'description',
  'ogType',
] as const;

/** String fields of `PagePublisher`, validated and clipped alike. */
const PUBLISHER_STRING_FIELDS = [
  'name',
  'url',
  'logo',
  'ownershipFundingInfo',
  'masthead',
  'ethicsPolicy',
  'correctionsPolicy',
] as const;

const NOT_ARTICLE_REASONS: ReadonlySet<string> = new Set<NotArticleReason>([
  'no-body',
  'frameset',
  'too-large',
  'not-html',
  'home-page',
  'section-page',
  'search-page',
  'login-page',
  'video-page',
  'not-readerable',
  'too-short',
  'extraction-failed',
  'error',
]);
const PAGE_KINDS: ReadonlySet<string> = new Set<DetectionSignals['pageKind']>([
  'home',
  'section',
  'search',
  'login',
  'video',
  'other',
]);
const FIELD_SOURCES: ReadonlySet<string> = new Set<FieldSource>([
  'jsonld',
  'meta',
  'link',
  'dom',
  'url',
  'readability',
]);

/** Thrown internally by the field readers; turned into `{ ok: false }` at the top. */
class Invalid extends Error {}

const fail = (path: string, what: string): never => {
  throw new Invalid(`${path}: ${what}`);
};

/** A plain record we may read own data properties from (arrays and class instances excluded). */
function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Own data property only: never runs a getter, never reads through the prototype chain. */
function own(obj: Record<string, unknown>, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  return d && 'value' in d ? d.value : undefined;
}

function record(v: unknown, path: string): Record<string, unknown> {
  return isRecord(v) ? v : fail(path, 'expected an object');
}

function str(v: unknown, path: string, max = MAX_FIELD_LENGTH): string {
  if (typeof v !== 'string') return fail(path, 'expected a string');
  if (v.length > max) return fail(path, `longer than ${max} characters`);
  return v;
}

function optStr(v: unknown, path: string, max = MAX_FIELD_LENGTH): string | undefined {
  return v === undefined ? undefined : str(v, path, max);
}

function bool(v: unknown, path: string): boolean {
  return typeof v === 'boolean' ? v : fail(path, 'expected a boolean');
}

function optBool(v: unknown, path: string): boolean | undefined {
  return v === undefined ? undefined : bool(v, path);
}

function num(v: unknown, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fail(path, 'expected a finite number');
  if (v < min || v > max) return fail(path, `out of range [${min}, ${max}]`);
  return v;
}

function strArray(v: unknown, path: string): string[] {
  if (!Array.isArray(v)) return fail(path, 'expected an array');
  if (v.length > MAX_ARRAY_ITEMS) return fail(path, `more than ${MAX_ARRAY_ITEMS} items`);
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) out.push(str(v[i], `${path}[${i}]`));
  return out;
}

function oneOf<T extends string>(v: unknown, set: ReadonlySet<string>, path: string): T {
  return typeof v === 'string' && set.has(v) ? (v as T) : fail(path, 'unknown value');
}

/** Absolute http(s) URL, at most 8 KB. */
export function httpUrl(v: unknown, path: string): string {
  const s = str(v, path, MAX_URL_LENGTH);
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return fail(path, 'not a valid URL');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return fail(path, 'must be http(s)');
  return s;
}

function tabId(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    return fail(path, 'expected a non-negative integer');
  }
  return v;
}

function qid(v: unknown, path: string): string {
  if (typeof v !== 'string' || !/^Q[1-9]\d{0,11}$/.test(v)) return fail(path, 'expected a Wikidata QID');
  return v;
}

/**
 * UTF-8 byte length without allocating (a 5 MB page would otherwise be copied once more).
 * Lone surrogates count as 3 bytes, like TextEncoder's replacement character.
 */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** True when `html` fits the serialised-page budget; cheap for the common cases. */
export function htmlFits(html: string): boolean {
  if (html.length > MAX_HTML_BYTES) return false; // every UTF-16 unit is ≥ 1 UTF-8 byte
  if (html.length * 3 <= MAX_HTML_BYTES) return true; // every unit is ≤ 3 bytes
  return utf8Length(html) <= MAX_HTML_BYTES;
}

function html(v: unknown, path: string): string {
  if (typeof v !== 'string') return fail(path, 'expected a string');
  return htmlFits(v) ? v : fail(path, `larger than ${MAX_HTML_BYTES} bytes`);
}

/** Assign only when defined, so absent optional fields stay absent (not `undefined`-valued). */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined) {
  if (value !== undefined) target[key] = value;
}

export function validateVerdict(raw: unknown, path = 'verdict'): ArticleVerdict {
  const r = record(raw, path);
  const out: ArticleVerdict = {
    isArticle: bool(own(r, 'isArticle'), `${path}.isArticle`),
    explanation: str(own(r, 'explanation'), `${path}.explanation`),
  };
  const reason = own(r, 'reason');
  if (reason !== undefined) {
    out.reason = oneOf<NotArticleReason>(reason, NOT_ARTICLE_REASONS, `${path}.reason`);
  }
  return out;
}

export function validateSignals(raw: unknown, path = 'signals'): DetectionSignals {
  const r = record(raw, path);
  return {
    url: str(own(r, 'url'), `${path}.url`, MAX_URL_LENGTH),
    readerable: bool(own(r, 'readerable'), `${path}.readerable`),
    jsonLdArticle: bool(own(r, 'jsonLdArticle'), `${path}.jsonLdArticle`),
    ogArticle: bool(own(r, 'ogArticle'), `${path}.ogArticle`),
    hasPublishedTime: bool(own(r, 'hasPublishedTime'), `${path}.hasPublishedTime`),
    elementCount: num(own(r, 'elementCount'), `${path}.elementCount`),
    paragraphTextLength: num(own(r, 'paragraphTextLength'), `${path}.paragraphTextLength`),
    linkDensity: num(own(r, 'linkDensity'), `${path}.linkDensity`, 0, 1),
    pageKind: oneOf(own(r, 'pageKind'), PAGE_KINDS, `${path}.pageKind`),
  };
}

export function validateInPageSignals(raw: unknown, path = 'inPage'): InPageSignals {
  const r = record(raw, path);
  return {
    readerable: bool(own(r, 'readerable'), `${path}.readerable`),
    elementCount: num(own(r, 'elementCount'), `${path}.elementCount`),
  };
}

function validatePublisher(raw: unknown, path: string): PagePublisher {
  const r = record(raw, path);
  const out: PagePublisher = {};
  for (const key of PUBLISHER_STRING_FIELDS) {
    put(out, key, optStr(own(r, key), `${path}.${key}`));
  }
  const sameAs = own(r, 'sameAs');
  if (sameAs !== undefined) out.sameAs = strArray(sameAs, `${path}.sameAs`);
  return out;
}

function validateProvenance(raw: unknown, path: string): Record<string, FieldSource> {
  const r = record(raw, path);
  const keys = Object.keys(r);
  if (keys.length > MAX_ARRAY_ITEMS) fail(path, `more than ${MAX_ARRAY_ITEMS} keys`);
  const out: Record<string, FieldSource> = {};
  for (const key of keys) {
    if (key.length > 100) fail(path, 'key longer than 100 characters');
    // defineProperty: a key named "__proto__" becomes an ordinary own property, never a prototype.
    Object.defineProperty(out, key, {
      value: oneOf<FieldSource>(own(r, key), FIELD_SOURCES, `${path}.${key}`),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

export function validateMetadata(raw: unknown, path = 'metadata'): PageMetadata {
  const r = record(raw, path);
  const out: PageMetadata = {
    authors: strArray(own(r, 'authors'), `${path}.authors`),
    keywords: strArray(own(r, 'keywords'), `${path}.keywords`),
    jsonLdTypes: strArray(own(r, 'jsonLdTypes'), `${path}.jsonLdTypes`),
    provenance: validateProvenance(own(r, 'provenance'), `${path}.provenance`),
    conflicts: strArray(own(r, 'conflicts'), `${path}.conflicts`),
  };
  for (const key of METADATA_STRING_FIELDS) {
    put(out, key, optStr(own(r, key), `${path}.${key}`));
  }
  const publisher = own(r, 'publisher');
  if (publisher !== undefined) out.publisher = validatePublisher(publisher, `${path}.publisher`);
  put(out, 'isAccessibleForFree', optBool(own(r, 'isAccessibleForFree'), `${path}.isAccessibleForFree`));
  return out;
}

function validatePageAnalysed(r: Record<string, unknown>): PageAnalysedPayload {
  const out: PageAnalysedPayload = {
    url: httpUrl(own(r, 'url'), 'data.url'),
    inPage: validateInPageSignals(own(r, 'inPage'), 'data.inPage'),
  };
  const h = own(r, 'html');
  if (h !== undefined) out.html = html(h, 'data.html');
  const verdict = own(r, 'verdict');
  if (verdict !== undefined) {
    out.verdict = validateVerdict(verdict, 'data.verdict');
    // Only the off-page analysis may call a page an article (and record it in the history).
    if (out.verdict.isArticle) fail('data.verdict.isArticle', 'a page can only send a non-article verdict');
  }
  put(out, 'title', optStr(own(r, 'title'), 'data.title'));
  if (out.html === undefined && out.verdict === undefined) {
    fail('data', 'needs either html (candidate) or a verdict');
  }
  return out;
}

function validateExtracted(raw: unknown, path: string): ExtractedArticle {
  const r = record(raw, path);
  const out: ExtractedArticle = {
    content: html(own(r, 'content'), `${path}.content`),
    text: html(own(r, 'text'), `${path}.text`),
  };
  for (const key of ['title', 'byline', 'excerpt', 'lang', 'dir', 'siteName', 'publishedTime'] as const) {
    put(out, key, optStr(own(r, key), `${path}.${key}`));
  }
  return out;
}

/**
 * The offscreen document's answer to `extractHtml` (Chrome). It is our own code, but everything in
 * it came from a web page, so the service worker checks its shape and caps before building a
 * report from it. Never throws.
 */
export function validateOffPageAnalysis(raw: unknown): Result<OffPageAnalysis> {
  try {
    const r = record(raw, 'analysis');
    const extracted = own(r, 'extracted');
    return {
      ok: true,
      value: {
        extracted: extracted === null ? null : validateExtracted(extracted, 'analysis.extracted'),
        metadata: validateMetadata(own(r, 'metadata'), 'analysis.metadata'),
        signals: validateSignals(own(r, 'signals'), 'analysis.signals'),
      },
    };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    return { ok: false, error: 'analysis: unreadable' };
  }
}

// ---- reading list ----------------------------------------------------------------------------

/** Most items one `removeSaved` may name. */
export const MAX_REMOVE_KEYS = 5_000;
/** Longest note accepted (the store clips to the same bound). */
export const MAX_NOTE_CHARS = 20_000;
const SAVED_STATES: ReadonlySet<string> = new Set(['unread', 'archived']);

function urlKeys(v: unknown, path: string): string[] {
  if (!Array.isArray(v)) return fail(path, 'expected an array');
  if (v.length === 0 || v.length > MAX_REMOVE_KEYS)
    return fail(path, `expected 1 to ${MAX_REMOVE_KEYS} keys`);
  return v.map((k, i) => str(k, `${path}[${i}]`, MAX_URL_LENGTH));
}

function validateUpdateSaved(r: Record<string, unknown>): MessageData<'updateSaved'> {
  const out: MessageData<'updateSaved'> = { urlKey: str(own(r, 'urlKey'), 'data.urlKey', MAX_URL_LENGTH) };
  const tags = own(r, 'tags');
  if (tags !== undefined) out.tags = strArray(tags, 'data.tags');
  put(out, 'note', optStr(own(r, 'note'), 'data.note', MAX_NOTE_CHARS));
  const state = own(r, 'state');
  if (state !== undefined) out.state = oneOf<'unread' | 'archived'>(state, SAVED_STATES, 'data.state');
  put(out, 'favourite', optBool(own(r, 'favourite'), 'data.favourite'));
  return out;
}

// ---- highlights ------------------------------------------------------------------------------

const COLORS: ReadonlySet<string> = new Set<string>(HIGHLIGHT_COLORS);
/** Most selectors in one highlight (we write two). */
export const MAX_SELECTORS = 4;
/** Longest highlight id (ours are UUIDs). */
const MAX_ID_CHARS = 100;

function selector(raw: unknown, path: string): HighlightSelector {
  const r = record(raw, path);
  const type = own(r, 'type');
  if (type === 'TextQuoteSelector') {
    const exact = str(own(r, 'exact'), `${path}.exact`, MAX_EXACT_CHARS);
    if (!exact.trim()) fail(`${path}.exact`, 'empty quote');
    return {
      type,
      exact,
      prefix: str(own(r, 'prefix'), `${path}.prefix`, MAX_CONTEXT_CHARS),
      suffix: str(own(r, 'suffix'), `${path}.suffix`, MAX_CONTEXT_CHARS),
    };
  }
  if (type === 'TextPositionSelector') {
    const start = num(own(r, 'start'), `${path}.start`);
    const end = num(own(r, 'end'), `${path}.end`);
    if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start)
      fail(path, 'expected integer offsets with start < end');
    return { type, start, end };
  }
  return fail(`${path}.type`, 'unknown selector');
}

function selectors(v: unknown, path: string): HighlightSelector[] {
  if (!Array.isArray(v)) return fail(path, 'expected an array');
  if (v.length === 0 || v.length > MAX_SELECTORS) fail(path, `expected 1 to ${MAX_SELECTORS} selectors`);
  const out = v.map((x, i) => selector(x, `${path}[${i}]`));
  if (!out.some((x) => x.type === 'TextQuoteSelector')) fail(path, 'needs a TextQuoteSelector');
  return out;
}

const color = (v: unknown, path: string) => oneOf<HighlightColor>(v, COLORS, path);
const highlightId = (v: unknown, path: string) => {
  const id = str(v, path, MAX_ID_CHARS);
  return id ? id : fail(path, 'empty id');
};

function validateAddHighlight(r: Record<string, unknown>): MessageData<'addHighlight'> {
  const out: MessageData<'addHighlight'> = {
    selectors: selectors(own(r, 'selectors'), 'data.selectors'),
    color: color(own(r, 'color'), 'data.color'),
    note: str(own(r, 'note'), 'data.note', MAX_NOTE_CHARS),
  };
  put(out, 'textHash', optStr(own(r, 'textHash'), 'data.textHash', 64));
  return out;
}

function validateUpdateHighlight(r: Record<string, unknown>): MessageData<'updateHighlight'> {
  const out: MessageData<'updateHighlight'> = { id: highlightId(own(r, 'id'), 'data.id') };
  put(out, 'note', optStr(own(r, 'note'), 'data.note', MAX_NOTE_CHARS));
  const c = own(r, 'color');
  if (c !== undefined) out.color = color(c, 'data.color');
  return out;
}

function validateEditPageHighlight(r: Record<string, unknown>): MessageData<'editPageHighlight'> {
  const out: MessageData<'editPageHighlight'> = { id: highlightId(own(r, 'id'), 'data.id') };
  put(out, 'note', optStr(own(r, 'note'), 'data.note', MAX_NOTE_CHARS));
  const remove = own(r, 'remove');
  if (remove !== undefined) out.remove = bool(remove, 'data.remove');
  if (out.note === undefined && !out.remove) fail('data', 'nothing to change');
  return out;
}

const dataValidators: { [K in MessageType]: (r: Record<string, unknown>) => MessageData<K> } = {
  pageAnalysed: validatePageAnalysed,
  getPageReport: (r) => ({ tabId: tabId(own(r, 'tabId'), 'data.tabId') }),
  analyzeTab: (r) => ({ tabId: tabId(own(r, 'tabId'), 'data.tabId') }),
  extractHtml: (r) => ({
    html: html(own(r, 'html'), 'data.html'),
    url: httpUrl(own(r, 'url'), 'data.url'),
  }),
  setAllSites: (r) => ({ enabled: bool(own(r, 'enabled'), 'data.enabled') }),
  lookupOutlet: (r) => ({ tabId: tabId(own(r, 'tabId'), 'data.tabId') }),
  personSummary: (r) => ({ qid: qid(own(r, 'qid'), 'data.qid') }),
  tabPersonSummary: (r) => ({
    tabId: tabId(own(r, 'tabId'), 'data.tabId'),
    qid: qid(own(r, 'qid'), 'data.qid'),
  }),
  deleteAllData: (r) => {
    if (own(r, 'confirm') !== DELETE_ALL_CONFIRM) return fail('data.confirm', 'missing confirmation');
    return { confirm: DELETE_ALL_CONFIRM };
  },
  savePage: (r) => ({ tabId: tabId(own(r, 'tabId'), 'data.tabId') }),
  getSavedState: (r) => ({ url: httpUrl(own(r, 'url'), 'data.url') }),
  updateSaved: validateUpdateSaved,
  removeSaved: (r) => ({ urlKeys: urlKeys(own(r, 'urlKeys'), 'data.urlKeys') }),
  addHighlight: validateAddHighlight,
  listHighlights: () => ({}),
  updateHighlight: validateUpdateHighlight,
  deleteHighlight: (r) => ({ id: highlightId(own(r, 'id'), 'data.id') }),
  showPerson: (r) => ({ name: str(own(r, 'name'), 'data.name', 300) }),
  pageHighlights: () => ({}),
  showHighlight: (r) => ({ id: highlightId(own(r, 'id'), 'data.id') }),
  editPageHighlight: validateEditPageHighlight,
  nextPerson: (r) => {
    const step = own(r, 'step');
    if (step !== 1 && step !== -1) fail('data.step', 'must be 1 or -1');
    return { step: step as 1 | -1 };
  },
  getRelated: (r) => ({ tabId: tabId(own(r, 'tabId'), 'data.tabId') }),
  findMoreCoverage: (r) => ({ tabId: tabId(own(r, 'tabId'), 'data.tabId') }),
  setFeeds: (r) => ({ enabled: bool(own(r, 'enabled'), 'data.enabled') }),
  pollFeeds: () => ({}),
};

/** True for anything shaped like one of our envelopes (`masthead: 1`); other messages are not ours. */
export function isMastheadEnvelope(raw: unknown): raw is { masthead: 1; type?: unknown } {
  try {
    return isRecord(raw) && own(raw, 'masthead') === 1;
  } catch {
    return false; // a Proxy trap threw: not ours
  }
}

/** The `type` field of an envelope when it is a known type, else undefined. Never throws. */
export function envelopeType(raw: unknown): MessageType | undefined {
  try {
    if (!isRecord(raw)) return undefined;
    const type = own(raw, 'type');
    return isMessageType(type) ? type : undefined;
  } catch {
    return undefined;
  }
}

export function isMessageType(v: unknown): v is MessageType {
  return typeof v === 'string' && (MESSAGE_TYPES as readonly string[]).includes(v);
}

/**
 * Validate a raw message. Returns a fresh, fully typed envelope, or a readable error
 * (`"data.url: must be http(s)"`). Never throws, whatever `raw` is.
 */
export function validateMessage(raw: unknown): Result<Envelope> {
  try {
    if (!isRecord(raw)) return { ok: false, error: 'message: expected an object' };
    if (own(raw, 'masthead') !== 1) return { ok: false, error: 'message: not a Masthead message' };
    const type = own(raw, 'type');
    if (!isMessageType(type)) return { ok: false, error: 'message: unknown type' };
    const data = dataValidators[type](record(own(raw, 'data'), 'data'));
    return { ok: true, value: { masthead: 1, type, data } as Envelope };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    // A Proxy or exotic object threw from a trap: still an invalid message, not a crash.
    return { ok: false, error: 'message: unreadable' };
  }
}

// ---- clamping (sender side) -----------------------------------------------------------------
// The content script trims what it sends to the caps above, so an odd page (a 50 KB title) still
// produces a valid message instead of a rejected one; the off-page analysis trims metadata and
// signals the same way before they reach a report.

const clip = (s: string | undefined): string | undefined =>
  s === undefined ? undefined : s.length > MAX_FIELD_LENGTH ? s.slice(0, MAX_FIELD_LENGTH) : s;
const clipAll = (a: readonly string[]): string[] =>
  a.slice(0, MAX_ARRAY_ITEMS).map((s) => clip(String(s)) as string);

/** Metadata trimmed to the protocol caps (strings ≤ 10 KB, arrays ≤ 200 items). */
export function clampMetadata(m: PageMetadata): PageMetadata {
  const out: PageMetadata = {
    ...m,
    authors: clipAll(m.authors),
    keywords: clipAll(m.keywords),
    jsonLdTypes: clipAll(m.jsonLdTypes),
    conflicts: clipAll(m.conflicts),
    provenance: Object.fromEntries(
      Object.entries(m.provenance)
        .filter(([k]) => k.length <= 100 && k !== '__proto__')
        .slice(0, MAX_ARRAY_ITEMS),
    ),
  };
  for (const key of METADATA_STRING_FIELDS) {
    if (out[key] !== undefined) out[key] = clip(out[key]);
  }
  if (m.publisher) {
    const p: PagePublisher = { ...m.publisher };
    for (const key of PUBLISHER_STRING_FIELDS) {
      if (p[key] !== undefined) p[key] = clip(p[key]);
    }
    if (p.sameAs) p.sameAs = clipAll(p.sameAs);
    out.publisher = p;
  }
  return out;
}

/** A page title trimmed and cut to the protocol's field cap (undefined when empty). */
export function clampTitle(title: string | null | undefined): string | undefined {
  const t = (title ?? '').trim();
  return t ? clip(t) : undefined;
}

/** In-page signals with the element count forced into range. */
export function clampInPageSignals(s: InPageSignals): InPageSignals {
  const n = s.elementCount;
  return { ...s, elementCount: Number.isFinite(n) ? Math.min(Math.max(n, 0), Number.MAX_SAFE_INTEGER) : 0 };
}

/** Signals with numbers forced into the protocol's ranges. */
export function clampSignals(s: DetectionSignals): DetectionSignals {
  const n = (v: number, max = Number.MAX_SAFE_INTEGER) =>
    Number.isFinite(v) ? Math.min(Math.max(v, 0), max) : 0;
  return {
    ...s,
    url: s.url.slice(0, MAX_URL_LENGTH),
    elementCount: n(s.elementCount),
    paragraphTextLength: n(s.paragraphTextLength),
    linkDensity: n(s.linkDensity, 1),
  };
}
