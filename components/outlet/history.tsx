import type { OutletReport } from '@/lib/outlets/card';
import { fmtIso, Unchecked } from './parts';

/** Dated history, oldest first; events after the article's date are marked as such. */
export function History({ outlet }: { outlet: OutletReport }) {
  if (outlet.history.length === 0) return null;
  return (
    <div class="outlet__block" data-testid="outlet-history">
      <h3 class="outlet__subtitle">History</h3>
      <ol class="outlet__list outlet__history">
        {outlet.history.map((h) => (
          <li
            key={`${h.value.date}-${h.value.event}`}
            data-testid="outlet-event"
            data-after-article={String(h.value.afterArticle)}
          >
            <time dateTime={h.value.date} class="outlet__date">
              {fmtIso(h.value.date)}
            </time>{' '}
            {h.value.event}{' '}
            {h.value.afterArticle === true && (
              <span class="tag tag--after" data-testid="after-article">
                after this article
              </span>
            )}
            <Unchecked fact={h} />
          </li>
        ))}
      </ol>
      {outlet.articleDate && (
        <p class="muted outlet__note">Compared with the article's date, {fmtIso(outlet.articleDate)}.</p>
      )}
    </div>
  );
}
