import { SettingSwitch } from './SettingSwitch';

export interface HighlightSettingsPanelProps {
  /** null while the setting is read. */
  enabled: boolean | null;
  /** Sites where highlights are off (turned off from the card on the page). */
  offSites: readonly string[];
  error: string | null;
  onEnabled: (on: boolean) => void;
  onSiteBackOn: (site: string) => void;
}

/** Options: highlighting people on article pages, globally and per site. */
export function HighlightSettingsPanel({
  enabled,
  offSites,
  error,
  onEnabled,
  onSiteBackOn,
}: HighlightSettingsPanelProps) {
  return (
    <section class="panel" aria-labelledby="people-title" data-testid="highlight-settings">
      <h2 class="panel__title" id="people-title">
        People on the page
      </h2>
      <p>
        Masthead highlights the people an article names, right in the page, and shows a card with their roles
        and quotes on hover or with Alt+Shift+P. It never changes the page's text.
      </p>
      <SettingSwitch
        id="highlights"
        label="Highlight people in articles"
        description="Turn off to stop highlighting on every site. You can also turn it off for one site from the card."
        checked={enabled}
        onChange={onEnabled}
      />
      {offSites.length > 0 && (
        <>
          <h3 class="panel__subtitle">Turned off on these sites</h3>
          <ul class="off-sites" data-testid="highlight-off-sites">
            {offSites.map((site) => (
              <li key={site} class="off-sites__item">
                <span>{site}</span>
                <button
                  type="button"
                  class="button"
                  aria-label={`Highlight people on ${site} again`}
                  onClick={() => onSiteBackOn(site)}
                >
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class={`message ${error ? 'message--error' : ''}`} role="status" aria-live="polite">
        {error}
      </p>
    </section>
  );
}
