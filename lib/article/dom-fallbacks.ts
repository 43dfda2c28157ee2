/**
 * Metadata that lives in the page's markup rather than in meta tags: `<link>` relations,
 * `<html lang>`, visible `<time>` elements, and dates written into the URL path.
 */
import { absoluteHttpUrl, cleanString } from './strings';

/** The href of the first `<link rel~=…>` that resolves to an absolute http(s) URL. */
export function linkHref(doc: Document, rel: string, base: string): string | undefined {
  const links = doc.getElementsByTagName('link');
  for (let i = 0; i < links.length && i < 500; i++) {
    const el = links[i];
    const rels = (el?.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!el || !rels.includes(rel)) continue;
    const href = absoluteHttpUrl(el.getAttribute('href'), base);
    if (href) return href;
  }
  return undefined;
}

/** The document language from `<html lang>` (or `xml:lang`). */
export function htmlLang(doc: Document): string | undefined {
  const root = doc.documentElement;
  const lang = cleanString(root?.getAttribute('lang') ?? root?.getAttribute('xml:lang'), 35);
  return lang && /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(lang) ? lang : undefined;
}

/** A published date marked up in the body, most explicit markup first. */
export function domPublishedTime(doc: Document): string | undefined {
  const el = doc.body?.querySelector(
    '[itemprop~="datePublished"][datetime], [itemprop~="datePublished"][content], ' +
      'time[pubdate][datetime], article time[datetime], time[datetime]',
  );
  return cleanString(el?.getAttribute('datetime') ?? el?.getAttribute('content'), 64);
}

/** A date written in the URL path: `/2017/02/03/` or `/2017-02-03/` → "2017-02-03". */
export function urlDate(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)/.exec(path);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  return `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}
