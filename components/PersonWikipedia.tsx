import { useState } from 'preact/hooks';
import { formatDate, safeHttpUrl } from '@/lib/format';
import type { PersonSummaryResult } from '@/lib/people/wiki-summary';

/** The popup's answer for one person: a summary result, or a messaging error. */
export type PersonSummaryView = PersonSummaryResult | { status: 'error'; message: string };

export interface PersonWikipediaProps {
  name: string;
  qid: string;
  /** Asks the background (only when the reader clicks: names are never prefetched). */
  load: (qid: string) => Promise<PersonSummaryView>;
}

function Answer({ view, name }: { view: PersonSummaryView; name: string }) {
  switch (view.status) {
    case 'found': {
      const s = view.summary;
      const href = safeHttpUrl(s.url);
      return (
        <div class="person__wiki" data-testid="person-wikipedia">
          {s.description && <p class="person__wiki-desc">{s.description}</p>}
          <p class="person__wiki-text">{s.extract}</p>
          <p class="person__wiki-source">
            From{' '}
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                Wikipedia: {s.title}
              </a>
            ) : (
              `Wikipedia: ${s.title}`
            )}{' '}
            · text under{' '}
            <a href={s.licence.url} target="_blank" rel="noopener noreferrer">
              {s.licence.name}
            </a>{' '}
            · fetched {formatDate(s.fetchedAt) ?? s.fetchedAt}
          </p>
        </div>
      );
    }
    case 'not-found':
      return <p class="person__wiki-note">English Wikipedia has no article for {name}.</p>;
    case 'disabled':
      return (
        <p class="person__wiki-note">
          Online lookups are off. Turn them on in Masthead's options to see a summary.
        </p>
      );
    case 'rate-limited':
      return <p class="person__wiki-note">Wikipedia asked Masthead to wait. Try again later.</p>;
    default:
      return <p class="person__wiki-note">{view.message}</p>;
  }
}

/** "Wikipedia summary" for a person with a Wikidata QID: fetched on request, shown with its source. */
export function PersonWikipedia({ name, qid, load }: PersonWikipediaProps) {
  const [view, setView] = useState<PersonSummaryView | 'loading' | null>(null);
  if (view === null) {
    return (
      <button
        type="button"
        class="button button--small person__wiki-button"
        data-testid="person-wikipedia-load"
        aria-label={`Wikipedia summary of ${name}`}
        onClick={() => {
          setView('loading');
          void load(qid).then(setView, (e: unknown) => setView({ status: 'error', message: String(e) }));
        }}
      >
        Wikipedia summary
      </button>
    );
  }
  return (
    <div class="person__wiki-box" role="status" aria-live="polite">
      {view === 'loading' ? <p class="person__wiki-note">Loading…</p> : <Answer view={view} name={name} />}
    </div>
  );
}
