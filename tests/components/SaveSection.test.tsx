import { afterEach, describe, expect, it, vi } from 'vitest';
import { SaveSection, type SaveSectionProps } from '@/components/SaveSection';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

function props(over: Partial<SaveSectionProps> = {}): SaveSectionProps {
  return {
    status: 'idle',
    saved: null,
    onSave: vi.fn(),
    onEdit: vi.fn(),
    onRemove: vi.fn(),
    listHref: '/reading-list.html',
    onOpenList: vi.fn(),
    ...over,
  };
}

describe('SaveSection', () => {
  it('offers to save an unsaved article and calls onSave', () => {
    const p = props();
    const root = mount(<SaveSection {...p} />);
    const button = byTestId(root, 'save-button') as HTMLButtonElement;
    expect(button.textContent).toBe('Save to reading list');
    expect(button.disabled).toBe(false);
    expect(byTestId(root, 'save-status')?.dataset.saved).toBe('no');
    button.click();
    expect(p.onSave).toHaveBeenCalledOnce();
    expect(byTestId(root, 'save-tags')).toBeNull();
  });

  it('disables the button while checking', () => {
    const root = mount(<SaveSection {...props({ status: 'checking' })} />);
    expect((byTestId(root, 'save-button') as HTMLButtonElement).disabled).toBe(true);
    expect(byTestId(root, 'save-status')?.textContent).toMatch(/Checking/);
  });

  it('shows a saved item with its tags and note, and sends edits as typed', () => {
    const p = props({
      saved: {
        savedAt: '2026-11-20T10:00:00.000Z',
        state: 'unread',
        favourite: false,
        tags: ['japan', 'defence'],
        note: 'read later',
      },
    });
    const root = mount(<SaveSection {...p} />);
    expect(byTestId(root, 'save-status')?.dataset.saved).toBe('yes');
    expect(byTestId(root, 'save-button')?.textContent).toBe('Update saved copy');
    const tags = byTestId(root, 'save-tags') as HTMLInputElement;
    expect(tags.value).toBe('japan, defence');
    expect((byTestId(root, 'save-note') as HTMLTextAreaElement).value).toBe('read later');
    (byTestId(root, 'save-apply') as HTMLButtonElement).click();
    expect(p.onEdit).toHaveBeenCalledWith({ tags: 'japan, defence', note: 'read later' });
    (byTestId(root, 'save-remove') as HTMLButtonElement).click();
    expect(p.onRemove).toHaveBeenCalledOnce();
  });

  it('announces errors as alerts and opens the list without navigating', () => {
    const p = props({ error: 'Private window: Masthead does not save anything from it.' });
    const root = mount(<SaveSection {...p} />);
    expect(byTestId(root, 'save-error')?.getAttribute('role')).toBe('alert');
    const link = byTestId(root, 'open-reading-list') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/reading-list.html');
    link.click();
    expect(p.onOpenList).toHaveBeenCalledOnce();
  });
});
