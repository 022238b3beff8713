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
import { useCaseAction } from '../../common/hooks/useCaseAction.ts';
import type { TaskContext, TaskRow } from '../types.ts';
import { AssignInputs } from './AssignInputs.tsx';
import { STEP_BODIES, stepDefaults } from './bodies.ts';
import type { FormValues } from './bodies.ts';
import { CloseInputs } from './CloseInputs.tsx';
import { ControlInputs } from './ControlInputs.tsx';
import { EscalationRefusedInputs } from './EscalationRefusedInputs.tsx';
import { formErrorsOf } from './formErrors.ts';
import { RecheckInputs } from './RecheckInputs.tsx';
import { RectifyInputs } from './RectifyInputs.tsx';
import { anyTogether, togetherBody, togetherDefaults } from './together.ts';
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
  context?: TaskContext | undefined;
  onDone(): void;
}

export function StepForm({ task, record, context, onDone }: StepFormProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const { run, busy } = useCaseAction();
  const Inputs = STEP_INPUTS[task.step];
  const together = task.step === 'assign' ? togetherDefaults(context) : [];

  const submit = async (values: FormValues) => {
    if (busy) return undefined;
    const built = STEP_BODIES[task.step](values, record);
    if (!built.ok) return built.errors;
    const own = task.step === 'assign' ? STEP_BODIES.assign(values, record) : undefined;
    if (own?.ok && anyTogether(values, together)) {
      const batch = togetherBody(task.id, own.body, values, together);
      if (!batch.ok) return batch.errors;
      const outcome = await run({ together: batch.body }, (dataProvider, key) => dataProvider.assignTogether(batch.body, key), {
        fieldErrors: true,
      });
      if (!outcome.ok) return outcome.status === 422 ? formErrorsOf(outcome.fieldProblems) : undefined;
      const failed = outcome.data.filter((r) => !r.ok);
      if (failed.length === 0) {
        notify('resources.taskContext.together.done', { type: 'success', messageArgs: { count: outcome.data.length } });
        onDone();
      } else {
        const reasons = failed.map((r) => `${r.caseNumber}（${r.ok ? '' : r.message}）`).join('；');
        notify('resources.taskContext.together.partial', { type: 'error', messageArgs: { reasons }, autoHideDuration: null });
      }
      return undefined;
    }
    const form = built.body;
    const outcome = await run({ complete: task.id, form }, (dataProvider, key) => dataProvider.completeTask(task.id, form, key), {
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
    <Form
      // The other cases' entries are indexed: when the list changes (the context arrives, or a batch
      // assigned some), the form starts again so no decision lands on another case.
      key={`${task.id}:${together.map((t) => t.taskId).join(',')}`}
      onSubmit={submit}
      defaultValues={{ ...stepDefaults(task.step, record), ...(task.step === 'assign' ? { together } : {}) }}
      noValidate
    >
      <Box sx={{ display: 'flex', flexDirection: 'column', '& .MuiFormControl-root': { maxWidth: '100%' } }}>
        <Inputs record={record} context={context} />
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
