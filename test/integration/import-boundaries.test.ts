/**
 * `npm run import:boundaries` against a real database, as the application role: a good file is written
 * in one go and replaces hulls; a file with any problem, or naming a region the tree does not have,
 * writes nothing and says which feature and why; the size bound, the code property and --dry-run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase } from '../support/database.ts';
import type { TestDatabase } from '../support/database.ts';
import { square } from '../support/geojson.ts';

let database: TestDatabase;
let dir: string;

const feature = (properties: Record<string, unknown>, coordinates: unknown, type = 'Polygon') => ({
  type: 'Feature',
  properties,
  geometry: { type, coordinates },
});
let files = 0;
function geojson(features: unknown[], padding = 0): string {
  const path = join(dir, `boundaries-${++files}.geojson`);
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }) + ' '.repeat(padding));
  return path;
}
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-boundaries.ts', ...args], {
    env: { ...process.env, DATABASE_URL: database.appUrl, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
const stored = async () =>
  (await database.db('region_outlines').orderBy('code').select('code', 'level', 'source', 'approximate', 'geometry')) as {
    code: string;
    level: string;
    source: string;
    approximate: boolean;
    geometry: { type: string; coordinates: unknown };
  }[];

before(async () => {
  database = await createTestDatabase({ demoUsers: false });
  dir = mkdtempSync(join(tmpdir(), 'ydym-boundaries-'));
  // A hull drawn before the import, which the import replaces.
  await database.db('region_outlines').insert({
    code: '441802006001',
    level: 'village',
    geometry: JSON.stringify({ type: 'Polygon', coordinates: square(113.03, 23.7, 0.001) }),
    approximate: true,
    source: 'hull',
    house_count: 3,
    fingerprint: '3:1:2:3',
  });
});
after(async () => {
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run import:boundaries', () => {
  test('a good file is imported in one go: boundaries exact, the hull replaced, a summary printed', async () => {
    const file = geojson([
      feature({ code: '441802006', name: '凤城街道' }, square(113.0, 23.68, 0.06)),
      feature({ code: '441802006001' }, [square(113.03, 23.7), square(113.05, 23.7)], 'MultiPolygon'),
    ]);
    const r = run(file);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /已导入 2 个边界（镇街 1 个、村居 1 个/);
    assert.match(r.stdout, /新增 1 个，替换 1 个/);
    const rows = await stored();
    assert.deepEqual(
      rows.map((o) => [o.code, o.level, o.source, o.approximate, o.geometry.type]),
      [
        ['441802006', 'town', 'import', false, 'Polygon'],
        ['441802006001', 'village', 'import', false, 'MultiPolygon'],
      ],
    );
    assert.deepEqual(rows[1]!.geometry.coordinates, [square(113.03, 23.7), square(113.05, 23.7)]);
  });

  test('a file with bad features writes nothing and names each feature and its problem', async () => {
    const before = await stored();
    const r = run(
      geojson([
        feature({ code: '441802006002' }, square(113.1, 23.7)),
        feature({ code: '441802006003' }, [
          [
            [113, 23],
            [113.1, 23],
            [113.1, 23.1],
            [113, 23.1],
          ],
        ]),
        feature({ code: '441802006004' }, square(12_600_000, 2_700_000, 100)),
        feature({ code: '441802006005' }, [113, 23], 'Point'),
      ]),
    );
    assert.equal(r.status, 1);
    assert.match(r.stderr, /features\[1\]（第 2 个要素）：coordinates\[0\] 首尾坐标不同，环未闭合/);
    assert.match(r.stderr, /features\[2\]（第 3 个要素）：coordinates\[0\]\[0\] 超出 WGS-84 经纬度范围/);
    assert.match(r.stderr, /features\[3\]（第 4 个要素）：几何类型须为 Polygon 或 MultiPolygon，实为 Point/);
    assert.match(r.stderr, /边界文件有 3 个问题，未导入任何边界/);
    assert.doesNotMatch(r.stderr, /features\[0\]/);
    assert.deepEqual(await stored(), before);
  });

  test('a code the region tree does not have is refused, and nothing is written', async () => {
    const before = await stored();
    const r = run(
      geojson([feature({ code: '441802006002' }, square(113.1, 23.7)), feature({ code: '441802006999' }, square(113.2, 23.7))]),
    );
    assert.equal(r.status, 1);
    assert.match(r.stderr, /features\[1\]（第 2 个要素）：区划代码 441802006999 不是区划表中的镇街或村居/);
    assert.deepEqual(await stored(), before);
  });

  test('--code-property names the property, --dry-run checks without writing, --max-mb bounds the file', async () => {
    const before = await stored();
    const file = geojson([feature({ XZQDM: 441802006002 }, square(113.1, 23.7))]);
    const dry = run(file, '--code-property', 'XZQDM', '--dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /检查通过，未写入（--dry-run）：镇街 0 个、村居 1 个/);
    assert.deepEqual(await stored(), before);
    const missing = run(file);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /features\[0\].*properties\.code 缺少区划代码/);

    const big = run(geojson([feature({ code: '441802006002' }, square(113.1, 23.7))], 1_100_000), '--max-mb', '1');
    assert.equal(big.status, 1);
    assert.match(big.stderr, /超过上限 1 MB/);
    assert.equal(run('--max-mb', 'lots', file).status, 2);
    assert.equal(run().status, 2);

    const real = run(file, '--code-property', 'XZQDM');
    assert.equal(real.status, 0, real.stderr);
    assert.deepEqual(
      (await stored()).map((o) => o.code),
      ['441802006', '441802006001', '441802006002'],
    );
  });
});
