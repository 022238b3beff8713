/**
 * Simplified Chinese, the default language: react-admin's messages (`raChinese.ts`) plus the app's,
 * which must have exactly the keys of the English app messages (`AppMessages`).
 */
import { TRAIL_ACTION_LABELS } from '../../../domain/audit-actions.ts';
import type { TranslationMessages } from 'react-admin';
import { REGION_LEVEL_LABELS } from '../../../domain/regions.ts';
import { ROLE_LABELS } from '../../../domain/roles.ts';
import { buildingsChinese } from './buildings.zh.ts';
import { campaignsChinese } from './campaigns.zh.ts';
import { casesChinese } from './cases.zh.ts';
import { complaintsChinese } from './complaints.zh.ts';
import type { AppMessages } from './en.ts';
import { inspectionsChinese } from './inspections.zh.ts';
import { taskContextChinese } from './taskContext.zh.ts';
import { raChinese } from './raChinese.ts';
import { mapChinese } from './map.zh.ts';
import { statsChinese } from './stats.zh.ts';
import { workChinese } from './work.zh.ts';
import { notificationsChinese } from './notifications.zh.ts';
import { warningsChinese } from './warnings.zh.ts';
import { bulletinsChinese } from './bulletins.zh.ts';
import { dataCentreChinese } from './dataCentre.zh.ts';
import { houseFileChinese } from './houseFile.zh.ts';
import { dataReportsChinese } from './dataReports.zh.ts';

export const appChinese: AppMessages = {
  app: {
    name: '一栋一码',
    subtitle: '自建房安全监管平台',
    documentTitle: '一栋一码 · 自建房安全监管平台',
    language: '语言',
    none: '—',
    notFound: { home: '返回首页' },
    error: {
      network: '无法连接服务器，请检查网络后重试。',
    },
    dates: {
      invalid: '请按“年-月-日”填写日期，如 2026-12-06',
      tooEarly: '不能早于 %{day}',
      tooLate: '不能晚于 %{day}',
      pick: '选择日期',
    },
    roles: ROLE_LABELS,
    regionLevels: REGION_LEVEL_LABELS,
    login: {
      title: '登录',
      username: '用户名',
      password: '密码',
      submit: '登录',
      signingIn: '正在登录…',
      help: '忘记密码或账号被锁定，请联系系统管理员重置。',
    },
    dashboard: {
      title: '首页',
      welcome: '%{name}，您好',
      role: '角色',
      region: '管辖区域',
      shortcuts: '常用功能',
      regions: '查看辖区内的行政区划',
      users: '新建和管理用户账号',
      auditLog: '查看谁在何时做了什么',
      profile: '修改登录密码',
      buildings: '查询辖区内的房屋档案',
      imports: '用表格批量登记房屋',
      labels: '按区域批量生成房屋二维码标签',
    },
  },
  resources: {
    ...casesChinese,
    ...buildingsChinese,
    ...inspectionsChinese,
    ...complaintsChinese,
    ...campaignsChinese,
    ...taskContextChinese,
    ...workChinese,
    ...notificationsChinese,
    ...statsChinese,
    ...mapChinese,
    ...warningsChinese,
    ...bulletinsChinese,
    ...dataCentreChinese,
    ...houseFileChinese,
    ...dataReportsChinese,
    users: {
      name: '用户',
      menu: '用户管理',
      page: {
        list: '用户管理',
        create: '新建用户',
        edit: '编辑用户：%{recordRepresentation}',
        show: '用户：%{recordRepresentation}',
      },
      fields: {
        username: '用户名',
        name: '姓名',
        phone: '手机号',
        role: '角色',
        regionCode: '管辖区域',
        regionName: '管辖区域',
        status: '状态',
        disabled: '状态',
        lockedUntil: '锁定至',
        lastLoginAt: '最近登录',
        createdAt: '创建时间',
        updatedAt: '更新时间',
        password: '初始密码',
      },
      filters: {
        q: '用户名或姓名',
      },
      helpers: {
        username: '3–32 位字母、数字或 _ . -，创建后不能修改',
        password: '至少 10 位，含大写字母、小写字母、数字、符号中的至少三类，不能是常见密码；用户首次登录须修改',
        region: '用户只能查看和管理该区域及其下级',
        regionAtLevel: '该角色的管辖区域须为%{level}一级；用户只能查看和管理该区域及其下级',
      },
      status: {
        active: '正常',
        disabled: '已停用',
        locked: '已锁定',
      },
      actions: {
        disable: '停用',
        enable: '启用',
        resetPassword: '重置密码',
        unlock: '解锁',
      },
      disable: {
        title: '停用 %{name}？',
        content: '该用户将立即退出登录，在重新启用前无法登录。',
      },
      enable: {
        title: '启用 %{name}？',
        content: '该用户将可以重新登录。',
      },
      resetPassword: {
        title: '重置 %{name} 的密码',
        content: '该用户在所有设备上的登录都将失效，账号同时解锁，下次登录须先修改密码。请当面告知新密码。',
        newPassword: '新密码',
        submit: '重置密码',
      },
      notifications: {
        created: '用户已创建',
        updated: '用户信息已保存',
        disabled: '用户已停用',
        enabled: '用户已启用',
        passwordReset: '密码已重置，账号已解锁',
        unlocked: '账号已解锁',
      },
    },
    regions: {
      name: '行政区划',
      menu: '行政区划',
      page: {
        title: '行政区划',
      },
      fields: {
        code: '区划代码',
        name: '名称',
        level: '级别',
        path: '所属',
        childCount: '下级区划',
      },
      search: {
        label: '按名称搜索区划',
        noResults: '没有名称包含“%{q}”的区划',
      },
      tree: {
        title: '区划树',
        expand: '展开%{name}',
        collapse: '收起%{name}',
        loadError: '本级区划加载失败',
      },
      detail: {
        children: '下级区划',
        noChildren: '没有下级区划',
        notFound: '该行政区划不存在或无权查看。',
        backToMine: '返回我的管辖区域',
        select: '在区划树中选择一个区划以查看详情。',
      },
    },
    'audit-log': {
      name: '审计日志',
      menu: '审计日志',
      page: {
        list: '审计日志',
      },
      fields: {
        at: '时间',
        actorName: '操作人',
        actorId: '操作人 ID',
        action: '操作',
        subject: '对象',
        subjectType: '对象类型',
        subjectId: '对象 ID',
        regionCode: '区划代码',
        ip: 'IP 地址',
        requestId: '请求 ID',
        details: '详情',
        source: '来源',
        from: '起始时间',
        to: '截止时间',
      },
      // One list for the trail's actions (domain/audit-actions.ts); the filter offers the same.
      actions: TRAIL_ACTION_LABELS,
      sources: {
        audit: '审计日志',
        case: '案件记录',
      },
      subjectTypes: {
        User: '用户',
        Region: '行政区划',
        Session: '会话',
        Building: '房屋',
        ImportJob: '导入任务',
        LabelBatch: '标签批次',
        Bulletin: '月度通报',
        Case: '案件',
        Complaint: '投诉',
        Inspection: '排查记录',
        Campaign: '专项排查',
      },
      onlyThisActor: '只看 %{name} 的记录',
      machineActors: { system: '系统（初始数据）', cli: '命令行工具' },
      noDetails: '无更多详情',
    },
    profile: {
      name: '个人设置',
      account: '我的账号',
      fields: {
        username: '用户名',
        name: '姓名',
        role: '角色',
        region: '管辖区域',
      },
      password: {
        title: '修改密码',
        current: '当前密码',
        new: '新密码',
        confirm: '再次输入新密码',
        mismatch: '两次输入的新密码不一致',
        helper: '至少 10 位，含大写字母、小写字母、数字、符号中的至少三类，不能是常见密码',
        submit: '修改密码',
        done: '密码已修改，您在其他设备上的登录已退出。',
      },
      firstChange: {
        title: '请先修改密码',
        content: '您的密码由管理员设置。为保证账号安全，请先设置一个只有您知道的新密码，然后才能继续使用系统。',
        signOut: '退出登录',
      },
    },
  },
};

export const messages: TranslationMessages = { ...raChinese, ...appChinese };
