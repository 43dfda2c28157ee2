/**
 * The optional Wikipedia summary on the person card (online lookups on, person with a Wikidata
 * QID): description and first sentences as plain text, where they came from (the article,
 * CC BY-SA licence, fetch date). DOM APIs and textContent only; links open in a new tab.
 */
import type { PersonSummary } from '@/lib/people/wiki-summary';
import { el } from './shadow-host';

export const SUMMARY_CSS = `
.wiki { margin: 0 0 8px; padding-top: 6px; border-top: 1px solid #e0d6bf; }
.wiki p { margin: 0 0 4px; }
.wiki .desc { font-style: italic; color: #4d4a42; }
.wiki .source { font-size: 11.5px; color: #6b665b; }
.wiki a { color: #1a5fb4; }
@media (prefers-color-scheme: dark) {
  .wiki { border-top-color: #4a463e; }
  .wiki .desc { color: #cfc9bb; }
  .wiki .source { color: #aaa598; }
  .wiki a { color: #8ab4f8; }
}
@media (forced-colors: active) { .wiki a { color: LinkText; } }
`;

const day = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
};

function link(doc: Document, href: string, text: string): HTMLAnchorElement {
  return el(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);
}

/** The summary block; the caller puts it in the card. */
export function summaryBlock(doc: Document, s: PersonSummary): HTMLElement {
  const box = el(doc, 'section', {
    class: 'wiki',
    'aria-label': 'From Wikipedia',
    'data-testid': 'masthead-card-wikipedia',
  });
  if (s.description) box.append(el(doc, 'p', { class: 'desc' }, s.description));
  box.append(el(doc, 'p', { class: 'extract' }, s.extract));
  const source = el(doc, 'p', { class: 'source' }, 'From ');
  source.append(
    link(doc, s.url, `Wikipedia: ${s.title}`),
    doc.createTextNode(' · text under '),
    link(doc, s.licence.url, s.licence.name),
    doc.createTextNode(` · fetched ${day(s.fetchedAt)}`),
  );
  box.append(source);
  return box;
}
