import type { ComponentChildren } from 'preact';

export interface ReservedSectionProps {
  /** Unique id stem; the heading gets `<id>-title` and labels the landmark. */
  id: string;
  /** Visible heading of the card. */
  title: string;
  /** Value of `data-testid` on the section (the e2e tests' handle). */
  testId: string;
  /** The card's body: an honest empty state and whatever the page itself says. */
  children: ComponentChildren;
}

/** A labelled card for one feature area (outlet, people, coverage, save): a `<section>` landmark. */
export function ReservedSection({ id, title, testId, children }: ReservedSectionProps) {
  const headingId = `${id}-title`;
  return (
    <section class="card" id={id} aria-labelledby={headingId} data-testid={testId}>
      <h2 class="card__title" id={headingId}>
        {title}
      </h2>
      <div class="card__body">{children}</div>
    </section>
  );
}
