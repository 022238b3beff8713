/** 上级平台凭据 (credentials of higher-level platforms, issue 20 §2): the administrators' page, mounted as a custom route. */
import KeyIcon from '@mui/icons-material/Key';
import { ApiClientsPage } from './ApiClientsPage.tsx';

export default { page: ApiClientsPage, icon: KeyIcon };
