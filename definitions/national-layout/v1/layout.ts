/**
 * The national five-group layout (全国自建房信息归集 五类信息), version 1: the columns of an upward report
 * (数据上报) and of a file returned by a province or a neighbouring district, in order, each with its
 * group, its Chinese name and, for enumerations, the national-style code written in the cell.
 *
 * The codes follow the shape of the national collection (one digit per choice, 9 for 其他, 1/0 for 是/否,
 * dates as YYYY-MM-DD, region codes as 12-digit GB/T 2260 codes); they are this platform's definition of
 * that collection, versioned here, so a report says which version it was written in and an older file
 * is still read by its own version.
 */
import type { LayoutDefinition } from '../types.ts';

export const NATIONAL_LAYOUT_V1: LayoutDefinition = {
  version: 1,
  name: '全国自建房信息归集（五类信息）v1',
  groups: ['基本情况', '建设情况', '管理情况', '排查情况', '整治情况'],
  columns: [
    // 基本情况: where the house is, whose it is, its size, structure and use.
    { key: 'houseCode', group: '基本情况', name: '房屋编码', field: 'code', kind: 'code' },
    { key: 'nationalCode', group: '基本情况', name: '全国平台编码', field: 'externalId', kind: 'text' },
    { key: 'countyCode', group: '基本情况', name: '县（市、区）代码', field: null, kind: 'text' },
    { key: 'townCode', group: '基本情况', name: '乡镇（街道）代码', field: null, kind: 'text' },
    { key: 'villageCode', group: '基本情况', name: '村（社区）代码', field: 'villageCode', kind: 'text' },
    { key: 'address', group: '基本情况', name: '房屋地址', field: 'address', kind: 'text' },
    { key: 'longitude', group: '基本情况', name: '经度', field: 'longitude', kind: 'number' },
    { key: 'latitude', group: '基本情况', name: '纬度', field: 'latitude', kind: 'number' },
    { key: 'ownerName', group: '基本情况', name: '产权人（户主）姓名', field: 'ownerName', kind: 'text' },
    { key: 'ownerPhone', group: '基本情况', name: '联系电话', field: 'ownerPhone', kind: 'text' },
    { key: 'floorsAbove', group: '基本情况', name: '地上层数', field: 'floorsAbove', kind: 'int' },
    { key: 'floorsBelow', group: '基本情况', name: '地下层数', field: 'floorsBelow', kind: 'int' },
    { key: 'floorArea', group: '基本情况', name: '建筑面积（平方米）', field: 'floorArea', kind: 'number' },
    {
      key: 'structureType',
      group: '基本情况',
      name: '结构类型',
      field: 'structureType',
      kind: 'enum',
      codes: { reinforced_concrete: '1', brick_concrete: '2', brick_timber: '3', timber: '4', steel: '5', earth_stone: '6', other: '9' },
    },
    {
      key: 'foundationType',
      group: '基本情况',
      name: '基础类型',
      field: 'foundationType',
      kind: 'enum',
      codes: { strip: '1', isolated: '2', raft: '3', pile: '4', rubble: '5', unknown: '8', other: '9' },
    },
    {
      key: 'use',
      group: '基本情况',
      name: '房屋用途',
      field: 'use',
      kind: 'enum',
      codes: { own_home: '1', rental: '2', business: '3', mixed: '4', other: '9' },
    },
    // 建设情况: when and how it was built and altered, and its approvals.
    { key: 'yearBuilt', group: '建设情况', name: '建成年份', field: 'yearBuilt', kind: 'int' },
    { key: 'professionallyDesigned', group: '建设情况', name: '是否经专业设计', field: 'professionallyDesigned', kind: 'bool' },
    { key: 'qualifiedBuilder', group: '建设情况', name: '是否由有资质单位施工', field: 'qualifiedBuilder', kind: 'bool' },
    {
      key: 'alteration',
      group: '建设情况',
      name: '改扩建情况',
      field: 'alteration',
      kind: 'enum',
      codes: { none: '0', added_floors: '1', extension: '2', load_bearing_change: '3' },
    },
    { key: 'alterationYear', group: '建设情况', name: '改扩建年份', field: 'alterationYear', kind: 'int' },
    // Approvals are written as text (类型:文号:日期; …); they are not read back (the registry edits them one by one).
    { key: 'approvals', group: '建设情况', name: '审批情况', field: null, kind: 'text' },
    // 管理情况: business use and occupants.
    {
      key: 'businessCategory',
      group: '管理情况',
      name: '经营类别',
      field: 'businessCategory',
      kind: 'enum',
      codes: {
        catering: '01',
        lodging: '02',
        education: '03',
        elderly_care: '04',
        medical: '05',
        retail: '06',
        entertainment: '07',
        production: '08',
        warehousing: '09',
        other: '99',
      },
    },
    { key: 'occupants', group: '管理情况', name: '常住人数', field: 'occupants', kind: 'int' },
    // 排查情况: the latest preliminary judgement.
    {
      key: 'latestJudgement',
      group: '排查情况',
      name: '初步判定结论',
      field: 'latestJudgement',
      kind: 'enum',
      codes: { serious: '1', some: '2', none: '3' },
    },
    { key: 'latestJudgementAt', group: '排查情况', name: '排查日期', field: 'latestJudgementAt', kind: 'date' },
    // 整治情况: measures, progress and appraisal.
    {
      key: 'rectificationStatus',
      group: '整治情况',
      name: '整治状态',
      field: 'rectificationStatus',
      kind: 'enum',
      codes: { not_needed: '0', pending: '1', in_progress: '2', done: '3' },
    },
    { key: 'rectificationMeasures', group: '整治情况', name: '整治措施', field: 'rectificationMeasures', kind: 'text' },
    {
      key: 'appraisalGrade',
      group: '整治情况',
      name: '鉴定等级',
      field: 'appraisalGrade',
      kind: 'enum',
      codes: { A: 'A', B: 'B', C: 'C', D: 'D' },
    },
    { key: 'appraisalDate', group: '整治情况', name: '鉴定日期', field: 'appraisalDate', kind: 'date' },
    { key: 'appraisalReport', group: '整治情况', name: '鉴定报告', field: 'appraisalReport', kind: 'text' },
  ],
};
