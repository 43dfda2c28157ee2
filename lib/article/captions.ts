/**
 * Photo captions of an article, read from its sanitised content HTML. The clean text leaves
 * captions out (lib/article/article-text.ts), but they name people in full with their roles and
 * credit photo agencies ("(Photo by AFP)"), so people extraction reads them after the text.
 * A string scan, not a parser: the service worker has no DOM, and the input is DOMPurify's
 * serialisation (text `<` is always escaped, tags are well formed).
 */

const MAX_CAPTIONS = 50;
const MAX_CAPTION_CHARS = 1_000;
/** Content larger than this is not scanned for captions. */
const MAX_HTML_CHARS = 5_000_000;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8}|#39);/gi, (m, e: string) => {
    const lower = e.toLowerCase();
    if (NAMED[lower] !== undefined) return NAMED[lower];
    const code = lower.startsWith('#x')
      ? parseInt(lower.slice(2), 16)
      : lower.startsWith('#')
        ? parseInt(lower.slice(1), 10)
        : NaN;
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** The text of each `<figcaption>` in `html`, whitespace collapsed, in document order. */
export function captionsOf(html: string | undefined): string[] {
  if (!html || html.length > MAX_HTML_CHARS || !/<figcaption/i.test(html)) return [];
  const out: string[] = [];
  const re = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/gi;
  for (let m = re.exec(html); m && out.length < MAX_CAPTIONS; m = re.exec(html)) {
    const text = decode(m[1]!.replace(/<[^>]*>/g, ' '))
      .replace(/\s+/g, ' ')
      .trim();
    if (text) out.push(text.slice(0, MAX_CAPTION_CHARS));
  }
  return out;
}
