import type { MentionKind, PersonMention } from './types';
import type { Token } from './tokenize';
import { stripMarks } from './lexicon';
import { hypocoristic } from './hypocorisms';
import { GIVEN_NAMES, NAME_SUFFIXES } from './lexicon';

/** A person being assembled from the mentions of one text. */
export interface PersonDraft {
  /** Name forms seen, as normalised part lists (lower case, no diacritics). */
  forms: string[][];
  /** Longest name as written. */
  name: string;
  mentions: PersonMention[];
  roles: Array<{ text: string; start: number }>;
}

export const normPart = (t: Token | string) => stripMarks(typeof t === 'string' ? t : t.lower).toLowerCase();

const parts = (tokens: Token[]) => tokens.map(normPart);

/** The same name part, or one is the initial of the other ("j" and "james"). */
const samePart = (x: string, y: string) => x === y || x.charAt(0) === y || y.charAt(0) === x;

/** One letter written differently in a longer given name: "Kristin" and "Kristen". */
function spellingVariant(x: string, y: string): boolean {
  if (x.length !== y.length || x.length < 5 || x.slice(0, 3) !== y.slice(0, 3)) return false;
  let diff = 0;
  for (let i = 0; i < x.length && diff < 2; i++) if (x[i] !== y[i]) diff++;
  return diff === 1;
}

function sameFullName(a: string[], b: string[]): boolean {
  if (a.length === 1 || b.length === 1 || a[a.length - 1] !== b[b.length - 1]) return false;
  // "Otto Jespersen" after "Jens Otto Harry Jespersen": the one given name is among the other's.
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length === 2 && long.length > 2 && long.slice(0, -1).includes(short[0]!)) return true;
  if (a.length === 2 && b.length === 2 && spellingVariant(a[0]!, b[0]!)) return true;
  // Both give middle names: they must agree ("George H. W. Bush" is not "George W. Bush").
  const ma = a.slice(1, -1);
  const mb = b.slice(1, -1);
  if (ma.length > 0 && mb.length > 0 && (ma.length !== mb.length || ma.some((x, i) => !samePart(x, mb[i]!))))
    return false;
  // "Larry Lessig" and "Lawrence Lessig": a given name and its usual short form.
  return samePart(a[0]!, b[0]!) || hypocoristic(a[0]!, b[0]!);
}

const MAX_SHARING = 100;

/** Latest value in a sorted array below `at`, or -1. */
function latestBefore(sorted: number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1]! : -1;
}

/**
 * Collects people and links mentions to them; the only mutable state of one extraction.
 * Indexed by name part and by mention offset so that long texts stay linear-ish.
 */
export class PersonRegistry {
  readonly people: PersonDraft[] = [];
  /** People by name part, in the order they got it; only the latest MAX_SHARING are searched. */
  private readonly byPart = new Map<string, PersonDraft[]>();
  private readonly byStart = new Map<number, PersonDraft>();
  private readonly starts = new Map<PersonDraft, number[]>();

  constructor(private readonly text: string) {}

  /**
   * The people most recently given this name part. Bounded so that a text naming thousands of
   * "Anna …" stays linear; no real text has that many people sharing one name part.
   */
  private sharing(part: string): PersonDraft[] {
    const list = this.byPart.get(part);
    return list ? list.slice(-MAX_SHARING) : [];
  }

  private push(person: PersonDraft, tokens: Token[], kind: MentionKind): void {
    const start = tokens[0]!.start;
    if (this.byStart.has(start)) return;
    const end = tokens[tokens.length - 1]!.end;
    const possessive = tokens[tokens.length - 1]!.possessive;
    person.mentions.push({
      start,
      end,
      text: this.text.slice(start, end),
      kind: possessive ? 'possessive' : kind,
    });
    this.index(person, start);
  }

  private index(person: PersonDraft, start: number): void {
    this.byStart.set(start, person);
    const list = this.starts.get(person) ?? [];
    const at = latestBefore(list, start);
    list.splice(at === -1 ? 0 : list.indexOf(at) + 1, 0, start);
    this.starts.set(person, list);
  }

  private addForm(person: PersonDraft, p: string[]): void {
    if (person.forms.some((f) => f.join(' ') === p.join(' '))) return;
    person.forms.push(p);
    for (const part of new Set(p)) {
      const list = this.byPart.get(part);
      if (!list) this.byPart.set(part, [person]);
      else if (!list.includes(person, Math.max(0, list.length - MAX_SHARING))) list.push(person);
    }
  }

  /** Adds a name of two or more parts, merging it with a person of the same full name. */
  addFull(tokens: Token[]): PersonDraft {
    const p = parts(tokens);
    const written = this.text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
    const sameLast = this.sharing(p[p.length - 1]!);
    let person = [...sameLast].find((d) => d.forms.some((f) => sameFullName(f, p)));
    // "Higuchi Ichiyō" and "Ichiyō Higuchi": family name first or last, one person.
    if (!person && p.length === 2) {
      const swapped = `${p[1]} ${p[0]}`;
      person = this.sharing(p[0]!).find((d) => d.forms.some((f) => f.join(' ') === swapped));
    }
    // "Le Drian" after "Jean-Yves Le Drian": a multi-word surname, not a new person.
    const shorter = person
      ? undefined
      : this.candidatesFor(tokens, tokens[0]!.start).find((c) => c.kind === 'surname');
    if (shorter) {
      this.push(shorter.person, tokens, 'surname');
      return shorter.person;
    }
    // "Pierre Charles" after "Pierre Charles L'Enfant": the given names of a person named in
    // full (but "Johann Bernoulli" is not "Johann Bernoulli II").
    const given = person ? undefined : this.givenNamesOf(p);
    if (given) {
      this.push(given, tokens, 'given');
      return given;
    }
    if (!person) {
      person = { forms: [], name: written, mentions: [], roles: [] };
      this.people.push(person);
    }
    this.addForm(person, p);
    if (p.length > person.name.split(/\s+/).length) person.name = written;
    this.push(person, tokens, 'full');
    return person;
  }

  /**
   * The person named in full by these given names and one surname after them: "Pierre
   * Charles" after "Pierre Charles L'Enfant" (but "Johann Bernoulli" is not "Johann Bernoulli II",
   * and "Joe Arpaio" is no part of a headline run "Joe Arpaio Endorses Rick Perry").
   */
  private givenNamesOf(p: string[]): PersonDraft | undefined {
    if (!p.every((x) => GIVEN_NAMES.has(x))) return undefined;
    const key = p.join(' ');
    return this.sharing(p[0]!).find((d) =>
      d.forms.some(
        (f) =>
          f.length === p.length + 1 &&
          f.slice(0, p.length).join(' ') === key &&
          !NAME_SUFFIXES.has(f[p.length]!),
      ),
    );
  }

  /** People one part list (surname or given name) can refer to, most recently mentioned first. */
  candidatesFor(tokens: Token[], at: number): Array<{ person: PersonDraft; kind: MentionKind }> {
    const p = parts(tokens);
    const key = p.join(' ');
    const found: Array<{ person: PersonDraft; kind: MentionKind; last: number }> = [];
    for (const person of this.sharing(p[0]!)) {
      let kind: MentionKind | null = null;
      for (const f of person.forms) {
        if (f.join(' ') === key) kind = 'full';
        // The place in "Hilary of Poitiers" is no surname: "in Poitiers" is not her.
        else if (f.length > p.length && !f.includes('of') && f.slice(f.length - p.length).join(' ') === key)
          kind = kind === 'full' ? kind : 'surname';
        else if (f.length > p.length && f.slice(0, p.length).join(' ') === key) kind ??= 'given';
      }
      if (kind) found.push({ person, kind, last: latestBefore(this.starts.get(person) ?? [], at) });
    }
    return found.sort((a, b) => b.last - a.last);
  }

  /** Links a short form to the person it most plausibly names; false if nobody matches. */
  link(tokens: Token[], kindOverride?: MentionKind): boolean {
    const [best] = this.candidatesFor(tokens, tokens[0]!.start);
    if (!best) return false;
    this.push(best.person, tokens, kindOverride ?? best.kind);
    return true;
  }

  /** A person known only by one name ("President Obama" with no full name in the text). */
  addSingle(tokens: Token[], kind: MentionKind): PersonDraft {
    const person: PersonDraft = {
      forms: [],
      name: this.text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end),
      mentions: [],
      roles: [],
    };
    this.people.push(person);
    this.addForm(person, parts(tokens));
    this.push(person, tokens, kind);
    return person;
  }

  /** A person named surname-first in a reference list ("Austen, Jane."): the surname is the mention. */
  addInverted(start: number, end: number, surname: string, given: string): PersonDraft {
    const p = `${given} ${surname}`.split(/\s+/).map((w) => normPart(w.replace(/\.$/, '')));
    let person = this.sharing(p[p.length - 1]!).find((d) => d.forms.some((f) => sameFullName(f, p)));
    if (!person) {
      person = { forms: [], name: `${given} ${surname}`, mentions: [], roles: [] };
      this.people.push(person);
      this.addForm(person, p);
    }
    if (!this.byStart.has(start)) {
      person.mentions.push({ start, end, text: this.text.slice(start, end), kind: 'surname' });
      this.index(person, start);
    }
    return person;
  }

  /** Adds a mention found by other means (descriptions, pronouns) unless it overlaps one. */
  addMention(person: PersonDraft, m: PersonMention): void {
    if (this.byStart.has(m.start)) return;
    if (person.mentions.some((x) => x.start < m.end && m.start < x.end)) return;
    person.mentions.push(m);
    this.index(person, m.start);
  }

  /** The person that owns a mention starting at this offset. */
  ownerAt(start: number): PersonDraft | undefined {
    return this.byStart.get(start);
  }
}
