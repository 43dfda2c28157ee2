/**
 * One cheap pass over the page's paragraphs, links and form controls, producing the numbers the
 * detector needs. No layout is read (the optional `isVisible` is the caller's choice), so it is as
 * fast in Node as in a tab.
 */

/** Raw counts gathered from the body. */
export interface BodyCounts {
  paragraphTextLength: number;
  teaserLinks: number;
  linkTextLength: number;
  textLength: number;
  hasPassword: boolean;
  hasLoginForm: boolean;
  hasSearchUi: boolean;
  hasVideo: boolean;
}

/** Caps keep the pass bounded on giant pages (precheck refuses most of them earlier). */
const MAX_PARAGRAPHS = 5_000;
const MAX_LINKS = 5_000;
const MAX_TEXT_SAMPLE = 20_000;
const VIDEO_EMBED =
  /youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com|dailymotion\.com|jwplayer|brightcove|players\.|\/embed\/video/i;
const LOGIN_HINT = /log[\s_-]?in|sign[\s_-]?in|signin|anmelden|connexion|iniciar sesi/i;

type Visible = (el: Element) => boolean;

function textLengthOf(el: Element, cap = MAX_TEXT_SAMPLE): number {
  // Trimmed and collapsed, but only over a bounded prefix: a 5 MB paragraph counts as 20k.
  const text = (el.textContent ?? '').slice(0, cap);
  return text.replace(/\s+/g, ' ').trim().length;
}

/** Body text without inline scripts and styles (their source is not page text). */
function bodyTextLength(body: Element): number {
  let length = textLengthOf(body, Infinity);
  for (const tag of ['script', 'style', 'noscript', 'template']) {
    const els = body.getElementsByTagName(tag);
    for (let i = 0; i < els.length && i < 1_000; i++) length -= (els[i]?.textContent ?? '').length;
  }
  return Math.max(0, length);
}

function paragraphText(body: Element, isVisible: Visible): number {
  const paragraphs = body.getElementsByTagName('p');
  let total = 0;
  for (let i = 0; i < paragraphs.length && i < MAX_PARAGRAPHS; i++) {
    const p = paragraphs[i];
    if (!p || !isVisible(p)) continue;
    const len = textLengthOf(p);
    if (len > 80) total += len;
  }
  return total;
}

function links(body: Element): { teasers: number; textLength: number } {
  const anchors = body.getElementsByTagName('a');
  let teasers = 0;
  let textLength = 0;
  for (let i = 0; i < anchors.length && i < MAX_LINKS; i++) {
    const a = anchors[i];
    // Named anchors (`<a name>`) left unclosed can wrap a whole page; only links count.
    if (!a || !a.hasAttribute('href')) continue;
    const len = textLengthOf(a);
    textLength += len;
    const words = (a.textContent ?? '').slice(0, 500).trim().split(/\s+/).length;
    if (words >= 4 && len >= 20 && len <= 300) teasers++;
  }
  return { teasers, textLength };
}

function hasPassword(body: Element): boolean {
  return body.querySelector('input[type="password" i]') !== null;
}

function hasLoginForm(body: Element): boolean {
  const forms = body.getElementsByTagName('form');
  for (let i = 0; i < forms.length && i < 50; i++) {
    const form = forms[i];
    const hint = `${form?.getAttribute('action') ?? ''} ${form?.id ?? ''} ${form?.getAttribute('class') ?? ''}`;
    if (LOGIN_HINT.test(hint)) return true;
  }
  return false;
}

function hasSearchUi(body: Element): boolean {
  return body.querySelector('[role="search"], input[type="search" i], form[action*="search" i]') !== null;
}

function hasVideo(body: Element): boolean {
  if (body.getElementsByTagName('video').length > 0) return true;
  const frames = body.getElementsByTagName('iframe');
  for (let i = 0; i < frames.length && i < 50; i++) {
    if (VIDEO_EMBED.test(frames[i]?.getAttribute('src') ?? '')) return true;
  }
  return false;
}

/** Gather the counts from a body element. */
export function countBody(body: Element, isVisible: Visible = () => true): BodyCounts {
  const linkCounts = links(body);
  return {
    paragraphTextLength: paragraphText(body, isVisible),
    teaserLinks: linkCounts.teasers,
    linkTextLength: linkCounts.textLength,
    textLength: bodyTextLength(body),
    hasPassword: hasPassword(body),
    hasLoginForm: hasLoginForm(body),
    hasSearchUi: hasSearchUi(body),
    hasVideo: hasVideo(body),
  };
}
