import { ReservedSection } from './ReservedSection';

/** Related coverage card: reserved; nothing is fetched until the reader allows it. */
export function RelatedSection() {
  return (
    <ReservedSection id="related" title="Related coverage" testId="section-related">
      <p class="empty">
        Other outlets' coverage of this story will appear here. Nothing is fetched without your permission.
      </p>
    </ReservedSection>
  );
}
