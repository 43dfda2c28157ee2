import { tokenize } from './tokenize';
import { findNameRuns } from './name-runs';
import { classifyRun, type NameCandidate } from './classify-run';
import { PERSON_NOUNS, TITLES, TITLE_MODIFIERS } from './lexicon';
import { premodifierRole, followingRole, type StatedRole } from './roles';

/** A name candidate with the roles stated around it. */
export interface ScannedName extends NameCandidate {
  role?: StatedRole;
}

/** Characters per scanning window; windows end at a line break so that no name is cut. */
const WINDOW = 20_000;

function windowEnd(text: string, from: number): number {
  if (from + WINDOW >= text.length) return text.length;
  const nl = text.indexOf('\n', from + WINDOW);
  if (nl !== -1 && nl < from + 2 * WINDOW) return nl + 1;
  // No line break nearby (one huge paragraph): cut at a space, else hard.
  const sp = text.indexOf(' ', from + WINDOW);
  return sp !== -1 && sp < from + 2 * WINDOW ? sp + 1 : from + WINDOW;
}

// "the ancient gods, such as Zeus, Hera", "politicians including Ann Roe and Bob Ray",
// "two brothers, Niklaus and Johann", "writers Mark Twain, … and Goscinny".
const LIST_INTRO = /\b(\p{Ll}{3,20})(?:,?\s+(?:such as|including|like|namely)\s+|,\s+|:\s+|\s)$/u;
const LIST_NEXT = /^(?:,\s*(?:and\s+|or\s+)?|,?\s+(?:and|or)\s+)$/;

function personPlural(word: string): boolean {
  const singular = [word.replace(/ies$/, 'y'), word.replace(/es$/, ''), word.replace(/s$/, '')];
  return /s$/.test(word) && singular.some((w) => w !== word && PERSON_NOUNS.has(w));
}

/**
 * Names listed after a plural noun for people ("gods, such as Zeus, Hera, and Athena") are
 * people: the first is introduced by "such as"/"including", the rest follow it by comma or "and".
 */
function markListed(text: string, out: ScannedName[]): void {
  let open = false;
  let prevEnd = -1;
  for (const n of out) {
    const start = n.name[0]!.start;
    const intro = LIST_INTRO.exec(text.slice(Math.max(0, start - 40), start));
    if (intro && personPlural(intro[1]!)) open = true;
    else if (!(open && prevEnd >= 0 && LIST_NEXT.test(text.slice(prevEnd, start)))) open = false;
    if (open && !n.evidence && n.name.length <= 3) {
      n.evidence = 'cue';
      n.linkOnly = false;
    }
    prevEnd = n.name[n.name.length - 1]!.end;
  }
}

/**
 * Finds capitalised runs window by window and classifies them. Memory stays bounded: token
 * arrays live for one window only, and at most `maxCandidates` names are kept.
 */
export function scanCandidates(text: string, maxCandidates = 50_000): ScannedName[] {
  const out: ScannedName[] = [];
  for (let from = 0; from < text.length && out.length < maxCandidates;) {
    const to = windowEnd(text, from);
    const tokens = tokenize(text, from, to);
    for (const run of findNameRuns(tokens, maxCandidates - out.length)) {
      const at = run.tokens[0]!.index;
      const cand = classifyRun(run, text, at > 0 ? tokens[at - 1] : undefined);
      if (!cand) continue;
      const first = cand.name[0]!;
      const i = first.index;
      // "mathematician and writer Aner Shalev": a lower-case person noun right before the name.
      const prev = i > 0 ? tokens[i - 1] : undefined;
      if (
        !cand.evidence &&
        !cand.linkOnly &&
        prev &&
        !prev.cap &&
        / $/.test(first.gapBefore) &&
        first.gapBefore.length === 1
      ) {
        const titled = TITLES.has(prev.lower) && !TITLE_MODIFIERS.has(prev.lower);
        if (PERSON_NOUNS.has(prev.lower) || titled) cand.evidence = 'title';
      }
      const last = cand.name[cand.name.length - 1]!;
      const role =
        premodifierRole(tokens, i, text) ??
        (cand.evidence && !last.possessive ? followingRole(text, last.end) : undefined);
      out.push({ ...cand, role });
    }
    from = to;
  }
  markListed(text, out);
  return out;
}
