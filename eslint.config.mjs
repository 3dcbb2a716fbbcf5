// Architectural rules first: contexts talk through each other's index.ts only, and production code has no `any`.
import tseslint from 'typescript-eslint';

const CONTEXTS = ['platform', 'identity', 'notification', 'catalog', 'demand', 'matching', 'roadshow', 'contracts', 'monitoring', 'testing'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/web/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
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
            { group: ['@techbridge/*/src/*', '@techbridge/*/src'], message: 'Import a context through its index (@techbridge/<context>), not its files.' },
            { group: CONTEXTS.flatMap((c) => [`**/libs/${c}/**`, `**/${c}/src/**`]), message: 'Import another context through @techbridge/<context>.' },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
);
