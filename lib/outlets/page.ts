/**
 * Page → outlet report: the resolver over the shipped index, then the card. Used by the background
 * and the analyzer (never by the popup: the resolver pulls in the Public Suffix List).
 */
import type { PagePublisher, PageReport as PageReportLike } from '../types';
import { buildOutletReport, type CardInput, type OutletReport } from './card';
import { resolveOutlet, type OutletIndex } from './lookup';

/** What the background needs to describe a page's outlet: the index and the RSP listings. */
export interface OutletData {
  index: OutletIndex;
  rsp: CardInput['rsp'];
}

/** Page facts the resolver and the card use (all optional: non-articles have few). */
export interface PageFacts {
  url: string;
  canonicalUrl?: string;
  ogUrl?: string;
  publisherName?: string;
  siteName?: string;
  publishedTime?: string;
  publisher?: PagePublisher;
}

/** The outlet report for a page, or null when its outlet is unknown. Never throws. */
export function outletReportForPage(page: PageFacts, data: OutletData): OutletReport | null {
  try {
    const match = resolveOutlet(page.url, data.index, {
      canonicalUrl: page.canonicalUrl,
      ogUrl: page.ogUrl,
      publisherName: page.publisherName ?? page.publisher?.name,
      siteName: page.siteName,
    });
    if (!match) return null;
    return buildOutletReport({
      match,
      rsp: data.rsp,
      publishedTime: page.publishedTime,
      publisher: page.publisher,
    });
  } catch {
    return null;
  }
}

/** The page report with `outlet` filled from the data (unchanged `outlet: null` when unknown). */
export function withOutletReport<R extends Pick<PageReportLike, 'url' | 'verdict' | 'article' | 'metadata'>>(
  report: R,
  data: OutletData,
): R & { outlet: OutletReport | null } {
  const m = report.metadata;
  const outlet = outletReportForPage(
    {
      url: report.url,
      canonicalUrl: report.article?.canonicalUrl ?? m?.canonicalUrl,
      publisherName: m?.publisher?.name,
      siteName: report.article?.siteName ?? m?.siteName,
      // Only an article has a date to compare the outlet's history with.
      publishedTime: report.verdict.isArticle ? report.article?.publishedTime : undefined,
      publisher: report.article?.publisher ?? m?.publisher,
    },
    data,
  );
  return { ...report, outlet };
}

/** The short outlet line of the analyzer's JSON lines (`--jsonl`, `--urls`). */
export interface OutletSummary {
  id: string;
  name: string;
  domain: string;
  matchedBy: OutletReport['match']['matchedBy'];
  wrapper?: string;
  country: string;
  medium: string[];
  founded?: string;
  control: OutletReport['control']['value']['relation'];
  controlEvidence?: string;
  owners: string[];
  /** Current perennial-sources status (Wikipedia, CC BY-SA) and its date. */
  rsp?: { status: string[]; asOf: string };
  wikipedia?: string;
  /** Facts resting on editor recall, not yet checked against Wikidata. */
  unverifiedFacts: number;
}

export function summarizeOutlet(o: OutletReport): OutletSummary {
  const current = o.reliability.find((r) => r.current);
  return {
    id: o.id,
    name: o.name,
    domain: o.match.domain,
    matchedBy: o.match.matchedBy,
    ...(o.match.wrapper ? { wrapper: o.match.wrapper } : {}),
    country: o.country.value,
    medium: [...o.medium.value],
    ...(o.founded ? { founded: o.founded.value } : {}),
    control: o.control.value.relation,
    ...(o.control.value.evidence ? { controlEvidence: o.control.value.evidence } : {}),
    owners: o.owners.map((x) => x.value.name),
    ...(current ? { rsp: { status: [...current.statuses], asOf: current.asOf } } : {}),
    ...(o.wikipedia ? { wikipedia: o.wikipedia.url } : {}),
    unverifiedFacts: o.unverifiedFacts,
  };
}
