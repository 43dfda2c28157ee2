/**
 * The outlet record shipped with the extension (DATA.md §3, adapted). One record per outlet, keyed
 * by Wikidata QID; many domains map to one record; every fact carries its sources and an as-of date.
 *
 * Licences: everything in `outlets.json` is CC0 (Wikidata facts, our own editing). Wikipedia text
 * (RSP statuses and summaries) lives in `rsp.json` with its own CC BY-SA notice.
 */

/** ISO date or partial date: '2007', '2007-07', '2021-06-22'. */
export type Iso = string;

/**
 * How a source was used (the provenance of a fact):
 * - 'corpus': the fact was read from a dated snapshot in ../shared/corpora (`retrieved` = the
 *   snapshot date in its SOURCE.txt).
 * - 'fetched': the fact was checked against a live response (Wikidata SPARQL, Wikipedia) on
 *   `retrieved`, by `npm run data:outlets`.
 * - 'editor-recall': the editor wrote the fact from memory, without reading the source. `url` is
 *   where a reader can verify it, NOT where it was read; `cited` is the date the record was written.
 *   A fact resting on such a source is `unverified`.
 */
export const SOURCE_BASES = ['corpus', 'fetched', 'editor-recall'] as const;
export type SourceBasis = (typeof SOURCE_BASES)[number];

interface SourceCommon {
  title: string;
  url: string;
  licence?: 'CC0' | 'CC BY-SA 3.0' | 'CC BY-SA 4.0' | 'MIT' | string;
}
/** A source that was actually read: a corpus snapshot or a fetched response. */
export interface RetrievedSource extends SourceCommon {
  basis: 'corpus' | 'fetched';
  /** The snapshot date of the corpus, or the day the response was fetched. */
  retrieved: Iso;
  cited?: never;
}
/** A source cited by the editor for a fact recalled from memory: where to verify, not where it was read. */
export interface RecalledSource extends SourceCommon {
  basis: 'editor-recall';
  /** The date the record was written. */
  cited: Iso;
  retrieved?: never;
}
export type Source = RetrievedSource | RecalledSource;

/**
 * A fact with its provenance. `asOf`: for a fact backed only by corpus/fetched sources, the newest
 * `retrieved` date among them; for an `unverified` fact, the `cited` date.
 */
export interface Sourced<T> {
  value: T;
  sources: Source[];
  asOf: Iso;
  /** Set when any source is 'editor-recall': part of the fact was not read from anything. */
  unverified?: true;
  /** Short editorial note (how it was derived, caveats). */
  note?: string;
}

/** `asOf` and `unverified` of a fact, derived from its sources (the rule above). */
export function provenanceOf(sources: readonly Source[]): { asOf: Iso; unverified?: true } {
  const max = (xs: Iso[]) => xs.reduce((a, b) => (b > a ? b : a), '');
  const cited = sources.flatMap((s) => (s.basis === 'editor-recall' ? [s.cited] : []));
  if (cited.length) return { asOf: max(cited), unverified: true };
  return { asOf: max(sources.flatMap((s) => (s.basis === 'editor-recall' ? [] : [s.retrieved]))) };
}

export const DOMAIN_ROLES = ['primary', 'mirror', 'language-edition', 'former', 'path-scoped'] as const;
export type DomainRole = (typeof DOMAIN_ROLES)[number];

export interface OutletDomain {
  /** Lower-case ASCII (punycode) host: a registrable domain ('presstv.ir') or a subdomain ('french.presstv.com'). */
  host: string;
  role: DomainRole;
  /** Path prefix for path-scoped entries ('/nhkworld'); always starts with '/'. */
  path?: string;
  /** BCP-47 language of a language edition. */
  lang?: string;
  from?: Iso;
  until?: Iso;
  note?: string;
  sources: Source[];
  asOf: Iso;
  unverified?: true;
}

export const MEDIA = ['agency', 'tv', 'newspaper', 'online', 'magazine', 'radio', 'unknown'] as const;
export type Medium = (typeof MEDIA)[number];

/**
 * Control vs funding is the point (DATA.md §3): who appoints editorial leadership, and who pays.
 * - state-controlled: the state (or ruling body) appoints/directs editorial leadership.
 * - public-service-independent: public money (licence fee, statutory funding) with a charter/statute
 *   and an independent board that keeps government out of editorial decisions.
 * - state-funded: mainly paid by the state, with a statutory firewall but no public-service remit at home.
 * - party-owned: owned by a political party (or its organs).
 */
export const STATE_RELATIONS = [
  'state-controlled',
  'public-service-independent',
  'state-funded',
  'party-owned',
  'private',
  'non-profit',
  'unknown',
] as const;
export type StateRelation = (typeof STATE_RELATIONS)[number];

export const OWNER_RELATIONS = [
  'owned-by',
  'parent-org',
  'ultimate-owner',
  'head-appointed-by',
  'funded-by',
] as const;
export type OwnerRelation = (typeof OWNER_RELATIONS)[number];

export interface OwnerLink {
  qid?: string;
  name: string;
  relation: OwnerRelation;
}

export interface HistoryEvent {
  date: Iso;
  event: string;
}

/**
 * Honest review state, derived mechanically from the record's sources (`reviewOf`):
 * - 'corpus-join': every fact was read from the corpora snapshots (or fetched), none recalled.
 * - 'editor-curated': some facts are editor recall (`unverified`); they need checking through
 *   `npm run data:outlets` (Wikidata) or by hand against the cited page.
 * - 'verified': every fact was checked against a fetched Wikidata/Wikipedia response.
 */
export const REVIEW_STATES = ['corpus-join', 'editor-curated', 'verified'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface OutletRecord {
  /**
   * Wikidata QID: 'Q912429'. null when no corpus gave the outlet's QID (none is written from
   * memory): such a record carries `localId` and waits for `npm run data:outlets` to resolve it
   * through Wikidata P856 (official website). Key records by `outletId(o)`, never by `qid`.
   */
  qid: string | null;
  /** Stable local key of a record whose QID is unknown ('hispantv'); absent when `qid` is set. */
  localId?: string;
  name: string;
  aliases: string[];
  review: ReviewState;
  /** 'full': every field filled or explicitly unknown; 'core': identity, domains, country, medium. */
  completeness: 'full' | 'core';
  /** Sources for the identity itself (QID ↔ name). `asOf` of the record: its newest fact's `asOf`. */
  sources: Source[];
  asOf: Iso;
  domains: OutletDomain[];
  country: Sourced<{ qid?: string; name: string }>;
  languages?: Sourced<string[]>;
  medium: Sourced<Medium[]>;
  founded?: Sourced<Iso>;
  /** Owner → parent → ultimate owner, nearest first. */
  ownerChain: Array<Sourced<OwnerLink>>;
  state?: Sourced<{ relation: StateRelation; evidence: string }>;
  /** Dated, oldest first. */
  history: Array<Sourced<HistoryEvent>>;
  wikipedia?: { lang: string; title: string };
  /** Links to raters' public pages only: never their ratings or text. */
  raterLinks: Array<{ name: string; url: string }>;
}

/** Prefix of the key of a record whose QID is unknown: never a valid Wikidata QID. */
export const LOCAL_ID_PREFIX = 'local:';
export const LOCAL_ID_RE = /^[a-z0-9][a-z0-9-]{1,47}$/;

/**
 * The outlet's key everywhere (index, card `id`, stored `outletQid`, analyzer `outlet.id`, RSP
 * entries): its Wikidata QID, or `local:<localId>` while the QID is unknown.
 */
export function outletId(o: Pick<OutletRecord, 'qid' | 'localId'>): string {
  return o.qid ?? `${LOCAL_ID_PREFIX}${o.localId ?? 'unknown'}`;
}

/** True for the key of a record with a Wikidata QID (false for `local:` keys). */
export function isWikidataId(id: string): boolean {
  return /^Q[1-9]\d{0,11}$/.test(id);
}

/** Every sourced fact of a record (identity, domains, fields), with a label for reports. */
export function factsOf(
  o: OutletRecord,
): Array<[string, { sources: Source[]; asOf: Iso; unverified?: true }]> {
  const out: Array<[string, { sources: Source[]; asOf: Iso; unverified?: true }]> = [
    ['identity', { sources: o.sources, ...provenanceOf(o.sources) }],
  ];
  for (const d of o.domains) out.push([`domain ${d.host}${d.path ?? ''}`, d]);
  out.push(['country', o.country], ['medium', o.medium]);
  if (o.languages) out.push(['languages', o.languages]);
  if (o.founded) out.push(['founded', o.founded]);
  for (const l of o.ownerChain) out.push([`owner ${l.value.name}`, l]);
  if (o.state) out.push(['state', o.state]);
  for (const h of o.history) out.push([`history ${h.value.date}`, h]);
  return out;
}

/** The record with `review` and `asOf` (its newest fact's) derived from its sources. */
export function withProvenance(o: OutletRecord): OutletRecord {
  const asOf = factsOf(o)
    .map(([, f]) => f.asOf)
    .reduce((a, b) => (b > a ? b : a), '');
  return { ...o, review: reviewOf(o), asOf };
}

/** The review state a record's sources entitle it to (see ReviewState). */
export function reviewOf(o: OutletRecord): ReviewState {
  const facts = factsOf(o).map(([, f]) => f);
  if (facts.some((f) => f.sources.some((s) => s.basis === 'editor-recall'))) return 'editor-curated';
  if (facts.every((f) => f.sources.some((s) => s.basis === 'fetched'))) return 'verified';
  return 'corpus-join';
}

export interface OutletsFile {
  licence: 'CC0-1.0';
  generatedBy: string;
  generated: Iso;
  notes: string[];
  outlets: OutletRecord[];
}

/**
 * outlets.json as stored: each source is written once in `sourceTable` and every `sources` array
 * holds ids into it (the same sources repeat across facts). `expandOutletsFile` gives the
 * in-memory `OutletsFile`, where `sources` are `Source` objects.
 */
export interface StoredOutletsFile extends Omit<OutletsFile, 'outlets'> {
  sourceTable: Record<string, Source>;
  outlets: unknown[];
}

function mapSources(node: unknown, f: (s: unknown) => unknown): unknown {
  if (Array.isArray(node)) return node.map((x) => mapSources(x, f));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === 'sources' && Array.isArray(v) ? v.map(f) : mapSources(v, f),
    ]),
  );
}

/** Stored file → records with `Source` objects. Throws on an id missing from the table. */
export function expandOutletsFile(stored: StoredOutletsFile): OutletsFile {
  const { sourceTable, outlets, ...rest } = stored;
  const get = (id: unknown) => {
    const s = typeof id === 'string' ? sourceTable[id] : undefined;
    if (!s) throw new Error(`outlets.json: unknown source id ${String(id)}`);
    return s;
  };
  return { ...rest, outlets: mapSources(outlets, get) as OutletRecord[] };
}

/** Records → stored file: identical sources share one readable id ('recall:wd:Q912429'). */
export function compactOutletsFile(file: OutletsFile): StoredOutletsFile {
  const sourceTable: Record<string, Source> = {};
  const idOf = new Map<string, string>();
  const id = (x: unknown) => {
    const s = x as Source;
    const key = JSON.stringify([s.basis, s.title, s.url, s.licence, s.retrieved, s.cited]);
    const known = idOf.get(key);
    if (known) return known;
    const u = s.url
      .replace(/^https:\/\/www\.wikidata\.org\/wiki\//, 'wd:')
      .replace(/^https:\/\/en\.wikipedia\.org\/wiki\//, 'wp:')
      .replace(/^https:\/\/github\.com\//, 'gh:')
      .replace(/^https?:\/\//, '');
    const base = `${s.basis === 'editor-recall' ? 'recall' : s.basis}:${u}${s.retrieved ? `@${s.retrieved}` : ''}`;
    let name = base;
    for (let n = 2; name in sourceTable; n++) name = `${base}#${n}`;
    sourceTable[name] = s;
    idOf.set(key, name);
    return name;
  };
  const outlets = mapSources(file.outlets, id) as unknown[];
  const { outlets: _o, ...rest } = file;
  return { ...rest, sourceTable, outlets };
}

export const RSP_STATUSES = [
  'generally-reliable',
  'no-consensus',
  'generally-unreliable',
  'deprecated',
  'blacklisted',
] as const;
export type RspStatus = (typeof RSP_STATUSES)[number];

/** One RSP listing as of a date (CC BY-SA text). */
export interface RspEntry {
  /** The listed outlet's key, `outletId` of its record (a QID, or `local:<id>` while unresolved). */
  qid: string;
  /** The row's name on WP:RSP. */
  rspName: string;
  status: RspStatus[];
  asOf: Iso;
  summary?: string;
  /** The outlet's Wikipedia article as linked from RSP. */
  wikiUrl?: string;
  url: string;
  sources: Source[];
  note?: string;
}

export interface RspFile {
  licence: 'CC BY-SA 3.0' | 'CC BY-SA 4.0';
  licenceUrl: string;
  attribution: string;
  entries: RspEntry[];
}
