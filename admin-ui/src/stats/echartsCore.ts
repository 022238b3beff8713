/**
 * The parts of ECharts the statistics pages draw with (line and bar charts, axes, tooltips, legends,
 * the canvas renderer), registered once. Only `EChart.tsx` imports this, dynamically, so ECharts is a
 * chunk of its own that pages without charts never download.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export { echarts };
