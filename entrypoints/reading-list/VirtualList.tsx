import type { ComponentChild } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Rows rendered above and below the viewport. */
const OVERSCAN = 8;

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  /** Index to keep in view (the keyboard cursor). */
  activeIndex: number;
  label: string;
  activeId?: string;
  render: (item: T, index: number) => ComponentChild;
}

/**
 * A windowed listbox: only the rows in view (plus a margin) are in the DOM, so 10,000 items paint
 * as fast as 30. Fixed row height; the cursor row is scrolled into view when it moves.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  activeIndex,
  label,
  activeId,
  render,
}: VirtualListProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || 800);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = top + rowHeight - el.clientHeight;
  }, [activeIndex, rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const slice = items.slice(first, last);

  return (
    <div
      class="rl-list"
      ref={ref}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid="rl-list"
    >
      <ul
        class="rl-list__inner"
        role="listbox"
        aria-label={label}
        aria-activedescendant={activeId}
        tabIndex={0}
        style={{ height: `${items.length * rowHeight}px`, paddingTop: `${first * rowHeight}px` }}
      >
        {slice.map((item, i) => render(item, first + i))}
      </ul>
    </div>
  );
}
