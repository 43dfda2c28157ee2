import { signal } from '@preact/signals';
import {
  HIGHLIGHTS_ENABLED_KEY,
  HIGHLIGHTS_OFF_SITES_KEY,
  readOffSites,
  withSite,
} from '@/lib/highlight/settings';

/** `storage.local`, as far as the highlight settings need it (tests pass a fake). */
export interface LocalArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * The options page's highlight settings: the global switch and the sites where the reader turned
 * highlights off (from the card on the page). Content scripts follow changes live.
 */
export function createHighlightSettings(area: LocalArea) {
  const enabled = signal<boolean | null>(null);
  const offSites = signal<string[]>([]);
  const error = signal<string | null>(null);

  async function load() {
    try {
      const s = await area.get([HIGHLIGHTS_ENABLED_KEY, HIGHLIGHTS_OFF_SITES_KEY]);
      enabled.value = s[HIGHLIGHTS_ENABLED_KEY] !== false;
      offSites.value = readOffSites(s[HIGHLIGHTS_OFF_SITES_KEY]);
    } catch (e) {
      enabled.value = true;
      error.value = `Couldn't read the setting: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  async function save(items: Record<string, unknown>) {
    error.value = null;
    try {
      await area.set(items);
      await load();
    } catch (e) {
      error.value = `Couldn't save the setting: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  return {
    enabled,
    offSites,
    error,
    load,
    setEnabled: (on: boolean) => save({ [HIGHLIGHTS_ENABLED_KEY]: on }),
    /** Highlights back on for a site the reader had turned them off for. */
    turnSiteBackOn: (site: string) =>
      save({ [HIGHLIGHTS_OFF_SITES_KEY]: withSite(offSites.value, site, false) }),
  };
}

export type HighlightSettings = ReturnType<typeof createHighlightSettings>;
