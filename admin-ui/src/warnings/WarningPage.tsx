/**
 * The warning page (预警处置): the rule and region, the deadline, what the rule found, and the three
 * actions for those who may handle it (签收, 派发, 忽略). Once dispatched it links to what was opened.
 */
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import SendIcon from '@mui/icons-material/Send';
import DoNotDisturbIcon from '@mui/icons-material/DoNotDisturb';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Title, useCanAccess, useTranslate } from 'react-admin';
import { asSubject } from '../../../domain/abilities.ts';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { DueDate } from '../common/DueDate.tsx';
import { ReasonDialog } from '../common/ReasonDialog.tsx';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { useCaseAction } from '../common/hooks/useCaseAction.ts';
import type { DispatchBody } from '../dataProvider/warnings.ts';
import type { ApiFieldProblem } from '../http.ts';
import { DispatchDialog } from './DispatchDialog.tsx';
import { isActive } from './types.ts';
import type { Warning } from './types.ts';
import { WarningEvidence } from './WarningEvidence.tsx';
import { WarningStatusChip } from './WarningStatusChip.tsx';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack direction="row" spacing={2} sx={{ py: 0.5 }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 96 }}>
        {label}
      </Typography>
      <Box sx={{ typography: 'body2' }}>{children}</Box>
    </Stack>
  );
}

function Actions({ warning }: { warning: Warning }) {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const { run, busy } = useCaseAction();
  const [dialog, setDialog] = useState<'dispatch' | 'dismiss' | null>(null);
  const [problems, setProblems] = useState<ApiFieldProblem[]>([]);
  const access = useCanAccess({ resource: 'warnings', action: 'update', record: asSubject('Warning', warning) });
  if (!access.canAccess || !isActive(warning.status)) return null;
  const after = async (ok: boolean) => {
    await queryClient.invalidateQueries({ queryKey: ['warnings'] });
    if (ok) setDialog(null);
  };
  const acknowledge = async () => {
    const out = await run({ ack: warning.id }, (dp, key) => dp.acknowledgeWarning(warning.id, key), {
      success: 'resources.warnings.notifications.acknowledged',
    });
    await after(out.ok);
  };
  const dispatch = async (body: DispatchBody) => {
    const out = await run({ dispatch: warning.id, body }, (dp, key) => dp.dispatchWarning(warning.id, body, key), {
      success: 'resources.warnings.notifications.dispatched',
      fieldErrors: true,
    });
    setProblems(out.ok ? [] : out.fieldProblems);
    await after(out.ok);
  };
  const dismiss = async (reason: string) => {
    const out = await run({ dismiss: warning.id, reason }, (dp, key) => dp.dismissWarning(warning.id, reason, key), {
      success: 'resources.warnings.notifications.dismissed',
    });
    await after(out.ok);
  };
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 2 }}>
      {warning.status !== 'acknowledged' && (
        <Button
          variant="contained"
          size="large"
          startIcon={<CheckIcon />}
          onClick={() => void acknowledge()}
          disabled={busy}
          data-warning-action="acknowledge"
        >
          {translate('resources.warnings.actions.acknowledge')}
        </Button>
      )}
      <Button
        variant="outlined"
        size="large"
        startIcon={<SendIcon />}
        onClick={() => setDialog('dispatch')}
        disabled={busy || warning.buildingCodes.length === 0}
        data-warning-action="dispatch"
      >
        {translate('resources.warnings.actions.dispatch')}
      </Button>
      <Button
        variant="outlined"
        size="large"
        color="inherit"
        startIcon={<DoNotDisturbIcon />}
        onClick={() => setDialog('dismiss')}
        disabled={busy}
        data-warning-action="dismiss"
      >
        {translate('resources.warnings.actions.dismiss')}
      </Button>
      {dialog === 'dispatch' && (
        <DispatchDialog
          warning={warning}
          busy={busy}
          problems={problems}
          onSend={(b) => void dispatch(b)}
          onClose={() => setDialog(null)}
        />
      )}
      <ReasonDialog
        open={dialog === 'dismiss'}
        title="resources.warnings.dismiss.title"
        content="resources.warnings.dismiss.content"
        confirm="resources.warnings.dismiss.confirm"
        busy={busy}
        onConfirm={(reason) => void dismiss(reason)}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}

export function WarningPage() {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const warning = useApiQuery(['warnings', 'one', id], (dp, signal) => dp.warning(id, signal), { refetchInterval: 15_000 });
  if (warning.isPending) return <Skeleton variant="rounded" height={240} sx={{ m: 2 }} />;
  if (warning.isError)
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {warning.error instanceof Error ? warning.error.message : String(warning.error)}
      </Alert>
    );
  const w = warning.data;
  const field = (key: string) => translate(`resources.warnings.fields.${key}`);
  return (
    <Box sx={{ mt: 2 }} data-warning={w.id}>
      <Title title={translate('resources.warnings.page.show', { rule: w.ruleName })} />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
            <Typography variant="h6" component="h1">
              {w.ruleName}
            </Typography>
            <WarningStatusChip status={w.status} />
          </Stack>
          <Row label={field('regionName')}>{w.regionName ?? w.regionCode}</Row>
          <Row label={field('raisedAt')}>
            <DateTimeText value={w.raisedAt} />
          </Row>
          <Row label={field('acknowledgeDueAt')}>
            <DueDate
              dueAt={w.acknowledgeDueAt}
              startAt={w.raisedAt}
              overdue={w.status === 'escalated'}
              finished={!isActive(w.status) || w.status === 'acknowledged'}
              inline
            />
          </Row>
          {w.escalatedAt && (
            <Row label={field('escalatedAt')}>
              <DateTimeText value={w.escalatedAt} />
            </Row>
          )}
          {w.acknowledgedAt && (
            <Row label={field('acknowledgedAt')}>
              <DateTimeText value={w.acknowledgedAt} />
            </Row>
          )}
          {w.handledByName && <Row label={field('handledByName')}>{w.handledByName}</Row>}
          {w.dismissReason && <Row label={field('dismissReason')}>{w.dismissReason}</Row>}
          {w.dispatch && (
            <Row label={field('dispatch')}>
              {translate(`resources.warnings.enums.kind.${w.dispatch.kind}`)}
              {w.dispatch.kind === 'inspection' && (
                <>
                  {' · '}
                  <Link to={`/campaigns/${encodeURIComponent(w.dispatch.campaignId)}/show`}>
                    {translate('resources.warnings.openCampaign')}
                  </Link>
                </>
              )}
            </Row>
          )}
          <Row label={field('ruleVersion')}>{w.ruleVersion}</Row>
          <Actions warning={w} />
        </CardContent>
      </Card>
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="subtitle1" sx={{ mb: 1 }}>
            {field('evidence')}
          </Typography>
          <WarningEvidence warning={w} />
        </CardContent>
      </Card>
    </Box>
  );
}
