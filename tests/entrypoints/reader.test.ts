// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { highlightNames } from '@/entrypoints/reader/highlight';
import { createSafeRenderer } from '@/lib/safe-html';

describe('reader rendering', () => {
  it('renders saved HTML as sanitised nodes, never scripts, handlers or javascript: links', () => {
    const render = createSafeRenderer(window);
    const el = document.createElement('div');
    render(
      el,
      '<p>Hi <a href="javascript:alert(1)">x</a><img src="https://a.example/i.jpg" onerror="alert(1)"><script>alert(1)</script></p>',
    );
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('img')?.getAttribute('onerror')).toBeNull();
    expect(el.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(el.textContent).toContain('Hi');
    render(el, '');
    expect(el.childNodes).toHaveLength(0);
  });

  it('marks the people named, whole words only, without touching markup', () => {
    const el = document.createElement('div');
    el.append(
      Object.assign(document.createElement('p'), {
        textContent: 'Abe met Mattis; Abel did not. Shinzo Abe smiled.',
      }),
    );
    const n = highlightNames(el, ['Shinzo Abe', 'Abe', 'Mattis', 'x']);
    expect(n).toBe(3);
    expect([...el.querySelectorAll('mark.person')].map((m) => m.textContent)).toEqual([
      'Abe',
      'Mattis',
      'Shinzo Abe',
    ]);
    expect(el.textContent).toBe('Abe met Mattis; Abel did not. Shinzo Abe smiled.');
  });
});
