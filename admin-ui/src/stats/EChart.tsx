/**
 * One ECharts chart as a React component: ECharts is loaded on first use (its own chunk, never a CDN),
 * the chart follows its container's size and is disposed with the component. `onClick` receives the
 * clicked item's category index (a bar, a point), e.g. to open the list behind it.
 */
import { useEffect, useRef, useState } from 'react';
import { Box, Skeleton } from '@mui/material';
import type { SxProps, Theme } from '@mui/material';
import type { EChartsCoreOption } from 'echarts/core';
import type * as EchartsCore from './echartsCore.ts';

type Echarts = typeof EchartsCore.echarts;
type Chart = ReturnType<Echarts['init']>;

let loading: Promise<Echarts> | null = null;
const loadEcharts = () => (loading ??= import('./echartsCore.ts').then((m) => m.echarts));

export interface EChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers. */
  label: string;
  height?: number | string;
  dark?: boolean;
  onClick?: (dataIndex: number, seriesIndex: number) => void;
  sx?: SxProps<Theme>;
}

export function EChart({ option, label, height = 320, dark = false, onClick, sx }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loadEcharts().then((echarts) => {
      if (disposed || !container.current) return;
      const created = echarts.init(container.current, dark ? 'dark' : undefined, { renderer: 'canvas' });
      created.on('click', (params) => {
        const p = params as { dataIndex?: number; seriesIndex?: number };
        if (typeof p.dataIndex === 'number') clickRef.current?.(p.dataIndex, p.seriesIndex ?? 0);
      });
      chart.current = created;
      observer = new ResizeObserver(() => created.resize());
      observer.observe(container.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      setReady(false);
    };
  }, [dark]);

  useEffect(() => {
    if (ready && chart.current) chart.current.setOption(option, { notMerge: true });
  }, [ready, option]);

  return (
    <Box sx={[{ position: 'relative', width: '100%', height }, ...(Array.isArray(sx) ? sx : [sx])]}>
      <Box ref={container} role="img" aria-label={label} sx={{ position: 'absolute', inset: 0, cursor: onClick ? 'pointer' : 'default' }} />
      {!ready && (
        <Skeleton variant="rectangular" sx={{ position: 'absolute', inset: 0, height: '100%', bgcolor: dark ? 'grey.900' : undefined }} />
      )}
    </Box>
  );
}
