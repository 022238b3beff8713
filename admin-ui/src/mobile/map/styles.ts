/** The phone map's few styles, beside the phone pages' shared ones (`SCAN_CSS`). */
export const PHONE_MAP_CSS = `
.phone-map { position: relative; height: 62vh; min-height: 320px; margin-bottom: 12px; border-radius: 12px; overflow: hidden; background: #eef1f4; }
.phone-map-frame { position: absolute; inset: 0; }
.phone-map-title { font-size: 20px; margin: 0 0 4px; }
.phone-map-hint { color: #555; font-size: 14px; margin: 4px 0 0; }
.phone-map-due { font-size: 17px; margin: 0 0 2px; }
.phone-map-order { color: #5f6b7a; font-size: 14px; margin: 0 0 10px; }
.phone-map-locate { margin-bottom: 10px; min-height: 44px; font-size: 16px; }
.phone-map-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.phone-due { display: flex; align-items: center; gap: 10px; min-height: 56px; padding: 8px 10px; border-radius: 8px; border-left: 5px solid #9e9e9e;
  background: #f3f7fc; color: #1a1a1a; text-decoration: none; }
.phone-due-main { flex: 1; min-width: 0; display: grid; gap: 2px; }
.phone-due-address { font-size: 16px; font-weight: 600; line-height: 1.35; overflow-wrap: anywhere; }
.phone-due-meta { display: flex; flex-wrap: wrap; gap: 0 10px; color: #5f6b7a; font-size: 13px; }
.phone-due-meta > span { white-space: nowrap; }
.phone-due-code { font-family: ui-monospace, Menlo, Consolas, monospace; }
.phone-due-distance { flex: none; color: #1565c0; font-size: 15px; font-weight: 700; white-space: nowrap; }
.phone-map-more { margin-top: 10px; min-height: 44px; font-size: 16px; }
.phone-map-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; margin: -1px; padding: 0; border: 0; }

.phone-coverage { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; }
.phone-coverage-figure { display: grid; gap: 2px; min-height: 56px; padding: 8px 10px; border-radius: 8px; background: #f3f7fc; color: #1a1a1a; text-decoration: none; }
.phone-coverage-figure.alert { background: #fdecea; color: #b71c1c; }
.phone-coverage-value { font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
.phone-coverage-label { font-size: 14px; color: inherit; }
`;
