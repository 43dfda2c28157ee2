import type { OutletChip, RelatedGroup } from '@/lib/coverage/types';
import { shortDate } from './format';

function Chip({ chip }: { chip: OutletChip | null }) {
  if (!chip) {
    return (
      <span class="rel-chip rel-chip--unknown" data-testid="related-chip">
        Not in Masthead's outlet data
      </span>
    );
  }
  return (
    <span class={`rel-chip control--${chip.relation}`} data-testid="related-chip" title={chip.controlLong}>
      <span class="visually-hidden">Country: </span>
      {chip.country}
      <span aria-hidden="true"> · </span>
      <span class="visually-hidden">, control: </span>
      {chip.control}
    </span>
  );
}

const ORIGIN: Record<string, string> = {
  history: 'you read this',
  feed: 'from a feed',
  search: 'from a search',
};

/** Same-story items, one block per outlet, with the outlet's chip. */
export function RelatedGroups({ groups }: { groups: readonly RelatedGroup[] }) {
  return (
    <ul class="rel-groups" data-testid="related-groups">
      {groups.map((g, i) => (
        <li
          class="rel-group"
          key={g.outletId ?? g.name}
          id={`related-group-${i}`}
          data-testid="related-group"
        >
          <div class="rel-group__head">
            <span class="rel-group__name" data-testid="related-outlet">
              {g.name}
            </span>
            <Chip chip={g.chip} />
          </div>
          <ul class="rel-items">
            {g.items.map((it) => (
              <li class="rel-item" key={it.url} data-testid="related-item">
                <a href={it.url} target="_blank" rel="noopener noreferrer" class="rel-item__link">
                  {it.title}
                </a>
                <span class="rel-item__meta">
                  {shortDate(it.publishedAt)}
                  {' · '}
                  {ORIGIN[it.origin] ?? it.origin}
                  {it.copies > 0 &&
                    ` · ${it.copies} more ${it.copies === 1 ? 'copy' : 'copies'} of this text`}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
