// Architectural rules first: contexts talk through each other's index.ts only, and production code has no `any`.
import { readdirSync } from 'node:fs';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import architecture from './tools/eslint/architecture.mjs';

// Every library under libs/ is a context (a hand-kept list fell behind as contexts were added).
const CONTEXTS = readdirSync(new URL('./libs', import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/web/dist/**', 'apps/web/src/api/schema.gen.ts', 'coverage/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  {
    // Benchmarks and tests may reach into a context's pure internals; product code may not.
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@techbridge/*/*'], message: 'Import a context (the platform too) through its index (@techbridge/<context>), not its files.' },
            { group: CONTEXTS.flatMap((c) => [`**/libs/${c}/**`, `**/${c}/src/**`]), message: 'Import another context through @techbridge/<context>.' },
          ],
        },
      ],
    },
  },
  {
    // The dependency order between contexts, and what a context's index.ts may export.
    files: ['libs/**/*.ts'],
    plugins: { techbridge: architecture },
    rules: { 'techbridge/context-order': 'error', 'techbridge/index-exports': 'error' },
  },
  {
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // A relay pass returns when it claims nothing, possibly while the background relay still delivers a row it leased:
    // tests wait on the real condition instead (t.deliver() for the outbox, t.drain() for the outbox and the queues).
    files: ['test/**/*.ts'],
    ignores: ['test/platform/outbox-relay.e2e-spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='drainUntilEmpty']", message: 'Use t.deliver() or t.drain(): drainUntilEmpty() does not wait for rows another relay pass has leased.' },
      ],
    },
  },
  // The portal: TypeScript's recommended rules and the rules of hooks (a hook called conditionally or with missing deps is a bug).
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['apps/web/**/*.{ts,tsx}'] })),
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
