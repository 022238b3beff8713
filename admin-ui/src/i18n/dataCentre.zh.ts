/** Chinese messages of the data centre (数据中心), key for key as `dataCentre.en.ts`. */
import type { MessageShape } from './en.ts';
import type { dataCentreEnglish } from './dataCentre.en.ts';

export const dataCentreChinese: MessageShape<typeof dataCentreEnglish> = {
  completeness: {
    menu: '数据完整性',
    title: '数据完整性（摸清底数）',
    intro: '按村（社区）统计信息缺项的房屋，点击数字查看对应房屋清单。',
    region: '区域',
    houses: '房屋数',
    total: '合计',
    town: '镇（街道）',
    computedAt: '统计时间',
    export: '导出清单',
    exportGap: '导出缺项',
    xlsx: '导出 XLSX',
    csv: '导出 CSV',
    empty: '该区域没有村（社区）。',
  },
  'api-clients': {
    menu: '上级平台凭据',
    title: '上级平台接口凭据',
    intro: '上级平台（如省级系统）使用专用凭据读取本区域的房屋数据（GET /api/platform/v1/houses）。密钥仅在创建时显示一次。',
    create: '新建凭据',
    revoke: '吊销',
    revokeConfirm: '确定吊销“%{name}”？吊销后该凭据立即失效。',
    revoked: '已吊销',
    active: '有效',
    tokenTitle: '接口凭据（仅显示这一次）',
    tokenHelp: '请立即复制并通过安全渠道交给对方：系统只保存其摘要，无法再次显示。',
    close: '已复制',
    empty: '尚无凭据。',
    fields: {
      name: '名称',
      regionCode: '数据范围',
      personalData: '提供户主姓名和电话（不打码）',
      createdAt: '创建时间',
      lastUsedAt: '最近使用',
      status: '状态',
    },
    never: '从未使用',
  },
};
