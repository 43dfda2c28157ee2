/**
 * The default feed list (issue: related coverage): wire agencies and major outlets across
 * countries and ownership types. Offered, never polled, until the reader turns feeds on. Each
 * feed's `site` is resolved to its outlet through Masthead's outlet data (tests/lib/feeds check
 * that every one resolves). `unverified`: the URL is from the outlet's own feed page as recalled
 * by the editor and was not fetched when this list was written (no internet in the build
 * environment); the per-feed status in the options page shows whether it answers.
 *
 * Not listed: Reuters, AP and AFP publish no public RSS feed (Reuters ended its feeds in 2020);
 * their wire copies reach the store through the outlets that carry them. Outlets that are not in
 * Masthead's outlet data (NPR, SCMP, CBC, The Times of India at the time of writing) are left out so
 * that every item gets a context chip; readers can add any feed themselves.
 */
export interface DefaultFeed {
  /** Stable id (the feeds table key). */
  id: string;
  name: string;
  url: string;
  /** The outlet's home page, resolved to the outlet (feed hosts are often CDNs). */
  site: string;
  unverified?: true;
}

export const DEFAULT_FEEDS: readonly DefaultFeed[] = [
  {
    id: 'bbc-world',
    name: 'BBC News — World',
    url: 'https://feeds.bbci.co.uk/news/world/rss.xml',
    site: 'https://www.bbc.co.uk/news',
  },
  {
    id: 'guardian-world',
    name: 'The Guardian — World',
    url: 'https://www.theguardian.com/world/rss',
    site: 'https://www.theguardian.com/',
  },
  {
    id: 'nyt-world',
    name: 'The New York Times — World',
    url: 'https://rss.nytimes.com/services/xml/rss/nyt/World.xml',
    site: 'https://www.nytimes.com/',
  },
  {
    id: 'wapo-world',
    name: 'The Washington Post — World',
    url: 'https://feeds.washingtonpost.com/rss/world',
    site: 'https://www.washingtonpost.com/',
  },
  {
    id: 'aljazeera',
    name: 'Al Jazeera English',
    url: 'https://www.aljazeera.com/xml/rss/all.xml',
    site: 'https://www.aljazeera.com/',
  },
  {
    id: 'dw-en',
    name: 'DW (Deutsche Welle) — English',
    url: 'https://rss.dw.com/rdf/rss-en-all',
    site: 'https://www.dw.com/en/',
  },
  {
    id: 'france24-en',
    name: 'France 24 — English',
    url: 'https://www.france24.com/en/rss',
    site: 'https://www.france24.com/en/',
  },
  {
    id: 'kyodo',
    name: 'Kyodo News',
    url: 'https://english.kyodonews.net/rss/all.xml',
    site: 'https://english.kyodonews.net/',
    unverified: true,
  },
  {
    id: 'nhk-world',
    name: 'NHK World',
    url: 'https://www3.nhk.or.jp/nhkworld/en/news/feeds/',
    site: 'https://www3.nhk.or.jp/nhkworld/',
    unverified: true,
  },
  {
    id: 'japantimes',
    name: 'The Japan Times',
    url: 'https://www.japantimes.co.jp/feed/',
    site: 'https://www.japantimes.co.jp/',
  },
  {
    id: 'cgtn-world',
    name: 'CGTN — World',
    url: 'https://www.cgtn.com/subscribe/rss/section/world.xml',
    site: 'https://www.cgtn.com/',
    unverified: true,
  },
  {
    id: 'xinhua-world',
    name: 'Xinhua — World',
    url: 'https://www.xinhuanet.com/english/rss/worldrss.xml',
    site: 'https://www.xinhuanet.com/english/',
    unverified: true,
  },
  { id: 'rt-news', name: 'RT', url: 'https://www.rt.com/rss/news/', site: 'https://www.rt.com/' },
  { id: 'tass', name: 'TASS', url: 'https://tass.com/rss/v2.xml', site: 'https://tass.com/' },
  {
    id: 'presstv',
    name: 'Press TV',
    url: 'https://www.presstv.ir/RSS',
    site: 'https://www.presstv.ir/',
    unverified: true,
  },
  {
    id: 'yonhap',
    name: 'Yonhap News Agency',
    url: 'https://en.yna.co.kr/RSS/news.xml',
    site: 'https://en.yna.co.kr/',
    unverified: true,
  },
  {
    id: 'ndtv-world',
    name: 'NDTV — World',
    url: 'https://feeds.feedburner.com/ndtvnews-world-news',
    site: 'https://www.ndtv.com/',
    unverified: true,
  },
  {
    id: 'anadolu',
    name: 'Anadolu Agency — English',
    url: 'https://www.aa.com.tr/en/rss/default?cat=guncel',
    site: 'https://www.aa.com.tr/en',
    unverified: true,
  },
  {
    id: 'ansa-en',
    name: 'ANSA — English',
    url: 'https://www.ansa.it/english/news/english_nr_rss.xml',
    site: 'https://www.ansa.it/english/',
    unverified: true,
  },
  {
    id: 'abc-au',
    name: 'ABC News (Australia)',
    url: 'https://www.abc.net.au/news/feed/51120/rss.xml',
    site: 'https://www.abc.net.au/news',
    unverified: true,
  },
];

/** The origin pattern a feed needs as host permission ("https://feeds.bbci.co.uk/*"). */
export function feedOrigin(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** Distinct origins of the given feed URLs, for `permissions.request({ origins })`. */
export function feedOrigins(urls: readonly string[]): string[] {
  return [...new Set(urls.map(feedOrigin).filter((o): o is string => !!o))].sort();
}
