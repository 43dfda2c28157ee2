import type { PagePublisher } from '@/lib/types';
import { displayUrl } from '@/lib/format';
import { ReservedSection } from './ReservedSection';

export interface OutletSectionProps {
  /** Outlet name as the page states it; "this outlet" when the page names none. */
  siteName?: string;
  /** The publisher as the page describes itself (JSON-LD), if it does. */
  publisher?: PagePublisher;
}

/** Trust Project / schema.org disclosure links a page may carry, in reading order. */
const DISCLOSURES: { key: keyof PagePublisher; label: string }[] = [
  { key: 'ownershipFundingInfo', label: 'Ownership and funding' },
  { key: 'masthead', label: 'Masthead (staff)' },
  { key: 'ethicsPolicy', label: 'Ethics policy' },
  { key: 'correctionsPolicy', label: 'Corrections policy' },
];

/**
 * Outlet card. Independent outlet background ships later; until then the card says so and shows
 * only what the page itself claims about its publisher (labelled as such), never invented data.
 * Addresses are shown as text, not links: the popup sends nobody to an outlet's site on the
 * page's say-so (and the e2e tests assert the outlet card has no outbound links).
 */
export function OutletSection({ siteName, publisher }: OutletSectionProps) {
  const name = siteName?.trim() || publisher?.name?.trim() || 'this outlet';
  const website = displayUrl(publisher?.url);
  const disclosures = DISCLOSURES.flatMap(({ key, label }) => {
    const value = publisher?.[key];
    const url = typeof value === 'string' ? displayUrl(value) : null;
    return url ? [{ label, url }] : [];
  });
  const hasOwnWords = Boolean(publisher?.name?.trim() || website || disclosures.length > 0);

  return (
    <ReservedSection id="outlet" title="Outlet" testId="section-outlet">
      <p class="empty">
        Outlet background is not available yet. Masthead will show who owns and controls {name} once its
        outlet data ships.
      </p>
      {hasOwnWords && (
        <div class="own-words">
          <h3 class="own-words__title">What the page says about its publisher</h3>
          <ul class="own-words__list">
            {publisher?.name?.trim() && <li>Publisher: {publisher.name.trim()}</li>}
            {website && <li>Website: {website}</li>}
            {disclosures.map((d) => (
              <li key={d.label}>
                {d.label}: {d.url}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ReservedSection>
  );
}
