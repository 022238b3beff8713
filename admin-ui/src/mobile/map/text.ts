/** The words of the inspector's phone map. Chinese only, like the other phone pages. */
import { RISK_TIER } from '../../../../domain/statistics/dimensions.ts';
import type { RiskTier } from '../../../../domain/statistics/dimensions.ts';

/** A distance as read at a glance: tens of metres up to a kilometre, then kilometres with one decimal. */
function distance(m: number): string {
  if (m < 10) return '10 米内';
  if (m < 1000) return `约 ${Math.round(m / 10) * 10} 米`;
  return `约 ${(m / 1000).toFixed(1)} 公里`;
}

export const MAP_TEXT = {
  title: '排查地图',
  hint: '蓝色粗圈为应排查的房屋。点房屋可直接开始排查，无需扫码。',
  count: (n: number) => `辖区共 ${n} 栋房屋`,
  dueTitle: '应排查的房屋',
  due: (n: number) => `应排查 ${n} 栋`,
  dueLoading: '正在加载应排查的房屋…',
  dueFailed: '暂时无法加载应排查的房屋，请稍后重试。',
  noneDue: '辖区内暂无到期应巡查的房屋。',
  byDistance: '按与您的距离由近及远排列。',
  sorting: '已获取您的位置，正在按距离排列…',
  locating: '正在获取您的位置，获取后按距离由近及远排列；现按房屋编码排列。',
  notLocated: '未能获取您的位置，现按房屋编码排列。请允许本页使用位置信息后重试。',
  locateAgain: '重新定位',
  more: (n: number) => `显示更多（还有 ${n} 栋）`,
  moreFailed: '加载失败，点此重试',
  distance,
  tier: (tier: RiskTier) => `${RISK_TIER.labels[tier]}风险`,
  lastInspected: (day: string) => `上次排查 ${day}`,
  neverInspected: '从未排查',
  /** When its 定期巡查 (by risk tier) is due, as a Beijing day; past: overdue. */
  dueOn: (iso: string, now = Date.now()) =>
    `${Date.parse(iso) < now ? '已逾期，应于' : '应于'} ${new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)} 前巡查`,
  coverageTitle: '我的定期巡查',
  coverageWindow: '近 30 天到期的房屋，点数字查看清单。',
  coverageLoading: '正在加载巡查完成情况…',
  coverageFailed: '暂时无法加载巡查完成情况，请稍后重试。',
  coverage: { due: '到期应巡查', onTime: '按时巡查', late: '逾期后补查', overdue: '逾期未查' },
  signIn: '请先登录，再查看您辖区的房屋地图。',
  signInButton: '工作人员登录',
  failed: '暂时无法加载地图，请稍后重试。',
  approximate: '（近似边界）',
  mapLabel: '辖区房屋地图',
  dueList: '应排查的房屋',
  inView: '地图当前显示的房屋',
  note: '仅显示您辖区内的房屋，不含个人信息。',
  back: '返回我的工作',
};
