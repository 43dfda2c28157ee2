/**
 * Editor-curated outlet records (DATA.md §3, §5). Input to `scripts/data-outlets-seed.ts`, which
 * expands these specs into `lib/outlets/data/outlets.json`.
 *
 * PROVENANCE: these records were written OFFLINE, from the editor's recall of each outlet's English
 * Wikipedia article and Wikidata item; neither page was read when they were written. So every fact
 * written here (domains and their roles, medium, languages, founding date, owner chain, state
 * relation, history) is cited with `basis: 'editor-recall'` and `cited: EDITED` — the URL is where a
 * reader can verify the fact, not where it was read — and the seed marks such facts `unverified`.
 * Only what the seed reads from the corpora (identity QID ↔ name, country name, domains found by
 * the corpus joins, owner items that are themselves in the Wikidata corpus) is `basis: 'corpus'`.
 * `npm run data:outlets` checks domains, country, inception and owners against Wikidata when online.
 *
 * Rules kept here: a fact goes in only when the editor is confident of it; exact days are given
 * only when certain (otherwise a year or year-month); ownership steps that are unclear are left out
 * and the state relation is 'unknown' with its evidence text. QIDs are the ones in the
 * `outlets-wikidata-news-twitter` corpus (checked by the seed script); outlets whose QID is not in
 * that corpus (NPR, CBC, KCNA, China Daily, The Times of India, The Hindu) are not written here, to
 * avoid a QID from memory (CBC and KCNA are in data-outlets-full-international.ts with `qid: null`). Country QIDs are not written at all (none of the corpora has them):
 * `npm run data:outlets` fills them from Wikidata P17.
 */
import type {
  Iso,
  Medium,
  OwnerRelation,
  RetrievedSource,
  Source,
  StateRelation,
} from '../lib/outlets/types';

/** Date these records were written (from recall: nothing was fetched that day). */
export const EDITED: Iso = '2026-11-25';
/** Date the second batch of full records was written (scripts/data-outlets-full-*.ts), also from recall. */
export const EDITED_2: Iso = '2026-11-26';
/** Every day on which editor-recall facts were written (the schema test accepts only these). */
export const EDIT_DAYS: readonly Iso[] = [EDITED, EDITED_2];

/** The English Wikipedia article, cited for a recalled fact (not read). */
export const wp = (title: string, cited: Iso = EDITED): Source => ({
  title: `Wikipedia: ${title.replace(/_/g, ' ')}`,
  url: `https://en.wikipedia.org/wiki/${title}`,
  licence: 'CC BY-SA 4.0',
  basis: 'editor-recall',
  cited,
});

/** The Wikidata item, cited for a recalled fact (not read). */
export const wd = (qid: string, cited: Iso = EDITED): Source => ({
  title: `Wikidata ${qid}`,
  url: `https://www.wikidata.org/wiki/${qid}`,
  licence: 'CC0',
  basis: 'editor-recall',
  cited,
});

/** Snapshot date of outlets-wikidata-news-twitter (its SOURCE.txt: commit 25a25d37, 2024-04). */
export const TWITTER_ASOF: Iso = '2024-04';

/** The Wikidata item as captured by the outlets-wikidata-news-twitter corpus (QID, label, country). */
export const wdCorpus = (qid: string): RetrievedSource => ({
  title: `Wikidata ${qid} (QID, label and country as captured in the outlets-wikidata-news-twitter corpus)`,
  url: `https://www.wikidata.org/wiki/${qid}`,
  licence: 'CC0',
  basis: 'corpus',
  retrieved: TWITTER_ASOF,
});

/** Note on a domain that only the editor's recall supports (data:outlets replaces it once Wikidata confirms). */
export const RECALLED_WEBSITE_NOTE =
  'official website as recalled by the editor, not read from any source; not yet checked against Wikidata P856 (run npm run data:outlets)';

export const RSP_2026_RANKING: RetrievedSource = {
  title: 'kynoptic/wikipedia-reliable-sources (derived from WP:RSP), reliability_ranking.csv and goggle',
  url: 'https://github.com/kynoptic/wikipedia-reliable-sources',
  licence: 'MIT (code); ratings CC BY-SA',
  basis: 'corpus',
  retrieved: '2026-08-13',
};

export type DomainSpec = [
  host: string,
  role: 'primary' | 'mirror' | 'language-edition' | 'former' | 'path-scoped',
  extra?: { path?: string; lang?: string; from?: Iso; until?: Iso; note?: string; sources?: Source[] },
];

export interface FullSpec {
  qid: string;
  name: string;
  aliases?: string[];
  /** English Wikipedia title (also the default source of every fact). */
  wiki: string;
  /** Country name as spelled in the outlets-wikidata-news-twitter corpus (the seed checks it). */
  country: string;
  languages?: string[];
  medium: Medium[];
  domains: DomainSpec[];
  founded?: Iso;
  owners: Array<[name: string, relation: OwnerRelation, qid?: string]>;
  state?: [StateRelation, string];
  history: Array<[date: Iso, event: string, sources?: Source[]]>;
  raterLinks?: Array<{ name: string; url: string }>;
  /** 'core' for curated records that are not full (no state relation / history researched). */
  completeness?: 'full' | 'core';
  /** Day the record was written from recall (default EDITED). */
  cited?: Iso;
}

export const FULL_RECORDS: FullSpec[] = [
  {
    qid: 'Q912429',
    name: 'Press TV',
    aliases: ['PressTV'],
    wiki: 'Press_TV',
    country: 'Iran',
    languages: ['en', 'fr'],
    medium: ['tv', 'online'],
    domains: [
      ['presstv.ir', 'primary'],
      [
        'presstv.com',
        'former',
        {
          until: '2021-06-22',
          note: 'Seized by the US Department of Justice; the site continued on presstv.ir',
        },
      ],
      ['presstv.co.uk', 'mirror'],
      ['presstv.tv', 'mirror'],
      ['french.presstv.com', 'language-edition', { lang: 'fr' }],
    ],
    founded: '2007-07-08',
    owners: [
      ['Islamic Republic of Iran Broadcasting', 'owned-by'],
      ['Supreme Leader of Iran', 'head-appointed-by'],
    ],
    state: [
      'state-controlled',
      "Owned and funded by IRIB, Iran's state broadcaster; IRIB's head is appointed by the Supreme Leader.",
    ],
    history: [
      ['2007-07-08', 'Launched'],
      [
        '2012-01-20',
        "Ofcom revoked Press TV's UK licence: editorial control was exercised from Tehran, not by the UK licensee",
      ],
      ['2021-06-22', 'presstv.com seized by the US; the site continued on presstv.ir'],
    ],
    raterLinks: [{ name: 'Media Bias/Fact Check', url: 'https://mediabiasfactcheck.com/press-tv/' }],
  },
  {
    qid: 'Q40464',
    name: 'Agence France-Presse',
    aliases: ['AFP'],
    wiki: 'Agence_France-Presse',
    country: 'France',
    languages: ['fr', 'en', 'es', 'de', 'ar', 'pt'],
    medium: ['agency'],
    domains: [['afp.com', 'primary']],
    founded: '1944',
    owners: [],
    state: [
      'unknown',
      'Autonomous body under the French law of 10 January 1957, whose statute requires independence from government; the French state pays part of its budget.',
    ],
    history: [
      ['1835', 'Havas agency, its predecessor, founded in Paris by Charles-Louis Havas'],
      ['1944', 'Founded as Agence France-Presse after the liberation of Paris'],
      ['1957-01-10', 'Statute law makes AFP an autonomous body'],
    ],
  },
  {
    qid: 'Q130879',
    name: 'Reuters',
    wiki: 'Reuters',
    country: 'United Kingdom',
    languages: ['en'],
    medium: ['agency'],
    domains: [['reuters.com', 'primary']],
    founded: '1851',
    owners: [
      ['Thomson Reuters', 'owned-by'],
      ['The Woodbridge Company (Thomson family holding company)', 'ultimate-owner'],
    ],
    state: ['private', 'Owned by Thomson Reuters, a listed company controlled by the Thomson family.'],
    history: [
      ['1851', 'Founded in London by Paul Julius Reuter'],
      ['2008', 'Thomson Corporation acquired Reuters Group, forming Thomson Reuters'],
    ],
  },
  {
    qid: 'Q40469',
    name: 'Associated Press',
    aliases: ['AP', 'The Associated Press'],
    wiki: 'Associated_Press',
    country: 'United States of America',
    languages: ['en'],
    medium: ['agency'],
    domains: [
      ['apnews.com', 'primary'],
      ['ap.org', 'primary', { note: 'corporate site' }],
    ],
    founded: '1846',
    owners: [['Its member US newspapers and broadcasters (cooperative)', 'owned-by']],
    state: [
      'non-profit',
      'Not-for-profit news cooperative owned by its US member newspapers and broadcasters.',
    ],
    history: [['1846', 'Founded in New York by a group of newspapers']],
  },
  {
    qid: 'Q779730',
    name: 'Kyodo News',
    aliases: ['Kyodo', 'Kyodo Tsushinsha'],
    wiki: 'Kyodo_News',
    country: 'Japan',
    languages: ['ja', 'en', 'zh'],
    medium: ['agency'],
    domains: [
      ['kyodonews.net', 'primary', { note: 'english.kyodonews.net is the English service' }],
      ['kyodo.co.jp', 'primary', { note: 'corporate site' }],
    ],
    founded: '1945-11',
    owners: [['Its member Japanese newspapers and NHK (cooperative)', 'owned-by']],
    state: [
      'non-profit',
      'Non-profit cooperative news agency whose members are Japanese newspapers and NHK.',
    ],
    history: [['1945-11', 'Established after the dissolution of the wartime Domei agency']],
  },
  {
    qid: 'Q204839',
    name: 'Xinhua News Agency',
    aliases: ['Xinhua', 'New China News Agency'],
    wiki: 'Xinhua_News_Agency',
    country: "People's Republic of China",
    languages: ['zh', 'en', 'fr', 'es', 'ru', 'ar', 'pt', 'ja'],
    medium: ['agency'],
    domains: [
      ['xinhuanet.com', 'primary'],
      ['news.cn', 'primary'],
    ],
    founded: '1931',
    owners: [['State Council of the People’s Republic of China', 'owned-by']],
    state: [
      'state-controlled',
      'Official state news agency of the PRC, a ministry-level institution under the State Council.',
    ],
    history: [['1931', 'Founded as the Red China News Agency']],
  },
  {
    qid: 'Q223799',
    name: 'TASS',
    aliases: ['ITAR-TASS', 'ТАСС', 'Telegraph Agency of the Soviet Union'],
    wiki: 'TASS',
    country: 'Russia',
    languages: ['ru', 'en'],
    medium: ['agency'],
    domains: [
      ['tass.ru', 'primary'],
      ['tass.com', 'language-edition', { lang: 'en' }],
    ],
    founded: '1904',
    owners: [['Government of Russia', 'owned-by']],
    state: [
      'state-controlled',
      "Russia's state news agency, a federal state enterprise owned by the government.",
    ],
    history: [
      ['1904', 'Founded as the St. Petersburg Telegraph Agency'],
      ['1925', 'Became the Telegraph Agency of the Soviet Union (TASS)'],
      ['1992', 'Renamed ITAR-TASS'],
      ['2014', 'Name changed back to TASS'],
    ],
  },
  {
    qid: 'Q821172',
    name: 'RIA Novosti',
    aliases: ['RIA'],
    wiki: 'RIA_Novosti',
    country: 'Russia',
    languages: ['ru'],
    medium: ['agency'],
    domains: [
      ['ria.ru', 'primary'],
      ['rian.ru', 'former'],
    ],
    founded: '1941',
    owners: [['Rossiya Segodnya', 'owned-by']],
    state: [
      'state-controlled',
      'Part of Rossiya Segodnya, the state media group created by a presidential decree of 9 December 2013.',
    ],
    history: [
      ['1941', 'Founded as the Soviet Information Bureau (Sovinformburo)'],
      ['2013-12-09', 'Presidential decree folds RIA Novosti into the new Rossiya Segodnya'],
    ],
  },
  {
    qid: 'Q22868',
    name: 'RT',
    aliases: ['Russia Today'],
    wiki: 'RT_(TV_network)',
    country: 'Russia',
    languages: ['en', 'ru', 'es', 'ar', 'fr', 'de'],
    medium: ['tv', 'online'],
    domains: [
      ['rt.com', 'primary'],
      ['de.rt.com', 'language-edition', { lang: 'de' }],
      ['francais.rt.com', 'language-edition', { lang: 'fr' }],
      ['actualidad.rt.com', 'language-edition', { lang: 'es' }],
      ['arabic.rt.com', 'language-edition', { lang: 'ar' }],
      ['russian.rt.com', 'language-edition', { lang: 'ru' }],
    ],
    founded: '2005',
    owners: [['TV-Novosti', 'owned-by']],
    state: [
      'state-controlled',
      'Funded by the Russian federal budget and operated by TV-Novosti, an autonomous non-profit organisation set up by RIA Novosti.',
    ],
    history: [
      ['2005', 'Launched as Russia Today'],
      ['2009', 'Rebranded RT'],
      ['2022-03', 'EU suspended the broadcasting activities of RT and Sputnik in the EU'],
      ['2022-03-18', "Ofcom revoked RT's UK broadcast licence"],
    ],
  },
  {
    qid: 'Q18572033',
    name: 'Sputnik',
    aliases: ['Sputnik News'],
    wiki: 'Sputnik_(news_agency)',
    country: 'Russia',
    medium: ['agency', 'online', 'radio'],
    domains: [['sputniknews.com', 'primary']],
    founded: '2014-11-10',
    owners: [['Rossiya Segodnya', 'owned-by']],
    state: ['state-controlled', 'Owned by Rossiya Segodnya, the Russian state media group.'],
    history: [
      ['2014-11-10', 'Launched by Rossiya Segodnya'],
      ['2022-03', 'EU suspended the broadcasting activities of RT and Sputnik in the EU'],
    ],
  },
  {
    qid: 'Q4378607',
    name: 'CGTN',
    aliases: ['China Global Television Network', 'CCTV International', 'CCTV-News'],
    wiki: 'CGTN',
    country: "People's Republic of China",
    medium: ['tv', 'online'],
    domains: [['cgtn.com', 'primary']],
    founded: '2016-12-31',
    owners: [
      ['China Media Group', 'owned-by'],
      ['Central Propaganda Department of the Chinese Communist Party', 'parent-org'],
    ],
    state: [
      'state-controlled',
      'Part of China Media Group, which is under the Central Propaganda Department of the Chinese Communist Party.',
    ],
    history: [
      ['2016-12-31', 'CCTV-News relaunched as CGTN'],
      ['2021-02-04', "Ofcom revoked CGTN's UK broadcast licence"],
    ],
  },
  {
    qid: 'Q207936',
    name: 'China Central Television',
    aliases: ['CCTV'],
    wiki: 'China_Central_Television',
    country: "People's Republic of China",
    languages: ['zh'],
    medium: ['tv'],
    domains: [['cctv.com', 'primary']],
    founded: '1958',
    owners: [
      ['China Media Group', 'owned-by'],
      ['Central Propaganda Department of the Chinese Communist Party', 'parent-org'],
    ],
    state: [
      'state-controlled',
      "China's national state broadcaster, part of China Media Group under the Central Propaganda Department.",
    ],
    history: [
      ['1958', 'Began as Beijing Television'],
      ['1978', 'Renamed China Central Television'],
      ['2018', 'Merged into the new China Media Group'],
    ],
  },
  {
    qid: 'Q970443',
    name: 'Global Times',
    aliases: ['Huanqiu Shibao'],
    wiki: 'Global_Times',
    country: "People's Republic of China",
    languages: ['zh', 'en'],
    medium: ['newspaper', 'online'],
    domains: [
      ['globaltimes.cn', 'primary'],
      ['huanqiu.com', 'language-edition', { lang: 'zh' }],
    ],
    founded: '1993',
    owners: [
      ["People's Daily", 'owned-by'],
      ['Central Committee of the Chinese Communist Party', 'ultimate-owner'],
    ],
    state: [
      'party-owned',
      "Published under People's Daily, the official newspaper of the Central Committee of the Chinese Communist Party.",
    ],
    history: [
      ['1993', 'Founded (Chinese edition)'],
      ['2009', 'English edition launched'],
    ],
  },
  {
    qid: 'Q1160945',
    name: 'BBC News',
    aliases: ['BBC', 'British Broadcasting Corporation'],
    wiki: 'BBC_News',
    country: 'United Kingdom',
    languages: ['en'],
    medium: ['tv', 'radio', 'online'],
    domains: [
      ['bbc.co.uk', 'primary'],
      ['bbc.com', 'primary'],
    ],
    owners: [['BBC', 'owned-by', 'Q9531']],
    state: [
      'public-service-independent',
      'Division of the BBC, a public corporation funded mainly by the licence fee and governed under a Royal Charter by the BBC Board.',
    ],
    history: [
      ['1922-10-18', 'British Broadcasting Company formed', [wp('BBC')]],
      ['1927-01-01', 'British Broadcasting Corporation established by Royal Charter', [wp('BBC')]],
    ],
  },
  {
    qid: 'Q212128',
    name: 'NHK',
    aliases: ['Japan Broadcasting Corporation', 'Nippon Hōsō Kyōkai'],
    wiki: 'NHK',
    country: 'Japan',
    languages: ['ja'],
    medium: ['tv', 'radio', 'online'],
    domains: [['nhk.or.jp', 'primary']],
    founded: '1926',
    owners: [],
    state: [
      'public-service-independent',
      "Japan's public broadcaster, funded by receiving fees under the Broadcast Act; its Board of Governors is appointed by the Prime Minister with the consent of the Diet.",
    ],
    history: [['1926', 'Founded as Japan Broadcasting Corporation (Nippon Hōsō Kyōkai)']],
  },
  {
    qid: 'Q1191688',
    name: 'NHK World-Japan',
    aliases: ['NHK World'],
    wiki: 'NHK_World-Japan',
    country: 'Japan',
    languages: ['en'],
    medium: ['tv', 'radio', 'online'],
    domains: [['www3.nhk.or.jp', 'path-scoped', { path: '/nhkworld' }]],
    owners: [['NHK', 'owned-by', 'Q212128']],
    state: [
      'public-service-independent',
      "International service of NHK, Japan's public broadcaster funded by receiving fees; the government also pays a grant for international broadcasting.",
    ],
    history: [
      ['1935', 'NHK began overseas shortwave broadcasts (later Radio Japan)'],
      ['2018-04', 'NHK World renamed NHK World-Japan'],
    ],
    cited: EDITED_2,
  },
  {
    qid: 'Q13477',
    name: 'Al Jazeera',
    aliases: ['Al Jazeera English', 'Al Jazeera Arabic', 'Aljazeera.com'],
    wiki: 'Al_Jazeera',
    country: 'Qatar',
    languages: ['ar', 'en'],
    medium: ['tv', 'online'],
    domains: [
      ['aljazeera.com', 'primary'],
      ['aljazeera.net', 'language-edition', { lang: 'ar' }],
      ['ajplus.net', 'primary', { note: "AJ+, Al Jazeera Media Network's online video channel" }],
    ],
    founded: '1996-11-01',
    owners: [['Al Jazeera Media Network', 'owned-by']],
    state: ['state-funded', 'Al Jazeera Media Network is funded by the government of Qatar.'],
    history: [['1996-11-01', 'Launched in Doha']],
  },
  {
    qid: 'Q153770',
    name: 'Deutsche Welle',
    aliases: ['DW'],
    wiki: 'Deutsche_Welle',
    country: 'Germany',
    languages: ['de', 'en', 'es', 'ar', 'ru', 'fr', 'zh'],
    medium: ['tv', 'radio', 'online'],
    domains: [['dw.com', 'primary']],
    founded: '1953-05-03',
    owners: [],
    state: [
      'state-funded',
      "Germany's international broadcaster, a public-law body funded from the federal budget; the Deutsche Welle Act provides for its editorial independence.",
    ],
    history: [['1953-05-03', 'First broadcast']],
  },
  {
    qid: 'Q166180',
    name: 'France 24',
    wiki: 'France_24',
    country: 'France',
    languages: ['fr', 'en', 'ar', 'es'],
    medium: ['tv', 'online'],
    domains: [['france24.com', 'primary']],
    founded: '2006-12-06',
    owners: [['France Médias Monde', 'owned-by']],
    state: [
      'state-funded',
      'Owned by France Médias Monde, a state-owned company funded mainly by public money.',
    ],
    history: [['2006-12-06', 'Launched']],
  },
  {
    qid: 'Q228389',
    name: 'Voice of America',
    aliases: ['VOA'],
    wiki: 'Voice_of_America',
    country: 'United States of America',
    medium: ['radio', 'tv', 'online'],
    domains: [['voanews.com', 'primary']],
    founded: '1942',
    owners: [['U.S. Agency for Global Media', 'owned-by']],
    state: [
      'state-funded',
      'Funded by the US Congress through the U.S. Agency for Global Media; the VOA Charter and a statutory firewall are meant to protect editorial independence.',
    ],
    history: [
      ['1942', 'First broadcasts'],
      ['2025-03', 'US executive order to cut USAGM to its statutory minimum; most VOA staff placed on leave'],
    ],
  },
  {
    qid: 'Q485500',
    name: 'Radio Free Europe/Radio Liberty',
    aliases: ['RFE/RL', 'Radio Liberty', 'Radio Svoboda'],
    wiki: 'Radio_Free_Europe/Radio_Liberty',
    country: 'United States of America',
    medium: ['radio', 'online'],
    domains: [
      ['rferl.org', 'primary'],
      ['svoboda.org', 'language-edition', { lang: 'ru' }],
      ['radiosvoboda.org', 'language-edition', { lang: 'uk' }],
    ],
    founded: '1949',
    owners: [['U.S. Agency for Global Media', 'funded-by']],
    state: [
      'state-funded',
      'Private non-profit corporation funded by the US Congress through the U.S. Agency for Global Media, with a statutory firewall.',
    ],
    history: [
      ['1949', 'Radio Free Europe founded'],
      ['1976', 'Radio Free Europe and Radio Liberty merged'],
      ['1995', 'Headquarters moved from Munich to Prague'],
    ],
  },
  {
    qid: 'Q40322',
    name: 'Radio Free Asia',
    aliases: ['RFA'],
    wiki: 'Radio_Free_Asia',
    country: 'United States of America',
    medium: ['radio', 'online'],
    domains: [['rfa.org', 'primary']],
    founded: '1996',
    owners: [['U.S. Agency for Global Media', 'funded-by']],
    state: [
      'state-funded',
      'Private non-profit corporation funded by the US Congress through the U.S. Agency for Global Media.',
    ],
    history: [['1996', 'First broadcasts']],
  },
  {
    qid: 'Q215616',
    name: 'PBS',
    aliases: ['Public Broadcasting Service'],
    wiki: 'PBS',
    country: 'United States of America',
    languages: ['en'],
    medium: ['tv', 'online'],
    domains: [['pbs.org', 'primary']],
    founded: '1969',
    owners: [['Its member public television stations', 'owned-by']],
    state: ['non-profit', 'Non-profit membership organisation of US public television stations.'],
    history: [['1969', 'Founded']],
  },
  {
    qid: 'Q781365',
    name: 'Australian Broadcasting Corporation',
    aliases: ['ABC', 'ABC News (Australia)'],
    wiki: 'Australian_Broadcasting_Corporation',
    country: 'Australia',
    languages: ['en'],
    medium: ['tv', 'radio', 'online'],
    domains: [['abc.net.au', 'primary']],
    founded: '1932-07-01',
    owners: [],
    state: [
      'public-service-independent',
      "Australia's national public broadcaster, a statutory corporation funded by the federal government with editorial independence under the ABC Act 1983.",
    ],
    history: [['1932-07-01', 'Australian Broadcasting Commission began broadcasting']],
  },
  {
    qid: 'Q6063045',
    name: 'TRT World',
    cited: EDITED_2, // state relation and owner chain revised on EDITED_2
    wiki: 'TRT_World',
    country: 'Turkey',
    languages: ['en'],
    medium: ['tv', 'online'],
    domains: [['trtworld.com', 'primary']],
    founded: '2015',
    owners: [
      ['Turkish Radio and Television Corporation (TRT)', 'owned-by', 'Q83389'],
      ['President of Turkey', 'head-appointed-by'],
    ],
    state: [
      'state-controlled',
      "Owned by TRT, Turkey's state broadcaster, whose director-general has been appointed by the President since the 2018 move to a presidential system.",
    ],
    history: [['2015', 'Launched']],
  },
  {
    qid: 'Q477436',
    name: 'Anadolu Agency',
    aliases: ['AA', 'Anadolu Ajansı'],
    wiki: 'Anadolu_Agency',
    country: 'Turkey',
    languages: ['tr', 'en', 'ar', 'fr'],
    medium: ['agency'],
    domains: [['aa.com.tr', 'primary']],
    founded: '1920-04-06',
    owners: [],
    state: ['state-controlled', "Turkey's state-run news agency."],
    history: [['1920-04-06', 'Founded during the Turkish War of Independence']],
  },
  {
    qid: 'Q649695',
    name: 'Islamic Republic News Agency',
    aliases: ['IRNA'],
    wiki: 'Islamic_Republic_News_Agency',
    country: 'Iran',
    languages: ['fa', 'en', 'ar'],
    medium: ['agency'],
    domains: [['irna.ir', 'primary']],
    founded: '1934',
    owners: [],
    state: ['state-controlled', 'The official news agency of the Iranian government.'],
    history: [['1934', 'Founded as the Pars News Agency']],
  },
  {
    qid: 'Q333206',
    name: 'Yonhap News Agency',
    aliases: ['Yonhap'],
    wiki: 'Yonhap_News_Agency',
    country: 'South Korea',
    languages: ['ko', 'en'],
    medium: ['agency'],
    domains: [
      ['yna.co.kr', 'primary'],
      ['en.yna.co.kr', 'language-edition', { lang: 'en' }],
    ],
    founded: '1980',
    owners: [],
    state: [
      'unknown',
      "South Korea's designated national news agency under a 2003 act; its largest shareholder is a public body set up under that act, and it receives government subsidies.",
    ],
    history: [['1980', 'Founded by the merger of Hapdong and Orient Press']],
  },
  {
    qid: 'Q9684',
    name: 'The New York Times',
    aliases: ['NYT', 'New York Times'],
    wiki: 'The_New_York_Times',
    country: 'United States of America',
    languages: ['en'],
    medium: ['newspaper', 'online'],
    domains: [['nytimes.com', 'primary']],
    founded: '1851-09-18',
    owners: [
      ['The New York Times Company', 'owned-by'],
      ['Ochs-Sulzberger family (controlling Class B shares)', 'ultimate-owner'],
    ],
    state: [
      'private',
      'Published by The New York Times Company, a listed company controlled by the Ochs-Sulzberger family.',
    ],
    history: [['1851-09-18', 'First published']],
  },
  {
    qid: 'Q166032',
    name: 'The Washington Post',
    aliases: ['Washington Post', 'WaPo'],
    wiki: 'The_Washington_Post',
    country: 'United States of America',
    languages: ['en'],
    medium: ['newspaper', 'online'],
    domains: [['washingtonpost.com', 'primary']],
    founded: '1877-12-06',
    owners: [
      ['Nash Holdings', 'owned-by'],
      ['Jeff Bezos', 'ultimate-owner'],
    ],
    state: ['private', 'Owned by Nash Holdings, the holding company of Jeff Bezos.'],
    history: [
      ['1877-12-06', 'First published'],
      ['2013', 'Bought from the Graham family by Jeff Bezos'],
    ],
  },
  {
    qid: 'Q164746',
    name: 'The Wall Street Journal',
    aliases: ['WSJ', 'Wall Street Journal'],
    wiki: 'The_Wall_Street_Journal',
    country: 'United States of America',
    languages: ['en'],
    medium: ['newspaper', 'online'],
    domains: [['wsj.com', 'primary']],
    founded: '1889-07-08',
    owners: [
      ['Dow Jones & Company', 'owned-by'],
      ['News Corp', 'parent-org'],
    ],
    state: ['private', 'Published by Dow Jones & Company, a subsidiary of News Corp.'],
    history: [
      ['1889-07-08', 'First published'],
      ['2007', 'News Corp acquired Dow Jones & Company'],
    ],
  },
  {
    qid: 'Q11148',
    name: 'The Guardian',
    aliases: ['Guardian', 'The Manchester Guardian', 'TheGuardian.com'],
    wiki: 'The_Guardian',
    country: 'United Kingdom',
    languages: ['en'],
    medium: ['newspaper', 'online'],
    domains: [
      ['theguardian.com', 'primary'],
      ['guardian.co.uk', 'former'],
    ],
    founded: '1821-05-05',
    owners: [
      ['Guardian Media Group', 'owned-by'],
      ['Scott Trust Limited', 'ultimate-owner'],
    ],
    state: ['private', 'Owned by Guardian Media Group, which is owned by the Scott Trust Limited.'],
    history: [
      ['1821-05-05', 'First published as The Manchester Guardian'],
      ['1936', 'The Scott Trust created'],
      ['1959', 'Renamed The Guardian'],
    ],
  },
  {
    qid: 'Q186068',
    name: 'Fox News',
    aliases: ['Fox News Channel', 'FNC'],
    wiki: 'Fox_News',
    country: 'United States of America',
    languages: ['en'],
    medium: ['tv', 'online'],
    domains: [['foxnews.com', 'primary']],
    founded: '1996-10-07',
    owners: [
      ['Fox Corporation', 'owned-by'],
      ['Murdoch family', 'ultimate-owner'],
    ],
    state: ['private', 'Owned by Fox Corporation, a listed company controlled by the Murdoch family.'],
    history: [
      ['1996-10-07', 'Launched'],
      ['2019', 'Became part of the new Fox Corporation'],
    ],
  },
  {
    qid: 'Q48340',
    name: 'CNN',
    aliases: ['Cable News Network'],
    wiki: 'CNN',
    country: 'United States of America',
    languages: ['en'],
    medium: ['tv', 'online'],
    domains: [['cnn.com', 'primary']],
    founded: '1980-06-01',
    owners: [['Warner Bros. Discovery', 'owned-by']],
    state: ['private', 'Owned by Warner Bros. Discovery, a listed company.'],
    history: [
      ['1980-06-01', 'Launched by Ted Turner'],
      ['2022', 'Became part of Warner Bros. Discovery'],
    ],
  },
  {
    qid: 'Q18049522',
    name: 'HuffPost',
    aliases: ['The Huffington Post', 'Huffington Post'],
    wiki: 'HuffPost',
    country: 'United States of America',
    languages: ['en'],
    medium: ['online'],
    domains: [
      ['huffpost.com', 'primary'],
      ['huffingtonpost.com', 'former'],
    ],
    founded: '2005-05-09',
    owners: [['BuzzFeed', 'owned-by', 'Q5003490']],
    state: ['private', 'Owned by BuzzFeed, a listed company.'],
    history: [
      ['2005-05-09', 'Launched as The Huffington Post'],
      ['2011', 'Acquired by AOL'],
      ['2017', 'Renamed HuffPost'],
      ['2021', 'Acquired by BuzzFeed'],
    ],
  },
  {
    qid: 'Q1190886',
    name: 'The Japan Times',
    aliases: ['Japan Times'],
    wiki: 'The_Japan_Times',
    country: 'Japan',
    languages: ['en'],
    medium: ['newspaper', 'online'],
    domains: [['japantimes.co.jp', 'primary']],
    founded: '1897',
    owners: [['News2u Holdings', 'owned-by']],
    state: ['private', 'Owned by News2u Holdings since 2017.'],
    history: [
      ['1897', 'First published'],
      ['2017', 'Acquired by News2u Holdings'],
    ],
  },
  {
    qid: 'Q12461',
    name: 'Le Monde',
    wiki: 'Le_Monde',
    country: 'France',
    languages: ['fr', 'en'],
    medium: ['newspaper', 'online'],
    domains: [['lemonde.fr', 'primary']],
    founded: '1944-12',
    owners: [['Groupe Le Monde', 'owned-by']],
    state: ['private', 'Published by Groupe Le Monde, privately owned.'],
    history: [['1944-12', 'First issue']],
  },
  {
    qid: 'Q278151',
    name: 'Der Spiegel',
    aliases: ['Spiegel Online', 'SPON', 'Der Spiegel (online)'],
    wiki: 'Der_Spiegel',
    country: 'Germany',
    languages: ['de', 'en'],
    medium: ['magazine', 'online'],
    domains: [['spiegel.de', 'primary']],
    founded: '1994',
    owners: [['Spiegel-Verlag', 'owned-by']],
    state: ['private', 'Published by Spiegel-Verlag, in which the staff hold the largest share.'],
    history: [
      ['1947', 'Der Spiegel magazine first published'],
      ['1994', 'Spiegel Online launched'],
    ],
  },
  {
    qid: 'Q50009',
    name: 'El País',
    aliases: ['El Pais'],
    wiki: 'El_País',
    country: 'Spain',
    languages: ['es', 'en', 'pt', 'ca'],
    medium: ['newspaper', 'online'],
    domains: [['elpais.com', 'primary']],
    founded: '1976-05-04',
    owners: [['PRISA', 'owned-by']],
    state: ['private', 'Published by PRISA, a listed Spanish media group.'],
    history: [['1976-05-04', 'First published']],
  },
];

/**
 * Current RSP statuses the editor is sure differ from the 2021 snapshot. Press TV: the 2021 snapshot
 * says "generally unreliable"; WP:RSP now lists it as deprecated (the 2026-08 ranking derived from
 * RSP shows "d"). The deprecation date was not captured.
 */
export const CURRENT_RSP: Array<{
  qid: string;
  rspName: string;
  status: 'deprecated';
  asOf: Iso;
  note: string;
}> = [
  {
    qid: 'Q912429',
    rspName: 'Press TV',
    status: 'deprecated',
    asOf: '2026-08-13',
    note: 'Deprecated on WP:RSP (as listed in the 2026-08-13 derived ranking); date of the deprecation RfC not captured.',
  },
];

/** RSP 2021 rows whose name does not join automatically, mapped by hand: row id → QID. */
export const RSP_ROW_QIDS: Record<string, string> = {
  '28': 'Q1160945', // BBC (British Broadcasting Corporation): covers the BBC as a whole
  '268': 'Q278151', // Der Spiegel (Spiegel Online, SPON)
  '246': 'Q22868', // RT (Russia Today)
  '49': 'Q4378607', // China Global Television Network (CGTN, CCTV International)
};
