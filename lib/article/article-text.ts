/**
 * Clean article text from Readability's content DOM: one paragraph per block element, separated by
 * a blank line, whitespace collapsed. Readability's own `textContent` glues paragraphs together
 * ("…Trump.Shinzo Abe's call…"), which breaks quote search and people extraction downstream.
 */
import { collapseWhitespace } from './strings';

/** Elements that start a new paragraph. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'br',
]);

/**
 * Subtrees left out of the text: code and media, and figure captions (they repeat names and places
 * next to a photo rather than telling the story, and they come before the lead paragraph).
 */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'figure',
  'figcaption',
  'svg',
  'math',
  'button',
  'select',
  'textarea',
  'iframe',
  'object',
  'video',
  'audio',
  'canvas',
]);

const EXIT = Symbol('exit');

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
/** A short leading line that is only a dateline, timestamp or byline ("Fri Feb 3, 2017 11:13AM"). */
const STAMP = new RegExp(
  String.raw`^(?:by\s|updated\b|published\b|posted\b)|\d{1,2}:\d{2}|\b\d{4}-\d{2}-\d{2}\b|${MONTH}\s+\d{1,2}\b|\b\d{1,2}\s+${MONTH}`,
  'i',
);
const MAX_STAMP_CHARS = 80;

/** Drop up to three leading stamp lines so the text starts with the story's first paragraph. */
function dropLeadingStamps(paragraphs: string[]): string[] {
  let start = 0;
  while (start < 3 && start < paragraphs.length - 1) {
    const p = paragraphs[start]!;
    if (p.length >= MAX_STAMP_CHARS || !STAMP.test(p)) break;
    start++;
  }
  return paragraphs.slice(start);
}
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * The text of `root` as paragraphs joined by "\n\n", without leading dateline/byline stamps
 * (they stay in the sanitised content). Iterative (no recursion), so a document
 * nested 10,000 levels deep cannot overflow the stack.
 */
export function articleText(root: Element): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = collapseWhitespace(current);
    if (text) paragraphs.push(text);
    current = '';
  };
  const stack: (Node | typeof EXIT)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === EXIT) {
      flush();
    } else if (node.nodeType === TEXT_NODE) {
      current += node.nodeValue ?? '';
    } else if (node.nodeType === ELEMENT_NODE && !SKIPPED.has((node as Element).localName)) {
      if (BLOCKS.has((node as Element).localName)) {
        flush();
        stack.push(EXIT);
      }
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
  flush();
  return dropLeadingStamps(paragraphs).join('\n\n');
}
