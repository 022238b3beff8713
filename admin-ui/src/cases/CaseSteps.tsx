/**
 * The case's process as a vertical list of steps (done, active, to come), shown instead of the BPMN
 * diagram on a phone, where the diagram would be too small to read.
 */
import { Box, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonCheckedIcon from '@mui/icons-material/RadioButtonChecked';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import ErrorIcon from '@mui/icons-material/Error';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutline';
import { useTranslate } from 'react-admin';
import { caseSteps } from './caseSteps.ts';
import type { CaseStep, StepState } from './caseSteps.ts';
import type { CaseDetail } from './types.ts';

const LOOK: Record<StepState, { icon: typeof CheckCircleIcon; color: string }> = {
  done: { icon: CheckCircleIcon, color: 'success.main' },
  active: { icon: RadioButtonCheckedIcon, color: 'primary.main' },
  overdue: { icon: ErrorIcon, color: 'error.main' },
  pending: { icon: RadioButtonUncheckedIcon, color: 'text.disabled' },
  skipped: { icon: RemoveCircleOutlineIcon, color: 'text.disabled' },
};

function stepName(step: CaseStep, translate: ReturnType<typeof useTranslate>) {
  if (step.id === 'closed' || step.id === 'cancelled') return translate(`resources.cases.steps.${step.id}`);
  return translate(`resources.tasks.enums.step.${step.id}`, { _: step.id });
}

export function CaseSteps({ record }: { record: CaseDetail }) {
  const translate = useTranslate();
  const steps = caseSteps(record);
  return (
    <Box component="ol" aria-label={translate('resources.cases.diagram.label', { number: record.number })} sx={{ m: 0, p: 0 }}>
      {steps.map((step, i) => {
        const { icon: Icon, color } = LOOK[step.state];
        const current = step.state === 'active' || step.state === 'overdue';
        return (
          <Box
            component="li"
            key={step.id}
            data-step={step.id}
            data-step-state={step.state}
            aria-current={current ? 'step' : undefined}
            sx={{ display: 'flex', gap: 1.5, listStyle: 'none' }}
          >
            <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center' }} aria-hidden>
              <Icon sx={{ color, fontSize: 22 }} />
              {i < steps.length - 1 && <Box sx={{ width: 2, flex: 1, minHeight: 12, bgcolor: 'divider', my: 0.25 }} />}
            </Box>
            <Box sx={{ pb: 1.5, minWidth: 0 }}>
              <Typography
                variant="body2"
                sx={{
                  fontWeight: current ? 600 : 400,
                  color: step.state === 'pending' || step.state === 'skipped' ? 'text.secondary' : 'text.primary',
                }}
              >
                {stepName(step, translate)}
              </Typography>
              <Typography variant="caption" sx={{ color }}>
                {translate(`resources.cases.steps.state.${step.state}`)}
                {step.visits > 1 ? ` · ${translate('resources.cases.diagram.visits', { n: step.visits })}` : ''}
              </Typography>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
