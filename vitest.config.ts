import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Two tiers: `unit` is pure and fast; `e2e` runs the services as processes against the real
// Kafka, schema registry and Postgres that tests/global-setup.ts starts (or finds).
// The build's .swcrc leaves spec files out; tests get their own settings (decorator metadata on).
const plugins = [swc.vite({ swcrc: false, module: { type: 'es6' }, jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true } } })];

export default defineConfig({
  plugins,
  test: {
    projects: [
      {
        plugins,
        test: {
          name: 'unit',
          include: ['libs/**/*.spec.ts', 'apps/**/*.spec.ts', 'tools/**/*.spec.ts'],
          exclude: ['**/*.e2e.spec.ts', '**/*.int.spec.ts', '**/node_modules/**'],
        },
        resolve: { alias: aliases() },
      },
      {
        plugins,
        test: {
          name: 'e2e',
          include: ['tests/**/*.e2e.spec.ts', 'libs/**/*.int.spec.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          pool: 'forks',
          // Each e2e file runs a whole pipeline; on two cores they go one after another.
          poolOptions: { forks: { singleFork: true } },
        },
        resolve: { alias: aliases() },
      },
    ],
  },
});

function aliases(): Record<string, string> {
  // The same path mappings as tsconfig.base.json, read from it so the two cannot drift.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const paths = (require('./tsconfig.base.json') as { compilerOptions: { paths: Record<string, string[]> } }).compilerOptions.paths;
  return Object.fromEntries(Object.entries(paths).map(([k, [v]]) => [k, `${__dirname}/${v}`]));
}
