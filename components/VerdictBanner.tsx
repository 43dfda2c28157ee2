import type { ArticleVerdict } from '@/lib/types';

export interface VerdictBannerProps {
  /** The page's verdict from the report; `explanation` is shown for non-articles. */
  verdict: ArticleVerdict;
  /** `data-testid` for the explanation alone (non-articles), so tests can read the bare reason. */
  reasonTestId?: string;
}

/** One line saying what Masthead thinks the page is: "News article" or "Not an article: …". */
export function VerdictBanner({ verdict, reasonTestId }: VerdictBannerProps) {
  if (verdict.isArticle) {
    return (
      <p class="verdict verdict--article" data-testid="verdict">
        <span class="verdict__dot" aria-hidden="true" />
        News article
      </p>
    );
  }
  return (
    <p class="verdict verdict--other" data-testid="verdict">
      <span class="verdict__dot" aria-hidden="true" />
      <span>
        Not an article:{' '}
        <span data-testid={reasonTestId}>
          {verdict.explanation.trim() || 'This page does not look like a news article.'}
        </span>
      </span>
    </p>
  );
}
