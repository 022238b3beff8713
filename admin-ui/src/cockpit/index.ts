/** 数据驾驶舱 (`/cockpit`), its wall screen (`/wall`, outside the layout) and 统计分析 (`/pivot`). */
import InsightsIcon from '@mui/icons-material/Insights';
import TableChartIcon from '@mui/icons-material/TableChart';
import { CockpitPage } from './CockpitPage.tsx';
import { PivotPage } from './PivotPage.tsx';
import { WallPage } from './WallPage.tsx';

export default { page: CockpitPage, wall: WallPage, pivot: PivotPage, icon: InsightsIcon, pivotIcon: TableChartIcon };
