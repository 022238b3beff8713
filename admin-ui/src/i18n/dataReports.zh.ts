/** Chinese messages of upward reports (数据上报), key for key as `dataReports.en.ts`. */
import type { MessageShape } from './en.ts';
import type { dataReportsEnglish } from './dataReports.en.ts';

export const dataReportsChinese: MessageShape<typeof dataReportsEnglish> = {
  'data-reports': {
    name: '数据上报',
    menu: '数据上报',
    page: { list: '数据上报', create: '生成上报' },
    fields: {
      createdAt: '申请时间',
      regionCode: '上报区域',
      kind: '类型',
      createdByName: '申请人',
      status: '状态',
      total: '房屋数',
      changes: '较上次上报',
      digest: '摘要（SHA-256）',
      files: '文件',
    },
    kind: { full: '全量', changes: '变更' },
    status: { queued: '排队中', running: '进行中', done: '已完成', failed: '失败' },
    changes: '新增 %{added}，修改 %{changed}，删除 %{removed}',
    files: { csv: 'CSV', xlsx: 'Excel', json: '清单' },
    helpers: {
      regionCode: '按全国自建房五类信息格式导出该区域（本人辖区或其下级）的全部房屋',
      kind: '变更上报只列出自该区域上次上报以来新增、修改（含变更字段）和删除的房屋',
    },
  },
};
