/**
 * Browse the user's region subtree: a lazily expanding tree, a name search, and the details of the
 * region in the address (`/regions/:code`, so a region can be linked to). Without a code the page
 * shows the user's own region.
 */
import { useCallback, useEffect, useState } from 'react';
import { Box, Card, CardContent, Typography, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { Title, useDataProvider, useParams, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import type { AppDataProvider } from '../dataProvider/index.ts';
import { RegionDetailPanel } from './RegionDetailPanel.tsx';
import { RegionSearch } from './RegionSearch.tsx';
import { RegionTree } from './RegionTree.tsx';
import type { RegionDetail } from './types.ts';

export function RegionTreePage() {
  const translate = useTranslate();
  const { code } = useParams<{ code: string }>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const root = useQuery({
    queryKey: ['regions', 'tree', 'mine'],
    queryFn: ({ signal }) => dataProvider.regionTree({ depth: 2, signal }),
  });
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const selected = code ?? root.data?.code;

  // The user's own region starts open.
  useEffect(() => {
    if (root.data) setExpanded((s) => (s.has(root.data.code) ? s : new Set(s).add(root.data.code)));
  }, [root.data]);

  // On narrow screens the details sit above the tree: bring them into view when another region is
  // chosen. Wide screens show both side by side and keep the tree where the user left it.
  const stacked = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  useEffect(() => {
    if (stacked) window.scrollTo({ top: 0, behavior: 'smooth' });
  }, [code, stacked]);

  const toggle = useCallback(
    (c: string) =>
      setExpanded((s) => {
        const next = new Set(s);
        if (!next.delete(c)) next.add(c);
        return next;
      }),
    [],
  );

  /** Opens the tree down to a region reached by a link or a search. */
  const reveal = useCallback(
    (detail: RegionDetail) =>
      setExpanded((s) => {
        const ancestors = detail.path.map((p) => p.code).filter((c) => c !== detail.code && !s.has(c));
        return ancestors.length ? new Set([...s, ...ancestors]) : s;
      }),
    [],
  );

  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 2 }}>
      <Title title={translate('resources.regions.page.title')} />
      <Box
        sx={{
          display: 'flex',
          gap: 2,
          flexDirection: { xs: 'column-reverse', md: 'row' },
          alignItems: { md: 'flex-start' },
        }}
      >
        <Card sx={{ flex: { md: '0 0 380px' }, minWidth: 0 }}>
          <CardContent sx={{ pb: 1 }}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
              {translate('resources.regions.tree.title')}
            </Typography>
            <RegionSearch />
          </CardContent>
          <RegionTree query={root} expanded={expanded} onToggle={toggle} selected={selected} />
        </Card>
        <Box sx={{ flex: 1, minWidth: 0 }}>{selected ? <RegionDetailPanel code={selected} onLoaded={reveal} /> : null}</Box>
      </Box>
    </Box>
  );
}
