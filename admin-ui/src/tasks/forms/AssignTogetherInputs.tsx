/**
 * Under the 分派 form: the house's other cases waiting for 分派, each to tick and give its own measures
 * and deadline; the responsible party above applies to every ticked case.
 */
import { Box, Typography } from '@mui/material';
import { BooleanInput, CheckboxGroupInput, DateInput, FormDataConsumer, useTranslate } from 'react-admin';
import { measureChoices } from './choices.ts';
import type { TogetherValue } from './together.ts';

/** Today in Beijing as YYYY-MM-DD: no deadline before it. */
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export function AssignTogetherInputs({ entries }: { entries: TogetherValue[] }) {
  const translate = useTranslate();
  if (entries.length === 0) return null;
  return (
    <Box
      component="fieldset"
      data-testid="assign-together"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, m: 0, mb: 2, minWidth: 0 }}
    >
      <Typography component="legend" variant="subtitle2" sx={{ fontWeight: 600, px: 0.5 }}>
        {translate('resources.taskContext.together.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.taskContext.together.help')}
      </Typography>
      {entries.map((entry, i) => (
        <Box key={entry.taskId} sx={{ mb: 1 }}>
          <BooleanInput
            source={`together.${i}.selected`}
            label={translate('resources.taskContext.together.include', { number: entry.number })}
            helperText={false}
          />
          <FormDataConsumer<{ together?: TogetherValue[] }>>
            {({ formData }) =>
              formData.together?.[i]?.selected === true && (
                <Box sx={{ pl: { xs: 0, sm: 2 }, borderLeft: { sm: 3 }, borderColor: { sm: 'primary.light' } }}>
                  <CheckboxGroupInput
                    source={`together.${i}.measures`}
                    label="resources.tasks.fields.measures"
                    choices={measureChoices}
                    row={false}
                  />
                  <DateInput
                    source={`together.${i}.rectifyDeadline`}
                    label="resources.tasks.fields.rectifyDeadline"
                    helperText={false}
                    fullWidth
                    inputProps={{ min: today() }}
                  />
                </Box>
              )
            }
          </FormDataConsumer>
        </Box>
      ))}
    </Box>
  );
}
