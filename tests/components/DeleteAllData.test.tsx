import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { DeleteAllData, type DeleteAllDataProps } from '@/components/DeleteAllData';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

const props = (over: Partial<DeleteAllDataProps> = {}): DeleteAllDataProps => ({
  phase: 'idle',
  feedback: null,
  onAsk: vi.fn(),
  onCancel: vi.fn(),
  onConfirm: vi.fn(),
  ...over,
});

describe('DeleteAllData', () => {
  it('idle: one button that only asks', () => {
    const p = props();
    const root = mount(<DeleteAllData {...p} />);
    const ask = byTestId(root, 'delete-all');
    expect(ask?.tagName).toBe('BUTTON');
    expect(byTestId(root, 'delete-all-confirm')).toBeNull();
    ask?.click();
    expect(p.onAsk).toHaveBeenCalledOnce();
    expect(p.onConfirm).not.toHaveBeenCalled();
  });

  it('confirming: a labelled alertdialog, focus on Cancel, Escape cancels', async () => {
    const p = props({ phase: 'confirming' });
    let root!: HTMLElement;
    await act(() => {
      root = mount(<DeleteAllData {...p} />);
    });
    const dialog = byTestId(root, 'delete-all-confirm');
    expect(dialog?.getAttribute('role')).toBe('alertdialog');
    const title = root.querySelector(`#${dialog?.getAttribute('aria-labelledby')}`);
    expect(title?.textContent).toMatch(/Delete all Masthead data\?/);
    expect(root.querySelector(`#${dialog?.getAttribute('aria-describedby')}`)?.textContent).toMatch(
      /cannot be undone/,
    );
    expect(document.activeElement).toBe(byTestId(root, 'delete-all-cancel'));
    dialog?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(p.onCancel).toHaveBeenCalledOnce();
    byTestId(root, 'delete-all-yes')?.click();
    expect(p.onConfirm).toHaveBeenCalledOnce();
  });

  it('busy: both buttons disabled; feedback is a polite live region', () => {
    const root = mount(
      <DeleteAllData {...props({ phase: 'busy', feedback: { tone: 'ok', text: 'Done.' } })} />,
    );
    expect((byTestId(root, 'delete-all-yes') as HTMLButtonElement).disabled).toBe(true);
    expect((byTestId(root, 'delete-all-cancel') as HTMLButtonElement).disabled).toBe(true);
    const fb = byTestId(root, 'delete-all-feedback');
    expect(fb?.getAttribute('role')).toBe('status');
    expect(fb?.getAttribute('aria-live')).toBe('polite');
    expect(fb?.textContent).toBe('Done.');
  });
});
