import type { SourceCited, SourceCitedKind } from './types';
import { OUTLETS, canonicalOutlet } from './outlets';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Longest alias first so "Kyodo News" wins over "Kyodo"; case-sensitive (proper nouns, acronyms).
const ALIASES = OUTLETS.flatMap((o) => o.aliases).sort((a, b) => b.length - a.length);
const OUTLET_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${ALIASES.map(escape).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
// "Kyodo news agency", "the semi-official Fars News Agency", "Mehr news agency": find the
// agency noun first, then read up to four capitalised words back (no backtracking blow-up).
const AGENCY_NOUN = /\s(?:[Nn]ews|[Pp]ress)\s+[Aa]gency(?![\p{L}])/gu;
const NAME_BEFORE = /(?:^|[^\p{L}'’])((?:[\p{Lu}][\p{L}-]*\s+){0,3}[\p{Lu}][\p{L}-]*)$/u;

const KIND_BEFORE: Array<[RegExp, SourceCitedKind]> = [
  [
    /(?:photo|photograph|image|picture|pictures|video|footage)s?\s*(?:by|:|credit:?|courtesy(?: of)?|via)?\s*(?:the\s+)?$/i,
    'photo',
  ],
  [/according to\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$/iu, 'according-to'],
  [/\b(?:told|speaking to|spoke to|said to|in an interview with|interviewed by)\s+(?:the\s+)?$/i, 'told'],
  [/\bquoted by\s+(?:the\s+)?$/i, 'quoted'],
  [
    /\b(?:reported by|reports? (?:from|by)|cited by|carried by|broadcast by|published by|via)\s+(?:the\s+)?$/i,
    'reported',
  ],
  [/\(\s*$/, 'reported'],
];
const KIND_AFTER: Array<[RegExp, SourceCitedKind]> = [
  [/^(?:\s*\/\s*[\p{Lu}][\p{L}]+)?\s*(?:photo|image|pictures?)\b/iu, 'photo'],
  [/^(?:['’]s)?(?:\s+(?:news|press)\s+agency)?\s*,?\s+(?:has\s+|had\s+)?quoted\b/i, 'quoted'],
  [
    /^(?:['’]s)?(?:\s+(?:news|press)\s+agency)?\s*,?\s+(?:has\s+|had\s+|was\s+)?(?:reported|reports|said|says|cited|citing|quoting|learned|added|wrote)\b/i,
    'reported',
  ],
  [/^\)\s*[-–—]/, 'reported'],
];

function kindAt(text: string, start: number, end: number): SourceCitedKind | undefined {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  for (const [re, kind] of KIND_AFTER) if (re.test(after)) return kind;
  for (const [re, kind] of KIND_BEFORE) if (re.test(before)) return kind;
  return undefined;
}

function evidenceAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 40, text.lastIndexOf('\n', start) + 1);
  const nl = text.indexOf('\n', end);
  const to = Math.min(text.length, end + 60, nl === -1 ? Infinity : nl);
  return text.slice(from, to).trim();
}

/**
 * News agencies and outlets the text attributes facts, quotes or photos to: a known alias or
 * "<Name> news agency" next to an attribution cue. Bare mentions ("Press TV's website") are
 * not citations. One entry per name and kind, at its first citation.
 */
export function findSourcesCited(text: string, maxMatches = 5000): SourceCited[] {
  const found = new Map<string, SourceCited>();
  const add = (name: string, start: number, end: number) => {
    const kind = kindAt(text, start, end);
    if (!kind) return;
    const key = `${name}\u0000${kind}`;
    const prev = found.get(key);
    if (prev) prev.count++;
    else found.set(key, { name, kind, start, end, evidence: evidenceAround(text, start, end), count: 1 });
  };
  let n = 0;
  const taken = new Set<number>();
  for (const m of text.matchAll(OUTLET_RE)) {
    if (++n > maxMatches) break;
    taken.add(m.index + m[0].length);
    add(canonicalOutlet(m[0]) ?? m[0], m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(AGENCY_NOUN)) {
    if (++n > 2 * maxMatches) break;
    // An outlet alias right before the noun was cited above ("Kyodo news agency").
    if (taken.has(m.index)) continue;
    const before = NAME_BEFORE.exec(text.slice(Math.max(0, m.index - 60), m.index));
    if (!before?.[1]) continue;
    add(before[1].trim(), m.index - before[1].length, m.index + m[0].length);
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}
