/**
 * Public shape of people extraction (issue: people named in the article). The analyzer's JSON
 * embeds it, so change it only by adding optional fields.
 *
 * Offsets are UTF-16 code-unit offsets into the `text` given to `extractPeople`, so
 * `text.slice(start, end) === text` for every mention, quote and cited source.
 */

/** How a person is referred to at one place in the text. */
export type MentionKind =
  | 'full' // "Shinzo Abe" (two or more name parts)
  | 'surname' // "Abe", "Le Drian"
  | 'given' // "Daniel" for Daniel Bernoulli
  | 'honorific' // name part right after a title or honorific: "Mr. Abe", "President Trump"
  | 'possessive' // "Abe's", "Mattis'" — the span covers the name only, without "'s"
  | 'descriptive' // "the US secretary of defense" resolved to the one person holding that role
  | 'pronoun'; // "he said" — only added when it is the speaker of a quote

export interface PersonMention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
}

export interface PersonQuote {
  /** The quoted words, without the quotation marks. */
  text: string;
  start: number;
  end: number;
  /** The attribution cue: "said", "told", "according to", "quoted … as saying", "says". */
  cue: string;
}

export interface Prominence {
  mentions: number;
  inTitle: boolean;
  /** Named in the first two body paragraphs. */
  inLead: boolean;
  /** mentions + 2·quotes + 3·inTitle + 2·inLead; the list is sorted on it. */
  score: number;
}

export interface PersonInText {
  /** Canonical name: the longest name form used in the text ("Shinzo Abe"). */
  name: string;
  /** First role the text states for the person ("Japanese Prime Minister"). */
  roleInText?: string;
  mentions: PersonMention[];
  quotes: PersonQuote[];
  prominence: Prominence;
}

export type SourceCitedKind = 'quoted' | 'photo' | 'reported' | 'according-to' | 'told';

export interface SourceCited {
  /** Canonical outlet name ("Kyodo News", "AFP") or the name as written for unknown agencies. */
  name: string;
  kind: SourceCitedKind;
  /** First citation of this name with this kind. */
  start: number;
  end: number;
  /** The sentence fragment that carries the citation. */
  evidence: string;
  /** How often the text cites this name with this kind. */
  count: number;
}

export interface PeopleResult {
  people: PersonInText[];
  sourcesCited: SourceCited[];
}

export interface PeopleInput {
  text: string;
  title?: string;
  /** BCP 47 language of the text; rules are English-only, other languages return no people. */
  lang?: string;
}
