/**
 * From the values of a step's inputs to the body `POST /api/tasks/:id/complete` takes, typed by the
 * definition's form types. Empty optional fields are left out; a rule across fields that the inputs
 * cannot check alone (a serious case closes only with grade A/B or proof of demolition) is checked
 * here and reported on the field to fix.
 */
import {
  APPRAISAL_GRADES,
  CONTROL_MEASURES,
  ESCALATION_ACTIONS,
  MEASURES,
  RECHECK_RESULTS,
  RELATIONS,
} from '../../../../definitions/hazard-case/labels.ts';
import type {
  AssignFormInput,
  CloseFormInput,
  ControlFormInput,
  EscalationRefusedFormInput,
  HazardFormInputs,
  RecheckFormInput,
  RectifyFormInput,
} from '../../../../definitions/hazard-case/forms.ts';
import type { StepId } from '../../../../definitions/hazard-case/index.ts';
import type { CaseDetail } from '../../cases/types.ts';
import { oneOf, someOf } from './choices.ts';

export type FormValues = Record<string, unknown>;

/** The body to send, or the field problems (translation keys) to show instead. */
export type BodyResult<T> = { ok: true; body: T } | { ok: false; errors: Record<string, string> };

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const optionalText = (value: unknown) => text(value) || undefined;
const ids = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const record = (value: unknown): FormValues => (typeof value === 'object' && value !== null ? (value as FormValues) : {});

/** What is missing; the inputs' own validators normally catch it first. */
const required = (field: string): { ok: false; errors: Record<string, string> } => ({
  ok: false,
  errors: { [field]: 'ra.validation.required' },
});

function assign(values: FormValues): BodyResult<AssignFormInput> {
  const party = record(values.responsibleParty);
  const relation = oneOf(RELATIONS, party.relation);
  if (!relation) return required('responsibleParty.relation');
  return {
    ok: true,
    body: {
      responsibleParty: { name: text(party.name), phone: optionalText(party.phone), relation },
      measures: someOf(MEASURES, values.measures),
      rectifyDeadline: optionalText(values.rectifyDeadline),
      note: optionalText(values.note),
    },
  };
}

function control(values: FormValues): BodyResult<ControlFormInput> {
  return {
    ok: true,
    body: { measuresTaken: someOf(CONTROL_MEASURES, values.measuresTaken), fileIds: ids(values.fileIds), note: optionalText(values.note) },
  };
}

function rectify(values: FormValues): BodyResult<RectifyFormInput> {
  return {
    ok: true,
    body: {
      description: text(values.description),
      fileIds: ids(values.fileIds),
      appraisalGrade: oneOf(APPRAISAL_GRADES, values.appraisalGrade),
      appraisalReportFileId: optionalText(values.appraisalReportFileId),
      demolished: values.demolished === true ? true : undefined,
    },
  };
}

function recheck(values: FormValues): BodyResult<RecheckFormInput> {
  const result = oneOf(RECHECK_RESULTS, values.result);
  if (!result) return required('result');
  const reasons = optionalText(values.reasons);
  if (result === 'fail' && !reasons) return required('reasons');
  const files = ids(values.fileIds);
  return {
    ok: true,
    body: { result, reasons: result === 'fail' ? reasons : undefined, fileIds: files.length > 0 ? files : undefined },
  };
}

function close(values: FormValues, kase: CaseDetail): BodyResult<CloseFormInput> {
  if (values.signRemoved !== true) return required('signRemoved');
  const appraisalGrade = oneOf(APPRAISAL_GRADES, values.appraisalGrade);
  const demolished = values.demolished === true;
  const proof = ids(values.demolitionFileIds);
  if (kase.severity === 'serious' && appraisalGrade !== 'A' && appraisalGrade !== 'B' && !(demolished && proof.length > 0)) {
    return {
      ok: false,
      errors: demolished
        ? { demolitionFileIds: 'resources.tasks.validation.demolitionProof' }
        : { appraisalGrade: 'resources.tasks.validation.seriousClose' },
    };
  }
  return {
    ok: true,
    body: {
      signRemoved: true,
      appraisalGrade,
      demolished: demolished || undefined,
      demolitionFileIds: demolished && proof.length > 0 ? proof : undefined,
      note: optionalText(values.note),
    },
  };
}

function escalationRefused(values: FormValues): BodyResult<EscalationRefusedFormInput> {
  const action = oneOf(ESCALATION_ACTIONS, values.action);
  if (!action) return required('action');
  return { ok: true, body: { action, note: text(values.note) } };
}

/** Each step's body builder. */
export const STEP_BODIES: { [S in StepId]: (values: FormValues, kase: CaseDetail) => BodyResult<HazardFormInputs[S]> } = {
  assign,
  control,
  rectify,
  recheck,
  close,
  escalationRefused,
};

/** What a step's inputs start with: the owner as responsible party, and what the case already knows. */
export function stepDefaults(step: StepId, kase: CaseDetail): FormValues {
  switch (step) {
    case 'assign':
      return { responsibleParty: { relation: 'owner' }, measures: kase.severity === 'serious' ? ['stop_use_evacuate'] : [] };
    case 'close':
      return { signRemoved: false, appraisalGrade: kase.appraisalGrade ?? undefined, demolished: kase.demolished === true };
    case 'rectify':
      return { demolished: false, fileIds: [] };
    case 'control':
      return { measuresTaken: [], fileIds: [] };
    default:
      return {};
  }
}
