/** A checkbox that must be ticked to go on (e.g. 已摘除警示牌 before closing a case). */
import { Checkbox, FormControlLabel, FormHelperText, Box } from '@mui/material';
import { InputHelperText, useInput, useTranslate } from 'react-admin';

interface TickInputProps {
  source: string;
  label: string;
  /** The translation key shown when unticked at submission. */
  requiredMessage: string;
  helperText?: string;
}

export function TickInput({ source, label, requiredMessage, helperText }: TickInputProps) {
  const translate = useTranslate();
  const { field, fieldState, id } = useInput({
    source,
    defaultValue: false,
    validate: (value: unknown) => (value === true ? undefined : requiredMessage),
  });
  const error = fieldState.error?.message;
  return (
    <Box sx={{ mb: 2 }}>
      <FormControlLabel
        control={
          <Checkbox
            id={id}
            checked={field.value === true}
            onChange={(event) => field.onChange(event.target.checked)}
            onBlur={field.onBlur}
            sx={{ '& .MuiSvgIcon-root': { fontSize: 28 } }}
          />
        }
        label={translate(label)}
        required
      />
      <FormHelperText error={Boolean(error)} sx={{ mx: 0 }}>
        <InputHelperText error={error} helperText={helperText} />
      </FormHelperText>
    </Box>
  );
}
