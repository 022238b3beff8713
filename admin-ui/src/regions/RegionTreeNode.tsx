/**
 * One row of the region tree and, when open, its children. Children come with the first load for
 * the top levels; deeper ones are fetched when opened (and shared with the detail panel's cache).
 */
import { Box, Collapse, IconButton, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useGetOne, useNavigate, useTranslate } from 'react-admin';
import type { RegionDetail, RegionNode } from './types.ts';

interface RegionTreeNodeProps {
  node: RegionNode;
  depth: number;
  expanded: Set<string>;
  onToggle: (code: string) => void;
  selected: string | undefined;
}

function LoadedChildren(props: Omit<RegionTreeNodeProps, 'node'> & { nodes: RegionNode[] }) {
  const { nodes, ...rest } = props;
  return (
    <List dense disablePadding>
      {nodes.map((child) => (
        <RegionTreeNode key={child.code} node={child} {...rest} />
      ))}
    </List>
  );
}

function FetchedChildren(props: Omit<RegionTreeNodeProps, 'node'> & { code: string }) {
  const { code, ...rest } = props;
  const translate = useTranslate();
  const { data, isPending, error } = useGetOne<RegionDetail>('regions', { id: code });
  if (isPending)
    return (
      <Typography variant="caption" sx={{ pl: 6 }}>
        {translate('ra.page.loading')}…
      </Typography>
    );
  if (error || !data)
    return (
      <Typography variant="caption" color="error" sx={{ pl: 6 }}>
        {translate('resources.regions.tree.loadError')}
      </Typography>
    );
  return <LoadedChildren nodes={data.children} {...rest} />;
}

export function RegionTreeNode({ node, depth, expanded, onToggle, selected }: RegionTreeNodeProps) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const open = expanded.has(node.code);
  const rest = { depth: depth + 1, expanded, onToggle, selected };
  return (
    <li>
      <Box sx={{ display: 'flex', alignItems: 'center', pl: depth * 2 }}>
        {node.childCount > 0 ? (
          <IconButton
            size="small"
            onClick={() => onToggle(node.code)}
            aria-expanded={open}
            aria-label={translate(open ? 'resources.regions.tree.collapse' : 'resources.regions.tree.expand', { name: node.name })}
          >
            {open ? <ExpandMoreIcon fontSize="small" /> : <ChevronRightIcon fontSize="small" />}
          </IconButton>
        ) : (
          <Box sx={{ width: 34, flexShrink: 0 }} />
        )}
        <ListItemButton
          selected={selected === node.code}
          onClick={() => navigate(`/regions/${node.code}`)}
          sx={{ borderRadius: 1, py: 0.25, minHeight: 40 }}
        >
          <ListItemText primary={node.name} secondary={node.code} slotProps={{ secondary: { variant: 'caption' } }} />
          {node.childCount > 0 && (
            <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
              {node.childCount}
            </Typography>
          )}
        </ListItemButton>
      </Box>
      {node.childCount > 0 && (
        <Collapse in={open} unmountOnExit>
          {node.children ? <LoadedChildren nodes={node.children} {...rest} /> : <FetchedChildren code={node.code} {...rest} />}
        </Collapse>
      )}
    </li>
  );
}
