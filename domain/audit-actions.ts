/**
 * Every action the audit trail can hold, with its name in Chinese and English: the audit log's own
 * actions (written by AuditStore.record, typed by AUDIT_LOG_ACTIONS) and the case events (written by
 * the case workflow, typed by CASE_EVENT_TYPES). The audit log's page, its action filter and the
 * translations all read this one list, so an action cannot be written without a name to show.
 */

/** Actions of the audit log (audit_log.action). */
export const AUDIT_LOG_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.logout',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.reset_password',
  'user.change_password',
  'user.unlock',
  'building.create',
  'building.update',
  'building.personal_viewed',
  'building.owner_search',
  'building_import.create',
  'labelBatch.create',
  'inspection.submit',
  'campaign.create',
  'complaint.contact_viewed',
  'complaint.verify',
  'case.register',
  'case.file_upload',
  'case.dossier_export',
] as const;

/** Types of case events (case_events.type), shown in the same trail. */
export const CASE_EVENT_TYPES = [
  'case.registered',
  'task.claimed',
  'task.released',
  'task.completed',
  'task.reassigned',
  'task.reminded',
  'task.overdue',
  'escalation.requested',
  'escalation.accepted',
  'escalation.refused',
  'supervision.callback',
  'case.cancelled',
] as const;

export type AuditLogAction = (typeof AUDIT_LOG_ACTIONS)[number];
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];
export type TrailAction = AuditLogAction | CaseEventType;

/** Every action of the trail, in the order the filter lists them. */
export const TRAIL_ACTIONS: readonly TrailAction[] = [...AUDIT_LOG_ACTIONS, ...CASE_EVENT_TYPES];

export const TRAIL_ACTION_LABELS: Record<TrailAction, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.reset_password': '重置密码',
  'user.change_password': '修改密码',
  'user.unlock': '解锁账号',
  'building.create': '登记房屋',
  'building.update': '修改房屋档案',
  'building.personal_viewed': '查看户主完整信息',
  'building.owner_search': '按户主姓名搜索房屋',
  'building_import.create': '批量导入房屋',
  'labelBatch.create': '批量生成标签',
  'inspection.submit': '提交排查记录',
  'campaign.create': '发起专项排查',
  'complaint.contact_viewed': '查看投诉人信息',
  'complaint.verify': '核实投诉',
  'case.register': '登记隐患案件',
  'case.file_upload': '上传案件材料',
  'case.dossier_export': '导出案卷',
  'case.registered': '案件立案',
  'task.claimed': '认领任务',
  'task.released': '退回任务',
  'task.completed': '办结任务',
  'task.reassigned': '改派任务',
  'task.reminded': '到期提醒',
  'task.overdue': '任务超期',
  'escalation.requested': '督办',
  'escalation.accepted': '督办已受理',
  'escalation.refused': '督办被退回',
  'supervision.callback': '监督系统回复',
  'case.cancelled': '撤销案件',
};

export const TRAIL_ACTION_LABELS_EN: Record<TrailAction, string> = {
  'auth.login': 'Sign-in',
  'auth.login_failed': 'Failed sign-in',
  'auth.locked': 'Account locked',
  'auth.logout': 'Sign-out',
  'user.create': 'User created',
  'user.update': 'User updated',
  'user.disable': 'User disabled',
  'user.enable': 'User enabled',
  'user.reset_password': 'Password reset',
  'user.change_password': 'Password changed',
  'user.unlock': 'Account unlocked',
  'building.create': 'Building registered',
  'building.update': 'House file edited',
  'building.personal_viewed': 'Owner details viewed',
  'building.owner_search': 'Buildings searched by owner name',
  'building_import.create': 'Buildings imported',
  'labelBatch.create': 'Label batch requested',
  'inspection.submit': 'Inspection submitted',
  'campaign.create': 'Special inspection started',
  'complaint.contact_viewed': 'Complainant viewed',
  'complaint.verify': 'Complaint verified',
  'case.register': 'Case registered by hand',
  'case.file_upload': 'Evidence uploaded',
  'case.dossier_export': 'Dossier exported',
  'case.registered': 'Case opened',
  'task.claimed': 'Task claimed',
  'task.released': 'Task released',
  'task.completed': 'Task completed',
  'task.reassigned': 'Task reassigned',
  'task.reminded': 'Deadline reminder',
  'task.overdue': 'Task overdue',
  'escalation.requested': 'Escalated',
  'escalation.accepted': 'Escalation accepted',
  'escalation.refused': 'Escalation refused',
  'supervision.callback': 'Supervision system reply',
  'case.cancelled': 'Case cancelled',
};
