/**
 * The complaint and progress pages' styles, on top of the scan page's (styles.ts) and the inspection
 * form's (inspectStyles.ts): rows a thumb can hit, the tracking number and secret in large type,
 * the progress as a timeline; nothing wider than the phone.
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
