/**
 * The outlet part of the page report (`PageReport.outlet`): a serialisable view of one resolver
 * match, its record and its perennial-sources (RSP) listings, compared with the article's date and
 * with what the page itself says about its publisher. Pure: no DOM, no extension APIs.
 */
import type { PagePublisher } from '../types';
import type { MatchedBy, OutletMatch } from './lookup';
import { normalizeName } from './names';
import type {
  HistoryEvent,
  Iso,
  Medium,
  OutletDomain,
  OwnerLink,
  RspEntry,
  RspFile,
  RspStatus,
  Source,
  SourceBasis,
  Sourced,
  StateRelation,
} from './types';
import type { WrapperKind } from './unwrap';
import { isWikidataId, outletId } from './types';

/** One source of a fact, flattened for display: `date` is the retrieved or cited date. */
export interface CardSource {
  title: string;
  url: string;
  basis: SourceBasis;
  date: Iso;
  licence?: string;
}

/** A fact with its sources; `unverified` when part of it rests on the editor's recall. */
export interface CardFact<T> {
  value: T;
  asOf: Iso;
  unverified: boolean;
  sources: CardSource[];
  note?: string;
}

export interface CardControl {
  relation: StateRelation;
  /** Human label ("State-controlled"). */
  label: string;
  evidence: string;
}

export interface CardHistoryEvent extends HistoryEvent {
  /** True when the event is dated after the article; null when either date is unknown/partial-ambiguous. */
  afterArticle: boolean | null;
}

export interface CardReliability {
  statuses: RspStatus[];
  /** Human label ("Deprecated", "Generally unreliable"). */
  label: string;
  asOf: Iso;
  /** The newest listing is the current one; older ones are "as listed on <asOf>". */
  current: boolean;
  summary?: string;
  /** The perennial-sources list. */
  url: string;
  note?: string;
}

export interface CardSelfDisclosure {
  /** The page names an owner/funder (a publisher other than the outlet itself, or a funding page). */
  ownershipDisclosed: boolean;
  publisherName?: string;
  publisherUrl?: string;
  ownershipFundingInfo?: string;
  masthead?: string;
  ethicsPolicy?: string;
  correctionsPolicy?: string;
}

export interface OutletReport {
  /** The outlet's id: its Wikidata QID, or `local:<id>` while no corpus gave one (`outletId`). */
  id: string;
  name: string;
  match: {
    /** The (unwrapped) host that matched. */
    domain: string;
    matchedBy: MatchedBy;
    via: OutletMatch['via'];
    wrapper?: WrapperKind;
    /** The matched domain entry (role and dates, e.g. a former domain and when it ended). */
    entry?: Pick<OutletDomain, 'host' | 'role' | 'from' | 'until' | 'note' | 'path' | 'lang'>;
  };
  country: CardFact<string>;
  medium: CardFact<Medium[]>;
  languages?: CardFact<string[]>;
  founded?: CardFact<Iso>;
  /** Owner → parent → ultimate owner, nearest first. */
  owners: Array<CardFact<OwnerLink>>;
  /** Always present: relation 'unknown' with no sources when the data has none. */
  control: CardFact<CardControl>;
  reliability: CardReliability[];
  /** CC BY-SA attribution for `reliability` (empty when there is none). */
  reliabilityAttribution?: { text: string; licence: string; licenceUrl: string };
  history: Array<CardFact<CardHistoryEvent>>;
  wikipedia?: { title: string; url: string };
  /** The article's published date (YYYY-MM-DD) the history was compared with. */
  articleDate?: Iso;
  selfDisclosure: CardSelfDisclosure;
  /** How many facts on the card rest on editor recall (not yet checked against Wikidata). */
  unverifiedFacts: number;
  /** The record's newest fact date. */
  dataAsOf: Iso;
}

export const CONTROL_LABELS: Record<StateRelation, string> = {
  'state-controlled': 'State-controlled',
  'public-service-independent': 'Public service (publicly funded, editorially independent)',
  'state-funded': 'State-funded',
  'party-owned': 'Party-owned',
  private: 'Private',
  'non-profit': 'Non-profit',
  unknown: 'Unknown',
};

/** Chip-sized labels (related-coverage chips, reading-list rows); CONTROL_LABELS are the long form. */
export const SHORT_CONTROL_LABELS: Record<StateRelation, string> = {
  'state-controlled': 'State-controlled',
  'public-service-independent': 'Public service',
  'state-funded': 'State-funded',
  'party-owned': 'Party-owned',
  private: 'Private',
  'non-profit': 'Non-profit',
  unknown: 'Ownership unknown',
};

/** The chip label of a stored control/funding value; an unrecognised value is shown as written. */
export function shortControlLabel(relation: string): string {
  return Object.prototype.hasOwnProperty.call(SHORT_CONTROL_LABELS, relation)
    ? SHORT_CONTROL_LABELS[relation as StateRelation]
    : relation;
}

export const RSP_LABELS: Record<RspStatus, string> = {
  'generally-reliable': 'Generally reliable',
  'no-consensus': 'No consensus',
  'generally-unreliable': 'Generally unreliable',
  deprecated: 'Deprecated',
  blacklisted: 'Blacklisted',
};

function cardSource(s: Source): CardSource {
  const out: CardSource = {
    title: s.title,
    url: s.url,
    basis: s.basis,
    date: s.basis === 'editor-recall' ? s.cited : s.retrieved,
  };
  if (s.licence) out.licence = s.licence;
  return out;
}

function fact<T, U = T>(f: Sourced<T>, map?: (v: T) => U): CardFact<U> {
  const out: CardFact<U> = {
    value: map ? map(f.value) : (f.value as unknown as U),
    asOf: f.asOf,
    unverified: f.unverified === true || f.sources.some((s) => s.basis === 'editor-recall'),
    sources: f.sources.map(cardSource),
  };
  if (f.note) out.note = f.note;
  return out;
}

/** `YYYY-MM-DD` / `YYYY-MM` / `YYYY` prefix of an ISO date or date-time; undefined otherwise. */
export function isoDay(value: string | undefined): Iso | undefined {
  const m = typeof value === 'string' ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim()) : null;
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

/**
 * Whether `event` happened after `article`. Partial dates compare only on their shared precision,
 * and an equal prefix (same year for '2021' vs '2021-06-22') is undecidable: null.
 */
export function isAfter(event: Iso, article: Iso | undefined): boolean | null {
  const e = isoDay(event);
  const a = isoDay(article);
  if (!e || !a) return null;
  const n = Math.min(e.length, a.length);
  const ep = e.slice(0, n);
  const ap = a.slice(0, n);
  if (ep === ap) return e.length === a.length ? false : null;
  return ep > ap;
}

function reliabilityOf(entries: readonly RspEntry[]): CardReliability[] {
  const sorted = [...entries].sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0));
  return sorted.map((e, i) => {
    const r: CardReliability = {
      statuses: [...e.status],
      label: e.status.map((s) => RSP_LABELS[s] ?? s).join(' / ') || 'Listed',
      asOf: e.asOf,
      current: i === 0,
      url: e.url,
    };
    if (e.summary) r.summary = e.summary;
    if (e.note) r.note = e.note;
    return r;
  });
}

export function selfDisclosureOf(
  publisher: PagePublisher | undefined,
  outletNames: readonly string[],
): CardSelfDisclosure {
  const own = new Set(outletNames.map(normalizeName));
  const clean = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 500) : undefined);
  const out: CardSelfDisclosure = { ownershipDisclosed: false };
  const name = clean(publisher?.name);
  const fields = {
    publisherName: name,
    publisherUrl: clean(publisher?.url),
    ownershipFundingInfo: clean(publisher?.ownershipFundingInfo),
    masthead: clean(publisher?.masthead),
    ethicsPolicy: clean(publisher?.ethicsPolicy),
    correctionsPolicy: clean(publisher?.correctionsPolicy),
  };
  for (const [k, v] of Object.entries(fields)) if (v) (out as unknown as Record<string, string>)[k] = v;
  // The outlet naming itself as publisher says nothing about who owns it.
  const namesAnother = name !== undefined && !own.has(normalizeName(name));
  out.ownershipDisclosed = Boolean(fields.ownershipFundingInfo) || namesAnother;
  return out;
}

export interface CardInput {
  match: OutletMatch;
  /** All RSP listings (filtered here by QID). */
  rsp?: Pick<RspFile, 'entries' | 'attribution' | 'licence' | 'licenceUrl'>;
  /** The article's published date (any ISO form); omitted for non-articles. */
  publishedTime?: string;
  /** What the page says about its publisher (JSON-LD). */
  publisher?: PagePublisher;
}

const UNKNOWN_CONTROL: CardFact<CardControl> = {
  value: { relation: 'unknown', label: CONTROL_LABELS.unknown, evidence: '' },
  asOf: '',
  unverified: false,
  sources: [],
};

/** The outlet report for one match. */
export function buildOutletReport({ match, rsp, publishedTime, publisher }: CardInput): OutletReport {
  const o = match.outlet;
  const articleDate = isoDay(publishedTime);
  const entry =
    o.domains.find((d) => d.host.replace(/^www\./, '') === match.host && d.role === match.domainRole) ??
    o.domains.find((d) => match.host === d.host || match.host.endsWith('.' + d.host));
  const history = o.history.map((h) =>
    fact(h, (v): CardHistoryEvent => ({ ...v, afterArticle: isAfter(v.date, articleDate) })),
  );
  const id = outletId(o);
  const entries = rsp?.entries.filter((e) => e.qid === id) ?? [];
  const report: OutletReport = {
    id,
    name: o.name,
    match: {
      domain: match.host,
      matchedBy: match.matchedBy,
      via: match.via,
      ...(match.wrapper ? { wrapper: match.wrapper } : {}),
      ...(entry && match.matchedBy !== 'publisher-name'
        ? {
            entry: Object.fromEntries(
              (['host', 'role', 'from', 'until', 'note', 'path', 'lang'] as const)
                .filter((k) => entry[k] !== undefined)
                .map((k) => [k, entry[k]]),
            ) as OutletReport['match']['entry'],
          }
        : {}),
    },
    country: fact(o.country, (v) => v.name),
    medium: fact(o.medium),
    owners: o.ownerChain.map((l) => fact(l)),
    control: o.state
      ? fact(o.state, (v) => ({
          relation: v.relation,
          label: CONTROL_LABELS[v.relation],
          evidence: v.evidence,
        }))
      : UNKNOWN_CONTROL,
    reliability: reliabilityOf(entries),
    history,
    selfDisclosure: selfDisclosureOf(publisher, [o.name, ...o.aliases]),
    unverifiedFacts: 0,
    dataAsOf: o.asOf,
  };
  if (o.languages) report.languages = fact(o.languages);
  if (o.founded) report.founded = fact(o.founded);
  if (entries.length && rsp) {
    report.reliabilityAttribution = {
      text: rsp.attribution,
      licence: rsp.licence,
      licenceUrl: rsp.licenceUrl,
    };
  }
  if (o.wikipedia) {
    report.wikipedia = {
      title: o.wikipedia.title.replace(/_/g, ' '),
      url: wikipediaUrl(o.wikipedia.lang, o.wikipedia.title),
    };
  }
  if (articleDate) report.articleDate = articleDate;
  report.unverifiedFacts = [
    report.country,
    report.medium,
    report.languages,
    report.founded,
    report.control,
    ...report.owners,
    ...report.history,
  ].filter((f) => f?.unverified).length;
  return report;
}

/** `https://<lang>.wikipedia.org/wiki/<Title>` with a safe language code; en otherwise. */
export function wikipediaUrl(lang: string, title: string): string {
  const l = /^[a-z]{2,3}(?:-[a-z]{2,8})?$/.test(lang) ? lang : 'en';
  return `https://${l}.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

/** Repository of the project, for "Report a wrong fact". */
export const ISSUES_URL = 'https://github.com/masthead-news/masthead/issues/new';

/**
 * A prefilled "new issue" URL for a wrong fact. Opening it sends nothing by itself: the reader sees
 * the draft on GitHub and decides whether to file it. Carries the outlet id and name and the page's
 * host only (never the article's full URL).
 */
export function reportWrongFactUrl(outlet: Pick<OutletReport, 'id' | 'name' | 'match' | 'dataAsOf'>): string {
  const title = `Outlet data: wrong fact for ${outlet.name} (${outlet.id})`;
  const body = [
    isWikidataId(outlet.id)
      ? `Outlet: ${outlet.name} — https://www.wikidata.org/wiki/${outlet.id}`
      : `Outlet: ${outlet.name} — ${outlet.id} (no Wikidata QID in Masthead's data yet)`,
    `Matched domain: ${outlet.match.domain}`,
    `Data as of: ${outlet.dataAsOf}`,
    '',
    'Which fact is wrong?',
    '',
    'What is right, and a source (URL) that shows it:',
    '',
  ].join('\n');
  const q = new URLSearchParams({ title, body, labels: 'outlet-data' });
  return `${ISSUES_URL}?${q.toString()}`;
}
