/**
 * The on-site verification: still awaited, or its outcome (属实 / 不属实), who verified and when, the
 * reply the citizen reads and the internal note they never see. A confirmed complaint shows the case
 * it opened or the open case of the same house and category it joined, and the photos and position
 * the verifier brought back.
 */
import { Box, Card, CardContent, Chip, Divider, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { Link, useTranslate } from 'react-admin';
import { CaseStatusChip } from '../cases/CaseStatusChip.tsx';
import { CASE_STATUSES } from '../cases/types.ts';
import type { CaseStatus } from '../cases/types.ts';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { casePage } from '../inspections/CaseLinks.tsx';
import { Fact, Facts } from '../inspections/Fact.tsx';
import type { Complaint } from './types.ts';
import { VerificationEvidence } from './VerificationEvidence.tsx';

const isCaseStatus = (value: string | null): value is CaseStatus => (CASE_STATUSES as readonly string[]).includes(value ?? '');

function LinkedCase({ record }: { record: Complaint }) {
  const translate = useTranslate();
  if (!record.caseId) return null;
  return (
    <Box data-testid="complaint-case" sx={{ mt: 2 }}>
      <Divider sx={{ mb: 1.5 }} />
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {translate('resources.complaints.sections.case')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Link to={casePage(record.caseId)} variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
          {record.caseNumber ?? record.caseId}
        </Link>
        {isCaseStatus(record.caseStatus) && <CaseStatusChip status={record.caseStatus} />}
        {record.joinedCase !== null && (
          <Chip
            size="small"
            variant="outlined"
            color={record.joinedCase ? 'default' : 'primary'}
            label={translate(`resources.complaints.values.${record.joinedCase ? 'joinedCase' : 'newCase'}`)}
          />
        )}
      </Box>
    </Box>
  );
}

export function ComplaintVerification({ record }: { record: Complaint }) {
  const translate = useTranslate();
  const label = (field: string) => translate(`resources.complaints.fields.${field}`);
  return (
    <Card component="section" aria-labelledby="complaint-verification">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography id="complaint-verification" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.complaints.sections.verification')}
        </Typography>
        {record.status === 'verifying' ? (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.complaints.values.notVerified')}
          </Typography>
        ) : (
          <>
            <Chip
              size="small"
              color={record.status === 'confirmed' ? 'primary' : 'default'}
              label={translate(`resources.complaints.enums.result.${record.status}`)}
              sx={{ mb: 1.5 }}
            />
            <Facts>
              <Fact label={label('verifiedByName')}>{record.verifiedByName ?? translate('app.none')}</Fact>
              <Fact label={label('verifiedAt')}>
                <DateTimeText value={record.verifiedAt} />
              </Fact>
              <Fact label={label('reply')}>{record.reply ?? translate('app.none')}</Fact>
            </Facts>
            {record.verifyNote && (
              <Box data-testid="verify-note" sx={{ mt: 1.5, p: 1.25, borderRadius: 1, bgcolor: 'action.hover' }}>
                <Typography variant="caption" color="text.secondary" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                  <LockIcon sx={{ fontSize: 14 }} />
                  {label('verifyNote')}
                </Typography>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  {record.verifyNote}
                </Typography>
              </Box>
            )}
            <VerificationEvidence record={record} />
          </>
        )}
        <LinkedCase record={record} />
      </CardContent>
    </Card>
  );
}
