import type { PersonQuote } from '@/lib/people/types';

/** A person's quotes from this article, collapsed behind a native (keyboard-ready) disclosure. */
export function PersonQuotes({ quotes, name }: { quotes: readonly PersonQuote[]; name: string }) {
  if (quotes.length === 0) {
    return (
      <span class="person__no-quotes" data-testid="person-quotes-none">
        Not quoted
      </span>
    );
  }
  return (
    <details class="quotes" data-testid="person-quotes">
      <summary class="quotes__toggle" aria-label={`${quotes.length} quotes from ${name}`}>
        {quotes.length === 1 ? '1 quote' : `${quotes.length} quotes`}
      </summary>
      <ul class="quotes__list">
        {quotes.map((q) => (
          <li key={q.start} class="quotes__item">
            <blockquote class="quotes__text" data-testid="person-quote">
              “{q.text}”
            </blockquote>
            <span class="quotes__cue">— {q.cue}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
