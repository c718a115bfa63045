// ESLint for the whole repository (run from the root: `npm run lint`): typescript-eslint's
// recommended rules for TypeScript, eslint-plugin-lit's for the elements' templates. Formatting
// is Prettier's (`.prettierrc.json` at the root), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/cdn/**',
      'packages/components/src/locales/**',
      'packages/components/src/generated/**',
      'packages/components/types/**',
      'packages/components/custom-elements.json',
      'reports/**',
      'data/**',
      'tools/lint/node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring that drops a field, callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // c360 strips and refuses control characters on purpose (lookups, CSV, ids): its patterns name them.
      'no-control-regex': 'off',
    },
  },
  { files: ['packages/components/src/**/*.ts'], ...lit.configs['flat/recommended'] },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    // The dialects implement Kysely's Driver/DatabaseConnection, whose results are `QueryResult<any>`.
    files: ['packages/server/src/db/dialects/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests: chai's property assertions (`expect(x).to.be.true`) are expressions by design, and
    // fixtures may be loosely typed.
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Kysely's documented migration signature is `up(db: Kysely<any>)`: a migration must not depend on
    // today's schema type.
    files: ['packages/server/src/db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
