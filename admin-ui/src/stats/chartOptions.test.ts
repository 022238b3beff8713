import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TrendPoint } from '../../../domain/statistics/api.ts';
import { CHILDREN_UPRIGHT_MAX, childrenChartHeight, childrenOption, pointLabel, trendOption } from './chartOptions.ts';

const labels = { found: '发现隐患', closed: '已销号', backlog: '未销号存量', complaints: '投诉受理' };
const point = (start: string, found: number, closed: number, backlog: number, complaints: number): TrendPoint => ({
  start,
  found: { value: found },
  closed: { value: closed },
  backlog,
  complaints: { value: complaints },
});

describe('chart options', () => {
  test('points are labelled by month or by the week’s Monday', () => {
    assert.equal(pointLabel('2026-03-01', 'month'), '2026-03');
    assert.equal(pointLabel('2026-03-02', 'week'), '03-02');
  });

  test('trends: found, closed and complaints as bars, the backlog as a line on its own axis', () => {
    const option = trendOption([point('2026-01-01', 3, 1, 2, 0), point('2026-02-01', 1, 2, 1, 4)], 'month', labels) as {
      xAxis: { data: string[] };
      series: { name: string; type: string; data: number[]; yAxisIndex?: number }[];
    };
    assert.deepEqual(option.xAxis.data, ['2026-01', '2026-02']);
    assert.deepEqual(
      option.series.map((s) => [s.name, s.type, s.data]),
      [
        ['发现隐患', 'bar', [3, 1]],
        ['已销号', 'bar', [1, 2]],
        ['投诉受理', 'bar', [0, 4]],
        ['未销号存量', 'line', [2, 1]],
      ],
    );
    assert.equal(option.series[3]?.yAxisIndex, 1);
  });

  const row = (code: string, name: string, red: number) => ({
    region: { code, name, level: 'town' },
    houses: { value: 1 },
    red: { value: red },
    openHazards: { value: 2 },
    overdue: { value: 0 },
    found: { value: 0 },
    closed: { value: 0 },
    rectificationRate: null,
    coverageRate: null,
  });

  test('children: one category per region, in the answer’s order (a click’s index finds the region)', () => {
    const option = childrenOption([row('441802006', '凤城街道', 1), row('441802007', '东城街道', 0)], {
      red: '红色',
      openHazards: '未销号隐患',
      overdue: '逾期',
    }) as { xAxis: { data: string[] }; series: { data: number[] }[] };
    assert.deepEqual(option.xAxis.data, ['凤城街道', '东城街道']);
    assert.deepEqual(option.series[0]?.data, [1, 0]);
  });

  test('many child regions lie down, a line each, first at the top, and the chart grows with them', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(`4418020060${String(i + 1).padStart(2, '0')}`, `村${i + 1}`, i));
    const option = childrenOption(rows, { red: '红色', openHazards: '未销号隐患', overdue: '逾期' }) as {
      xAxis: { type: string };
      yAxis: { type: string; data: string[]; inverse: boolean };
    };
    assert.equal(option.xAxis.type, 'value');
    assert.deepEqual([option.yAxis.type, option.yAxis.data[0], option.yAxis.inverse], ['category', '村1', true]);
    assert.equal(childrenChartHeight(30), 60 + 30 * 26);
    assert.equal(childrenChartHeight(CHILDREN_UPRIGHT_MAX), 260);
  });
});
