/**
 * Chinese messages of complaints (投诉举报), key for key as `complaints.en.ts`. Categories,
 * severities and case statuses are the cases' (`resources.cases.enums…`), so the list, the case
 * and the citizen's page use the same words.
 */
import type { complaintsEnglish } from './complaints.en.ts';
import type { MessageShape } from './en.ts';

export const complaintsChinese: MessageShape<typeof complaintsEnglish> = {
  complaints: {
    name: '投诉举报',
    menu: '投诉举报',
    page: {
      list: '投诉举报',
      show: '投诉举报 %{recordRepresentation}',
    },
    fields: {
      createdAt: '受理时间',
      trackingNo: '编号',
      place: '房屋/位置',
      house: '房屋',
      position: '地图位置',
      villageName: '村（社区）',
      category: '类别',
      status: '状态',
      verifyDueAt: '核实期限',
      verifiedAt: '核实时间',
      verifiedByName: '核实人',
      contact: '投诉人',
      contactName: '姓名',
      contactPhone: '手机号',
      caseNumber: '案件',
      channel: '渠道',
      description: '投诉内容',
      regionCode: '区域',
      buildingCode: '房屋编码',
      result: '核实结论',
      severity: '隐患等级',
      reply: '回复投诉人',
      verifyNote: '内部备注',
    },
    filters: {
      overdue: '仅看超期',
      from: '受理日期起',
      to: '受理日期止',
    },
    tabs: {
      verifying: '待核实',
      overdue: '超期',
      all: '全部',
    },
    enums: {
      state: {
        verifying: '待核实',
        overdue: '核实超期',
        confirmed: '属实·已立案',
        unfounded: '不属实',
      },
      status: {
        verifying: '待核实',
        confirmed: '属实·已立案',
        unfounded: '不属实',
      },
      result: {
        confirmed: '属实',
        unfounded: '不属实',
      },
      channel: {
        web: '网页',
        open311: 'Open311',
      },
    },
    sections: {
      place: '房屋/位置',
      description: '投诉内容',
      photos: '照片',
      notices: '告知投诉人',
      contact: '投诉人',
      verification: '核实结果',
      case: '关联案件',
    },
    values: {
      anonymous: '匿名',
      mapPosition: '地图位置',
      coordinates: '纬度 %{latitude}，经度 %{longitude}',
      noPhotos: '无照片',
      photo: '照片 %{name}',
      notVerified: '尚未现场核实。',
      newCase: '新立案',
      joinedCase: '并入已有案件',
    },
    header: {
      overdue: '已超过核实期限，请尽快到现场核实。',
    },
    help: {
      map: '投诉人在地图上选择的位置，归属最近的登记房屋所在村（社区）。',
      mapVerifying: '投诉人在地图上选择的位置，归属最近的登记房屋所在村（社区）。核实属实时须填写现场核实的房屋编码。',
      notices: '投诉人在进度查询页看到的内容。',
      buildingCode: '现场核实房屋的二维码标签上的 18 位编码',
      reply: '投诉人将在进度查询页看到此回复',
      note: '仅内部可见，投诉人看不到',
    },
    personal: {
      note: '查看完整信息将记入审计日志。',
      recorded: '本次查看已记入审计日志。',
      confidential: '投诉人身份保密，不得向被投诉方透露。',
    },
    actions: {
      verify: '核实',
      submitVerify: '提交核实结果',
      showPersonal: '查看完整信息',
    },
    verify: {
      title: '核实投诉 %{trackingNo}',
      content: '填写现场核实的结果。属实的投诉将立案（同一房屋同类隐患已有在办案件的，并入该案件）；不属实的投诉以您的回复办结。',
    },
    validation: {
      trackingNo: '编号为 TS 加 8 位日期和 8 位字母数字（旧编号为 14 位数字）',
      buildingCodeRequired: '请填写现场核实的房屋编码',
    },
    notifications: {
      verified: '核实结果已提交',
    },
    houseFile: {
      empty: '暂无投诉举报',
      all: '查看全部 %{count} 条',
    },
  },
};
