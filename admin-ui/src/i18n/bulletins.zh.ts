/** Chinese messages of the monthly bulletins (通报), key for key as `bulletins.en.ts`. */
import type { MessageShape } from './en.ts';
import type { bulletinsEnglish } from './bulletins.en.ts';

export const bulletinsChinese: MessageShape<typeof bulletinsEnglish> = {
  bulletins: {
    name: '通报',
    menu: '月度通报',
    page: { list: '月度通报', create: '生成通报' },
    fields: {
      month: '月份',
      regionCode: '区域',
      status: '状态',
      createdByName: '生成人',
      createdAt: '生成时间',
      finishedAt: '完成时间',
      pdfSha256: 'SHA-256（PDF）',
      error: '错误',
    },
    status: { queued: '排队中', running: '生成中', done: '已完成', failed: '失败' },
    schedule: '每月自动生成',
    helpers: {
      regionCode: '全区或某个镇（街道）',
      month: '通报的月份；每月 1 日自动生成上月通报',
    },
    actions: { pdf: 'PDF', xlsx: 'Excel' },
    validation: { month: '请按 YYYY-MM 填写月份' },
  },
};
