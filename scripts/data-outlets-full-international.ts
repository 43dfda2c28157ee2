/**
 * Third batch (written 2026-11-26, from recall; see data-outlets-full.ts): state-controlled and
 * state-funded international broadcasters and state news agencies that the first two batches lacked.
 *
 * WITH_QID: the outlet's QID is in the outlets-wikidata-news-twitter corpus (the seed checks it).
 *
 * WITHOUT_QID: no corpus has the outlet's QID (checked under every name variant and domain in
 * outlets-wikidata-news-twitter, outlets-opensources, outlets-wp-rsp-2021, outlets-wp-rsp-2026-derived
 * and the SemEval pair URLs), and a QID from memory would be a wrong fact waiting to happen. These
 * records carry `qid: null` and a stable `localId` (their key is `local:<localId>`, types.ts
 * `outletId`); `npm run data:outlets` gives them their QID through Wikidata P856 when a network is
 * available. Their identity and country are recall (cited to the Wikipedia article only); domains
 * the corpora list (RSP rows, SemEval URLs) are noted.
 *
 * A record is 'core' where no dated event was recalled with certainty (a full record needs history).
 * Not written: Korea Times (private, not state media); RT's and Sputnik's language editions are
 * already language-edition domains of RT / Sputnik.
 */
import { EDITED_2, type FullSpec } from './data-outlets-curated';

const at = (s: Omit<FullSpec, 'cited'>): FullSpec => ({ ...s, cited: EDITED_2 });

/** A curated record whose QID no corpus gives: keyed by `localId` until data:outlets resolves it. */
export type UnresolvedSpec = Omit<FullSpec, 'qid'> & { localId: string };
const local = (s: Omit<UnresolvedSpec, 'cited'>): UnresolvedSpec => ({ ...s, cited: EDITED_2 });

const SEMEVAL = 'seen in the SemEval 2022 task 8 article URLs (2020)';
const CMG: FullSpec['owners'] = [
  ['China Media Group', 'owned-by'],
  ['Central Propaganda Department of the Chinese Communist Party', 'parent-org'],
];
const PRASAR_STATE: FullSpec['state'] = [
  'unknown',
  "Run by Prasar Bharati, India's statutory public broadcaster, which is funded mainly by the central government.",
];

export const WITH_QID: FullSpec[] = [
  at({
    qid: 'Q1321122',
    name: 'All India Radio',
    aliases: ['AIR', 'Akashvani'],
    wiki: 'All_India_Radio',
    country: 'India',
    languages: ['hi', 'en'],
    medium: ['radio', 'online'],
    domains: [
      ['newsonair.gov.in', 'primary'],
      ['newsonair.com', 'former', { note: `${SEMEVAL}; current status not checked` }],
      ['newsonair.nic.in', 'former', { note: `${SEMEVAL}; current status not checked` }],
    ],
    founded: '1936',
    owners: [['Prasar Bharati', 'owned-by']],
    state: PRASAR_STATE,
    history: [['1936-06-08', 'The Indian State Broadcasting Service renamed All India Radio']],
  }),
  at({
    qid: 'Q1571990',
    name: 'TRT Arabi',
    aliases: ['TRT Al Arabiya', 'TRT Arabic'],
    wiki: 'TRT_Arabi',
    country: 'Turkey',
    languages: ['ar'],
    medium: ['tv', 'online'],
    domains: [['trtarabi.com', 'primary']],
    founded: '2010',
    owners: [
      ['Turkish Radio and Television Corporation (TRT)', 'owned-by', 'Q83389'],
      ['President of Turkey', 'head-appointed-by'],
    ],
    state: [
      'state-controlled',
      "Arabic-language channel of TRT, Turkey's state broadcaster, whose director-general has been appointed by the President since the 2018 move to a presidential system.",
    ],
    history: [['2010', 'Launched']],
  }),
];

const IRIB_OWNERS: FullSpec['owners'] = [
  ['Islamic Republic of Iran Broadcasting', 'owned-by'],
  ['Supreme Leader of Iran', 'head-appointed-by'],
];
const BBC_LANGUAGE_SERVICES: Array<[path: string, lang: string]> = [
  ['/persian', 'fa'],
  ['/russian', 'ru'],
  ['/mundo', 'es'],
  ['/zhongwen', 'zh'],
  ['/hindi', 'hi'],
  ['/urdu', 'ur'],
  ['/ukrainian', 'uk'],
  ['/turkce', 'tr'],
  ['/portuguese', 'pt'],
  ['/vietnamese', 'vi'],
  ['/indonesia', 'id'],
  ['/afrique', 'fr'],
  ['/swahili', 'sw'],
  ['/hausa', 'ha'],
  ['/bengali', 'bn'],
  ['/burmese', 'my'],
  ['/japanese', 'ja'],
  ['/korean', 'ko'],
];

export const WITHOUT_QID: UnresolvedSpec[] = [
  local({
    localId: 'hispantv',
    name: 'HispanTV',
    aliases: ['Hispan TV'],
    wiki: 'HispanTV',
    country: 'Iran',
    languages: ['es'],
    medium: ['tv', 'online'],
    // Both hosts are in the WP:RSP 2021 row (and hispantv.com in the 2026-derived ranking).
    domains: [
      ['hispantv.com', 'primary'],
      ['hispantv.ir', 'primary'],
    ],
    founded: '2011',
    owners: IRIB_OWNERS,
    state: [
      'state-controlled',
      "Spanish-language channel of IRIB, Iran's state broadcaster, whose head is appointed by the Supreme Leader.",
    ],
    history: [['2011', 'Launched']],
  }),
  local({
    localId: 'china-radio-international',
    name: 'China Radio International',
    aliases: ['CRI', 'China Plus'],
    wiki: 'China_Radio_International',
    country: "People's Republic of China",
    languages: ['zh', 'en', 'fr', 'es', 'ru', 'ar', 'ja', 'ko', 'de'],
    medium: ['radio', 'online'],
    domains: [
      ['cri.cn', 'primary'],
      ['english.cri.cn', 'language-edition', { lang: 'en' }],
    ],
    founded: '1941-12-03',
    owners: CMG,
    state: [
      'state-controlled',
      "China's state international radio, part of China Media Group, which answers to the Communist Party's Central Propaganda Department.",
    ],
    history: [
      ['1941-12-03', "Founded as Yan'an Xinhua Radio"],
      ['2018-03', 'Merged with CCTV and China National Radio into China Media Group'],
    ],
  }),
  local({
    localId: 'voice-of-korea',
    name: 'Voice of Korea',
    aliases: ['Radio Pyongyang'],
    wiki: 'Voice_of_Korea',
    country: 'North Korea',
    medium: ['radio'],
    domains: [['vok.rep.kp', 'primary']],
    owners: [],
    state: ['state-controlled', "North Korea's state international radio broadcaster."],
    history: [],
    completeness: 'core',
  }),
  local({
    localId: 'kcna',
    name: 'Korean Central News Agency',
    aliases: ['KCNA'],
    wiki: 'Korean_Central_News_Agency',
    country: 'North Korea',
    languages: ['ko', 'en'],
    medium: ['agency'],
    domains: [['kcna.kp', 'primary']],
    founded: '1946-12-05',
    owners: [],
    state: [
      'state-controlled',
      "North Korea's state news agency: it issues the statements of the government and of the ruling Workers' Party of Korea.",
    ],
    history: [['1946-12-05', 'Founded']],
  }),
  local({
    localId: 'rodong-sinmun',
    name: 'Rodong Sinmun',
    wiki: 'Rodong_Sinmun',
    country: 'North Korea',
    languages: ['ko'],
    medium: ['newspaper'],
    domains: [['rodong.rep.kp', 'primary']],
    founded: '1945-11-01',
    owners: [["Central Committee of the Workers' Party of Korea", 'owned-by']],
    state: [
      'party-owned',
      "Official newspaper of the Central Committee of the Workers' Party of Korea, the ruling party.",
    ],
    history: [['1945-11-01', 'First published']],
  }),
  local({
    localId: 'bbc-world-service',
    name: 'BBC World Service',
    aliases: ['BBC Empire Service'],
    wiki: 'BBC_World_Service',
    country: 'United Kingdom',
    languages: ['en', ...BBC_LANGUAGE_SERVICES.map(([, l]) => l)],
    medium: ['radio', 'tv', 'online'],
    domains: [
      ['bbc.co.uk', 'path-scoped', { path: '/worldservice' }],
      ...BBC_LANGUAGE_SERVICES.map(([path, lang]): FullSpec['domains'][number] => [
        'bbc.com',
        'path-scoped',
        { path, lang },
      ]),
    ],
    founded: '1932-12-19',
    owners: [['BBC', 'owned-by', 'Q9531']],
    state: [
      'public-service-independent',
      'Part of the BBC under its Royal Charter, which keeps government out of editorial decisions; paid for by the licence fee and a UK Foreign Office grant.',
    ],
    history: [
      ['1932-12-19', 'Began as the BBC Empire Service'],
      ['1965', 'Renamed BBC World Service'],
      ['2014', 'Funding moved from a Foreign Office grant to the licence fee'],
    ],
  }),
  local({
    localId: 'rfi',
    name: 'Radio France Internationale',
    aliases: ['RFI'],
    wiki: 'Radio_France_Internationale',
    country: 'France',
    languages: ['fr', 'en', 'es', 'pt', 'zh', 'ru', 'sw', 'ha'],
    medium: ['radio', 'online'],
    domains: [['rfi.fr', 'primary']],
    owners: [['France Médias Monde', 'owned-by']],
    state: [
      'state-funded',
      'Owned by France Médias Monde, a state-owned company funded mainly by public money.',
    ],
    history: [['2013', 'Its parent, Audiovisuel extérieur de la France, renamed France Médias Monde']],
  }),
  local({
    localId: 'cbc-radio-canada',
    name: 'CBC/Radio-Canada',
    aliases: ['Canadian Broadcasting Corporation', 'CBC', 'Radio-Canada', 'CBC News', 'Société Radio-Canada'],
    wiki: 'Canadian_Broadcasting_Corporation',
    country: 'Canada',
    languages: ['en', 'fr'],
    medium: ['tv', 'radio', 'online'],
    domains: [
      ['cbc.ca', 'primary'],
      ['radio-canada.ca', 'language-edition', { lang: 'fr' }],
    ],
    founded: '1936-11-02',
    owners: [],
    state: [
      'public-service-independent',
      'Federal Crown corporation funded by Parliament; the Broadcasting Act guarantees its journalistic, creative and programming independence.',
    ],
    history: [['1936-11-02', 'Established under the Canadian Broadcasting Act, 1936']],
  }),
  local({
    localId: 'sabc',
    name: 'South African Broadcasting Corporation',
    aliases: ['SABC', 'SABC News'],
    wiki: 'South_African_Broadcasting_Corporation',
    country: 'South Africa',
    medium: ['tv', 'radio', 'online'],
    domains: [
      ['sabcnews.com', 'primary'],
      ['sabc.co.za', 'primary', { note: 'corporate site' }],
    ],
    founded: '1936',
    owners: [],
    state: [
      'unknown',
      "State-owned public broadcaster under the Broadcasting Act 1999; its board is appointed by the President on the National Assembly's recommendation.",
    ],
    history: [['1936', 'Established']],
  }),
  local({
    localId: 'prasar-bharati',
    name: 'Prasar Bharati',
    wiki: 'Prasar_Bharati',
    country: 'India',
    medium: ['tv', 'radio'],
    domains: [['prasarbharati.gov.in', 'primary']],
    founded: '1997-11-23',
    owners: [],
    state: [
      'unknown',
      "India's statutory public broadcaster (Prasar Bharati Act 1990), parent of Doordarshan and All India Radio; funded mainly by the central government.",
    ],
    history: [['1997-11-23', 'Established as a statutory autonomous body']],
  }),
  local({
    localId: 'rnz',
    name: 'RNZ',
    aliases: ['Radio New Zealand'],
    wiki: 'RNZ',
    country: 'New Zealand',
    languages: ['en'],
    medium: ['radio', 'online'],
    domains: [['rnz.co.nz', 'primary']],
    owners: [],
    state: [
      'public-service-independent',
      'Crown entity under the Radio New Zealand Act 1995, whose charter sets its public-service remit and editorial independence.',
    ],
    history: [['1995', 'Radio New Zealand Act 1995']],
  }),
  local({
    localId: 'prensa-latina',
    name: 'Prensa Latina',
    wiki: 'Prensa_Latina',
    country: 'Cuba',
    languages: ['es', 'en'],
    medium: ['agency'],
    domains: [
      ['prensa-latina.cu', 'primary'],
      ['plenglish.com', 'language-edition', { lang: 'en', note: SEMEVAL }],
    ],
    founded: '1959',
    owners: [],
    state: ['state-controlled', "Cuba's state news agency."],
    history: [['1959', 'Founded in Havana']],
  }),
  local({
    localId: 'cubadebate',
    name: 'Cubadebate',
    wiki: 'Cubadebate',
    country: 'Cuba',
    languages: ['es'],
    medium: ['online'],
    domains: [['cubadebate.cu', 'primary', { note: SEMEVAL }]],
    owners: [],
    history: [],
    completeness: 'core',
  }),
  local({
    localId: 'vietnam-news-agency',
    name: 'Vietnam News Agency',
    aliases: ['VNA', 'TTXVN'],
    wiki: 'Vietnam_News_Agency',
    country: 'Vietnam',
    languages: ['vi', 'en'],
    medium: ['agency', 'online'],
    domains: [
      ['vnanet.vn', 'primary'],
      ['vietnamplus.vn', 'primary', { note: "VietnamPlus, the agency's online newspaper" }],
      ['en.vietnamplus.vn', 'language-edition', { lang: 'en', note: SEMEVAL }],
    ],
    founded: '1945-09-15',
    owners: [['Government of Vietnam', 'owned-by']],
    state: [
      'state-controlled',
      "Vietnam's state news agency, a government agency; the media operate under the direction of the Communist Party.",
    ],
    history: [['1945-09-15', 'Founded']],
  }),
  local({
    localId: 'aps-algeria',
    name: 'Algérie Presse Service',
    aliases: ['Algerie Presse Service'],
    wiki: 'Algérie_Presse_Service',
    country: 'Algeria',
    languages: ['ar', 'fr', 'en'],
    medium: ['agency'],
    domains: [['aps.dz', 'primary', { note: SEMEVAL }]],
    founded: '1961',
    owners: [],
    state: ['state-controlled', "Algeria's state news agency."],
    history: [['1961', 'Founded in Tunis during the Algerian War of Independence']],
  }),
  local({
    localId: 'mena',
    name: 'Middle East News Agency',
    aliases: ['MENA'],
    wiki: 'Middle_East_News_Agency',
    country: 'Egypt',
    languages: ['ar', 'en'],
    medium: ['agency'],
    domains: [['mena.org.eg', 'primary']],
    owners: [],
    state: ['state-controlled', "Egypt's state news agency."],
    history: [],
    completeness: 'core',
  }),
  local({
    localId: 'wam',
    name: 'Emirates News Agency',
    aliases: ['WAM'],
    wiki: 'Emirates_News_Agency',
    country: 'United Arab Emirates',
    languages: ['ar', 'en'],
    medium: ['agency'],
    domains: [['wam.ae', 'primary', { note: SEMEVAL }]],
    founded: '1976',
    owners: [],
    state: [
      'state-controlled',
      'The official news agency of the United Arab Emirates, a federal government body.',
    ],
    history: [['1976', 'Founded']],
  }),
  local({
    localId: 'qna',
    name: 'Qatar News Agency',
    aliases: ['QNA'],
    wiki: 'Qatar_News_Agency',
    country: 'Qatar',
    languages: ['ar', 'en'],
    medium: ['agency'],
    domains: [['qna.org.qa', 'primary']],
    owners: [],
    state: ['state-controlled', "Qatar's official state news agency."],
    history: [],
    completeness: 'core',
  }),
];
