/**
 * A date and time in Beijing time, the zone the authority works in and the API's messages use,
 * written the way the current language writes dates.
 */
import { DateField, useLocaleState } from 'react-admin';
import type { DateFieldProps } from 'react-admin';
import { BEIJING_DATE_TIME, dateLocale } from './DateTimeText.tsx';

export function DateTimeField(props: Omit<DateFieldProps, 'showTime' | 'locales' | 'options'>) {
  const [locale] = useLocaleState();
  return <DateField emptyText="—" {...props} showTime locales={dateLocale(locale)} options={BEIJING_DATE_TIME} />;
}
