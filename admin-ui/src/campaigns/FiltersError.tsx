/**
 * The API's refusal of the filters as a whole (没有符合条件的房屋…): no single input owns it, so it is
 * shown above the filter inputs until the next submission.
 */
import { Alert } from '@mui/material';
import { useFormState } from 'react-hook-form';
import { useTranslate } from 'react-admin';

export function FiltersError() {
  const translate = useTranslate();
  const { errors } = useFormState({ name: 'filters' });
  const message = errors.filters?.message;
  if (typeof message !== 'string' || message === '') return null;
  return (
    <Alert severity="error" role="alert" data-testid="filters-error" sx={{ mb: 2 }}>
      {translate(message, { _: message })}
    </Alert>
  );
}
