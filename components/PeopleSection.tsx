import { ReservedSection } from './ReservedSection';

/** People card: reserved until person extraction ships; shows nothing it does not know. */
export function PeopleSection() {
  return (
    <ReservedSection id="people" title="People" testId="section-people">
      <p class="empty">People named in this article will appear here.</p>
    </ReservedSection>
  );
}
