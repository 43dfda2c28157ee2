/**
 * Page report people → the bounded highlight list the content script gets (see ./types.ts), and
 * the content script's defensive check of that list. Pure.
 */
import { formatDate } from '../format';
import type { PersonReport, PersonRoleAtDate } from '../types';
import { HIGHLIGHT_LIMITS as L, type HighlightPerson } from './types';

/** `2017-01-20` → `20 Jan 2017`; partial dates ("2017") stay as written. */
const day = (iso: string | undefined) =>
  iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? (formatDate(iso) ?? iso) : iso || undefined;

/**
 * "United States Secretary of Defense, since 20 Jan 2017": the office as of the article's date.
 * The term's end is left out on purpose: it is later than the article, not what the reader saw.
 */
export function roleLine(role: PersonRoleAtDate): string {
  const since = day(role.since);
  return since ? `${role.label}, since ${since}` : role.label;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Forms worth matching: named mentions (pronouns never), distinct, longest first. */
function formsOf(p: PersonReport): string[] {
  const set = new Set<string>();
  for (const m of p.mentions) {
    if (m.kind === 'pronoun') continue;
    const t = m.text.trim();
    if (t.length >= 2 && t.length <= L.formLength) set.add(t);
  }
  set.add(p.name.slice(0, L.formLength));
  return [...set].sort((a, b) => b.length - a.length).slice(0, L.formsPerPerson);
}

export function highlightPeople(people: readonly PersonReport[]): HighlightPerson[] {
  return people.slice(0, L.people).map((p) => ({
    name: clip(p.name, L.nameLength),
    roles: [p.roleInText, p.roleAtDate && roleLine(p.roleAtDate)]
      .filter((r): r is string => !!r)
      .map((r) => clip(r, L.roleLength)),
    forms: formsOf(p),
    quotes: p.quotes.slice(0, L.quotesPerPerson).map((q) => clip(q.text, L.quoteLength)),
    mentions: p.prominence?.mentions ?? p.mentions.length,
    ...(p.qid && /^Q[1-9]\d{0,11}$/.test(p.qid) ? { qid: p.qid } : {}),
  }));
}

function strings(v: unknown, maxItems: number, maxLength: number): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .slice(0, maxItems)
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .map((s) => s.slice(0, maxLength));
}

/** A fresh, bounded copy of a highlight list from a message; drops anything malformed. */
export function validateHighlightPeople(raw: unknown): HighlightPerson[] {
  if (!Array.isArray(raw)) return [];
  const out: HighlightPerson[] = [];
  for (const item of raw.slice(0, L.people)) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as Record<string, unknown>;
    if (typeof r.name !== 'string' || !r.name) continue;
    const forms = strings(r.forms, L.formsPerPerson, L.formLength).filter((f) => f.trim().length >= 2);
    if (forms.length === 0) continue;
    const mentions = typeof r.mentions === 'number' && Number.isFinite(r.mentions) ? r.mentions : 0;
    out.push({
      name: r.name.slice(0, L.nameLength),
      roles: strings(r.roles, L.roles, L.roleLength),
      forms,
      quotes: strings(r.quotes, L.quotesPerPerson, L.quoteLength),
      mentions: Math.max(0, Math.min(1e6, Math.floor(mentions))),
      ...(typeof r.qid === 'string' && /^Q[1-9]\d{0,11}$/.test(r.qid) ? { qid: r.qid } : {}),
    });
  }
  return out;
}
