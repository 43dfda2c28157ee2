import type { CardSelfDisclosure } from '@/lib/outlets/card';
import { displayUrl } from '@/lib/format';

const LINKS: { key: keyof CardSelfDisclosure; label: string }[] = [
  { key: 'ownershipFundingInfo', label: 'Ownership and funding' },
  { key: 'masthead', label: 'Masthead (staff)' },
  { key: 'ethicsPolicy', label: 'Ethics policy' },
  { key: 'correctionsPolicy', label: 'Corrections policy' },
];

/**
 * What the page says about its publisher and owner, as text (never links: the popup sends nobody
 * to an address on the page's say-so), and plainly when it says nothing about ownership.
 */
export function SelfDisclosure({ d }: { d: CardSelfDisclosure }) {
  const website = displayUrl(d.publisherUrl);
  const links = LINKS.flatMap(({ key, label }) => {
    const v = d[key];
    const url = typeof v === 'string' ? displayUrl(v) : null;
    return url ? [{ label, url }] : [];
  });
  return (
    <div class="own-words" data-testid="outlet-self-disclosure">
      <h3 class="own-words__title">What the page says about its publisher</h3>
      <ul class="own-words__list">
        {d.publisherName && <li>Publisher: {d.publisherName}</li>}
        {website && <li>Website: {website}</li>}
        {links.map((l) => (
          <li key={l.label}>
            {l.label}: {l.url}
          </li>
        ))}
        {!d.ownershipDisclosed && (
          <li class="own-words__none" data-testid="ownership-not-disclosed">
            Ownership not disclosed on this page.
          </li>
        )}
      </ul>
    </div>
  );
}
