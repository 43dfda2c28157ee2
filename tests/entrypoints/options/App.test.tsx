import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { App } from '@/entrypoints/options/App';
import { createFlagState } from '@/entrypoints/options/flag';
import { createOptionsState, type Send } from '@/entrypoints/options/state';
import { NEWS_HOSTS } from '@/lib/platform/content-matches';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function setup(granted = false) {
  let has = granted;
  const d = {
    permissions: {
      contains: vi.fn(async () => has),
      request: vi.fn(async () => (has = true)),
      remove: vi.fn(async () => !(has = false)),
    },
    send: vi.fn(async (_t: string, data: { enabled: boolean }) => ({
      ok: true,
      value: data,
    })) as unknown as Send,
    historyPaused: { getValue: vi.fn(async () => false), setValue: vi.fn(async () => {}) },
  };
  const state = createOptionsState(d);
  render(<App state={state} />, container);
  return { d, state };
}

const switchNamed = (label: string) =>
  [...container.querySelectorAll<HTMLInputElement>('input[role="switch"]')].find((i) =>
    container.querySelector(`label[for="${i.id}"]`)?.textContent?.includes(label),
  );

describe('options App', () => {
  it('explains where Masthead runs and lists the known news sites', async () => {
    const { state } = setup();
    await state.init();
    expect(container.querySelector('#where-title')?.textContent).toBe('Where Masthead runs');
    expect(container.textContent).toContain('Masthead runs automatically on a list of known news sites.');
    const details = container.querySelector('details');
    expect(details?.querySelectorAll('li')).toHaveLength(NEWS_HOSTS.length);
  });

  it('turns all sites on from the switch', async () => {
    const { d, state } = setup();
    await state.init();
    const input = switchNamed('Run automatically on all sites');
    await vi.waitFor(() => expect(input?.disabled).toBe(false));
    input?.click();
    expect(d.permissions.request).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(switchNamed('Run automatically on all sites')?.checked).toBe(true));
    expect(d.send).toHaveBeenCalledWith('setAllSites', { enabled: true });
  });

  it('states the privacy promise and offers Pause history', async () => {
    const { d, state } = setup();
    await state.init();
    expect(container.textContent).toContain(
      'Nothing leaves your browser unless you turn on the online outlet lookup below',
    );
    const input = switchNamed('Pause history');
    await vi.waitFor(() => expect(input?.disabled).toBe(false));
    input?.click();
    await vi.waitFor(() => expect(d.historyPaused.setValue).toHaveBeenCalledWith(true));
  });

  it('offers the online outlet lookup, off by default, saying what is sent where', async () => {
    const stored = { value: false };
    const item = {
      getValue: vi.fn(async () => stored.value),
      setValue: vi.fn(async (v: boolean) => {
        stored.value = v;
      }),
    };
    const outletLookup = createFlagState(item, { on: 'Lookup on.', off: 'Lookup off.' });
    const state = createOptionsState(setup().d);
    render(<App state={state} outletLookup={outletLookup} />, container);
    await outletLookup.init();
    const input = switchNamed('Look up unknown outlets online');
    await vi.waitFor(() => expect(input?.disabled).toBe(false));
    expect(input?.checked).toBe(false);
    const desc = document.getElementById(input?.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(desc).toContain('query.wikidata.org');
    expect(desc).toContain('en.wikipedia.org');
    expect(desc).toMatch(/domain name/);
    expect(desc).toMatch(/Off by default/);
    input?.click();
    await vi.waitFor(() => expect(item.setValue).toHaveBeenCalledWith(true));
    await vi.waitFor(() => expect(container.textContent).toContain('Lookup on.'));
  });
});
