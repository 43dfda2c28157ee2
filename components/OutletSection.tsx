import type { ComponentChildren } from 'preact';
import type { OutletReport } from '@/lib/outlets/card';
import { selfDisclosureOf } from '@/lib/outlets/card';
import type { PagePublisher } from '@/lib/types';
import { KnownOutlet } from './outlet/card';
import { SelfDisclosure } from './outlet/self-disclosure';
import { ReservedSection } from './ReservedSection';

export interface OutletSectionProps {
  /** The outlet from Masthead's data (PageReport.outlet); null when the outlet is not in it. */
  outlet?: OutletReport | null;
  /** Outlet name as the page states it; "this outlet" when the page names none. */
  siteName?: string;
  /** The publisher as the page describes itself (JSON-LD), if it does. */
  publisher?: PagePublisher;
  /** Shown in the unknown state: the online lookup (or how to turn it on). */
  lookup?: ComponentChildren;
}

/**
 * Outlet card: who publishes this page, who owns and controls it, how Wikipedia's editors rate
 * it, what happened to it — every fact with its sources and dates, unchecked facts marked as
 * such — and what the page itself says about its owner. An outlet not in Masthead's data gets an
 * honest unknown state with the page's own self-description.
 */
export function OutletSection({ outlet, siteName, publisher, lookup }: OutletSectionProps) {
  if (outlet) {
    return (
      <ReservedSection id="outlet" title="Outlet" testId="section-outlet">
        <KnownOutlet outlet={outlet} />
      </ReservedSection>
    );
  }
  const name = siteName?.trim() || publisher?.name?.trim() || 'This outlet';
  return (
    <ReservedSection id="outlet" title="Outlet" testId="section-outlet">
      <p class="empty" data-testid="outlet-unknown">
        {name} is not in Masthead's data: no independent facts about its owner are available here.
      </p>
      <SelfDisclosure d={selfDisclosureOf(publisher, siteName ? [siteName] : [])} />
      {lookup}
    </ReservedSection>
  );
}
