/**
 * The verdict of the audit chain check: every entry's hash covers the one before, so one altered or
 * missing entry breaks the chain from there on. Green 校验通过, or red naming the first bad entry.
 */
import { Chip, Tooltip } from '@mui/material';
import GppBadIcon from '@mui/icons-material/GppBad';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { useTranslate } from 'react-admin';
import type { ChainCheck } from './types.ts';

export function ChainStatus({ chain }: { chain: ChainCheck }) {
  const translate = useTranslate();
  if (chain.ok) {
    return (
      <Tooltip title={chain.lastHash ? translate('resources.cases.chain.lastHash', { hash: chain.lastHash }) : ''}>
        <Chip
          color="success"
          icon={<VerifiedUserIcon />}
          label={translate('resources.cases.chain.ok', { count: chain.events })}
          data-chain="ok"
        />
      </Tooltip>
    );
  }
  const seq = chain.brokenAt?.seq ?? 0;
  return (
    <Tooltip title={chain.brokenAt?.reason ?? ''}>
      <Chip
        color="error"
        icon={<GppBadIcon />}
        label={translate('resources.cases.chain.broken', { seq })}
        data-chain="broken"
        role="alert"
      />
    </Tooltip>
  );
}
