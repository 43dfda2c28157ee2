import type { OutletReport } from '@/lib/outlets/card';
import { safeHttpUrl } from '@/lib/format';
import { fmtIso } from './parts';

/** Wikipedia's perennial-sources listings, newest (current) first, each dated and linked; CC BY-SA. */
export function Reliability({ outlet }: { outlet: OutletReport }) {
  const list = outlet.reliability;
  return (
    <div class="outlet__block" data-testid="outlet-reliability">
      <h3 class="outlet__subtitle">Reliability notes (Wikipedia perennial sources)</h3>
      {list.length === 0 ? (
        <p class="empty">Not listed on Wikipedia's perennial sources list.</p>
      ) : (
        <ul class="outlet__list">
          {list.map((r) => {
            const href = safeHttpUrl(r.url);
            return (
              <li key={`${r.asOf}-${r.label}`} data-testid="outlet-rsp" data-current={String(r.current)}>
                <strong class={`rsp rsp--${r.statuses[0] ?? 'listed'}`}>{r.label}</strong>{' '}
                <span class="muted">
                  {r.current ? 'current status, as of ' : 'as listed on '}
                  <time dateTime={r.asOf}>{fmtIso(r.asOf)}</time>
                </span>
                {' · '}
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    WP:RSP
                  </a>
                ) : null}
                {r.summary && <p class="outlet__quote">“{r.summary.replace(/\[\d+\]/g, '')}”</p>}
              </li>
            );
          })}
        </ul>
      )}
      {list.length > 0 && outlet.reliabilityAttribution && (
        <p class="outlet__attribution" data-testid="outlet-rsp-attribution">
          From Wikipedia, by Wikipedia contributors,{' '}
          <a
            href={safeHttpUrl(outlet.reliabilityAttribution.licenceUrl) ?? undefined}
            target="_blank"
            rel="noopener noreferrer"
          >
            {outlet.reliabilityAttribution.licence}
          </a>
          .
        </p>
      )}
    </div>
  );
}
