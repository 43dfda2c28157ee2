import type { PersonMention, Prominence } from './types';
import { stripMarks } from './lexicon';

/** End offset of the lead: the first two paragraphs of 80+ characters (captions count). */
export function leadEnd(text: string): number {
  let found = 0;
  let at = 0;
  for (const para of text.slice(0, 20000).split('\n')) {
    at += para.length + 1;
    if (para.trim().length >= 80 && ++found === 2) return at;
  }
  return Math.min(text.length, 1200);
}

const words = (s: string) =>
  new Set(
    stripMarks(s.toLowerCase())
      .split(/[^\p{L}\p{N}'’-]+/u)
      .filter(Boolean),
  );

/** Whether a title names the person by any of the name forms used in the text. */
export function namedInTitle(title: string | undefined, forms: string[][]): boolean {
  if (!title) return false;
  const w = words(title);
  return forms.some((f) => f.length > 0 && w.has(f[f.length - 1]!));
}

export function prominenceOf(
  mentions: PersonMention[],
  quotes: number,
  inTitle: boolean,
  lead: number,
): Prominence {
  const inLead = mentions.some((m) => m.start < lead);
  const score = mentions.length + 2 * quotes + (inTitle ? 3 : 0) + (inLead ? 2 : 0);
  return { mentions: mentions.length, inTitle, inLead, score };
}
