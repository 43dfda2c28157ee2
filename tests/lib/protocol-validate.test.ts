import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DELETE_ALL_CONFIRM, MAX_HTML_BYTES } from '@/lib/protocol';
import {
  clampInPageSignals,
  clampMetadata,
  clampSignals,
  clampTitle,
  htmlFits,
  MAX_ARRAY_ITEMS,
  MAX_FIELD_LENGTH,
  MAX_URL_LENGTH,
  MESSAGE_TYPES,
  utf8Length,
  validateMessage,
  validateOffPageAnalysis,
} from '@/lib/protocol-validate';
import { analysis, candidatePayload, extracted, inPage, metadata, signals } from './platform/fixtures';

const env = (type: string, data: unknown) => ({ masthead: 1, type, data });

describe('validateMessage', () => {
  const valid: [string, unknown][] = [
    ['pageAnalysed candidate', env('pageAnalysed', candidatePayload())],
    [
      'pageAnalysed with verdict',
      env('pageAnalysed', {
        ...candidatePayload({ html: undefined }),
        verdict: { isArticle: false, reason: 'login-page', explanation: 'Sign-in page.' },
      }),
    ],
    ['getPageReport', env('getPageReport', { tabId: 0 })],
    ['analyzeTab', env('analyzeTab', { tabId: 12 })],
    ['extractHtml', env('extractHtml', { html: '<p>x</p>', url: 'http://127.0.0.1:8080/a' })],
    ['setAllSites', env('setAllSites', { enabled: true })],
    ['lookupOutlet', env('lookupOutlet', { tabId: 4 })],
    ['deleteAllData', env('deleteAllData', { confirm: DELETE_ALL_CONFIRM })],
    ['getRelated', env('getRelated', { tabId: 3 })],
    ['findMoreCoverage', env('findMoreCoverage', { tabId: 3 })],
    ['setFeeds', env('setFeeds', { enabled: false })],
    ['pollFeeds', env('pollFeeds', {})],
  ];
  it.each(valid)('accepts %s', (_name, raw) => {
    const r = validateMessage(raw);
    expect(r).toMatchObject({ ok: true });
  });

  const invalid: [string, unknown, RegExp][] = [
    ['null', null, /expected an object/],
    ['array', [1, 2], /expected an object/],
    ['no marker', { type: 'getPageReport', data: { tabId: 1 } }, /not a Masthead/],
    ['marker 2', { masthead: 2, type: 'getPageReport', data: { tabId: 1 } }, /not a Masthead/],
    ['unknown type', env('wipe', {}), /unknown type/],
    ['prototype type', env('toString', {}), /unknown type/],
    ['missing data', { masthead: 1, type: 'getPageReport' }, /data: expected an object/],
    ['negative tabId', env('getPageReport', { tabId: -1 }), /tabId/],
    ['float tabId', env('getPageReport', { tabId: 1.5 }), /tabId/],
    ['string tabId', env('analyzeTab', { tabId: '1' }), /tabId/],
    ['unsafe tabId', env('analyzeTab', { tabId: 2 ** 60 }), /tabId/],
    ['enabled string', env('setAllSites', { enabled: 'yes' }), /enabled/],
    ['lookupOutlet with a url instead of a tab', env('lookupOutlet', { url: 'https://x.com/' }), /tabId/],
    ['deleteAllData without confirmation', env('deleteAllData', {}), /data.confirm/],
    ['getRelated with a url instead of a tab', env('getRelated', { url: 'https://x.com/' }), /tabId/],
    ['findMoreCoverage with a query', env('findMoreCoverage', { query: 'x' }), /tabId/],
    ['setFeeds enabled string', env('setFeeds', { enabled: 'on' }), /enabled/],
    ['deleteAllData, wrong confirmation', env('deleteAllData', { confirm: true }), /data.confirm/],
    [
      'javascript url',
      env('pageAnalysed', candidatePayload({ url: 'javascript:alert(1)' })),
      /data.url: must be http/,
    ],
    ['file url', env('extractHtml', { html: '', url: 'file:///etc/passwd' }), /must be http/],
    ['relative url', env('pageAnalysed', candidatePayload({ url: '/a' })), /not a valid URL/],
    [
      'long url',
      env('pageAnalysed', candidatePayload({ url: `https://a.example/${'x'.repeat(MAX_URL_LENGTH)}` })),
      /data.url: longer/,
    ],
    ['no html nor verdict', env('pageAnalysed', candidatePayload({ html: undefined })), /either html/],
    [
      'html too large',
      env('pageAnalysed', candidatePayload({ html: 'a'.repeat(MAX_HTML_BYTES + 1) })),
      /data.html: larger/,
    ],
    [
      'html too large in UTF-8 only',
      env('extractHtml', { html: 'é'.repeat(MAX_HTML_BYTES / 2 + 1), url: 'https://a.example/' }),
      /larger/,
    ],
    [
      'missing inPage',
      env('pageAnalysed', { ...candidatePayload(), inPage: undefined }),
      /data.inPage: expected an object/,
    ],
    [
      'inPage readerable not a boolean',
      env('pageAnalysed', candidatePayload({ inPage: { ...inPage(), readerable: 'yes' as never } })),
      /data.inPage.readerable/,
    ],
    [
      'NaN element count',
      env('pageAnalysed', candidatePayload({ inPage: inPage({ elementCount: NaN }) })),
      /data.inPage.elementCount/,
    ],
    [
      'negative element count',
      env('pageAnalysed', candidatePayload({ inPage: inPage({ elementCount: -1 }) })),
      /data.inPage.elementCount: out of range/,
    ],
    [
      'title too long',
      env('pageAnalysed', candidatePayload({ title: 't'.repeat(MAX_FIELD_LENGTH + 1) })),
      /data.title: longer/,
    ],
    ['title not a string', env('pageAnalysed', candidatePayload({ title: 3 as never })), /data.title/],
    [
      'an "is an article" verdict from a page',
      env('pageAnalysed', {
        ...candidatePayload({ html: undefined }),
        verdict: { isArticle: true, explanation: 'This looks like an article.' },
      }),
      /data.verdict.isArticle: a page can only send a non-article verdict/,
    ],
    [
      'bad verdict reason',
      env('pageAnalysed', {
        ...candidatePayload(),
        verdict: { isArticle: false, reason: 'nope', explanation: '' },
      }),
      /verdict.reason/,
    ],
    [
      'class instance as data',
      env(
        'getPageReport',
        new (class {
          tabId = 1;
        })(),
      ),
      /data: expected an object/,
    ],
  ];
  it.each(invalid)('rejects %s with a clear error', (_name, raw, re) => {
    const r = validateMessage(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(re);
  });

  it('builds fresh objects: extra keys dropped, getters never run, __proto__ stays data', () => {
    let getterRan = false;
    const data: Record<string, unknown> = { tabId: 3, extra: 'x' };
    Object.defineProperty(data, 'sneaky', { get: () => (getterRan = true), enumerable: true });
    const r = validateMessage({ masthead: 1, type: 'getPageReport', data, junk: 1 });
    expect(r).toEqual({ ok: true, value: { masthead: 1, type: 'getPageReport', data: { tabId: 3 } } });
    expect(getterRan).toBe(false);

    const getterTab = {};
    Object.defineProperty(getterTab, 'tabId', { get: () => 1, enumerable: true });
    expect(validateMessage(env('getPageReport', getterTab)).ok).toBe(false);

    const prov = JSON.parse('{"__proto__": "meta", "title": "jsonld"}');
    const v = validateOffPageAnalysis(analysis({ metadata: metadata({ provenance: prov }) }));
    expect(v.ok).toBe(true);
    if (v.ok) {
      const p = v.value.metadata.provenance;
      expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(p, '__proto__')?.value).toBe('meta');
    }
    const polluted = JSON.parse(
      '{"masthead":1,"type":"getPageReport","data":{"tabId":1,"__proto__":{"isAdmin":true}}}',
    );
    const pv = validateMessage(polluted);
    expect(pv.ok).toBe(true);
    expect(pv.ok && (pv.value.data as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('keeps absent optional fields absent, and copies only the known in-page fields', () => {
    const r = validateMessage(
      env('pageAnalysed', { ...candidatePayload({ title: undefined }), inPage: { ...inPage(), extra: 1 } }),
    );
    expect(r.ok).toBe(true);
    if (r.ok && r.value.type === 'pageAnalysed') {
      const data = r.value.data as { title?: string; inPage: object };
      expect('title' in data).toBe(false);
      expect(data.inPage).toEqual(inPage());
    }
  });

  it('never throws and only accepts well-formed envelopes (fast-check, 10k runs)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (raw) => {
        const r = validateMessage(raw);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(typeof r.error).toBe('string');
      }),
      { numRuns: 10_000 },
    );
  });

  it('never throws on envelopes with random data for every type (fast-check)', () => {
    const types = [...MESSAGE_TYPES];
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.anything(), (type, data) => {
        const r = validateMessage({ masthead: 1, type, data });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 5_000 },
    );
  });

  it('survives Proxies whose traps throw', () => {
    const boom = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error('trap');
        },
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    expect(validateMessage(boom).ok).toBe(false);
    expect(validateMessage(env('getPageReport', boom)).ok).toBe(false);
  });
});

describe('utf8Length / htmlFits', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\ud800', 3],
  ])('%j is %d bytes', (s, n) => {
    expect(utf8Length(s)).toBe(n);
    expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });
  it('matches TextEncoder on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
      }),
    );
  });
  it('decides the budget at the edges', () => {
    expect(htmlFits('a'.repeat(MAX_HTML_BYTES))).toBe(true);
    expect(htmlFits('a'.repeat(MAX_HTML_BYTES + 1))).toBe(false);
    expect(htmlFits('é'.repeat(MAX_HTML_BYTES / 2))).toBe(true);
    expect(htmlFits('é'.repeat(MAX_HTML_BYTES / 2 + 1))).toBe(false);
  });
});

describe('clamps', () => {
  it('turns oversized page data into a valid message', () => {
    const m = clampMetadata(
      metadata({
        description: 'd'.repeat(50_000),
        keywords: Array.from({ length: 500 }, (_, i) => `k${i}`),
        publisher: { name: 'n'.repeat(20_000), sameAs: Array(300).fill('https://x.example') },
        provenance: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, 'meta'])),
      }),
    );
    const s = clampSignals(signals({ linkDensity: 1.5, elementCount: -3, paragraphTextLength: Infinity }));
    const r = validateOffPageAnalysis(analysis({ metadata: m, signals: s }));
    expect(r.ok).toBe(true);
    expect(m.keywords).toHaveLength(MAX_ARRAY_ITEMS);
    expect(m.description).toHaveLength(MAX_FIELD_LENGTH);
    expect(s).toMatchObject({ linkDensity: 1, elementCount: 0, paragraphTextLength: 0 });
  });

  it('clampTitle trims, clips and drops empty titles; clampInPageSignals makes a sendable count', () => {
    expect(clampTitle('  Story \n')).toBe('Story');
    expect(clampTitle('   ')).toBeUndefined();
    expect(clampTitle(undefined)).toBeUndefined();
    expect(clampTitle('t'.repeat(MAX_FIELD_LENGTH + 5))).toHaveLength(MAX_FIELD_LENGTH);
    expect(clampInPageSignals(inPage({ elementCount: Infinity })).elementCount).toBe(0);
    expect(clampInPageSignals(inPage({ elementCount: -2 })).elementCount).toBe(0);
  });

  it('any clamped in-page payload validates (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.record({
          readerable: fc.boolean(),
          jsonLdArticle: fc.boolean(),
          ogArticle: fc.boolean(),
          hasPublishedTime: fc.boolean(),
          elementCount: fc.double(),
        }),
        fc.option(fc.string({ maxLength: MAX_FIELD_LENGTH * 2 }), { nil: undefined }),
        (raw, title) => {
          const payload = candidatePayload({ inPage: clampInPageSignals(raw), title: clampTitle(title) });
          if (payload.title === undefined) delete payload.title;
          expect(validateMessage(env('pageAnalysed', payload)).ok).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('validateOffPageAnalysis', () => {
  it('accepts a full analysis and one where nothing was extracted', () => {
    expect(validateOffPageAnalysis(analysis())).toEqual({ ok: true, value: analysis() });
    expect(validateOffPageAnalysis(analysis({ extracted: null }))).toMatchObject({
      ok: true,
      value: { extracted: null },
    });
  });

  const invalid: [string, unknown, RegExp][] = [
    ['not an object', 'x', /analysis: expected an object/],
    ['missing extracted', { ...analysis(), extracted: undefined }, /analysis.extracted: expected an object/],
    [
      'extracted text not a string',
      analysis({ extracted: { ...extracted(), text: 1 as never } }),
      /analysis.extracted.text/,
    ],
    [
      'extracted content too large',
      analysis({ extracted: extracted({ content: 'a'.repeat(MAX_HTML_BYTES + 1) }) }),
      /analysis.extracted.content: larger/,
    ],
    [
      'metadata string too long',
      analysis({ metadata: metadata({ title: 'x'.repeat(MAX_FIELD_LENGTH + 1) }) }),
      /metadata.title: longer/,
    ],
    [
      'too many authors',
      analysis({ metadata: metadata({ authors: Array(MAX_ARRAY_ITEMS + 1).fill('a') }) }),
      /authors: more than/,
    ],
    ['author not a string', analysis({ metadata: { ...metadata(), authors: [1] } as never }), /authors\[0\]/],
    [
      'bad provenance source',
      analysis({ metadata: metadata({ provenance: { title: 'evil' as never } }) }),
      /provenance.title/,
    ],
    ['bad pageKind', analysis({ signals: signals({ pageKind: 'admin' as never }) }), /pageKind/],
    ['NaN count', analysis({ signals: signals({ elementCount: NaN }) }), /elementCount/],
    ['linkDensity > 1', analysis({ signals: signals({ linkDensity: 2 }) }), /linkDensity/],
  ];
  it.each(invalid)('rejects %s', (_name, raw, re) => {
    const r = validateOffPageAnalysis(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(re);
  });

  it('never throws (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ extracted: fc.anything(), metadata: fc.anything(), signals: fc.anything() }),
        ),
        (raw) => {
          const r = validateOffPageAnalysis(raw);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('content-script messages (people on the page)', () => {
  it('accepts showPerson with a bounded name and nextPerson with a step of ±1', () => {
    expect(validateMessage({ masthead: 1, type: 'showPerson', data: { name: 'James Mattis' } })).toEqual({
      ok: true,
      value: { masthead: 1, type: 'showPerson', data: { name: 'James Mattis' } },
    });
    expect(validateMessage({ masthead: 1, type: 'showPerson', data: { name: 'x'.repeat(301) } }).ok).toBe(
      false,
    );
    expect(validateMessage({ masthead: 1, type: 'showPerson', data: {} }).ok).toBe(false);
    expect(validateMessage({ masthead: 1, type: 'nextPerson', data: { step: -1 } }).ok).toBe(true);
    for (const step of [0, 2, '1', null]) {
      expect(validateMessage({ masthead: 1, type: 'nextPerson', data: { step } }).ok).toBe(false);
    }
  });

  it('never throws on arbitrary showPerson / nextPerson payloads', () => {
    fc.assert(
      fc.property(fc.constantFrom('showPerson', 'nextPerson'), fc.anything(), (type, data) => {
        const r = validateMessage({ masthead: 1, type, data });
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});

describe("content-script messages (the reader's highlights listed in the popup)", () => {
  const v = (type: string, data: unknown) => validateMessage({ masthead: 1, type, data });
  it('accepts pageHighlights, showHighlight with an id, and an edit that changes something', () => {
    expect(v('pageHighlights', {}).ok).toBe(true);
    expect(v('showHighlight', { id: 'h1' })).toEqual({
      ok: true,
      value: { masthead: 1, type: 'showHighlight', data: { id: 'h1' } },
    });
    expect(v('editPageHighlight', { id: 'h1', note: 'n' }).ok).toBe(true);
    expect(v('editPageHighlight', { id: 'h1', remove: true }).ok).toBe(true);
    expect(v('editPageHighlight', { id: 'h1', note: '' }).ok).toBe(true);
  });

  it('refuses empty ids, over-long notes, non-boolean remove and edits that change nothing', () => {
    expect(v('showHighlight', {}).ok).toBe(false);
    expect(v('showHighlight', { id: '' }).ok).toBe(false);
    expect(v('editPageHighlight', { id: 'h1' }).ok).toBe(false);
    expect(v('editPageHighlight', { id: 'h1', remove: false }).ok).toBe(false);
    expect(v('editPageHighlight', { id: 'h1', remove: 'yes' }).ok).toBe(false);
    expect(v('editPageHighlight', { id: 'h1', note: 'x'.repeat(1_000_000) }).ok).toBe(false);
    expect(v('editPageHighlight', { note: 'n' }).ok).toBe(false);
  });

  it('never throws on arbitrary payloads', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('pageHighlights', 'showHighlight', 'editPageHighlight'),
        fc.anything(),
        (type, data) => {
          expect(typeof v(type, data).ok).toBe('boolean');
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe('person summary messages (Wikipedia on a person card)', () => {
  it('accepts a Wikidata QID (and a tab id for the popup) and nothing else', () => {
    expect(validateMessage(env('personSummary', { qid: 'Q267902' }))).toEqual({
      ok: true,
      value: { masthead: 1, type: 'personSummary', data: { qid: 'Q267902' } },
    });
    expect(validateMessage(env('tabPersonSummary', { tabId: 4, qid: 'Q5' }))).toMatchObject({ ok: true });
    for (const qid of ['Q0', 'q5', 'Q5 ', 'Q5|Q6', 'P31', 'Jim Mattis', 5, null, 'Q'.padEnd(20, '1')]) {
      expect(validateMessage(env('personSummary', { qid })).ok).toBe(false);
    }
    expect(validateMessage(env('tabPersonSummary', { qid: 'Q5' })).ok).toBe(false);
    expect(validateMessage(env('tabPersonSummary', { tabId: -1, qid: 'Q5' })).ok).toBe(false);
    expect(validateMessage(env('personSummary', { qid: 'Q5', url: 'https://x/' }))).toEqual({
      ok: true,
      value: { masthead: 1, type: 'personSummary', data: { qid: 'Q5' } },
    });
  });

  it('never throws, and a valid answer carries only a well-formed QID', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('personSummary', 'tabPersonSummary'),
        fc.oneof(fc.anything(), fc.record({ qid: fc.string(), tabId: fc.integer() })),
        (type, data) => {
          const r = validateMessage({ masthead: 1, type, data });
          if (r.ok) expect((r.value.data as { qid: string }).qid).toMatch(/^Q[1-9]\d{0,11}$/);
        },
      ),
    );
  });
});
