/**
 * The complaint and progress pages' styles, on top of the scan page's (shared/styles.ts) and the inspection
 * form's (inspect/styles.ts): rows a thumb can hit, the complaint map drawn in SVG, the tracking
 * number and secret in large type, the progress as a timeline; nothing wider than the phone.
 */
export const COMPLAIN_CSS = `
.cmp-categories { display: grid; gap: 8px; clear: both; }
.cmp-category { display: flex; align-items: center; gap: 12px; min-height: 52px; padding: 0 12px; border: 1px solid #dfe5ec;
  border-radius: 10px; font-size: 17px; cursor: pointer; }
.cmp-category input { width: 24px; height: 24px; margin: 0; flex: none; }
.cmp-category:has(input:checked) { border: 2px solid #1565c0; background: #f3f8fe; font-weight: 600; padding: 0 11px; }
.cmp-category:has(input:focus-visible) { outline: 3px solid #90caf9; outline-offset: 2px; }
#field-category .insp-error { margin: 0 0 10px; clear: both; }
.cmp-counter { margin: 4px 0 0; text-align: right; font-size: 14px; color: #5f6b7a; }
.cmp-field { margin-top: 12px; }
.cmp-label { display: block; margin-bottom: 6px; font-size: 16px; font-weight: 600; }
.cmp-input { display: block; width: 100%; min-height: 48px; padding: 0 12px; border: 1px solid #9aa7b6; border-radius: 10px;
  font: inherit; font-size: 17px; background: #fff; }
.cmp-input[aria-invalid='true'] { border-color: #c62828; border-width: 2px; }
.cmp-confidential { margin: 0 0 6px; clear: both; padding: 10px 12px; border-radius: 8px; background: #e8f5e9; color: #1b5e20;
  font-size: 15px; font-weight: 600; }
.cmp-coordinates { margin: 2px 0 0 20px; font-size: 14px; color: #5f6b7a; font-variant-numeric: tabular-nums; }
#field-position [role='status'] { margin-bottom: 10px; }
#field-position [role='status']:empty { display: none; }
.cmp-manual { margin-top: 8px; }
.cmp-manual summary { display: flex; align-items: center; min-height: 44px; color: #1565c0; font-weight: 600; cursor: pointer; }
.cmp-manual summary::-webkit-details-marker { display: none; }
.cmp-manual summary::after { content: '▾'; margin-left: 6px; }
.cmp-manual[open] summary::after { content: '▴'; }
.cmp-pair { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
.cmp-pair .cmp-field { margin-top: 0; }
.cmp-link { display: flex; align-items: center; min-height: 44px; padding: 0; border: 0; background: none; color: #1565c0; font: inherit;
  font-size: 16px; font-weight: 600; cursor: pointer; }
.cmp-map-panel { margin: 0 0 8px; }
.cmp-map { display: block; width: 100%; height: auto; aspect-ratio: 320 / 280; border: 1px solid #cfd8e3; border-radius: 10px;
  touch-action: manipulation; cursor: crosshair; user-select: none; -webkit-user-select: none; -webkit-tap-highlight-color: transparent; }
.cmp-map-land { fill: #f1f4ec; }
.cmp-map-grid line { stroke: #dce3d2; stroke-width: 1; }
.cmp-map-grid, .cmp-map-accuracy, .cmp-map-you, .cmp-map-moved, .cmp-map-pin, .cmp-map-north, .cmp-map-scale,
  .cmp-map-house text { pointer-events: none; }
.cmp-map-accuracy { fill: rgba(21, 101, 192, .12); stroke: rgba(21, 101, 192, .5); stroke-width: 1; }
.cmp-map-you { fill: #1565c0; stroke: #fff; stroke-width: 3; }
.cmp-map-moved { stroke: #c62828; stroke-width: 2; stroke-dasharray: 4 4; }
.cmp-map-pin path { fill: #d32f2f; stroke: #fff; stroke-width: 2; }
.cmp-map-pin circle { fill: #fff; }
.cmp-map-house { cursor: pointer; outline: none; }
.cmp-map-hit { fill: transparent; pointer-events: all; }
.cmp-map-dot { fill: #ef6c00; stroke: #fff; stroke-width: 2.5; }
.cmp-map-house text { fill: #fff; font-size: 12px; font-weight: 700; }
.cmp-map-house:active .cmp-map-dot { fill: #c25400; }
.cmp-map-house:focus-visible .cmp-map-dot { stroke: #0d47a1; stroke-width: 4; }
.cmp-map-north circle { fill: rgba(255, 255, 255, .9); stroke: #cfd8e3; }
.cmp-map-north path { fill: #37474f; }
.cmp-map-north text { fill: #37474f; font-size: 10px; font-weight: 700; }
.cmp-map-scale-back { fill: rgba(255, 255, 255, .85); }
.cmp-map-scale-bar { fill: none; stroke: #263238; stroke-width: 2; }
.cmp-map-scale text { fill: #263238; font-size: 12px; font-weight: 600; }
.cmp-map-legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 8px 0 0; font-size: 14px; color: #5f6b7a; }
.cmp-map-legend span { display: flex; align-items: center; gap: 6px; }
.cmp-map-legend span::before { content: ''; width: 12px; height: 12px; border-radius: 50%; flex: none; }
.cmp-key-you::before { background: #1565c0; box-shadow: 0 0 0 3px rgba(21, 101, 192, .2); }
.cmp-key-house::before { background: #ef6c00; }
.cmp-map-legend .cmp-key-pin::before { background: #d32f2f; border-radius: 50% 50% 50% 0; transform: rotate(-45deg); }
.cmp-near-title { margin: 14px 0 8px; font-size: 16px; font-weight: 700; }
.cmp-near { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.cmp-near-row { display: flex; align-items: center; gap: 12px; width: 100%; min-height: 56px; padding: 8px 10px 8px 12px;
  border: 1px solid #dfe5ec; border-radius: 10px; background: #fff; color: inherit; font: inherit; text-align: left; cursor: pointer; }
.cmp-near-row:active { background: #f3f8fe; }
.cmp-near-no { flex: none; display: flex; align-items: center; justify-content: center; width: 26px; height: 26px; border-radius: 50%;
  background: #ef6c00; color: #fff; font-size: 14px; font-weight: 700; }
.cmp-near-text { flex: 1; min-width: 0; display: grid; }
.cmp-near-address { font-size: 16px; font-weight: 600; overflow-wrap: anywhere; }
.cmp-near-meta { font-size: 14px; color: #5f6b7a; }
.cmp-near-go { flex: none; font-size: 24px; line-height: 1; color: #9aa7b6; }
.cmp-near-status { margin: 10px 0 0; font-size: 15px; color: #5f6b7a; }
.cmp-none { margin-top: 12px; padding: 10px 12px; border-radius: 8px; background: #fff3e0; color: #8a3c00; }
.cmp-none p { margin: 0; font-size: 15px; }
.cmp-none .cmp-none-title { margin-bottom: 2px; font-size: 16px; font-weight: 700; }
.cmp-chosen { border-left: 6px solid #ef6c00; }
.cmp-chosen-hint { margin: 8px 0 0; font-size: 14px; color: #5f6b7a; }
.cmp-filed .insp-result-title { font-size: 24px; }
.cmp-keys { margin: 14px 0 10px; padding: 14px 12px; border-radius: 10px; background: #f3f8fe; border: 1px solid #c9dcf3; }
.cmp-keys dt { font-size: 15px; color: #5f6b7a; }
.cmp-keys dd { margin: 0 0 10px; }
.cmp-keys dd:last-child { margin-bottom: 0; }
.cmp-key { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 26px; font-weight: 700; letter-spacing: 1px;
  overflow-wrap: anywhere; user-select: all; }
.cmp-secret { font-size: 34px; letter-spacing: 4px; color: #0d47a1; }
.cmp-keep { margin: 0 0 14px !important; padding: 10px 12px; border-radius: 8px; background: #fff3e0; color: #8a3c00;
  font-weight: 600; }
.cmp-copy-status { margin: 0 !important; text-align: center; color: #b71c1c; font-size: 15px; }
.cmp-copy-status:empty { display: none; }
.prg-key-input { font-family: ui-monospace, Menlo, Consolas, monospace; letter-spacing: .5px; text-transform: uppercase; }
.prg-key-input::placeholder { font-family: var(--scan-font); letter-spacing: 0; text-transform: none; }
.prg-refused { margin: 12px 0 0 !important; }
.prg-submit { margin-top: 16px; min-height: 52px; }
.prg-lost { margin-top: 20px; padding-top: 12px; border-top: 1px solid #e3e8ef; }
.prg-lost-title { margin: 0; font-size: 15px; font-weight: 600; color: #1f2933; }
.prg-status { border-left: 6px solid #1565c0; }
.prg-status-value { margin: 2px 0 4px; font-size: 24px; font-weight: 700; color: #0d47a1; }
.prg-number { margin: 0; font-size: 14px; color: #5f6b7a; }
.prg-number span { font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.prg-verify_overdue { border-left-color: #ef6c00; background: #fff3e0; }
.prg-verify_overdue .prg-status-value { color: #c25400; }
.prg-rectifying { border-left-color: #ef6c00; }
.prg-rectifying .prg-status-value { color: #c25400; }
.prg-rectified { border-left-color: #2e7d32; background: #e8f5e9; }
.prg-rectified .prg-status-value { color: #1b5e20; }
.prg-withdrawn, .prg-unfounded { border-left-color: #757575; }
.prg-withdrawn .prg-status-value, .prg-unfounded .prg-status-value { color: #424242; }
.prg-reply p { margin: 0; clear: both; overflow-wrap: anywhere; white-space: pre-wrap; }
.prg-timeline { list-style: none; margin: 0; padding: 0; clear: both; }
.prg-event { position: relative; padding: 0 0 14px 22px; border-left: 2px solid #cfd8e3; margin-left: 6px; }
.prg-event:last-child { border-left-color: transparent; padding-bottom: 0; }
.prg-event::before { content: ''; position: absolute; left: -7px; top: 4px; width: 12px; height: 12px; border-radius: 50%;
  background: #9aa7b6; }
.prg-latest::before { background: #1565c0; box-shadow: 0 0 0 3px #d6e6fa; }
.prg-event time { display: block; font-size: 14px; color: #5f6b7a; font-variant-numeric: tabular-nums; }
.prg-event p { margin: 2px 0 0; overflow-wrap: anywhere; }
.prg-latest p { font-weight: 600; }
.prg-zone { margin: 10px 0 0 !important; font-size: 13px; }
.prg-actions { margin-bottom: 12px; }
`;
