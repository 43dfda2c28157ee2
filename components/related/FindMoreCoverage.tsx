import type { SearchOutcome, SearchPlan } from '@/lib/coverage/types';

export interface FindMoreProps {
  plans: readonly SearchPlan[];
  notes: readonly string[];
  /** Turned on in the options; when off the button says so and sends nothing. */
  enabled: boolean;
  /** Opens the options page (where the search is turned on). */
  onOpenOptions?: () => void;
  busy: boolean;
  outcome: SearchOutcome | null;
  error: string | null;
  onSearch: () => void;
}

const NAMES: Record<SearchPlan['service'], string> = { 'google-news': 'Google News', gdelt: 'GDELT' };

/** The on-demand search: what would be sent, to whom — and nothing until the click. */
export function FindMoreCoverage(p: FindMoreProps) {
  const { plans, notes, busy, outcome, error, onSearch, enabled } = p;
  if (plans.length === 0) {
    return notes.length ? <p class="rel-note">{notes.join(' ')}</p> : null;
  }
  return (
    <div class="rel-search" data-testid="related-search" data-search={enabled ? 'on' : 'off'}>
      <button
        type="button"
        class="button"
        onClick={onSearch}
        disabled={busy || !enabled}
        aria-describedby="related-search-what"
        data-testid="related-search-button"
      >
        {busy ? 'Searching…' : enabled ? 'Find more coverage' : 'Find more coverage (off)'}
      </button>
      {!enabled && (
        <>
          <p class="rel-note" data-testid="related-search-off">
            Online search is off in the options, so this button sends nothing.
          </p>
          {p.onOpenOptions && (
            <button
              type="button"
              class="button rel-feeds-button"
              onClick={p.onOpenOptions}
              data-testid="related-search-options"
            >
              Turn on online search (options)
            </button>
          )}
        </>
      )}
      <div id="related-search-what" class="rel-note">
        <p>{enabled ? 'Only when you click:' : 'When on, only when you click:'}</p>
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
