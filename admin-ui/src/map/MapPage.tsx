/**
 * 一张图 (`/map`): every house of the user's region on one map, filtered exactly as the registry list
 * (the filters are the list's own, kept in the address like the list's), with the count the list would
 * show and a link to that list. Layers switch between houses by risk, open cases, recent complaints
 * and a campaign's progress; 三维 extrudes the houses by floors. A click on a house opens its card.
 */
import { ListBase } from 'react-admin';
import { MapScreen } from './MapScreen.tsx';

export function MapPage() {
  return (
    // The registry's list state, without fetching its rows: the map asks for its own summary and tiles.
    <ListBase resource="buildings" perPage={1} storeKey="map.buildings" queryOptions={{ enabled: false }}>
      <MapScreen />
    </ListBase>
  );
}
