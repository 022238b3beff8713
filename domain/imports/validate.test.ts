import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildingCode } from '../buildings/code.ts';
import { readHeader } from './header.ts';
import type { HeaderLayout, ImportProblem } from './header.ts';
import { IMPORT_COLUMNS } from './template.ts';
import { RowValidator } from './validate.ts';
import type { RowContext } from './validate.ts';

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);
const IN_TOWN = '441802006001';
const OTHER_TOWN = '441802007001';
const context: RowContext = {
  villages: new Set([IN_TOWN, '441802006002', OTHER_TOWN]),
  canWrite: (v) => v.startsWith('441802006'),
  today: new Date('2026-01-15T00:00:00Z'),
};

function layout(headers = HEADERS): HeaderLayout {
  const result = readHeader(headers);
  if ('error' in result) throw new Error(result.error);
  return result.layout;
}

/** A full row from field values; every other cell blank. */
function row(values: Record<string, string>): string[] {
  const base: Record<string, string> = {
    villageCode: IN_TOWN,
    address: '凤城街道高基里社区人民一路1号',
    floorsAbove: '3',
    structureType: '砖混',
    use: '自住',
  };
  const all = { ...base, ...values };
  return IMPORT_COLUMNS.map((c) => all[c.field] ?? '');
}

function problems(cells: string[], line = 7): ImportProblem[] {
  const result = new RowValidator(layout(), context).check(line, cells);
  return 'problems' in result ? result.problems : [];
}

describe('header', () => {
  test('unknown and missing required headers are one file-level error naming each', () => {
    const result = readHeader(['地址', '楼层数', '结构类型', '房屋用途']);
    assert.ok('error' in result);
    assert.match(result.error, /无法识别的列：“楼层数”/);
    assert.match(result.error, /缺少必填列：“村（社区）代码”、“地上层数”/);
    assert.ok(result.problems.every((p) => p.line === 1 && p.column && p.reason));
  });

  test('headers match loosely (full-width brackets, spaces, the English field name) but not twice', () => {
    assert.ok('layout' in readHeader(['村（社区）代码', ' 地址 ', 'floorsAbove', '结构类型', '房屋用途', '']));
    // Files made from the template before its headers took full-width brackets still read.
    assert.ok('layout' in readHeader(['村(社区)代码', '地址', '地上层数', '结构类型', '房屋用途']));
    const twice = readHeader([...HEADERS, '地址']);
    assert.ok('error' in twice && /重复的列：“地址”/.test(twice.error));
  });
});

describe('row validation', () => {
  test('a good row becomes a building input with typed values; blank optional cells are null', () => {
    const result = new RowValidator(layout(), context).check(
      2,
      row({
        floorArea: '120.5',
        professionallyDesigned: '是',
        latestJudgement: '一定',
        latestJudgementAt: '2024/5/6',
        use: '经营',
        businessCategory: '餐饮',
      }),
    );
    assert.ok('row' in result, JSON.stringify(result));
    assert.equal(result.row.code, null);
    assert.equal(result.row.input.floorsAbove, 3);
    assert.equal(result.row.input.structureType, 'brick_concrete');
    assert.equal(result.row.input.latestJudgementAt, '2024-05-06');
    assert.equal(result.row.input.ownerName, null);
    assert.equal(result.row.input.floorsBelow, undefined);
  });

  test('each problem names its line, its Chinese column, the value and a Chinese reason', () => {
    const found = problems(
      row({ floorsAbove: '三层', structureType: '茅草', latestJudgementAt: '2024-02-30', latestJudgement: '无隐患', ownerPhone: 'abc' }),
    );
    const byColumn = Object.fromEntries(found.map((p) => [p.column, p]));
    assert.equal(byColumn['地上层数']?.reason, '应为整数');
    assert.equal(byColumn['地上层数']?.value, '三层');
    assert.match(byColumn['结构类型']?.reason ?? '', /取值应为：.*砖混结构/);
    assert.match(byColumn['排查日期']?.reason ?? '', /日期无法识别/);
    assert.match(byColumn['户主电话']?.reason ?? '', /电话号码格式不正确/);
    assert.ok(found.every((p) => p.line === 7));
  });

  test('schema limits and required cells are reported per column', () => {
    const found = problems(row({ floorsAbove: '0', address: '', yearBuilt: '2030' }));
    assert.deepEqual(
      found.map((p) => [p.column, p.reason]),
      [
        ['地址', '必填'],
        ['地上层数', '不能小于 1'],
        ['建成年份', '建成年份不能晚于 2026 年'],
      ],
    );
  });

  test('cross-field rules: a business house needs a category', () => {
    assert.deepEqual(
      problems(row({ use: '经营' })).map((p) => [p.column, p.reason]),
      [['经营类别', '经营用房须填写经营类别']],
    );
  });

  test('a row that may update a stored house leaves the cross-field rules to the write, which knows the stored house', () => {
    const code = buildingCode(IN_TOWN, 5);
    const result = new RowValidator(layout(), context).check(7, row({ code, use: '经营' }));
    assert.ok('row' in result, JSON.stringify(result));
    assert.equal(result.row.rulesChecked, false);
    const byExternal = new RowValidator(layout(), context).check(8, row({ externalId: 'X-1', use: '经营' }));
    assert.ok('row' in byExternal && !byExternal.row.rulesChecked);
  });

  test('the village must exist and lie within the importer’s region', () => {
    assert.deepEqual(
      problems(row({ villageCode: '441802006999' })).map((p) => p.reason),
      ['村（社区）代码 441802006999 不存在'],
    );
    assert.deepEqual(
      problems(row({ villageCode: OTHER_TOWN })).map((p) => p.reason),
      [`村（社区） ${OTHER_TOWN} 不在您的管辖范围内`],
    );
  });

  test('a given house code must be well formed and belong to the row’s village', () => {
    const code = buildingCode(IN_TOWN, 12);
    const ok = new RowValidator(layout(), context).check(3, row({ code: code.toLowerCase() }));
    assert.ok('row' in ok && ok.row.code === code);
    assert.equal(
      problems(row({ code: `${code.slice(0, 17)}0` === code ? `${code.slice(0, 17)}1` : `${code.slice(0, 17)}0` }))[0]?.reason,
      '房屋编码校验位不正确，请核对是否输错',
    );
    assert.match(problems(row({ code: buildingCode('441802006002', 1) }))[0]?.reason ?? '', /与所填村（社区）代码不一致/);
    assert.equal(problems(row({ code: '4418' }))[0]?.column, '房屋编码');
  });
});

describe('approvals column (审批手续)', () => {
  test('items “类型|文号|发证机关|日期” separated by ； or line breaks become approvals; issuer and date may be left out', () => {
    const result = new RowValidator(layout(), context).check(
      2,
      row({
        approvals:
          '营业执照|91441802MA5X|清城区市场监督管理局|2024/3/1；食品经营许可证|JY2441802\n农村宅基地批准书|清城宅 2003-118||2003-05-01',
      }),
    );
    assert.ok('row' in result, JSON.stringify(result));
    assert.deepEqual(result.row.input.approvals, [
      { type: 'business_licence', number: '91441802MA5X', issuer: '清城区市场监督管理局', date: '2024-03-01' },
      { type: 'food_business_licence', number: 'JY2441802', issuer: null, date: null },
      { type: 'rural_housing_approval', number: '清城宅 2003-118', issuer: null, date: '2003-05-01' },
    ]);
  });

  test('a blank cell leaves the approvals out (kept on an update, none on a new house)', () => {
    const result = new RowValidator(layout(), context).check(2, row({}));
    assert.ok('row' in result);
    assert.equal(result.row.input.approvals, undefined);
  });

  test('an unknown type, a missing number, a bad or future date are reported on the column', () => {
    assert.deepEqual(
      problems(row({ approvals: '营业执照|B-1；许可证|X-1' })).map((p) => [p.column, p.reason]),
      [['审批手续', '第 2 项审批类型“许可证”无法识别']],
    );
    assert.equal(problems(row({ approvals: '营业执照|' }))[0]?.reason, '缺少文号');
    assert.match(problems(row({ approvals: '营业执照|B-1|市场局|去年' }))[0]?.reason ?? '', /日期无法识别/);
    assert.equal(problems(row({ approvals: '营业执照|B-1|市场局|2027-01-01' }))[0]?.column, '审批手续');
    assert.equal(problems(row({ approvals: `营业执照|${'9'.repeat(101)}` }))[0]?.reason, '不能超过 100 个字');
  });
});
