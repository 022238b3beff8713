/** 导出案卷: the case's dossier as a PDF, for auditors and district officers. */
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Button, useCanAccess } from 'react-admin';
import { useDownload } from '../common/useDownload.ts';
import { casePath } from '../dataProvider/cases.ts';
import type { CaseDetail } from './types.ts';

export function DossierButton({ record }: { record: CaseDetail }) {
  const { canAccess } = useCanAccess({ resource: 'cases', action: 'audit', record });
  const { download, busy } = useDownload();
  if (!canAccess) return null;
  return (
    <Button
      label="resources.cases.actions.dossier"
      disabled={busy}
      onClick={() => download(`${casePath(record.id)}/dossier.pdf`, `案卷-${record.number}.pdf`)}
    >
      <PictureAsPdfIcon />
    </Button>
  );
}
