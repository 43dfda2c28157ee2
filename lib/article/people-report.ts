/**
 * People and cited sources for a page report: runs the people extractor on the article's clean
 * text, then adds what the shipped data knows — the person's Wikidata QID and office on the
 * article's published date, and the cited outlet's QID. The data lookups are injected (see
 * lib/article/people-data.ts for the real ones), so this module stays pure and cheap to test.
 */
import { extractPeople } from '../people/extract';
import type { PersonInText } from '../people/types';
import type { PersonReport, PersonRoleAtDate, SourceCitedReport } from '../types';

/** Most people kept in a report (the rest are the least prominent). */
export const MAX_REPORT_PEOPLE = 40;
/** Most mentions / quotes kept per person (a report lives in storage.session). */
export const MAX_PERSON_MENTIONS = 400;
export const MAX_PERSON_QUOTES = 20;

export interface PeopleLookups {
  /** QID and office held on `isoDate` for a name as written, or null when unknown / ambiguous. */
  person?: (
    name: string,
    isoDate: string | undefined,
    roleInText: string | undefined,
  ) => { qid?: string; roleAtDate?: PersonRoleAtDate } | null;
  /** Outlet QID for a cited agency or outlet name, or undefined. */
  outletQid?: (name: string) => string | undefined;
}

export interface PeopleReportInput {
  text: string;
  title?: string;
  lang?: string;
  /** The article's published date (ISO); roles are looked up as of this day. */
  publishedTime?: string;
  /** Photo captions (not part of `text`): read after the text for full names, roles, photo credits. */
  captions?: readonly string[];
}

export interface PeopleReportPart {
  people: PersonReport[];
  sourcesCited: SourceCitedReport[];
}

/** `2017-02-03T10:00:00Z` → `2017-02-03`; anything unparseable → undefined. */
export function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (m) return m[1];
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

/** Only what lies in the text itself (caption offsets are past its end), bounded. */
function inText(p: PersonInText, end: number): PersonInText {
  return {
    ...p,
    mentions: p.mentions.filter((m) => m.end <= end).slice(0, MAX_PERSON_MENTIONS),
    quotes: p.quotes.filter((q) => q.end <= end).slice(0, MAX_PERSON_QUOTES),
  };
}

const CAPTION_GAP = '\n\n';

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback; // a data lookup failing must never cost the report
  }
}

/** People (most prominent first) and cited sources for an article's text. Never throws. */
export function peopleForReport(input: PeopleReportInput, lookups: PeopleLookups = {}): PeopleReportPart {
  const text = input.text;
  const captions = input.captions?.length ? CAPTION_GAP + input.captions.join(CAPTION_GAP) : '';
  const result = safely(
    () => extractPeople({ text: text + captions, title: input.title, lang: input.lang }),
    {
      people: [],
      sourcesCited: [],
    },
  );
  const captionBase = text.length + CAPTION_GAP.length;
  const day = isoDay(input.publishedTime);
  const people = result.people
    // Someone named only in a caption has no offsets in the text: left out.
    .filter((p) => p.mentions.some((m) => m.end <= text.length))
    .slice(0, MAX_REPORT_PEOPLE)
    .map((p): PersonReport => {
      const found = lookups.person ? safely(() => lookups.person!(p.name, day, p.roleInText), null) : null;
      const out: PersonReport = inText(p, text.length);
      if (found?.qid) out.qid = found.qid;
      if (found?.roleAtDate) out.roleAtDate = found.roleAtDate;
      return out;
    });
  const sourcesCited = result.sourcesCited.map((s): SourceCitedReport => {
    const qid = lookups.outletQid ? safely(() => lookups.outletQid!(s.name), undefined) : undefined;
    const out: SourceCitedReport = { ...s };
    if (captions && s.start >= captionBase) {
      out.start = s.start - captionBase;
      out.end = s.end - captionBase;
      out.inCaption = true;
    }
    if (qid) out.outletQid = qid;
    return out;
  });
  return { people, sourcesCited };
}
