import type { LookupView } from '@/lib/outlets/enrich';
import { safeHttpUrl } from '@/lib/format';
import { fmtIso } from './parts';

export interface OutletLookupProps {
  view: LookupView;
  onOpenOptions: () => void;
}

/** The unknown-outlet lookup: off (how to turn it on), running, found (labelled unreviewed), or why not. */
export function OutletLookup({ view, onOpenOptions }: OutletLookupProps) {
  switch (view.status) {
    case 'idle':
      return null;
    case 'disabled':
      return (
        <p class="empty" data-testid="outlet-lookup-off">
          Online lookup is off. Turn it on in{' '}
          <button type="button" class="linklike" onClick={onOpenOptions}>
            Options
          </button>{' '}
          to look this site up on Wikidata and Wikipedia (sends its domain name there).
        </p>
      );
    case 'loading':
      return (
        <p class="empty" data-testid="outlet-lookup-loading" aria-busy="true">
          Looking this site up on Wikidata…
        </p>
      );
    case 'found': {
      const o = view.outlet;
      const wiki = o.wikipedia ? safeHttpUrl(o.wikipedia.url) : null;
      return (
        <div class="outlet__block" data-testid="outlet-lookup-found">
          <h3 class="outlet__subtitle">Found online (not reviewed by Masthead)</h3>
          <p class="outlet__name">{o.name}</p>
          {o.description && <p class="muted">{o.description}</p>}
          <ul class="outlet__list">
            {o.country && <li>Country: {o.country}</li>}
            {o.inception && <li>Founded: {fmtIso(o.inception)}</li>}
            {o.owners.length > 0 && <li>Owned by: {o.owners.join(', ')}</li>}
          </ul>
          {o.wikipedia?.extract && <p class="outlet__quote">{o.wikipedia.extract}</p>}
          <p class="outlet__attribution">
            <a href={`https://www.wikidata.org/wiki/${o.qid}`} target="_blank" rel="noopener noreferrer">
              Wikidata {o.qid}
            </a>{' '}
            (CC0)
            {wiki && (
              <>
                {' · '}
                <a href={wiki} target="_blank" rel="noopener noreferrer">
                  Wikipedia: {o.wikipedia?.title}
                </a>{' '}
                (by Wikipedia contributors, CC BY-SA 4.0)
              </>
            )}
            {' · '}fetched {fmtIso(o.fetchedAt)}
            {o.candidates > 1 ? ` · ${o.candidates} items share this website; the first is shown` : ''}
          </p>
        </div>
      );
    }
    case 'not-found':
      return (
        <p class="empty" data-testid="outlet-lookup-none">
          Wikidata has no outlet with this site as its official website.
        </p>
      );
    case 'rate-limited':
      return (
        <p class="empty" data-testid="outlet-lookup-wait">
          Wikidata asked Masthead to wait; try again after {new Date(view.retryAt).toLocaleTimeString()}.
        </p>
      );
    default:
      return (
        <p class="empty" data-testid="outlet-lookup-error">
          {view.message}
        </p>
      );
  }
}
