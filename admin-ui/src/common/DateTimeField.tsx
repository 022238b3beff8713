/**
 * A date and time in Beijing time, the zone the authority works in and the API's messages use,
 * written the way the current language writes dates.
 */
import { DateField, useLocaleState } from 'react-admin';
import type { DateFieldProps } from 'react-admin';

const OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Asia/Shanghai',
};

export function DateTimeField(props: Omit<DateFieldProps, 'showTime' | 'locales' | 'options'>) {
  const [locale] = useLocaleState();
  return <DateField emptyText="—" {...props} showTime locales={locale === 'en' ? 'en-GB' : 'zh-CN'} options={OPTIONS} />;
}
