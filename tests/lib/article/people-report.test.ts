import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isoDay, MAX_REPORT_PEOPLE, peopleForReport } from '../../../lib/article/people-report';

const seedText = readFileSync(`${__dirname}/../../../../shared/seed/presstv-japan-us-alliance.txt`, 'utf8');
const title = "Japan hopes for 'unwavering alliance' with US under Trump";

describe('isoDay', () => {
  it('takes the day of ISO dates and parses other dates', () => {
    expect(isoDay('2017-02-03T10:12:00+03:30')).toBe('2017-02-03');
    expect(isoDay('Fri, 03 Feb 2017 12:00:00 GMT')).toBe('2017-02-03');
    expect(isoDay('not a date')).toBeUndefined();
    expect(isoDay(undefined)).toBeUndefined();
  });
});

describe('peopleForReport', () => {
  it('lists the seed people by prominence with offsets into the text', () => {
    const r = peopleForReport({ text: seedText, title, lang: 'en' });
    expect(r.people.map((p) => p.name).sort()).toEqual(
      ['Donald Trump', 'Fumio Kishida', 'James Mattis', 'Shinzo Abe'].sort(),
    );
    const scores = r.people.map((p) => p.prominence.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const p of r.people) {
      for (const m of p.mentions) expect(seedText.slice(m.start, m.end)).toBe(m.text);
    }
    expect(r.sourcesCited.map((s) => [s.name, s.kind]).sort()).toEqual([
      ['AFP', 'photo'],
      ['Kyodo News', 'quoted'],
    ]);
  });

  it('asks the lookups with the article day and the role in the text, and keeps their answers', () => {
    const calls: [string, string | undefined, string | undefined][] = [];
    const r = peopleForReport(
      { text: seedText, title, publishedTime: '2017-02-03T09:00:00Z' },
      {
        person: (name, day, role) => {
          calls.push([name, day, role]);
          return name === 'James Mattis'
            ? {
                qid: 'Q6135',
                roleAtDate: {
                  qid: 'Q1150106',
                  label: 'United States Secretary of Defense',
                  since: '2017-01-20',
                  source: 'https://www.wikidata.org/wiki/Q6135',
                  asOf: '2026-11-25',
                },
              }
            : null;
        },
        outletQid: (name) => (name === 'AFP' ? 'Q40464' : undefined),
      },
    );
    expect(calls.find((c) => c[0] === 'James Mattis')).toEqual([
      'James Mattis',
      '2017-02-03',
      'US Defense Secretary',
    ]);
    const mattis = r.people.find((p) => p.name === 'James Mattis')!;
    expect(mattis.qid).toBe('Q6135');
    expect(mattis.roleAtDate?.since).toBe('2017-01-20');
    expect(r.people.find((p) => p.name === 'Shinzo Abe')!.qid).toBeUndefined();
    expect(r.sourcesCited.find((s) => s.name === 'AFP')!.outletQid).toBe('Q40464');
    expect(r.sourcesCited.find((s) => s.name === 'Kyodo News')!.outletQid).toBeUndefined();
  });

  it('survives failing lookups and hostile text, and bounds the list', () => {
    const r = peopleForReport(
      { text: seedText },
      {
        person: () => {
          throw new Error('boom');
        },
        outletQid: () => {
          throw new Error('boom');
        },
      },
    );
    expect(r.people.length).toBe(4);
    const many = Array.from(
      { length: 80 },
      (_, i) =>
        `Minister Alan Smith${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}son said hello.`,
    ).join(' ');
    expect(peopleForReport({ text: many }).people.length).toBeLessThanOrEqual(MAX_REPORT_PEOPLE);
    expect(peopleForReport({ text: 'x'.repeat(100_000) }).people).toEqual([]);
    expect(peopleForReport({ text: seedText, lang: 'fa' }).people).toEqual([]);
  });
});

describe('captions', () => {
  it('reads figcaption text from sanitised HTML, decoding entities and dropping tags', async () => {
    const { captionsOf } = await import('../../../lib/article/captions');
    expect(
      captionsOf(
        '<figure><img src="x"><figcaption class="c">Prime Minister <b>Shinzo&nbsp;Abe</b> &amp; James Mattis &#8212; (Photo by AFP)</figcaption></figure><p>x</p><figcaption></figcaption>',
      ),
    ).toEqual(['Prime Minister Shinzo Abe & James Mattis — (Photo by AFP)']);
    expect(captionsOf('<p>no captions</p>')).toEqual([]);
    expect(captionsOf(undefined)).toEqual([]);
    expect(captionsOf('<figcaption>'.repeat(10_000))).toEqual([]);
  });

  it('reads captions after the text: full names and photo credits, offsets kept inside the text', () => {
    const body = seedText.slice(seedText.indexOf("Japan's prime minister says"));
    const noCaption = body.replace(/\n\n[^\n]*\(Photo by AFP\)/g, '');
    const r = peopleForReport({
      text: noCaption,
      title,
      captions: ['Japanese Prime Minister Shinzo Abe, right, and James Mattis in Tokyo. (Photo by AFP)'],
    });
    expect(r.people.map((p) => p.name)).toContain('Shinzo Abe');
    for (const p of r.people) for (const m of p.mentions) expect(m.end).toBeLessThanOrEqual(noCaption.length);
    const afp = r.sourcesCited.find((s) => s.name === 'AFP')!;
    expect(afp).toMatchObject({ kind: 'photo', inCaption: true });
    expect(
      'Japanese Prime Minister Shinzo Abe, right, and James Mattis in Tokyo. (Photo by AFP)'.slice(
        afp.start,
        afp.end,
      ),
    ).toBe('AFP');
    const kyodo = r.sourcesCited.find((s) => s.name === 'Kyodo News')!;
    expect(kyodo.inCaption).toBeUndefined();
    expect(noCaption.slice(kyodo.start, kyodo.end)).toBe('Kyodo');
  });
});
