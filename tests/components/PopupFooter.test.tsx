import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupFooter } from '@/components/PopupFooter';
import { mount, unmountAll } from './render';

afterEach(unmountAll);

describe('PopupFooter', () => {
  it('has the privacy promise and an Options link that calls back instead of navigating', () => {
    const onOpenOptions = vi.fn();
    const root = mount(<PopupFooter optionsHref="/options.html" onOpenOptions={onOpenOptions} />);
    expect(root.textContent).toContain('Private by default: nothing leaves your browser.');
    const link = root.querySelector('a');
    expect(link?.textContent).toBe('Options');
    expect(link?.getAttribute('href')).toBe('/options.html');
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    link?.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });
});
