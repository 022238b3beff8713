/** The scan page's words. It speaks Chinese only: it is for residents and passers-by in 清城区. */
import { BUILDING_USE, JUDGEMENT, STRUCTURE_TYPE } from '../../../../domain/buildings/enums.ts';

export const TEXT = {
  brand: '一栋一码',
  brandSub: '房屋电子身份证',
  code: '房屋编码',
  judgement: '最新排查结论',
  notInspected: '尚未排查',
  inspectedOn: '排查日期',
  seriousWarning: '该房屋存在严重安全隐患，请勿进入或在附近停留。',
  use: '房屋用途',
  floors: '层数',
  floorsValue: (n: number) => `地上 ${n} 层`,
  structure: '结构类型',
  complain: '投诉举报',
  inspect: '开始排查',
  staffSignIn: '工作人员登录',
  myWork: '返回我的工作',
  loading: '正在查询房屋信息…',
  invalidTitle: '房屋编码有误',
  invalidCode: '扫描或输入的编码',
  invalidHint: '请核对房屋标牌上的 18 位编码后重新输入，或重新扫描二维码。',
  notFoundTitle: '未找到该房屋',
  notFoundText: '该编码未在本平台登记。',
  notFoundHint: '标牌可能输错、已失效或被替换。请核对编码，或联系所在村（社区）、镇（街道）住建办核实。',
  failedTitle: '暂时无法查询',
  failedText: '网络或服务器暂时无法访问，请稍后重试。',
  retry: '重试',
  lookupLabel: '重新输入房屋编码',
  lookupPlaceholder: '18 位房屋编码',
  lookupSubmit: '查询',
  footer: '本页仅公开房屋基本信息，不含任何个人信息。',
  footerBrand: '一栋一码 · 自建房安全监管平台',
  documentTitle: (code: string) => `房屋 ${code} · 一栋一码`,
  labels: { use: BUILDING_USE.labels, structure: STRUCTURE_TYPE.labels, judgement: JUDGEMENT.labels },
};

/** The code grouped as on the printed label (one function for both), easier to read out and compare. */
export { groupedCode } from '../../../../domain/buildings/code.ts';
