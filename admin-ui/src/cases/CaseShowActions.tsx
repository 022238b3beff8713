/** What the viewer may do with the whole case; each button hides itself when not allowed. */
import CampaignIcon from '@mui/icons-material/Campaign';
import DoNotDisturbIcon from '@mui/icons-material/DoNotDisturbOn';
import { ListButton, TopToolbar, useRecordContext } from 'react-admin';
import { CaseDecisionButton } from './CaseDecisionButton.tsx';
import { DossierButton } from './DossierButton.tsx';
import type { CaseSummary } from './types.ts';
import { isCaseDetail } from './types.ts';

export function CaseShowActions() {
  const record = useRecordContext<CaseSummary>();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <ListButton />
      {isCaseDetail(record) && (
        <>
          <CaseDecisionButton record={record} decision="escalate" icon={<CampaignIcon />} />
          <CaseDecisionButton record={record} decision="cancel" icon={<DoNotDisturbIcon />} />
          <DossierButton record={record} />
        </>
      )}
    </TopToolbar>
  );
}
