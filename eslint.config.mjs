// ESLint flat config. TypeScript files are linted with type information: each file is checked
// against its nearest tsconfig (projectService), so the server (tsconfig.json), the admin panel
// (src/admin/tsconfig.json) and the tests (tests/tsconfig.json) each use their own settings.
// Plain JS files (scripts/, public/, database/migrations/, jest.config.js) get ESLint's JS
// recommended rules only: they are small Node or browser scripts with no type information.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The escape casts hide where Strapi's types stop. Type the boundary instead (one typed accessor);
// the few that stay carry `// eslint-disable-next-line no-restricted-syntax -- <why>` (at most 5).
const BOUNDARY_RULE =
  'type the boundary instead (one typed accessor where Strapi’s types stop); a documented ' +
  'boundary needs `// eslint-disable-next-line no-restricted-syntax -- <why>` (at most 5 in src/).';

// Globals of the runtimes our plain JS files run in (kept here rather than adding a dependency).
const NODE_GLOBALS = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    'process',
    'console',
    '__dirname',
    '__filename',
    'Buffer',
    'URL',
    'URLSearchParams',
    'fetch',
    'AbortController',
    'AbortSignal',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'structuredClone',
    'TextEncoder',
    'TextDecoder',
    'performance',
  ].map((name) => [name, 'readonly']),
);
const BROWSER_GLOBALS = Object.fromEntries(
  [
    'window',
    'document',
    'location',
    'history',
    'navigator',
    'console',
    'fetch',
    'URL',
    'URLSearchParams',
    'FormData',
    'EventSource',
    'AbortController',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'requestAnimationFrame',
    'createImageBitmap',
    'File',
    'DataTransfer',
    'confirm',
    'localStorage',
    'sessionStorage',
    'Intl',
    'HTMLElement',
    'Event',
    'CustomEvent',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'build/',
      '.tmp/',
      '.cache/',
      '.strapi/',
      'coverage/',
      'types/generated/',
      'public/uploads/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  // Plain JS: recommended rules only.
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: NODE_GLOBALS },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: {
      'no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  // Playwright scripts: their page callbacks run in the browser.
  {
    files: ['scripts/browser/**/*.js', 'scripts/screenshots.js'],
    languageOptions: { globals: { ...NODE_GLOBALS, ...BROWSER_GLOBALS } },
  },
  {
    files: ['eslint.config.mjs'],
    languageOptions: { sourceType: 'module' },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: BROWSER_GLOBALS },
  },
  // TypeScript: recommended + type-checked rules.
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Off because they only produce noise here: Strapi's own APIs (strapi.db.query, documents,
      // ctx.request.body, config.get, plugin services) and supertest's `res.body` are typed `any`,
      // so every read of them is "unsafe" (about 1,900 hits, none a bug). no-explicit-any below
      // still keeps new `any` out of our own code.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Off: it flags String(value) on Strapi's loosely typed values (config entries, JSON and
      // database scalars typed `{}` or `unknown`), which are strings, numbers or dates there.
      '@typescript-eslint/no-base-to-string': 'off',
      // Off: async functions without await are how we implement Promise-returning interfaces
      // (Strapi controllers, Apollo plugins, the channel and store interfaces, test fakes).
      '@typescript-eslint/require-await': 'off',
      // A URLSearchParams in a template is its query string, not "[object Object]".
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allow: [
            { from: 'lib', name: ['Error', 'URLSearchParams', 'URL'] },
            { from: 'package', package: '@types/node', name: ['URLSearchParams', 'URL'] },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      // A React event handler may be async: React ignores what it returns.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  // Tests: `require()` loads a module afresh inside jest.isolateModules or after a mock is set.
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The escape casts, in the code that ships (the tests build partial fakes of Strapi, Koa and the
  // browser, where a cast to the faked type is the point, so the rule stays out of tests/).
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'config/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSNeverKeyword.typeAnnotation',
          message: `No \`as never\`: ${BOUNDARY_RULE}`,
        },
        {
          selector: 'TSAsExpression > TSAsExpression.expression > TSUnknownKeyword.typeAnnotation',
          message: `No \`as unknown as\`: ${BOUNDARY_RULE}`,
        },
      ],
    },
  },
  // Last, so it holds for the JS and the TS sets alike.
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.ts', '**/*.tsx'],
    rules: {
      // `catch {}` is how the scripts say "best effort" (a browser already closed, a file gone).
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Off: Prettier breaks `app.http()[method](url)` over lines, which this rule then flags.
      'no-unexpected-multiline': 'off',
    },
  },
);
