// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

const wxtApis = ['wxt', 'wxt/*', '#imports'];
const browserGlobals = ['browser', 'chrome', 'document', 'window', 'location'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.output/**',
      '.output-e2e/**',
      '.wxt/**',
      '.cache/**',
      'test-results/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  nounsanitized.configs.recommended,
  {
    languageOptions: {
      globals: {
        // Browser + Node globals are allowed by default; boundaries below narrow them.
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        navigator: 'readonly',
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // The single raw-HTML sink is lib/safe-html.ts (SECURITY S7).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render sanitised HTML through lib/safe-html.ts only.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'No raw HTML sinks outside lib/safe-html.ts.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]',
          message: 'No raw HTML sinks outside lib/safe-html.ts.',
        },
      ],
    },
  },
  // lib/ is pure: no extension APIs, no DB, no UI, no page globals (the page is a parameter).
  {
    files: ['lib/**'],
    ignores: ['lib/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...wxtApis, 'dexie', 'preact', 'preact/*', '@preact/*', '@/lib/platform/*'] },
      ],
      'no-restricted-globals': ['error', ...browserGlobals],
    },
  },
  // components/ are presentational: props in, JSX out.
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...wxtApis, 'dexie', '@/lib/platform/*'] }],
      'no-restricted-globals': ['error', 'browser', 'chrome'],
    },
  },
  // Content scripts never open IndexedDB (that is the page's storage) and never fetch.
  {
    files: ['entrypoints/*.content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['dexie', '@/lib/platform/db*', '@/lib/platform/store*'] },
      ],
      'no-restricted-globals': ['error', 'indexedDB', 'localStorage', 'sessionStorage', 'fetch'],
    },
  },
  {
    files: ['lib/safe-html.ts'],
    rules: {
      'no-restricted-syntax': 'off',
      'no-unsanitized/property': 'off',
      'no-unsanitized/method': 'off',
    },
  },
  {
    files: ['tests/**', 'scripts/**', '*.config.*', '.ci/**'],
    rules: {
      'no-restricted-syntax': 'off',
      'no-unsanitized/property': 'off',
      'no-unsanitized/method': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
      },
    },
  },
);
