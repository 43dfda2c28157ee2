/**
 * Titles from `<title>` and `<h1>`: the document title usually carries the site name
 * ("PressTV-Japan hopes…", "Japan hopes… | Reuters"); these helpers take it off.
 */
import { collapseWhitespace } from './strings';

/** Separators sites put between the headline and their name. */
const SEP = String.raw`\s*[|\-–—:»·/\\]\s*`;
const SPACED_SEP = /\s[|\-–—»/\\]\s/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Remove a known site name used as prefix or suffix ("PressTV-Japan hopes…" → "Japan hopes…").
 * Returns the title unchanged when no name matches or when stripping would leave too little.
 */
export function stripSiteName(title: string, siteNames: readonly string[]): string {
  for (const name of siteNames) {
    if (name.length < 2 || name.length >= title.length) continue;
    const n = escapeRegExp(name);
    const prefix = new RegExp(`^${n}${SEP}`, 'i');
    const suffix = new RegExp(`${SEP}${n}$`, 'i');
    const stripped = title.replace(prefix, '').replace(suffix, '').trim();
    if (stripped !== title && wordCount(stripped) >= 2) return stripped;
  }
  return title;
}

/**
 * Without a known site name: drop the shortest side of a spaced separator ("Headline | Site"),
 * the way Readability does, keeping the original when the remainder is too short to be a headline.
 */
export function stripTitleAffixes(title: string): string {
  if (!SPACED_SEP.test(title)) return title;
  let stripped = title.replace(/(.*)\s[|\-–—»/\\]\s.*/, '$1').trim();
  if (wordCount(stripped) < 3) stripped = title.replace(/^[^|\-–—»/\\]*\s[|\-–—»/\\]\s/, '').trim();
  // A short remainder is more likely a site or section label than the headline.
  return wordCount(stripped) > 4 ? stripped : title;
}

function normalise(text: string): string {
  return collapseWhitespace(text)
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"');
}

/**
 * The first `<h1>` (of at most `max`) whose text is at least half of the document title and
 * contained in it, a sign that it is the headline rather than a logo or a section label.
 */
export function matchingHeading(doc: Document, docTitle: string, max = 5): string | undefined {
  const title = normalise(docTitle);
  if (title === '') return undefined;
  const headings = doc.getElementsByTagName('h1');
  for (let i = 0; i < headings.length && i < max; i++) {
    const text = collapseWhitespace(headings[i]?.textContent?.slice(0, 2_000) ?? '');
    const part = normalise(text);
    // The heading must be most of the title, or it is the site's name rather than the headline.
    if (wordCount(text) >= 2 && part.length * 2 >= title.length && title.includes(part)) return text;
  }
  return undefined;
}
