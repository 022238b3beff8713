/**
 * Records an appraisal report on the house file: agency, its qualification number (checked against
 * the district's list on saving), report number, date, grade, scope, next due date and the report scan.
 * Problems the API names per field are shown on that field.
 */
import { Autocomplete, Dialog, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { APPRAISAL_GRADE } from '../../../domain/buildings/enums.ts';
import { DialogButtons } from '../common/DialogButtons.tsx';
import type { AppDataProvider } from '../dataProvider/index.ts';
import { apiErrorOf, inputMessage } from '../http.ts';
import type { AppraisalBody } from '../dataProvider/houseFile.ts';

const EMPTY = { agencyName: '', agencyQualificationNo: '', reportNo: '', appraisedOn: '', grade: '', scope: '', nextDueOn: '' };
type Form = typeof EMPTY;
const TEXT_FIELDS: (keyof Form)[] = ['agencyQualificationNo', 'reportNo'];

/** The API's problems by input name (`body.nextDueOn` → `nextDueOn`). */
function fieldErrors(error: unknown): Record<string, string> {
  const details = apiErrorOf(error)?.details ?? [];
  return Object.fromEntries(details.filter((d) => d.field.startsWith('body.')).map((d) => [d.field.slice(5), inputMessage(d)]));
}

export function AppraisalDialog({ code, open, onClose }: { code: string; open: boolean; onClose(): void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [form, setForm] = useState<Form>(EMPTY);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const key = useRef(crypto.randomUUID());
  const label = (f: string) => translate(`resources.houseFile.appraisals.fields.${f}`);
  const set = (f: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [f]: e.target.value });
  // The district's list: picking an agency fills its qualification number; any other name may be typed (and is flagged).
  const agencies = useQuery({
    queryKey: ['appraisalAgencies'],
    queryFn: ({ signal }) => dataProvider.appraisalAgencies(signal),
    enabled: open,
    staleTime: 3_600_000,
  });
  const pickAgency = (name: string) => {
    const listed = agencies.data?.agencies.find((a) => a.name === name);
    setForm((f) => ({ ...f, agencyName: name, agencyQualificationNo: listed ? listed.qualificationNo : f.agencyQualificationNo }));
  };

  const save = async () => {
    const missing = Object.fromEntries(
      (['agencyName', 'agencyQualificationNo', 'reportNo', 'appraisedOn', 'grade'] as const)
        .filter((f) => form[f].trim() === '')
        .map((f) => [f, translate('ra.validation.required')]),
    );
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      const reportFileId = file
        ? (await dataProvider.uploadHouseScan(code, 'appraisal', { data: file, name: file.name, type: file.type })).id
        : null;
      const body: AppraisalBody = {
        agencyName: form.agencyName.trim(),
        agencyQualificationNo: form.agencyQualificationNo.trim(),
        reportNo: form.reportNo.trim(),
        appraisedOn: form.appraisedOn,
        grade: form.grade as AppraisalBody['grade'],
        scope: form.scope.trim() || null,
        nextDueOn: form.nextDueOn || null,
        reportFileId,
      };
      await dataProvider.addAppraisal(code, body, key.current);
      notify('resources.houseFile.appraisals.saved', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['buildings'] });
      await queryClient.invalidateQueries({ queryKey: ['houseFile'] });
      setForm(EMPTY);
      setFile(null);
      key.current = crypto.randomUUID();
      onClose();
    } catch (error) {
      const byField = fieldErrors(error);
      // A refusal wrote nothing: the corrected form is a new request, under a new key.
      if (apiErrorOf(error)) key.current = crypto.randomUUID();
      setErrors(byField);
      if (Object.keys(byField).length === 0) notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="appraisal-dialog-title">
      <DialogTitle id="appraisal-dialog-title">{translate('resources.houseFile.appraisals.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Autocomplete
            freeSolo
            options={(agencies.data?.agencies ?? []).map((a) => a.name)}
            inputValue={form.agencyName}
            onInputChange={(_e, value) => pickAgency(value)}
            renderInput={(params) => (
              <TextField
                {...params}
                name="agencyName"
                label={label('agencyName')}
                required
                error={!!errors.agencyName}
                helperText={
                  errors.agencyName ??
                  (agencies.data ? translate('resources.houseFile.appraisals.agencyHelp', { version: agencies.data.version }) : undefined)
                }
              />
            )}
          />
          {TEXT_FIELDS.map((f) => (
            <TextField
              key={f}
              name={f}
              label={label(f)}
              value={form[f]}
              onChange={set(f)}
              required
              error={!!errors[f]}
              helperText={errors[f]}
            />
          ))}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              name="appraisedOn"
              type="date"
              label={label('appraisedOn')}
              value={form.appraisedOn}
              onChange={set('appraisedOn')}
              required
              error={!!errors.appraisedOn}
              helperText={errors.appraisedOn}
              slotProps={{ inputLabel: { shrink: true } }}
              fullWidth
            />
            <TextField
              name="grade"
              select
              label={label('grade')}
              value={form.grade}
              onChange={set('grade')}
              required
              error={!!errors.grade}
              helperText={errors.grade}
              fullWidth
            >
              {APPRAISAL_GRADE.values.map((g) => (
                <MenuItem key={g} value={g}>
                  {translate(`resources.buildings.enums.appraisalGrade.${g}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <TextField
            name="scope"
            label={label('scope')}
            value={form.scope}
            onChange={set('scope')}
            error={!!errors.scope}
            helperText={errors.scope}
          />
          <TextField
            name="nextDueOn"
            type="date"
            label={label('nextDueOn')}
            value={form.nextDueOn}
            onChange={set('nextDueOn')}
            error={!!errors.nextDueOn}
            helperText={errors.nextDueOn}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Stack spacing={0.5}>
            <Typography variant="body2" color="text.secondary">
              {label('reportFile')}
            </Typography>
            <input
              name="reportFile"
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            {errors.reportFileId && (
              <Typography variant="caption" color="error">
                {errors.reportFileId}
              </Typography>
            )}
          </Stack>
        </Stack>
      </DialogContent>
      <DialogButtons label={translate('ra.action.save')} onCancel={onClose} onConfirm={() => void save()} busy={busy} />
    </Dialog>
  );
}
