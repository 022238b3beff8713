/**
 * Chinese messages of daily inspections (排查记录), key for key as `inspections.en.ts`. The judgement
 * words come from `domain/buildings/enums.ts`, so the list, the house file and the phone agree.
 */
import { JUDGEMENT } from '../../../domain/buildings/enums.ts';
import type { MessageShape } from './en.ts';
import type { inspectionsEnglish } from './inspections.en.ts';

export const inspectionsChinese: MessageShape<typeof inspectionsEnglish> = {
  inspections: {
    name: '排查记录',
    menu: '排查记录',
    page: {
      list: '排查记录',
      show: '排查记录：%{recordRepresentation}',
    },
    fields: {
      inspectedAt: '排查时间',
      receivedAt: '上传时间',
      address: '房屋',
      buildingCode: '房屋编码',
      villageName: '村（社区）',
      inspectorName: '排查人',
      judgement: '初步判定',
      hazards: '隐患',
      presence: '位置核验',
      cases: '立案',
      notes: '备注',
      files: '照片',
      position: '位置',
      regionCode: '区域',
    },
    filters: {
      flagged: '仅看位置异常',
      from: '排查日期起',
      to: '排查日期止',
    },
    tabs: {
      all: '全部',
      flagged: '位置异常',
    },
    enums: {
      judgement: JUDGEMENT.labels,
    },
    presence: {
      near: '现场（%{distance} 米）',
      far: '距房屋 %{distance} 米',
      missing: '未提供位置',
      unverifiable: '房屋无坐标',
    },
    presenceHelp: {
      near: '排查时手机距房屋 %{distance} 米，在 %{radius} 米以内，可认定在现场。',
      far: '排查时手机距房屋 %{distance} 米，超过 %{radius} 米，需镇街核实。',
      missing: '提交时未提供位置（定位被拒绝或不可用），需镇街核实。',
      unverifiable: '房屋档案未登记坐标，无法核验排查位置。',
    },
    hazard: {
      opened: '新立案',
      joined: '并入已有案件',
    },
    sections: {
      hazards: '发现的隐患',
      notes: '备注',
      photos: '现场照片',
      position: '排查位置',
    },
    values: {
      noHazards: '未发现隐患',
      noPhotos: '无照片',
      accuracy: '定位精度约 %{accuracy} 米',
      coordinates: '纬度 %{latitude}，经度 %{longitude}',
      uploadedLater: '离线填写，稍后上传',
      photo: '照片 %{name}',
    },
    houseFile: {
      empty: '暂无排查记录',
      all: '查看全部 %{count} 条',
    },
  },
};
