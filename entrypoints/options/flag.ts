import { signal } from '@preact/signals';
import type { Feedback } from './state';

/** A stored on/off setting as the options page shows it: value (null until read), busy, feedback. */
export function createFlagState(
  item: { getValue(): Promise<boolean>; setValue(value: boolean): Promise<void> },
  words: { on: string; off: string },
) {
  const value = signal<boolean | null>(null);
  const busy = signal(false);
  const feedback = signal<Feedback | null>(null);
  const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

  async function init() {
    try {
      value.value = await item.getValue();
    } catch (e) {
      value.value = false;
      feedback.value = { tone: 'error', text: `Couldn't read the setting: ${message(e)}` };
    }
  }

  async function set(next: boolean) {
    busy.value = true;
    feedback.value = null;
    try {
      await item.setValue(next);
      value.value = next;
      feedback.value = { tone: 'ok', text: next ? words.on : words.off };
    } catch (e) {
      feedback.value = { tone: 'error', text: `Couldn't save the setting: ${message(e)}` };
    } finally {
      busy.value = false;
    }
  }

  return { value, busy, feedback, init, set };
}

export type FlagState = ReturnType<typeof createFlagState>;

/** What the outlet lookup sends, where: shown next to its switch. */
export const OUTLET_LOOKUP_STATEMENT =
  "When on, and only for a site that is not in Masthead's outlet data, Masthead sends that site's domain name " +
  '(for example example.com — never the page address, its text or anything about you) to the Wikidata Query ' +
  "Service (query.wikidata.org) and, when Wikidata names a Wikipedia article, requests that article's summary " +
  'from en.wikipedia.org. The same switch adds a Wikipedia summary to the card of a person named in an ' +
  "article who is in Masthead's people data: Masthead sends that person's Wikidata id (for example Q567) to " +
  'www.wikidata.org to find the English Wikipedia article, then requests its summary from en.wikipedia.org. ' +
  'Answers are kept on this computer for 7 days (not from private windows). Off by default.';
