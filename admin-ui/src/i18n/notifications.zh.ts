/** 通知中心、顶栏的通知铃铛和案件的短信记录。键与 `notifications.en.ts` 一致。 */
import type { notificationsEnglish } from './notifications.en.ts';

export const notificationsChinese: typeof notificationsEnglish = {
  notifications: {
    title: '通知中心',
    bell: '通知（%{smart_count} 条未读）',
    readAll: '全部标为已读',
    empty: '暂无通知。',
    unread: '未读',
    newer: '较新',
    older: '较早',
    failed: '操作未成功，请重试。',
    kinds: {
      task_assigned: '任务',
      task_claimable: '待认领',
      deadline_approaching: '即将到期',
      warning: '预警',
      escalation_result: '督办',
      inspection_due: '巡查到期',
    },
    messages: {
      title: '短信记录',
      none: '本案件尚未发送短信。',
      heldUntil: '免打扰时段，待发送至',
      createdAt: '生成于',
      deliveredAt: '送达于',
      attempts: '共尝试 %{count} 次',
      kinds: {
        rectification_notice: '整改通知',
        rectification_deadline: '整改期限提醒',
        task_deadline: '办理期限提醒',
      },
      audience: { owner: '发送给责任人', staff: '发送给工作人员' },
      status: { held: '暂缓发送', queued: '待发送', sent: '已发送', delivered: '已送达', failed: '发送失败' },
    },
  },
};
