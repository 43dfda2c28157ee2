import { defineConfig } from 'wxt';
import { STARTER_NEWS_HOSTS } from './lib/article/news-hosts';

/** Test-only build (`npm run build:e2e`): adds 127.0.0.1 and mapped test hostnames. Never shipped. */
const e2e = process.env.WXT_E2E === '1';

/** Match patterns for the automatic content script: known news hosts (and www./sub-domains). */
const newsMatches = STARTER_NEWS_HOSTS.flatMap((h) => [`*://${h}/*`, `*://*.${h}/*`]);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  outDir: e2e ? '.output-e2e' : '.output',
  manifest: ({ browser }) => ({
    name: 'Masthead',
    description: 'Source context for news: who is speaking, who is named, who else covered it.',
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      'unlimitedStorage',
      ...(browser === 'chrome' ? ['offscreen'] : []),
    ],
    // Automatic detection on known news hosts only; everything else needs a toolbar click
    // (activeTab) or the optional "all sites" grant from the options page.
    host_permissions: [...newsMatches, ...(e2e ? ['http://127.0.0.1/*'] : [])],
    optional_host_permissions: ['*://*/*'],
    action: { default_title: 'Masthead' },
    commands: {
      'next-person': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Highlight the next person named in the article and open their card',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'masthead@masthead.invalid',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  webExt: { disabled: true },
  zip: {
    includeSources: [
      'entrypoints',
      'components',
      'lib',
      'assets',
      'public',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
    ],
    excludeSources: ['**/*.test.ts', '**/*.test.tsx'],
  },
});
