/**
 * The inspection form's styles, on top of the scan page's (shared/styles.ts): large choices and check
 * boxes for a thumb, text boxes that never zoom the page (16 px and up), nothing wider than the phone.
 */
export const INSPECT_CSS = `
.insp-page-title { margin: 0 0 10px; padding: 0 4px; color: #fff; font-size: 19px; font-weight: 700; display: flex;
  justify-content: space-between; align-items: baseline; gap: 8px; flex-wrap: wrap; min-height: 28px; }
.insp-page-title span { font-size: 14px; font-weight: 400; opacity: .9; }
.insp-form { display: block; }
.insp-fieldset { border: 0; margin: 0 0 12px; min-width: 0; }
.insp-legend { display: block; float: left; width: 100%; padding: 0; margin: 0 0 10px; font-size: 17px; font-weight: 700; }
.insp-legend + * { clear: both; }
.insp-hint { margin: 0 0 10px; font-size: 14px; color: #5f6b7a; clear: both; }
p.scan-card.insp-hint { margin-bottom: 12px; }
.insp-choices { display: grid; gap: 10px; clear: both; }
.insp-choice { display: flex; align-items: center; gap: 12px; min-height: 56px; padding: 0 14px; border: 2px solid #cfd8e3;
  border-radius: 10px; font-size: 17px; font-weight: 600; cursor: pointer; }
.insp-choice input { width: 24px; height: 24px; margin: 0; flex: none; accent-color: currentColor; }
.insp-choice-serious { color: #b71c1c; }
.insp-choice-some { color: #c25400; }
.insp-choice-none { color: #1b5e20; }
.insp-choice:has(input:checked) { border-color: currentColor; }
.insp-choice-serious:has(input:checked) { background: #fdecea; }
.insp-choice-some:has(input:checked) { background: #fff3e0; }
.insp-choice-none:has(input:checked) { background: #e8f5e9; }
.insp-choice:has(input:focus-visible), .insp-check:has(input:focus-visible) { outline: 3px solid #90caf9; outline-offset: 2px; }
.insp-hazards { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; clear: both; }
.insp-hazard { border: 1px solid #dfe5ec; border-radius: 10px; padding: 0 12px; }
.insp-hazard.checked { border-color: #1565c0; background: #f3f8fe; padding-bottom: 12px; }
.insp-check { display: flex; align-items: center; gap: 12px; min-height: 52px; font-size: 17px; cursor: pointer; }
.insp-check input { width: 24px; height: 24px; margin: 0; flex: none; }
.insp-text { display: block; width: 100%; min-height: 64px; padding: 10px 12px; border: 1px solid #9aa7b6; border-radius: 10px;
  font: inherit; font-size: 16px; resize: vertical; background: #fff; }
.insp-text[aria-invalid='true'] { border-color: #c62828; border-width: 2px; }
.insp-error { margin: 6px 0 0; color: #b71c1c; font-size: 15px; font-weight: 600; }
.insp-form-error { margin: 0 0 10px; text-align: center; }
.insp-file { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
.insp-pick { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; clear: both; }
.insp-disabled { background: #e0e0e0; color: #757575; border-color: #e0e0e0; }
.insp-thumbs { list-style: none; margin: 0 0 10px; padding: 0; display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px;
  clear: both; }
.insp-thumb { position: relative; aspect-ratio: 1; border-radius: 8px; overflow: hidden; background: #eceff3; }
.insp-thumb img { width: 100%; height: 100%; object-fit: cover; display: block; }
.insp-thumb-remove { position: absolute; top: 4px; right: 4px; width: 36px; height: 36px; border: 0; border-radius: 50%;
  background: rgba(0,0,0,.6); color: #fff; font-size: 22px; line-height: 1; }
#field-photos .insp-hint { margin: 8px 0 0; text-align: center; }
.insp-position { margin: 0; clear: both; font-size: 17px; font-weight: 600; display: flex; align-items: center; gap: 8px; }
.insp-position::before { content: ''; width: 12px; height: 12px; border-radius: 50%; background: currentColor; flex: none; }
.insp-position-located { color: #1b5e20; }
.insp-position-locating { color: #5f6b7a; }
.insp-position-failed { color: #c25400; }
#field-position .insp-hint { margin: 6px 0 10px; }
.insp-submit { padding: 4px 0 8px; }
.insp-submit .scan-button { min-height: 56px; font-size: 18px; }
.insp-result { border-top: 6px solid #2e7d32; }
.insp-queued { border-top: 6px solid #ef6c00; }
.insp-result-title { margin: 0 0 6px; font-size: 22px; }
.insp-result p, .insp-queued p { margin: 6px 0; }
.insp-cases { list-style: none; margin: 12px 0; padding: 0; display: grid; gap: 10px; }
.insp-case { border: 1px solid #dfe5ec; border-left: 6px solid #c62828; border-radius: 8px; padding: 10px 12px; }
.insp-case.joined { border-left-color: #ef6c00; }
.insp-case-head { display: flex; justify-content: space-between; gap: 8px; margin: 0 !important; font-weight: 600; }
.insp-case-head strong { flex: none; }
.insp-case-number { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 16px; overflow-wrap: anywhere; }
.insp-case-link { display: inline-flex; align-items: center; min-height: 44px; color: #1565c0; font-weight: 600; }
.insp-warning { color: #c25400; font-weight: 600; }
.insp-queued .scan-button { margin-top: 10px; }
`;
