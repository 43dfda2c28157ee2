import type { RelatedView, SearchOutcome } from '@/lib/coverage/types';
import { FindMoreCoverage } from './related/FindMoreCoverage';
import { CitedSources, RelatedBreakdown } from './related/RelatedBreakdown';
import { RelatedGroups } from './related/RelatedGroups';
import { ReservedSection } from './ReservedSection';

export interface RelatedSectionProps {
  status: 'idle' | 'loading' | 'ready' | 'error';
  view: RelatedView | null;
  error?: string | null;
  searching?: boolean;
  outcome?: SearchOutcome | null;
  searchError?: string | null;
  onSearch?: () => void;
  onRetry?: () => void;
  /** Opens the options page (where feeds are turned on). */
  onOpenOptions?: () => void;
}

/**
 * Who else covered this story: matches from the reader's own store (articles they opened, feeds
 * they turned on, searches they asked for), grouped by outlet with each outlet's context chip.
 */
export function RelatedSection(p: RelatedSectionProps) {
  const v = p.view;
  return (
    <ReservedSection id="related" title="Related coverage" testId="section-related">
      {(p.status === 'loading' || p.status === 'idle') && (
        <p class="empty" aria-busy="true">
          Looking for other coverage on this computer…
        </p>
      )}
      {p.status === 'error' && (
        <div class="rel-error" data-testid="related-error">
          <p>Could not look for related coverage: {p.error ?? 'unknown error'}</p>
          {p.onRetry && (
            <button type="button" class="button" onClick={p.onRetry}>
              Try again
            </button>
          )}
        </div>
      )}
      {p.status === 'ready' && v && (
        <>
          {v.groups.length > 0 ? (
            <>
              <p class="rel-summary" data-testid="related-summary">
                {v.groups.length} other outlet{v.groups.length === 1 ? '' : 's'} covered this story.
              </p>
              <RelatedBreakdown byCountry={v.breakdown.byCountry} byControl={v.breakdown.byControl} />
              <RelatedGroups groups={v.groups} />
            </>
          ) : (
            <p class="empty" data-testid="related-empty">
              No other outlet's coverage of this story is stored on this computer yet
              {v.stored ? ` (${v.stored} item${v.stored === 1 ? '' : 's'} checked)` : ''}.{' '}
              {v.feedsOn ? 'Your feeds have nothing on it so far.' : 'Turn on news feeds, or search below.'}
            </p>
          )}
          <CitedSources cited={v.cited} />
          {!v.feedsOn && p.onOpenOptions && (
            <button
              type="button"
              class="button rel-feeds-button"
              onClick={p.onOpenOptions}
              data-testid="related-feeds"
            >
              Turn on news feeds (options)
            </button>
          )}
          <FindMoreCoverage
            plans={v.search}
            notes={v.searchNotes}
            enabled={v.searchOn === true}
            {...(p.onOpenOptions ? { onOpenOptions: p.onOpenOptions } : {})}
            busy={p.searching === true}
            outcome={p.outcome ?? null}
            error={p.searchError ?? null}
            onSearch={() => p.onSearch?.()}
          />
        </>
      )}
    </ReservedSection>
  );
}
