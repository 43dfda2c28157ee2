import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { App } from '@/entrypoints/popup/App';
import { createPopupState, type PopupState } from '@/entrypoints/popup/state';
import { makeArticle, makeNotArticleReport, makeReport } from '../../components/fixtures';
import { fakeSend, type Script } from './fake-send';
import { createLookupState } from '@/entrypoints/popup/lookup';
import { outletData } from '@/lib/outlets/dataset';
import { outletReportForPage } from '@/lib/outlets/page';

const pressTvOutlet = () => outletReportForPage({ url: 'https://www.presstv.ir/x' }, outletData());

vi.mock('@/lib/platform/messages', () => ({ sendMessage: vi.fn() }));

const instant = { pollMs: 1, timeoutMs: 1000, sleep: () => Promise.resolve() };
let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  delete document.body.dataset.state;
  performance.clearMarks();
});

afterEach(() => {
  render(null, container);
  container.remove();
});

const q = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function show(script: Script, onOpenOptions = vi.fn()): Promise<PopupState> {
  const { send } = fakeSend(script);
  const state = createPopupState(5, send, instant);
  render(<App state={state} onOpenOptions={onOpenOptions} />, container);
  await state.load();
  await vi.waitFor(() => expect(document.body.dataset.state).toBe(state.status.value));
  return state;
}

describe('popup App', () => {
  it('shows a skeleton while loading, with the state on <body>', async () => {
    const { send } = fakeSend({});
    const state = createPopupState(5, send, instant);
    render(<App state={state} />, container);
    await vi.waitFor(() => expect(document.body.dataset.state).toBe('loading'));
    expect(q('skeleton')).not.toBeNull();
    expect(container.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
  });

  it('renders the article summary and the four sections in order', async () => {
    await show({ getPageReport: [{ ok: true, value: makeReport() }] });
    expect(document.body.dataset.state).toBe('ready');
    expect(q('verdict')?.textContent).toBe('News article');
    expect(q('headline')?.textContent).toBe("Japan hopes for 'unwavering alliance' with US under Trump");
    expect(q('site-name')?.textContent).toBe('Press TV');
    expect(q('authors')?.textContent).toBe('No author named on the page');
    expect(q('published')?.textContent).toBe('3 Feb 2017');
    expect(q('reading-time')?.textContent).toBe('3 min read');
    const order = [...container.querySelectorAll('section[data-testid]')].map((s) =>
      s.getAttribute('data-testid'),
    );
    expect(order).toEqual(['section-outlet', 'section-people', 'section-related', 'section-save']);
    for (const s of container.querySelectorAll('section')) {
      expect(container.querySelector(`#${s.getAttribute('aria-labelledby')}`)?.tagName).toBe('H2');
    }
    expect(q('skeleton')).toBeNull();
  });

  it('marks masthead:content once when the report first renders', async () => {
    const state = await show({ getPageReport: [{ ok: true, value: makeReport() }] });
    expect(performance.getEntriesByName('masthead:content')).toHaveLength(1);
    state.report.value = makeReport({ article: makeArticle({ title: 'Changed' }) });
    await vi.waitFor(() => expect(q('headline')?.textContent).toBe('Changed'));
    expect(performance.getEntriesByName('masthead:content')).toHaveLength(1);
  });

  it('explains a non-article page and shows no article sections', async () => {
    await show({ getPageReport: [{ ok: true, value: makeNotArticleReport() }] });
    expect(document.body.dataset.state).toBe('not-analysed');
    expect(q('verdict')?.textContent).toBe('Not an article: This looks like a sign-in page.');
    expect(q('not-analysed-reason')?.textContent).toBe('This looks like a sign-in page.');
    expect(container.textContent).toContain(
      'Open a news article, or click the Masthead button on any page to analyse it.',
    );
    expect(q('headline')).toBeNull();
    expect(q('section-outlet')).toBeNull();
  });

  it('shows why a page was not analysed', async () => {
    await show({
      getPageReport: [{ ok: true, value: null }],
      analyzeTab: [{ ok: true, value: { started: false, reason: "Masthead can't read browser pages." } }],
    });
    expect(document.body.dataset.state).toBe('not-analysed');
    expect(q('not-analysed-reason')?.textContent).toBe("Masthead can't read browser pages.");
    expect(q('verdict')).toBeNull();
    expect(performance.getEntriesByName('masthead:content')).toHaveLength(0);
  });

  it('shows an error with a Retry button that reloads', async () => {
    await show({
      getPageReport: [
        { ok: false, error: 'Service worker unavailable.' },
        { ok: true, value: makeReport() },
      ],
    });
    expect(document.body.dataset.state).toBe('error');
    expect(q('error')?.textContent).toBe('Service worker unavailable.');
    const retry = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Retry');
    retry?.click();
    await vi.waitFor(() => expect(document.body.dataset.state).toBe('ready'));
    expect(q('headline')).not.toBeNull();
  });

  it('opens the options page from the footer', async () => {
    const onOpenOptions = vi.fn();
    await show({ getPageReport: [{ ok: true, value: makeReport() }] }, onOpenOptions);
    const link = [...container.querySelectorAll('a')].find((a) => a.textContent === 'Options');
    link?.click();
    expect(onOpenOptions).toHaveBeenCalledOnce();
    expect(container.textContent).toContain('Private by default: nothing leaves your browser.');
  });
});

describe('popup App: outlet lookup', () => {
  it('an unknown outlet asks the background once; "disabled" says how to turn the lookup on', async () => {
    const { send, calls } = fakeSend({
      getPageReport: [{ ok: true, value: makeReport() }],
      lookupOutlet: [{ ok: true, value: { status: 'disabled' } }],
    });
    const onOpenOptions = vi.fn();
    const state = createPopupState(5, send, instant);
    render(
      <App state={state} onOpenOptions={onOpenOptions} lookup={createLookupState(5, send)} />,
      container,
    );
    await state.load();
    await vi.waitFor(() => expect(q('outlet-lookup-off')).not.toBeNull());
    expect(calls.filter((c) => c.type === 'lookupOutlet')).toEqual([
      { type: 'lookupOutlet', data: { tabId: 5 } },
    ]);
    q('outlet-lookup-off')?.querySelector('button')?.click();
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('a found outlet is shown as found online, not reviewed, with its sources', async () => {
    const { send } = fakeSend({
      getPageReport: [{ ok: true, value: makeReport() }],
      lookupOutlet: [
        {
          ok: true,
          value: {
            status: 'found',
            cached: false,
            outlet: {
              qid: 'Q90020',
              name: 'The Daily Example',
              country: 'New Zealand',
              owners: ['Example Media Group'],
              fetchedAt: '2026-11-25T12:00:00.000Z',
              candidates: 1,
            },
          },
        },
      ],
    });
    const state = createPopupState(5, send, instant);
    render(<App state={state} lookup={createLookupState(5, send)} />, container);
    await state.load();
    await vi.waitFor(() => expect(q('outlet-lookup-found')).not.toBeNull());
    expect(q('outlet-lookup-found')?.textContent).toContain('not reviewed by Masthead');
    expect(q('outlet-lookup-found')?.querySelector('a')?.getAttribute('href')).toBe(
      'https://www.wikidata.org/wiki/Q90020',
    );
  });

  it('a known outlet sends no lookup', async () => {
    const { send, calls } = fakeSend({
      getPageReport: [{ ok: true, value: { ...makeReport(), outlet: pressTvOutlet() } }],
    });
    const state = createPopupState(5, send, instant);
    render(<App state={state} lookup={createLookupState(5, send)} />, container);
    await state.load();
    await vi.waitFor(() => expect(q('outlet-name')?.textContent).toBe('Press TV'));
    expect(calls.map((c) => c.type)).toEqual(['getPageReport']);
  });
});

describe('popup App: outlet on pages that are not articles', () => {
  it('a known outlet is still described', async () => {
    await show({
      getPageReport: [{ ok: true, value: { ...makeNotArticleReport(), outlet: pressTvOutlet() } }],
    });
    expect(q('not-analysed-reason')).not.toBeNull();
    expect(q('outlet-name')?.textContent).toBe('Press TV');
  });
});
