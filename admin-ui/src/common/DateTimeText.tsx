/** A date and time in Beijing time, outside a record context (e.g. inside a list of entries). */
import { useLocaleState } from 'react-admin';

/** Beijing time, the zone the authority works in and the API's messages use. */
export const BEIJING_DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Asia/Shanghai',
};

/**
 * The locale that writes a date the way Chinese forms do, 2026-12-06 19:31 (the same as the date inputs
 * and the API's messages); zh-CN would write 2026/12/06. English readers get en-GB (06/12/2026, 19:31).
 */
export const dateLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'sv-SE');

export function DateTimeText({ value }: { value: string | null | undefined }) {
  const [locale] = useLocaleState();
  if (!value) return <>—</>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  return <time dateTime={value}>{date.toLocaleString(dateLocale(locale), BEIJING_DATE_TIME)}</time>;
}
