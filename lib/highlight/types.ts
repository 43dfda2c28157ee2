/**
 * What the content script needs to highlight the people of an article on the page: names, every
 * surface form the text uses for them, their roles and a few quotes. Built by the background from
 * the page report (it never carries offsets: the page's text nodes are matched by form).
 */
export interface HighlightPerson {
  name: string;
  /** Role lines for the card: the role the article states, the office on the article's date. */
  roles: string[];
  /** Surface forms as written in the article ("Shinzo Abe", "Abe", "the premier"), longest first. */
  forms: string[];
  /** Quotes from this article, clipped. */
  quotes: string[];
  /** How often the article names the person. */
  mentions: number;
  /** Wikidata QID from Masthead's people data (for the optional Wikipedia summary). */
  qid?: string;
}

/** Caps: the list crosses a message boundary and is matched against every text node. */
export const HIGHLIGHT_LIMITS = {
  people: 40,
  formsPerPerson: 24,
  formLength: 80,
  roles: 3,
  roleLength: 200,
  quotesPerPerson: 5,
  quoteLength: 400,
  nameLength: 120,
} as const;
