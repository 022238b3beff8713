/**
 * The configured basemap as style parts: a raster URL template as it is, or the server's PMTiles
 * archive (same origin, read with range requests through the `pmtiles://` protocol), raster or vector
 * as its header says. Nothing here reaches beyond what the configuration names.
 */
import { addProtocol } from 'maplibre-gl';
import { PMTiles, Protocol, TileType } from 'pmtiles';
import { NO_BASEMAP, rasterBasemap, vectorBasemap } from './mapStyle.ts';
import type { BasemapParts } from './mapStyle.ts';
import type { Basemap } from './types.ts';

let protocol: Protocol | null = null;

/** The `pmtiles://` protocol, registered with MapLibre once per page. */
function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

export async function basemapParts(basemap: Basemap, origin: string): Promise<BasemapParts> {
  if (!basemap) return NO_BASEMAP;
  if (basemap.type === 'raster') return rasterBasemap({ tiles: basemap.tiles }, basemap.attribution);
  const url = new URL(basemap.url, origin).href;
  const archive = new PMTiles(url);
  pmtilesProtocol().add(archive);
  const header = await archive.getHeader();
  const source = `pmtiles://${url}`;
  if (header.tileType !== TileType.Mvt) return rasterBasemap({ url: source }, basemap.attribution);
  const metadata = (await archive.getMetadata()) as { vector_layers?: { id: string }[] } | null;
  return vectorBasemap(
    source,
    (metadata?.vector_layers ?? []).map((l) => l.id),
    basemap.attribution,
  );
}
