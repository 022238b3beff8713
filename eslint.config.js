// One linter for the whole repository; workflows/ get extra rules that keep them deterministic.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'admin-ui/dist/', 'data/', 'test-artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['admin-ui/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Workflow code is replayed: no I/O, no Node built-ins, no non-deterministic APIs.
    files: ['workflows/**/*.ts'],
    // Unit tests beside workflow code run in Node, never in the workflow sandbox.
    ignores: ['workflows/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'Workflows must not use Node built-ins; do I/O in an activity.' })),
          patterns: [
            { group: ['node:*'], message: 'Workflows must not use Node built-ins; do I/O in an activity.' },
            { group: ['knex', 'pg', 'objection', 'express', 'qrcode', 'pino'], message: 'Workflows must not do I/O; call an activity.' },
            {
              group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'],
              message: 'Workflows use @temporalio/workflow only.',
            },
            {
              group: ['**/workers/**', '**/api/**', '**/domain/db*', '**/domain/stores/**'],
              allowTypeImports: true,
              message: 'Import only types from activity/worker code.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'require', 'fetch', 'setInterval', 'setImmediate', 'crypto', 'performance', 'XMLHttpRequest', 'WebSocket'].map(
          (name) => ({
            name,
            message: `${name} is not deterministic or not available in workflows.`,
          }),
        ),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use uuid4() from @temporalio/workflow, or take randomness from an activity.' },
        { object: 'crypto', property: 'randomUUID', message: 'Use uuid4() from @temporalio/workflow.' },
      ],
    },
  },
);
