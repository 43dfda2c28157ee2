import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { LookupState } from './lookup';
import { SavePanel } from './SavePanel';
import type { PageHighlightsState } from './page-highlights';
import type { RelatedState } from './related';
import type { PopupState } from './state';
import { ArticleSummary } from '@/components/ArticleSummary';
import { OutletSection } from '@/components/OutletSection';
import { OutletLookup } from '@/components/outlet/lookup';
import { PageHighlights } from '@/components/PageHighlights';
import { PeopleSection } from '@/components/PeopleSection';
import { PopupFooter } from '@/components/PopupFooter';
import { RelatedSection } from '@/components/RelatedSection';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { VerdictBanner } from '@/components/VerdictBanner';
import { Wordmark } from '@/components/Wordmark';
import type { ArticleSummary as ArticleSummaryData, PageReport } from '@/lib/types';

export interface AppProps {
  /** Popup state for the tab (see createPopupState). */
  state: PopupState;
  /** Opens the extension's options page; defaults to `runtime.openOptionsPage()`. */
  onOpenOptions?: () => void;
  /** Online lookup for an outlet not in Masthead's data (started only in that state). */
  lookup?: LookupState;
  /** Related coverage from the local store (loaded with an article; search only on click). */
  related?: RelatedState;
  /** The reader's highlights on the page (asked of the content script with an article). */
  highlights?: PageHighlightsState;
}

const NOT_ARTICLE_HINT = 'Open a news article, or click the Masthead button on any page to analyse it.';

/** Short text for the polite live region, so screen readers hear state changes but not the page. */
function announcement(state: PopupState): string {
  switch (state.status.value) {
    case 'loading':
      return state.notice.value ?? 'Loading…';
    case 'ready':
      return state.report.value?.verdict.isArticle
        ? 'Article details loaded.'
        : 'This page is not an article.';
    case 'not-analysed':
      return 'This page was not analysed.';
    case 'error':
      return 'Something went wrong.';
  }
}

function openOptionsPage() {
  void browser.runtime.openOptionsPage();
}

function ArticleView({
  report,
  article,
  state,
  lookup,
  related,
  highlights,
  onOpenOptions,
}: {
  report: PageReport;
  article: ArticleSummaryData;
  state: PopupState;
  lookup?: LookupState;
  related?: RelatedState;
  highlights?: PageHighlightsState;
  onOpenOptions: () => void;
}) {
  const unknown = !report.outlet;
  useEffect(() => {
    if (unknown) void lookup?.start();
  }, [unknown, lookup]);
  useEffect(() => {
    void related?.load();
    void highlights?.load();
  }, [report.urlKey, related, highlights]);
  return (
    <>
      <VerdictBanner verdict={report.verdict} />
      <ArticleSummary article={article} />
      <OutletSection
        outlet={report.outlet}
        siteName={article.siteName}
        publisher={article.publisher}
        lookup={
          lookup && unknown ? <OutletLookup view={lookup.view.value} onOpenOptions={onOpenOptions} /> : null
        }
      />
      <PeopleSection
        people={report.people}
        sourcesCited={report.sourcesCited ?? []}
        onFind={(name) => void state.findPerson(name)}
        findNotice={state.findNotice.value}
        onSummary={(qid) => state.personSummary(qid)}
      />
      <RelatedSection
        status={related?.status.value ?? 'idle'}
        view={related?.view.value ?? null}
        error={related?.error.value}
        searching={related?.searching.value}
        outcome={related?.outcome.value}
        searchError={related?.searchError.value}
        onSearch={() => void related?.search()}
        onRetry={() => void related?.load()}
        onOpenOptions={onOpenOptions}
      />
      {highlights && (
        <PageHighlights
          list={highlights.list.value}
          onShow={(id) => void highlights.show(id)}
          onEdit={highlights.edit}
          error={highlights.error.value}
          notice={highlights.notice.value}
        />
      )}
      <SavePanel tabId={state.tabId} url={report.url} />
    </>
  );
}

/**
 * Why there is nothing to summarise. A non-article verdict is said once, in the verdict line (its
 * sentence carries the `not-analysed-reason` test id); a page that could not be read gets a panel.
 */
function NotAnalysedView({ report, reason }: { report: PageReport | null; reason: string }) {
  if (report) {
    return (
      <>
        <VerdictBanner verdict={report.verdict} reasonTestId="not-analysed-reason" />
        <StatusMessage tone="info" title="Nothing to summarise here" hint={NOT_ARTICLE_HINT} />
        {/* Any page of a known outlet (its front page, a section) still says who publishes it. */}
        {report.outlet && (
          <OutletSection
            outlet={report.outlet}
            siteName={report.metadata?.siteName}
            publisher={report.metadata?.publisher}
          />
        )}
      </>
    );
  }
  return (
    <StatusMessage
      tone="info"
      title="Not analysed"
      message={reason}
      testId="not-analysed-reason"
      hint={NOT_ARTICLE_HINT}
    />
  );
}

/** The popup: header, one body per status, footer. Reads signals; all actions live in state.ts. */
export function App({ state, onOpenOptions = openOptionsPage, lookup, related, highlights }: AppProps) {
  const status = state.status.value;
  const report = state.report.value;

  useEffect(() => {
    // Read by the e2e tests and the benchmark; set after the DOM for this status is committed.
    document.body.dataset.state = status;
    const shown = status === 'ready' || status === 'not-analysed';
    if (shown && report && performance.getEntriesByName('masthead:content').length === 0) {
      performance.mark('masthead:content');
    }
  }, [status, report]);

  return (
    <div class="popup">
      <header class="popup__header">
        <Wordmark size="small" />
      </header>
      <main class="popup__main" aria-busy={status === 'loading'}>
        <p class="visually-hidden" role="status" aria-live="polite">
          {announcement(state)}
        </p>
        {status === 'loading' && <Skeleton />}
        {status === 'ready' && report?.article && (
          <ArticleView
            report={report}
            article={report.article}
            state={state}
            lookup={lookup}
            related={related}
            highlights={highlights}
            onOpenOptions={onOpenOptions}
          />
        )}
        {status === 'not-analysed' && (
          <NotAnalysedView report={report} reason={state.notice.value ?? "Masthead can't read this page."} />
        )}
        {status === 'error' && (
          <StatusMessage
            tone="error"
            title="Something went wrong"
            message={state.error.value ?? 'Unknown error.'}
            testId="error"
            onRetry={() => void state.retry()}
          />
        )}
      </main>
      <PopupFooter optionsHref="/options.html" onOpenOptions={onOpenOptions} />
    </div>
  );
}
