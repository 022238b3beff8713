/**
 * Chinese messages of special inspections (专项排查), key for key as `campaigns.en.ts`. Building fields
 * and their choices in the filter summary are the buildings' (`resources.buildings…`).
 */
import { ROLE_LABELS } from '../../../domain/roles.ts';
import type { campaignsEnglish } from './campaigns.en.ts';
import type { MessageShape } from './en.ts';

export const campaignsChinese: MessageShape<typeof campaignsEnglish> = {
  campaigns: {
    name: '专项排查',
    menu: '专项排查',
    page: {
      list: '专项排查',
      create: '发起专项排查',
      show: '专项排查：%{recordRepresentation}',
    },
    fields: {
      name: '名称',
      regionCode: '范围',
      regionName: '范围',
      assigneeRole: '排查人',
      dueAt: '截止',
      status: '状态',
      progress: '进度',
      remindDaysBefore: '提前提醒天数',
      remindedAt: '提醒时间',
      createdByName: '发起人',
      createdAt: '发起时间',
      filters: '排查对象',
      cancelReason: '撤销原因',
      closedAt: '结束时间',
    },
    tabs: {
      running: '进行中',
      all: '全部',
    },
    enums: {
      status: { running: '进行中', completed: '已完成', closed: '已截止', cancelled: '已撤销' },
      // The roles' own names (domain/roles.ts), written once.
      assigneeRole: { inspector: ROLE_LABELS.inspector, town_officer: ROLE_LABELS.town_officer },
      itemStatus: { pending: '待排查', done: '已排查', overdue: '超期' },
    },
    progress: {
      done: '已排查 %{done} / %{total}',
      withHazards: '发现隐患 %{n}',
      overdue: '超期 %{n}',
    },
    totals: {
      total: '房屋总数',
      done: '已排查',
      withHazards: '发现隐患',
      overdue: '超期',
      pending: '待排查',
    },
    create: {
      sectionHouses: '排查哪些房屋',
      sectionWork: '由谁排查、何时完成',
      filtersHelp: '范围内同时符合所选条件的房屋；不选的条件不限。',
      regionHelp: '选择镇（街道）或全区',
      dueHelp: '截止到当天 24 时（北京时间）',
      remindHelp: '截止前这么多天提醒仍有房屋未排查的人员',
      count: '按当前范围和条件，将排查 %{count} 栋房屋',
      countNone: '当前范围和条件下没有房屋，请放宽条件',
      countPending: '选择排查范围后，这里显示将排查的房屋数量',
      counting: '正在统计房屋数量…',
      countFailed: '暂时无法统计房屋数量，保存时仍会按条件选取',
    },
    validation: {
      name: '须为 2 到 100 个字',
      regionLevel: '请选择镇（街道）或区',
      duePast: '截止日期不能早于今天',
      yearRange: '结束年份不能早于开始年份',
      remind: '须在 0 到 60 天之间',
      minFloors: '至少为 1',
    },
    filterWords: {
      all: '范围内全部房屋',
      minFloors: '%{n} 层及以上',
      maxFloors: '%{n} 层及以下',
      yearUnknown: '建成年份不详',
      businessUse: '经营性自建房',
      notBusinessUse: '非经营性自建房',
      inspectedFrom: '%{date} 以来排查过',
      notInspectedSince: '%{date} 以来未排查',
      yearFrom: '%{year} 年及以后建成',
      yearTo: '%{year} 年及以前建成',
    },
    villages: {
      village: '村（社区）',
      progress: '进度',
      empty: '您的辖区内没有本次专项排查的房屋。',
      hint: '点击村（社区）查看其房屋。',
    },
    houses: {
      title: '%{village}的房屋',
      house: '房屋',
      status: '状态',
      hazards: '隐患',
      doneAt: '排查时间',
      inspection: '排查记录',
      open: '查看记录',
      hazardsFound: '发现 %{n} 处',
      noHazards: '未发现',
      empty: '没有房屋。',
      all: '全部',
    },
    header: {
      cancelled: '已撤销：%{reason}',
      closed: '已过截止时间，未排查的房屋记为超期。',
      notReminded: '尚未提醒',
    },
    actions: {
      cancel: '撤销',
    },
    cancel: {
      title: '撤销本次专项排查',
      content: '撤销后，其房屋立即从待办中移除；已完成的排查记录保留。撤销原因将被记录。',
    },
    notifications: {
      cancelled: '专项排查已撤销',
    },
    inbox: {
      tab: '专项排查',
      house: '房屋',
      village: '村（社区）',
      campaign: '专项排查',
      dueAt: '截止',
      inspect: '开始排查',
      empty: '暂无待排查的专项排查房屋。',
    },
  },
};
