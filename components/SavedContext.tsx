import type { NamedView, OutletView } from '@/lib/reading-list/context-view';

export interface SavedContextProps {
  outlet: OutletView | null;
  people: NamedView[];
  sourcesCited: NamedView[];
  /** The outlet name as the page itself states it (when there is no outlet card). */
  siteName?: string;
  /** When the snapshot was taken (display string). */
  capturedOn?: string;
}

function Named({ items, testId, empty }: { items: NamedView[]; testId: string; empty: string }) {
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="ctx-list" data-testid={testId}>
      {items.map((p, i) => (
        <li key={`${p.name}-${i}`}>
          <strong>{p.name}</strong>
          {p.detail && <span class="muted"> — {p.detail}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The context an article was saved with: outlet snapshot, people named, sources cited. */
export function SavedContext({ outlet, people, sourcesCited, siteName, capturedOn }: SavedContextProps) {
  return (
    <aside class="ctx" aria-labelledby="ctx-title" data-testid="reader-context">
      <h2 id="ctx-title" class="ctx__title">
        Context when saved
      </h2>
      {capturedOn && <p class="muted ctx__when">As it was on {capturedOn}.</p>}
      <section aria-labelledby="ctx-outlet">
        <h3 id="ctx-outlet">Outlet</h3>
        {outlet ? (
          <div data-testid="reader-outlet">
            {outlet.name && <p class="ctx__name">{outlet.name}</p>}
            {outlet.country && <p>Country: {outlet.country}</p>}
            {outlet.label && (
              <p data-testid="reader-outlet-control">
                Control / funding: <strong>{outlet.label}</strong>
                {outlet.evidence && <span class="muted"> — {outlet.evidence}</span>}
              </p>
            )}
            {outlet.facts.map((f) => (
              <p key={f}>{f}</p>
            ))}
            {outlet.reliability.map((r) => (
              <p key={r}>{r}</p>
            ))}
            {outlet.history.length > 0 && (
              <ul class="ctx-list" aria-label="History">
                {outlet.history.map((h, i) => (
                  <li key={`${h.date}-${i}`}>
                    <strong>{h.date}</strong> {h.event}
                    {h.after && <span class="muted"> (after the article)</span>}
                  </li>
                ))}
              </ul>
            )}
            {outlet.unverified !== undefined && (
              <p class="muted">
                {outlet.unverified === 1 ? '1 fact' : `${outlet.unverified} facts`} on this card rested on an
                editor's recall and had not yet been checked against their sources when you saved this.
              </p>
            )}
            {outlet.sources.length > 0 && (
              <p class="ctx__sources">
                Sources:{' '}
                {outlet.sources.map((s, i) => (
                  <span key={s.url}>
                    {i > 0 && ', '}
                    <a href={s.url} target="_blank" rel="noopener noreferrer">
                      {s.title}
                    </a>
                  </span>
                ))}
                {outlet.asOf && <span class="muted"> (as of {outlet.asOf.slice(0, 10)})</span>}
              </p>
            )}
          </div>
        ) : (
          <div data-testid="reader-outlet">
            {siteName && <p class="ctx__name">{siteName}</p>}
            <p class="muted">
              {siteName ? 'As the page names itself; ' : ''}no outlet details were known when you saved this.
            </p>
          </div>
        )}
      </section>
      <section aria-labelledby="ctx-people">
        <h3 id="ctx-people">People named</h3>
        <Named items={people} testId="reader-people" empty="No people were listed when you saved this." />
      </section>
      <section aria-labelledby="ctx-sources">
        <h3 id="ctx-sources">Sources cited</h3>
        <Named
          items={sourcesCited}
          testId="reader-sources"
          empty="No cited sources were listed when you saved this."
        />
      </section>
    </aside>
  );
}
