/**
 * The project's only raw-HTML sink (SECURITY S6/S7). Readability output and any other page HTML
 * is untrusted: it is sanitised here with DOMPurify and assigned to the DOM here, nowhere else.
 */
import DOMPurify, { type Config, type WindowLike } from 'dompurify';

/** Elements never allowed, even where DOMPurify's defaults would keep them. */
const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'object',
  'embed',
  'link',
  'meta',
  'base',
  'noscript',
  'template',
  'portal',
  'use',
  'foreignobject',
  'animate',
  'set',
  'math',
];

/** Attributes never allowed (event handlers are removed by the hook below, all of them). */
const FORBID_ATTR = ['style', 'srcdoc', 'action', 'formaction', 'ping', 'background', 'xlink:href', 'poster'];

/** Attributes that carry URLs: each must be absolute http(s) or it is dropped. */
const URL_ATTRS = ['href', 'src', 'cite', 'longdesc', 'data'];

const HTTP_URL = /^\s*https?:\/\//i;

const CONFIG: Config = {
  FORBID_TAGS,
  FORBID_ATTR,
  // Only http(s): relative links must be resolved by the caller (Readability already does).
  ALLOWED_URI_REGEXP: /^https?:/i,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Prefix `id`/`name` so sanitised content cannot clobber globals of the page showing it.
  SANITIZE_NAMED_PROPS: true,
  USE_PROFILES: { html: true, svg: true },
};

/** `srcset` is a list of URLs; keep it only when every candidate is http(s). */
function safeSrcset(value: string): boolean {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .every((part) => HTTP_URL.test(part));
}

function enforceUrls(el: Element): void {
  for (const attr of URL_ATTRS) {
    const value = el.getAttribute(attr);
    if (value !== null && !HTTP_URL.test(value)) el.removeAttribute(attr);
  }
  const srcset = el.getAttribute('srcset');
  if (srcset !== null && !safeSrcset(srcset)) el.removeAttribute('srcset');
  if (el.localName === 'a' && el.hasAttribute('href')) {
    el.setAttribute('rel', 'noopener noreferrer');
    el.setAttribute('target', '_blank');
  }
}

/**
 * A sanitiser bound to one window (an extension page, the offscreen document, or a jsdom window
 * in Node). The returned function turns untrusted HTML into safe HTML: no scripts, frames, forms,
 * styles or event handlers; links and images only over http(s); links open in a new tab without
 * an opener or referrer.
 */
export function createSanitizer(win: Window): (html: string) => string {
  const purify = configuredPurify(win);
  return (html: string) => (typeof html === 'string' ? purify.sanitize(html, CONFIG) : '');
}

function configuredPurify(win: Window) {
  const purify = DOMPurify(win as unknown as WindowLike);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (/^on/i.test(data.attrName)) data.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType === 1) enforceUrls(node as Element);
  });
  return purify;
}

/**
 * Like `createSanitizer`, but renders: untrusted HTML becomes sanitised DOM nodes (DOMPurify's
 * fragment output) that replace `el`'s children — no `innerHTML` assignment at all (the reader view).
 */
export function createSafeRenderer(win: Window): (el: Element, html: string) => void {
  const purify = configuredPurify(win);
  return (el, html) => {
    if (typeof html !== 'string' || html === '') return el.replaceChildren();
    el.replaceChildren(purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true }));
  };
}

/** Render untrusted HTML into `el`, through `sanitize` (the one allowed `innerHTML` assignment). */
export function renderSanitized(el: Element, html: string, sanitize: (html: string) => string): void {
  el.innerHTML = sanitize(html);
}
