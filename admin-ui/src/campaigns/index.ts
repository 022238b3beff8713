/**
 * Special inspections (专项排查): a district officer picks houses by the registry's filters within an
 * area and hands them, with a deadline, to the inspectors or town officers of each place; everyone
 * follows the campaigns over or within their area here. Pages load on demand.
 */
import { lazy } from 'react';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import type { Campaign } from './types.ts';

const list = lazy(() => import('./CampaignList.tsx').then((m) => ({ default: m.CampaignList })));
const show = lazy(() => import('./CampaignShow.tsx').then((m) => ({ default: m.CampaignShow })));
const create = lazy(() => import('./CampaignCreate.tsx').then((m) => ({ default: m.CampaignCreate })));

export default {
  list,
  show,
  create,
  icon: PlaylistAddCheckIcon,
  recordRepresentation: (campaign: Campaign) => campaign.name,
};
