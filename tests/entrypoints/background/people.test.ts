import { describe, expect, it, vi } from 'vitest';
import { commandIssued, type BackgroundDeps } from '@/entrypoints/background/handlers';

describe('commandIssued (Alt+Shift+P)', () => {
  it('asks the active tab to move to the next person', async () => {
    const sendToTab = vi.fn(async () => ({ ok: true as const, value: { name: 'Shinzo Abe' } }));
    const deps = { sendToTab } as unknown as BackgroundDeps;
    await commandIssued('next-person', { id: 4 }, deps);
    expect(sendToTab).toHaveBeenCalledWith(4, 'nextPerson', { step: 1 });
  });

  it('ignores other commands and tabs without an id', async () => {
    const sendToTab = vi.fn();
    const deps = { sendToTab } as unknown as BackgroundDeps;
    await commandIssued('_execute_action', { id: 4 }, deps);
    await commandIssued('next-person', undefined, deps);
    await commandIssued('next-person', {}, deps);
    expect(sendToTab).not.toHaveBeenCalled();
  });
});
