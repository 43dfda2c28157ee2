import type { CardFact, CardSource } from '@/lib/outlets/card';
import { formatDate, safeHttpUrl } from '@/lib/format';

/** `8 Jul 2007` for a full date; a partial date ('2007', '2021-03') as written. */
export function fmtIso(iso: string | undefined): string {
  if (!iso) return 'unknown date';
  return formatDate(iso) ?? iso;
}

const BASIS_WORDS: Record<CardSource['basis'], string> = {
  corpus: 'read from a dated snapshot',
  fetched: 'checked against the live source',
  'editor-recall': 'recalled by an editor, not yet checked',
};

/**
 * The visible mark on a fact that rests on an editor's recall: never shown as verified. The text is
 * on screen (not only in a tooltip), so it reaches every reader and screen reader.
 */
export function Unchecked({ fact }: { fact: Pick<CardFact<unknown>, 'unverified'> | undefined }) {
  if (!fact?.unverified) return null;
  return (
    <span
      class="tag tag--unchecked"
      data-testid="unverified"
      title="Recalled by an editor; not yet checked against Wikidata"
    >
      not yet checked
    </span>
  );
}

/** A source as a link (shipped data only; still only http(s) hrefs) with its date and basis. */
export function SourceLink({ source }: { source: CardSource }) {
  const href = safeHttpUrl(source.url);
  return (
    <>
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        source.title
      )}{' '}
      <span class="muted">
        ({BASIS_WORDS[source.basis] ?? source.basis}, {fmtIso(source.date)}
        {source.licence ? `, ${source.licence}` : ''})
      </span>
    </>
  );
}

/** One labelled row of the facts list with its unchecked mark. */
export function FactRow({
  label,
  testId,
  fact,
  children,
}: {
  label: string;
  testId: string;
  fact?: Pick<CardFact<unknown>, 'unverified'>;
  children: preact.ComponentChildren;
}) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>
        {children} <Unchecked fact={fact} />
      </dd>
    </div>
  );
}

/** Every fact's sources, folded away: label → sources with dates. */
export function SourcesList({ facts }: { facts: Array<[string, CardFact<unknown> | undefined]> }) {
  const rows = facts.filter((f): f is [string, CardFact<unknown>] => Boolean(f[1]?.sources.length));
  if (rows.length === 0) return null;
  return (
    <details class="outlet__sources" data-testid="outlet-sources">
      <summary>Sources for each fact</summary>
      <ul>
        {rows.map(([label, f], i) => (
          <li key={`${label}-${i}`}>
            <span class="outlet__source-label">{label}</span> (as of {fmtIso(f.asOf)}):{' '}
            {f.sources.map((s, j) => (
              <span key={j}>
                {j > 0 ? '; ' : ''}
                <SourceLink source={s} />
              </span>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}
