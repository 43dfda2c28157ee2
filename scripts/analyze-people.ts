/**
 * The analyzer's `people` and `sourcesCited` fields (issue 4): people as
 * `{name, qid?, roleInText?, roleAtDate?, mentions: [{start, end}], quotes: [...]}` with offsets
 * into the analysed text (the report's `text`, or the input `text` in text mode).
 */
import { shippedPeopleLookups } from '../lib/article/people-data';
import { peopleForReport } from '../lib/article/people-report';
import type { PersonReport, PersonRoleAtDate, SourceCitedReport } from '../lib/types';

export interface AnalyzerPerson {
  name: string;
  qid?: string;
  roleInText?: string;
  roleAtDate?: PersonRoleAtDate;
  mentions: { start: number; end: number }[];
  quotes: { text: string; start: number; end: number; cue: string }[];
}

export interface AnalyzerSource {
  name: string;
  kind: string;
  outletQid?: string;
  /** Cited in a photo caption: offsets are into the captions (joined by blank lines), not `text`. */
  inCaption?: true;
  start: number;
  end: number;
  count: number;
}

export function analyzerPeople(people: readonly PersonReport[]): AnalyzerPerson[] {
  return people.map((p) => ({
    name: p.name,
    ...(p.qid ? { qid: p.qid } : {}),
    ...(p.roleInText ? { roleInText: p.roleInText } : {}),
    ...(p.roleAtDate ? { roleAtDate: p.roleAtDate } : {}),
    mentions: p.mentions.map((m) => ({ start: m.start, end: m.end })),
    quotes: p.quotes.map((q) => ({ text: q.text, start: q.start, end: q.end, cue: q.cue })),
  }));
}

export function analyzerSources(sources: readonly SourceCitedReport[]): AnalyzerSource[] {
  return sources.map((s) => ({
    name: s.name,
    kind: s.kind,
    ...(s.outletQid ? { outletQid: s.outletQid } : {}),
    ...(s.inCaption ? { inCaption: true as const } : {}),
    start: s.start,
    end: s.end,
    count: s.count,
  }));
}

/** Text mode: people and sources of a plain text (title, language and date optional). */
export function peopleOfText(
  text: string,
  opts: { title?: string; lang?: string; publishedTime?: string } = {},
): { people: AnalyzerPerson[]; sourcesCited: AnalyzerSource[] } {
  const r = peopleForReport({ text, ...opts }, shippedPeopleLookups);
  return { people: analyzerPeople(r.people), sourcesCited: analyzerSources(r.sourcesCited) };
}

export { shippedPeopleLookups };
