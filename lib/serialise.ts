/**
 * Page serialisation for the off-page analysis, in pieces small enough not to block the page.
 *
 * `doc.documentElement.outerHTML` is one synchronous call: on a large page (10k+ elements) it is a
 * long task on its own (measured in Chromium: 15–100 ms for 0.3–1.2 MB of markup; the cost follows
 * the bytes). {@link serialiseInSteps} produces the same markup — the HTML fragment serialisation
 * algorithm — in pieces: small subtrees through one native `outerHTML` call each, bigger HTML
 * elements walked into child by child, raw-text elements (inline scripts and styles, often the
 * biggest bytes of a page) written from their text directly; it hands the main thread back
 * whenever a step has used its time budget. The page may change between steps; the result is then
 * a mix of before and after, which is fine for analysis (the page is a snapshot anyway).
 */

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** HTML elements without an end tag (and without children in the serialisation). */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** HTML elements whose text children are written as is, not escaped. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** Subtrees with at most this many elements (and no script or style) take one `outerHTML` call. */
export const MAX_SUBTREE_ELEMENTS = 100;

/**
 * Elements always left to `outerHTML`: `<noscript>` (raw or not depends on scripting), `<template>` (its
 * children live in a content fragment) and foreign (SVG, MathML) subtrees.
 */
const WHOLE_ELEMENTS = new Set(['noscript', 'template']);

/** `<!DOCTYPE …>` as the HTML serialiser writes it (public and system ids kept). */
export function doctypeOf(doc: Document): string {
  const dt = doc.doctype;
  if (!dt) return '';
  let out = `<!DOCTYPE ${dt.name}`;
  if (dt.publicId) out += ` PUBLIC "${dt.publicId}"`;
  if (dt.systemId) out += `${dt.publicId ? '' : ' SYSTEM'} "${dt.systemId}"`;
  return `${out}>`;
}

/** The whole page in one call: doctype (so the parser picks the same mode) + `<html>…</html>`. */
export function serialisePage(doc: Document): string {
  return doctypeOf(doc) + doc.documentElement.outerHTML;
}

/** HTML serialisation escapes (attributes also escape `<` and `>`, as browsers now do). */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '\u00a0': '&nbsp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};
const TEXT_SPECIAL = /[&\u00a0<>]/;
const ATTR_SPECIAL = /[&\u00a0<>"]/;
const escapeText = (s: string) =>
  TEXT_SPECIAL.test(s) ? s.replace(/[&\u00a0<>]/g, (c) => ESCAPES[c] as string) : s;
const escapeAttr = (s: string) =>
  ATTR_SPECIAL.test(s) ? s.replace(/[&\u00a0<>"]/g, (c) => ESCAPES[c] as string) : s;

function startTag(el: Element): string {
  let out = `<${el.localName}`;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i] as Attr;
    out += ` ${a.name}="${escapeAttr(a.value)}"`;
  }
  return `${out}>`;
}

/** The text of a raw-text element, or null when it has anything but text children. */
function rawText(el: Element): string | null {
  let out = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 3) return null;
    out += (c as Text).data;
  }
  return out;
}

export interface SerialiseSteps {
  /** `performance.now()` */
  now: () => number;
  /** Give the main thread back; resolves when the next step may run. */
  yieldToPage: () => Promise<void>;
  /** True once the caller wants to stop (checked after each yield). */
  cancelled: () => boolean;
  /** Time one step may use before yielding, ms (a single subtree can overrun it a little). */
  budgetMs: number;
  /** Stop early when the markup grows past this many UTF-16 units (the caller's size cap). */
  maxLength: number;
  /** Final size check on the whole markup (e.g. UTF-8 bytes), run in the last step. */
  fits?: (html: string) => boolean;
  /** Write subtrees up to this many elements with one `outerHTML` call (default {@link MAX_SUBTREE_ELEMENTS}). */
  maxSubtreeElements?: number;
  /** Called with each step's duration, ms. */
  onStep?: (ms: number) => void;
}

/** Why {@link serialiseInSteps} stopped without markup. */
export type SerialiseStop = 'cancelled' | 'too-large';

/** A node still to write, or an end tag (a string). */
type Item = Node | string;

/**
 * Serialise the page like {@link serialisePage}, in steps of about `budgetMs` with `yieldToPage()`
 * between them. Resolves with the markup, or with why it stopped.
 */
export async function serialiseInSteps(
  doc: Document,
  opts: SerialiseSteps,
): Promise<{ html: string } | { stop: SerialiseStop }> {
  const maxSubtree = opts.maxSubtreeElements ?? MAX_SUBTREE_ELEMENTS;
  const parts: string[] = [doctypeOf(doc)];
  let length = parts[0]?.length ?? 0;
  const stack: Item[] = [doc.documentElement];

  const emit = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  let html: string | null = null;
  /** One time-boxed step; false when the markup is over the size cap. */
  const step = (): boolean => {
    const t0 = opts.now();
    let count = 0;
    try {
      while (stack.length > 0) {
        const item = stack.pop() as Item;
        if (typeof item === 'string') emit(item);
        else if (item.nodeType === 1) {
          const el = item as Element;
          const name = el.localName;
          const html = el.namespaceURI === HTML_NS;
          const raw = html && RAW_TEXT_ELEMENTS.has(name) ? rawText(el) : null;
          if (raw !== null) {
            emit(`${startTag(el)}${raw}</${name}>`);
          } else if (html && VOID_ELEMENTS.has(name)) {
            emit(startTag(el));
          } else if (
            !html ||
            WHOLE_ELEMENTS.has(name) ||
            RAW_TEXT_ELEMENTS.has(name) ||
            (el.getElementsByTagName('*').length <= maxSubtree && el.querySelector('script, style') === null)
          ) {
            // One native call for a small subtree without inline scripts or styles (those can be
            // hundreds of KB, written far faster from their text), or for one we do not write out.
            emit(el.outerHTML);
          } else {
            emit(startTag(el));
            stack.push(`</${name}>`);
            for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
          }
        } else if (item.nodeType === 3) emit(escapeText((item as Text).data));
        else if (item.nodeType === 8) emit(`<!--${(item as Comment).data}-->`);
        if (length > opts.maxLength) return false;
        // Reading the clock costs too: look every few nodes.
        if ((++count & 15) === 0 && opts.now() - t0 >= opts.budgetMs) return true;
      }
      // The walk is done. Joining a large page's parts costs a few ms of its own (more under
      // memory pressure): when this step already used half its budget, join in a fresh step.
      if (count > 0 && opts.now() - t0 >= opts.budgetMs / 2) return true;
      html = parts.join('');
      return opts.fits ? opts.fits(html) : true;
    } finally {
      opts.onStep?.(opts.now() - t0);
    }
  };

  for (;;) {
    if (!step()) return { stop: 'too-large' };
    if (html !== null) return { html };
    await opts.yieldToPage();
    if (opts.cancelled()) return { stop: 'cancelled' };
  }
}
