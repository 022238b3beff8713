import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CONFIG_VARS } from './config.ts';

test('the README configuration table lists every variable with its default', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const spec of Object.values(CONFIG_VARS)) {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${spec.env}\` |`));
    assert.ok(row, `README lacks ${spec.env}`);
    if (spec.default) assert.ok(row.includes(`\`${spec.default}\``), `README default of ${spec.env}`);
  }
});
