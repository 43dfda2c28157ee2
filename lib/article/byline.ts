/**
 * Bylines as readers should see them: "Jane Doe and John Roe", not "By JANE DOE | Updated 3 Feb
 * 2017" or "Follow Author". Used for metadata values, DOM fallbacks and Readability's byline.
 */
import { cleanString, collapseWhitespace, looksLikeUrl } from './strings';

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
/** Where a date or a timestamp starts inside a byline; everything after it is dropped. */
const DATE_START = new RegExp(
  [
    String.raw`\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}\s+\d{2,4}`,
    String.raw`\b${MONTH}\s+\d{1,2},?\s+\d{4}`,
    String.raw`\b\d{4}-\d{2}-\d{2}`,
    String.raw`\b\d{1,2}[./]\d{1,2}[./]\d{2,4}`,
    String.raw`\b(?:last\s+)?(?:updated|published|posted|modified)\b`,
    String.raw`\b\d{1,2}:\d{2}\b`,
  ].join('|'),
  'i',
);
/** Words that are page furniture, not names. */
const JUNK =
  /\b(?:follow(?:\s+author)?|view all posts|more from|share this|email the author|staff writer|contributor)\b.*$/i;
const PREFIX = /^(?:(?:written|posted|reported|words|story|text|photos?)\s+)?by\b[:\s]*/i;

/** Clean one byline string; undefined when nothing name-like is left. */
export function cleanByline(raw: unknown): string | undefined {
  const text = cleanString(raw, 400);
  if (text === undefined || looksLikeUrl(text)) return undefined;
  let out = text.replace(PREFIX, '');
  const date = out.search(DATE_START);
  if (date >= 0) out = out.slice(0, date);
  out = out.replace(JUNK, '');
  out = collapseWhitespace(out)
    .replace(/^[\s|,;:·•–—-]+|[\s|,;:·•–—-]+$/g, '')
    .trim();
  // A name has at least one word of two letters ("J J" is an avatar's initials, not a byline).
  if (out.length < 2 || out.length > 100 || !/\p{L}{2}|[\u3000-\u9fff]/u.test(out)) return undefined;
  return out;
}

/** Join author names for display: "A", "A and B", "A, B and C". */
export function joinAuthors(names: readonly string[]): string | undefined {
  if (names.length === 0) return undefined;
  if (names.length === 1) return names[0];
  return names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1];
}

/** Selectors for visible bylines, most specific first. */
const BYLINE_SELECTORS = [
  '[itemprop~="author"] [itemprop~="name"]',
  '[itemprop~="author"]',
  '[rel~="author"]',
  '.byline',
  '.by-line',
  '.article-byline',
  '.author-name',
];

/** Where the story's own byline sits; teasers and sidebars carry other people's bylines. */
const SCOPES = ['article', '[itemprop~="articleBody"]', 'main', '[role="main"]'];

function bylineIn(root: Element): string | undefined {
  for (const selector of BYLINE_SELECTORS) {
    const el = root.querySelector(selector);
    const value = el ? cleanByline(el.textContent?.slice(0, 1_000)) : undefined;
    if (value) return value;
  }
  return undefined;
}

/** A byline found in the page: inside the first article/main element, else anywhere in the body. */
export function findDomByline(doc: Document): string | undefined {
  const body = doc.body;
  if (!body) return undefined;
  for (const scope of SCOPES) {
    const root = body.querySelector(scope);
    const value = root ? bylineIn(root) : undefined;
    if (value) return value;
  }
  return bylineIn(body);
}
