import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeProblem, parseBoundaryFile } from './boundary-file.ts';
import { square } from '../../test/support/geojson.ts';

const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const file = (features: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'FeatureCollection', ...extra, features });

test('a valid file gives its town and village boundaries, altitudes dropped, numeric codes read as text', () => {
  const r = parseBoundaryFile(
    file([
      feature({ code: '441802006' }, { type: 'Polygon', coordinates: square(113.0, 23.7) }),
      feature({ code: 441802006001 }, { type: 'MultiPolygon', coordinates: [square(113.0, 23.7, 0.002), square(113.005, 23.705, 0.002)] }),
      feature(
        { code: ' 441802006002 ' },
        {
          type: 'Polygon',
          coordinates: [square(113.01, 23.71)[0]!.map(([x, y]) => [x, y, 12.5])],
        },
      ),
    ]),
    'code',
  );
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.features.map((f) => [f.index, f.code, f.level, f.geometry.type]),
    [
      [0, '441802006', 'town', 'Polygon'],
      [1, '441802006001', 'village', 'MultiPolygon'],
      [2, '441802006002', 'village', 'Polygon'],
    ],
  );
  assert.deepEqual((r.features[2]!.geometry.coordinates[0] as number[][])[0], [113.01, 23.71]);
});

test('the code may come from another property', () => {
  const r = parseBoundaryFile(
    file([feature({ XZQDM: '441802007001', code: 'x' }, { type: 'Polygon', coordinates: square(113, 23) })]),
    'XZQDM',
  );
  assert.equal(r.features[0]?.code, '441802007001');
});

test('every bad feature is reported with its index and reason, and nothing is returned', () => {
  const r = parseBoundaryFile(
    file([
      feature({ code: '441802006001' }, { type: 'Polygon', coordinates: square(113, 23) }),
      feature({ code: '441802006001' }, { type: 'Polygon', coordinates: square(113, 23) }),
      feature({ code: '4418' }, { type: 'Polygon', coordinates: square(113, 23) }),
      feature({ name: '凤城街道' }, { type: 'Polygon', coordinates: square(113, 23) }),
      feature({ code: '441802006002' }, { type: 'Point', coordinates: [113, 23] }),
      feature(
        { code: '441802006003' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [113, 23],
              [113.1, 23],
              [113, 23],
            ],
          ],
        },
      ),
      feature({ code: '441802006004' }, { type: 'Polygon', coordinates: square(12_600_000, 2_700_000, 100) }),
      feature(
        { code: '441802006005' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [113, 23],
              [113.1, 23],
              [113, 23.1],
              [113.1, 23.1],
            ],
          ],
        },
      ),
      feature(
        { code: '441802006006' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [113, 23],
              [113.1, 23],
              [113.2, 23],
              [113, 23],
            ],
          ],
        },
      ),
      { type: 'Polygon', coordinates: square(113, 23) },
      feature({ code: '441802006007' }, null),
    ]),
    'code',
  );
  assert.deepEqual(r.features, []);
  const lines = r.problems.map(describeProblem);
  const expect: [number, RegExp][] = [
    [1, /与 features\[0\] 重复/],
    [2, /「4418」须为 9 位镇街或 12 位村居区划代码/],
    [3, /properties\.code 缺少区划代码/],
    [4, /须为 Polygon 或 MultiPolygon，实为 Point/],
    [5, /coordinates\[0\] 须为至少 4 个坐标的闭合环/],
    [6, /coordinates\[0\]\[0\] 超出 WGS-84 经纬度范围/],
    [7, /环未闭合 \/ ring is not closed/],
    [8, /面积为零/],
    [9, /不是 GeoJSON Feature/],
    [10, /缺少 geometry/],
  ];
  assert.equal(lines.length, expect.length, lines.join('\n'));
  expect.forEach(([index, pattern], i) => {
    assert.match(lines[i]!, new RegExp(`^features\\[${index}\\]（第 ${index + 1} 个要素）：`));
    assert.match(lines[i]!, pattern);
  });
});

test('a file that is not JSON, not a FeatureCollection, empty, or in another coordinate system is refused as a whole', () => {
  const whole = (text: string) => parseBoundaryFile(text, 'code').problems.map(describeProblem);
  assert.match(whole('{"type": "FeatureCollection", ').join(), /文件不是有效的 JSON/);
  assert.match(whole('{"type": "Feature"}').join(), /须为 GeoJSON FeatureCollection/);
  assert.match(whole(file([])).join(), /没有要素/);
  const projected = { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } } };
  assert.match(whole(file([feature({ code: '441802006' }, null)], projected)).join(), /EPSG::3857 不是 WGS-84/);
  const cgcs2000 = { crs: { type: 'name', properties: { name: 'EPSG:4490' } } };
  assert.deepEqual(
    parseBoundaryFile(file([feature({ code: '441802006' }, { type: 'Polygon', coordinates: square(113, 23) })], cgcs2000), 'code').problems,
    [],
  );
});
