/** The phone map's few styles, beside the phone pages' shared ones (`SCAN_CSS`). */
export const PHONE_MAP_CSS = `
.phone-map { position: relative; height: 62vh; min-height: 320px; margin-bottom: 12px; border-radius: 12px; overflow: hidden; background: #eef1f4; }
.phone-map-frame { position: absolute; inset: 0; }
.phone-map-title { font-size: 20px; margin: 0 0 4px; }
.phone-map-hint { color: #555; font-size: 14px; margin: 4px 0 0; }
.phone-map-due { font-size: 16px; margin: 0 0 8px; }
.phone-map-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.phone-map-list a { display: flex; align-items: center; min-height: 44px; padding: 0 8px; border-radius: 8px; color: #1565c0;
  font-family: monospace; font-size: 15px; background: #e3f2fd; text-decoration: none; }
.phone-map-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; margin: -1px; padding: 0; border: 0; }
`;
