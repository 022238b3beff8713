/** Chinese messages of the map page (一张图), key for key as `map.en.ts`. */
import type { MessageShape } from './en.ts';
import type { mapEnglish } from './map.en.ts';

export const mapChinese: MessageShape<typeof mapEnglish> = {
  map: {
    menu: '一张图',
    title: '一张图',
    region: '地图',
    inView: '地图上的内容',
    cluster: '此处 %{count} 处，点击放大',
    approximate: '（近似边界）',
    count: '共 %{count} 栋房屋',
    showList: '在列表中查看',
    noHouses: '没有符合条件的房屋',
    filters: '筛选条件',
    threeD: '三维',
    layers: {
      label: '图层',
      houses: '房屋风险',
      cases: '隐患案件',
      complaints: '投诉举报',
      campaign: '专项排查进度',
    },
    options: {
      severity: '隐患等级',
      all: '全部',
      overdueOnly: '仅看超期',
      days: '时间范围',
      lastDays: '近 %{days} 天',
      campaign: '专项排查',
      pickCampaign: '请选择一次专项排查，查看其进度',
    },
    legend: {
      title: '图例',
      cluster: '圆内数字为数量，点击放大',
      overdue: '黑圈：有超期',
      due: '蓝圈：应排查',
      complaint: '投诉',
      block: '高度按层数',
    },
    card: {
      close: '关闭',
      floors: '%{n} 层',
      area: '%{n} 平方米',
      reasons: '定级原因',
      openCases: '未销号案件',
      noOpenCases: '无未销号案件',
      lastInspection: '最近排查',
      neverInspected: '尚未排查',
      inspectionDue: '应排查',
      overdue: '超期',
      dueAt: '期限 %{date}',
      houseFile: '房屋档案',
      cases: '隐患案件',
      label: '二维码标签',
    },
  },
};
