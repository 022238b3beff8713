/**
 * The SMS templates, in Chinese (a Chinese provider sends only approved templates: each has a code and
 * its text with named fields). The sign (签名) comes first, as the carriers require.
 */

export const SMS_SIGN = '【清城区自建房安全】';

export const SMS_TEMPLATES = {
  /** To the responsible person (the owner first) when rectification is ordered. */
  rectification_notice:
    '{name}您好：您的房屋（{address}）经排查存在安全隐患（{category}），请按要求采取措施：{measures}，并于{deadline}前完成整改。案件编号{number}，如有疑问请联系所在镇（街道）住建办。',
  /** To the responsible person before the rectification deadline. */
  rectification_deadline: '{name}您好：您的房屋（{address}）隐患整改期限为{deadline}，请抓紧完成整改。案件编号{number}。',
  /** To a member of staff whose task's deadline approaches. */
  task_deadline: '{name}您好：您办理的隐患案件{number}（{step}）将于{deadline}到期，请及时处理。',
} as const;

export type SmsTemplate = keyof typeof SMS_TEMPLATES;

/** The template's text with its fields filled in; a missing field reads as "—", never as `{field}`. */
export function renderSms(template: SmsTemplate, params: Record<string, string | null | undefined>): string {
  return SMS_SIGN + SMS_TEMPLATES[template].replace(/\{(\w+)\}/g, (_, field: string) => params[field] || '—');
}

/** A deadline as people read it in a text message: `12月20日`, in Beijing time. */
export function deadlineText(iso: string | null | undefined): string {
  if (!iso) return '规定期限';
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
