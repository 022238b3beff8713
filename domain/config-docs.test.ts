import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CONFIG_VARS } from './config.ts';

test('the README configuration table lists every variable with its default', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const spec of Object.values(CONFIG_VARS)) {
    // Table cells, whatever padding the formatter gives them.
    const cells = readme
      .split('\n')
      .map((line) => line.split('|').map((c) => c.trim()))
      .find((c) => c[1] === `\`${spec.env}\``);
    assert.ok(cells, `README lacks ${spec.env}`);
    assert.equal(cells[2], spec.default ? `\`${spec.default}\`` : '—', `README default of ${spec.env}`);
    assert.equal(cells[3], spec.description, `README meaning of ${spec.env}`);
  }
});
