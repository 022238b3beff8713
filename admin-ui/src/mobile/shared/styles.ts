/**
 * The scan page's own small stylesheet: it must not pull in MUI, so a phone on a slow connection
 * gets the page in a few kilobytes. Phone-first, readable in sunlight, large touch targets.
 */
export const SCAN_CSS = `
.scan { --scan-font: 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif;
  font-family: var(--scan-font); min-height: 100dvh; display: flex; flex-direction: column; background: #eef3fa; color: #1a1a1a;
  font-size: 16px; line-height: 1.5; -webkit-text-size-adjust: 100%; }
.scan * { box-sizing: border-box; }
.scan-header { background: #1565c0; color: #fff; padding: 14px 16px 40px; }
.scan-brand { margin: 0; font-size: 17px; font-weight: 700; letter-spacing: .5px; }
.scan-brand span { font-weight: 400; opacity: .9; }
.scan-main { flex: 1; width: 100%; max-width: 560px; margin: -28px auto 0; padding: 0 12px 16px; }
.scan-card { background: #fff; border-radius: 12px; box-shadow: 0 1px 4px rgba(0,0,0,.12); padding: 16px; margin-bottom: 12px; }
.scan-label { margin: 0; font-size: 13px; color: #5f6b7a; }
.scan-code { margin: 2px 0 10px; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 20px; font-weight: 600;
  letter-spacing: 1px; word-break: break-all; }
.scan-address { margin: 0; font-size: 20px; font-weight: 700; line-height: 1.35; overflow-wrap: anywhere; }
.scan-place { margin: 4px 0 0; color: #5f6b7a; font-size: 14px; }
.scan-judgement { border-left: 6px solid #9e9e9e; }
.scan-judgement-value { margin: 2px 0 0; font-size: 19px; font-weight: 700; display: flex; align-items: center; gap: 8px; }
.scan-judgement-value::before { content: ''; width: 12px; height: 12px; border-radius: 50%; background: currentColor; flex: none; }
.scan-judgement-date { margin: 4px 0 0; font-size: 14px; color: #5f6b7a; }
.scan-judgement-warning { margin: 8px 0 0; font-size: 14px; font-weight: 600; }
.scan-serious { border-left-color: #c62828; background: #fdecea; }
.scan-serious .scan-judgement-value, .scan-serious .scan-judgement-warning { color: #b71c1c; }
.scan-some { border-left-color: #ef6c00; background: #fff3e0; }
.scan-some .scan-judgement-value { color: #c25400; }
.scan-none { border-left-color: #2e7d32; background: #e8f5e9; }
.scan-none .scan-judgement-value { color: #1b5e20; }
.scan-unknown .scan-judgement-value { color: #616161; }
.scan-facts { display: grid; grid-template-columns: auto 1fr; gap: 8px 16px; margin: 0; }
.scan-facts dt { color: #5f6b7a; }
.scan-facts dd { margin: 0; font-weight: 500; }
.scan-actions { display: grid; gap: 10px; }
.scan-button { display: flex; align-items: center; justify-content: center; gap: 8px; width: 100%; min-height: 48px;
  border: 0; border-radius: 10px; font: inherit; font-size: 17px; font-weight: 600; background: #1565c0; color: #fff;
  text-decoration: none; cursor: pointer; }
.scan-button.secondary { background: #fff; color: #1565c0; border: 2px solid #1565c0; }
.scan-button:disabled { background: #e0e0e0; color: #757575; border-color: #e0e0e0; }
.scan-link, .scan-links a { display: flex; align-items: center; justify-content: center; min-height: 44px; padding: 0 8px;
  color: #1565c0; font-size: 16px; font-weight: 600; }
.scan-staff { border-top: 1px solid #eee; margin-top: 4px; color: #546e7a; font-size: 15px; font-weight: 500; }
.scan-entry { gap: 6px; margin: 0 auto 8px; width: fit-content; }
.scan-links { display: grid; gap: 4px; justify-items: center; margin: 4px 0 8px; }
.scan-problem { border-top: 4px solid #ef6c00; }
.scan-problem h1 { margin: 0 0 8px; font-size: 20px; }
.scan-problem p { margin: 6px 0; }
.scan-problem .scan-reason { color: #b71c1c; font-weight: 600; }
.scan-lookup { display: flex; gap: 8px; margin-top: 12px; }
.scan-lookup input { flex: 1; min-width: 0; min-height: 48px; padding: 0 12px; font: inherit; font-family: ui-monospace, Menlo, Consolas, monospace;
  font-size: 17px; letter-spacing: .5px; border: 1px solid #9aa7b6; border-radius: 10px; text-transform: uppercase; }
.scan-lookup input::placeholder { font-family: var(--scan-font); letter-spacing: 0; text-transform: none; }
.scan-lookup .scan-button { width: auto; padding: 0 18px; }
.scan-skeleton { height: 18px; border-radius: 6px; background: linear-gradient(90deg, #eceff3 25%, #f6f8fa 50%, #eceff3 75%);
  background-size: 200% 100%; animation: scan-shimmer 1.2s infinite; margin: 8px 0; }
@keyframes scan-shimmer { to { background-position: -200% 0; } }
.outbox { border-left: 6px solid #ef6c00; }
.outbox-title { margin: 0 0 8px; font-size: 17px; color: #c25400; }
.outbox-list { list-style: none; margin: 0 0 10px; padding: 0; display: grid; gap: 8px; }
.outbox-item { border: 1px solid #e3e8ef; border-radius: 8px; padding: 8px 10px; }
.outbox-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
.outbox-address { font-weight: 600; overflow-wrap: anywhere; }
.outbox-status { flex: none; font-size: 13px; font-weight: 600; padding: 1px 8px; border-radius: 10px; background: #fff3e0; color: #c25400; }
.outbox-failed .outbox-status { background: #fdecea; color: #b71c1c; }
.outbox-time { margin: 2px 0 0; font-size: 13px; color: #5f6b7a; }
.outbox-reason { margin: 4px 0 0; font-size: 14px; color: #b71c1c; }
.outbox-discard { margin-top: 6px; min-height: 40px; padding: 0 16px; border: 1px solid #b71c1c; border-radius: 8px; background: #fff;
  color: #b71c1c; font: inherit; font-size: 15px; }
.scan-footer { text-align: center; font-size: 12px; color: #6b7785; padding: 8px 16px 24px; }
`;
