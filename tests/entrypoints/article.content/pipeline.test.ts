import { describe, expect, it } from 'vitest';
import {
  analysePage,
  fingerprintOf,
  serialisePage,
  type PipelineEnv,
} from '@/entrypoints/article.content/pipeline';
import { MAX_HTML_BYTES } from '@/lib/protocol';
import { validateMessage } from '@/lib/protocol-validate';

const URL_ = 'https://www.presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump';
const para =
  '<p>Officials in Tokyo said on Friday that the alliance remained, in their words, the cornerstone of regional security, and that talks would continue next month.</p>';

function makeDoc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function env(doc: Document, over: Partial<PipelineEnv> = {}) {
  let yields = 0;
  let clock = 0;
  const e: PipelineEnv = {
    doc,
    url: URL_,
    isVisible: () => true,
    yieldToPage: async () => {
      yields++;
    },
    now: () => (clock += 1),
    cancelled: () => false,
    ...over,
  };
  return { e, yields: () => yields };
}

const articleHtml = `<!DOCTYPE html><html lang="en"><head><title>Japan, US reaffirm alliance</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="PressTV">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Japan, US reaffirm alliance","datePublished":"2017-02-03T10:00:00Z"}</script>
</head><body><article><h1>Japan, US reaffirm alliance</h1>${para.repeat(15)}</article></body></html>`;

describe('analysePage', () => {
  it('a candidate article: yields between steps, sends serialised HTML with the doctype, valid payload', async () => {
    const { e, yields } = env(makeDoc(articleHtml));
    const out = await analysePage(e);
    expect(out.kind).toBe('payload');
    if (out.kind !== 'payload') return;
    expect(out.payload.verdict).toBeUndefined();
    expect(out.payload.html?.startsWith('<!DOCTYPE html><html')).toBe(true);
    expect(out.payload.metadata.title).toBe('Japan, US reaffirm alliance');
    expect(yields()).toBe(3);
    expect(out.perf.tasks.length).toBeGreaterThanOrEqual(4);
    expect(out.perf.total).toBe(out.perf.tasks.reduce((a, b) => a + b, 0));
    expect(out.perf.longest).toBe(Math.max(...out.perf.tasks));
    expect(validateMessage({ masthead: 1, type: 'pageAnalysed', data: out.payload }).ok).toBe(true);
  });

  it('a page the precheck refuses: verdict + minimal signals/metadata, no HTML, no yields', async () => {
    const { e, yields } = env(
      makeDoc('<html><head><title>Frames</title></head><frameset><frame src="a.html"></frameset></html>'),
    );
    const out = await analysePage(e);
    expect(out.kind === 'payload' && out.payload).toMatchObject({
      verdict: { isArticle: false, reason: 'frameset' },
      metadata: { title: 'Frames', authors: [] },
      signals: { url: URL_, readerable: false },
    });
    expect(out.kind === 'payload' && out.payload.html).toBeUndefined();
    expect(yields()).toBe(0);
    if (out.kind === 'payload')
      expect(validateMessage({ masthead: 1, type: 'pageAnalysed', data: out.payload }).ok).toBe(true);
  });

  it('a definite non-article from the cheap pass: verdict, no HTML', async () => {
    const login = makeDoc(
      `<html><head><title>Sign in</title></head><body><form action="/login"><input type="email"><input type="password"><button>Sign in</button></form></body></html>`,
    );
    const { e } = env(login, { url: 'https://www.presstv.ir/login' });
    const out = await analysePage(e);
    expect(out.kind === 'payload' && out.payload.verdict?.isArticle).toBe(false);
    expect(out.kind === 'payload' && out.payload.html).toBeUndefined();
  });

  it('a page over MAX_HTML_BYTES is sent as too-large instead of its HTML', async () => {
    const doc = makeDoc(articleHtml);
    doc.body.appendChild(doc.createElement('div')).textContent = 'x'.repeat(MAX_HTML_BYTES);
    const out = await analysePage(env(doc).e);
    expect(out.kind === 'payload' && out.payload.verdict?.reason).toBe('too-large');
    expect(out.kind === 'payload' && out.payload.html).toBeUndefined();
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

describe('serialisePage / fingerprintOf', () => {
  it('keeps a legacy doctype and omits a missing one', () => {
    const legacy = makeDoc(
      '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd"><html><body></body></html>',
    );
    expect(serialisePage(legacy)).toMatch(
      /^<!DOCTYPE html PUBLIC "-\/\/W3C\/\/DTD HTML 4.01\/\/EN" "http:\/\/www.w3.org\/TR\/html4\/strict.dtd"><html>/,
    );
    expect(serialisePage(makeDoc('<html><body></body></html>'))).toMatch(/^<html>/);
  });
  it('ignores the fragment, follows title and text length', () => {
    const m = { title: 'A', authors: [], keywords: [], jsonLdTypes: [], provenance: {}, conflicts: [] };
    const s = { paragraphTextLength: 100 } as never;
    expect(fingerprintOf('https://a.example/x#1', m, s)).toBe(fingerprintOf('https://a.example/x#2', m, s));
    expect(fingerprintOf('https://a.example/x', m, s)).not.toBe(
      fingerprintOf('https://a.example/x', m, { paragraphTextLength: 101 } as never),
    );
  });
});
