// One linter for the whole repository. Two kinds of extra rules: workflows/ stay deterministic, and
// every folder imports only in the allowed directions (the layer map below, explained in the README's
// "Where things go"), so a wrong dependency fails `npm test` instead of a review.
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

/**
 * The layer map: what each folder's code (tests aside) may not import. `forbid` is refused outright;
 * `typesOnly` may be imported with `import type` only (no code of it runs there).
 *   definitions/  pure process data: nothing of ours outside definitions/
 *   workflows/    replayed code: definitions/, pure domain/ modules, types of activities
 *   domain/       the rules and data access: definitions/, workflow messages; never a transport
 *   api/, workers/  the two processes: domain/, definitions/, workflow messages; never each other
 *   api/routes/, api/open311/  as api/, and never a store, a database store or the database handle: routes call services
 *   admin-ui/     the browser: definitions/ and pure domain/ modules, types of the rest
 *   migrations/   schema changes: domain/ helpers only
 *   tools/        development tools (simulator, synthetic data, seeding): anything but scripts and tests
 *   scripts/, bench/, test/ and *.test.ts files: anything
 */
const OURS = {
  api: '**/api/**',
  workers: '**/workers/**',
  scripts: '**/scripts/**',
  tools: '**/tools/**',
  bench: '**/bench/**',
  test: '**/test/**',
  adminUi: '**/admin-ui/**',
  domain: '**/domain/**',
  workflows: '**/workflows/**',
};
/** Data access: only the composition roots and the stores themselves run it. */
const DATA_ACCESS = ['**/domain/db', '**/domain/db.ts', '**/domain/stores/**', '**/domain/**/database-*'];
const DB_PACKAGES = ['knex', 'pg', 'objection'];

/** Store interfaces (`BuildingStore`, `FileStore`, …): even as types, only services and composition roots take them. */
const STORE_NAMES = { group: ['**/domain/**'], importNamePattern: '^[A-Z]\\w*Store$' };

function layerPatterns(name, { forbid, typesOnly = [], noStores = false }) {
  return [
    { group: forbid, message: `${name} may not import from here (layer map in eslint.config.js).` },
    ...(typesOnly.length
      ? [{ group: typesOnly, allowTypeImports: true, message: `${name} may import only types from here (layer map in eslint.config.js).` }]
      : []),
    ...(noStores ? [{ ...STORE_NAMES, message: `${name} calls services, never a store (layer map in eslint.config.js).` }] : []),
  ];
}

const API = {
  forbid: [OURS.workers, OURS.scripts, OURS.tools, OURS.bench, OURS.test, OURS.adminUi],
  typesOnly: ['**/workflows/**/workflow.ts', '**/workflows/**/workflow'],
};

const LAYERS = {
  definitions: {
    files: ['definitions/**/*.ts'],
    forbid: Object.values(OURS),
  },
  domain: {
    files: ['domain/**/*.ts'],
    forbid: [OURS.api, OURS.workers, OURS.scripts, OURS.tools, OURS.bench, OURS.test, OURS.adminUi],
    typesOnly: ['**/workflows/**/workflow.ts', '**/workflows/**/workflow'],
  },
  api: { files: ['api/**/*.ts'], ...API },
  // After `api`: a later entry's patterns replace an earlier one's for the same file, so it adds to api's.
  apiRoutes: {
    label: 'api/routes/ (and api/open311/)',
    files: ['api/routes/**/*.ts', 'api/open311/**/*.ts'],
    forbid: [...API.forbid, '**/domain/db', '**/domain/db.ts', '**/domain/**/database-*'],
    typesOnly: API.typesOnly,
    noStores: true,
  },
  workers: {
    files: ['workers/**/*.ts'],
    forbid: [OURS.api, OURS.scripts, OURS.tools, OURS.bench, OURS.test, OURS.adminUi],
  },
  adminUi: {
    files: ['admin-ui/**/*.{ts,tsx}'],
    forbid: [OURS.api, OURS.workers, OURS.scripts, OURS.tools, OURS.bench, OURS.test, ...DB_PACKAGES, 'express', '@temporalio/*'],
    typesOnly: [OURS.workflows, ...DATA_ACCESS],
  },
  migrations: {
    files: ['migrations/**/*.ts'],
    forbid: [OURS.api, OURS.workers, OURS.workflows, OURS.scripts, OURS.tools, OURS.bench, OURS.test, OURS.adminUi],
  },
  tools: {
    files: ['tools/**/*.ts'],
    forbid: [OURS.scripts, OURS.bench, OURS.test, OURS.adminUi],
  },
};

/**
 * No SQL outside domain/: api/ (routes, services, Open311) and workers/ reach the database through
 * stores. A knex call on a connection or transaction, `.raw`, `runPrepared` or SQL text is refused;
 * services may still open a transaction (`db.transaction`) and pass it to stores.
 */
const NO_SQL = [
  {
    selector: "CallExpression[callee.type='Identifier'][callee.name=/^(db|trx|tx|knex)$/]",
    message: 'A query belongs in a store (domain/<aggregate>/database-store.ts).',
  },
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(db|trx|tx|knex)$/]",
    message: 'A query belongs in a store (domain/<aggregate>/database-store.ts).',
  },
  {
    selector:
      "CallExpression[callee.property.name=/^(raw|whereRaw|joinRaw|orderByRaw|selectRaw|havingRaw)$/]:not([callee.object.name='express'])",
    message: 'SQL belongs in a store (domain/<aggregate>/database-store.ts).',
  },
  { selector: "CallExpression[callee.name='runPrepared']", message: 'SQL belongs in a store (domain/<aggregate>/database-store.ts).' },
  { selector: 'Literal[value=/^\\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM|WITH)\\s/]', message: 'SQL text belongs in a store.' },
  { selector: 'TemplateElement[value.raw=/\\b(SELECT|INSERT INTO|DELETE FROM)\\b/]', message: 'SQL text belongs in a store.' },
];

const layerConfigs = Object.entries(LAYERS).map(([name, layer]) => ({
  files: layer.files,
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: { 'no-restricted-imports': ['error', { patterns: layerPatterns(layer.label ?? `${name}/`, layer) }] },
}));

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
  ...layerConfigs,
  {
    files: ['api/**/*.ts', 'workers/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_SQL] },
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
              group: ['**/workers/**', '**/api/**', ...DATA_ACCESS],
              allowTypeImports: true,
              message: 'Import only types from activity/worker code.',
            },
            ...layerPatterns('workflows/', { forbid: [OURS.scripts, OURS.tools, OURS.bench, OURS.test, OURS.adminUi] }),
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
