import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { PageHighlights } from '@/components/PageHighlights';
import { createPageHighlightsState } from '@/entrypoints/popup/page-highlights';
import type { PageHighlight } from '@/lib/protocol';

vi.mock('@/lib/platform/messages', () => ({ sendToTab: vi.fn() }));

const LIST: PageHighlight[] = [
  {
    id: 'h1',
    quote: 'Fumio Kishida had a separate meeting with Mattis.',
    note: 'Kishida',
    color: 'green',
    status: 'exact',
  },
  { id: 'h2', quote: 'A passage the site removed.', note: '', color: 'yellow', status: 'orphaned' },
];

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const all = (id: string) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const button = (item: HTMLElement, name: RegExp) =>
  [...item.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));

function fakeTab(list: PageHighlight[]) {
  let current = [...list];
  const calls: [string, unknown][] = [];
  const sendTab = vi.fn(async (_tab: number, type: string, data: unknown) => {
    calls.push([type, data]);
    if (type === 'pageHighlights') return { ok: true, value: current };
    if (type === 'showHighlight') return { ok: true, value: { found: (data as { id: string }).id === 'h1' } };
    const d = data as { id: string; note?: string; remove?: boolean };
    current = d.remove
      ? current.filter((h) => h.id !== d.id)
      : current.map((h) => (h.id === d.id ? { ...h, note: d.note ?? h.note } : h));
    return { ok: true, value: current };
  });
  return { sendTab, calls };
}

async function mount(list: PageHighlight[]) {
  const tab = fakeTab(list);
  const state = createPageHighlightsState(9, tab.sendTab as never);
  const draw = () =>
    render(
      <PageHighlights
        list={state.list.value}
        onShow={(id) => void state.show(id)}
        onEdit={state.edit}
        error={state.error.value}
        notice={state.notice.value}
      />,
      container,
    );
  await state.load();
  draw();
  return { state, draw, ...tab };
}

describe("popup: the reader's highlights on this page", () => {
  it('lists each highlight with where it is now; orphans are said, with no "Show" button', async () => {
    await mount(LIST);
    expect(container.querySelector('h2')?.textContent).toBe('Your highlights (2)');
    expect(all('page-highlights-orphans')[0]?.textContent).toBe('1 highlight was not found on this page.');
    const [painted, orphan] = all('page-highlight');
    expect(painted!.querySelector('[data-testid="page-highlight-status"]')?.textContent).toBe('On the page');
    expect(painted!.querySelector('[data-testid="page-highlight-note"]')?.textContent).toBe('Kishida');
    expect(orphan!.querySelector('[data-testid="page-highlight-status"]')?.textContent).toMatch(
      /^Not found on this page/,
    );
    expect(button(painted!, /Show on page/)).toBeTruthy();
    expect(button(orphan!, /Show on page/)).toBeUndefined();
  });

  it('shows, edits a note and deletes after confirmation, through the content script', async () => {
    const { state, draw, calls } = await mount(LIST);
    button(all('page-highlight')[0]!, /Show on page/)!.click();
    await vi.waitFor(() => expect(calls.at(-1)).toEqual(['showHighlight', { id: 'h1' }]));

    button(all('page-highlight')[1]!, /Add note/)!.click();
    await vi.waitFor(() => expect(all('page-highlight-note-input')).toHaveLength(1));
    const input = all('page-highlight-note-input')[0] as HTMLTextAreaElement;
    input.value = 'moved to the reader view';
    input.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 0)); // the note reaches the component's state
    input.closest('form')!.requestSubmit();
    await vi.waitFor(() =>
      expect(calls.at(-1)).toEqual(['editPageHighlight', { id: 'h2', note: 'moved to the reader view' }]),
    );
    draw();
    expect(state.list.value?.[1]?.note).toBe('moved to the reader view');

    // Delete asks first; "Keep" cancels.
    await vi.waitFor(() => expect(button(all('page-highlight')[1]!, /^Delete$/)).toBeTruthy());
    button(all('page-highlight')[1]!, /^Delete$/)!.click();
    await vi.waitFor(() => expect(all('page-highlight-delete-confirm')).toHaveLength(1));
    button(all('page-highlight')[1]!, /^Keep$/)!.click();
    await vi.waitFor(() => expect(all('page-highlight-delete-confirm')).toHaveLength(0));
    button(all('page-highlight')[1]!, /^Delete$/)!.click();
    await vi.waitFor(() => expect(all('page-highlight-delete-confirm')).toHaveLength(1));
    all('page-highlight-delete-confirm')[0]!.click();
    await vi.waitFor(() => expect(calls.at(-1)).toEqual(['editPageHighlight', { id: 'h2', remove: true }]));
    draw();
    expect(all('page-highlight')).toHaveLength(1);
    expect(all('page-highlights-orphans')).toHaveLength(0);
  });

  it('says so when the page cannot be reached, and hides itself when there is nothing to list', async () => {
    const state = createPageHighlightsState(9, (async () => ({ ok: false, error: 'no receiver' })) as never);
    await state.load();
    expect(state.list.value).toEqual([]);
    render(<PageHighlights list={[]} onShow={() => {}} onEdit={state.edit} />, container);
    expect(container.innerHTML).toBe('');
    expect(await state.edit('h1', { remove: true })).toBe(false);
    expect(state.error.value).toBe('no receiver');
    await state.show('h1');
    expect(state.notice.value).toMatch(/could not reach the page/);
  });
});
