import type { Token } from './tokenize';
import { DEMONYMS, PLACES, ROLE_HEADS, TITLES } from './lexicon';

/** A role the text states for a person, with where it starts. */
export interface StatedRole {
  text: string;
  start: number;
}

const COUNTRY_CODE = /^(?:US|U|S|UK|EU|UN|UAE|USA|DPRK|ROK|PRC|NATO)$/;

/** Words allowed in a role phrase before a name ("former", "US", "Japan's", "Foreign"). */
function isRoleWord(t: Token): boolean {
  if (TITLES.has(t.lower) || ROLE_HEADS.has(t.lower)) return true;
  if (COUNTRY_CODE.test(t.text)) return true;
  return t.cap && (DEMONYMS.has(t.lower) || PLACES.has(t.lower));
}

const hasHead = (phrase: string) =>
  phrase
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .some((w) => ROLE_HEADS.has(w));

/**
 * Pre-modifier role: the title words right before a name, widened leftwards over country
 * codes, demonyms and other title words ("Japanese Prime Minister" Shinzo Abe,
 * "US Defense Secretary" James Mattis, "former Pennsylvania Senator" Rick Santorum).
 */
export function premodifierRole(tokens: Token[], nameIndex: number, text: string): StatedRole | undefined {
  let i = nameIndex;
  while (i > 0 && nameIndex - i < 8) {
    const prev = tokens[i - 1]!;
    const gap = tokens[i]!.gapBefore;
    const joined = /^\.?[ \t\u00a0]{1,2}$/.test(gap) || (gap === '.' && prev.text.length === 1);
    if (!joined || (prev.dot && prev.text.length > 3) || !isRoleWord(prev)) break;
    i--;
  }
  if (i === nameIndex) return undefined;
  const start = tokens[i]!.start;
  const last = tokens[nameIndex - 1]!;
  const end = last.dot ? last.end + 1 : last.end;
  const phrase = text.slice(start, end);
  return hasHead(phrase) ? { text: phrase, start } : undefined;
}

// ", Japan's foreign minister," / ", the US secretary of defense." / ", a senator from Ohio,"
const APPOSITIVE =
  /^,\s+((?:(?:the|a|an|then|now|former|his|her|their|[\p{Lu}][\p{L}.’'-]*)\s+)?(?:[\p{L}.’'-]+\s+){0,5}?[\p{L}-]+(?:\s+(?:of|for|to|at)\s+(?:the\s+)?[\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+){0,3})?)\s*(?=[,;.)]|$)/u;
// ", who is the head of …" / ", who served as defense minister,"
const WHO_CLAUSE =
  /^,\s+who\s+(?:is|was|has been|had been|serves as|served as|became)\s+((?:the|a|an|also)\s+[^,;.()"“”]{3,80}?)\s*(?=[,;.)]|$)/u;

function clauseRole(match: RegExpExecArray | null, offset: number): StatedRole | undefined {
  if (!match) return undefined;
  const phrase = match[1]!.trim();
  const words = phrase.split(/\s+/);
  if (words.length > 9 || !hasHead(phrase)) return undefined;
  return { text: phrase, start: offset + match[0]!.indexOf(match[1]!) };
}

/** Appositive or relative-clause role right after a name. */
export function followingRole(text: string, nameEnd: number): StatedRole | undefined {
  const after = text.slice(nameEnd, nameEnd + 120);
  const who = clauseRole(WHO_CLAUSE.exec(after), nameEnd);
  if (who) return who;
  const app = clauseRole(APPOSITIVE.exec(after), nameEnd);
  // An appositive role starts with a determiner/possessive/title word, not a verb or a place.
  if (
    app &&
    /^(?:the|a|an|then|now|former|his|her|their|[\p{Lu}][\p{L}.]*(?:['’]s)?|[\p{Ll}]+ (?:minister|secretary|president))\b/u.test(
      app.text,
    )
  )
    return app;
  return undefined;
}
