/**
 * One group of the house file (基本情况, 建设情况 …): a titled card of label–value pairs. Values are
 * the record's, in words, unless an item brings its own (e.g. the owner with its reveal button).
 */
import type { ReactNode } from 'react';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { BuildingRecord } from './types.ts';
import { useBuildingFormat } from './useBuildingFormat.ts';

export interface SectionItem {
  field: string;
  value?: ReactNode;
}

export function FieldSection({ title, items, id }: { title: string; items: SectionItem[]; id: string }) {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  const format = useBuildingFormat();
  if (!building) return null;
  const record = building as unknown as Record<string, unknown>;
  return (
    <Card component="section" aria-labelledby={id} variant="outlined">
      <CardContent>
        <Typography id={id} variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate(title)}
        </Typography>
        <Box
          component="dl"
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: 'minmax(7em, max-content) 1fr', sm: 'minmax(9em, max-content) 1fr' },
            columnGap: 2,
            rowGap: 1,
            m: 0,
          }}
        >
          {items.map((item) => (
            <Box key={item.field} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {format.label(item.field)}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
                {item.value ?? format.value(item.field, record[item.field])}
              </Typography>
            </Box>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
}
