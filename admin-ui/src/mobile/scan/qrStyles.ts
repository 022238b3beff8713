/**
 * The scanner's styles, on top of the scan page's (shared/styles.ts): the camera full width in a square,
 * the rest of the frame dimmed around a square guide, the verdict on a QR in large type below.
 */
export const QR_CSS = `
.qr-title { margin: 0 0 10px; padding: 0 4px; color: #fff; font-size: 19px; font-weight: 700; min-height: 28px; }
.qr-card { padding: 0; overflow: hidden; }
.qr-card[hidden] { display: none; }
.qr-view { position: relative; width: 100%; aspect-ratio: 1 / 1; background: #101820; overflow: hidden; }
.qr-video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; }
.qr-guide { position: absolute; top: 50%; left: 50%; width: 68%; aspect-ratio: 1 / 1; transform: translate(-50%, -50%);
  border: 3px solid rgba(255,255,255,.95); border-radius: 14px; box-shadow: 0 0 0 100vmax rgba(0,0,0,.38); }
.qr-overlay { position: absolute; left: 0; right: 0; bottom: 14px; margin: 0; text-align: center; color: #fff; font-size: 15px; }
.qr-status { padding: 12px 16px 14px; min-height: 76px; }
.qr-status p { margin: 0; color: #3d4956; font-size: 15px; }
.qr-status .qr-not-label { color: #b71c1c; font-size: 18px; font-weight: 700; }
.qr-status .qr-found { color: #1b5e20; font-size: 17px; font-weight: 700; }
.qr-status .qr-foreign { margin: 2px 0 4px; color: #5f6b7a; font-size: 13px; font-family: ui-monospace, Menlo, Consolas, monospace;
  overflow-wrap: anywhere; }
.qr-problem h2, .qr-manual h2 { margin: 0 0 6px; font-size: 18px; }
.qr-problem .scan-button { margin-top: 10px; }
.qr-manual .scan-lookup { margin-top: 8px; }
`;
