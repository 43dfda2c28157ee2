import type { OutletReport } from '@/lib/outlets/card';
import { reportWrongFactUrl } from '@/lib/outlets/card';
import { formatLanguage, safeHttpUrl } from '@/lib/format';
import { History } from './history';
import { FactRow, fmtIso, SourcesList, Unchecked } from './parts';
import { Reliability } from './reliability';
import { SelfDisclosure } from './self-disclosure';

const MEDIUM_WORDS: Record<string, string> = {
  agency: 'news agency',
  tv: 'TV',
  newspaper: 'newspaper',
  online: 'online',
  magazine: 'magazine',
  radio: 'radio',
  unknown: 'unknown',
};

const WRAPPER_WORDS: Record<string, string> = {
  wayback: 'an Internet Archive (Wayback Machine) copy',
  'archive-today': 'an archive.today copy',
  'amp-cache': 'an AMP cache copy',
  'google-amp': 'a Google AMP copy',
  redirect: 'a redirect link',
  canonical: "the page's canonical address",
};

const ROLE_WORDS: Record<string, string> = {
  primary: 'main domain',
  mirror: 'mirror domain',
  'language-edition': 'language edition',
  former: 'former domain',
  'path-scoped': 'section',
};

function MatchLine({ outlet }: { outlet: OutletReport }) {
  const m = outlet.match;
  const e = m.entry;
  const role = e ? (ROLE_WORDS[e.role] ?? e.role) : m.matchedBy === 'publisher-name' ? 'publisher name' : '';
  const until = e?.until ? `, until ${fmtIso(e.until)}` : '';
  return (
    <p class="outlet__match muted" data-testid="outlet-match">
      Matched {m.via === 'publisher-name' ? 'by the publisher name on the page' : m.domain}
      {role && m.via !== 'publisher-name' ? ` (${role}${until})` : ''}
      {m.wrapper ? `, read through ${WRAPPER_WORDS[m.wrapper] ?? m.wrapper}` : ''}.
    </p>
  );
}

function Owners({ outlet }: { outlet: OutletReport }) {
  if (outlet.owners.length === 0) return <span class="muted">unknown</span>;
  return (
    <ol class="outlet__chain">
      {outlet.owners.map((o, i) => (
        <li key={`${o.value.name}-${i}`}>
          <span class="muted">{o.value.relation.replace(/-/g, ' ')}</span> {o.value.name}{' '}
          <Unchecked fact={o} />
        </li>
      ))}
    </ol>
  );
}

/** The card for an outlet in Masthead's data. */
export function KnownOutlet({ outlet }: { outlet: OutletReport }) {
  const c = outlet.control;
  const languages = outlet.languages?.value.map((l) => formatLanguage(l) ?? l).join(', ');
  const wiki = outlet.wikipedia ? safeHttpUrl(outlet.wikipedia.url) : null;
  return (
    <>
      <p class="outlet__name" data-testid="outlet-name">
        {outlet.name}
      </p>
      <MatchLine outlet={outlet} />
      <div class={`control control--${c.value.relation}`} data-testid="outlet-control">
        <strong class="control__label">{c.value.label}</strong>{' '}
        <Unchecked fact={c.sources.length ? c : undefined} />
        {c.value.evidence && <p class="control__evidence">{c.value.evidence}</p>}
      </div>
      {outlet.unverifiedFacts > 0 && (
        <p class="outlet__caveat" data-testid="outlet-unverified-note">
          Facts marked “not yet checked” were recalled by an editor and are not yet checked against Wikidata:
          verify them with their sources below.
        </p>
      )}
      <dl class="summary__facts outlet__facts">
        <FactRow label="Country" testId="outlet-country" fact={outlet.country}>
          {outlet.country.value}
        </FactRow>
        <FactRow label="Medium" testId="outlet-medium" fact={outlet.medium}>
          {outlet.medium.value.map((m) => MEDIUM_WORDS[m] ?? m).join(', ')}
        </FactRow>
        {languages && (
          <FactRow label="Languages" testId="outlet-languages" fact={outlet.languages}>
            {languages}
          </FactRow>
        )}
        <FactRow label="Founded" testId="outlet-founded" fact={outlet.founded}>
          {outlet.founded ? fmtIso(outlet.founded.value) : <span class="muted">unknown</span>}
        </FactRow>
        <div class="fact">
          <dt>Owners</dt>
          <dd data-testid="outlet-owners">
            <Owners outlet={outlet} />
          </dd>
        </div>
      </dl>
      <Reliability outlet={outlet} />
      <History outlet={outlet} />
      <SelfDisclosure d={outlet.selfDisclosure} />
      <SourcesList
        facts={[
          ['Country', outlet.country],
          ['Medium', outlet.medium],
          ['Languages', outlet.languages],
          ['Founded', outlet.founded],
          ['Control', outlet.control],
          ...outlet.owners.map((o): [string, typeof o] => [`Owner: ${o.value.name}`, o]),
          ...outlet.history.map((h): [string, typeof h] => [`${fmtIso(h.value.date)}: ${h.value.event}`, h]),
        ]}
      />
      <p class="outlet__links">
        {wiki && (
          <a href={wiki} target="_blank" rel="noopener noreferrer" data-testid="outlet-wikipedia">
            Wikipedia: {outlet.wikipedia?.title}
          </a>
        )}
        <a
          href={reportWrongFactUrl(outlet)}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="report-wrong-fact"
        >
          Report a wrong fact
        </a>
      </p>
      <p class="muted outlet__note">Outlet data as of {fmtIso(outlet.dataAsOf)}.</p>
    </>
  );
}
