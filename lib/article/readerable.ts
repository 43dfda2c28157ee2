/**
 * `isProbablyReaderable` from @mozilla/readability 0.6.0 (Readability-readerable.js, Apache-2.0,
 * Copyright (c) 2010 Arc90 Inc), ported so the content script does not bundle the package index
 * (which pulls in the full `Readability` parser) and so the caller's visibility check runs last.
 *
 * Same answer as the original for the same options: each node's checks are independent and side
 * effect free, so their order does not change the result; running the cheap attribute, class and
 * text checks first means a layout-based `isVisible` is only asked about nodes that would count
 * (a page with no long paragraph never forces a layout at all).
 */

/** Keep in sync with Readability-readerable.js (it duplicates these from Readability.js). */
const UNLIKELY_CANDIDATES =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const OK_MAYBE_CANDIDATE = /and|article|body|column|content|main|shadow/i;

export interface ReaderableOptions {
  /** Minimum text length of a counted node (default 140). */
  minContentLength?: number;
  /** Score above which the page is readerable (default 20). */
  minScore?: number;
  /** Replaces the default attribute-based visibility check (e.g. a layout check in a tab). */
  isVisible?: (el: Element) => boolean;
}

/** Readability's default: no inline `display:none`, no `hidden`, no `aria-hidden="true"`. */
export function isNodeVisible(node: Element): boolean {
  const style = (node as HTMLElement).style as CSSStyleDeclaration | undefined;
  const className = (node as { className?: unknown }).className;
  return (
    (!style || style.display != 'none') &&
    !node.hasAttribute('hidden') &&
    (!node.hasAttribute('aria-hidden') ||
      node.getAttribute('aria-hidden') != 'true' ||
      (typeof className === 'string' && className.includes('fallback-image')))
  );
}

/** Same nodes, same order as the original: `p, pre, article`, then parents of `div > br`. */
function candidateNodes(doc: Document): Element[] {
  const nodes = Array.from(doc.querySelectorAll('p, pre, article'));
  const brNodes = doc.querySelectorAll('div > br');
  if (brNodes.length === 0) return nodes;
  const set = new Set<Element>(nodes);
  for (const br of Array.from(brNodes)) {
    if (br.parentNode) set.add(br.parentNode as Element);
  }
  return Array.from(set);
}

/**
 * True when Readability will probably find an article. With `isVisible`, that check replaces the
 * default one (as `visibilityChecker` does in the original) and runs only on nodes that pass the
 * cheaper checks.
 */
export function isProbablyReaderable(doc: Document, opts: ReaderableOptions = {}): boolean {
  const minContentLength = opts.minContentLength ?? 140;
  const minScore = opts.minScore ?? 20;
  const visible = opts.isVisible ?? isNodeVisible;
  let score = 0;
  for (const node of candidateNodes(doc)) {
    const matchString = `${String((node as { className?: unknown }).className)} ${node.id}`;
    if (UNLIKELY_CANDIDATES.test(matchString) && !OK_MAYBE_CANDIDATE.test(matchString)) continue;
    if (node.matches('li p')) continue;
    const textContentLength = (node.textContent ?? '').trim().length;
    if (textContentLength < minContentLength) continue;
    if (!visible(node)) continue;
    score += Math.sqrt(textContentLength - minContentLength);
    if (score > minScore) return true;
  }
  return false;
}
