import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { TRAIL_ACTIONS, TRAIL_ACTION_LABELS, TRAIL_ACTION_LABELS_EN } from './audit-actions.ts';

const ROOT = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Every action code written in the code: `action: 'x.y'` handed to the audit log, and `type: 'x.y'`
 * of the events the case workflow records.
 */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  const read = (files: string[], pattern: RegExp) => {
    for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(pattern)) found.set(m[1] as string, relative(ROOT, file));
  };
  read([...sources('api'), ...sources('domain'), ...sources('scripts'), ...sources('workers')], /\baction: '([a-zA-Z_]+\.[a-z_]+)'/g);
  read(sources('workflows'), /\btype: '([a-z_]+\.[a-z_]+)'/g);
  // Actions chosen by a condition (user.enable / user.disable) are written as bare strings.
  read(sources('api/services'), /'(user\.[a-z_]+)'/g);
  return found;
}

test('every action the code writes is in the one list, with a Chinese and an English name', () => {
  const written = writtenActions();
  assert.ok(written.size >= 30, `found only ${written.size} actions; the patterns no longer match the code`);
  for (const [action, file] of written) {
    assert.ok((TRAIL_ACTIONS as readonly string[]).includes(action), `${action} (${file}) is not in TRAIL_ACTIONS`);
  }
  for (const action of TRAIL_ACTIONS) {
    assert.match(TRAIL_ACTION_LABELS[action], /[\u4e00-\u9fff]/, `${action} has no Chinese name`);
    assert.ok(TRAIL_ACTION_LABELS_EN[action], `${action} has no English name`);
  }
  assert.equal(new Set(TRAIL_ACTIONS).size, TRAIL_ACTIONS.length);
});
