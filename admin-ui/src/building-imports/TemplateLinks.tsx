/** The import templates (CSV and Excel), with the column headings the importer expects. */
import { Button, Stack } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useTranslate } from 'react-admin';
import { useDownload } from '../common/useDownload.ts';

export function TemplateLinks() {
  const translate = useTranslate();
  const { download, busy } = useDownload();
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      <Button
        variant="outlined"
        size="small"
        sx={{ textTransform: 'none' }}
        startIcon={<DownloadIcon />}
        disabled={busy}
        onClick={() => download('/building-imports/template.csv', 'template.csv')}
      >
        {translate('resources.building-imports.upload.templateCsv')}
      </Button>
      <Button
        variant="outlined"
        size="small"
        sx={{ textTransform: 'none' }}
        startIcon={<DownloadIcon />}
        disabled={busy}
        onClick={() => download('/building-imports/template.xlsx', 'template.xlsx')}
      >
        {translate('resources.building-imports.upload.templateXlsx')}
      </Button>
    </Stack>
  );
}
