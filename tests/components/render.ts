/** Tiny render helper for component tests: Preact into a fresh container, cleaned up by the caller. */
import { render, type ComponentChild } from 'preact';

export function mount(node: ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

export function unmountAll() {
  for (const el of [...document.body.children]) {
    render(null, el);
    el.remove();
  }
}

export const byTestId = (root: ParentNode, id: string) =>
  root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
