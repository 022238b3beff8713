/**
 * The layer map of eslint.config.js holds: for each folder, an import it may not make is an error and
 * one it may make is not; and api/ and workers/ hold no SQL (queries belong in stores). Lints source text as if it were a file of that folder, so the rules are
 * checked without a bad file in the repository.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

/** The messages of `rule` for `source` linted as the file `filePath`. */
async function ruleErrors(rule: string, filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

const importErrors = (filePath: string, source: string) =>
  ruleErrors('no-restricted-imports', filePath, `${source}\nexport const used = x;\n`);

const refused: [string, string][] = [
  ['definitions/hazard-case/x.ts', "import { x } from '../../domain/roles.ts';"],
  ['domain/cases/x.ts', "import { x } from '../../api/services/cases.ts';"],
  ['domain/cases/x.ts', "import { x } from '../../tools/seed/demo.ts';"],
  ['domain/x.ts', "import { x } from '../scripts/lib/postgres.ts';"],
  ['domain/cases/x.ts', "import { x } from '../../workflows/hazard-case/workflow.ts';"],
  ['api/routes/x.ts', "import { x } from '../../workers/activities/cases.ts';"],
  ['api/routes/x.ts', "import type { LabelBatchStore } from '../../domain/labels/store.ts';"],
  ['api/routes/x.ts', "import type { FileStore } from '../../domain/files.ts';"],
  ['api/routes/x.ts', "import { DatabaseLabelBatchStore } from '../../domain/labels/database-store.ts';"],
  ['api/routes/x.ts', "import type { Db } from '../../domain/db.ts';"],
  ['api/open311/x.ts', "import type { UploadStore } from '../../domain/stores/uploads.ts';"],
  ['api/x.ts', "import { x } from '../scripts/lib/postgres.ts';"],
  ['workers/x.ts', "import { x } from '../api/app.ts';"],
  ['workers/activities/x.ts', "import { x } from '../../tools/synthetic/seed.ts';"],
  ['workflows/hazard-case/x.ts', "import { x } from '../../domain/db.ts';"],
  ['workflows/hazard-case/x.ts', "import { x } from '../../tools/seed/demo.ts';"],
  ['workflows/hazard-case/x.ts', "import { x } from 'node:fs';"],
  ['admin-ui/src/cases/x.ts', "import { x } from '../../../api/app.ts';"],
  ['admin-ui/src/cases/x.ts', "import { x } from '../../../domain/stores/users.ts';"],
  ['admin-ui/src/cases/x.ts', "import { x } from 'knex';"],
  ['migrations/x.ts', "import { x } from '../workers/main.ts';"],
  ['tools/seed/x.ts', "import { x } from '../../scripts/lib/postgres.ts';"],
];

const allowed: [string, string][] = [
  ['domain/cases/x.ts', "import { x } from '../../definitions/hazard-case/index.ts';"],
  ['domain/cases/x.ts', "import { x } from '../../workflows/hazard-case/messages.ts';"],
  ['api/routes/x.ts', "import { x } from '../../domain/cases/enums.ts';"],
  ['api/routes/x.ts', "import { LABEL_BATCH_SORT_FIELDS } from '../../domain/labels/store.ts';"],
  ['api/routes/x.ts', "import type { LabelBatchService } from '../services/label-batches.ts';"],
  ['api/services/x.ts', "import type { LabelBatchStore } from '../../domain/labels/store.ts';"],
  ['workers/activities/x.ts', "import { x } from '../../domain/cases/transition.ts';"],
  ['workflows/hazard-case/x.ts', "import type { x } from '../../workers/activities/cases.ts';"],
  ['admin-ui/src/cases/x.ts', "import type { x } from '../../../domain/stores/users.ts';"],
  ['admin-ui/src/cases/x.ts', "import { x } from '../../../domain/roles.ts';"],
  ['scripts/x.ts', "import { x } from '../tools/seed/demo.ts';"],
  ['domain/cases/x.test.ts', "import { x } from '../../test/support/database.ts';"],
];

describe('the layer map refuses a wrong import and lets a right one through', () => {
  for (const [file, source] of refused) {
    test(`${file}: ${source}`, async () => {
      assert.notDeepEqual(await importErrors(file, source), [], 'expected the import to be refused');
    });
  }
  for (const [file, source] of allowed) {
    test(`${file}: ${source}`, async () => {
      assert.deepEqual(await importErrors(file, source), []);
    });
  }
});

const HEAD =
  "import type { Db } from '../../domain/db.ts';\nexport async function f(db: Db, deps: { db: Db }, express: { raw(o: object): unknown }) {\n";
const sqlRefused = [
  "return db('cases').where({ id: 1 });",
  "return deps.db('cases').first();",
  "return db.raw('select 1');",
  'return `SELECT * FROM cases`;',
  "return 'INSERT INTO cases VALUES (1)';",
];
const sqlAllowed = ['return db.transaction(async (tx) => tx);', 'return express.raw({});', "return 'select a house first';"];

describe('api/ and workers/ hold no SQL', () => {
  for (const line of sqlRefused) {
    test(`refused: ${line}`, async () => {
      for (const file of ['api/services/x.ts', 'workers/activities/x.ts']) {
        assert.notDeepEqual(await ruleErrors('no-restricted-syntax', file, `${HEAD}${line}\n}\n`), [], `${file}: expected a refusal`);
      }
      assert.deepEqual(await ruleErrors('no-restricted-syntax', 'domain/cases/database-store.ts', `${HEAD}${line}\n}\n`), []);
    });
  }
  for (const line of sqlAllowed) {
    test(`allowed: ${line}`, async () => {
      assert.deepEqual(await ruleErrors('no-restricted-syntax', 'api/services/x.ts', `${HEAD}${line}\n}\n`), []);
    });
  }
});
