import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatusMessage } from '@/components/StatusMessage';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

describe('StatusMessage', () => {
  it('shows title, message and hint without a button by default', () => {
    const root = mount(
      <StatusMessage
        tone="info"
        title="Not analysed"
        message="Masthead can't read browser pages."
        testId="not-analysed-reason"
        hint="Open a news article."
      />,
    );
    expect(root.querySelector('h1')?.textContent).toBe('Not analysed');
    expect(byTestId(root, 'not-analysed-reason')?.textContent).toBe("Masthead can't read browser pages.");
    expect(root.textContent).toContain('Open a news article.');
    expect(root.querySelector('button')).toBeNull();
  });

  it('calls onRetry from a Retry button', () => {
    const onRetry = vi.fn();
    const root = mount(
      <StatusMessage
        tone="error"
        title="Something went wrong"
        message="Boom"
        testId="error"
        onRetry={onRetry}
      />,
    );
    const button = root.querySelector('button');
    expect(button?.textContent).toBe('Retry');
    expect(button?.type).toBe('button');
    button?.click();
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('can show a title and hint without a message', () => {
    const root = mount(
      <StatusMessage tone="info" title="Nothing to summarise here" hint="Open a news article." />,
    );
    expect(root.querySelector('.status__message')).toBeNull();
    expect(root.textContent).toBe('Nothing to summarise hereOpen a news article.');
  });
});
