import type { BreakdownRow, CitedSourceView } from '@/lib/coverage/types';

function Rows({ title, rows, testId }: { title: string; rows: readonly BreakdownRow[]; testId: string }) {
  return (
    <div class="rel-breakdown__col">
      <h3 class="rel-breakdown__title">{title}</h3>
      <ul class="rel-breakdown__list" data-testid={testId}>
        {rows.map((r) => (
          <li key={r.label}>
            <span>{r.label}</span> <span class="rel-breakdown__n">{r.outlets}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Who covered it: outlets by country and by ownership/control type. */
export function RelatedBreakdown({
  byCountry,
  byControl,
}: {
  byCountry: readonly BreakdownRow[];
  byControl: readonly BreakdownRow[];
}) {
  return (
    <div class="rel-breakdown" data-testid="related-breakdown" aria-label="Who covered it: number of outlets">
      <Rows title="By country" rows={byCountry} testId="related-by-country" />
      <Rows title="By ownership" rows={byControl} testId="related-by-control" />
    </div>
  );
}

/** The sources the article cites, linked to their own coverage when it is listed above. */
export function CitedSources({ cited }: { cited: readonly CitedSourceView[] }) {
  if (cited.length === 0) return null;
  return (
    <div class="rel-cited" data-testid="related-cited">
      <h3 class="rel-breakdown__title">Sources this article cites</h3>
      <ul class="rel-cited__list">
        {cited.map((c) => (
          <li key={c.name}>
            {c.group !== undefined ? (
              <a href={`#related-group-${c.group}`}>{c.name}: its own coverage is listed</a>
            ) : (
              <span>{c.name}: its own coverage is not in your store</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
