/**
 * Feed HTML (descriptions, Atom `type="html"`, JSON Feed `content_html`) → plain text. Linear:
 * indexOf-based, no backtracking regular expressions. The result is text for `textContent` only.
 */
import { decodeEntities } from './xml';

/** A fixed table of the HTML entities feeds use most (never anything a document declares). */
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  euro: '€',
  pound: '£',
};

const BLOCK = /^(p|div|br|li|ul|ol|h[1-6]|tr|td|th|blockquote|section|article|figure|figcaption|hr|table)$/i;
const SKIP = /^(script|style|noscript|template|iframe|object|svg|math|head)$/i;

export function decodeHtmlEntities(s: string): string {
  return decodeEntities(s, HTML_ENTITIES);
}

// Runs of 2+ whitespace, or any single whitespace that is not a plain space (\s includes NBSP).
// Leaving lone spaces alone makes this several times faster than /\s+/ on ordinary prose.
const SPACE_RUNS = /\s{2,}|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/** Collapse whitespace runs (incl. NBSP) to single spaces and trim. */
export function squash(s: string): string {
  return s.replace(SPACE_RUNS, ' ').trim();
}

/** Strip tags and decode entities; drops script/style/… contents; blocks become spaces. */
export function htmlToText(html: string, max = 100_000): string {
  if (html.indexOf('<') < 0) return squash(decodeHtmlEntities(html)).slice(0, max);
  let out = '';
  let i = 0;
  const n = html.length;
  while (i < n && out.length < max * 2) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      out += html.slice(lt); // a lone "<" in text
      break;
    }
    const m = /^<\/?\s*([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 40)));
    if (!m) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const tag = m[1]!;
    i = gt + 1;
    if (SKIP.test(tag) && html[lt + 1] !== '/') {
      // Skip to the matching close tag (or the end).
      const re = new RegExp(`</${tag}\\b`, 'gi'); // tag matched [A-Za-z0-9-]: no metacharacters
      re.lastIndex = i;
      const found = re.exec(html);
      if (!found) break;
      const close = found.index;
      const closeEnd = html.indexOf('>', close);
      i = closeEnd < 0 ? n : closeEnd + 1;
      continue;
    }
    if (BLOCK.test(tag)) out += ' ';
  }
  return squash(decodeHtmlEntities(out)).slice(0, max);
}
