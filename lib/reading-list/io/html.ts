/**
 * A tiny HTML tokenizer for bookmark files and Pocket's export: no DOMParser (this runs in a service
 * worker and in Node). It yields start tags with their attributes, end tags and entity-decoded
 * text; comments, doctypes and the bodies of script/style are skipped. It is not a general HTML
 * parser and never builds a tree; callers walk the token stream.
 */

/** Latin-1 entity names for U+00A0…U+00FF, in code-point order. */
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring ' +
  'AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml ' +
  'times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil ' +
  'egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ' +
  'ugrave uacute ucirc uuml yacute thorn yuml';

const NAMED: Record<string, string> = Object.create(null) as Record<string, string>;
LATIN1_NAMES.split(' ').forEach((name, i) => (NAMED[name] = String.fromCharCode(0xa0 + i)));
Object.assign(NAMED, {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  hellip: '\u2026',
  bull: '\u2022',
  euro: '\u20ac',
  trade: '\u2122',
  dagger: '\u2020',
  Dagger: '\u2021',
  permil: '\u2030',
  lsaquo: '\u2039',
  rsaquo: '\u203a',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  OElig: '\u0152',
  oelig: '\u0153',
  Scaron: '\u0160',
  scaron: '\u0161',
  Yuml: '\u0178',
  fnof: '\u0192',
  circ: '\u02c6',
  tilde: '\u02dc',
  prime: '\u2032',
  Prime: '\u2033',
  larr: '\u2190',
  rarr: '\u2192',
  uarr: '\u2191',
  darr: '\u2193',
  harr: '\u2194',
  minus: '\u2212',
  infin: '\u221e',
  ne: '\u2260',
  le: '\u2264',
  ge: '\u2265',
});

/** Entities commonly written without the closing `;`. */
const BARE_OK = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp']);

function codePointText(cp: number): string {
  if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(cp);
}

/**
 * Decode character references. In attribute values (`inAttribute`), a bare `&name` followed by `=`
 * or an alphanumeric is left alone, as HTML does, so query strings like `&copy=1` survive.
 */
export function decodeEntities(text: string, inAttribute = false): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31})(;?)/g,
    (all, ref: string, semi: string, offset: number) => {
      if (ref[0] === '#') {
        const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return codePointText(cp);
      }
      const value = NAMED[ref];
      if (value === undefined) return all;
      if (semi) return value;
      if (!BARE_OK.has(ref)) return all;
      const next = text[offset + all.length] ?? '';
      return inAttribute && /[=A-Za-z0-9]/.test(next) ? all : value;
    },
  );
}

/** Escape text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

export type HtmlToken =
  | { type: 'open'; name: string; attrs: Record<string, string> }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const MAX_ATTRIBUTES = 64;
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const ATTRIBUTE = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;

/** Yield the tokens of `html`. Tag and attribute names are lower-cased. Never throws on content. */
export function* tokenizeHtml(html: string): Generator<HtmlToken> {
  const len = html.length;
  let pos = 0;
  while (pos < len) {
    const lt = html.indexOf('<', pos);
    const textEnd = lt < 0 ? len : lt;
    if (textEnd > pos) yield { type: 'text', text: decodeEntities(html.slice(pos, textEnd)) };
    if (lt < 0) return;
    pos = lt;
    if (html.startsWith('<!--', pos)) {
      const end = html.indexOf('-->', pos + 4);
      pos = end < 0 ? len : end + 3;
      continue;
    }
    const next = html.charCodeAt(pos + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const end = html.indexOf('>', pos);
      pos = end < 0 ? len : end + 1;
      continue;
    }
    const closing = next === 47; /* / */
    const nameMatch = /^[A-Za-z][A-Za-z0-9:-]*/.exec(html.slice(pos + (closing ? 2 : 1), pos + 64));
    if (!nameMatch) {
      yield { type: 'text', text: '<' };
      pos++;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    pos += (closing ? 2 : 1) + nameMatch[0].length;
    const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
    let count = 0;
    for (;;) {
      ATTRIBUTE.lastIndex = pos;
      const m = ATTRIBUTE.exec(html);
      if (!m) break;
      pos = ATTRIBUTE.lastIndex;
      const attrName = (m[1] ?? '').toLowerCase();
      if (!closing && count < MAX_ATTRIBUTES && !(attrName in attrs)) {
        attrs[attrName] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '', true);
        count++;
      }
    }
    const gt = html.indexOf('>', pos);
    pos = gt < 0 ? len : gt + 1;
    if (closing) {
      yield { type: 'close', name };
      continue;
    }
    yield { type: 'open', name, attrs };
    if (RAW_TEXT.has(name)) {
      const endTag = new RegExp('</' + name, 'gi');
      endTag.lastIndex = pos;
      const stop = endTag.exec(html)?.index ?? len;
      if (name === 'title' || name === 'textarea')
        yield { type: 'text', text: decodeEntities(html.slice(pos, stop)) };
      pos = stop;
    }
  }
}

/** Collapse runs of whitespace (incl. NBSP) to single spaces and trim. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'tr',
  'section',
  'article',
  'figure',
  'figcaption',
  'hr',
]);

/** Plain text of an HTML fragment (for search over imported content): block ends become newlines. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let skip = 0;
  for (const token of tokenizeHtml(html)) {
    if (token.type === 'open') {
      if (token.name === 'script' || token.name === 'style' || token.name === 'title') skip++;
      else if (BLOCK.has(token.name)) parts.push('\n');
    } else if (token.type === 'close') {
      if (token.name === 'script' || token.name === 'style' || token.name === 'title')
        skip = Math.max(0, skip - 1);
      else if (BLOCK.has(token.name)) parts.push('\n');
    } else if (skip === 0) {
      parts.push(token.text);
    }
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
