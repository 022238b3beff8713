/** 现场工作的手机页面：工作首页、待核实投诉、扫码入口与核实的现场证据。键与 `work.en.ts` 一致。 */
import type { workEnglish } from './work.en.ts';

export const workChinese: typeof workEnglish = {
  work: {
    scan: '扫码',
    scanHint: '扫描房屋二维码，打开房屋页面',
    home: {
      title: '我的工作',
      greeting: '%{name}，您好',
      due: '我的待办',
      claimable: '待认领',
      verify: '待核实投诉',
      campaigns: '专项排查',
      overdue: '已超期',
      more: '全部 %{count} 项',
      dueSoon: '即将到期',
      nothing: '暂无待办。扫描房屋二维码即可开始日常排查。',
    },
    verify: {
      tab: '待核实',
      place: '位置',
      category: '类别',
      dueAt: '核实期限',
      trackingNo: '投诉编号',
      action: '核实',
      empty: '暂无待核实的投诉。',
      photos: '现场照片',
      takePhoto: '拍照',
      photoCount: '已添加 %{count} 张，最多 %{max} 张',
      removePhoto: '删除第 %{n} 张照片',
      position: '位置',
      locating: '正在定位…',
      located: '已定位（±%{accuracy} 米）',
      noPosition: '无法获取位置，核实将不带位置记录',
      retryPosition: '重新定位',
      uploading: '正在上传照片…',
    },
    inspection: {
      campaign: '专项排查：%{name}',
    },
    evidence: {
      title: '现场证据',
      position: '手机位置',
      distance: '距房屋 %{distance} 米',
      presence: {
        near: '在现场',
        far: '距房屋较远',
        missing: '未获取位置',
        unverifiable: '房屋无坐标，无法比对',
      },
      none: '未记录照片和位置',
    },
  },
};
