/**
 * Finds the surface forms of the article's people in a string (one text node at a time): one
 * sticky-free global regex over every form, longest forms first so "Shinzo Abe" wins over "Abe",
 * bounded by non-letters so "Abe" never matches inside "Abel". Case-sensitive: names are proper
 * nouns, and "the premier" must match as the article wrote it. Pure.
 */
import type { HighlightPerson } from './types';

export interface FormMatch {
  start: number;
  end: number;
  /** Index of the person in the list given to {@link createMatcher}. */
  person: number;
}

export interface Matcher {
  /** All matches in `text`, in order, non-overlapping. */
  find(text: string): FormMatch[];
  /** True when no form can match anything. */
  readonly empty: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Spaces in a form match any run of whitespace (the page may wrap or use no-break spaces). */
const pattern = (form: string) => form.trim().split(/\s+/).map(escape).join('[\\s\\u00a0]+');

/** Whitespace-normalised key of a form or a matched span. */
const key = (s: string) => s.replace(/[\s\u00a0]+/g, ' ');

export function createMatcher(people: readonly HighlightPerson[]): Matcher {
  const owner = new Map<string, number>();
  people.forEach((p, i) => {
    for (const f of p.forms) {
      const k = key(f.trim());
      if (k.length >= 2 && !owner.has(k)) owner.set(k, i); // a shared form goes to the more prominent
    }
  });
  const forms = [...owner.keys()].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return { find: () => [], empty: true };
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${forms.map(pattern).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  return {
    empty: false,
    find(text: string): FormMatch[] {
      const out: FormMatch[] = [];
      if (text.length < 2) return out;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const person = owner.get(key(m[0]));
        if (person !== undefined) out.push({ start: m.index, end: m.index + m[0].length, person });
      }
      return out;
    },
  };
}
