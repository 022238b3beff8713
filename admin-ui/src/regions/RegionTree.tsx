/** The tree itself: the user's region at the top, each level loaded when first opened. */
import { Alert, LinearProgress, List } from '@mui/material';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { RegionTreeNode } from './RegionTreeNode.tsx';
import type { RegionNode } from './types.ts';

interface RegionTreeProps {
  query: UseQueryResult<RegionNode>;
  expanded: Set<string>;
  onToggle: (code: string) => void;
  selected: string | undefined;
}

export function RegionTree({ query, expanded, onToggle, selected }: RegionTreeProps) {
  const translate = useTranslate();
  if (query.isPending) return <LinearProgress sx={{ m: 2 }} />;
  if (query.isError) {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {query.error.message}
      </Alert>
    );
  }
  return (
    <List dense disablePadding aria-label={translate('resources.regions.tree.title')} sx={{ pb: 1 }}>
      <RegionTreeNode node={query.data} depth={0} expanded={expanded} onToggle={onToggle} selected={selected} />
    </List>
  );
}
