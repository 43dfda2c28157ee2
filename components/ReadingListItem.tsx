/** One row of the reading list: checkbox, title (opens the reader), outlet, dates, state, tags. */
export interface ReadingListItemData {
  urlKey: string;
  title: string;
  outlet: string;
  /** The outlet's control/funding label when saved ("State-controlled"), if known. */
  control?: string;
  savedAt: string;
  state: 'unread' | 'archived';
  favourite: boolean;
  tags: string[];
  note: string;
  /** True when a saved copy exists (false for a bare link or an import without content). */
  hasCopy: boolean;
}

export interface ReadingListItemProps {
  item: ReadingListItemData;
  /** Position in the visible list (for aria-posinset). */
  index: number;
  total: number;
  selected: boolean;
  active: boolean;
  readerHref: string;
  onToggle: (key: string) => void;
  onActivate: (index: number) => void;
  onOpen: (key: string) => void;
}

export const dayOf = (iso: string): string => {
  const d = new Date(iso);
  return Number.isFinite(d.getTime())
    ? d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
    : '';
};

export function ReadingListItem({
  item,
  index,
  total,
  selected,
  active,
  readerHref,
  onToggle,
  onActivate,
  onOpen,
}: ReadingListItemProps) {
  const id = `item-${index}`;
  return (
    <li
      id={id}
      class={`rl-item${active ? ' rl-item--active' : ''}${item.state === 'archived' ? ' rl-item--archived' : ''}`}
      aria-posinset={index + 1}
      aria-setsize={total}
      aria-selected={active}
      role="option"
      data-testid="rl-item"
      data-key={item.urlKey}
      onClick={() => onActivate(index)}
    >
      <input
        type="checkbox"
        class="rl-item__check"
        checked={selected}
        aria-label={`Select “${item.title}”`}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
        onChange={() => onToggle(item.urlKey)}
      />
      <div class="rl-item__main">
        <a
          class="rl-item__title"
          href={readerHref}
          tabIndex={-1}
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            onOpen(item.urlKey);
          }}
        >
          {item.favourite && (
            <span class="rl-item__star" aria-label="Favourite" title="Favourite">
              ★{' '}
            </span>
          )}
          {item.title}
        </a>
        <p class="rl-item__meta">
          <span>{item.outlet}</span>
          {item.control && <span class="rl-chip rl-chip--control">{item.control}</span>}
          <span aria-hidden="true"> · </span>
          <span>Saved {dayOf(item.savedAt)}</span>
          {item.state === 'archived' && <span class="rl-chip rl-chip--state">Archived</span>}
          {!item.hasCopy && <span class="rl-chip rl-chip--state">Link only</span>}
          {item.tags.map((t) => (
            <span class="rl-chip" key={t}>
              {t}
            </span>
          ))}
          {item.note && <span class="rl-item__note"> — {item.note.slice(0, 120)}</span>}
        </p>
      </div>
    </li>
  );
}
