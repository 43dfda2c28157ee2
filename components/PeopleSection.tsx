import type { PersonReport, SourceCitedReport } from '@/lib/types';
import { PersonItem } from './PersonItem';
import type { PersonSummaryView } from './PersonWikipedia';
import { ReservedSection } from './ReservedSection';
import { SourcesCitedLine } from './SourcesCitedLine';

export interface PeopleSectionProps {
  /** People named in the article, most prominent first (PageReport.people). */
  people?: readonly PersonReport[];
  /** Agencies and outlets the article cites (PageReport.sourcesCited). */
  sourcesCited?: readonly SourceCitedReport[];
  /** The article's published date (ISO), for "as of" wording. */
  articleDate?: string;
  /** Asks the page to show the person's first mention; absent → no "Find on page" buttons. */
  onFind?: (name: string) => void;
  /** One-line result of the last "Find on page" ("Not on the page any more."), or null. */
  findNotice?: string | null;
  /** Loads a person's Wikipedia summary (online lookups); absent → no summary buttons. */
  onSummary?: (qid: string) => Promise<PersonSummaryView>;
}

/** People named in the article, ordered by prominence, and the sources the article cites. */
export function PeopleSection({
  people = [],
  sourcesCited = [],
  onFind,
  findNotice,
  onSummary,
}: PeopleSectionProps) {
  return (
    <ReservedSection id="people" title="People" testId="section-people">
      {people.length === 0 ? (
        <p class="empty">Masthead found no people named in this article.</p>
      ) : (
        <ol class="people" aria-label="People, most prominent first">
          {people.map((p, i) => (
            <PersonItem key={p.name} person={p} index={i} onFind={onFind} onSummary={onSummary} />
          ))}
        </ol>
      )}
      {findNotice && (
        <p class="people__notice" role="status" data-testid="people-find-notice">
          {findNotice}
        </p>
      )}
      <SourcesCitedLine sources={sourcesCited} />
    </ReservedSection>
  );
}
