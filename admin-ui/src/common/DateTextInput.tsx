/**
 * A date input that reads and shows 2026-12-06 whatever the browser's language (a browser's own date
 * field shows 12/06/2026 in an English Chrome). Typed dates are read in the usual Chinese forms
 * (2026/12/6, 2026年12月6日, 20261206); the calendar button opens the browser's date picker for those who
 * prefer to pick. `toValue`/`fromValue` store something other than the day (a filter's instant).
 */
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { IconButton, InputAdornment } from '@mui/material';
import { useRef } from 'react';
import type { ChangeEvent } from 'react';
import { TextInput, useTranslate } from 'react-admin';
import type { Validator } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { normalizeDate } from './dates.ts';

interface DateTextInputProps {
  source: string;
  label?: string;
  helperText?: string | false;
  validate?: Validator | Validator[];
  fullWidth?: boolean;
  /** Read by react-admin's filter form when the input is a list filter. */
  alwaysOn?: boolean;
  /** Earliest and latest day the picker offers and the input accepts (YYYY-MM-DD). */
  min?: string;
  max?: string;
  /** The stored value of a day (default: the day itself) and back. */
  toValue?: (day: string) => unknown;
  fromValue?: (value: unknown) => string;
}

const asDay = (value: unknown) => (typeof value === 'string' ? value : '');

export function DateTextInput({ source, label, helperText, validate, fullWidth, min, max, toValue, fromValue }: DateTextInputProps) {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const picker = useRef<HTMLInputElement>(null);
  const store = (day: string) => (toValue ? toValue(day) : day);
  const show = (value: unknown) => (fromValue ? fromValue(value) : asDay(value));
  // A finished date is stored in its one form; text on its way to a date is kept as typed, and the
  // rule below says what is wrong with it if it stays so.
  const parse = (text: string) => {
    if (text.trim() === '') return null;
    const day = normalizeDate(text);
    return day ? store(day) : text;
  };
  const wellFormed = (value: unknown) => {
    if (value == null || value === '') return undefined;
    const day = normalizeDate(show(value));
    if (!day) return translate('app.dates.invalid');
    if (min && day < min) return translate('app.dates.tooEarly', { day: min });
    if (max && day > max) return translate('app.dates.tooLate', { day: max });
    return undefined;
  };
  const rules = [wellFormed, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    if (event.target.value) setValue(source, store(event.target.value), { shouldDirty: true, shouldValidate: true });
  };
  return (
    <TextInput
      source={source}
      label={label}
      helperText={helperText}
      validate={rules}
      fullWidth={fullWidth}
      format={(value: unknown) => (value == null ? '' : show(value) || String(value))}
      parse={parse}
      placeholder="2026-12-06"
      inputProps={{ inputMode: 'numeric', autoComplete: 'off', 'aria-describedby': undefined }}
      InputProps={{
        endAdornment: (
          <InputAdornment position="end">
            <IconButton size="small" aria-label={translate('app.dates.pick')} onClick={() => picker.current?.showPicker()} edge="end">
              <CalendarMonthIcon fontSize="small" />
            </IconButton>
            {/* The browser's picker only; its text, in the browser's own format, is never shown. */}
            <input
              ref={picker}
              type="date"
              tabIndex={-1}
              aria-hidden
              min={min}
              max={max}
              onChange={picked}
              style={{ position: 'absolute', right: 0, bottom: 0, width: 1, height: 1, opacity: 0, border: 0, padding: 0 }}
            />
          </InputAdornment>
        ),
      }}
    />
  );
}
