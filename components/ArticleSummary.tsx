import type { ArticleSummary as Summary } from '@/lib/types';
import {
  formatAuthors,
  formatDate,
  formatLanguage,
  formatModifiedDate,
  formatReadingTime,
} from '@/lib/format';

export interface ArticleSummaryProps {
  /** The article as the page describes it; missing fields show as missing, never guessed. */
  article: Summary;
}

/**
 * Headline and the page's own facts about it: outlet, authors, dates, reading time, language.
 * Every value comes from the report; absent values are either omitted or said plainly.
 */
export function ArticleSummary({ article }: ArticleSummaryProps) {
  const outlet = article.siteName?.trim() || article.publisher?.name?.trim() || null;
  const authors = formatAuthors(article.authors, article.byline);
  const published = formatDate(article.publishedTime);
  const modified = formatModifiedDate(article.modifiedTime, article.publishedTime);
  const readingTime = formatReadingTime(article.readingMinutes);
  const language = formatLanguage(article.lang);

  return (
    <div class="summary">
      <h1 class="summary__headline" data-testid="headline" lang={article.lang || undefined} dir="auto">
        {article.title.trim() || 'Untitled page'}
      </h1>
      <dl class="summary__facts">
        <div class="fact">
          <dt>Outlet</dt>
          <dd data-testid="site-name" class={outlet ? undefined : 'muted'}>
            {outlet ?? 'The page does not name its outlet'}
          </dd>
        </div>
        <div class="fact">
          <dt>By</dt>
          <dd data-testid="authors" class={authors ? undefined : 'muted'}>
            {authors ?? 'No author named on the page'}
          </dd>
        </div>
        <div class="fact">
          <dt>Published</dt>
          <dd class={published ? undefined : 'muted'}>
            {published ? (
              <time data-testid="published" dateTime={article.publishedTime}>
                {published}
              </time>
            ) : (
              <span data-testid="published">No date on the page</span>
            )}
            {modified && (
              <>
                {' · '}
                <span class="muted">
                  Updated <time dateTime={article.modifiedTime}>{modified}</time>
                </span>
              </>
            )}
          </dd>
        </div>
        {(readingTime || language) && (
          <div class="fact">
            <dt>Length</dt>
            <dd>
              {readingTime && <span data-testid="reading-time">{readingTime}</span>}
              {readingTime && language && ' · '}
              {language && <span data-testid="language">{language}</span>}
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
