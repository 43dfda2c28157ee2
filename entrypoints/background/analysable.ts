/**
 * Which tabs Masthead can inject into on a toolbar click, with a readable reason when it cannot.
 * Browsers forbid scripts on their own pages, extension stores and PDF viewers; file:// needs a
 * per-extension switch.
 */

const STORE_PAGES: readonly RegExp[] = [
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^https:\/\/addons\.mozilla\.org\//i,
  /^https:\/\/addons\.opera\.com\//i,
];

/** Null when the URL can be analysed, else a sentence for the popup. */
export function whyNotAnalysable(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'Masthead cannot read this page (unknown address).';
  }
  switch (u.protocol) {
    case 'http:':
    case 'https:':
      break;
    case 'file:':
      return 'Masthead does not read files on your computer; open the article from its website.';
    case 'chrome:':
    case 'edge:':
    case 'brave:':
    case 'opera:':
    case 'vivaldi:':
    case 'about:':
    case 'view-source:':
    case 'devtools:':
    case 'chrome-search:':
    case 'chrome-untrusted:':
      return 'This is a browser page; browsers do not let extensions read it.';
    case 'chrome-extension:':
    case 'moz-extension:':
    case 'extension:':
      return 'This page belongs to an extension; Masthead cannot read it.';
    case 'data:':
    case 'blob:':
    case 'javascript:':
      return 'Masthead only reads web pages loaded from a website.';
    default:
      return 'Masthead only reads web pages (http and https).';
  }
  if (STORE_PAGES.some((re) => re.test(url))) {
    return 'Browser extension stores do not let extensions run on their pages.';
  }
  if (/\.pdf$/i.test(u.pathname)) {
    return 'This is a PDF; Masthead reads web pages, not PDF files.';
  }
  return null;
}

/** A readable reason for a failed `scripting.executeScript`. */
export function describeInjectionError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/cannot access|cannot be scripted|permission|host/i.test(msg)) {
    return 'Masthead has no access to this page. Click the Masthead button on the page to allow it.';
  }
  if (/no tab|tab.*(closed|not found)/i.test(msg)) return 'That tab no longer exists.';
  if (/error page|showing error/i.test(msg)) return 'This tab shows an error page.';
  return `Masthead could not start on this page (${msg}).`;
}
