import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingSwitch } from '@/components/SettingSwitch';
import { mount, unmountAll } from './render';

afterEach(unmountAll);

describe('SettingSwitch', () => {
  it('is a labelled switch with its description', () => {
    const root = mount(
      <SettingSwitch
        id="s"
        label="Pause history"
        description="Explained."
        checked={false}
        onChange={() => {}}
      />,
    );
    const input = root.querySelector('input');
    expect(input?.getAttribute('role')).toBe('switch');
    expect(input?.checked).toBe(false);
    expect(root.querySelector(`label[for="${input?.id}"]`)?.textContent).toContain('Pause history');
    expect(root.querySelector(`#${input?.getAttribute('aria-describedby')}`)?.textContent).toBe('Explained.');
  });

  it('reports the wanted state on change', () => {
    const onChange = vi.fn();
    const root = mount(<SettingSwitch id="s" label="L" checked={false} onChange={onChange} />);
    root.querySelector('input')?.click();
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('is disabled while unknown or busy', () => {
    const unknown = mount(<SettingSwitch id="a" label="L" checked={null} onChange={() => {}} />);
    expect(unknown.querySelector('input')?.disabled).toBe(true);
    const busy = mount(<SettingSwitch id="b" label="L" checked busy onChange={() => {}} />);
    expect(busy.querySelector('input')?.disabled).toBe(true);
    expect(busy.querySelector('input')?.checked).toBe(true);
  });
});
