import type { PeopleInput, PeopleResult, PersonInText, PersonMention, PersonQuote } from './types';
import { scanCandidates } from './scan-candidates';
import { registerNames } from './register-names';
import { PersonRegistry, type PersonDraft } from './person-registry';
import { findDescriptiveMentions, roleSignature } from './descriptive';
import { attributeQuotes, findQuoteSpans } from './quotes';
import { findSourcesCited } from './sources-cited';
import { leadEnd, namedInTitle, prominenceOf } from './prominence';

/** At most this many people come back (the most prominent): output stays bounded on any input. */
export const MAX_PEOPLE = 300;

function addDescriptive(text: string, registry: PersonRegistry): void {
  const sigs = registry.people.map((p) => {
    const sorted = [...p.roles].sort((a, b) => a.start - b.start);
    return sorted.map((r) => roleSignature(r.text)).find(Boolean);
  });
  for (const { person, mention } of findDescriptiveMentions(text, sigs)) {
    registry.addMention(registry.people[person]!, mention);
  }
}

function lastMentionBefore(sorted: PersonMention[], at: number): PersonMention | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1] : undefined;
}

function collectQuotes(text: string, registry: PersonRegistry): Map<PersonDraft, PersonQuote[]> {
  const quotes = new Map<PersonDraft, PersonQuote[]>();
  const all = registry.people.flatMap((p) => p.mentions).sort((a, b) => a.start - b.start);
  for (const a of attributeQuotes(text, findQuoteSpans(text), all)) {
    let owner = registry.ownerAt(a.speakerAt);
    if (a.pronoun) {
      // "he said": the person named last before the quote, within the same stretch of text.
      const prev = lastMentionBefore(all, a.quote.start);
      owner = prev && a.quote.start - prev.end < 600 ? registry.ownerAt(prev.start) : undefined;
      if (owner) registry.addMention(owner, { ...a.pronoun, kind: 'pronoun' });
    }
    if (owner) quotes.set(owner, [...(quotes.get(owner) ?? []), a.quote]);
  }
  return quotes;
}

function finish(text: string, title: string | undefined, registry: PersonRegistry): PersonInText[] {
  const quotes = collectQuotes(text, registry);
  const lead = leadEnd(text);
  const people = registry.people.map((p): PersonInText => {
    const mentions = [...p.mentions].sort((a, b) => a.start - b.start);
    const q = quotes.get(p) ?? [];
    const role = [...p.roles].sort((a, b) => a.start - b.start)[0];
    return {
      name: p.name,
      ...(role ? { roleInText: role.text } : {}),
      mentions,
      quotes: q,
      prominence: prominenceOf(mentions, q.length, namedInTitle(title, p.forms), lead),
    };
  });
  const first = (p: PersonInText) => p.mentions[0]?.start ?? 0;
  return people
    .sort((a, b) => b.prominence.score - a.prominence.score || first(a) - first(b))
    .slice(0, MAX_PEOPLE);
}

/**
 * People named in an article's text and the news sources it cites (issue: people named in
 * the article). Pure and linear in the text length; rules are for English text.
 */
export function extractPeople(input: PeopleInput): PeopleResult {
  const text = typeof input.text === 'string' ? input.text : '';
  if (input.lang && !/^en\b/i.test(input.lang)) return { people: [], sourcesCited: [] };
  const registry = new PersonRegistry(text);
  registerNames(text, registry, scanCandidates(text));
  addDescriptive(text, registry);
  return { people: finish(text, input.title, registry), sourcesCited: findSourcesCited(text) };
}
