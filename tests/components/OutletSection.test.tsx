import { afterEach, describe, expect, it } from 'vitest';
import { OutletSection } from '@/components/OutletSection';
import { outletData } from '@/lib/outlets/dataset';
import { outletReportForPage } from '@/lib/outlets/page';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

const pressTv = () =>
  outletReportForPage(
    {
      url: 'https://www.presstv.ir/Detail/2017/02/03/509465/x',
      publishedTime: '2017-02-03T11:13:00+03:30',
      publisher: { name: 'Press TV', url: 'https://www.presstv.ir' },
    },
    outletData(),
  )!;

describe('OutletSection: unknown outlet', () => {
  it("says the outlet is not in Masthead's data, naming it", () => {
    const root = mount(<OutletSection outlet={null} siteName="The Daily Example" />);
    expect(byTestId(root, 'outlet-unknown')?.textContent).toContain(
      "The Daily Example is not in Masthead's data",
    );
    expect(root.querySelector('h2')?.textContent).toBe('Outlet');
  });

  it('shows only what the page says about its publisher, as text without links', () => {
    const root = mount(
      <OutletSection
        siteName="Press TV"
        publisher={{
          name: 'Press TV',
          url: 'https://www.presstv.ir',
          ethicsPolicy: 'https://www.presstv.ir/ethics',
          correctionsPolicy: 'javascript:alert(1)',
        }}
      />,
    );
    const items = [...root.querySelectorAll('li')].map((li) => li.textContent);
    expect(root.textContent).toContain('What the page says about its publisher');
    expect(items).toEqual([
      'Publisher: Press TV',
      'Website: www.presstv.ir',
      'Ethics policy: www.presstv.ir/ethics',
      'Ownership not disclosed on this page.',
    ]);
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).not.toContain('javascript');
  });

  it('a page that links its ownership and funding page discloses it', () => {
    const root = mount(
      <OutletSection
        siteName="X"
        publisher={{ name: 'X', ownershipFundingInfo: 'https://x.example/owners' }}
      />,
    );
    expect(byTestId(root, 'ownership-not-disclosed')).toBeNull();
    expect(root.textContent).toContain('Ownership and funding: x.example/owners');
  });

  it('renders the lookup slot', () => {
    const root = mount(<OutletSection lookup={<p data-testid="lookup">lookup</p>} />);
    expect(byTestId(root, 'lookup')).not.toBeNull();
    expect(root.textContent).toContain("This outlet is not in Masthead's data");
  });
});

describe('OutletSection: known outlet (shipped data)', () => {
  it('shows name, control with evidence, facts, reliability, history and self-disclosure', () => {
    const root = mount(<OutletSection outlet={pressTv()} siteName="PressTV" />);
    expect(byTestId(root, 'outlet-name')?.textContent).toBe('Press TV');
    expect(byTestId(root, 'outlet-control')?.textContent).toMatch(/^State-controlled/);
    expect(byTestId(root, 'outlet-country')?.textContent).toMatch(/^Iran/);
    expect(byTestId(root, 'outlet-founded')?.textContent).toMatch(/8 Jul 2007/);
    const events = [...root.querySelectorAll('[data-testid="outlet-event"]')];
    const after = events.filter((e) => e.getAttribute('data-after-article') === 'true');
    expect(after.map((e) => e.textContent)).toEqual([
      expect.stringMatching(/22 Jun 2021.*after this article/),
    ]);
    const rsp = [...root.querySelectorAll('[data-testid="outlet-rsp"]')].map((e) => e.textContent);
    expect(rsp[0]).toMatch(/^Deprecated current status, as of/);
    expect(rsp[1]).toMatch(/^Generally unreliable as listed on 17 Mar 2021/);
    expect(byTestId(root, 'ownership-not-disclosed')).not.toBeNull();
  });

  it('marks editor-recall facts as not yet checked, in visible text', () => {
    const root = mount(<OutletSection outlet={pressTv()} />);
    const marks = root.querySelectorAll('[data-testid="unverified"]');
    expect(marks.length).toBe(pressTv().unverifiedFacts);
    for (const m of marks) expect(m.textContent).toBe('not yet checked');
    // Country rests on a dated corpus snapshot: not marked.
    expect(byTestId(root, 'outlet-country')?.querySelector('[data-testid="unverified"]')).toBeNull();
  });

  it('links only to sources (Wikipedia, Wikidata, GitHub), each opening in a new tab safely', () => {
    const root = mount(<OutletSection outlet={pressTv()} />);
    const links = [...root.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(3);
    for (const a of links) {
      expect(new URL(a.href).host).toMatch(
        /(^|\.)(wikipedia\.org|wikidata\.org|github\.com|creativecommons\.org)$/,
      );
      expect(a.rel).toBe('noopener noreferrer');
      expect(a.target).toBe('_blank');
    }
    expect(byTestId(root, 'report-wrong-fact')?.getAttribute('href')).toMatch(
      /^https:\/\/github\.com\/masthead-news\/masthead\/issues\/new\?/,
    );
  });
});
