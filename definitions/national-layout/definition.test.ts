import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { IMPORT_COLUMNS } from '../../domain/imports/template.ts';
import { convertCell } from '../../domain/imports/cells.ts';
import { readHeader } from '../../domain/imports/header.ts';
import type { ImportColumn } from '../../domain/imports/template.ts';
import { rowCells } from '../../domain/reports/rows.ts';
import { NATIONAL_LAYOUTS, layoutHeader } from './index.ts';

describe('the national five-group layouts', () => {
  for (const layout of NATIONAL_LAYOUTS) {
    test(`v${layout.version}: every column is in one of the five groups, headers are unique, fields are the import template's`, () => {
      assert.deepEqual(layout.groups, ['基本情况', '建设情况', '管理情况', '排查情况', '整治情况']);
      const headers = layout.columns.map(layoutHeader);
      assert.equal(new Set(headers).size, headers.length);
      const fields = new Set(IMPORT_COLUMNS.map((c) => c.field));
      for (const c of layout.columns) {
        assert.ok(layout.groups.includes(c.group), c.key);
        if (c.field !== null) assert.ok(fields.has(c.field as never), `${c.key}: ${c.field}`);
      }
      // Every required template field has its column, so a report can always be imported back.
      for (const f of IMPORT_COLUMNS.filter((c) => c.required))
        assert.ok(
          layout.columns.some((c) => c.field === f.field),
          f.field,
        );
    });

    test(`v${layout.version}: each enumeration codes every value once, and the importer reads each code back to its value`, () => {
      const header = readHeader(layout.columns.map(layoutHeader));
      assert.ok('layout' in header, JSON.stringify(header));
      assert.equal(header.layout.format, `national-v${layout.version}`);
      for (const c of layout.columns.filter((x) => x.kind === 'enum')) {
        const template = IMPORT_COLUMNS.find((t) => t.field === c.field);
        assert.deepEqual(Object.keys(c.codes ?? {}).sort(), [...(template?.values?.values ?? [])].sort(), c.key);
        assert.equal(new Set(Object.values(c.codes ?? {})).size, Object.keys(c.codes ?? {}).length, c.key);
        const column: ImportColumn | undefined = header.layout.columns.find((x) => x?.field === c.field);
        assert.ok(column);
        for (const [value, code] of Object.entries(c.codes ?? {}))
          assert.deepEqual(convertCell(column, code), { value }, `${c.key} ${code}`);
      }
    });
  }

  test('a house becomes cells with codes, 1/0, region codes and approvals as text', () => {
    const layout = NATIONAL_LAYOUTS[0]!;
    const cells = rowCells(layout, {
      code: '441802006001000018',
      village_code: '441802006001',
      structure_type: 'brick_concrete',
      use: 'business',
      business_category: 'lodging',
      professionally_designed: false,
      qualified_builder: true,
      approvals: [{ type: 'construction_permit', number: '施字 1 号', date: null }],
      floor_area: '120.50',
    });
    const at = (key: string) => cells[layout.columns.findIndex((c) => c.key === key)];
    assert.equal(at('structureType'), '2');
    assert.equal(at('use'), '3');
    assert.equal(at('businessCategory'), '02');
    assert.equal(at('professionallyDesigned'), '0');
    assert.equal(at('qualifiedBuilder'), '1');
    assert.equal(at('townCode'), '441802006');
    assert.equal(at('approvals'), '施工许可证:施字 1 号:');
    assert.equal(at('floorArea'), '120.50');
    assert.equal(at('occupants'), '');
  });
});
