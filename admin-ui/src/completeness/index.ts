/** 数据完整性 (data completeness, issue 20 §3): the report page, mounted as a custom route. */
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { CompletenessPage } from './CompletenessPage.tsx';

export default { page: CompletenessPage, icon: FactCheckIcon };
