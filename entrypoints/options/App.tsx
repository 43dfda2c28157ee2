import type { Feedback, OptionsState } from './state';
import type { HighlightSettings } from './highlights-state';
import { HighlightSettingsPanel } from '@/components/HighlightSettingsPanel';
import { NewsHostList } from '@/components/NewsHostList';
import { SettingSwitch } from '@/components/SettingSwitch';
import { Wordmark } from '@/components/Wordmark';
import { STARTER_NEWS_HOSTS } from '@/lib/article/news-hosts';

export interface OptionsAppProps {
  /** Options state (see createOptionsState). */
  state: OptionsState;
  /** People highlight settings (optional so older callers and tests keep working). */
  highlights?: HighlightSettings;
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
export function App({ state, highlights }: OptionsAppProps) {
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
          <NewsHostList hosts={STARTER_NEWS_HOSTS} />
        </section>
        <section class="panel" aria-labelledby="privacy-title">
          <h2 class="panel__title" id="privacy-title">
            Privacy
          </h2>
          <p>Nothing leaves your browser. Masthead makes no network requests in this version.</p>
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
