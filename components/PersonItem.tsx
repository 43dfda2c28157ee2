import { formatDate, safeHttpUrl } from '@/lib/format';
import { roleLine } from '@/lib/highlight/people';
import type { PersonReport, PersonRoleAtDate } from '@/lib/types';
import { PersonQuotes } from './PersonQuotes';
import { PersonWikipedia, type PersonSummaryView } from './PersonWikipedia';

function RoleAtDate({ role }: { role: PersonRoleAtDate }) {
  const href = safeHttpUrl(role.source);
  return (
    <p class="person__role-date" data-testid="person-role-at-date">
      <span class="person__label">At the article's date: </span>
      {roleLine(role)}
      {href && (
        <>
          {' '}
          <a
            class="person__source"
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            title={`Source, as of ${formatDate(role.asOf) ?? role.asOf}`}
          >
            (source)
          </a>
        </>
      )}
    </p>
  );
}

export interface PersonItemProps {
  person: PersonReport;
  index: number;
  onFind?: (name: string) => void;
  /** Loads the Wikipedia summary of a person with a QID; absent → no summary button. */
  onSummary?: (qid: string) => Promise<PersonSummaryView>;
}

/** One person: name, role in this article, role on the article's date, mentions, quotes, find. */
export function PersonItem({ person, index, onFind, onSummary }: PersonItemProps) {
  const nameId = `person-${index}-name`;
  const mentions = person.prominence?.mentions ?? person.mentions.length;
  return (
    <li class="person" data-testid="person" aria-labelledby={nameId}>
      <div class="person__head">
        <h3 class="person__name" id={nameId} data-testid="person-name">
          {person.name}
        </h3>
        <span class="person__count" data-testid="person-mentions">
          {mentions} {mentions === 1 ? 'mention' : 'mentions'}
        </span>
      </div>
      {person.roleInText && (
        <p class="person__role" data-testid="person-role">
          <span class="person__label">In this article: </span>
          {person.roleInText}
        </p>
      )}
      {person.roleAtDate && <RoleAtDate role={person.roleAtDate} />}
      <div class="person__actions">
        <PersonQuotes quotes={person.quotes} name={person.name} />
        {onFind && (
          <button
            type="button"
            class="button button--small person__find"
            data-testid="person-find"
            aria-label={`Find ${person.name} on the page`}
            onClick={() => onFind(person.name)}
          >
            Find on page
          </button>
        )}
      </div>
      {person.qid && onSummary && <PersonWikipedia name={person.name} qid={person.qid} load={onSummary} />}
    </li>
  );
}
