/** Chinese messages of the complete house file (时间线、鉴定记录), key for key as `houseFile.en.ts`. */
import { AGENCY_CHECK_LABELS } from '../../../definitions/appraisal-agencies/index.ts';
import type { MessageShape } from './en.ts';
import type { houseFileEnglish } from './houseFile.en.ts';

export const houseFileChinese: MessageShape<typeof houseFileEnglish> = {
  appraisals: { name: '鉴定记录' },
  houseFile: {
    timeline: {
      title: '安全事件时间线',
      empty: '暂无记录',
      kinds: {
        judgement: '排查结论',
        risk: '风险等级',
        case_opened: '隐患立案',
        case_ended: '案件办结',
        complaint: '投诉举报',
        inspection: '排查',
        campaign: '专项排查',
        appraisal: '房屋鉴定',
      },
      judgement: '排查结论：%{from} → %{to}',
      firstJudgement: '排查结论：%{to}',
      case: '%{number} · %{category} · %{severity} · %{status}',
      caseEnded: '%{number} %{status}',
      complaint: '%{trackingNo} · %{category} · %{status}',
      inspection: '%{kind} · %{judgement} · 隐患 %{hazards} 处 · %{inspector}',
      inspectionKinds: { daily: '日常排查', special: '专项排查' },
      campaign: '%{name} · %{status}',
      appraisal: '%{grade} 级 · %{agency} · 报告 %{reportNo}',
    },
    appraisals: {
      title: '鉴定记录',
      empty: '暂无鉴定记录',
      add: '登记鉴定报告',
      flagged: '机构存疑',
      flaggedInArea: '本辖区机构存疑的鉴定报告',
      agencyCheck: AGENCY_CHECK_LABELS,
      fields: {
        agencyName: '鉴定机构',
        agencyQualificationNo: '资质证书编号',
        reportNo: '鉴定报告编号',
        appraisedOn: '鉴定日期',
        grade: '鉴定等级',
        scope: '鉴定范围',
        nextDueOn: '下次鉴定日期',
        reportFile: '鉴定报告文件（PDF、JPEG 或 PNG）',
      },
      nextDue: '下次鉴定 %{date}',
      report: '报告',
      saved: '鉴定报告已登记',
      agencyHelp: '将与区房屋安全鉴定机构名录（第 %{version} 版）核对',
    },
  },
};
