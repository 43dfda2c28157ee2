import type { SearchOutcome, SearchPlan } from '@/lib/coverage/types';

export interface FindMoreProps {
  plans: readonly SearchPlan[];
  notes: readonly string[];
  busy: boolean;
  outcome: SearchOutcome | null;
  error: string | null;
  onSearch: () => void;
}

const NAMES: Record<SearchPlan['service'], string> = { 'google-news': 'Google News', gdelt: 'GDELT' };

/** The on-demand search: what would be sent, to whom — and nothing until the click. */
export function FindMoreCoverage({ plans, notes, busy, outcome, error, onSearch }: FindMoreProps) {
  if (plans.length === 0) {
    return notes.length ? <p class="rel-note">{notes.join(' ')}</p> : null;
  }
  return (
    <div class="rel-search" data-testid="related-search">
      <button
        type="button"
        class="button"
        onClick={onSearch}
        disabled={busy}
        aria-describedby="related-search-what"
      >
        {busy ? 'Searching…' : 'Find more coverage'}
      </button>
      <div id="related-search-what" class="rel-note">
        <p>Only when you click:</p>
        <ul>
          {plans.map((p) => (
            <li key={p.service} data-testid="related-search-plan">
              {p.description}
            </li>
          ))}
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </div>
      <p role="status" aria-live="polite" class="rel-note" data-testid="related-search-result">
        {error && `Search failed: ${error}`}
        {outcome?.results
          .map((r) =>
            r.error
              ? `${NAMES[r.service]}: ${r.error}`
              : r.cached
                ? `${NAMES[r.service]}: already searched recently.`
                : `${NAMES[r.service]}: ${r.added} item${r.added === 1 ? '' : 's'} stored.`,
          )
          .join(' ')}
      </p>
    </div>
  );
}
