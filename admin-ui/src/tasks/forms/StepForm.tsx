/**
 * The form of one open task: the step's inputs and a big 提交 button. The body is built and checked
 * as the definition's form types say, then sent with one Idempotency-Key per submission (a double
 * tap applies once). Field problems from the API land on their inputs; a 409 (someone else was
 * faster) is explained and the page refreshes.
 */
import type { ComponentType } from 'react';
import { Box, Button, CircularProgress, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { Form, useNotify, useTranslate } from 'react-admin';
import type { StepId } from '../../../../definitions/hazard-case/index.ts';
import type { CaseDetail } from '../../cases/types.ts';
import { useCaseAction } from '../../cases/useCaseAction.ts';
import { completeTask } from '../api.ts';
import type { TaskRow } from '../types.ts';
import { AssignInputs } from './AssignInputs.tsx';
import { STEP_BODIES, stepDefaults } from './bodies.ts';
import type { FormValues } from './bodies.ts';
import { CloseInputs } from './CloseInputs.tsx';
import { ControlInputs } from './ControlInputs.tsx';
import { EscalationRefusedInputs } from './EscalationRefusedInputs.tsx';
import { formErrorsOf } from './formErrors.ts';
import { RecheckInputs } from './RecheckInputs.tsx';
import { RectifyInputs } from './RectifyInputs.tsx';
import type { StepInputsProps } from './types.ts';

const STEP_INPUTS: Record<StepId, ComponentType<StepInputsProps>> = {
  assign: AssignInputs,
  control: ControlInputs,
  rectify: RectifyInputs,
  recheck: RecheckInputs,
  close: CloseInputs,
  escalationRefused: EscalationRefusedInputs,
};

interface StepFormProps {
  task: TaskRow;
  record: CaseDetail;
  onDone(): void;
}

export function StepForm({ task, record, onDone }: StepFormProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const { run, busy } = useCaseAction();
  const Inputs = STEP_INPUTS[task.step];

  const submit = async (values: FormValues) => {
    if (busy) return undefined;
    const built = STEP_BODIES[task.step](values, record);
    if (!built.ok) return built.errors;
    const form = built.body;
    const outcome = await run({ complete: task.id, form }, (key) => completeTask(task.id, form, key), {
      success: 'resources.tasks.notifications.completed',
      fieldErrors: true,
    });
    if (outcome.ok) {
      onDone();
      return undefined;
    }
    if (outcome.status === 422 && outcome.fieldProblems.length > 0) {
      notify('resources.tasks.notifications.invalid', { type: 'error' });
      return formErrorsOf(outcome.fieldProblems);
    }
    return undefined;
  };

  return (
    <Form key={task.id} onSubmit={submit} defaultValues={stepDefaults(task.step, record)} noValidate>
      <Box sx={{ display: 'flex', flexDirection: 'column', '& .MuiFormControl-root': { maxWidth: '100%' } }}>
        <Inputs record={record} />
      </Box>
      <Button
        type="submit"
        variant="contained"
        size="large"
        fullWidth={isPhone}
        disabled={busy}
        startIcon={busy ? <CircularProgress size={18} color="inherit" /> : <SendIcon />}
        sx={{ mt: 1, minHeight: 48, minWidth: 160 }}
      >
        {translate('resources.tasks.actions.submit')}
      </Button>
    </Form>
  );
}
