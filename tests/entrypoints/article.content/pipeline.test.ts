import { describe, expect, it } from 'vitest';
import { analysePage, fingerprintOf, type PipelineEnv } from '@/entrypoints/article.content/pipeline';
import { MAX_HTML_BYTES } from '@/lib/protocol';
import { validateMessage } from '@/lib/protocol-validate';
import { serialisePage } from '@/lib/serialise';

const URL_ = 'https://www.presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump';
const para =
  '<p>Officials in Tokyo said on Friday that the alliance remained, in their words, the cornerstone of regional security, and that talks would continue next month.</p>';

function makeDoc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function env(doc: Document, over: Partial<PipelineEnv> = {}) {
  let yields = 0;
  let clock = 0;
  const visibleAsked: Element[] = [];
  const e: PipelineEnv = {
    doc,
    url: URL_,
    isVisible: (el) => {
      visibleAsked.push(el);
      return true;
    },
    yieldToPage: async () => {
      yields++;
    },
    now: () => (clock += 1),
    cancelled: () => false,
    ...over,
  };
  return { e, yields: () => yields, visibleAsked };
}

const valid = (payload: unknown) => validateMessage({ masthead: 1, type: 'pageAnalysed', data: payload });

const articleHtml = `<!DOCTYPE html><html lang="en"><head><title>Japan, US reaffirm alliance</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="PressTV">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Japan, US reaffirm alliance","datePublished":"2017-02-03T10:00:00Z"}</script>
</head><body><article><h1>Japan, US reaffirm alliance</h1>${para.repeat(15)}</article></body></html>`;

/** Readable text, no article markup of any kind. */
const plainHtml = `<html><head><title>Notes</title></head><body><main>${para.repeat(8)}</main></body></html>`;

describe('analysePage', () => {
  it('a candidate article: in-page signals, title and the serialised HTML (with its doctype), no metadata', async () => {
    const { e, yields } = env(makeDoc(articleHtml));
    const out = await analysePage(e);
    expect(out.kind).toBe('payload');
    if (out.kind !== 'payload') return;
    expect(out.payload).toEqual({
      url: URL_,
      title: 'Japan, US reaffirm alliance',
      inPage: {
        readerable: true,
        elementCount: e.doc.getElementsByTagName('*').length,
      },
      html: serialisePage(e.doc),
    });
    expect(out.payload.html?.startsWith('<!DOCTYPE html><html')).toBe(true);
    // precheck | readerable | serialise (one step for a small page): a yield before each.
    expect(out.perf.tasks).toHaveLength(3);
    expect(yields()).toBe(2);
    expect(out.perf.total).toBe(out.perf.tasks.reduce((a, b) => a + b, 0));
    expect(out.perf.longest).toBe(Math.max(...out.perf.tasks));
    expect(valid(out.payload).ok).toBe(true);
  });

  it('not readerable in the page and no article markup: still serialised, the off-page pass says why', async () => {
    const doc = makeDoc(plainHtml);
    const { e } = env(doc, { isVisible: () => false }); // e.g. the text is in a collapsed panel
    const out = await analysePage(e);
    expect(out.kind === 'payload' && out.payload).toEqual({
      url: URL_,
      title: 'Notes',
      inPage: {
        readerable: false,
        elementCount: 13,
      },
      html: serialisePage(doc),
    });
    if (out.kind === 'payload') expect(valid(out.payload).ok).toBe(true);
  });

  it('the same readable page without markup is a candidate when its text is visible', async () => {
    const out = await analysePage(env(makeDoc(plainHtml)).e);
    expect(out.kind === 'payload' && out.payload.inPage.readerable).toBe(true);
    expect(out.kind === 'payload' && out.payload.html).toContain('<main>');
  });

  it('a non-readerable page with article markup is serialised: its markup is read off the page', async () => {
    const doc = makeDoc(
      `<html><head><title>Brief</title><meta property="article:published_time" content="2024-01-01"></head><body><p>Short.</p></body></html>`,
    );
    const out = await analysePage(env(doc).e);
    expect(out.kind === 'payload' && out.payload.inPage).toMatchObject({ readerable: false });
    expect(out.kind === 'payload' && out.payload.html).toContain('article:published_time');
    expect(out.kind === 'payload' && out.payload.verdict).toBeUndefined();
    expect(out.kind === 'payload' && typeof out.payload.html).toBe('string');
  });

  it('asks the layout check only about nodes that would count', async () => {
    const doc = makeDoc(
      `<html><body><p>short</p><p class="sidebar">${'x'.repeat(300)}</p><ul><li><p>${'y'.repeat(300)}</p></li></ul>${para.repeat(3)}</body></html>`,
    );
    const { e, visibleAsked } = env(doc);
    await analysePage(e);
    expect(visibleAsked.length).toBeGreaterThan(0);
    expect(visibleAsked.every((el) => el.localName === 'p' && (el.textContent ?? '').length >= 140)).toBe(
      true,
    );
    expect(visibleAsked.some((el) => el.className === 'sidebar' || el.closest('li'))).toBe(false);
  });

  it('a page the precheck refuses: verdict, title and the element count, no HTML, no yields', async () => {
    const { e, yields } = env(
      makeDoc('<html><head><title>Frames</title></head><frameset><frame src="a.html"></frameset></html>'),
    );
    const out = await analysePage(e);
    expect(out.kind === 'payload' && out.payload).toMatchObject({
      verdict: { isArticle: false, reason: 'frameset' },
      title: 'Frames',
      inPage: { readerable: false },
    });
    expect(out.kind === 'payload' && out.payload.html).toBeUndefined();
    expect(yields()).toBe(0);
    if (out.kind === 'payload') expect(valid(out.payload).ok).toBe(true);
  });

  it('a page over MAX_HTML_BYTES is sent as too-large instead of its HTML', async () => {
    const doc = makeDoc(articleHtml);
    doc.body.appendChild(doc.createElement('div')).textContent = 'x'.repeat(MAX_HTML_BYTES);
    const out = await analysePage(env(doc).e);
    expect(out.kind === 'payload' && out.payload.verdict?.reason).toBe('too-large');
    expect(out.kind === 'payload' && out.payload.html).toBeUndefined();
    if (out.kind === 'payload') expect(valid(out.payload).ok).toBe(true);
  });

  it('serialises a big page in several time-boxed steps, yielding between them', async () => {
    const doc = makeDoc(articleHtml);
    const wrap = doc.body.appendChild(doc.createElement('div'));
    for (let i = 0; i < 600; i++) {
      const section = wrap.appendChild(doc.createElement('section'));
      for (let j = 0; j < 5; j++) section.appendChild(doc.createElement('span')).textContent = `${i}.${j}`;
    }
    const { e, yields } = env(doc); // the fake clock advances 1 ms per reading
    const out = await analysePage(e);
    expect(out.kind === 'payload' && out.payload.html).toBe(serialisePage(doc));
    expect(out.perf.tasks.length).toBeGreaterThan(5);
    expect(yields()).toBe(out.perf.tasks.length - 1);
  });

  it('stops at the next step once cancelled', async () => {
    let cancel = false;
    const { e } = env(makeDoc(articleHtml), {
      yieldToPage: async () => {
        cancel = true;
      },
      cancelled: () => cancel,
    });
    expect((await analysePage(e)).kind).toBe('cancelled');
  });

  it('skips non-http(s) and oversized URLs', async () => {
    expect((await analysePage(env(makeDoc(articleHtml), { url: 'file:///a.html' }).e)).kind).toBe('skipped');
    expect(
      (await analysePage(env(makeDoc(articleHtml), { url: `https://a.example/${'x'.repeat(9000)}` }).e)).kind,
    ).toBe('skipped');
  });
});

describe('fingerprintOf', () => {
  it('ignores the fragment, follows the title, the paragraph count and the body children', () => {
    const doc = makeDoc(articleHtml);
    const f = fingerprintOf(doc, URL_);
    expect(fingerprintOf(doc, `${URL_}#comments`)).toBe(f);
    doc.title = 'Another story';
    const g = fingerprintOf(doc, URL_);
    expect(g).not.toBe(f);
    doc.querySelector('article')?.appendChild(doc.createElement('p'));
    const h = fingerprintOf(doc, URL_);
    expect(h).not.toBe(g);
    doc.body.appendChild(doc.createElement('div'));
    expect(fingerprintOf(doc, URL_)).not.toBe(h);
  });
});
