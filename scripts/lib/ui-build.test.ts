/** The UI bundle counts as current only when it is there and nothing it is built from changed after it. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { uiIsCurrent } from './ui-build.ts';

test('a missing bundle, or a source changed after it, is built again; an untouched one is kept', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ydym-ui-build-'));
  try {
    const src = join(dir, 'src');
    mkdirSync(join(src, 'deep'), { recursive: true });
    mkdirSync(join(src, 'node_modules'));
    const index = join(dir, 'index.html');
    const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
    writeFileSync(join(src, 'deep', 'a.tsx'), 'a');
    at(join(src, 'deep', 'a.tsx'), 1_000);
    assert.equal(uiIsCurrent(index, [src]), false, 'no bundle yet');
    writeFileSync(index, '<html>');
    at(index, 2_000);
    assert.equal(uiIsCurrent(index, [src]), true);
    // What is skipped (dependencies, the bundle's own folder) does not count.
    writeFileSync(join(src, 'node_modules', 'x.js'), 'x');
    at(join(src, 'node_modules', 'x.js'), 3_000);
    assert.equal(uiIsCurrent(index, [src]), true);
    at(join(src, 'deep', 'a.tsx'), 3_000);
    assert.equal(uiIsCurrent(index, [src]), false, 'a source changed after the bundle');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
