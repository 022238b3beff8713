/** The hazard's severity as a chip: 严重 red, 一定 orange. */
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Severity } from '../../../definitions/hazard-case/index.ts';

export function SeverityChip({ severity, size = 'small' }: { severity: Severity; size?: 'small' | 'medium' }) {
  const translate = useTranslate();
  return (
    <Chip
      size={size}
      color={severity === 'serious' ? 'error' : 'warning'}
      variant={severity === 'serious' ? 'filled' : 'outlined'}
      label={translate(`resources.cases.enums.severity.${severity}`)}
    />
  );
}
