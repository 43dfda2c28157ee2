/** A small multi-paragraph article (original text) for the anchoring unit tests. */
export const ARTICLE = [
  'Harbour officials in the coastal town confirmed on Tuesday that the old ferry pier will close for repairs next month.',
  'The pier, built in 1931, carries about four thousand passengers a week. Engineers found corrosion in the steel piles during a routine inspection in the spring.',
  '"We cannot keep it open safely through the winter storms," the harbour master, Ines Varga, told reporters at a briefing. She said a temporary landing would be set up at the fish market.',
  'Local businesses fear the closure will cut visitor numbers. The owner of a café near the pier said the summer season had already been weak.',
  'The council expects the repairs to take six months and to cost about two million euros, most of it from a regional fund.',
].join('\n\n');

/** Offsets of the first occurrence of `quote` in ARTICLE (throws when absent). */
export function spanOf(quote: string, text = ARTICLE): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in fixture: ${quote}`);
  return { start, end: start + quote.length };
}
