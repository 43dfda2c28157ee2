import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  articleRoot,
  createAnnotator,
  type AnnotatorState,
  type Send,
} from '@/entrypoints/article.content/annotate';
import { createPainter, highlightCss } from '@/entrypoints/article.content/paint';
import { createToolbar } from '@/entrypoints/article.content/selection-toolbar';
import { describe as describeSel } from '@/lib/annotations/selectors';
import { buildTextMap } from '@/lib/annotations/dom-text';
import type { HighlightInfo } from '@/lib/protocol';

const SENTENCE = 'Fumio Kishida had a separate meeting with Mattis.';

function page() {
  document.body.replaceChildren();
  const nav = document.createElement('nav');
  nav.textContent = 'Home News More';
  const article = document.createElement('article');
  for (const t of [
    'Japan hopes for an unwavering alliance with the United States.',
    `Later that day, ${SENTENCE} They talked.`,
    'Trump and Abe agreed to meet in Washington.',
  ]) {
    const p = document.createElement('p');
    p.textContent = t;
    article.append(p);
  }
  document.body.append(nav, article);
  return article;
}

function stored(article: Element, id = 'h1'): HighlightInfo {
  const text = buildTextMap(article).text;
  const at = text.indexOf(SENTENCE);
  const d = describeSel(text, at, at + SENTENCE.length)!;
  return {
    id,
    createdAt: '2026-11-20T10:00:00.000Z',
    color: 'green',
    note: '',
    selectors: d.selectors,
    textHash: d.textHash,
  };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  document.documentElement.querySelectorAll('[data-masthead-ui]').forEach((e) => e.remove());
  vi.restoreAllMocks();
});

describe('articleRoot', () => {
  it('prefers the structured body, then the longest <article>, then main, then body', () => {
    document.body.replaceChildren();
    expect(articleRoot(document)).toBe(document.body);
    const main = document.createElement('main');
    document.body.append(main);
    expect(articleRoot(document)).toBe(main);
    const short = document.createElement('article');
    short.textContent = 'short';
    const long = document.createElement('article');
    long.textContent = 'a much longer article body';
    main.append(short, long);
    expect(articleRoot(document)).toBe(long);
    const body = document.createElement('div');
    body.setAttribute('itemprop', 'articleBody');
    main.append(body);
    expect(articleRoot(document)).toBe(body);
  });
});

describe('annotator', () => {
  function setup(list: HighlightInfo[], reply?: (data: unknown) => unknown) {
    const states: AnnotatorState[] = [];
    const calls: [string, unknown][] = [];
    const send = (async (type: string, data: unknown) => {
      calls.push([type, data]);
      if (type === 'listHighlights') return { ok: true, value: list };
      return reply ? reply(data) : { ok: false, error: 'nope' };
    }) as unknown as Send;
    const annotator = createAnnotator({
      doc: document,
      send,
      openShadow: true,
      onPainted: (s) => states.push(s),
      debounceMs: 5,
    });
    return { annotator, states, calls };
  }

  it('lists after the pass, anchors and paints; an orphan is counted, never drawn', async () => {
    const article = page();
    const orphan: HighlightInfo = {
      ...stored(article, 'h2'),
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'words that are nowhere on this page at all',
          prefix: '',
          suffix: '',
        },
      ],
    };
    const { annotator, states, calls } = setup([stored(article), orphan]);
    await annotator.update(true);
    expect(calls[0]![0]).toBe('listHighlights');
    expect(states.at(-1)).toMatchObject({ painted: 1, orphaned: 1, status: { h1: 'exact', h2: 'orphaned' } });
    annotator.stop();
  });

  it('re-anchors after the page changes (debounced MutationObserver)', async () => {
    const article = page();
    const { annotator, states } = setup([stored(article)]);
    await annotator.update(true);
    const p = document.createElement('p');
    p.textContent = 'A paragraph that arrived late.';
    article.prepend(p);
    await tick(60);
    expect(states.at(-1)).toMatchObject({ painted: 1, status: { h1: 'quote' } });
    article.querySelectorAll('p')[2]!.textContent = 'The passage was rewritten entirely by the site.';
    await tick(60);
    expect(states.at(-1)).toMatchObject({ painted: 0, orphaned: 1 });
    annotator.stop();
  });

  it("lists the page's highlights for the popup with their status; shows, edits and deletes them", async () => {
    const article = page();
    const orphan: HighlightInfo = {
      ...stored(article, 'h2'),
      note: 'kept',
      selectors: [{ type: 'TextQuoteSelector', exact: 'a passage the site removed', prefix: '', suffix: '' }],
    };
    const { annotator, states, calls } = setup([stored(article), orphan], (data) => {
      const d = data as { id: string; note?: string };
      return d.note !== undefined
        ? { ok: true, value: { ...stored(article, d.id), note: d.note } }
        : { ok: true, value: { deleted: true } };
    });
    await annotator.update(true);
    expect(annotator.list()).toEqual([
      { id: 'h1', quote: SENTENCE, note: '', color: 'green', status: 'exact' },
      { id: 'h2', quote: 'a passage the site removed', note: 'kept', color: 'green', status: 'orphaned' },
    ]);
    // Show: the painted passage is scrolled to and selected; an orphan cannot be shown.
    const scroll = vi.fn();
    Element.prototype.scrollIntoView = scroll;
    expect(annotator.show('h1')).toBe(true);
    expect(document.getSelection()!.toString()).toBe(SENTENCE);
    expect(scroll).toHaveBeenCalled();
    expect(annotator.show('h2')).toBe(false);
    expect(annotator.show('nope')).toBe(false);
    // Edit a note, then delete the orphan: each through the background, then repainted.
    const edited = await annotator.edit('h1', { note: 'Kishida too' });
    expect(calls.at(-1)).toEqual(['updateHighlight', { id: 'h1', note: 'Kishida too' }]);
    expect(edited[0]).toMatchObject({ id: 'h1', note: 'Kishida too', status: 'exact' });
    const after = await annotator.edit('h2', { remove: true });
    expect(calls.at(-1)).toEqual(['deleteHighlight', { id: 'h2' }]);
    expect(after.map((h) => h.id)).toEqual(['h1']);
    expect(states.at(-1)).toMatchObject({ painted: 1, orphaned: 0 });
    await expect(annotator.edit('other-page', { remove: true })).rejects.toThrow(/no such highlight/i);
    annotator.stop();
  });

  it('keeps the list as it was when the background refuses an edit', async () => {
    const article = page();
    const { annotator } = setup([stored(article)]);
    await annotator.update(true);
    await expect(annotator.edit('h1', { remove: true })).rejects.toThrow('nope');
    expect(annotator.list().map((h) => h.id)).toEqual(['h1']);
    annotator.stop();
  });

  it('SPA navigation drops the previous page’s highlights until the next pass lists them', async () => {
    const article = page();
    const { annotator, states } = setup([stored(article)]);
    await annotator.update(true);
    expect(states.at(-1)).toMatchObject({ painted: 1 });
    annotator.navigated();
    expect(states.at(-1)).toMatchObject({ painted: 0, orphaned: 0 });
    annotator.stop();
  });

  it('the reader view anchors against its own rendered copy', async () => {
    const article = page();
    const h = stored(article);
    const copy = document.createElement('div');
    copy.append(...[...article.querySelectorAll('p')].slice(1).map((p) => p.cloneNode(true)));
    document.body.append(copy);
    const { paintReaderHighlights } = await import('@/entrypoints/reader/annotations');
    const orphan = {
      ...h,
      id: 'gone',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'not in the copy at all, anywhere', prefix: '', suffix: '' },
      ],
    };
    const status = paintReaderHighlights(copy, [
      { ...h, urlKey: 'k' },
      { ...orphan, urlKey: 'k' },
    ]);
    expect(status).toEqual({ h1: 'quote', gone: 'orphaned' });
  });

  it('not an article: no listing, no toolbar', async () => {
    page();
    const { annotator, calls } = setup([]);
    await annotator.update(false);
    expect(calls).toEqual([]);
    annotator.stop();
  });

  it('a selection in the article opens the toolbar; a colour sends the described selection', async () => {
    const article = page();
    const sent: unknown[] = [];
    const { annotator, states } = setup([], (data) => {
      sent.push(data);
      return { ok: true, value: { ...stored(article, 'new'), color: 'pink', note: 'my note' } };
    });
    await annotator.update(true);
    const text = article.querySelectorAll('p')[1]!.firstChild as Text;
    const at = text.data.indexOf(SENTENCE);
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + SENTENCE.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    await tick(5);
    const host = document.querySelector('[data-masthead-ui="highlights"]')!;
    const bar = host.shadowRoot!.querySelector('[role="toolbar"]') as HTMLElement;
    expect(bar.hidden).toBe(false);
    (host.shadowRoot!.querySelector('[data-action="note"]') as HTMLButtonElement).click();
    (host.shadowRoot!.querySelector('textarea') as HTMLTextAreaElement).value = ' my note ';
    (host.shadowRoot!.querySelector('button[data-color="pink"]') as HTMLButtonElement).click();
    await tick(5);
    expect(sent).toHaveLength(1);
    const data = sent[0] as { selectors: { type: string; exact?: string }[]; color: string; note: string };
    expect(data.color).toBe('pink');
    expect(data.note).toBe('my note');
    expect(data.selectors.find((s) => s.type === 'TextQuoteSelector')!.exact).toBe(SENTENCE);
    expect(bar.hidden).toBe(true);
    expect(states.at(-1)).toMatchObject({ painted: 1 });
    // The page's DOM was not changed: the article holds the same three text paragraphs.
    expect(article.querySelectorAll('p').length).toBe(3);
    expect(article.querySelector('mark, span')).toBeNull();
    annotator.stop();
  });

  it('a selection outside the article does not open the toolbar', async () => {
    page();
    const { annotator } = setup([]);
    await annotator.update(true);
    const nav = document.querySelector('nav')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(nav, 0);
    range.setEnd(nav, 4);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    await tick(5);
    const host = document.querySelector('[data-masthead-ui="highlights"]');
    expect(host === null || (host.shadowRoot!.querySelector('[role="toolbar"]') as HTMLElement).hidden).toBe(
      true,
    );
    annotator.stop();
  });
});

describe('selection toolbar', () => {
  it('is labelled, keyboard navigable and closes on Escape', () => {
    const actions = { highlight: vi.fn(), copyLink: vi.fn(), closed: vi.fn() };
    const tb = createToolbar(document, actions, { openShadow: true });
    document.documentElement.append(tb.host);
    tb.show({ left: 10, top: 10, bottom: 20 }, true);
    const root = tb.host.shadowRoot!;
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.slice(0, 5).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Highlight yellow',
      'Highlight green',
      'Highlight blue',
      'Highlight pink',
      'Highlight purple',
    ]);
    expect(root.activeElement).toBe(buttons[0]);
    buttons[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(root.activeElement).toBe(buttons[1]);
    buttons[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(tb.open).toBe(false);
    expect(actions.closed).toHaveBeenCalled();
    (root.querySelector('[data-action="link"]') as HTMLButtonElement).click();
    expect(actions.copyLink).toHaveBeenCalled();
    tb.destroy();
  });
});

describe('painter', () => {
  it('uses one CSS Custom Highlight per colour when the API exists', () => {
    const registry = new Map<string, unknown>();
    class FakeHighlight {
      ranges: Range[];
      constructor(...r: Range[]) {
        this.ranges = r;
      }
    }
    // A window with the API (happy-dom has none): the painter reads only these.
    const doc = {
      defaultView: { CSS: { highlights: registry }, Highlight: FakeHighlight },
    } as unknown as Document;
    const p = createPainter(doc, () => document.createElement('div'));
    expect(p.mode).toBe('css');
    const r = document.createRange();
    r.selectNodeContents(document.body);
    p.paint([
      { color: 'green', range: r },
      { color: 'green', range: r },
      { color: 'blue', range: r },
    ]);
    expect([...registry.keys()].sort()).toEqual(['masthead-hl-blue', 'masthead-hl-green']);
    expect((registry.get('masthead-hl-green') as FakeHighlight).ranges).toHaveLength(2);
    p.paint([]);
    expect(registry.size).toBe(0);
    // Without the API: the fallback overlay.
    expect(createPainter(document, () => document.createElement('div')).mode).toBe('overlay');
    expect(highlightCss()).toContain('::highlight(masthead-hl-yellow)');
  });
});
