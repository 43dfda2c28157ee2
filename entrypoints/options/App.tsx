import { OUTLET_LOOKUP_STATEMENT, type FlagState } from './flag';
import { SEARCH_STATEMENT } from '@/lib/related/search-url';
import type { Feedback, OptionsState } from './state';
import type { DeleteAllState } from './delete-all';
import { FEEDS_STATEMENT, type FeedsState } from './feeds';
import { FeedList } from '@/components/FeedList';
import { DeleteAllData } from '@/components/DeleteAllData';
import type { HighlightSettings } from './highlights-state';
import { HighlightSettingsPanel } from '@/components/HighlightSettingsPanel';
import { NewsHostList } from '@/components/NewsHostList';
import { SettingSwitch } from '@/components/SettingSwitch';
import { Wordmark } from '@/components/Wordmark';
import { NEWS_HOSTS } from '@/lib/platform/content-matches';

export interface OptionsAppProps {
  /** Options state (see createOptionsState). */
  state: OptionsState;
  /** The online outlet lookup switch (see flag.ts); hidden when absent. */
  outletLookup?: FlagState;
  /** "Find more coverage" in the popup (Google News, GDELT). */
  coverageSearch?: FlagState;
  /** "Delete all Masthead data" (see createDeleteAllState); the section is hidden without it. */
  deleteAll?: DeleteAllState;
  /** People highlight settings (optional so older callers and tests keep working). */
  highlights?: HighlightSettings;
  /** News feeds for related coverage (see feeds.ts); hidden when absent. */
  feeds?: FeedsState;
}

function FeedsPanel({ feeds }: { feeds: FeedsState }) {
  return (
    <section class="panel" aria-labelledby="feeds-title" data-testid="feeds-panel">
      <h2 class="panel__title" id="feeds-title">
        News feeds (related coverage)
      </h2>
      <p>
        Masthead finds other outlets' coverage of the articles you open among the articles you have read, the
        feeds below (only when turned on) and searches you ask for. Everything it finds stays on this
        computer.
      </p>
      <SettingSwitch
        id="feeds-enabled"
        label="Fetch news feeds"
        description={FEEDS_STATEMENT}
        checked={feeds.enabled.value}
        busy={feeds.busy.value}
        onChange={(on) => void feeds.setEnabled(on)}
      />
      <FeedbackLine feedback={feeds.feedback.value} />
      {feeds.enabled.value && (
        <button
          type="button"
          class="button"
          disabled={feeds.busy.value}
          onClick={() => void feeds.pollNow()}
          data-testid="feeds-poll"
        >
          Fetch now
        </button>
      )}
      <FeedList
        feeds={feeds.feeds.value}
        busy={feeds.busy.value}
        onToggle={(f, on) => void feeds.toggle(f, on)}
        onRemove={(id) => void feeds.remove(id)}
        onAdd={(url) => void feeds.add(url)}
      />
      <label class="setting__row" for="coverage-retention">
        <span class="setting__label">Keep related-coverage items for (days)</span>
        <input
          id="coverage-retention"
          type="number"
          min={1}
          max={3650}
          value={feeds.retention.value}
          onChange={(e) => void feeds.setRetention(Number((e.currentTarget as HTMLInputElement).value))}
        />
      </label>
    </section>
  );
}

/** An online feature's on/off switch, with what it sends where, and the last change's outcome. */
function FlagSwitch(props: { id: string; label: string; description: string; flag: FlagState }) {
  const { flag } = props;
  return (
    <>
      <SettingSwitch
        id={props.id}
        label={props.label}
        description={props.description}
        checked={flag.value.value}
        busy={flag.busy.value}
        onChange={(on) => void flag.set(on)}
      />
      <FeedbackLine feedback={flag.feedback.value} />
    </>
  );
}

function FeedbackLine({ feedback }: { feedback: Feedback | null }) {
  // Always rendered so the live region exists before its first message (and the layout keeps still).
  return (
    <p class={`message ${feedback ? `message--${feedback.tone}` : ''}`} role="status" aria-live="polite">
      {feedback?.text}
    </p>
  );
}

/** The options page: where Masthead runs, and privacy. */
export function App({ state, outletLookup, coverageSearch, deleteAll, highlights, feeds }: OptionsAppProps) {
  return (
    <div class="options">
      <header class="options__header">
        <h1 class="options__title">
          <Wordmark size="large" suffix="Options" />
        </h1>
      </header>
      <main>
        <section class="panel" aria-labelledby="where-title">
          <h2 class="panel__title" id="where-title">
            Where Masthead runs
          </h2>
          <p>
            Masthead runs automatically on a list of known news sites. Anywhere else it reads a page only when
            you click the Masthead button in the toolbar.
          </p>
          <SettingSwitch
            id="all-sites"
            label="Run automatically on all sites"
            description="Your browser will ask to let Masthead read every site you visit. Pages are still read only on your computer."
            checked={state.allSites.value}
            busy={state.allSitesBusy.value}
            onChange={(enabled) => void state.setAllSites(enabled)}
          />
          <FeedbackLine feedback={state.allSitesFeedback.value} />
          <NewsHostList hosts={NEWS_HOSTS} />
        </section>
        <section class="panel" aria-labelledby="privacy-title">
          <h2 class="panel__title" id="privacy-title">
            Privacy
          </h2>
          <p>
            Nothing leaves your browser unless you turn on the online outlet lookup below, turn on news feeds,
            or turn on online search and click "Find more coverage" in the popup; Masthead makes no other
            network requests.
          </p>
          {outletLookup && (
            <FlagSwitch
              id="outlet-lookup"
              label="Look up unknown outlets online"
              description={OUTLET_LOOKUP_STATEMENT}
              flag={outletLookup}
            />
          )}
          {coverageSearch && (
            <FlagSwitch
              id="coverage-search"
              label='Allow "Find more coverage" to search online'
              description={SEARCH_STATEMENT}
              flag={coverageSearch}
            />
          )}
          <SettingSwitch
            id="history-paused"
            label="Pause history"
            description="While paused, Masthead does not record the articles you open. Articles already recorded are kept."
            checked={state.historyPaused.value}
            busy={state.historyBusy.value}
            onChange={(paused) => void state.setHistoryPaused(paused)}
          />
          <FeedbackLine feedback={state.historyFeedback.value} />
        </section>
        {feeds && <FeedsPanel feeds={feeds} />}
        {deleteAll && (
          <section class="panel" aria-labelledby="data-title">
            <h2 class="panel__title" id="data-title">
              Your data
            </h2>
            <p>
              Everything Masthead keeps stays in this browser profile. You can delete all of it at any time.
            </p>
            <DeleteAllData
              phase={deleteAll.phase.value}
              feedback={deleteAll.feedback.value}
              onAsk={deleteAll.ask}
              onCancel={deleteAll.cancel}
              onConfirm={() => void deleteAll.confirm()}
            />
          </section>
        )}
        <section class="panel" aria-labelledby="reading-title" data-testid="options-reading-list">
          <h2 class="panel__title" id="reading-title">
            Reading list
          </h2>
          <p>
            Saved articles, their text and the context you saved them with are kept only in this browser.
            Uninstalling Masthead deletes them: export a copy (JSON) from the reading list first.
          </p>
          <p>
            <a href="/reading-list.html" target="_blank" rel="noopener">
              Open the reading list (import, export)
            </a>
          </p>
        </section>
        {highlights && (
          <HighlightSettingsPanel
            enabled={highlights.enabled.value}
            offSites={highlights.offSites.value}
            error={highlights.error.value}
            onEnabled={(on) => void highlights.setEnabled(on)}
            onSiteBackOn={(site) => void highlights.turnSiteBackOn(site)}
          />
        )}
      </main>
    </div>
  );
}
