/** A word of the text with its UTF-16 offsets. */
export interface Token {
  /** Position in the token array of its window. */
  index: number;
  start: number;
  end: number;
  text: string;
  /** Lower-cased text. */
  lower: string;
  /** Starts with an upper-case letter and is not all capitals (acronyms are not name parts). */
  cap: boolean;
  /** Followed by "'s", "’s" or a bare apostrophe after s ("Mattis'"). */
  possessive: boolean;
  /** Followed directly by "." (initials, abbreviations, sentence ends). */
  dot: boolean;
  /** The text between the previous token's end (incl. its possessive/dot) and this token. */
  gapBefore: string;
}

// Letters and marks, with inner hyphens/apostrophes (Jean-Yves, L'Enfant, O'Brien, Cheuk-yan).
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;
const POSSESSIVE = /^['’]s(?![\p{L}\p{M}])/u;
const BARE_APOSTROPHE = /^['’](?![\p{L}\p{M}])/u;

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  if (first.toLowerCase() === first) return false;
  // "NASA", "AFP": all capitals and longer than one letter.
  return !(word.length > 1 && word.toUpperCase() === word && /\p{Lu}{2}/u.test(word));
}

/**
 * Splits text into word tokens. Linear, regex-driven; possessive endings are folded into a flag
 * so that mention spans cover the bare name, as the GUM gold does.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  let prevEnd = 0;
  for (const m of slice.matchAll(WORD)) {
    let word = m[0];
    const at = m.index;
    let possessive = false;
    let after = slice.slice(at + word.length, at + word.length + 3);
    if (/['’]s$/.test(word) && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
      after = '';
    } else if (POSSESSIVE.test(after) || (/s$/.test(word) && BARE_APOSTROPHE.test(after))) {
      possessive = true;
    }
    const start = from + at;
    tokens.push({
      index: tokens.length,
      start,
      end: start + word.length,
      text: word,
      lower: word.toLowerCase(),
      cap: isCapitalised(word),
      possessive,
      dot: !possessive && after.startsWith('.'),
      gapBefore: slice.slice(prevEnd, at),
    });
    prevEnd = at + m[0].length;
  }
  return tokens;
}
