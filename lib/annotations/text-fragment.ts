/**
 * Text-fragment links (`#:~:text=[prefix-,]start[,end][,-suffix]`, WICG Scroll-to-Text-Fragment;
 * Chrome 81, Edge 83, Firefox 131, Safari 18.4) for sharing a highlighted passage. Each term is
 * percent-encoded, including the directive's syntax characters `-`, `&` and `,`.
 */
import { normalizeSpace } from './normalize';
import type { TextQuoteSelector } from './selectors';

/** Quotes longer than this (or spanning paragraphs) are linked as start,end word ranges. */
const MAX_SINGLE_TERM = 80;
const RANGE_WORDS = 4;
const CONTEXT_WORDS = 3;

/** Percent-encode one directive term. */
export function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

function words(text: string): string[] {
  return text.split(/\s/).filter(Boolean);
}

/**
 * `url` (its own fragment dropped) + a text directive for the quote. Prefix and suffix use only
 * whole words of the stored context (it is cut mid-word at 32 characters).
 */
export function textFragmentLink(
  url: string,
  quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>,
): string {
  const base = url.split('#')[0]!;
  const exact = normalizeSpace(quote.exact)
    .trim()
    .replace(/\u2029/g, ' ');
  if (!exact) return base;
  const parts: string[] = [];
  const pre = words(normalizeSpace(quote.prefix ?? ''));
  if (pre.length > 1 || /\s$/.test(quote.prefix ?? '')) {
    const whole = /^\s/.test(quote.prefix ?? '') ? pre : pre.slice(1);
    const tail = whole.slice(-CONTEXT_WORDS).join(' ');
    if (tail) parts.push(`${encodeTerm(tail)}-`);
  }
  const spansBlocks = /\n/.test(quote.exact.trim());
  const w = words(exact);
  if ((exact.length > MAX_SINGLE_TERM || spansBlocks) && w.length > 2 * RANGE_WORDS) {
    const firstBlock = words(normalizeSpace(quote.exact.trim().split(/\n/)[0]!));
    const lastBlock = words(normalizeSpace(quote.exact.trim().split(/\n/).pop()!));
    parts.push(encodeTerm(firstBlock.slice(0, RANGE_WORDS).join(' ')));
    parts.push(encodeTerm(lastBlock.slice(-RANGE_WORDS).join(' ')));
  } else {
    parts.push(encodeTerm(exact));
  }
  const suf = words(normalizeSpace(quote.suffix ?? ''));
  if (suf.length > 1 || /^\s/.test(quote.suffix ?? '')) {
    const whole = /\s$/.test(quote.suffix ?? '') ? suf : suf.slice(0, -1);
    const head = whole.slice(0, CONTEXT_WORDS).join(' ');
    if (head) parts.push(`-${encodeTerm(head)}`);
  }
  return `${base}#:~:text=${parts.join(',')}`;
}
