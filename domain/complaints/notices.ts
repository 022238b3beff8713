/**
 * What a citizen reads on the progress page: each status change as a notification in plain Chinese,
 * with no officer's name and no internal note. Written in the same transaction as the change
 * (`ComplaintStore.appendNotice`).
 */
export const NOTICE = {
  received: (trackingNo: string, days: number) => `您的投诉已受理（编号 ${trackingNo}），村（社区）排查员将在 ${days} 日内到现场核实。`,
  overdue: () => '现场核实已超过期限，已督促镇（街道）尽快办理。',
  confirmed: (caseNumber: string, joined: boolean, reply: string) =>
    `经现场核实，您反映的问题属实，${joined ? '已并入正在整改的案件' : '已立案整改'}（案件编号 ${caseNumber}）。${reply ? `回复：${reply}` : ''}`,
  unfounded: (reply: string) => `经现场核实，未发现您反映的问题。回复：${reply}`,
} as const;
