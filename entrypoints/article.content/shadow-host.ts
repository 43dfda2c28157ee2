/**
 * Masthead's one element on a page: a host on <html> (never inside the page's body, so the page's
 * text and the article's MutationObserver are untouched) with an open shadow root for the person
 * card and, where the Custom Highlight API is missing, the overlay boxes. Created on first use.
 */
export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  remove(): void;
}

export function createShadowHost(doc: Document, css: string): ShadowHost {
  const host = doc.createElement('masthead-people');
  host.setAttribute('data-masthead', 'people');
  // Out of the page's layout and reach of its styles (the shadow root styles the inside).
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('position', 'absolute', 'important');
  host.style.setProperty('top', '0', 'important');
  host.style.setProperty('left', '0', 'important');
  host.style.setProperty('width', '0', 'important');
  host.style.setProperty('height', '0', 'important');
  host.style.setProperty('z-index', '2147483647', 'important');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  doc.documentElement.append(host);
  return { host, root, remove: () => host.remove() };
}

/** A DOM element with attributes and text, built with DOM APIs only (never HTML strings). */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
