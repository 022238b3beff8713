/**
 * Dispatching a warning: as a special inspection of its houses (by a deadline) or, where the rule
 * allows, a hazard case on each house (category and severity). The API's 422 field problems are
 * shown on the inputs they name.
 */
import { useState } from 'react';
import { Dialog, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { DialogButtons } from '../common/DialogButtons.tsx';
import { useTranslate } from 'react-admin';
import { CASE_CATEGORY, CASE_SEVERITY } from '../../../domain/cases/enums.ts';
import type { DispatchBody } from '../dataProvider/warnings.ts';
import type { ApiFieldProblem } from '../http.ts';
import type { Warning } from './types.ts';

const DAY_MS = 86_400_000;

/** A date (YYYY-MM-DD, Beijing) a week from now, the special inspection's default deadline. */
const inAWeek = () => new Date(Date.now() + 7 * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);

interface Props {
  warning: Warning;
  busy: boolean;
  problems: ApiFieldProblem[];
  onSend(body: DispatchBody): void;
  onClose(): void;
}

export function DispatchDialog({ warning, busy, problems, onSend, onClose }: Props) {
  const translate = useTranslate();
  const [kind, setKind] = useState<DispatchBody['kind']>(warning.opens[0] ?? 'inspection');
  const [due, setDue] = useState(inAWeek());
  const [category, setCategory] = useState('');
  const [severity, setSeverity] = useState('');
  const [description, setDescription] = useState('');
  const label = (key: string) => translate(`resources.warnings.dispatch.${key}`);
  const problem = (field: string) => problems.find((p) => p.field === `body.${field}`)?.message;
  const send = () =>
    onSend(
      kind === 'inspection'
        ? { kind, ...(due ? { dueAt: new Date(`${due}T23:59:59+08:00`).toISOString() } : {}) }
        : {
            kind,
            ...(category ? { category } : {}),
            ...(severity ? { severity: severity as 'serious' | 'general' } : {}),
            ...(description.trim() ? { description: description.trim() } : {}),
          },
    );
  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="dispatch-title">
      <DialogTitle id="dispatch-title">{label('title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            label={label('kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as DispatchBody['kind'])}
            error={!!problem('kind')}
            helperText={problem('kind')}
          >
            {warning.opens.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(`resources.warnings.enums.kind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          {kind === 'inspection' ? (
            <TextField
              type="date"
              name="dueAt"
              label={label('dueAt')}
              value={due}
              onChange={(e) => setDue(e.target.value)}
              error={!!problem('dueAt')}
              helperText={problem('dueAt')}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          ) : (
            <>
              <TextField
                select
                name="category"
                label={label('category')}
                value={category}
                onChange={(e) => setCategory(e.target.value)}
                error={!!problem('category')}
                helperText={problem('category')}
              >
                {CASE_CATEGORY.values.map((c) => (
                  <MenuItem key={c} value={c}>
                    {translate(`resources.cases.enums.category.${c}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                name="severity"
                label={label('severity')}
                value={severity}
                onChange={(e) => setSeverity(e.target.value)}
                error={!!problem('severity')}
                helperText={problem('severity')}
              >
                {CASE_SEVERITY.values.map((s) => (
                  <MenuItem key={s} value={s}>
                    {translate(`resources.cases.enums.severity.${s}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                name="description"
                label={label('description')}
                value={description}
                onChange={(e) => setDescription(e.target.value.slice(0, 500))}
                multiline
                minRows={2}
              />
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogButtons label={label('confirm')} onCancel={onClose} onConfirm={send} busy={busy} />
    </Dialog>
  );
}
