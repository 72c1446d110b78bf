// Lint is type-aware (floating promises matter in consumers) and enforces the
// project boundaries declared by each project's tags.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['**/*.mjs', '**/*.js', '**/dist/**', '**/node_modules/**', '.stack/**', '.nx/**', 'tmp/**', '**/generated/**', 'tools/stack/**', 'coverage/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:util', 'type:contracts'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:util', 'type:contracts'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', '@kafkajs/*', 'prom-client'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'kafkajs'] },
            // Operator tools (the CLI, the benchmark) drive the whole system, so they may use any
            // service's libraries; nothing depends on them.
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:util', 'type:contracts', 'type:testing'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:ingestor', 'scope:resolver', 'scope:insights', 'scope:activation', 'scope:shared'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:contracts', 'type:util', 'type:domain'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:domain', 'type:data-access', 'type:testing'] },
            { sourceTag: 'scope:ingestor', onlyDependOnLibsWithTags: ['scope:ingestor', 'scope:shared'] },
            { sourceTag: 'scope:resolver', onlyDependOnLibsWithTags: ['scope:resolver', 'scope:shared'] },
            { sourceTag: 'scope:insights', onlyDependOnLibsWithTags: ['scope:insights', 'scope:shared'] },
            { sourceTag: 'scope:activation', onlyDependOnLibsWithTags: ['scope:activation', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.test.ts', 'libs/testing/**/*.ts', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
